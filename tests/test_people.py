"""strikex_people: people in the story, titles dropped, with role and organisation.

Organisations are compared as the gold format does: a union's canonical name, or a council's name
compared without form words (``helpers.org_matches``).
"""
from __future__ import annotations

import pytest
from helpers import org_matches, people_names, person

CASES = [
    # titled name, role after it, council named in the role phrase
    ("Cllr Jane Smith, cabinet member for finance at Leeds City Council, said the offer was fair.",
     ("Jane Smith", "cabinet member for finance", "Leeds City Council")),
    ("Councillor Jane Smith said the council could not afford more.", ("Jane Smith", None, None)),
    ("Mr David Brown, branch secretary of Unison, said members were angry.", ("David Brown", "branch secretary", "UNISON")),
    ("Dr Amira Hassan said the strike would hit services for older people.", ("Amira Hassan", None, None)),
    # role before the name
    ("Unison branch secretary Paul Nelson said members had been left with no choice.",
     ("Paul Nelson", "branch secretary", "UNISON")),
    ("Unison's lead negotiator Patrick Kerry said the council had reneged on the deal.",
     ("Patrick Kerry", "lead negotiator", "UNISON")),
    ("GMB Scotland organiser Kevin Duncan said members at Glasgow City Council were angry.",
     ("Kevin Duncan", "organiser", "GMB")),
    ("Wigan Council leader David Molyneux said he hoped talks would resume.", ("David Molyneux", "leader", "Wigan Council")),
    ('"We will fight on," said Labour councillor Tom Price.', ("Tom Price", "councillor", "Labour")),
    # role after the name
    ("Unison members will strike, said Paul Nelson, the union's regional organiser.",
     ("Paul Nelson", "regional organiser", "UNISON")),
    ("Sarah Collins, Unite regional officer, said bin crews would walk out.", ("Sarah Collins", "regional officer", "Unite")),
    ("Mrs Karen Lloyd, Unison's head of local government, said the ballot result was clear.",
     ("Karen Lloyd", "head of local government", "UNISON")),
    ("Bin crews at Manchester City Council will strike, said Cllr Ahmed Khan, executive member for environment.",
     ("Ahmed Khan", "executive member for environment", "Manchester City Council")),
    # "the council" stands for the council the article names
    ("Bin crews at Wigan Council will strike. The council's chief executive, Helen Ward, said she was disappointed.",
     ("Helen Ward", "chief executive", "Wigan Council")),
    ("Bin crews at Wigan Council will strike. Helen Ward, the council's chief executive, said she was disappointed.",
     ("Helen Ward", "chief executive", "Wigan Council")),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_person_role_and_organisation(run, text, expected):
    name, role, organisation = expected
    record = run(text)
    assert people_names(record) == [name]
    p = person(record, name)
    assert p["role"] == role
    assert org_matches(organisation, p["organisation"]), p["organisation"]


@pytest.mark.parametrize("text, expected", [
    ("GMB branch secretary Sarah Lloyd-Jones said members were angry.", "Sarah Lloyd-Jones"),
    ("Cllr Sarah Lloyd-Jones said the council could not pay more.", "Sarah Lloyd-Jones"),
    ("Cllr Anne Lewis said the council could not pay more.", "Anne Lewis"),
    ('"We have no choice," said Karen O\'Neill, Unite\'s lead officer for Barnsley.', "Karen O'Neill"),
])
def test_names_as_written(run, text, expected):
    assert people_names(run(text)) == [expected]


@pytest.mark.parametrize("text, name", [
    ("Cllr Jane Smith said the offer was fair.", "Jane Smith"),
    ("Councillor Peter Hughes voted against the budget.", "Peter Hughes"),
    ("Mr David Brown said members were angry.", "David Brown"),
    ("Ms Helen Ward said she was disappointed.", "Helen Ward"),
])
def test_titles_are_stripped_from_name_and_mention(run, text, name):
    (p,) = run(text)["people"]
    assert p["name"] == name
    assert [m["text"] for m in p["mentions"]] == [name]


def test_two_titled_people_in_one_sentence(run):
    record = run("Councillor Peter Hughes and Cllr. Anne Lewis both voted against the budget.")
    assert people_names(record) == ["Peter Hughes", "Anne Lewis"]


@pytest.mark.parametrize("text, name, mentions", [
    ("Unison branch secretary Paul Nelson said talks had failed. Nelson added that members were united.",
     "Paul Nelson", ["Paul Nelson", "Nelson"]),
    ('GMB organiser Kevin Duncan said members would strike. "We have no choice," Mr Duncan said.',
     "Kevin Duncan", ["Kevin Duncan", "Duncan"]),
    ("Helen Ward, regional secretary of Unison, said talks had failed. Ms Ward added that members were united.",
     "Helen Ward", ["Helen Ward", "Ward"]),
])
def test_surname_mention_merged_with_full_name(run, text, name, mentions):
    record = run(text)
    assert people_names(record) == [name]
    assert [m["text"] for m in person(record, name)["mentions"]] == mentions


@pytest.mark.parametrize("text, not_a_person", [
    ("Photo: Jane Doe/REX/Shutterstock\nUnison members at Leeds City Council will strike on Monday.", "Jane Doe"),
    ("Picture: Sam Hughes/PA\nCare staff at Fife Council walked out.", "Sam Hughes"),
    ("Photo by Tom Walker\nSocial workers at Kirklees Council will strike.", "Tom Walker"),
    ("By Paul Nelson\nUnison members at Leeds City Council will strike.", "Paul Nelson"),
    ("By Paul Nelson, Local Democracy Reporter\n\nGMB members at Wigan Council voted to strike.", "Paul Nelson"),
])
def test_credits_and_bylines_are_not_people(run, text, not_a_person):
    record = run(text)
    assert not_a_person not in people_names(record)
    assert record["people"] == []
    assert len(record["councils"]) == 1  # the story after the credit is still read


def test_reporter_in_the_story_is_not_a_person(run):
    record = run("Unison members at Leeds City Council will strike, the union told reporter Tom Walker.")
    assert "Tom Walker" not in people_names(record)


def test_unions_councils_and_parties_are_not_people(run):
    text = ("Unison and Unite members at Leeds City Council will strike. Labour said the strike was regrettable, "
            "and Cllr Jane Smith agreed.")
    assert people_names(run(text)) == ["Jane Smith"]


def test_role_evidence_points_at_the_role_phrase(run):
    text = "Paul Holmes, branch secretary for Unison in Kirklees, said any move would be unprecedented."
    p = person(run(text), "Paul Holmes")
    assert p["role"] == "branch secretary"
    assert p["organisation"] == "UNISON"
    evidence = p["role_evidence"]
    assert "branch secretary" in evidence["text"]
    assert text[evidence["start"]:evidence["end"]] == evidence["text"]
    assert p["rule"] == "names.py:ner_person+roles.py:apposition_after"


def test_person_without_role_has_nulls(run):
    p = person(run("Talks between Jane Smith and the council broke down."), "Jane Smith")
    assert (p["role"], p["organisation"], p["role_evidence"]) == (None, None, None)


def test_people_and_quotes_share_one_list_of_speech_verbs(nlp):
    """models/speech.json is the one list of verbs of saying: strikex_quotes accepts every verb strikex_people
    reads a name by, and more (its quote_verbs)."""
    people = nlp.get_pipe("strikex_people")
    quotes = nlp.get_pipe("strikex_quotes")
    assert people.names.speech < quotes.verbs
    assert {"said", "accused", "adding"} <= quotes.verbs and "adding" not in people.names.speech


def test_working_objects_are_not_the_output_records(nlp):
    from strikex.components.names import PersonFound
    from strikex.components.quotes import QuoteFound

    doc = nlp('Cllr Jane Smith said: "We cannot afford to pay any more than this."')
    assert [type(p) for p in doc._.people] == [PersonFound]
    assert [type(q) for q in doc._.quotes] == [QuoteFound]
    assert doc._.quotes[0].speaker == "Jane Smith"
