"""The work behind ``strikex timeline`` (the records it merges: read from what ``extract`` wrote or from a
``strikex db`` database, or extracted from articles), ``strikex export`` (records read back into CSV tables)
and ``strikex evaluate`` (gold corpora scored)."""
from __future__ import annotations

import datetime as dt
import json
import signal
import sys
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any, Iterator

from . import api, io, recordio  # io.read_article looked up at each call (the tests replace it)
from .apply import (ExtractJob, Fatal, _advance, _count_lines, _item, _progress, _stop_work, _summary, _terminate,
                    _Terminated, auto_workers)
from .errors import (DEFAULT_MODEL, EXIT_BAD_INPUT, EXIT_NO_MODEL, EXIT_OK, EXIT_SOME_FAILED, InputError,
                     ModelNotFound, StrikexError)
from .io import DEFAULT_GLOBS, Article, article_item, expand_paths
from .output import TimelineFormat
from .timeline import Interrupted


RECORD_FILES = (".jsonl", ".json", ".jsonl.gz", ".json.gz")   # what `strikex extract` wrote
DATABASES = (".db", ".sqlite", ".sqlite3")                      # what `strikex db` built


def timeline_records(paths: list[str], given_date: dt.date | None = None, model: str = DEFAULT_MODEL,
                     recursive: bool = False, glob: tuple[str, ...] = DEFAULT_GLOBS, stdin=None,
                     html_pages: bool = True, workers: int = 0) -> tuple[Iterator[dict[str, Any]], int | None]:
    """The records for ``strikex timeline``, streamed (one at a time: nothing holds them all), and how many
    there will be (None: unknown, with stdin, a database or a JSON array among the inputs). They come from the
    files ``strikex extract`` wrote (in any of its formats), then ``-`` (stdin: records when it is JSON,
    ``strikex extract DIR | strikex timeline -``, else one article), then ``strikex db`` databases, then
    extracted from the other paths (article files and folders; ``workers`` processes as for ``extract``, 0:
    ``auto_workers``). A missing path raises Fatal here; records that are not strikex records raise Fatal
    (exit 2) when the stream gets there. Close the stream to stop early (it stops the worker processes)."""
    record_files = [p for p in paths if p.endswith(RECORD_FILES)]
    databases = [p for p in paths if p.endswith(DATABASES)]
    texts = [p for p in paths if p not in record_files and p not in databases and p != "-"]
    for p in record_files + databases + texts:
        if not Path(p).exists():
            raise Fatal(f"{p}: no such file or folder", EXIT_BAD_INPUT)
    sources = list(expand_paths(texts, recursive, glob))   # the article files, listed now and read as needed
    unknown = "-" in paths or databases or any(not p.endswith(".jsonl") for p in record_files)
    total = None if unknown else (_count_lines(record_files) or 0) + len(sources)
    workers = workers or auto_workers(len(sources))
    job = ExtractJob(paths=texts, given_date=given_date, html_pages=html_pages)
    return _timeline_stream(record_files, databases, sources, "-" in paths, job, model, workers, stdin), total


def _timeline_stream(record_files: list[str], databases: list[str], sources: list, read_stdin: bool, job: ExtractJob,
                     model: str, workers: int, stdin) -> Iterator[dict[str, Any]]:
    try:
        for p in record_files:
            yield from recordio.stream_records(Path(p), p)
        article = _stdin_records(stdin or sys.stdin.buffer) if read_stdin else None
        if isinstance(article, Iterator):
            yield from article
            article = None
        if databases:
            from .db import read_records

            for p in databases:
                yield from read_records(p)
        if article is not None or sources:
            items = ([article_item(article, job.given_date)] if article is not None else [])
            texts = (_item(io.read_article(path, source), job, None) for source, path in sources)
            yield from api.extract_items(chain(items, texts), model=model, workers=workers)
    except InputError as exc:
        raise Fatal(str(exc), EXIT_BAD_INPUT) from None
    except ModelNotFound as exc:
        raise Fatal(str(exc), EXIT_NO_MODEL) from None


def _stdin_records(data) -> Iterator[dict[str, Any]] | Article:
    """``-``: the records on stdin, read a line at a time when its first line is a JSON object (JSON Lines);
    else read whole: records when it is JSON, one article when it is not."""
    blank, head = b"", data.readline()
    while head and not head.strip():
        blank, head = blank + head, data.readline()
    try:
        first = json.loads(head)
    except ValueError:
        first = None
    if isinstance(first, dict):
        return recordio.iter_records(data, "-", head)
    text, warnings = io.decode(blank + head + data.read(), "-")
    if recordio.looks_like_json(text):
        return iter(recordio.parse_records(text, "-"))
    return Article("-", text=text, warnings=warnings)


