"""Every record validates against strikex's JSON Schema, and every offset slices the input to its text."""
from __future__ import annotations

import copy
import json

import pytest
from conftest import SEEDS
from helpers import offset_items
from jsonschema import Draft202012Validator

from strikex.records import LIST_KEYS, error_record
from strikex import schema

SEED_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
OWN_TEXTS = {
    "empty": "",
    "whitespace": "   \n\t  \n",
    "no dispute": "The weather in Leeds was sunny on Saturday, and the market was busy.",
    "unicode": ("Ünïson members at Bristol City Council — the city’s “biggest” employer — will strike on 3 May 😀. "
                "Zoë Lewis, Unison’s branch secretary, said: “We’re ready.”"),
    "emoji first": ("😀😀😀 GMB members at Wigan Council voted 88% for strikes on a 60% turnout. "
                    "Sarah Jones, GMB organiser, said the ballot closed on 4 June."),
    "crlf": "Unison members at Leeds City Council will strike on 3 May.\r\nCllr Jane Smith said the strike was regrettable.\r\n",
    "full story": (
        "Published 20 April 2023\n\n"
        "By Tom Walker\n\n"
        "Refuse collectors at Sheffield City Council will strike on 3, 4 and 10 May after Unite members backed "
        "action by 91% on a 54% turnout.\n"
        "Unite regional officer Sarah Collins said: \"Our members have been left with no choice.\"\n"
        "Cllr Ahmed Khan, cabinet member for the environment, said the council was disappointed. Mr Khan added "
        "that talks would continue.\n"
        "A separate ballot of GMB members closes on 28 April.\n"
        "Photo: Jane Doe/REX/Shutterstock\n"),
    "tabs and odd spacing": "Unison\tmembers  at   Kirklees  council\n\n\nwill   strike on\n27 January.",
}
ALL_TEXTS = {**SEED_TEXTS, **OWN_TEXTS}


@pytest.fixture(scope="module")
def validator():
    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


@pytest.fixture(scope="module")
def records(run):
    """Each text extracted with and without a reference date."""
    return {(name, date): run(text, date=date, source=name) for name, text in ALL_TEXTS.items()
            for date in (None, "2023-04-20")}


def errors(validator, instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


@pytest.mark.parametrize("date", [None, "2023-04-20"])
@pytest.mark.parametrize("name", list(ALL_TEXTS))
def test_record_validates(validator, records, name, date):
    assert errors(validator, records[(name, date)]) == []


@pytest.mark.parametrize("date", [None, "2023-04-20"])
@pytest.mark.parametrize("name", list(ALL_TEXTS))
def test_offsets_slice_the_input_exactly(records, name, date):
    text = ALL_TEXTS[name]
    items = list(offset_items(records[(name, date)]))
    bad = [(where, m["text"], text[m["start"]:m["end"]]) for where, m in items if text[m["start"]:m["end"]] != m["text"]]
    assert bad == []
    assert all(0 <= m["start"] <= m["end"] <= len(text) for _, m in items)
    # evidence is trimmed: no mention starts or ends in white space
    assert all(m["text"] == m["text"].strip() and m["text"] for _, m in items)


def test_the_full_story_exercises_every_offset_kind(records):
    """The offset test above is only as good as what it sees: make sure every kind of mention is present."""
    kinds = {where.split("[")[0] + where.split("]")[1] for where, _ in offset_items(records[("full story", None)])}
    assert kinds >= {"unions.mentions", "councils.mentions", "people.mentions", "people.role_evidence", "dates",
                     "ballots", "ballots.closes_date", "strikes", "strikes.mentions", "strikes.date_mentions"}


@pytest.mark.parametrize("name", ["empty", "whitespace", "no dispute"])
def test_texts_without_a_dispute_give_empty_lists(records, name):
    record = records[(name, None)]
    assert {k: record[k] for k in ("unions", "councils", "people", "ballots", "strikes")} == {
        "unions": [], "councils": [], "people": [], "ballots": [], "strikes": []}
    empty = ["the input is empty (or only white space): nothing to extract"]
    assert record["warnings"] == (empty if name in {"empty", "whitespace"} else [])
    assert record["schema_version"] == "1.1"
    assert record["source"] == name


@pytest.mark.parametrize("source, message", [("articles/x.pdf", "articles/x.pdf: binary file (a PDF document)"),
                                             (None, "no such file"), ("-", "cannot read")])
def test_error_records_validate(validator, source, message):
    record = error_record(source, message)
    assert record == {"schema_version": "1.1", "source": source, "error": message, **{k: [] for k in LIST_KEYS}}
    assert errors(validator, record) == []


def test_schema_rejects_what_it_should(validator, records):
    """The schema is strict: a missing key, an extra key or a bad value is an error."""
    good = records[("001_2251fc9ddb0dfb63.txt", None)]
    missing = copy.deepcopy(good)
    del missing["strikes"]
    extra = copy.deepcopy(good)
    extra["comment"] = "x"
    bad_date = copy.deepcopy(good)
    bad_date["strikes"][0]["dates"] = ["27/01/2017"]
    bad_status = copy.deepcopy(good)
    bad_status["strikes"][0]["status"] = "maybe"
    bad_pct = copy.deepcopy(good)
    bad_pct["ballots"][0]["support_pct"] = 179
    for instance in (missing, extra, bad_date, bad_status, bad_pct, {"schema_version": "1.1", "source": "x"},
                     {"schema_version": "1.1", "source": "x", "error": ""}):
        assert errors(validator, instance) != []


def test_record_keys_are_the_schema_keys(records):
    record_def = schema()["$defs"]["record"]
    # provenance: in every record the batch writes, optional in the schema (added in 1.1 without a new version);
    # text: only a web page's record keeps the text it was read as (html.py)
    assert set(records[("empty", None)]) == set(record_def["required"]) | {"provenance"} == set(record_def["properties"]) - {"text"}


def test_strikex_schema_command_prints_the_same_schema(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == schema()
    assert result.stderr == ""


def test_the_status_words_are_the_schema_enum():
    from strikex.records import STATUS_ORDER

    for name in ("dispute", "strike"):
        assert schema()["$defs"][name]["properties"]["status"]["enum"] == [*reversed(STATUS_ORDER), None]
