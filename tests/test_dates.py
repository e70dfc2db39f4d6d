"""Dates: ``strikex.datenorm.resolve`` on its own, then the strikex_dates component through extract().

Reference date in most unit tests: Wednesday 18 January 2017 (the Kirklees seed's date).
"""
from __future__ import annotations

import datetime as dt

import pytest
from helpers import strike_days

from strikex.components.dates import SPANS_KEY as DATES
from strikex.datenorm import DateValue, resolve

WED = dt.date(2017, 1, 18)


def iso(value: DateValue | None) -> str | None:
    return value.date.isoformat() if value is not None and value.date is not None else None


# -- resolve(): day-precise expressions against a reference date -----------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("27 January", "2017-01-27"),
    ("January 15", "2017-01-15"),
    ("15th January", "2017-01-15"),
    ("the 15th of January", "2017-01-15"),
    ("Jan 27", "2017-01-27"),
    ("Friday 27 January", "2017-01-27"),
    ("27 January 2017", "2017-01-27"),
    ("27 January 2016", "2016-01-27"),
    ("2017-01-18", "2017-01-18"),
    ("18/01/2017", "2017-01-18"),
    ("3/4/2017", "2017-04-03"),           # day first, as UK text writes it
    ("yesterday", "2017-01-17"),
    ("4pm yesterday", "2017-01-17"),
    ("today", "2017-01-18"),
    ("tonight", "2017-01-18"),
    ("last night", "2017-01-17"),
    ("tomorrow", "2017-01-19"),
])
def test_resolve_with_reference(text, expected):
    value = resolve(text, WED)
    assert iso(value) == expected
    assert value.granularity == "day"


@pytest.mark.parametrize("text, ref, expected", [
    ("2 January", dt.date(2016, 12, 28), "2017-01-02"),    # year-less day: the year nearest the reference
    ("30 December", dt.date(2017, 1, 3), "2016-12-30"),
    ("27 January", dt.date(2017, 8, 10), "2018-01-27"),
    ("Friday 27 January", dt.date(2017, 8, 10), "2017-01-27"),  # a named weekday must agree when one does
    ("Monday 5 June", dt.date(2017, 5, 20), "2017-06-05"),
])
def test_resolve_year_nearest_the_reference(text, ref, expected):
    assert iso(resolve(text, ref)) == expected


# -- resolve(): weekday rules -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, looks_back, expected", [
    ("Friday", False, "2017-01-20"),          # the next one after the reference date
    ("Monday", False, "2017-01-23"),
    ("on Friday", False, "2017-01-20"),
    ("Wednesday", False, "2017-01-25"),       # said on a Wednesday: a week ahead, never the same day
    ("Monday", True, "2017-01-16"),           # past tense: the last one before it
    ("Wednesday", True, "2017-01-11"),
    ("next Monday", False, "2017-01-23"),
    ("next Monday", True, "2017-01-23"),      # "next" wins over the tense
    ("coming Friday", False, "2017-01-20"),
    ("last Friday", False, "2017-01-13"),     # "last" wins over the tense
    ("last Monday", False, "2017-01-16"),
])
def test_resolve_weekdays(text, looks_back, expected):
    value = resolve(text, WED, looks_back=looks_back)
    assert iso(value) == expected
    assert value.weekday == dt.date.fromisoformat(expected).weekday()


# -- resolve(): no reference date: keep only what the text says -------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("27 January", dict(date=None, year=None, month=1, day=27, weekday=None)),
    ("January 15", dict(date=None, year=None, month=1, day=15, weekday=None)),
    ("Friday 27 January", dict(date=None, year=None, month=1, day=27, weekday=4)),
    ("Wednesday", dict(date=None, year=None, month=None, day=None, weekday=2)),
    ("yesterday", dict(date=None, year=None, month=None, day=None, weekday=None)),
    ("27 January 2017", dict(date=dt.date(2017, 1, 27), year=2017, month=1, day=27, weekday=None)),
    ("2017-01-18", dict(date=dt.date(2017, 1, 18), year=2017, month=1, day=18, weekday=None)),
])
def test_resolve_without_reference_never_guesses_a_year(text, expected):
    value = resolve(text, None)
    assert {k: getattr(value, k) for k in expected} == expected


