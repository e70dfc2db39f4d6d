"""strikex_ballots: ballot results with their figures, union and closing date.

Figures are (support_pct, turnout_pct, votes_cast, eligible).
"""
from __future__ import annotations

import pytest
from helpers import figures, strike_days


@pytest.mark.parametrize("text, expected", [
    ("Unison members at Leeds City Council backed strike action by 91% on a 54% turnout.", (91, 54, None, None)),
    ("Strike action was backed by 91% on a 54% turnout.", (91, 54, None, None)),
    ("Four out of five GMB members voted for strike action in the ballot.", (80, None, None, None)),
    ("Strike action was backed by 79% of 75 Unison members who voted.", (79, None, 75, None)),
    ("In all, 1,024 members were balloted and 79% voted in favour of strikes.", (79, None, None, 1024)),
    ("Members voted 86% in favour of strike action, on a turnout of 61%.", (86, 61, None, None)),
    ("Some 412 members took part in the ballot, with 88% backing strikes.", (88, None, 412, None)),
    ("The ballot result showed 72 per cent support for strike action on a turnout of 58 per cent.", (72, 58, None, None)),
    ("Two-thirds of GMB members backed industrial action in the ballot.", (66.7, None, None, None)),
    ("Nine in ten Unison members voted for strikes.", (90, None, None, None)),
    ("Of the 640 members balloted, 77% voted to strike on a 48% turnout.", (77, 48, None, 640)),
    ("Unite said 94% of members who voted backed strikes, on a turnout of 71%.", (94, 71, None, None)),
    ("A ballot of 2,300 Unison members closed with 68% voting yes.", (68, None, None, 2300)),
])
def test_ballot_figures(run, text, expected):
    (ballot,) = run(text)["ballots"]
    assert figures(ballot) == expected


def test_two_results_in_one_sentence_are_two_ballots(run):
    record = run("Members backed strikes by 90% on a 53% turnout in England and 92% on a 58% turnout in Wales.")
    assert [figures(b) for b in record["ballots"]] == [(90, 53, None, None), (92, 58, None, None)]


def test_each_ballot_takes_its_own_union(run):
    record = run("Unison members backed strikes by 84%, while GMB members voted 76% in favour.")
    assert [(b["union"], b["support_pct"]) for b in record["ballots"]] == [("UNISON", 84), ("GMB", 76)]


@pytest.mark.parametrize("text", [
    "Staff rejected a 3% pay offer from the council.",
    "The council offered a 5% pay rise, but the union said the vote would go ahead.",
    "Some 250 Unison members attended a meeting at the town hall.",
    "The council wants to cut its budget by 10% next year.",
    "Unison members at Leeds City Council will strike on 3 May.",
])
def test_figures_that_are_not_ballot_results(run, text):
    assert [b for b in run(text)["ballots"] if any(v is not None for v in figures(b))] == []


@pytest.mark.parametrize("text, union", [
    ("Strike action was backed by 79% of 75 Unison members who voted.", "UNISON"),
    ("Four out of five GMB members voted for strike action in the ballot.", "GMB"),
    ("Unite members are angry about pay. Members voted 86% in favour of strike action.", "Unite"),
    ("Members voted 86% in favour of strike action.", None),
])
def test_ballot_union(run, text, union):
    (ballot,) = run(text)["ballots"]
    assert ballot["union"] == union


def test_ballot_evidence_is_the_sentence(run):
    text = "Talks failed last week. Strike action was backed by 79% of 75 Unison members who voted. The council said little."
    (ballot,) = run(text)["ballots"]
    assert ballot["text"] == "Strike action was backed by 79% of 75 Unison members who voted."
    assert text[ballot["start"]:ballot["end"]] == ballot["text"]


# -- closing dates ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, date, closes, written", [
    ("The ballot of Unite members closes on 15 March.", "2023-03-01", "2023-03-15", "15 March"),
    ("The ballot will run until 15 March 2023.", None, "2023-03-15", "15 March 2023"),
    ("Unison's ballot opens on Monday and closes on 20 February.", "2023-02-01", "2023-02-20", "20 February"),
    ("A ballot of 2,300 Unison members closed on Friday with 68% voting yes.", "2023-03-13", "2023-03-10", "Friday"),
])
def test_ballot_closing_date(run, text, date, closes, written):
    (ballot,) = run(text, date)["ballots"]
    assert ballot["closes"] == closes
    assert ballot["closes_date"]["text"] == written
    assert ballot["closes_date"]["date"] == closes


def test_closing_date_without_a_year_keeps_month_and_day(run):
    (ballot,) = run("The ballot of Unite members closes on 15 March.")["ballots"]
    assert ballot["closes"] is None
    c = ballot["closes_date"]
    assert (c["text"], c["date"], c["year"], c["month"], c["day"]) == ("15 March", None, None, 3, 15)
    assert ballot["union"] == "Unite"


def test_closing_date_is_not_a_strike_day(run):
    record = run("The ballot closes on 15 March and strikes could follow.", "2023-03-01")
    assert [b["closes"] for b in record["ballots"]] == ["2023-03-15"]
    assert strike_days(record) == []


def test_result_and_closing_date_in_two_sentences_are_one_ballot(run):
    text = ("Unison members backed strike action by 91% on a 54% turnout. "
            "The ballot closed on 15 March.")
    (ballot,) = run(text, "2023-03-20")["ballots"]
    assert figures(ballot) == (91, 54, None, None)
    assert ballot["closes"] == "2023-03-15"


# -- provenance ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, date, rule", [
    ("Unison members at Leeds City Council backed strike action by 91% on a 54% turnout.", None,
     "ballots.json:sentence_cues"),
    ("GMB members voted unanimously for strike action.", None, "ballots.json:unanimous_cues"),
    ("The Unite ballot result was 1,146 votes to 212.", None, "ballots.json:votes_to"),
    ("The ballot of Unite members closes on 15 March.", "2023-03-01", "ballots.json:close_cues"),
])
def test_ballot_rule_names_the_cue_that_found_it(run, text, date, rule):
    (ballot,) = run(text, date)["ballots"]
    assert ballot["rule"] == rule


def test_every_ballot_rule_is_a_key_of_its_file(run):
    from strikex.resources import read_json
    keys = set(read_json("ballots.json"))
    text = ("Of the 640 members balloted, 77% voted to strike on a 48% turnout. 1,146 votes to 212. "
            "Some 412 members took part. The ballot closes on 15 March.")
    rules = [b["rule"] for b in run(text, "2023-03-01")["ballots"]]
    assert rules and all(r.split(":", 1)[0] == "ballots.json" and r.split(":", 1)[1] in keys for r in rules)
