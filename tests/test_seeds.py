"""The three seed articles against their gold records (seeds/NAME.json, as the user supplied them).

Compared as ``shared/tools/score.py`` compares them, but stricter: every field must equal the gold set
exactly (no missing and no extra unions, councils, people, ballots or days). As the scorer does, the gold
reference date is passed as the reference (``--date``) only when the text itself states none.
"""
from __future__ import annotations

import json

import pytest
from conftest import GOLDEN, SEEDS
from helpers import (FIGURES, council_key, figures, org_matches, person_key, role_matches, strike_days, union_key)

SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))
BRADFORD, KIRKLEES, BLACKPOOL = "000_dd55b0f1b5025467", "001_2251fc9ddb0dfb63", "002_68eb0a51ffc3d97e"


def gold(name: str) -> dict:
    return json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_record(run):
    cache: dict[str, dict] = {}

    def get(name: str) -> dict:
        if name not in cache:
            g = gold(name)
            text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
            cache[name] = run(text, date=None if g["published_in_text"] else g["reference_date"], source=name)
        return cache[name]

    return get


def test_every_seed_has_a_golden_file():
    assert SEED_NAMES == [BRADFORD, KIRKLEES, BLACKPOOL]
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == SEED_NAMES


@pytest.mark.parametrize("name", SEED_NAMES)
def test_unions(seed_record, name):
    assert {union_key(u["name"]) for u in seed_record(name)["unions"]} == {union_key(u) for u in gold(name)["unions"]}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_councils(seed_record, name):
    assert {council_key(c["name"]) for c in seed_record(name)["councils"]} == {council_key(c) for c in gold(name)["councils"]}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_people_are_exactly_the_gold_people(seed_record, name):
    got = [person_key(p["name"]) for p in seed_record(name)["people"]]
    assert len(got) == len(set(got)), f"a person is listed twice: {got}"
    assert set(got) == {person_key(p["name"]) for p in gold(name)["people"]}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_roles_and_organisations(seed_record, name):
    predicted = {person_key(p["name"]): p for p in seed_record(name)["people"]}
    for g in gold(name)["people"]:
        p = predicted[person_key(g["name"])]
        assert role_matches(g["role"], p["role"]), (g, p["role"])
        assert org_matches(g["organisation"], p["organisation"]), (g, p["organisation"])


@pytest.mark.parametrize("name", SEED_NAMES)
def test_ballot_figures(seed_record, name):
    """Ballots that carry a figure, compared on all four figures."""
    def key(b):
        return tuple(None if b[k] is None else float(b[k]) for k in FIGURES)

    got = sorted((key(b) for b in seed_record(name)["ballots"] if any(b[k] is not None for k in FIGURES)), key=str)
    assert got == sorted((key(b) for b in gold(name)["ballots"]), key=str)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_strike_days(seed_record, name):
    assert set(strike_days(seed_record(name))) == set(gold(name)["strike_dates"])


@pytest.mark.parametrize("name", SEED_NAMES)
def test_ballot_close_dates(seed_record, name):
    got = {b["closes"] for b in seed_record(name)["ballots"] if b["closes"]}
    assert got == set(gold(name)["ballot_close_dates"])


@pytest.mark.parametrize("name", SEED_NAMES)
def test_reference_date_stated_in_text(seed_record, name):
    record, g = seed_record(name), gold(name)
    if g["published_in_text"]:
        assert (record["reference_date"], record["reference_date_source"]) == (g["published_in_text"], "text")
    else:
        assert record["reference_date"] == g["reference_date"]


# -- seed-specific facts --------------------------------------------------------------------------------
def test_kirklees_ballot_figures_and_union(seed_record):
    (ballot,) = seed_record(KIRKLEES)["ballots"]
    assert figures(ballot) == (79, None, 75, None)
    assert ballot["union"] == "UNISON"
    assert "79% of 75 Unison members who voted" in ballot["text"]


def test_kirklees_strike_day_and_reference_date_from_text(seed_record):
    record = seed_record(KIRKLEES)
    assert record["reference_date"] == "2017-01-18"
    assert record["reference_date_source"] == "text"
    assert strike_days(record) == ["2017-01-27"]
    (strike,) = record["strikes"]
    assert strike["union"] == "UNISON"
    assert strike["employer"] == "Kirklees Council"


