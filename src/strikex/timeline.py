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
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .records import STATUS_ORDER

WINDOW_DAYS = 120
GENERIC = {"workers", "worker", "staff", "employees", "council", "members", "the", "and", "of", "some", "all"}


@dataclass
class Row:
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
    _days: set[dt.date] = field(default_factory=set, repr=False)

    @property
    def id(self) -> str:
        key = "|".join((self.union or "", self.employer or "", self.workers or "")).lower()
        return hashlib.sha1(key.encode()).hexdigest()[:8]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "union": self.union, "employer": self.employer, "workers": self.workers,
                "causes": self.causes, "status": self.status, "status_date": self.status_date,
                "ballots": self.ballots, "strike_days": self.strike_days, "sources": self.sources,
                "first_reported": self.first_reported, "last_reported": self.last_reported}


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


def merge(records: Iterable[dict[str, Any]], skipped: list[str] | None = None) -> list[Row]:
    """Merge the disputes of many article records into one row per dispute. A dispute that names neither
    a union nor an employer says nothing a row could be about: it is left out (its record's source is
    appended to ``skipped`` when a list is given)."""
    items = []
    for record in records:
        if "error" in record or record.get("relevant") is False:
            continue
        reported = _day(record.get("reference_date"))
        for d in article_disputes(record):
            if not d.get("union") and not d.get("employer"):
                if skipped is not None:
                    skipped.append(record.get("source"))
                continue
            items.append((reported, record.get("source"), d))
    # oldest report first, so that "latest status" is the last one applied; undated reports go last
    items.sort(key=lambda x: (x[0] or dt.date.max, x[1] or ""))
    rows: list[Row] = []
    for reported, source, d in items:
        days = {x for day in d["days"] if (x := _day(day))}
        dates = _dates(days, d["ballot_items"], reported)
        row = next((r for r in rows if _same(r.union, d.get("union")) and _same(r.employer, d.get("employer"))
                    and (not _words(r.workers) or not _words(d.get("workers")) or _words(r.workers) & _words(d.get("workers")))
                    and _near(r._days, dates)), None)
        if row is None:
            row = Row(d.get("union"), d.get("employer"), d.get("workers"))
            rows.append(row)
        row.workers = row.workers or d.get("workers")
        row.causes = sorted(set(row.causes) | set(d.get("causes") or []))
        row._days |= dates
        row.strike_days = sorted(set(row.strike_days) | {x.isoformat() for x in days})
        if source not in row.sources:
            row.sources.append(source)
        day = reported.isoformat() if reported else None
        row.first_reported = row.first_reported or day
        row.last_reported = day or row.last_reported
        status = d.get("status")
        later = day is not None and day != row.status_date  # reports come oldest first, undated ones last
        if status and (row.status is None or later or
                       (day == row.status_date and STATUS_ORDER.index(status) < STATUS_ORDER.index(row.status))):
            row.status, row.status_date = status, day
        for b in d["ballot_items"]:
            if not any(v is not None for v in _ballot_key(b)):
                continue
            same = next((x for x in row.ballots if _ballot_key(x) == _ballot_key(b)), None)
            if same is None:
                row.ballots.append({"union": b.get("union"), "support_pct": b.get("support_pct"),
                                    "turnout_pct": b.get("turnout_pct"), "votes_cast": b.get("votes_cast"),
                                    "eligible": b.get("eligible"), "closes": b.get("closes"), "sources": [source]})
            else:
                same["closes"] = same["closes"] or b.get("closes")
                if source not in same["sources"]:
                    same["sources"].append(source)
    return sorted(rows, key=lambda r: (r.first_reported or "9999", r.union or "", r.employer or ""))


def read_record_lines(path: Path) -> Iterator[dict[str, Any]]:
    """Records from a JSON Lines file written by ``strikex extract`` (a JSON array file works too)."""
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        yield from json.loads(text)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                yield {"source": f"{path}:{number}", "error": f"{path}:{number}: not a JSON record"}


def ballot_summary(b: dict[str, Any]) -> str:
    """'UNISON 79% support, 54% turnout, 75 votes (closes 2017-01-20)'."""
    parts = []
    for key, label in (("support_pct", "% support"), ("turnout_pct", "% turnout"), ("votes_cast", " votes"),
                       ("eligible", " eligible")):
        if b.get(key) is not None:
            parts.append(f"{b[key]:g}{label}")
    text = f"{b.get('union') or ''} {', '.join(parts)}".strip()
    return text + (f" (closes {b['closes']})" if b.get("closes") else "")


CSV_COLUMNS = ["id", "union", "employer", "workers", "status", "status_date", "strike_days", "ballots", "causes",
               "first_reported", "last_reported", "sources"]


def csv_row(row: dict[str, Any]) -> list[str]:
    def cell(key):
        value = row[key]
        if key == "ballots":
            return "; ".join(ballot_summary(b) for b in value)
        if isinstance(value, list):
            return "; ".join(map(str, value))
        return "" if value is None else str(value)

    return [cell(k) for k in CSV_COLUMNS]
