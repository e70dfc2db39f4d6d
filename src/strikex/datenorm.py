"""Date expressions → calendar values, against an article's reference date.

dateparser reads the words; the rules here decide what the text really fixes. A year-less day
("January 15") takes the year nearest the reference date; a bare weekday ("on Wednesday") the next one
after it when the sentence looks ahead, the last one before it when it looks back. Without a reference
date, only what the text states is kept ("month": 1, "day": 15, "date": null): no year is ever taken
from today's clock.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import read_json

_WORDS = read_json("date_words.json")
MONTHS = {m.rstrip(".").lower(): i for i, m in enumerate(_WORDS["months"][:12], 1)}
MONTHS.update({m.rstrip(".").lower(): MONTHS[full.lower()]
               for m in _WORDS["months"][12:] for full in _WORDS["months"][:12] if full.lower().startswith(m.rstrip(".").lower()[:3])})
WEEKDAYS = {w.lower(): i for i, w in enumerate(_WORDS["weekdays"])}

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_MONTH = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?", re.I)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_DAY = re.compile(r"(?<![\d/.-])(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d/.:-])")
_NUMERIC = re.compile(r"^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[/.](\d{1,2})[/.](\d{2,4}))")
_RELATIVE = re.compile(r"\b(yesterday|today|tomorrow|tonight|last|next|this|coming|ago)\b", re.I)
_PERIOD = re.compile(r"\b(week|weekend|month|year|summer|autumn|winter|spring)\b", re.I)

_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
MAX_DATE_TEXT = 80  # longer strings are not dates, and dateparser is slow on them


@dataclass(frozen=True)
class DateValue:
    """What a date expression fixes. ``date`` is set only when year, month and day are all known."""

    date: dt.date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None       # 0 = Monday, when the text names one
    granularity: str = "day"         # day | week | month | year | season
    until: dt.date | None = None     # last day, for a range ("3 to 5 May")
    every: tuple[int, ...] = ()      # only these weekdays of the range ("every Monday and Friday in October")

    @classmethod
    def of(cls, day: dt.date, **kw) -> "DateValue":
        return cls(date=day, year=day.year, month=day.month, day=day.day, **kw)

    def days(self) -> list[dt.date]:
        """Every calendar day the value covers (one, or each day of a range); none if not fully known."""
        if self.date is None or self.granularity != "day":
            return []
        last = self.until or self.date
        if last < self.date or (last - self.date).days > (366 if self.every else 62):
            return [self.date]
        days = [self.date + dt.timedelta(n) for n in range((last - self.date).days + 1)]
        return [d for d in days if d.weekday() in self.every] if self.every else days


DATEPARSER_SECONDS = 5.0  # dateparser is known to take minutes on some strings: a call gets this long at most


@lru_cache(maxsize=4096)
def _parse(text: str, base: dt.datetime | None) -> tuple[dt.datetime | None, str | None]:
    """dateparser's reading of ``text`` and, when it gave none because it ran out of time, why."""
    import dateparser  # imported on first use: most articles' dates need no parsing beyond the rules here

    from .budget import time_limit

    settings = dict(_SETTINGS)
    settings["RELATIVE_BASE"] = base or dt.datetime(2000, 1, 1)
    with time_limit(DATEPARSER_SECONDS, "dateparser", suppress=True) as limit:
        try:
            return dateparser.parse(text, languages=["en"], settings=settings), None
        except Exception:  # dateparser raises a zoo of errors on odd strings; a non-date is not fatal
            return None, None
    return None, f"date text {text!r} not read: dateparser took longer than {limit.seconds:g} s"


def clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.")
    text = re.sub(r"^(?:the|on|from)\s+", "", text, flags=re.I)
    text = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", text)
    return re.sub(r"\bof\s+", "", text)


