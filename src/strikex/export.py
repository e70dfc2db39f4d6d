"""Flat CSV for spreadsheets and SQL: ``write_tables`` writes one table per fact (articles, people, ballots,
strike days, disputes) from a stream of records into a folder, each row keyed by the article's number
(``article``, 1-based, in input order) and ``source``; and the timeline's own CSV (``write_csv``). Numbers are
numbers (empty when unknown), lists are joined with "; ", lines end in LF. No spaCy here.
"""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import IO, Any, Callable, Iterable

from .outfile import check_output, file_mode

TABLES: dict[str, list[str]] = {
    "articles": ["article", "source", "relevant", "reference_date", "reference_date_source", "language", "error",
                 "unions", "councils", "people_count", "ballot_count", "strike_count", "dispute_count", "warnings"],
    "people": ["article", "source", "person", "name", "role", "organisation", "mention_count", "rule"],
    "ballots": ["article", "source", "ballot", "union", "support_pct", "turnout_pct", "votes_cast", "eligible",
                "closes", "legal_result", "legal_regime", "mandate_expires", "text", "rule"],
    "strike_days": ["article", "source", "strike", "date", "union", "employer", "workers", "status", "rule"],
    "disputes": ["article", "source", "dispute", "union", "employer", "workers", "worker_count", "status", "causes",
                 "ballots", "strikes", "first_strike_day", "last_strike_day", "rule"],
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value)


def table_rows(number: int, record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """One record's rows for each table (an error record gives only its article row)."""
    key = {"article": number, "source": record.get("source")}
    ballots, strikes, disputes = record.get("ballots") or [], record.get("strikes") or [], record.get("disputes") or []
    people = record.get("people") or []
    article = dict(key, relevant=record.get("relevant"), reference_date=record.get("reference_date"),
                   reference_date_source=record.get("reference_date_source"), language=record.get("language"),
                   error=record.get("error"), unions=[u["name"] for u in record.get("unions") or []],
                   councils=[c["name"] for c in record.get("councils") or []], people_count=len(people),
                   ballot_count=len(ballots), strike_count=len(strikes), dispute_count=len(disputes),
                   warnings=record.get("warnings") or [])
    rows: dict[str, list[dict[str, Any]]] = {"articles": [article]}
    rows["people"] = [dict(key, person=i, name=p["name"], role=p.get("role"), organisation=p.get("organisation"),
                           mention_count=len(p.get("mentions") or []), rule=p.get("rule")) for i, p in enumerate(people)]
    rows["ballots"] = [dict(key, ballot=i, **{k: b.get(k) for k in ("union", "support_pct", "turnout_pct", "votes_cast",
                                                                    "eligible", "closes", "text", "rule")},
                            legal_result=(b.get("legal_check") or {}).get("result"),
                            legal_regime=(b.get("legal_check") or {}).get("regime"),
                            mandate_expires=(b.get("legal_check") or {}).get("mandate_expires"))
                       for i, b in enumerate(ballots)]
    rows["strike_days"] = [dict(key, strike=i, date=day, **{k: s.get(k) for k in ("union", "employer", "workers",
                                                                                 "status", "rule")})
                           for i, s in enumerate(strikes) for day in s.get("dates") or []]
    rows["disputes"] = []
    for i, d in enumerate(disputes):
        days = sorted(day for j in d.get("strikes") or [] if j < len(strikes) for day in strikes[j].get("dates") or [])
        rows["disputes"].append(dict(key, dispute=i, **{k: d.get(k) for k in (
            "union", "employer", "workers", "worker_count", "status", "causes", "ballots", "strikes", "rule")},
            first_strike_day=days[0] if days else None, last_strike_day=days[-1] if days else None))
    return rows


class Tables:
    """The tables being written into ``folder`` (checked first, made if missing): ``write`` one record at a
    time (its rows go out at once: only one record in memory), then ``commit`` moves every table into place
    together, or ``abandon`` removes them (earlier tables there stay as they were). ``counts``: rows per table.
    Each table is written to a hidden temporary file beside its final name until then."""

    def __init__(self, folder: str | os.PathLike[str]):
        check_output(folder, folder=True)
        self.folder = Path(folder)
        self._made = not self.folder.exists()   # removed again if nothing is committed
        self.folder.mkdir(exist_ok=True)
        self.counts = dict.fromkeys(TABLES, 0)
        self.records = 0
        self._files: dict[str, tuple[IO[str], str]] = {}
        self._writers = {}
        try:
            for name, columns in TABLES.items():
                handle, temporary = tempfile.mkstemp(prefix=f".{name}.csv.", suffix=".partial", dir=self.folder)
                os.chmod(temporary, file_mode())   # as open() would make it, not mkstemp's 0600
                self._files[name] = (os.fdopen(handle, "w", encoding="utf-8", newline=""), temporary)
                self._writers[name] = csv.writer(self._files[name][0], lineterminator="\n")
                self._writers[name].writerow(columns)
        except BaseException:
            self.abandon()
            raise

    def write(self, record: dict[str, Any]) -> None:
        self.records += 1
        for name, rows in table_rows(self.records, record).items():
            self._writers[name].writerows([_cell(row.get(c)) for c in TABLES[name]] for row in rows)
            self.counts[name] += len(rows)

    def commit(self) -> None:
        for out, _ in self._files.values():
            out.close()
        for name, (_, temporary) in self._files.items():
            os.replace(temporary, self.folder / f"{name}.csv")
        self._files, self._made = {}, False

    def abandon(self) -> None:
        """Remove the tables not committed (nothing to do once committed)."""
        for out, temporary in self._files.values():
            out.close()
            Path(temporary).unlink(missing_ok=True)
        self._files = {}
        if self._made:
            try:
                self.folder.rmdir()
            except OSError:   # something else was put there meanwhile
                pass


def write_tables(records: Iterable[dict[str, Any]], folder: str | os.PathLike[str],
                 on_record: Callable[[dict[str, Any]], None] | None = None) -> dict[str, int]:
    """``articles.csv``, ``people.csv``, ``ballots.csv``, ``strike_days.csv`` and ``disputes.csv`` in ``folder``
    (made if missing), streamed: one record in memory at a time; ``on_record`` is called after each. The
    tables appear together when all is written, or not at all (an error or Ctrl-C leaves none, and earlier
    tables there as they were). Returns the number of rows written per table."""
    tables = Tables(folder)
    try:
        for record in records:
            tables.write(record)
            if on_record is not None:
                on_record(record)
        tables.commit()
    finally:
        tables.abandon()
    return tables.counts


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
               "first_reported", "last_reported", "sources", "strike_day_count", "ballot_count", "source_count",
               "support_pct", "turnout_pct", "votes_cast", "eligible", "ballot_closes"]
