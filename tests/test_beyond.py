"""Causes, workers and money, quotes, the ballot law check and the per-article dispute summary: on the
seeds (the issue's expectations) and on sentences written for this project."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import SEEDS

BRADFORD, KIRKLEES, BLACKPOOL = "000_dd55b0f1b5025467", "001_2251fc9ddb0dfb63", "002_68eb0a51ffc3d97e"


@pytest.fixture(scope="module")
def seed(run):
    cache = {}

    def _seed(name):
        if name not in cache:
            cache[name] = run((SEEDS / f"{name}.txt").read_text(encoding="utf-8"), triage=True, source=name)
        return cache[name]

    return _seed


def categories(record):
    return [(c["category"], c["detail"]) for c in record["causes"]]


def said(record, speaker, start, kind="direct"):
    """Whether a quote of this kind starting with these words is attributed to the speaker."""
    return any(q["speaker"] == speaker and q["kind"] == kind and q["text"].startswith(start) for q in record["quotes"])


# -- the seeds -----------------------------------------------------------------------------------------
def test_seed_causes(seed):
    assert categories(seed(KIRKLEES)) == [("pay", None), ("staffing_and_workload", None), ("other", "IT systems")]
    assert categories(seed(BRADFORD)) == [("outsourcing_and_transfer", None)]   # "pay and pensions will be protected" is not a cause
    assert categories(seed(BLACKPOOL))[0] == ("redundancy_and_dismissal", None)


def test_seed_workers_and_money(seed):
    record = seed(BRADFORD)
    assert [(w["name"], w["count"], w["approximate"]) for w in record["workers"]] == [("computing staff", 105, True)]
    assert [(m["amount"], m["currency"], m["text"]) for m in record["money"]] == [(100_000_000, "GBP", "£100 million")]


def test_seed_quotes(seed):
    bradford = seed(BRADFORD)
    assert said(bradford, "Patrick Kerry", "We feel they have reneged")
    assert said(bradford, "Patrick Kerry", "Bradford is in crisis")      # 'He said:' after 'Mr Kerry said ...'
    assert said(bradford, "UNISON", "there are only around 105", kind="reported")
    blackpool = seed(BLACKPOOL)
    assert said(blackpool, "Steve Pullen", "I think we helped")          # '"..." he said' after Pullen spoke
    assert said(blackpool, "Tony Garnsey", "How can someone get a job")


def test_seed_ballot_law_and_disputes(seed):
    kirklees = seed(KIRKLEES)
    (ballot,) = kirklees["ballots"]
    # the ballot was reported on 18 January 2017, before the Trade Union Act 2016 thresholds (1 March 2017)
    assert ballot["legal_check"] == {"regime": "TULRCA1992", "basis": "reference_date", "result": "pass", "missing": [],
                                     "failed": [], "important_public_service": None, "mandate_expires": None}
    (dispute,) = kirklees["disputes"]
    assert dispute["employer_rule"] and dispute["dispute_rule"] and dispute["evidence"]
    assert {k: v for k, v in dispute.items() if k not in {"employer_rule", "dispute_rule", "evidence"}} == {"union": "UNISON", "employer": "Kirklees Council", "workers": "social workers", "worker_count": None,
                       "causes": ["pay", "staffing_and_workload", "other"], "status": "going ahead", "ballots": [0],
                       "strikes": [0], "rule": "assemble.py:named_union"}


# -- the ballot law check -------------------------------------------------------------------------------
@pytest.mark.parametrize("figures, closes, ref, sector, expected", [
    # "79% of 75 members who voted", under the 2016 Act: the electorate is needed for the turnout
    ((79, None, 75, None), None, "2017-06-01", None, ("TUA2016", "indeterminate", ["eligible"], [])),
    ((79, 62, None, None), "2023-03-10", None, None, ("TUA2016", "pass", [], [])),
    ((91, 45, None, None), "2023-03-10", None, None, ("TUA2016", "fail", [], ["turnout"])),
    ((48, 70, None, None), "2023-03-10", None, None, ("TUA2016", "fail", [], ["majority"])),
    # teachers: an important public service, 40% of those entitled must vote yes (75% of 51% is 38%)
    ((75, 51, None, None), "2023-03-10", None, "education", ("TUA2016", "fail", [], ["important_public_service"])),
    ((80, 60, None, None), "2023-03-10", None, "education", ("TUA2016", "pass", [], [])),
    # from 18 February 2026 the 40% rule is gone; 50% turnout stays
    ((75, 51, None, None), "2026-03-10", None, "education", ("ERA2025", "pass", [], [])),
    ((90, 300, 520, 1200), None, "2026-04-01", None, ("ERA2025", "fail", [], ["turnout"])),
    ((None, None, None, None), None, None, None, (None, "indeterminate", ["date"], [])),
])
def test_ballot_law(figures, closes, ref, sector, expected):
    from strikex.law import check

    support, turnout, votes, eligible = figures
    if turnout == 300:  # votes and electorate given: 520 of 1,200 is a 43% turnout
        turnout = None
    c = check(support, turnout, votes, eligible, closes and dt.date.fromisoformat(closes),
              ref and dt.date.fromisoformat(ref), sector)
    assert (c.regime, c.result, c.missing, c.failed) == expected


def test_mandate_expiry():
    from strikex.law import check

    assert check(80, 60, None, None, dt.date(2023, 8, 31), None, None).mandate_expires == "2024-02-29"  # 6 months
    assert check(80, 60, None, None, dt.date(2026, 3, 2), None, None).mandate_expires == "2027-03-02"   # 12 months


def test_the_law_is_data():
    from strikex.resources import read_json

    law = read_json("ballot_law.json")
    assert [r["id"] for r in law["regimes"]] == ["ERA2025", "TUA2016", "TULRCA1992"]
    assert all(r["sources"] for r in law["regimes"])


def test_a_ballot_of_teachers_is_checked_as_an_important_public_service(run):
    text = ("Published 6 March 2023\nNEU members at Leeds City Council schools voted for strikes. Teachers backed "
            "action by 75% on a turnout of 51%, the union said. The ballot closed on 3 March.")
    (ballot,) = run(text)["ballots"]
    assert ballot["legal_check"]["important_public_service"] == "education"
    assert ballot["legal_check"]["result"] == "fail" and ballot["legal_check"]["mandate_expires"] == "2023-09-03"


# -- causes, workers, money, quotes on sentences of our own ----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Some 340 home carers employed by Salford City Council will strike next week.", [("home carers", 340, True)]),
    ("The strike by school support staff begins on Monday.", [("school support staff", None, False)]),
    ("Unite said 1,200 council refuse collectors would walk out.", [("refuse collectors", 1200, False)]),
])
def test_workers_in_general_forms(run, text, expected):
    assert [(w["name"], w["count"], w["approximate"]) for w in run(text)["workers"]] == expected


def test_money_in_general_forms(run):
    record = run("The £2.5m contract and a £1,200 payment were offered; staff want £250k back and a £3bn fund.")
    assert [(m["amount"], m["currency"]) for m in record["money"]] == [(2_500_000, "GBP"), (1200, "GBP"),
                                                                       (250_000, "GBP"), (3_000_000_000, "GBP")]


def test_two_unions_give_two_disputes(run):
    text = ("GMB and Unite members at Leeds City Council will strike on 3 May 2024 over pay. "
            "GMB members backed action by 88% and Unite members by 91%.")
    record = run(text)
    assert [(d["union"], d["employer"], d["status"], d["causes"]) for d in record["disputes"]] == [
        ("GMB", "Leeds City Council", "planned", ["pay"]), ("Unite", "Leeds City Council", "planned", ["pay"])]
    assert json.dumps(record["disputes"])  # plain JSON
