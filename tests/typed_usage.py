"""A typed use of the Python API: ``tests/test_types.py`` runs mypy (strict) on this file, which must pass.
It is never run, only checked."""
from __future__ import annotations

import datetime as dt
from typing import Iterator

import strikex
from strikex.types import ErrorRecord, Record


def strike_days(text: str | bytes) -> list[str]:
    try:
        record: Record = strikex.extract(text, reference_date=dt.date(2017, 1, 18), source="kirklees.txt")
    except strikex.InputError as exc:
        return [str(exc)]
    except strikex.StrikexError:
        return []
    days: list[str] = [day for strike in record["strikes"] for day in strike["dates"]]
    support: list[float] = [b["support_pct"] for b in record["ballots"] if b["support_pct"] is not None]
    return days + [f"{s:g}%" for s in support]


def per_article_dates(texts: list[str], dates: list[str | dt.date | None]) -> Iterator[str]:
    for record in strikex.extract_many(texts, reference_dates=dates, sources=["a", "b"]):
        if "error" in record:
            error: ErrorRecord = record
            yield error["error"]
        else:
            yield str(len(record["disputes"]))


schema_title: object = strikex.schema()["title"]