@contextmanager
def _watched(records: Iterator[dict[str, Any]], total: int | None, err, to_file: bool, label: str, lost: str,
             say_errors: bool = True):
    """``extract``'s batch safety around consuming a stream of records: yields (counts, on_record), where
    on_record counts each record, names error records on stderr and moves the per-article progress (N/M, rate,
    time left; on a terminal only). Ctrl-C and SIGTERM raise Fatal (130, 143) saying how far it got and
    ``lost``; the stream is closed (its worker processes stopped) however the block ends."""
    progress = _progress(err, total, to_file, label) if total is None or total > 1 else None
    seen = dict.fromkeys(("records", "errors", "irrelevant"), 0)

    def on_record(record: dict[str, Any]) -> None:
        seen["records"] += 1
        if "error" in record:
            seen["errors"] += 1
            if say_errors:
                err.print(f"strikex: skipped: {record['error']}", markup=False)
        seen["irrelevant"] += record.get("relevant") is False
        if progress is not None:
            _advance(progress)

    previous_term = signal.signal(signal.SIGTERM, _terminate) if hasattr(signal, "SIGTERM") else None
    try:
        yield seen, on_record
    except (KeyboardInterrupt, Interrupted, _Terminated) as exc:
        code = 143 if isinstance(exc, _Terminated) else 130
        raise Fatal(f"interrupted after {seen['records']:,} records: {lost}", code) from None
    finally:
        _stop_work(records)
        if progress is not None:
            progress.stop()
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)


def write_timeline_of(records: Iterator[dict[str, Any]], total: int | None, fmt: TimelineFormat, output: str | None,
                      err) -> int:
    """``strikex timeline``'s work once its inputs are known: the records merged as they stream in (with
    ``extract``'s progress and error messages, see ``_watched``), the rows written to ``output`` whole (or
    stdout), and ``extract``'s one-line summary. Returns the exit status: 1 when some records were error
    records. Ctrl-C (130) or SIGTERM (143) raises Fatal with nothing written."""
    from .outfile import atomic_file
    from .output import write_timeline
    from .timeline import build

    faceless: list[str | None] = []
    with _watched(records, total, err, output is not None, "merging", "no timeline written") as (seen, on_record):
        rows = [row.to_dict() for row in build(records, on_record, faceless)]
    if faceless:
        err.print(f"strikex: {len(faceless)} disputes naming neither union nor employer left out", markup=False)
    try:
        if output:
            with atomic_file(output) as out:   # complete, or not written at all
                write_timeline(rows, fmt, out)
        else:
            write_timeline(rows, fmt, sys.stdout)
    except KeyboardInterrupt:
        raise Fatal("interrupted: no timeline written", 130) from None
    _summary(err, seen["records"], seen["irrelevant"], seen["errors"], False, output or "stdout",
             made=f", {len(rows)} disputes")
    return EXIT_SOME_FAILED if seen["errors"] else EXIT_OK


def export_records(paths: list[str], output: str, err, stdin=None) -> int:
    """``strikex export``: the records in ``paths`` (what ``strikex extract`` wrote, in any of its formats; ``-``
    is stdin) streamed into the CSV tables of ``export.write_tables`` in the folder ``output``, with
    ``extract``'s progress and one-line summary. The folder is checked first (OutputPathError), then the paths
    (Fatal, exit 2); input that is not strikex records raises Fatal (exit 2) with no table written, as does
    Ctrl-C (130) or SIGTERM (143). Returns the exit status (0)."""
    from .export import write_tables
    from .outfile import check_output

    check_output(output, folder=True)
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise Fatal(f"{p}: no such file", EXIT_BAD_INPUT)
    total = None if any(not p.endswith(".jsonl") for p in paths) else _count_lines(paths)

    def records() -> Iterator[dict[str, Any]]:
        try:
            for p in paths:
                yield from (recordio.iter_records(stdin or sys.stdin.buffer, "-") if p == "-"
                            else recordio.stream_records(Path(p), p))
        except InputError as exc:
            raise Fatal(f"{exc} (no tables written)", EXIT_BAD_INPUT) from None

    stream = records()
    with _watched(stream, total, err, True, "exporting", f"no tables written to {output}",
                  say_errors=False) as (seen, on_record):
        counts = write_tables(stream, output, on_record)
    made = ", " + ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items() if name != "articles")
    _summary(err, seen["records"], seen["irrelevant"], seen["errors"], False, output, made=made)
    return EXIT_OK


def evaluate_corpora(corpora: list[str], model: str = DEFAULT_MODEL, details: bool = False) -> dict[str, Any]:
    """``strikex evaluate``: the gold corpora's articles extracted and scored; the report as a dict."""
    from .evaluate import evaluate
    from .gold import gold_items, read_corpus

    try:
        corpus = read_corpus(corpora)
        return evaluate(corpus, api.extract_items(gold_items(corpus), model=model)).to_dict(details=details)
    except ModelNotFound as exc:
        raise Fatal(str(exc), EXIT_NO_MODEL) from None
    except StrikexError as exc:
        raise Fatal(str(exc), EXIT_BAD_INPUT) from None
