"""Recurring weekdays, for strikex_dates: a small grammar over the date spans already found.

    REC    := (every|each) W (("," | "and") W)* WINDOW?
    WINDOW := (in|during|throughout) MONTH | from D (to|until) D | (until|till|to|through) END
    END    := D | MONTH | the end of (the|this)? (month|year)
    NEXT_N := (each of)? the (next|following|coming) N Ws

A recurrence is one span whose value covers its window with only those weekdays (``DateValue.every``).
Without a stated start it runs from the day after the reference date, and its span's rule ends in
``+open``: strikex_strikes then starts it after the run the same sentence names first ("a week-long
walkout from 2 June, then every Saturday until ..."). A recurrence without a window the reference can fix
("every Friday last autumn") is no day at all; its weekdays are never single dates. NEXT_N counts N of that
weekday after the last one named before it (else after the reference date).
"""
from __future__ import annotations

import calendar
import datetime as dt

from spacy.tokens import Doc, Span

from ..datenorm import MONTHS, WEEKDAYS, DateValue
from ..extensions import token_lowers
from ..numbers import to_number

OPENERS = {"every", "each"}
LIST_WORDS = {",", "and", "&"}
MONTH_WINDOW = {"in", "during", "throughout"}
END_WORDS = {"until", "till", "til", "to", "through"}
NEXT_WORDS = {"next", "following", "coming", "subsequent"}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _weekday(tok) -> int | None:
    return WEEKDAYS.get(tok.lower_.rstrip("s")) if tok.text[:1].isupper() else None


def _span_at(spans: list[Span], i: int) -> Span | None:
    return next((s for s in spans if s.start == i), None)


def recurrences(doc: Doc, spans: list[Span], ref: dt.date | None, rule: str) -> list[Span]:
    """The date spans with each recurrence put in place of the spans it covers."""
    out = [_of_next_week(doc, s, ref, rule) for s in spans]
    i = 0
    lowers = token_lowers(doc)
    while i < len(doc):
        low = lowers[i]
        found = None
        if low in OPENERS:
            found = _every(doc, i, out, ref, rule) or _next_n(doc, i + 2 if doc[i + 1: i + 2].text.lower() == "of" else i + 1,
                                                                i, out, ref, rule)
        elif low == "the" and i + 1 < len(doc) and lowers[i + 1] in NEXT_WORDS:
            found = _next_n(doc, i, i, out, ref, rule)
        if found is not None:
            out = [s for s in out if s.end <= found.start or s.start >= found.end] + [found]
            out.sort(key=lambda s: s.start)
            i = found.end
        else:
            i += 1
    return out


def _every(doc: Doc, i: int, spans: list[Span], ref, rule: str) -> Span | None:
    weekdays, j = [], i + 1
    while j < len(doc):
        w = _weekday(doc[j])
        if w is not None:
            weekdays.append(w)
            j += 1
        elif doc[j].text in LIST_WORDS and weekdays and j + 1 < len(doc) and _weekday(doc[j + 1]) is not None:
            j += 1
        else:
            break
    if not weekdays:
        return None
    every = tuple(sorted(set(weekdays)))
    first, last, end, open_start = _window(doc, j, spans, ref)
    joined = next((s for s in spans if i < s.start < j < s.end), None)   # "Monday until 27 April", joined as a range
    if joined is not None and joined._.date_value is not None and joined._.date_value.until and ref is not None:
        first, last, end, open_start = ref + dt.timedelta(1), joined._.date_value.until, joined.end, True
    span = Span(doc, i, end if first else j, label="DATE")
    if first is None or last is None or last < first:
        # "every Friday last autumn": no window the reference fixes, so no days (and no single Friday)
        span._.date_value = DateValue(weekday=every[0], granularity="week", every=every)
        span._.rule = f"{rule}:every"
        return span
    span._.date_value = DateValue(date=first, year=first.year, month=first.month, day=first.day, until=last, every=every)
    span._.rule = f"{rule}:every" + ("+open" if open_start else "")
    return span


