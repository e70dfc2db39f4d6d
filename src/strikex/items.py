"""The article item: one article's text and what the caller knows about it, as the batch takes it.

Items are built in one place, ``io.article_item``; the batch (``batch.py``) and the pipeline
(``pipeline.make_docs``) read them by name.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import DateError


# reference dates strikex takes: news of any age, and room for date arithmetic (a mandate a year on) in range
EARLIEST, LATEST = dt.date(1800, 1, 1), dt.date(2199, 12, 31)


@dataclass(frozen=True)
class ArticleItem:
    """``text`` None (with ``error`` set) when the input could not be read; ``given_date`` is the reference date
    the caller supplies, used only when the text states no publication date; ``warnings`` come from reading.
    ``html``: the text is a whole web page, whose main text the batch reads and the record keeps (``html.py``)."""

    text: str | None
    given_date: dt.date | None
    source: str | None
    warnings: tuple[str, ...] = ()
    error: str | None = None
    html: bool = False


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A reference date from ``YYYY-MM-DD``, a date or a datetime (its day)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        date = value.date()
    elif isinstance(value, dt.date):
        date = value
    else:
        import re

        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise DateError(f"the reference date must be YYYY-MM-DD, got {value!r}")
        try:
            date = dt.date.fromisoformat(value)
        except ValueError:
            raise DateError(f"the reference date {value} does not exist (YYYY-MM-DD: no such month or day)") from None
    if not EARLIEST <= date <= LATEST:
        raise DateError(f"the reference date {date} is out of range ({EARLIEST} to {LATEST})")
    return date
