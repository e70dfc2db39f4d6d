"""WARC files (gzipped or not) as web pages: each HTML response record is one article (``html.py`` reads it).

A record's source is its URL (``WARC-Target-URI``); its reference date, when the text states none, is the
page's own date (``html.page_date``), else the caller's ``--date``, else the record's crawl date (``WARC-Date``).
Everything else is skipped and counted: request, metadata and revisit records, responses that are not
``200 OK``, responses that are not HTML (images, PDFs, scripts...). A response larger than ``4 × max_chars``
bytes gives an error item (never cut short silently); a file that is not a WARC gives one error item.

Needs ``warcio`` (``pip install 'strikex[web]'``).
"""
from __future__ import annotations

import codecs
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .html import page_item
from .io import Article, decode
from .items import ArticleItem

HTML_TYPES = ("text/html", "application/xhtml+xml")
SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass(frozen=True)
class Page:
    """One HTML response of a WARC file, as an item, with where it came from."""

    item: ArticleItem
    url: str | None
    warc_file: str
    record_id: str | None
    warc_date: str | None     # the crawl's timestamp, as the WARC states it


@dataclass
class Counts:
    """What a WARC file held: pages read, and records skipped by reason."""

    pages: int = 0
    skipped: Counter = field(default_factory=Counter)

    def summary(self, source: str) -> str:
        skipped = ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items(), key=lambda x: (-x[1], x[0])))
        return f"{source}: {self.pages} HTML pages read" + (f"; skipped {skipped}" if skipped else "")


def _warc_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _text(data: bytes, content_type: str, source: str) -> tuple[str, list[str]]:
    """The payload decoded with the charset its HTTP header names, else as files are (``io.decode``)."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            try:
                codecs.lookup(value.strip().strip('"\''))
                return data.decode(value.strip().strip('"\''), errors="replace"), []
            except LookupError:
                break
    return decode(data, source)


def read_pages(path: Path, source: str, given_date: dt.date | None = None, max_chars: int | None = None,
               counts: Counts | None = None) -> Iterator[Page]:
    """The HTML responses of one WARC file, in file order, as ``Page``s (see the module's docstring)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    counts = counts if counts is not None else Counts()
    limit = 4 * max_chars if max_chars else None
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield Page(ArticleItem(None, None, source, error=f"{source}: cannot read ({exc.strerror or exc})"), None, source, None, None)
        return
    with stream:
        try:
            for record in ArchiveIterator(stream, arc2warc=True):
                if record.rec_type != "response":
                    counts.skipped[f"{record.rec_type} records"] += 1
                    continue
                http = record.http_headers
                if http is None or http.get_statuscode() != "200":
                    counts.skipped["responses not 200 OK"] += 1
                    continue
                content_type = http.get_header("Content-Type") or ""
                if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                    counts.skipped["responses not HTML"] += 1
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                warc_date = record.rec_headers.get_header("WARC-Date")
                record_id = record.rec_headers.get_header("WARC-Record-ID")
                name = url or f"{source}#{record_id}"
                payload = record.content_stream()  # chunked transfer and gzip content encoding undone
                data = payload.read(limit + 1) if limit else payload.read()
                counts.pages += 1
                if limit is not None and len(data) > limit:
                    item = ArticleItem(None, None, name, error=f"{name}: page too long (over {limit:,} bytes, more than "
                                                               f"--max-chars {max_chars:,} characters; not read)")
                else:
                    text, warnings = _text(data, content_type, name)
                    item = page_item(Article(name, text=text, warnings=warnings), given_date, _warc_day(warc_date), url)
                yield Page(item, url, source, record_id, warc_date)
        except ArchiveLoadFailed as exc:
            yield Page(ArticleItem(None, None, source, error=f"{source}: not a WARC file ({exc})"), None, source, None, None)


def warc_files(paths: Iterable[str]) -> Iterator[tuple[str, Path]]:
    """Each path, folders expanded to the WARC files in them (``*.warc``, ``*.warc.gz``), in path order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for f in sorted(p for p in path.iterdir() if p.name.endswith(SUFFIXES) and p.is_file()):
                yield str(f), f
        else:
            yield raw, path


def read_warcs(paths: Iterable[str], given_date: dt.date | None = None, max_chars: int | None = None,
               report: Callable[[str], None] | None = None) -> Iterator[Page]:
    """The pages of every WARC file (folders expanded); ``report`` hears each file's counts when it is done."""
    for source, path in warc_files(paths):
        counts = Counts()
        yield from read_pages(path, source, given_date, max_chars, counts)
        if report is not None:
            report(counts.summary(source))
