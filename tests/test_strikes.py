"""strikex_strikes: strike days, status, union, employer and workers."""
from __future__ import annotations

import pytest
from helpers import SENSE_SENTENCES, council_key, strike_days


@pytest.mark.parametrize("text, date, expected", [
    ("Unison members at Leeds City Council will strike on 3, 4 and 10 May.", "2023-04-20",
     ["2023-05-03", "2023-05-04", "2023-05-10"]),
    ("Unison members at Leeds City Council will strike from 3 to 5 May.", "2023-04-20",
     ["2023-05-03", "2023-05-04", "2023-05-05"]),
    ("Unison members will hold a one-day strike on 27 January.", "2017-01-18", ["2017-01-27"]),
    ("Bin crews will strike on 3-5 May.", "2023-04-20", ["2023-05-03", "2023-05-04", "2023-05-05"]),
    ("Bin crews will strike on 27 and 28 March.", "2024-03-01", ["2024-03-27", "2024-03-28"]),
    ("Bin crews will strike on 28 December and 2 January.", "2023-12-10", ["2023-12-28", "2024-01-02"]),
    ("Staff will walk out on Tuesday 3 October and Wednesday 4 October.", "2023-09-20", ["2023-10-03", "2023-10-04"]),
    ("Bin crews will stage a 48-hour strike starting on 6 March.", "2023-03-01", ["2023-03-06", "2023-03-07"]),
    ("Bin crews will hold a week-long strike starting on 4 September.", "2023-08-20",
     ["2023-09-04", "2023-09-05", "2023-09-06", "2023-09-07", "2023-09-08", "2023-09-09", "2023-09-10"]),
    ("Care workers walked out on Monday.", "2023-05-17", ["2023-05-15"]),
    ("Care workers will walk out on Monday.", "2023-05-17", ["2023-05-22"]),
    ("A strike by school cooks will take place on 12/06/2023.", None, ["2023-06-12"]),
    ("The strike, planned for 12 June 2023, has been called off.", None, ["2023-06-12"]),
])
def test_strike_days(run, text, date, expected):
    assert strike_days(run(text, date)) == expected


def test_strike_days_between_weekday_dates(run):
    days = strike_days(run("Bin crews will walk out between Monday 5 and Friday 9 June.", "2023-05-20"))
    assert days == ["2023-06-05", "2023-06-06", "2023-06-07", "2023-06-08", "2023-06-09"]


def test_strike_days_from_4_to_17_september(run):
    days = strike_days(run("Bin crews will strike from 4 September to 17 September.", "2023-08-20"))
    assert (days[0], days[-1], len(days)) == ("2023-09-04", "2023-09-17", 14)


@pytest.mark.parametrize("text, date, expected", [
    ("The deadline for a deal is 3 May, after which staff will strike.", "2023-04-20", []),
    ("Social workers at Kirklees Council will strike on 3 May. A meeting on 2 May failed to resolve the strike.",
     "2023-04-20", ["2023-05-03"]),
    ("Unison today told the Evening Post the strike would go ahead.", "2023-04-20", []),
    ("The ballot closes on 15 March and strikes could follow.", "2023-03-01", []),
])
def test_dates_of_other_events_are_not_strike_days(run, text, date, expected):
    assert strike_days(run(text, date)) == expected


def test_strike_day_without_reference_is_kept_unresolved(run):
    (strike,) = run("Unison members will hold a one-day strike on 27 January.")["strikes"]
    assert strike["dates"] == []
    (d,) = strike["date_mentions"]
    assert (d["text"], d["date"], d["year"], d["month"], d["day"]) == ("27 January", None, None, 1, 27)


