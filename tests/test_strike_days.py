"""Strike days on general forms of real reporting (issue 11, phase 1: targets for the strike-day rules).

Every sentence is invented for this table (other names, places, dates and wording than the dev corpus and
MISSES.md). Each row: the text, the reference date, and the exact sorted list of ISO strike days that a
careful reader following GOLD.md gives. The kind labels (K1 ...) refer to /work/analysis/strikes.md.
Nothing is marked xfail: many rows fail on purpose until the rules exist.
"""
from __future__ import annotations

import datetime as dt

import pytest


def days(record):
    return sorted({d for s in record["strikes"] for d in s["dates"]})


def span(first: str, last: str, weekdays: tuple[int, ...] | None = None) -> list[str]:
    """Every ISO day from ``first`` to ``last`` inclusive (only ``weekdays``, 0 = Monday, when given)."""
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    out = [a + dt.timedelta(n) for n in range((b - a).days + 1)]
    return [d.isoformat() for d in out if weekdays is None or d.weekday() in weekdays]


def merge(*lists) -> list[str]:
    return sorted({d for part in lists for d in part})


CASES = [
    # ---- K1 recurrence over a period (S7): "every W, W and W until ...", "each of the following N Ws" ----
    ("K1-every-weekend-after-run",
     "Unite said the nine drivers at Pendrith Council would follow a week-long walkout starting on Monday 2 June "
     "with further strikes every Saturday and Sunday until the end of July.",
     "2025-05-20",
     merge(span("2025-06-02", "2025-06-08"), span("2025-06-09", "2025-07-31", (5, 6)))),
    ("K1-every-three-weekdays-range",
     "GMB members at Oxley Borough Council will walk out every Monday, Wednesday and Friday from 4 May to 22 May.",
     "2026-04-20",
     span("2026-05-04", "2026-05-22", (0, 2, 4))),
    ("K1-every-two-weekdays-in-month",
     "Library staff in Carnford will strike every Tuesday and Thursday in March, Unison said.",
     "2026-02-10",
     span("2026-03-01", "2026-03-31", (1, 3))),
    ("K1-each-of-following-weekdays",
     "Caretakers at Marlow Vale Council will strike on Wednesday and on each of the following two Wednesdays, "
     "the GMB said.",
     "2026-03-02",
     ["2026-03-04", "2026-03-11", "2026-03-18"]),
    ("K1-negative-unresolvable-recurrence",
     "Bin crews in Ashby walked out every Friday last autumn, Unite said.",
     "2026-03-02",
     []),

    # ---- K2 start + duration + end (S3, S4): durations after the date, end caps, end-anchored runs ----
    ("K2-start-then-run-until-next-sentence",
     "Unison members at Kelbrook Council will begin strike action on 9 March.\n"
     "The strike will run for three weeks until 27 March.",
     "2026-02-20",
     span("2026-03-09", "2026-03-27")),
    ("K2-stay-out-capped-by-return",
     "Porters at Hillmoor walked out on Tuesday 3 February and will stay out for 10 days, returning to work on "
     "Thursday 12 February, Unite said.",
     "2026-02-04",
     span("2026-02-03", "2026-02-11")),
    ("K2-began-N-hour-strike-on-weekday",
     "Cleaners at Stanmoor schools began a 72-hour strike on Monday, the GMB said.",
     "2026-01-14",
     span("2026-01-12", "2026-01-14")),
    ("K2-consecutive-days-from",
     "Grounds staff at Wexcombe Council will strike for four consecutive days from 16 June.",
     "2026-06-01",
     span("2026-06-16", "2026-06-19")),
    ("K2-end-anchored-duration",
     "A three-day walkout by Unite gardeners at Brimley Council ended yesterday.",
     "2026-05-08",
     span("2026-05-05", "2026-05-07")),
    ("K2-fortnight-of-strikes-on",
     "Refuse crews at Tolworth Council start a fortnight of strikes on 1 September, the GMB said.",
     "2025-08-20",
     span("2025-09-01", "2025-09-14")),
    ("K2-day-N-of-N-day-strike",
     "Road sweepers in Pellham are into day three of a four-day strike, Unison said.",
     "2026-03-12",
     span("2026-03-10", "2026-03-13")),

    # ---- K3 continuation sentences without a strike word (S6, S10) ----
    ("K3-joined-by-next-sentence",
     "Unison members at Dunholt Council will strike from 6 to 8 May. They will be joined by GMB members between "
     "12 and 14 May.",
     "2026-04-25",
     merge(span("2026-05-06", "2026-05-08"), span("2026-05-12", "2026-05-14"))),
    ("K3-further-days-named",
     "Unison said its school cooks in Fendale would strike on 2 and 3 December. Further days have been named as "
     "9 and 10 December.",
     "2025-11-20",
     ["2025-12-02", "2025-12-03", "2025-12-09", "2025-12-10"]),
    ("K3-effect-sentence-no-collections",
     "Bin crews at Harlby Council will take all-out strike action later this month. It is likely that no bins "
     "will be emptied between Monday 11 May and Friday 15 May.",
     "2026-05-01",
     span("2026-05-11", "2026-05-15")),
    ("K3-current-wave-end-and-resume-later",
     "Unite said the strike by Holcombe school caretakers would end on 3 July. It will resume two days later and "
     "run through 10 July.",
     "2026-06-25",
     merge(["2026-07-03"], span("2026-07-05", "2026-07-10"))),
    ("K3-wave-began-then-due-to-end",
     "GMB crews at Ravensmoor Council began their second wave of strikes on 2 March. The current wave is due to "
     "end on 9 March, and a third will run from 16 March to 20 March.",
     "2026-03-04",
     merge(span("2026-03-02", "2026-03-09"), span("2026-03-16", "2026-03-20"))),

    # ---- K4 the reference date stated by the text ----
    ("K4-byline-name-pipe-numeric-date",
     "Jo Bright | 14.03.2026 09:30 | Northshire\n\nUnison members at Kestle Council will strike from 23rd – 25th "
     "March.",
     None,
     span("2026-03-23", "2026-03-25")),

    # ---- K5 attribution by word lists: council / set / closed between the strike word and the date ----
    ("K5-council-between-strike-and-date",
     "Unison members will strike at Harrowby Borough Council on Tuesday 10 March.",
     "2026-03-01",
     ["2026-03-10"]),
    ("K5-council-run-between + month-first list (S1)",
     "Unison members will hold two one-day stoppages at four council-run care homes on November 5 and 19.",
     "2025-10-28",
     ["2025-11-05", "2025-11-19"]),
    ("K5-set-to-take-place-on",
     "The walkout by Unite wardens, set to take place on 12 February, will close all car parks in Brackley.",
     "2026-02-01",
     ["2026-02-12"]),
    ("K5-set-for-weekday-called-off",
     "Dinner staff at Elmsworth have called off the strike action that was set for Friday.",
     "2026-03-10",
     ["2026-03-13"]),
    ("K5-first-set-of-strike-days-began",
     "The first set of strike days began on 6 October, Unite said of the Carrick depot dispute.",
     "2025-11-01",
     ["2025-10-06"]),
    ("K5-closed-today-as-on-strike",
     "Several schools were closed today as Unison support staff in Ambridge went on strike.",
     "2026-02-11",
     ["2026-02-11"]),
    ("S1-month-first-list",
     "GMB members at Marlby Council will strike on October 8 and 22, the union said.",
     "2025-09-30",
     ["2025-10-08", "2025-10-22"]),
    ("S2-announced-walkouts-for",
     "Unite has announced walkouts for Friday 5 June and Monday 8 June at the Colbeck depot.",
     "2026-05-25",
     ["2026-06-05", "2026-06-08"]),

    # ---- K6 a date broken by line breaks ----
    ("K6-day-and-month-on-separate-lines",
     "Unison plans a two-day strike from 4 November and a three-day stoppage from\n\n17\nNovember.",
     "2025-10-20",
     ["2025-11-04", "2025-11-05", "2025-11-17", "2025-11-18", "2025-11-19"]),

    # ---- K7 a duration from another clause must not stretch the start day ----
    ("K7-week-long-earlier-strike",
     "Unite crews at Selby Moor held a week-long strike in early March and had planned further action from "
     "Monday 20 April.",
     "2026-04-10",
     ["2026-04-20"]),
    ("K7-five-day-walkout-last-month",
     "After a five-day walkout last month, Unison members at Daleford Council will strike again starting on 3 June.",
     "2026-05-20",
     ["2026-06-03"]),

    # ---- K8 weekdays: lists in order, "next week", the reference weekday itself, past clauses (S8, S9) ----
    ("K8-weekday-list-after-next-week",
     "Council workers across Norbury will go on strike next week. Unison members could walk out on Tuesday and "
     "Wednesday over pay.",
     "2026-01-13",
     ["2026-01-20", "2026-01-21"]),
    ("K8-weekday-of-next-week (S8)",
     "Gritter crews at Halsey Council will strike on Thursday and Friday of next week, the GMB said.",
     "2026-01-12",
     ["2026-01-22", "2026-01-23"]),
    ("K8-reference-weekday-past-perfect",
     "The strike at Pinfold depot, which had been due to start on Wednesday, was called off this morning.",
     "2025-12-31",
     ["2025-12-31"]),
    ("K8-present-perfect-past-strike (S9)",
     "Unison members at Colmere Council have held three stoppages this month, the latest a one-day strike on "
     "Monday.",
     "2026-03-19",
     ["2026-03-16"]),
    ("K8-past-and-future-weekdays",
     "Unison members at Harwell Council walked out on Monday and will strike again on Friday.",
     "2026-03-11",
     ["2026-03-09", "2026-03-13"]),

    # ---- K9 dates of other events in a strike sentence: votes, statements, deadlines, conditions, meetings ----
    ("K9-ballot-opens-today",
     "Refuse workers in Tanbury start a ballot on continuous industrial action today.",
     "2026-06-03",
     []),
    ("K9-statement-on-weekday",
     "In a statement on Tuesday, Lockhart Council said it had received no notice of strike action from the GMB.",
     "2026-03-05",
     []),
    ("K9-conditional-earliest-start",
     "If members vote to strike, walkouts at schools across Ferndale could begin as soon as 14 October.",
     "2025-09-10",
     []),
    ("K9-catch-up-deadline",
     "Unison members at Boxley Council will strike on Monday 2 March, and the council hopes to finish the missed "
     "rounds by Saturday 7 March.",
     "2026-02-20",
     ["2026-03-02"]),
    ("K9-ballot-closes",
     "The GMB ballot of Ruthven Council cleaners over strike action will close on 20 May.",
     "2026-05-01",
     []),
    ("K9-meeting-to-avert",
     "Unite will meet Castlebar Council on 9 June to try to avert strike action.",
     "2026-06-01",
     []),

    # ---- S12 action short of a strike gives no days ----
    ("S12-overtime-ban-and-work-to-rule",
     "GMB members at Yelland Council will begin an overtime ban on 2 March and work to rule from 9 March until "
     "27 March.",
     "2026-02-20",
     []),
    ("S12-strike-then-work-to-rule",
     "Unison members at Tarwick Council will strike on 11 and 12 May; they will then work to rule from 13 May to "
     "29 May.",
     "2026-05-01",
     ["2026-05-11", "2026-05-12"]),

    # ---- K10 not industrial action ----
    ("K10-climate-walkout",
     "Pupils across Wexley plan to walk out of lessons this Friday in a climate strike.",
     "2026-03-10",
     []),

    # ---- K11 a year-less day that is the same day as a fully dated one elsewhere takes its year ----
    ("K11-headline-date-takes-body-year",
     "GMB members strike over pay Thursday July 9\n\nGMB members in schools across Northshire will strike on "
     "Thursday 9th July 2015 over pay.",
     "2026-05-14",
     ["2015-07-09"]),

    # ---- K12 an undated strike under way on the reference day ----
    ("K12-walked-out-indefinitely",
     "Nearly 300 bin workers in Carlow have walked out indefinitely in a row over pay, Unite said.",
     "2026-04-07",
     ["2026-04-07"]),

    # ---- ranges with weekdays and clock times; a strike period on its own lines (S5, S11) ----
    ("S11-clock-times-in-range",
     "Unite members at Glenford Council will strike from 6am Tuesday 9 June to 6pm Thursday 11 June.",
     "2026-06-01",
     span("2026-06-09", "2026-06-11")),
    ("S5-weekday-range-then-day-range",
     "Depot staff at Rowley will strike from Monday to Wednesday, 15 to 17 June.",
     "2026-06-01",
     span("2026-06-15", "2026-06-17")),
    ("S11-strike-period-lines",
     "Unison members at Dunmore Council will take strike action.\nStrike period:\n"
     "Starts 07:00 on 2 March 2026, ends 19:00 on 4 March 2026",
     "2026-02-10",
     span("2026-03-02", "2026-03-04")),
]


@pytest.mark.parametrize("label, text, ref, expected", CASES, ids=[c[0] for c in CASES])
def test_strike_days_form(run, label, text, ref, expected):
    assert days(run(text, ref)) == expected
