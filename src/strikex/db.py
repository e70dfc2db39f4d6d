"""The SQLite dataset (``strikex db``): one row per article and a table per kind of fact, built with sqlite-utils.

Tables: ``articles`` (source, url, content digest, reference date, provenance, the text the offsets point
into, full-text searchable as ``articles_fts``, and the whole record as JSON); ``unions``, ``councils``,
``people``, ``ballots`` (numeric figures), ``strike_days`` (a row per day), ``quotes``, ``causes``, each
row with ``article_id`` → ``articles.id``; ``disputes`` (``timeline.merge`` over every stored article,
rebuilt at the end of each run) with ``dispute_articles`` linking each dispute to its articles.

Incremental and idempotent: an article already stored (same URL, or the same digest of its text as given)
is not extracted again; each article is written in one transaction, so a crash leaves none half-written.
Needs ``sqlite-utils`` (``pip install 'strikex[web]'``).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

from .items import ArticleItem
from .timeline import merge

TEXT, INT, REAL = str, int, float
ARTICLE = "articles"
TABLES: dict[str, dict[str, type]] = {
    "articles": {"id": INT, "source": TEXT, "url": TEXT, "digest": TEXT, "reference_date": TEXT,
                 "reference_date_source": TEXT, "given_date": TEXT, "relevant": INT, "triage": TEXT, "language": TEXT,
                 "is_page": INT, "warc_file": TEXT, "warc_record_id": TEXT, "warc_date": TEXT, "provenance": TEXT,
                 "warnings": TEXT, "text": TEXT, "record": TEXT},
    "unions": {"article_id": INT, "name": TEXT, "mentions": INT, "rule": TEXT},
    "councils": {"article_id": INT, "name": TEXT, "mentions": INT, "rule": TEXT},
    "people": {"article_id": INT, "name": TEXT, "role": TEXT, "organisation": TEXT, "mentions": INT, "rule": TEXT},
    "ballots": {"article_id": INT, "idx": INT, "union_name": TEXT, "support_pct": REAL, "turnout_pct": REAL,
                "votes_cast": INT, "eligible": INT, "closes": TEXT, "legal_result": TEXT, "legal_regime": TEXT,
                "text": TEXT, "start_char": INT, "end_char": INT},
    "strike_days": {"article_id": INT, "strike_idx": INT, "day": TEXT, "month": TEXT, "union_name": TEXT,
                    "employer": TEXT, "workers": TEXT, "status": TEXT},
    "quotes": {"article_id": INT, "speaker": TEXT, "speaker_type": TEXT, "kind": TEXT, "text": TEXT,
               "start_char": INT, "end_char": INT},
    "causes": {"article_id": INT, "category": TEXT, "detail": TEXT},
}
DISPUTES = {"id": TEXT, "union_name": TEXT, "employer": TEXT, "workers": TEXT, "status": TEXT, "status_date": TEXT,
            "first_reported": TEXT, "last_reported": TEXT, "strike_days": TEXT, "strike_day_count": INT,
            "ballots": TEXT, "causes": TEXT, "sources": TEXT}


def digest(text: str) -> str:
    """The content digest an article is known by: SHA-256 of its text as given (a page's HTML as fetched)."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def open_db(path: str | Path):
    """The database at ``path``, its tables created if they are not there yet."""
    import sqlite_utils

    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    if ARTICLE not in db.table_names():
        with db.atomic():
            db[ARTICLE].create(TABLES[ARTICLE], pk="id")
            db[ARTICLE].create_index(["url"])
            db[ARTICLE].create_index(["digest"], unique=True)
            for name, columns in TABLES.items():
                if name != ARTICLE:
                    db[name].create(columns, foreign_keys=[("article_id", ARTICLE, "id")])
                    db[name].create_index(["article_id"])
            db["disputes"].create(DISPUTES, pk="id")
            db["dispute_articles"].create({"dispute_id": TEXT, "article_id": INT}, pk=("dispute_id", "article_id"),
                                          foreign_keys=[("dispute_id", "disputes", "id"), ("article_id", ARTICLE, "id")])
        db[ARTICLE].enable_fts(["source", "text"], create_triggers=True)
    return db


def stored(db, url: str | None, content_digest: str) -> bool:
    """Whether an article with this URL or this content is in the database already."""
    row = db.execute("SELECT 1 FROM articles WHERE digest = ? OR (? IS NOT NULL AND url = ?) LIMIT 1",
                     [content_digest, url, url]).fetchone()
    return row is not None


def _children(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) for each fact of a record, ``article_id`` left to the caller."""
    for table in ("unions", "councils"):
        for x in record.get(table) or []:
            yield table, {"name": x["name"], "mentions": len(x["mentions"]), "rule": x.get("rule")}
    for p in record.get("people") or []:
        yield "people", {"name": p["name"], "role": p["role"], "organisation": p["organisation"],
                         "mentions": len(p["mentions"]), "rule": p.get("rule")}
    for i, b in enumerate(record.get("ballots") or []):
        check = b.get("legal_check") or {}
        yield "ballots", {"idx": i, "union_name": b["union"], "support_pct": b["support_pct"], "turnout_pct": b["turnout_pct"],
                          "votes_cast": b["votes_cast"], "eligible": b["eligible"], "closes": b["closes"],
                          "legal_result": check.get("result"), "legal_regime": check.get("regime"),
                          "text": b["text"], "start_char": b["start"], "end_char": b["end"]}
    for i, s in enumerate(record.get("strikes") or []):
        for day in s["dates"]:
            yield "strike_days", {"strike_idx": i, "day": day, "month": day[:7], "union_name": s["union"],
                                  "employer": s["employer"], "workers": s["workers"], "status": s["status"]}
    for q in record.get("quotes") or []:
        yield "quotes", {"speaker": q.get("speaker"), "speaker_type": q.get("speaker_type"), "kind": q.get("kind"),
                         "text": q["text"], "start_char": q["start"], "end_char": q["end"]}
    for c in record.get("causes") or []:
        yield "causes", {"category": c["category"], "detail": c.get("detail")}


def store(db, item: ArticleItem, record: dict[str, Any], meta: dict[str, Any] | None = None) -> int | None:
    """One article and its facts, in one transaction. ``meta``: ``url`` and WARC provenance (``warc_file``,
    ``warc_record_id``, ``warc_date``). Returns the article's id, or None when it was stored already."""
    meta = meta or {}
    url, content = meta.get("url"), digest(item.text or "")
    with db.atomic():
        if stored(db, url, content):
            return None
        provenance = record.get("provenance")
        article = {"source": record.get("source"), "url": url, "digest": content,
                   "reference_date": record.get("reference_date"), "reference_date_source": record.get("reference_date_source"),
                   "given_date": item.given_date.isoformat() if item.given_date else None,
                   "relevant": int(bool(record.get("relevant"))), "triage": record.get("triage"),
                   "language": record.get("language"), "is_page": int(item.html),
                   "warc_file": meta.get("warc_file"), "warc_record_id": meta.get("warc_record_id"),
                   "warc_date": meta.get("warc_date"),
                   "provenance": json.dumps(provenance, ensure_ascii=False) if provenance is not None else None,
                   "warnings": json.dumps(record.get("warnings") or [], ensure_ascii=False),
                   "text": record.get("text", item.text), "record": json.dumps(record, ensure_ascii=False)}
        article_id = db[ARTICLE].insert(article).last_pk
        rows: dict[str, list[dict[str, Any]]] = {}
        for table, row in _children(record):
            rows.setdefault(table, []).append({"article_id": article_id, **row})
        for table, table_rows in rows.items():
            db[table].insert_all(table_rows)
    return article_id


def records(db) -> Iterator[dict[str, Any]]:
    """Every stored article's record, in the order they were stored."""
    for (text,) in db.execute("SELECT record FROM articles ORDER BY id"):
        yield json.loads(text)


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a database ``strikex db`` built (for ``strikex timeline DB``); an error record when the
    file is not one."""
    import sqlite_utils

    db = sqlite_utils.Database(path)
    try:
        ours = ARTICLE in db.table_names() and "record" in db[ARTICLE].columns_dict
    except sqlite3.DatabaseError:
        ours = False
    try:
        if not ours:
            yield {"source": str(path), "error": f"{path}: not a database strikex db built"}
            return
        yield from records(db)
    finally:
        db.close()


def rebuild_disputes(db) -> int:
    """The disputes table made again from every stored article (``timeline.merge``), in one transaction.
    Returns the number of disputes."""
    ids: dict[str, list[int]] = {}
    for article_id, source in db.execute("SELECT id, source FROM articles ORDER BY id"):
        ids.setdefault(source, []).append(article_id)
    rows = [row.to_dict() for row in merge(records(db))]
    with db.atomic():
        db.execute("DELETE FROM dispute_articles")
        db.execute("DELETE FROM disputes")
        db["disputes"].insert_all([{**{k: row[k] for k in ("id", "employer", "workers", "status", "status_date",
                                                         "first_reported", "last_reported")}, "union_name": row["union"],
                                    "strike_days": json.dumps(row["strike_days"]), "strike_day_count": len(row["strike_days"]),
                                    "ballots": json.dumps(row["ballots"], ensure_ascii=False),
                                    "causes": json.dumps(row["causes"]), "sources": json.dumps(row["sources"], ensure_ascii=False)}
                                   for row in rows])
        db["dispute_articles"].insert_all([{"dispute_id": row["id"], "article_id": a} for row in rows
                                           for s in row["sources"] for a in ids.get(s, [])], ignore=True)
    return len(rows)


def disputes(db) -> list[dict[str, Any]]:
    """The disputes table as ``timeline`` rows (lists and ballots decoded)."""
    out = []
    for row in db["disputes"].rows:
        row = dict(row)
        row.pop("strike_day_count")
        row["union"] = row.pop("union_name")
        for key in ("strike_days", "ballots", "causes", "sources"):
            row[key] = json.loads(row[key])
        out.append(row)
    return out


def write_metadata(path: str | Path) -> Path:
    """Datasette's metadata (titles, descriptions, facets, canned queries) beside the database, as
    ``NAME.metadata.json``: ``datasette NAME.db -m NAME.metadata.json``."""
    path = Path(path)
    template = resources.files("strikex").joinpath("datasette.json").read_text(encoding="utf-8")
    metadata = json.loads(template)
    metadata["databases"] = {path.stem: metadata["databases"]["strikex"]}
    out = path.with_name(path.stem + ".metadata.json")
    out.write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def store_all(db, pairs: Iterable[tuple[ArticleItem, dict[str, Any], dict[str, Any]]]) -> tuple[int, int]:
    """(item, record, meta) triples stored one transaction each; error records are not stored (a rerun tries
    them again). Returns (articles added, already there)."""
    added = present = 0
    for item, record, meta in pairs:
        if "error" in record:
            continue
        if store(db, item, record, meta) is None:
            present += 1
        else:
            added += 1
    return added, present