@pytest.mark.parametrize("text, expected", [
    ("Unison members at Leeds City Council will strike on 3 May.", "planned"),
    ("GMB members are set to walk out next month.", "planned"),
    ("The strike planned for 3 May has been called off after talks.", "called off"),
    ("Unison said the strike was cancelled.", "called off"),
    ("The strike on 3 May has been suspended while members consider a new offer.", "suspended"),
    ("The walk-out was postponed until after Easter.", "suspended"),
    ("Refuse collectors at Sheffield City Council walked out on 3 May.", "held"),
    ("Council staff staged a 24-hour strike on Monday.", "held"),
    ("The strike on 3 May will go ahead after talks collapsed.", "going ahead"),
    ("Unison is balloting members for strike action.", "balloting"),
    ("Unison has threatened strike action unless the council improves its offer.", "threatened"),
    ("Teachers at schools run by Kent County Council could strike next month.", "threatened"),
    ("The union warned of a strike but no dates have been set.", "threatened"),
    ("Unite members at Rushmere Council will walk out on 3 May; the leader said he would stand on the picket line.",
     "planned"),
    ("Unite members at Rushmere Council went on strike on 3 May and the leader stood on the picket line.", "held"),
    ("Unite members at Rushmere Council will strike on 3 May over plans to cut night shifts.", "planned"),
    ("Members said they were prepared to strike, but Unite will ballot them first.", "balloting"),
])
def test_status(run, text, expected):
    (strike,) = run(text, "2023-04-20")["strikes"]
    assert strike["status"] == expected


def test_conditional_call_off_is_not_called_off(run):
    (strike,) = run("The strike will be called off if the council makes a better offer.")["strikes"]
    assert strike["status"] != "called off"


def test_month_may_is_not_a_status_cue(run):
    may = run("Refuse collectors at Leeds City Council will stage a walkout on 3 May.", "2023-04-20")["strikes"][0]
    june = run("Refuse collectors at Leeds City Council will stage a walkout on 3 June.", "2023-04-20")["strikes"][0]
    assert may["status"] == june["status"]
    assert may["status"] != "threatened"


@pytest.mark.parametrize("text, expected", [
    ("Unite said bin lorry drivers at Birmingham City Council would strike on 3 May.",
     ("Unite", ["Unite"], "Birmingham City Council", "bin lorry drivers")),
    ("School cleaners employed by Fife Council will stage a walkout on 3 May.",
     (None, [], "Fife Council", "school cleaners")),
    ("Care workers employed by Glasgow City Council voted to strike.",
     (None, [], "Glasgow City Council", "care workers")),
    ("Members of the GMB union and Unison at Hackney council will strike.",
     ("GMB", ["GMB", "UNISON"], "Hackney Council", None)),
    ("Kirklees council's social workers will strike on 3 May.",
     (None, [], "Kirklees Council", "social workers")),
    # nothing in the strike sentence: the article's main union and council
    ("Unison members are angry about pay. Staff at Leeds City Council will strike on 3 May.",
     ("UNISON", ["UNISON"], "Leeds City Council", None)),
    ("Unison members at Wigan Council are angry about pay. The strike will start on 3 May.",
     ("UNISON", ["UNISON"], "Wigan Council", None)),
])
def test_union_employer_workers(run, text, expected):
    union, unions, employer, workers = expected
    (strike,) = run(text, "2023-04-20")["strikes"]
    assert (strike["union"], strike["unions"], strike["workers"]) == (union, unions, workers)
    assert council_key(strike["employer"]) == council_key(employer)


def test_workers_do_not_cross_a_line_break(run):
    (strike,) = run("Published 12 May 2019\nCare workers at Wigan Council will strike on Friday.")["strikes"]
    assert strike["workers"] == "care workers"


def test_mentions_of_the_same_days_are_one_strike(run):
    text = "Unison members at Hackney council will strike on 3 May. Unison said the strike on 3 May had strong support."
    (strike,) = run(text, "2023-04-20")["strikes"]
    assert strike["dates"] == ["2023-05-03"]
    assert [m["text"] for m in strike["mentions"]] == [
        "Unison members at Hackney council will strike on 3 May.",
        "Unison said the strike on 3 May had strong support."]
    assert len(strike["date_mentions"]) == 2


def test_different_days_and_unions_are_different_strikes(run):
    text = ("Unison members will strike on 3 May. The council said it would keep schools open. "
            "GMB members are also set to walk out on 10 May.")
    strikes = run(text, "2023-04-20")["strikes"]
    assert [(s["dates"], s["union"]) for s in strikes] == [(["2023-05-03"], "UNISON"), (["2023-05-10"], "GMB")]


def test_sentence_without_days_joins_the_strike_it_talks_about(run):
    text = "Unison members at Leeds City Council will strike on 3 May. Unison said the strike would close 40 schools."
    (strike,) = run(text, "2023-04-20")["strikes"]
    assert strike["dates"] == ["2023-05-03"]
    assert len(strike["mentions"]) == 2


