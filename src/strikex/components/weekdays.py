"""Weekdays beside calendar dates, for strikex_dates.

- "from Monday to Thursday": a bare weekday ending a range is the first such weekday after the range's start,
  whatever the reference date;
- "a week on Monday", "a fortnight on Tuesday": seven or fourteen days after that weekday;
- "from Monday to Thursday, April 7 to 10": a weekday, a comma and a date that falls on another weekday are
  two dates, and weekdays alone followed after a comma by the dates they stand for only restate them.
"""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from ..datenorm import DateValue, resolve

WEEKDAY_ORDER = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_NAMES = set(WEEKDAY_ORDER)
RANGE_WORDS = {"to", "-", "–", "until", "and"}


def weekday_range_end(anchor: Span, start: DateValue, end: DateValue) -> DateValue:
    """The end of a range whose end is a bare weekday: the first such weekday after the start."""
    if start.date and end.date and start.until is None and end.weekday is not None \
            and anchor.text.strip().lower() in WEEKDAY_NAMES and end.date <= start.date:
        day = start.date + dt.timedelta(days=(end.date.weekday() - start.date.weekday()) % 7 or 7)
        return DateValue.of(day, weekday=end.weekday)
    return end


def weekday_apart(doc: Doc, span: Span, ref: dt.date | None) -> list[Span]:
    """'from Monday to Thursday, April 7 to 10': a weekday, a comma and a date that falls on another weekday
    are two dates (the end of a range of weekdays, then the days it stands for), not one."""
    if len(span) < 3 or span[0].lower_ not in WEEKDAY_NAMES or span[1].text != ",":
        return [span]
    rest = Span(doc, span.start + 2, span.end, label="DATE")
    value = resolve(rest.text, ref)
    if value is None or value.date is None or value.date.weekday() == WEEKDAY_ORDER.index(span[0].lower_):
        return [span]
    day = Span(doc, span.start, span.start + 1, label="DATE")
    day._.rule = span._.rule.split(":", 1)[0] + ":weekday"
    rest._.rule = span._.rule + "+weekday_apart"
    return [day, rest]


def restated(doc: Doc, span: Span, after: Span | None) -> bool:
    """'from Monday to Wednesday, 15 to 17 June': weekdays alone, then after a comma the dates they stand for
    (the first date on the first weekday): the dates are the fact; the weekdays only restate them."""
    if after is None or after.start != span.end + 1 or doc[span.end].text != ",":
        return False
    words = [t.lower_ for t in span if t.lower_ in WEEKDAY_NAMES]
    if not words or any(t.lower_ not in WEEKDAY_NAMES and t.lower_ not in RANGE_WORDS for t in span):
        return False
    value = after._.date_value
    return bool(value and value.date and value.date.weekday() == WEEKDAY_ORDER.index(words[0]))


WEEKS_ON = {"week": 7, "fortnight": 14}


def week_on(doc: Doc, span: Span) -> Span:
    """'a fortnight on Monday' (said on a Thursday): the Monday fourteen days after the coming one, as one date
    span from "a"."""
    value = span._.date_value
    if value is None or value.date is None or span.start < 3 or span.text.lower() not in WEEKDAY_NAMES:
        return span
    a, unit, on = (t.lower_ for t in doc[span.start - 3: span.start])
    if a not in {"a", "one"} or unit not in WEEKS_ON or on not in {"on", "from"}:
        return span
    joined = Span(doc, span.start - 3, span.end, label="DATE")
    joined._.rule = span._.rule + "+week_on"
    joined._.date_value = DateValue.of(value.date + dt.timedelta(days=WEEKS_ON[unit]), weekday=value.weekday)
    return joined
