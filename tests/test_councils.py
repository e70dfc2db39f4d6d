"""strikex_councils: UK local authorities, one entry per council however it is written.

Council names are compared as the gold format compares them: after dropping words such as council,
borough, city, county, district, metropolitan, of, the (``helpers.council_key``).
"""
from __future__ import annotations

import pytest
from helpers import council_key, council_keys

from strikex.components.councils import SPANS_KEY


@pytest.mark.parametrize("text, expected", [
    ("Kirklees council said it would seek an injunction. A spokesman for Kirklees Council declined to comment.",
     ["kirklees"]),
    ("Staff at the London Borough of Hackney will strike. Hackney council said services would be affected.",
     ["hackney"]),
    ("Care workers employed by Glasgow City Council voted to strike.", ["glasgow"]),
    ("Members at Blackpool Borough Council were balloted. Blackpool Council said it had made concessions.",
     ["blackpool"]),
    ("City of Bradford Metropolitan District Council said the walk-out was regrettable.", ["bradford"]),
    ("Birmingham City Council and Sandwell Council both face strikes over pay.", ["birmingham", "sandwell"]),
    ("The Royal Borough of Kensington and Chelsea said refuse would still be collected.", ["kensington chelsea"]),
    ("Rhondda Cynon Taf council said schools would stay open during the strike.", ["rhondda cynon taf"]),
    ("Cardiff Council and the Vale of Glamorgan Council were named in the dispute.", ["cardiff", "vale glamorgan"]),
    ("Staff at Reading Borough Council walked out over pay.", ["reading"]),
    ("Fife Council said the strike by school cleaners was regrettable.", ["fife"]),
])
def test_councils_found_and_merged(run, text, expected):
    record = run(text)
    assert [council_key(c["name"]) for c in record["councils"]] == expected


@pytest.mark.parametrize("text", [
    "Bin crews in Bradford will walk out next month.",
    "The council said it was disappointed by the vote.",
    "Talks with the county council and the borough council broke down.",
    "She spent the evening reading council papers about the strike.",
    "Unison members marched through Leeds city centre on Saturday.",
])
def test_not_councils(run, text):
    assert run(text)["councils"] == []


def test_one_council_however_it_is_written(run):
    text = ("Social workers at Kirklees Council will strike. Kirklees council said it would seek an injunction, "
            "and KIRKLEES COUNCIL later confirmed it.")
    (council,) = run(text)["councils"]
    assert council_key(council["name"]) == "kirklees"
    assert [m["text"] for m in council["mentions"]] == ["Kirklees Council", "Kirklees council", "KIRKLEES COUNCIL"]
    assert council["rule"].startswith("councils.jsonl:")


def test_london_borough_and_short_form_are_one_council(run):
    text = "The London Borough of Hackney faces a strike by Unison members. Hackney council has offered 2%."
    (council,) = run(text)["councils"]
    assert [m["text"] for m in council["mentions"]] == ["London Borough of Hackney", "Hackney council"]
    assert council_key(council["name"]) == "hackney"


def test_possessive_is_left_out_of_the_mention(run):
    (council,) = run("Kirklees council's social workers will strike on Friday.")["councils"]
    assert [m["text"] for m in council["mentions"]] == ["Kirklees council"]


def test_a_bare_place_does_not_add_a_council(run):
    text = "Hackney council said bin crews in Bradford and Leeds would not be affected."
    assert council_keys(run(text)) == {"hackney"}


def test_council_in_copyright_line_is_boilerplate(run):
    text = "Unison members at Leeds City Council will strike.\n© Wigan Council 2023. All rights reserved."
    assert council_keys(run(text)) == {"leeds"}


# -- the component alone, on a blank pipeline (tokenizer only) ------------------------------------------
@pytest.fixture(scope="module")
def blank_councils(blank):
    return blank("strikex_boilerplate", "strikex_councils")


@pytest.mark.parametrize("text, expected", [
    ("Unison members at the London Borough of Hackney.", [("London Borough of Hackney", "hackney")]),
    ("Kirklees council and Kirklees Council.", [("Kirklees council", "kirklees"), ("Kirklees Council", "kirklees")]),
    ("Bin crews in Bradford.", []),
    ("The council said no.", []),
])
def test_council_component_on_blank_pipeline(blank_councils, text, expected):
    doc = blank_councils(text)
    assert [(s.text, council_key(s._.canonical)) for s in doc.spans[SPANS_KEY]] == expected
    assert all(s._.rule.startswith("councils.jsonl:") for s in doc.spans[SPANS_KEY])