BALLOT_COLUMNS = ("support_pct", "turnout_pct", "votes_cast", "eligible")   # of the latest ballot, as numbers


def latest_ballot(ballots: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The ballot that closed last; ballots with no closing day count as reported after the dated ones, in
    the order they were reported."""
    if not ballots:
        return None
    return max(enumerate(ballots), key=lambda ib: (ib[1].get("closes") or "9999", ib[0]))[1]


def csv_row(row: dict[str, Any]) -> list[str]:
    """The row's cells for CSV: lists joined with "; ", ``ballots`` as text, and the latest ballot's figures
    and the counts in numeric columns (empty when unknown) for spreadsheets to compute with."""
    latest = latest_ballot(row["ballots"]) or {}
    numbers = {"strike_day_count": len(row["strike_days"]), "ballot_count": len(row["ballots"]),
               "source_count": len(row["sources"]), "ballot_closes": latest.get("closes"),
               **{k: latest.get(k) for k in BALLOT_COLUMNS}}

    def cell(key: str) -> str:
        value = numbers[key] if key in numbers else row[key]
        if key == "ballots":
            return "; ".join(ballot_summary(b) for b in value)
        if isinstance(value, list):
            return "; ".join(map(str, value))
        if isinstance(value, float):
            return f"{value:g}"
        return "" if value is None else str(value)

    return [cell(k) for k in CSV_COLUMNS]


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    """The rows as CSV with a header, lines ending in LF (``csv``'s default is CRLF)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(row) for row in rows)
