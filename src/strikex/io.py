"""Reading: inputs (files, folders, ``-``, JSON Lines rows) as ``Article``s, decoded, and each article as the
``ArticleItem`` the batch takes (``article_item``, the one place items are built). Writing is ``output.py``.

No spaCy here.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator

from .errors import DateError, InputError
from .items import ArticleItem, parse_date

BINARY_MAGIC = {
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)", b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "a gzip archive", b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an MS Office document", b"SQLite format 3": "an SQLite database",
}


@dataclass
class Article:
    """One input: its text, or the reason there is none."""

    source: str
    text: str | None = None
    error: str | None = None
    unreadable: bool = False   # the file could not be read at all (missing, a folder, no permission)
    warnings: list[str] = field(default_factory=list)


def article_item(article: Article, given_date: dt.date | None = None, row_date: str | None = None) -> ArticleItem:
    """The article as the batch's item, dated ``given_date``; but a JSON Lines row's own date (``row_date``:
    YYYY-MM-DD or an ISO timestamp, whose day is taken) wins over it. A row date that does not parse is a
    warning, and ``given_date`` stands."""
    warnings = tuple(article.warnings)
    date = given_date
    if row_date is not None:
        try:
            date = parse_date(row_date[:10])
        except DateError:
            warnings += (f"the date {row_date!r} is not YYYY-MM-DD or an ISO timestamp; ignored",)
    return ArticleItem(article.text, date, article.source, warnings, article.error)


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Bytes → text. UTF-8 (with or without BOM) and UTF-16 with BOM; bytes that are not UTF-8 and hold
    no UTF-8 at all are read as Windows-1252, otherwise as UTF-8 with replacement characters; either way
    with a warning. Binary data raises InputError."""
    head = data[:8192]
    for magic, what in BINARY_MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"{source}: binary file ({what}), not article text")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: UTF-16 byte-order mark but undecodable text ({exc.reason})") from exc
    if b"\x00" in head:
        raise InputError(f"{source}: binary file (contains NUL bytes), not article text")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        raise InputError(f"{source}: binary file ({controls} control bytes in the first {len(head)}), not article text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        # no valid UTF-8 beyond ASCII at all: most likely a Windows-1252 file ("Caf\xe9", curly quotes \x93 \x94)
        if all(ord(c) < 128 or c == "\ufffd" for c in text):
            try:
                return data.decode("cp1252"), ["input is not valid UTF-8; decoded as Windows-1252"]
            except UnicodeDecodeError:
                pass
        return text, [f"input is not valid UTF-8: {bad} undecodable byte(s) replaced with U+FFFD"]


def read_article(path: Path | None, source: str, stdin: IO[bytes] | None = None, max_chars: int | None = None) -> Article:
    """One file (``path`` None: stdin) as an Article. With ``max_chars``, a file of more than ``4 × max_chars``
    bytes (so surely more than ``max_chars`` characters) is refused unread: a 40 MB log file in the folder
    costs nothing."""
    limit = 4 * max_chars if max_chars else None
    try:
        if path is None:
            stream = stdin or sys.stdin.buffer
            data = stream.read() if limit is None else stream.read(limit + 1)
        else:
            size = path.stat().st_size
            if limit is None:
                data = path.read_bytes()
            elif size > limit:
                data = None
            else:  # read no more than the limit: a device or a pipe states no size (/dev/zero never ends)
                with path.open("rb") as stream:
                    data = stream.read(limit + 1)
    except FileNotFoundError:
        return Article(source, error=f"{source}: no such file", unreadable=True)
    except IsADirectoryError:
        if path is not None and path.is_symlink():
            return Article(source, error=f"{source}: symlink loop (a link to a folder above it); not followed",
                           unreadable=True)
        return Article(source, error=f"{source}: is a directory", unreadable=True)
    except PermissionError:
        return Article(source, error=f"{source}: permission denied", unreadable=True)
    except OSError as exc:
        return Article(source, error=f"{source}: cannot read ({exc.strerror or exc})", unreadable=True)
    if data is not None and data.startswith(b"\x1f\x8b"):  # gzip: read through, as zcat would
        try:
            data = _gunzip(data, limit)
        except (OSError, EOFError, zlib.error) as exc:
            return Article(source, error=f"{source}: a gzip file that cannot be read ({exc})")
    if data is None or (limit is not None and len(data) > limit):
        size_text = f"{size:,} bytes" if data is None else f"over {limit:,} bytes"
        return Article(source, error=f"{source}: article too long ({size_text}, more than --max-chars "
                                     f"{max_chars:,} characters; not read)")
    try:
        text, warnings = decode(data, source)
    except InputError as exc:
        return Article(source, error=str(exc))
    return Article(source, text=text, warnings=warnings)


def _gunzip(data: bytes, limit: int | None) -> bytes:
    """A gzip file's content, no more than ``limit + 1`` bytes of it (enough to tell that it is too long)."""
    unzip = zlib.decompressobj(wbits=31)
    out = unzip.decompress(data, (limit + 1) if limit else 0)
    if not unzip.eof and (limit is None or len(out) <= limit):
        raise EOFError("compressed data cut short")
    return out


def jsonl_line_limit(max_chars: int | None) -> int | None:
    """The longest JSON Lines row read: room for the text at six bytes a character (``\\uXXXX``) and for
    other keys (a page's raw HTML beside its text), and never under 16 MiB."""
    return None if max_chars is None else max(64 * max_chars, 16 * 1024 * 1024)


def _lines(stream: IO[bytes], limit: int | None) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) of a binary stream; a line over ``limit`` bytes gives None and is skipped
    without being held in memory."""
    number = 0
    while line := (stream.readline() if limit is None else stream.readline(limit + 1)):
        number += 1
        if limit is not None and len(line) > limit:
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
            yield number, None
            continue
        yield number, line


def read_jsonl_articles(path: Path | None, source: str, text_key: str = "text", id_key: str = "id",
                        date_key: str = "date", stdin: IO[bytes] | None = None,
                        max_chars: int | None = None) -> Iterator[tuple[Article, str | None]]:
    """(article, its date string or None) for each line of a JSON Lines file (``path`` None: stdin), read as
    it streams. The source is the line's ``id_key`` value, else ``SOURCE:LINE``. A line that is not a JSON
    object with a string under ``text_key`` gives an article with an error, and the lines after it are read;
    so does a line too long to hold (see ``jsonl_line_limit``)."""
    limit = jsonl_line_limit(max_chars)
    try:
        stream = (stdin or sys.stdin.buffer) if path is None else path.open("rb")
        if path is not None and stream.peek(2)[:2] == b"\x1f\x8b":  # crawl.jsonl.gz: read through
            stream = gzip.open(stream)
    except OSError as exc:
        yield Article(source, error=f"{source}: cannot read ({exc.strerror or exc})", unreadable=True), None
        return
    with stream:
        for number, raw in _lines(stream, limit):
            where = f"{source}:{number}"
            if raw is None:
                yield Article(where, error=f"{where}: line over {limit:,} bytes (--max-chars is {max_chars:,}); not read"), None
                continue
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield Article(where, error=f"{where}: not a JSON object ({exc})"), None
                continue
            if not isinstance(row, dict):
                yield Article(where, error=f"{where}: not a JSON object"), None
                continue
            name = row.get(id_key)
            name = where if name is None or isinstance(name, (dict, list)) else str(name)
            text = row.get(text_key)
            if not isinstance(text, str):
                problem = "missing" if text_key not in row else f"not a string ({type(text).__name__})"
                yield Article(name, error=f"{name}: the text key {text_key!r} is {problem}"), None
                continue
            date = row.get(date_key)
            yield Article(name, text=text), (date if isinstance(date, str) and date else None)


# the files a folder is read for: article text, and web pages (read as pages by html.py)
DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm")
DEFAULT_GLOB = ",".join(DEFAULT_GLOBS)


def glob_patterns(glob: str | Iterable[str]) -> tuple[str, ...]:
    """Patterns from one string ("," separates patterns) or several (``--glob`` given more than once)."""
    return tuple(g.strip() for part in ([glob] if isinstance(glob, str) else glob) for g in part.split(",") if g.strip())


def expand_paths(paths: Iterable[str], recursive: bool = False, glob: str | Iterable[str] = DEFAULT_GLOBS,
                 skipped: list[str] | None = None) -> Iterator[tuple[str, Path | None]]:
    """Each input path, folders expanded to their files matching any of the ``glob`` patterns, in sorted order;
    ``-`` is stdin (path None). Paths that do not exist are passed through so that reading them reports the
    error in order. A FIFO, socket or device in a folder is not read (reading could block for ever): its
    name and why go to ``skipped``."""
    glob = glob_patterns(glob)
    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        path = Path(raw)
        if path.is_dir():
            for f in sorted(_folder_files(path, glob, recursive)):
                if f.exists() and not f.is_file() and not f.is_dir():
                    if skipped is not None:
                        skipped.append(f"{f}: not a regular file (a FIFO, socket or device); not read")
                    continue
                yield str(f), f
        else:
            yield raw, path


def _folder_files(folder: Path, glob: tuple[str, ...], recursive: bool) -> list[Path]:
    """The files of a folder whose names match ``glob``; with ``recursive``, of its sub-folders too,
    symlinked ones followed, each folder once. A dangling symlink is kept, and so is a symlink to a folder
    above it (a loop, not followed), so that reading them reports the problem in its place."""
    if not recursive:
        return sorted({p for g in glob for p in folder.glob(g) if not p.is_dir() or (p.is_symlink() and not p.exists())})
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def visit(where: Path, above: frozenset[tuple[int, int]]) -> None:
        try:
            info = where.stat()
            entries = sorted(os.scandir(where), key=lambda e: e.name)
        except OSError:
            return
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return
        seen.add(key)
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                try:
                    target = path.stat()
                except OSError:  # gone since the folder was listed
                    continue
                if entry.is_symlink() and (target.st_dev, target.st_ino) in above | {key}:
                    found.append(path)  # a loop: reported when read
                else:
                    visit(path, above | {key})
            elif any(path.match(g) for g in glob):
                found.append(path)

    visit(folder, frozenset())
    return found

