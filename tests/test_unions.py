"""strikex_unions: unions named in the text, normalised to canonical short names."""
from __future__ import annotations

import pytest
from helpers import people_names, union_names

from strikex.components.unions import SPANS_KEY


@pytest.mark.parametrize("text, expected", [
    ("Unison members at Leeds City Council will strike next month.", ["UNISON"]),
    ("UNISON said its members had been left with no choice.", ["UNISON"]),
    ("Unite the Union said bin crews in Sheffield would walk out.", ["Unite"]),
    ("Talks between the council and Unite the union resumed on Tuesday.", ["Unite"]),
    ("UNITE members at Birmingham City Council walked out on Monday.", ["Unite"]),
    ("GMB Scotland organiser Kevin Duncan said members at Glasgow City Council were angry.", ["GMB"]),
    ("Members of the GMB union and Unison at Hackney council will strike.", ["GMB", "UNISON"]),
    ("The National Education Union said teachers in Kent would walk out.", ["NEU"]),
    ("NEU and NASUWT members at schools run by Durham County Council will strike.", ["NEU", "NASUWT"]),
    ("The Royal College of Nursing balloted its members at the county's care homes.", ["RCN"]),
    ("The Fire Brigades Union warned of strikes across Merseyside.", ["FBU"]),
    ("Members of the Bus Workers Union in Bristol voted for action.", ["Bus Workers Union"]),
    ("The Leeds Teachers' Association said members would strike.", ["Leeds Teachers' Association"]),
])
def test_unions_found_and_normalised(run, text, expected):
    assert union_names(run(text)) == expected


@pytest.mark.parametrize("text", [
    "The choir sang in unison as councillors arrived at the town hall.",
    "Residents and staff spoke in unison against the cuts to library hours.",
    "The unite campaign hopes to unite residents behind the new park.",
    "The European Union rules do not apply to the contract, the council said.",
    "The Students' Union backed the lecturers in their dispute.",
    "The weather in Leeds was sunny on Saturday.",
])
def test_words_that_are_not_unions(run, text):
    assert run(text)["unions"] == []


def test_mentions_of_one_union_are_grouped(run):
    text = ("Unison members will strike on Monday. The Unison union said UNISON Scotland backed the action, "
            "and Unison would not back down.")
    (union,) = run(text)["unions"]
    assert union["name"] == "UNISON"
    assert [m["text"] for m in union["mentions"]] == ["Unison", "Unison union", "UNISON Scotland", "Unison"]
    assert union["rule"] == "unions.jsonl:unison"


def test_union_mentions_in_order_of_first_mention(run):
    record = run("GMB members voted to strike. Unison and GMB officials met the council. Unite said it would follow.")
    assert union_names(record) == ["GMB", "UNISON", "Unite"]


@pytest.mark.parametrize("text", [
    '"We will not back down," said Unison.',
    "Talks between Jane Smith and Unison broke down on Monday.",
    "Members were told by Unison that the offer was final.",
])
def test_unison_tagged_person_by_ner_is_a_union_not_a_person(nlp, run, text):
    doc = nlp(text)
    # the pretrained NER really does call it a person here: the rules must overrule it
    assert ("Unison", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    record = run(text)
    assert union_names(record) == ["UNISON"]
    assert "Unison" not in people_names(record)
    assert all("Unison" not in m["text"] for p in record["people"] for m in p["mentions"])


def test_union_in_a_photo_credit_is_ignored(run):
    text = "Photo: Unison Press Office/PA\n\nBin crews at Wigan Council will strike next week, the GMB said."
    assert union_names(run(text)) == ["GMB"]


# -- the component alone, on a blank pipeline (tokenizer only) ------------------------------------------
@pytest.fixture(scope="module")
def blank_unions(blank):
    return blank("strikex_boilerplate", "strikex_unions")


@pytest.mark.parametrize("text, expected", [
    ("Unite the Union and GMB Scotland members at Kirklees council.",
     [("Unite the Union", "Unite", "unions.jsonl:unite"), ("GMB Scotland", "GMB", "unions.jsonl:gmb")]),
    ("They sang in unison.", []),
    ("Unison, unison and UNISON.", [("Unison", "UNISON", "unions.jsonl:unison"), ("UNISON", "UNISON", "unions.jsonl:unison")]),
])
def test_union_component_on_blank_pipeline(blank_unions, text, expected):
    doc = blank_unions(text)
    assert [(s.text, s._.canonical, s._.rule) for s in doc.spans[SPANS_KEY]] == expected