def test_kirklees_deadline_yesterday_is_not_a_strike_day(seed_record):
    """'a deadline of 4pm yesterday' is 2017-01-17: a date in the text, but not a strike day."""
    record = seed_record(KIRKLEES)
    assert "2017-01-17" in {d["date"] for d in record["dates"]}
    assert "2017-01-17" not in strike_days(record)


def test_kirklees_text_date_wins_over_a_given_date(run):
    text = (SEEDS / f"{KIRKLEES}.txt").read_text(encoding="utf-8")
    record = run(text, date="2020-06-01")
    assert (record["reference_date"], record["reference_date_source"]) == ("2017-01-18", "text")
    assert strike_days(record) == ["2017-01-27"]


def test_kirklees_photo_credit_is_not_a_person(seed_record):
    names = [p["name"] for p in seed_record(KIRKLEES)["people"]]
    assert "Jeffery Titcomb" not in names
    assert names == ["Paul Holmes"]


def test_kirklees_surname_mention_merged(seed_record):
    (holmes,) = seed_record(KIRKLEES)["people"]
    assert [m["text"] for m in holmes["mentions"]] == ["Paul Holmes", "Holmes"]


def test_blackpool_ballot_closes_without_a_year(seed_record):
    """'The ballot will run until January 15.' with no year anywhere: month and day kept, no year guessed."""
    record = seed_record(BLACKPOOL)
    assert record["reference_date"] is None
    (ballot,) = record["ballots"]
    assert ballot["closes"] is None
    closes = ballot["closes_date"]
    assert (closes["month"], closes["day"], closes["year"], closes["date"]) == (1, 15, None, None)
    assert closes["text"] == "January 15"
    assert all(ballot[k] is None for k in FIGURES)  # 250 members at a meeting is not a ballot figure


def test_blackpool_people_roles(seed_record):
    record = seed_record(BLACKPOOL)
    by_name = {p["name"]: p for p in record["people"]}
    assert by_name["Tony Garnsey"]["role"] == "branch secretary"
    assert union_key(by_name["Tony Garnsey"]["organisation"]) == "unison"
    assert by_name["Steve Pullen"]["role"] == "director of social services"
    assert council_key(by_name["Steve Pullen"]["organisation"]) == "blackpool"
    # "Mr Garnsey", "Garnsey" and the second "Tony Garnsey" are one person
    assert {m["text"] for m in by_name["Tony Garnsey"]["mentions"]} == {"Tony Garnsey", "Garnsey"}
    assert len(by_name["Tony Garnsey"]["mentions"]) == 5


def test_bradford_has_no_reference_date_and_wednesday_stays_unresolved(seed_record):
    record = seed_record(BRADFORD)
    assert record["reference_date"] is None
    assert record["reference_date_source"] is None
    assert strike_days(record) == []
    walkout = [d for s in record["strikes"] for d in s["date_mentions"] if d["text"] == "Wednesday"]
    assert len(walkout) == 1
    assert walkout[0]["weekday"] == "Wednesday"
    assert walkout[0]["date"] is None
    assert (walkout[0]["year"], walkout[0]["month"], walkout[0]["day"]) == (None, None, None)


def test_bradford_place_name_alone_is_not_another_council(seed_record):
    """'Bradford is in crisis' and 'Bradford-i' name the place or a project, not a second council."""
    councils = seed_record(BRADFORD)["councils"]
    assert [c["name"] for c in councils] == ["Bradford Council"]
    assert all(m["text"] == "Bradford Council" for m in councils[0]["mentions"])


def test_bradford_comment_rules_are_boilerplate(seed_record):
    """The comment rules after the story talk of 'our community', not of people or disputes."""
    record = seed_record(BRADFORD)
    cut = (SEEDS / f"{BRADFORD}.txt").read_text(encoding="utf-8").index("Comments: Our rules")
    assert all(m["start"] < cut for p in record["people"] for m in p["mentions"])
    assert all(s["start"] < cut for s in record["strikes"])