# -- resolve(): coarser expressions ------------------------------------------------------------------------
@pytest.mark.parametrize("text, ref, expected", [
    ("November", WED, ("month", 2016, 11)),
    ("November last year", WED, ("month", 2016, 11)),
    ("November 2016", None, ("month", 2016, 11)),
    ("next month", WED, ("month", 2017, 2)),
    ("last month", WED, ("month", 2016, 12)),
    ("next year", WED, ("year", 2018, None)),
    ("2019", None, ("year", 2019, None)),
    ("next week", WED, ("week", 2017, None)),
    ("this summer", WED, ("season", 2017, None)),
    ("last summer", WED, ("season", 2016, None)),
])
def test_resolve_coarse_granularity(text, ref, expected):
    value = resolve(text, ref)
    assert (value.granularity, value.year, value.month) == expected
    assert value.date is None and value.days() == []


@pytest.mark.parametrize("text, year", [("next spring", 2018), ("this winter", 2017), ("last autumn", 2016)])
def test_a_season_is_read_without_dateparser(text, year, monkeypatch):
    """A season's year comes from the reference date alone: dateparser (its first call compiles time-zone
    expressions for most of a second) is not asked."""
    from strikex import datenorm

    monkeypatch.setattr(datenorm, "_parse", lambda *a: pytest.fail("dateparser asked"))
    value = resolve(text, WED)
    assert (value.granularity, value.year) == ("season", year)


@pytest.mark.parametrize("text", ["hello", "", "   ", "31 February", "the council", "x" * 200])
def test_resolve_not_a_date(text):
    assert resolve(text, WED) is None


def test_date_value_days_of_a_range():
    value = DateValue(date=dt.date(2023, 5, 3), year=2023, month=5, day=3, until=dt.date(2023, 5, 5))
    assert value.days() == [dt.date(2023, 5, 3), dt.date(2023, 5, 4), dt.date(2023, 5, 5)]
    assert DateValue.of(dt.date(2023, 5, 3)).days() == [dt.date(2023, 5, 3)]
    assert DateValue(month=5, day=3).days() == []


# -- the component, through extract() --------------------------------------------------------------------
def date_rows(record):
    return [(d["text"], d["date"], d["until"]) for d in record["dates"]]


@pytest.mark.parametrize("text, date, expected", [
    ("Bin crews will strike on 3, 4 and 10 May.", "2023-04-20",
     [("3", "2023-05-03", None), ("4", "2023-05-04", None), ("10 May", "2023-05-10", None)]),
    ("Bin crews will strike from 3 to 5 May.", "2023-04-20", [("3 to 5 May", "2023-05-03", "2023-05-05")]),
    ("Bin crews will strike on 3-5 May.", "2023-04-20", [("3-5 May", "2023-05-03", "2023-05-05")]),
    ("Bin crews will strike from 4 September to 17 September.", "2023-08-20",
     [("4 September to 17 September", "2023-09-04", "2023-09-17")]),
    ("Bin crews will strike on 27 and 28 March.", "2024-03-01",
     [("27", "2024-03-27", None), ("28 March", "2024-03-28", None)]),
    ("Staff will walk out on 3rd and 4th October.", "2023-09-20",
     [("3rd", "2023-10-03", None), ("4th October", "2023-10-04", None)]),
    ("Bin crews will strike on 28 December and 2 January.", "2023-12-10",
     [("28 December", "2023-12-28", None), ("2 January", "2024-01-02", None)]),
    ("Staff will walk out on Tuesday 3 October and Wednesday 4 October.", "2023-09-20",
     [("Tuesday 3 October", "2023-10-03", None), ("Wednesday 4 October", "2023-10-04", None)]),
    ("Staff will strike on 12/06/2023 and again on 2023-06-19.", None,
     [("12/06/2023", "2023-06-12", None), ("2023-06-19", "2023-06-19", None)]),
    ("Bin crews will walk out between Monday 5 and Friday 9 June.", "2023-05-20",
                 [("Monday 5 and Friday 9 June", "2023-06-05", "2023-06-09")]),
    # a range of weekdays: the end is the first such weekday after the start, whatever the reference date
    ("Porters will walk out from Tuesday to Friday.", "2023-05-18",  # a Thursday
     [("Tuesday to Friday", "2023-05-23", "2023-05-26")]),
    # a weekday range restated by the days it stands for after a comma (the weekday is not the date's): the dates
    ("Drivers strike from Tuesday to Friday, May 23 to 26.", "2023-05-18", [("May 23 to 26", "2023-05-23", "2023-05-26")]),
    ("Drivers strike from Monday to Wednesday, 5 to 7 June.", "2023-06-01", [("5 to 7 June", "2023-06-05", "2023-06-07")]),
    # weekdays that do not restate the date after them stay
    ("Drivers strike on Monday, and again on 14 June.", "2023-06-01",
     [("Monday", "2023-06-05", None), ("14 June", "2023-06-14", None)]),
    # "a week on Tuesday", "a fortnight on Monday": seven or fourteen days after the coming weekday
    ("Porters will walk out a fortnight on Monday.", "2023-05-18", [("a fortnight on Monday", "2023-06-05", None)]),
    ("Porters will walk out a week on Tuesday.", "2023-05-18", [("a week on Tuesday", "2023-05-30", None)]),
    # clock times with "on" between the connector and the end of the range
    ("Porters will walk out from 6am on Monday 4 March to 6pm on Wednesday 6 March.", "2024-02-20",
     [("Monday 4 March to 6pm on Wednesday 6 March", "2024-03-04", "2024-03-06")]),
])
def test_date_lists_and_ranges(run, text, date, expected):
    assert date_rows(run(text, date)) == expected