def nearest_year(month: int, day: int, ref: dt.date, weekday: int | None = None) -> dt.date | None:
    """The (year, month, day) nearest the reference date; a named weekday must agree when one fits."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if weekday is not None and any(o.weekday() == weekday for o in options):
        options = [o for o in options if o.weekday() == weekday]
    if not options:
        return None
    # nearest; a tie goes to the later day (news looks ahead)
    return min(options, key=lambda o: (abs((o - ref).days), -o.toordinal()))


def weekday_date(weekday: int, ref: dt.date, looks_back: bool, qualifier: str = "") -> dt.date:
    """'Wednesday' said on the reference date: the next one, or the last one for past events."""
    if qualifier == "last" or (looks_back and qualifier not in {"next", "coming"}):
        delta = (ref.weekday() - weekday) % 7 or 7
        return ref - dt.timedelta(delta)
    # "next Monday" is the coming Monday, as dateparser reads it too
    return ref + dt.timedelta((weekday - ref.weekday()) % 7 or 7)


def resolve(text: str, ref: dt.date | None, looks_back: bool = False,
            problems: list[str] | None = None) -> DateValue | None:
    """Resolve one date expression. ``None`` when the text is not a date at all, or could not be read:
    then why is added to ``problems`` (a text over ``MAX_DATE_TEXT`` characters, a dateparser timeout)."""
    raw = clean(text)
    if len(raw) > MAX_DATE_TEXT:
        if problems is not None:
            problems.append(f"date text of {len(raw)} characters not read (the limit is {MAX_DATE_TEXT}): {raw[:40]!r}…")
        return None
    if not raw:
        return None
    if re.match(r"every\b", raw, re.I):
        return _every(raw, ref)
    numeric = _NUMERIC.match(raw)
    if numeric:
        return _numeric(numeric)

    year_m, month_m, weekday_m = _YEAR.search(raw), _MONTH.search(raw), _WEEKDAY.search(raw)
    rest = _MONTH.sub(" ", _YEAR.sub(" ", raw))
    day_m = _DAY.search(rest)
    weekday = WEEKDAYS[weekday_m.group(1).lower()] if weekday_m else None
    month = MONTHS.get(month_m.group(1).lower().rstrip(".")) if month_m else None
    year = int(year_m.group(1)) if year_m else None
    day = int(day_m.group(1)) if day_m else None

    if month and day and not year and ref:  # "26 September last year"
        shift = re.search(r"\b(last|next|this) year\b", raw, re.I)
        if shift:
            year = ref.year + {"last": -1, "next": 1, "this": 0}[shift.group(1).lower()]
    if month and day:
        if year:
            try:
                return DateValue.of(dt.date(year, month, day), weekday=weekday)
            except ValueError:
                return None
        if ref:
            found = nearest_year(month, day, ref, weekday)
            return DateValue.of(found, weekday=weekday) if found else None
        return DateValue(month=month, day=day, weekday=weekday)
    if month and not day:
        shift = re.search(r"\b(last|next|this) year\b", raw, re.I)
        if shift and ref:  # "November last year"
            return DateValue(year=ref.year + SHIFT[shift.group(1).lower()], month=month, granularity="month")
        if not year and ref:
            found = nearest_year(month, 1, ref)
            year = found.year if found else None
        return DateValue(year=year, month=month, granularity="month")
    if weekday is not None and not month:
        qualifier = next((q for q in ("next", "last", "this", "coming") if re.search(rf"\b{q}\b", raw, re.I)), "")
        if ref is None:
            return DateValue(weekday=weekday)
        return DateValue.of(weekday_date(weekday, ref, looks_back, qualifier), weekday=weekday)
    relative = _RELATIVE.search(raw)
    if relative:
        period = _PERIOD.search(raw)
        granularity = "day"
        if period:
            granularity = {"weekend": "week"}.get(period.group(1).lower(), period.group(1).lower())
            if granularity in {"summer", "autumn", "winter", "spring"}:
                granularity = "season"
        if ref is None:
            return DateValue(granularity=granularity)
        simple = _simple_relative(raw, ref, granularity)
        if simple is not None:
            return simple
        if granularity == "season":  # "this summer", "last winter": the season's year, as said on the reference date
            shift = {"last": -1, "next": 1}.get(relative.group(1).lower(), 0)
            return DateValue(year=ref.year + shift, granularity="season")
        parsed, problem = _parse(raw, dt.datetime.combine(ref, dt.time()))
        if problem and problems is not None:
            problems.append(problem)
        if parsed is None:
            return DateValue(granularity=granularity)
        if granularity == "day":
            return DateValue.of(parsed.date())
        if granularity == "month":
            return DateValue(year=parsed.year, month=parsed.month, granularity="month")
        if granularity == "year":
            return DateValue(year=parsed.year, granularity="year")
        return DateValue(year=parsed.year, granularity=granularity)
    if year and not month:
        return DateValue(year=year, granularity="year")
    return None


SHIFT = {"last": -1, "next": 1, "this": 0, "coming": 1}
DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}


def _numeric(m: re.Match) -> DateValue | None:
    """'2024-05-03', '3/5/2024', '03.05.24': day first, as in British text; a two-digit year is 20xx."""
    if m.group(1):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        day, month, year = int(m.group(4)), int(m.group(5)), int(m.group(6))
        if year < 100:
            year += 2000
    try:
        return DateValue.of(dt.date(year, month, day))
    except ValueError:
        return None


def _simple_relative(raw: str, ref: dt.date, granularity: str) -> DateValue | None:
    """The common relative forms, worked out here ('yesterday', 'last night', 'next week', 'this month',
    'last year'); None for anything else, which dateparser reads."""
    text = raw.lower()
    if text in DAY_WORDS:
        return DateValue.of(ref + dt.timedelta(DAY_WORDS[text]))
    m = re.fullmatch(r"(last|next|this|coming) (week|weekend|month|year)", text)
    if not m:
        return None
    shift, unit = SHIFT[m.group(1)], m.group(2)
    if unit in {"week", "weekend"}:
        return DateValue(year=(ref + dt.timedelta(7 * shift)).year, granularity="week")
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 + shift
        return DateValue(year=months // 12, month=months % 12 + 1, granularity="month")
    return DateValue(year=ref.year + shift, granularity="year")


def _every(raw: str, ref: dt.date | None) -> DateValue | None:
    """'every Monday and Friday in October': those weekdays of the month, in the month's nearest year."""
    weekdays = tuple(sorted({WEEKDAYS[m.group(1).lower()] for m in _WEEKDAY.finditer(raw)}))
    month_m, year_m = _MONTH.search(raw), _YEAR.search(raw)
    if not weekdays or not month_m:
        return None
    month = MONTHS[month_m.group(1).lower().rstrip(".")]
    year = int(year_m.group(1)) if year_m else (nearest_year(month, 15, ref).year if ref else None)
    if year is None:
        return DateValue(month=month, granularity="month", every=weekdays)
    first = dt.date(year, month, 1)
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(1))
    return DateValue(date=first, year=year, month=month, day=1, until=last, every=weekdays)