def test_strike_evidence_is_the_sentence_with_the_days(run):
    text = "Talks failed last week. Unison members will strike on 3 May. The council said it was disappointed by the strike."
    (strike,) = run(text, "2023-04-20")["strikes"]
    assert strike["text"] == "Unison members will strike on 3 May."
    assert text[strike["start"]:strike["end"]] == strike["text"]


@pytest.mark.parametrize("text", [
    "The weather in Leeds was sunny on Saturday.",
    "Unison members at Leeds City Council met on Monday to discuss the pay offer.",
    "",
])
def test_no_strike_in_text_without_one(run, text):
    assert run(text, "2023-04-20")["strikes"] == []


# One sentence of our own for each sense of models/other_senses.json: a strike word with a day that is no strike.
OTHER_SENSES = SENSE_SENTENCES   # tests/helpers.py: a sentence for each other sense


@pytest.mark.parametrize("sense, text", OTHER_SENSES, ids=[s for s, _ in OTHER_SENSES])
def test_other_senses_give_no_strike(run, sense, text):
    assert run(text, "2026-04-20")["strikes"] == []


def test_every_other_sense_has_a_strike_sentence():
    from strikex.resources import read_json

    assert {s for s, _ in OTHER_SENSES} == {s["id"] for s in read_json("other_senses.json")["senses"]}


@pytest.mark.parametrize("credit", [
    "By Paul Nelson\n\n",
    "By Paul Nelson\n",
    "Photo: Jane Doe/REX/Shutterstock\n",
    "Picture: Sam Hughes/PA\n\n",
])
def test_strike_sentence_after_a_credit_line_is_read(run, credit):
    """The credit or byline is boilerplate, the story sentence on the next line is not."""
    record = run(credit + "Unison members at Leeds City Council will strike on 3 May.", "2023-04-20")
    assert strike_days(record) == ["2023-05-03"]
    assert record["people"] == []


# -- provenance ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, status, cue", [
    ("The strike planned for 3 May has been called off after talks.", "called off", "called off"),
    ("The walk-out was postponed until after Easter.", "suspended", "postponed"),
    ("Refuse collectors at Sheffield City Council walked out on 3 May.", "held", "walked out"),
    ("Unison members at Leeds City Council will strike on 3 May.", "planned", "will strike"),
    ("The strike on 3 May", None, None),
])
def test_status_cue_is_the_cue_that_set_the_status(run, text, status, cue):
    (strike,) = run(text, "2023-04-20")["strikes"]
    assert (strike["status"], strike["status_cue"]) == (status, cue)


def test_strike_rule_names_the_trigger_list(run):
    text = ("Unison members at Leeds City Council will strike on 3 May. "
            "The co-ordinated action from Tuesday 9 to Thursday 11 May follows.")
    strikes = run(text, "2023-04-20")["strikes"]
    assert [s["rule"] for s in strikes] == ["strikes.json:triggers", "strikes.json:weak_triggers"]


# -- status, workers and what is not a strike, on sentences written for this project --------------------
def strike_rows(record):
    return [(s["dates"], s["status"]) for s in record["strikes"]]


def test_status_of_a_strike_is_not_taken_from_another(run):
    # a past strike elsewhere ("walked out ... last summer") does not make next week's strike "held"
    record = run("Porters at Hull Royal will strike on 4 October. Porters in York walked out for five days last year.",
                 date="2023-09-20")
    assert strike_rows(record) == [(["2023-10-04"], "planned")]


def test_a_mention_that_refers_back_updates_the_status(run):
    record = run("Unison called a one-day strike for 4 October. Talks failed, and the union said the strike will go "
                 "ahead.", date="2023-09-20")
    assert strike_rows(record) == [(["2023-10-04"], "going ahead")]


def test_workers_without_the_place(run):
    record = run("Glasgow bin workers will strike on 4 October.", date="2023-09-20")
    assert [s["workers"] for s in record["strikes"]] == ["bin workers"]


@pytest.mark.parametrize("text", [
    "Fire crews were called on 3 May 2024 after a lightning strike hit the depot roof.",
    "Campaigners began a hunger strike outside Leeds City Council on Monday 6 May 2024.",
])
def test_strikes_that_are_not_industrial_action(run, text):
    assert run(text, date="2024-05-01")["strikes"] == []