def test_list_without_reference_keeps_month_and_day(run):
    record = run("Bin crews will strike on 3, 4 and 10 May.")
    assert [(d["date"], d["year"], d["month"], d["day"]) for d in record["dates"]] == [
        (None, None, 5, 3), (None, None, 5, 4), (None, None, 5, 10)]


def test_range_without_reference_keeps_its_first_day(run):
    record = run("Bin crews will strike from 3 to 5 May.")
    assert (5, 3) in {(d["month"], d["day"]) for d in record["dates"]}
    assert all(d["date"] is None and d["year"] is None for d in record["dates"])


@pytest.mark.parametrize("text, expected", [
    ("Care workers walked out on Monday.", "2023-05-15"),          # past tense: the Monday before
    ("Care workers will walk out on Monday.", "2023-05-22"),       # future: the Monday after
    ("Care workers are set to walk out on Monday.", "2023-05-22"),
])
def test_weekday_follows_the_tense_of_the_clause(run, text, expected):
    (d,) = run(text, "2023-05-17")["dates"]    # a Wednesday
    assert (d["date"], d["weekday"]) == (expected, "Monday")


def test_weekday_without_reference_is_kept_unresolved(run):
    (d,) = run("Care workers walked out on Monday.")["dates"]
    assert (d["date"], d["weekday"], d["year"], d["month"], d["day"]) == (None, "Monday", None, None, None)


# -- the reference date ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, given, expected", [
    ("Published 12 May 2019\nCare workers at Wigan Council will strike on Friday.", None, ("2019-05-12", "text")),
    ("Published 12 May 2019\nCare workers at Wigan Council will strike on Friday.", "2020-01-01", ("2019-05-12", "text")),
    ("Posted: 12/05/2019\nCare workers at Wigan Council will strike on Friday.", None, ("2019-05-12", "text")),
    ("12 May 2019\nUnison members at Leeds City Council will strike on Friday.", None, ("2019-05-12", "text")),
    (" date 2019-05-12\n\nUnison members at Leeds City Council will strike on Friday.", None, ("2019-05-12", "text")),
    ("Care workers at Wigan Council will strike on Friday.", "2019-05-12", ("2019-05-12", "given")),
    ("Care workers at Wigan Council will strike on Friday.", None, (None, None)),
])
def test_reference_date_from_text_else_given(run, text, given, expected):
    record = run(text, given)
    assert (record["reference_date"], record["reference_date_source"]) == expected
    assert strike_days(record) == (["2019-05-17"] if expected[0] else [])


def test_a_date_in_the_story_is_not_the_publication_date(run):
    """A full date inside a strike sentence is a strike day, not the article's date."""
    record = run("Unison members at Leeds City Council said they will strike on 12 May 2019 over pay.")
    assert record["reference_date"] is None
    assert strike_days(record) == ["2019-05-12"]


def test_date_records_carry_rule_and_known_parts(run):
    (d,) = run("The ballot closes on 15 March.")["dates"]
    assert d["rule"] == "dates.jsonl:day_month_year"
    assert (d["text"], d["date"], d["year"], d["month"], d["day"], d["granularity"]) == ("15 March", None, None, 3, 15, "day")


