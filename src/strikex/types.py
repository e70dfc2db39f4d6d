"""The record as type checkers see it: one ``TypedDict`` per record object, what ``strikex.extract`` returns.

These mirror the frozen dataclasses of ``records.py`` field by field, with the same class names and the same
annotations (``tests/test_types.py`` checks that they match, and that the keys are the JSON Schema's), so a
record dict from ``strikex.extract`` can be read with checked keys::

    import strikex
    from strikex.types import Record

    record: Record = strikex.extract(text)
    for strike in record["strikes"]:
        print(strike["dates"], strike["status"])

``extract_many`` yields ``Record | ErrorRecord``: an article that could not be extracted gives an
``ErrorRecord`` (``"error" in record``) in its place.
"""
from __future__ import annotations

from typing import Any, NotRequired, TypedDict, final


class Mention(TypedDict):
    text: str
    start: int
    end: int


class DateRecord(TypedDict):
    text: str
    start: int
    end: int
    date: str | None
    year: int | None
    month: int | None
    day: int | None
    weekday: str | None
    granularity: str
    until: str | None
    every: list[str]
    rule: str | None


class Union(TypedDict):
    name: str
    mentions: list[Mention]
    rule: str | None


class Council(TypedDict):
    name: str
    mentions: list[Mention]
    rule: str | None


class Person(TypedDict):
    name: str
    role: str | None
    organisation: str | None
    mentions: list[Mention]
    role_evidence: Mention | None
    rule: str | None


class LegalCheck(TypedDict):
    regime: str | None
    basis: str | None
    result: str
    missing: list[str]
    failed: list[str]
    important_public_service: str | None
    mandate_expires: str | None


class Ballot(TypedDict):
    union: str | None
    support_pct: float | None
    turnout_pct: float | None
    votes_cast: int | None
    eligible: int | None
    closes: str | None
    closes_date: DateRecord | None
    legal_check: LegalCheck
    text: str
    start: int
    end: int
    rule: str | None


class Strike(TypedDict):
    dates: list[str]
    union: str | None
    unions: list[str]
    employer: str | None
    workers: str | None
    status: str | None
    status_cue: str | None
    text: str
    start: int
    end: int
    date_mentions: list[DateRecord]
    mentions: list[Mention]
    rule: str | None


class Cause(TypedDict):
    category: str
    detail: str | None
    evidence: list[Mention]
    rule: str | None


class Workers(TypedDict):
    name: str
    count: int | None
    approximate: bool
    mentions: list[Mention]
    rule: str | None


class Money(TypedDict):
    amount: float
    currency: str
    text: str
    start: int
    end: int
    rule: str | None


class Quote(TypedDict):
    speaker: str | None
    speaker_type: str | None
    kind: str
    text: str
    start: int
    end: int
    rule: str


class Dispute(TypedDict):
    union: str | None
    employer: str | None
    workers: str | None
    worker_count: int | None
    causes: list[str]
    status: str | None
    ballots: list[int]
    strikes: list[int]
    rule: str | None
    employer_rule: str | None
    dispute_rule: str | None
    evidence: Mention | None


@final  # so that ``"error" in record`` tells a Record from an ErrorRecord to a type checker
class Record(TypedDict):
    source: str | None
    reference_date: str | None
    reference_date_source: str | None
    relevant: bool
    triage: str | None
    language: str | None
    unions: list[Union]
    councils: list[Council]
    people: list[Person]
    dates: list[DateRecord]
    ballots: list[Ballot]
    strikes: list[Strike]
    causes: list[Cause]
    workers: list[Workers]
    money: list[Money]
    quotes: list[Quote]
    disputes: list[Dispute]
    warnings: list[str]
    schema_version: str
    provenance: dict[str, Any] | None
    text: NotRequired[str]   # only a web page's record: the main text it was read as (added by the batch)


@final
class ErrorRecord(TypedDict):
    """What ``extract_many`` yields in the place of an article it could not extract: its source, the error,
    and the record's lists, empty."""

    schema_version: str
    source: str | None
    error: str
    unions: NotRequired[list[Union]]
    councils: NotRequired[list[Council]]
    people: NotRequired[list[Person]]
    dates: NotRequired[list[DateRecord]]
    ballots: NotRequired[list[Ballot]]
    strikes: NotRequired[list[Strike]]
    causes: NotRequired[list[Cause]]
    workers: NotRequired[list[Workers]]
    money: NotRequired[list[Money]]
    quotes: NotRequired[list[Quote]]
    disputes: NotRequired[list[Dispute]]
    warnings: NotRequired[list[str]]
    provenance: NotRequired[dict[str, Any]]


__all__ = ["Ballot", "Cause", "Council", "DateRecord", "Dispute", "ErrorRecord", "LegalCheck", "Mention", "Money",
           "Person", "Quote", "Record", "Strike", "Union", "Workers"]
