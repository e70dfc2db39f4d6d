"""``strikex db``: articles (files, folders, JSON Lines files, WARC files) into the SQLite dataset of ``db.py``, incrementally.

Articles already in the database (same URL or same content) are skipped before extraction; the others are
extracted (``api.extract_items``, in ``workers`` processes if asked) and stored one transaction each, as
their records come; then the disputes table is rebuilt from every stored article.
"""
from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from . import api, io
from .db import digest, open_db, rebuild_disputes, store_all, stored, write_metadata
from .errors import DEFAULT_MODEL
from .html import is_page, page_item, row_item
from .io import DEFAULT_GLOB, article_item, expand_paths
from .items import ArticleItem

Meta = dict[str, Any]


@dataclass
class Summary:
    read: int = 0          # articles read from the inputs
    skipped: int = 0       # already in the database (or twice in the inputs)
    added: int = 0
    failed: int = 0        # error records: not stored, tried again on the next run
    disputes: int = 0

    def line(self, path: str) -> str:
        return (f"{path}: {self.added} articles added, {self.skipped} already there, {self.failed} failed; "
                f"{self.disputes} disputes")


def read_items(paths: list[str], given_date: dt.date | None = None, warc: bool = False, recursive: bool = False,
               glob: str = DEFAULT_GLOB, html_pages: bool = True, max_chars: int | None = 200_000,
               report: Callable[[str], None] | None = None, jsonl: bool = False, text_key: str = "text",
               id_key: str = "id", date_key: str = "date") -> Iterator[tuple[ArticleItem, Meta]]:
    """(item, meta) for every article of the inputs: WARC files' HTML responses (``meta``: url and WARC
    provenance), JSON Lines rows (``jsonl``; a row whose text is a whole page read as one; ``meta``: the
    row's id as its url when it is a URL), or files and folders as ``strikex extract`` reads them (``*.html``
    as web pages)."""
    if jsonl:
        for raw in paths:
            for article, row_date in io.read_jsonl_articles(Path(raw), raw, text_key, id_key, date_key,
                                                             max_chars=max_chars):
                item = row_item(article, given_date, row_date) if html_pages else article_item(article, given_date, row_date)
                url = article.source if article.source.startswith(("http://", "https://")) else None
                yield item, ({"url": url} if url else {})
        return
    if warc:
        from .warc import read_warcs

        for p in read_warcs(paths, given_date, max_chars, report):
            yield p.item, {"url": p.url, "warc_file": p.warc_file, "warc_record_id": p.record_id, "warc_date": p.warc_date}
        return
    for source, path in expand_paths(paths, recursive, glob):
        article = io.read_article(path, source, max_chars=max_chars)
        page = html_pages and is_page(source)
        yield (page_item(article, given_date) if page else article_item(article, given_date)), {}


def build(db_path: str | Path, pairs: Iterable[tuple[ArticleItem, Meta]], model: str = DEFAULT_MODEL,
          workers: int = 1, triage: bool = True, max_chars: int | None = 200_000, timeout: float | None = 60.0,
          report: Callable[[str], None] | None = None) -> Summary:
    """Extract and store the articles not yet in the database; rebuild its disputes; write Datasette's
    metadata beside it. ``report`` hears each error."""
    db = open_db(db_path)
    summary = Summary()
    seen: set[str] = set()
    pending: deque[tuple[ArticleItem, Meta]] = deque()

    def fresh() -> Iterator[ArticleItem]:
        for item, meta in pairs:
            summary.read += 1
            keys = {digest(item.text)} | ({meta["url"]} if meta.get("url") else set()) if item.text is not None else set()
            if keys and (keys & seen or stored(db, meta.get("url"), digest(item.text))):
                summary.skipped += 1
                continue
            seen.update(keys)
            pending.append((item, meta))
            yield item

    def done() -> Iterator[tuple[ArticleItem, dict[str, Any], Meta]]:
        for record in api.extract_items(fresh(), model=model, workers=workers, triage=triage, max_chars=max_chars,
                                        timeout=timeout):
            item, meta = pending.popleft()
            if "error" in record:
                summary.failed += 1
                if report is not None:
                    report(record["error"])
            yield item, record, meta

    added, present = store_all(db, done())
    summary.added, summary.skipped = added, summary.skipped + present
    summary.disputes = rebuild_disputes(db)
    write_metadata(db_path)
    db.close()
    return summary


def run_db(database: str, paths: list[str], given_date: dt.date | None, warc: bool, model: str, recursive: bool,
           glob: str, html_pages: bool, workers: int, err, jsonl: bool = False,
           keys: tuple[str, str, str] = ("text", "id", "date")) -> int:
    """The work of ``strikex db`` (messages to the console ``err``); returns the exit status."""
    from .apply import Fatal
    from .errors import EXIT_BAD_INPUT, EXIT_NO_MODEL, EXIT_OK, EXIT_SOME_FAILED, ModelNotFound

    for p in paths:
        if not Path(p).exists():
            raise Fatal(f"{p}: no such file or folder", EXIT_BAD_INPUT)
    say = lambda message: err.print(f"strikex: {message}", markup=False)  # noqa: E731
    pairs = read_items(paths, given_date, warc, recursive, glob, html_pages, report=say, jsonl=jsonl,
                       text_key=keys[0], id_key=keys[1], date_key=keys[2])
    try:
        summary = build(database, pairs, model=model, workers=workers, report=say)
    except ModelNotFound as exc:
        raise Fatal(str(exc), EXIT_NO_MODEL) from None
    say(summary.line(database))
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK
