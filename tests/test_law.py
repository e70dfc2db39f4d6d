"""The ballot law check (``strikex.law``): pure functions on figures and dates, which need no pipeline, then
the check as extract() gives it on a seed and on a sentence written for this project."""
from __future__ import annotations

import datetime as dt

import pytest

from strikex.law import add_months, check, regime_for, sector_of


# -- the check on its own -----------------------------------------------------------------------------------
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
    support, turnout, votes, eligible = figures
    if turnout == 300:  # votes and electorate given: 520 of 1,200 is a 43% turnout
        turnout = None
    c = check(support, turnout, votes, eligible, closes and dt.date.fromisoformat(closes),
              ref and dt.date.fromisoformat(ref), sector)
    assert (c.regime, c.result, c.missing, c.failed) == expected


def test_mandate_expiry():
    assert check(80, 60, None, None, dt.date(2023, 8, 31), None, None).mandate_expires == "2024-02-29"  # 6 months
    assert check(80, 60, None, None, dt.date(2026, 3, 2), None, None).mandate_expires == "2027-03-02"   # 12 months


def test_the_law_is_data():
    from strikex.resources import read_json

    law = read_json("ballot_law.json")
    assert [r["id"] for r in law["regimes"]] == ["ERA2025", "TUA2016", "TULRCA1992"]
    assert all(r["sources"] for r in law["regimes"])


@pytest.mark.parametrize("day, regime", [
    ("2017-02-28", "TULRCA1992"),   # the 2016 Act's thresholds apply to ballots opened from 1 March 2017
    ("2017-03-01", "TUA2016"),
    ("2026-02-17", "TUA2016"),
    ("2026-02-18", "ERA2025"),
])
def test_regime_in_force_on_a_day(day, regime):
    assert regime_for(dt.date.fromisoformat(day))["id"] == regime


@pytest.mark.parametrize("text, sector", [
    ("Teachers at the county's schools voted for strikes.", "education"),
    ("Refuse collectors voted for strikes.", None),
])
def test_sector_of(text, sector):
    assert sector_of(text) == sector


@pytest.mark.parametrize("day, months, expected", [
    ("2023-08-31", 6, "2024-02-29"),   # the last day of a shorter month
    ("2023-01-31", 1, "2023-02-28"),
    ("2023-11-15", 3, "2024-02-15"),   # across the year
])
def test_add_months(day, months, expected):
    assert add_months(dt.date.fromisoformat(day), months).isoformat() == expected


# -- the check in the record --------------------------------------------------------------------------------
def test_seed_ballot_law(seed):
    from conftest import KIRKLEES

    (ballot,) = seed(KIRKLEES)["ballots"]
    # the ballot was reported on 18 January 2017, before the Trade Union Act 2016 thresholds (1 March 2017)
    assert ballot["legal_check"] == {"regime": "TULRCA1992", "basis": "reference_date", "result": "pass", "missing": [],
                                     "failed": [], "important_public_service": None, "mandate_expires": None}


def test_a_ballot_of_teachers_is_checked_as_an_important_public_service(run):
    text = ("Published 6 March 2023\nNEU members at Leeds City Council schools voted for strikes. Teachers backed "
            "action by 75% on a turnout of 51%, the union said. The ballot closed on 3 March.")
    (ballot,) = run(text)["ballots"]
    assert ballot["legal_check"]["important_public_service"] == "education"
    assert ballot["legal_check"]["result"] == "fail" and ballot["legal_check"]["mandate_expires"] == "2023-09-03"