def _window(doc: Doc, j: int, spans: list[Span], ref) -> tuple[dt.date | None, dt.date | None, int, bool]:
    """(first, last, end token, whether the start is open) of the window after the weekdays at ``j``."""
    if j >= len(doc):
        return None, None, j, True
    word = doc[j].lower_
    after = _span_at(spans, j + 1)
    start = ref + dt.timedelta(1) if ref else None
    if word in MONTH_WINDOW and j + 1 < len(doc) and doc[j + 1].text.lower().rstrip(".") in MONTHS:
        month = MONTHS[doc[j + 1].text.lower().rstrip(".")]
        end = j + 2
        year = None
        if end < len(doc) and doc[end].text.isdigit() and len(doc[end].text) == 4:
            year, end = int(doc[end].text), end + 1
        if year is None and ref is not None:
            year = ref.year + (month < ref.month - 1)
        if year is None:
            return None, None, end, False
        return dt.date(year, month, 1), _month_end(year, month), end, False
    if word == "from" and after is not None and after._.date_value is not None:
        v = after._.date_value
        if v.until and v.date:
            return v.date, v.until, after.end, False
        if v.date is None:
            return None, None, j, False
        if after.end < len(doc) and doc[after.end].lower_ in END_WORDS:
            _, last, end, _ = _window(doc, after.end, spans, v.date - dt.timedelta(1))
            if last is not None:
                return v.date, last, end, False
        return None, None, j, False
    if word in END_WORDS:
        if after is not None and after._.date_value is not None:
            v = after._.date_value
            if v.granularity == "month" and v.year and v.month:
                return start, _month_end(v.year, v.month), after.end, True
            if v.date:
                return start, v.until or v.date, after.end, True
        words = [t.lower_ for t in doc[j + 1: j + 6]]
        if words[:3] == ["the", "end", "of"] and ref is not None:
            month = _span_at(spans, j + 4)
            mv = month._.date_value if month is not None else None
            if mv is not None and mv.granularity == "month" and mv.year and mv.month:
                return start, _month_end(mv.year, mv.month), month.end, True
            k = 3 + (len(words) > 4 and words[3] in {"the", "this"})
            unit = words[k] if k < len(words) else ""
            if unit == "year":
                return start, dt.date(ref.year, 12, 31), j + 1 + k + 1, True
            if unit == "month":
                return start, _month_end(ref.year, ref.month), j + 1 + k + 1, True
    return None, None, j, True


def _next_n(doc: Doc, i: int, begin: int, spans: list[Span], ref, rule: str) -> Span | None:
    """'each of the next three Thursdays', 'the following two Wednesdays'."""
    words = doc[i: i + 4]
    if len(words) < 4 or words[0].lower_ != "the" or words[1].lower_ not in NEXT_WORDS:
        return None
    n = to_number(words[2].lower_)
    weekday = _weekday(words[3]) if words[3].lower_.endswith("s") else None
    if not n or weekday is None or n > 12:
        return None
    earlier = [s for s in spans if s.end <= begin and s._.date_value is not None and s._.date_value.date
               and s._.date_value.date.weekday() == weekday]
    base = earlier[-1]._.date_value.date if earlier else ref
    if base is None:
        return None
    first = base + dt.timedelta((weekday - base.weekday()) % 7 or 7)
    last = first + dt.timedelta(7 * (int(n) - 1))
    span = Span(doc, begin, i + 4, label="DATE")
    span._.date_value = DateValue(date=first, year=first.year, month=first.month, day=first.day, until=last,
                                  every=(weekday,))
    span._.rule = f"{rule}:next_n_weekdays"
    return span


def _of_next_week(doc: Doc, span: Span, ref, rule: str) -> Span:
    """'on Thursday and Friday of next week', 'on Tuesday next week': the weekday in the calendar week after
    the reference date's."""
    v = span._.date_value
    if ref is None or v is None or len(span) != 1 or _weekday(span[0]) is None:
        return span
    j = span.end
    while j < len(doc) and (doc[j].text in LIST_WORDS or _weekday(doc[j]) is not None):
        j += 1
    words = [t.lower_ for t in doc[j: j + 3]]
    if words[:2] != ["next", "week"] and words[:3] != ["of", "next", "week"]:
        return span
    day = ref - dt.timedelta(ref.weekday()) + dt.timedelta(7 + v.weekday)
    found = Span(doc, span.start, span.end, label="DATE")
    found._.date_value = DateValue.of(day, weekday=v.weekday)
    found._.rule = f"{rule}:weekday_next_week"
    return found
