"""One row per dispute across articles: records → disputes → merged rows. Pure functions, no printing.

Two article disputes are the same dispute when they name the same union and the same employer, their
workers overlap (or one side does not say), and their dates are near each other (strike days, ballot
closing days or the articles' dates within ``WINDOW_DAYS``). Each row keeps every ballot result (the
same figures reported twice are one ballot with both sources), every strike day, the latest status (by
article date; on the same day the most advanced) and the list of source articles.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .export import CSV_COLUMNS as CSV_COLUMNS  # the timeline's CSV (and ballot_summary) live with the other CSV
from .export import ballot_summary as ballot_summary
from .export import csv_row as csv_row
from .export import write_csv as write_csv
from .records import STATUS_ORDER

WINDOW_DAYS = 120
GENERIC = {"workers", "worker", "staff", "employees", "council", "members", "the", "and", "of", "some", "all"}


@dataclass
class Row:
    """One dispute across articles; besides what ``to_dict`` shows, only what merging needs, not the records."""

    union: str | None
    employer: str | None
    workers: str | None
    causes: list[str] = field(default_factory=list)
    status: str | None = None
    status_date: str | None = None
    ballots: list[dict[str, Any]] = field(default_factory=list)
    strike_days: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    first_reported: str | None = None
    last_reported: str | None = None
    id: str = ""
    _days: set[dt.date] = field(default_factory=set, repr=False)
    _seen: dict[Any, tuple[dt.date, str]] = field(default_factory=dict, repr=False)   # source → its rank
    _status_rank: tuple = field(default=(), repr=False)
    _workers_rank: tuple = field(default=(), repr=False)

    def key_id(self) -> str:
        """A hash of union, employer and workers, and the year-month of the first dated event (strike day, ballot
        closing day, else article date): the same parties years apart get different ids, stable across runs."""
        key = "|".join((self.union or "", self.employer or "", self.workers or "")).lower()
        digest = hashlib.sha1(key.encode()).hexdigest()[:8]
        return f"{digest}-{min(self._days):%Y-%m}" if self._days else digest

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id or self.key_id(), "union": self.union, "employer": self.employer,
                "workers": self.workers, "causes": self.causes, "status": self.status, "status_date": self.status_date,
                "ballots": self.ballots, "strike_days": self.strike_days, "sources": self.sources,
                "first_reported": self.first_reported, "last_reported": self.last_reported}

    def add(self, d: dict[str, Any], reported: dt.date | None, source: str | None, days: set[dt.date],
            dates: set[dt.date]) -> None:
        """One article's dispute into the row. The outcome does not depend on the order articles come in."""
        rank = (reported or dt.date.max, source or "")
        if d.get("workers") and (not self.workers or rank < self._workers_rank):
            self.workers, self._workers_rank = d["workers"], rank
        self.causes = sorted(set(self.causes) | set(d.get("causes") or []))
        self._days |= dates
        self.strike_days = sorted(set(self.strike_days) | {x.isoformat() for x in days})
        self._seen[source] = min(self._seen.get(source, rank), rank)
        day = reported.isoformat() if reported else None
        if day:
            self.first_reported = min(self.first_reported or day, day)
            self.last_reported = max(self.last_reported or day, day)
        self._set_status(d.get("status"), day)
        for b in d["ballot_items"]:
            if any(v is not None for v in _ballot_key(b)):
                self._add_ballot({"union": b.get("union"), "support_pct": b.get("support_pct"),
                                  "turnout_pct": b.get("turnout_pct"), "votes_cast": b.get("votes_cast"),
                                  "eligible": b.get("eligible"), "closes": b.get("closes"), "sources": [source]})

    def _set_status(self, status: str | None, day: str | None) -> None:
        # the latest article's status; on one day the most advanced; undated articles only when no dated one says
        rank = (day is not None, day or "", -STATUS_ORDER.index(status)) if status else ()
        if status and (self.status is None or rank > self._status_rank):
            self.status, self.status_date, self._status_rank = status, day, rank

    def _add_ballot(self, ballot: dict[str, Any]) -> None:
        same = next((x for x in self.ballots if _ballot_key(x) == _ballot_key(ballot)), None)
        if same is None:
            self.ballots.append(ballot)
            return
        same["closes"] = same["closes"] or ballot["closes"]
        same["sources"] += [s for s in ballot["sources"] if s not in same["sources"]]

    def absorb(self, other: Row) -> None:
        """Another row of the same dispute (an article that falls between two rows joins them)."""
        if other.workers and (not self.workers or other._workers_rank < self._workers_rank):
            self.workers, self._workers_rank = other.workers, other._workers_rank
        self.causes = sorted(set(self.causes) | set(other.causes))
        self._days |= other._days
        self.strike_days = sorted(set(self.strike_days) | set(other.strike_days))
        for source, rank in other._seen.items():
            self._seen[source] = min(self._seen.get(source, rank), rank)
        days = [d for d in (self.first_reported, self.last_reported, other.first_reported, other.last_reported) if d]
        self.first_reported, self.last_reported = (min(days), max(days)) if days else (None, None)
        if other.status and (self.status is None or other._status_rank > self._status_rank):
            self.status, self.status_date, self._status_rank = other.status, other.status_date, other._status_rank
        for ballot in other.ballots:
            self._add_ballot(ballot)

    def finish(self) -> None:
        """Sources (and each ballot's, and the ballots) in the order of their articles' dates, then names."""
        def rank(source: Any) -> tuple[dt.date, str]:
            return self._seen.get(source, (dt.date.max, source or ""))

        self.sources = sorted(self._seen, key=rank)
        for ballot in self.ballots:
            ballot["sources"].sort(key=rank)
        self.ballots.sort(key=lambda b: rank(b["sources"][0]))


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _words(workers: str | None) -> set[str]:
    return set(re.findall(r"[a-z]+", (workers or "").lower())) - GENERIC


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").lower() == (b or "").lower()


