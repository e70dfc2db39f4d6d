"""Small helpers for reading records in tests. The comparison keys are ``strikex.evaluate``'s, which
mirror the independent scorer (``shared/tools/score.py``): unions compared case-insensitively (with the
scorer's aliases), councils after dropping form words, people after lower-casing and dropping titles, roles
and organisations by word overlap.
"""
from __future__ import annotations

from typing import Any, Iterator

from strikex.evaluate import (  # noqa: F401  (re-exported for the tests)
    FIGURES, council_key, jaccard, org_matches, person_key, role_matches, union_key, words,
)


# -- reading records -----------------------------------------------------------------------------------
def union_names(record: dict) -> list[str]:
    return [u["name"] for u in record["unions"]]


def council_keys(record: dict) -> set[str]:
    return {council_key(c["name"]) for c in record["councils"]}


def people_names(record: dict) -> list[str]:
    return [p["name"] for p in record["people"]]


def person(record: dict, name: str) -> dict:
    found = [p for p in record["people"] if p["name"] == name]
    assert len(found) == 1, f"expected one person {name!r}, got {people_names(record)}"
    return found[0]


def strike_days(record: dict) -> list[str]:
    return sorted({d for s in record["strikes"] for d in s["dates"]})


def figures(ballot: dict) -> tuple:
    return tuple(ballot[k] for k in FIGURES)


def offset_items(record: dict) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (where, {text, start, end}) the record points into the input with."""
    for key in ("unions", "councils", "people"):
        for i, item in enumerate(record[key]):
            for m in item["mentions"]:
                yield f"{key}[{i}].mentions", m
            if key == "people" and item["role_evidence"] is not None:
                yield f"people[{i}].role_evidence", item["role_evidence"]
    for i, d in enumerate(record["dates"]):
        yield f"dates[{i}]", d
    for i, b in enumerate(record["ballots"]):
        yield f"ballots[{i}]", b
        if b["closes_date"] is not None:
            yield f"ballots[{i}].closes_date", b["closes_date"]
    for i, c in enumerate(record.get("causes", [])):
        for m in c["evidence"]:
            yield f"causes[{i}].evidence", m
    for i, w in enumerate(record.get("workers", [])):
        for m in w["mentions"]:
            yield f"workers[{i}].mentions", m
    for key in ("money", "quotes"):
        for i, item in enumerate(record.get(key, [])):
            yield f"{key}[{i}]", item
    for i, s in enumerate(record["strikes"]):
        yield f"strikes[{i}]", s
        for m in s["mentions"]:
            yield f"strikes[{i}].mentions", m
        for d in s["date_mentions"]:
            yield f"strikes[{i}].date_mentions", d


def points_to(text: str, m: dict[str, Any]) -> bool:
    """The offsets slice the input to the mention's text. In an input with markup the slice may also hold
    the tags and entities the mention's text has without them (``markup.py``): then the slice, stripped,
    reads as the text does, white space aside."""
    from strikex import markup

    if not 0 <= m["start"] <= m["end"] <= len(text):
        return False
    found = text[m["start"]:m["end"]]
    if found == m["text"]:
        return True
    return markup.has_markup(text) and markup.strip(found).text.split() == m["text"].split()


# -- the other senses of the dispute words ----------------------------------------------------------------
# One sentence of our own for each sense of models/other_senses.json, with a union named and a date: without
# the sense, each would be a strike and a dispute (test_strikes.py and test_disputes.py read them).
SENSE_SENTENCES = [
    ("lightning", "The Unison branch office was hit by a lightning strike on 3 May."),
    ("lightning", "Two GMB stewards were struck by lightning on 3 May."),      # the agent form
    ("hunger_strike", "A former GMB steward began a hunger strike outside the embassy on 3 May."),
    ("military", "The Unite convenor's cousin was hurt in an air strike abroad on 3 May."),
    ("rent_strike", "A rent strike will begin at Mercer Court on 3 May, Unite Community said."),
    ("climate_strike", "A climate strike will take place outside the Unison building on 3 May."),
    ("sport", "A penalty strike from the Unison five-a-side captain won the cup on 3 May."),
    ("strike_a_deal", "Wyford Council hopes to strike a deal with the GMB's landlord on 3 May."),
    ("strike_a_balance", "The Unison training centre must strike a balance between cost and quality by 3 May."),
    ("strike_a_note", "The Unite leader will strike a note of optimism at the conference on 3 May."),
    ("walk_out_of", "A Unison member on the committee walked out of the meeting on 3 May in protest."),
    ("strike_out_words", "The Unison secretary accused the panel of striking out the appeal clause on 3 May."),
]
