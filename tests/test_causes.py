"""strikex_causes on sentences written for this project: a category only where the text states a grievance."""
from __future__ import annotations

import pytest


def categories(record):
    return [(c["category"], c["detail"]) for c in record["causes"]]


@pytest.mark.parametrize("text, expected", [
    ("Bin crews at Leeds City Council will strike over plans to outsource the service to a private contractor.",
     [("outsourcing_and_transfer", None)]),
    ("Library staff are angry at the closure of four branches and 30 compulsory redundancies.",
     [("redundancy_and_dismissal", None), ("other", "closures")]),
    ("GMB members balloted for action over new shift patterns and unsafe lone working.",
     [("working_patterns_and_conditions", None)]),
    ("Unison says the dispute is about union recognition and facility time for reps.",
     [("trade_union_matters", None)]),
    ("The council said pay and pensions will be protected for staff who transfer.", []),   # reassurance
    # one phrase, two categories
    ("Unite members at Hull City Council are in a dispute over pay and conditions.",
     [("pay", None), ("working_patterns_and_conditions", None)]),
    # the union's own voice states a grievance without a cue word
    ("The union says the new estate has doubled the workload of the two remaining drivers.",
     [("staffing_and_workload", None)]),
    ("Branch secretary Jo Pym said: “Cutting our hours means cutting our wages, plain and simple.”",
     [("pay", None), ("working_patterns_and_conditions", None)]),
    # fire and rehire is a dismissal; so is being sacked
    ("GMB members voted to strike after staff were fired and rehired on worse contracts.",
     [("redundancy_and_dismissal", None)]),
    # a cause word in a proper name or describing the employer is not a cause
    ("Staff at Northgate Leisure Trust will strike next month over pay.", [("pay", None)]),
    ("Workers at Citywide Services, an arm's length company owned by the council, are balloting for action.", []),
])
def test_causes_in_general_forms(run, text, expected):
    assert categories(run(text)) == expected


def test_a_sentence_cut_by_hard_wrapping_is_read_whole(run):
    text = ("    Social workers voted for action, and the union blames the strain on\n"
            "    new working practices brought in this spring.\n")
    assert categories(run(text)) == [("working_patterns_and_conditions", None)]


def test_seed_causes(seed):
    from conftest import BLACKPOOL, BRADFORD, KIRKLEES

    assert categories(seed(KIRKLEES)) == [("pay", None), ("staffing_and_workload", None), ("other", "IT systems")]
    assert categories(seed(BRADFORD)) == [("outsourcing_and_transfer", None)]   # "pay and pensions will be protected" is not a cause
    assert categories(seed(BLACKPOOL))[0] == ("redundancy_and_dismissal", None)