# -- the publication date and datelines, on sentences written for this project ------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Author: Sam JonesPublished 3rd Mar 2021\nUnite members voted to strike.", "2021-03-03"),
    ("Submitted by Admin on 5 October, 2009 - 10:41\nUnison members voted to strike.", "2009-10-05"),
    ("Priya Shah 14 February 2020\nGMB members voted to strike.", "2020-02-14"),
])
def test_publication_date_forms(run, text, expected):
    record = run(text)
    assert record["reference_date"] == expected
    assert record["reference_date_source"] == "text"
    assert record["people"] == []  # the author of a dateline byline is not a person in the story


@pytest.mark.parametrize("text, reference", [
    ("DUNDEE, 4 April 2024 — Refuse workers will strike next Monday.", "2024-04-04"),
    ("Bin strike talks fail\n\n09:30, 12 SEP 2024\n\nUnite members will strike next week.", "2024-09-12"),
    # a masthead line whose cells are parted by spaced dashes, bullets or pipes, a weekday in the date's cell
    ("THE FENLAND ECHO — COUNTY NEWS — 9 October 2025\n\nCarers will strike on Monday.", "2025-10-09"),
    ("MARSH GAZETTE | Wednesday, May 7, 2025 | By Our Reporter\n\nPorters strike on Friday.", "2025-05-07"),
    ("Local Politics • Thursday 4 July 2024 • 5 min read\n\nGMB members walk out next week.", "2024-07-04"),
])
def test_more_publication_date_forms(run, text, reference):
    record = run(text)
    assert record["reference_date"] == reference
    assert reference not in strike_days(record)


def test_line_breaks_end_sentences(run):
    # a headline without a full stop must not lend its strike word to the dateline below it
    record = run("Library staff to strike\nMonday 4 September 2023\nThe council said talks continue.")
    assert strike_days(record) == []
    assert record["reference_date"] == "2023-09-04"


def test_dateline_under_a_byline(run):
    record = run("Porters to strike\nBy Sam Reid\nTuesday 26 September 2023 6:00 pm\nPorters will strike on Friday.")
    assert record["reference_date"] == "2023-09-26"
    assert strike_days(record) == ["2023-09-29"]
    assert record["people"] == []


def test_every_weekday_is_marked_in_the_date_record(run):
    record = run("Janitors will strike every Monday and Friday in October.", date="2023-09-14")
    [date] = [d for d in record["dates"] if d["every"]]
    assert (date["date"], date["until"], date["every"]) == ("2023-10-01", "2023-10-31", ["Monday", "Friday"])


# -- the component on a blank pipeline (tokenizer and sentencizer): the publication date is found by rules -----
@pytest.fixture(scope="module")
def blank_dates(blank):
    return blank("sentencizer", "strikex_boilerplate", "strikex_dates")


@pytest.mark.parametrize("text, reference, dates", [
    ("Author: Sam JonesPublished 3rd Mar 2021\nUnite members voted to strike.", "2021-03-03", ["3rd Mar 2021"]),
    ("Submitted by Admin on 5 October, 2009 - 10:41\nUnison members voted to strike.", "2009-10-05",
     ["5 October, 2009"]),
    ("Priya Shah 14 February 2020\nGMB members voted to strike.", "2020-02-14", ["14 February 2020"]),
    ("DUNDEE, 4 April 2024 — Refuse workers will strike next Monday.", "2024-04-04", ["4 April 2024", "next Monday"]),
    ("Bin strike talks fail\n\n09:30, 12 SEP 2024\n\nUnite members will strike next week.", "2024-09-12",
     ["12 SEP 2024", "next week"]),
    ("Porters to strike\nBy Sam Reid\nTuesday 26 September 2023 6:00 pm\nPorters will strike on Friday.",
     "2023-09-26", ["Tuesday 26 September 2023", "Friday"]),
])
def test_publication_date_on_a_blank_pipeline(blank_dates, text, reference, dates):
    doc = blank_dates(text)
    assert (doc._.reference_date.isoformat(), doc._.reference_date_source) == (reference, "text")
    assert [s.text for s in doc.spans[DATES]] == dates


def test_a_date_with_words_in_its_cell_is_not_a_masthead(run):
    # a headline cell holds more than the date: it is not the publication date
    record = run("Bins strike set for 3 March 2025 — union\n\nUnite said crews will walk out.", date="2025-02-01")
    assert record["reference_date"] == "2025-02-01"