def article_disputes(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's disputes with their ballots and strike days resolved (records without ``disputes``,
    from an older strikex, get one dispute made of all their strikes and ballots)."""
    ballots, strikes = record.get("ballots") or [], record.get("strikes") or []
    disputes = record.get("disputes")
    if disputes is None:
        statuses = [s["status"] for s in strikes if s.get("status")]
        disputes = [{
            "union": next((s["union"] for s in strikes if s.get("union")), next((b["union"] for b in ballots if b.get("union")), None)),
            "employer": next((s["employer"] for s in strikes if s.get("employer")), None),
            "workers": next((s["workers"] for s in strikes if s.get("workers")), None),
            "causes": [], "status": min(statuses, key=STATUS_ORDER.index) if statuses else None,
            "ballots": list(range(len(ballots))), "strikes": list(range(len(strikes)))}] if strikes or ballots else []
    out = []
    for d in disputes:
        out.append(dict(d, ballot_items=[ballots[i] for i in d.get("ballots", []) if i < len(ballots)],
                        days=sorted({day for i in d.get("strikes", []) if i < len(strikes) for day in strikes[i]["dates"]})))
    return out


def _dates(days: Iterable[dt.date], ballots: list[dict], reported: dt.date | None) -> set[dt.date]:
    found = set(days) | {d for b in ballots if (d := _day(b.get("closes")))}
    if not found and reported:
        found = {reported}
    return found


def _near(a: set[dt.date], b: set[dt.date]) -> bool:
    if not a or not b:
        return True
    return min(abs((x - y).days) for x in a for y in b) <= WINDOW_DAYS


def _ballot_key(b: dict[str, Any]) -> tuple:
    return tuple(b.get(k) for k in ("support_pct", "turnout_pct", "votes_cast", "eligible"))


class Timeline:
    """Disputes merged as records stream in: ``add`` one record at a time, ``rows()`` at the end. Only the
    per-dispute rows are kept, never the records."""

    def __init__(self) -> None:
        self._rows: dict[tuple[str, str], list[Row]] = {}
        self.records = 0   # records seen
        self.skipped = 0   # of them, error records (the caller reports them)
        self.faceless: list[str | None] = []   # sources of disputes naming neither union nor employer (left out)

    def add(self, record: dict[str, Any]) -> None:
        self.records += 1
        if "error" in record:
            self.skipped += 1
            return
        if record.get("relevant") is False:
            return
        reported, source = _day(record.get("reference_date")), record.get("source")
        for d in article_disputes(record):
            if not d.get("union") and not d.get("employer"):
                self.faceless.append(source)   # nothing a row could be about
                continue
            days = {x for day in d["days"] if (x := _day(day))}
            dates = _dates(days, d["ballot_items"], reported)
            rows = self._rows.setdefault(((d.get("union") or "").lower(), (d.get("employer") or "").lower()), [])
            near = [r for r in rows if (not _words(r.workers) or not _words(d.get("workers"))
                                        or _words(r.workers) & _words(d.get("workers"))) and _near(r._days, dates)]
            if near:
                row = near[0]
                for other in near[1:]:   # this article bridges rows that are one dispute
                    row.absorb(other)
                    rows.remove(other)
            else:
                row = Row(d.get("union"), d.get("employer"), d.get("workers"))
                rows.append(row)
            row.add(d, reported, source, days, dates)

    def rows(self) -> list[Row]:
        """The rows, oldest first, each with its id (``Row.key_id``; ``-2``, ``-3``… when two would share one)."""
        rows = sorted((r for rows in self._rows.values() for r in rows),
                      key=lambda r: (r.first_reported or "9999", r.union or "", r.employer or "", min(r._days, default=dt.date.max)))
        taken: dict[str, int] = {}
        for row in rows:
            row.finish()
            base = row.key_id()
            taken[base] = taken.get(base, 0) + 1
            row.id = base if taken[base] == 1 else f"{base}-{taken[base]}"
        return rows


class Interrupted(Exception):
    """Ctrl-C while a timeline was being built: nothing is written (``records`` says how far it got)."""
    def __init__(self, records: int) -> None:
        super().__init__(f"interrupted after {records:,} records: no timeline written")
        self.records = records


def build(records: Iterable[dict[str, Any]], on_record: Callable[[dict[str, Any]], None] | None = None,
          skipped: list[str | None] | None = None) -> list[Row]:
    """The timeline's rows from a stream of records (extracted as they are read: a generator keeps memory flat),
    calling ``on_record`` after each one (progress, reporting error records). Ctrl-C raises ``Interrupted``.
    A dispute that names neither a union nor an employer is left out; its record's source is appended to
    ``skipped`` when a list is given."""
    timeline = Timeline()
    try:
        for record in records:
            timeline.add(record)
            if on_record is not None:
                on_record(record)
    except KeyboardInterrupt:
        raise Interrupted(timeline.records) from None
    if skipped is not None:
        skipped.extend(timeline.faceless)
    return timeline.rows()


def merge(records: Iterable[dict[str, Any]], skipped: list[str | None] | None = None) -> list[Row]:
    """Merge the disputes of many article records into one row per dispute (see ``build``)."""
    return build(records, skipped=skipped)