# Councils in general forms (issue 11): lists by place in a council context, abbreviated suffixes, job-advert
# sidebars; places used as places stay places. Invented texts; names exactly as models/councils.jsonl gives them.
FORM_CASES = [
    # --- C3: councils named in lists, by place, in a council context ------------------------------------------
    ("c3_list_before_councils", "Unison members at Angus, Fife and Moray councils will strike over pay next month.",
     {"Angus Council", "Fife Council", "Moray Council"}),
    ("c3_list_after_councils_are", "GMB members will walk out on Monday. The four councils affected are Bury, Oldham, Rochdale and Stockport.",
     {"Bury Council", "Oldham Council", "Rochdale Borough Council", "Stockport Council"}),
    ("c3_councils_including", "Unite members at councils including Sefton, Wirral and Gateshead will strike over pay.",
     {"Sefton Council", "Wirral Council", "Gateshead Council"}),
    ("c3_councils_of", "School support staff employed by the councils of Angus and Falkirk have voted to strike, Unison said.",
     {"Angus Council", "Falkirk Council"}),
    ("c3_councils_possessive", "Angus and Fife councils' cleaners will strike on Tuesday, the GMB said.",
     {"Angus Council", "Fife Council"}),
    # --- C4: abbreviated council names --------------------------------------------------------------------
    ("c4_cc_abbreviation", "More than 70% of Unison members at Derbyshire CC have backed strike action over job cuts.",
     {"Derbyshire County Council"}),
    ("c4_bc_abbreviation", "Unite members at Rochdale BC will strike on Friday, the union said.",
     {"Rochdale Borough Council"}),
    # --- C2: "PLACE councils" for "PLACE council's" ---------------------------------------------------------
    ("c2_councils_possessive_no_apostrophe", "Drivers for the Wirral councils recycling contractor have voted to strike, Unite said.",
     {"Wirral Council"}),
    # --- negatives: places used as places are not councils -------------------------------------------------
    ("neg_places_as_places", "Unison members at Moray Council will strike. Pickets will gather in Elgin, and members travelled from Dundee and Aberdeen to join them.",
     {"Moray Council"}),
    ("neg_bare_place_no_council", "Bin workers in Leeds will strike, Unite said. The union also represents drivers at a depot near Bradford.",
     set()),
    ("neg_place_adjective", "Unite members employed by a Sheffield-based contractor at the Rotherham depot will strike over pay.",
     set()),
    # --- C1: job adverts and related links are not the story -----------------------------------------------
    ("c1_recruiter_misspelt", "GMB members at Torbay Council will strike on Monday.\n\nHighways jobs\n\nLunchtime Play Worker\n\nCornwall Council\n"
     "£24,000 pro rata\nPart time\nRecuriter: Cornwall Council\n\nYouth Worker\n\nLancashire County Council\n£26,000 - £29,000 per annum",
     {"Torbay Council"}),
    ("c1_job_block_no_recruiter", "Unison members at Fife Council will strike over pay.\n\nLatest jobs\n\nCare Assistant\nDurham County Council\n£12.40 per hour\n"
     "Social Worker\nOldham Council\n£38,000 per annum",
     {"Fife Council"}),
    ("c1_related_links", "Unite members at Salford City Council will strike on Friday.\n\nRelated articles\nGateshead Council approves budget\nBury Council leader resigns",
     {"Salford City Council"}),
    # --- positives that must keep working ------------------------------------------------------------------
    ("pos_place_possessive_council", "Bradford's council has offered its refuse crews a new deal, but Unite says the strike will go ahead.",
     {"Bradford Council"}),
    ("pos_full_and_short", "GMB members at Calderdale Council will strike. Calderdale council said it was disappointed.",
     {"Calderdale Council"}),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in FORM_CASES], ids=[c[0] for c in FORM_CASES])
def test_councils_forms(run, text, expected):
    record = run(text, "2025-03-10")
    assert {c["name"] for c in record["councils"]} == expected


# -- lists of councils, on sentences written for this project ----------------------------------------------
def test_coordinated_councils(run):
    record = run("Unison members at Leeds, Wakefield and Calderdale councils will strike.")
    assert sorted(c["name"] for c in record["councils"]) == ["Calderdale Council", "Leeds City Council", "Wakefield Council"]
    assert record["people"] == []


@pytest.mark.parametrize("text, expected", [
    ("Cleaners employed by North and South Ayrshire councils will strike.", {"north ayrshire", "south ayrshire"}),
    ("Staff at East and West Sussex county councils were balloted.", {"east sussex", "west sussex"}),
])
def test_councils_sharing_a_place_word(run, text, expected):
    assert council_keys(run(text)) == expected
