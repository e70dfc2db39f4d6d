"""The work of ``strikex extract``, ``timeline`` and ``evaluate``, apart from typer (after spaCy's
``cli/apply.py``): read the inputs as article items, extract them, and write the records as they come.
The commands in ``cli.py`` parse options and call these functions.

stdout carries data only; messages go to the stderr console handed in. A fatal problem raises ``Fatal``
(its message and exit code) before anything is written to stdout, or once writing has become impossible.
"""
from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import api, io  # io.read_article looked up at each call (the tests replace it)
from .errors import (AUTO_WORKERS_FROM, DEFAULT_MODEL, EXIT_BAD_INPUT, EXIT_NO_MODEL, EXIT_OK, EXIT_OUTPUT,
                     EXIT_SOME_FAILED, InputError, ModelNotFound)
from .html import is_page, page_item, row_item
from .io import DEFAULT_GLOBS, Article, article_item, expand_paths, read_jsonl_articles
from .export import Tables
from .outfile import OutputPathError
from .output import Format, OutputFailed, PartialOutput, open_output, resume_from


class Fatal(Exception):
    """The command stops: ``message`` for stderr, ``code`` for the exit status."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.message, self.code = message, code


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so the batch can stop cleanly, as on Ctrl-C. A BaseException, as
    KeyboardInterrupt is: the per-article ``except Exception`` guards must not swallow it."""


def _terminate(signum, frame):
    raise _Terminated()


@dataclass(frozen=True)
class ExtractJob:
    """What ``strikex extract`` was asked to do (its options, parsed)."""

    paths: list[str]
    given_date: dt.date | None = None
    model: str = DEFAULT_MODEL
    fmt: Format | None = None          # None: json for one input, jsonl for several
    recursive: bool = False
    glob: tuple[str, ...] = DEFAULT_GLOBS
    jsonl: bool = False                 # the inputs are JSON Lines files of articles
    text_key: str = "text"
    id_key: str = "id"
    date_key: str = "date"
    workers: int = 0                    # 0: auto_workers
    triage: bool = True
    only_relevant: bool = False
    output: str | None = None
    max_chars: int = 200_000
    timeout: float | None = 60.0        # None: no limit
    resume: bool = False
    warc: bool = False                  # the inputs are WARC files: their HTML responses are the articles (warc.py)
    html_pages: bool = True             # *.html files read as web pages (html.py); False: as text, markup stripped

    @property
    def single(self) -> bool:
        """One article file (or -): one JSON object, and a failure to read it is the command's failure."""
        paths = self.paths
        return not self.jsonl and not self.warc and len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())


def auto_workers(count: int | None) -> int:
    """One process per core for a batch of ``AUTO_WORKERS_FROM`` articles or more (count None: unknown), else 1."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores if count is not None and count >= AUTO_WORKERS_FROM else 1


def _count_lines(paths: list[str]) -> int | None:
    """Lines in the JSON Lines inputs (None when one is stdin: it cannot be read twice)."""
    if "-" in paths:
        return None
    total = 0
    for raw in paths:
        try:
            with open(raw, "rb") as fh:  # in blocks: a file with no line breaks is no reason to hold it whole
                total += sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))
        except OSError:
            pass
    return total


def _articles(job: ExtractJob, done: set[str], err) -> tuple[Iterator[tuple[Article, str | None]], int | None]:
    """(article, its row date or None) for each input not ``done``, read as they are needed; and how many
    there are (None: unknown)."""
    if job.warc:
        return iter(()), None  # read as items by _warc_items
    if job.jsonl:
        articles = ((article, row_date) for raw in job.paths
                    for article, row_date in read_jsonl_articles(None if raw == "-" else Path(raw), raw, job.text_key,
                                                                 job.id_key, job.date_key, max_chars=job.max_chars))
        return articles, _count_lines(job.paths)
    skipped: list[str] = []
    sources = [(source, path) for source, path in expand_paths(job.paths, job.recursive, job.glob, skipped)
               if source not in done]
    for problem in skipped:
        err.print(f"strikex: warning: {problem}", markup=False)
    if not sources and not done:
        raise Fatal(f"no files matching {' or '.join(job.glob)} in {', '.join(job.paths)}: nothing done", EXIT_SOME_FAILED)
    return ((io.read_article(path, source, max_chars=job.max_chars), None) for source, path in sources), len(sources)


def _item(article: Article, job: ExtractJob, row_date: str | None):
    """The article as an item: a *.html file, or a JSON Lines row whose text is a whole page, as a web page
    (html.py), unless --html strip."""
    if job.html_pages and job.jsonl:
        return row_item(article, job.given_date, row_date)
    if job.html_pages and is_page(article.source):
        return page_item(article, job.given_date)
    return article_item(article, job.given_date, row_date)


def _warc_items(job: ExtractJob, done: set[str], err):
    """The HTML responses of the job's WARC files as items; each file's counts said on ``err``."""
    from .warc import read_warcs

    report = lambda summary: err.print(f"strikex: {summary}", markup=False)  # noqa: E731
    return (p.item for p in read_warcs(job.paths, job.given_date, job.max_chars, report) if p.item.source not in done)


def _expected_provenance(job: ExtractJob) -> dict[str, Any]:
    from .batch import provenance

    return provenance(job.model, job.given_date, job.triage, job.max_chars, job.timeout)


def _check_paths(job: ExtractJob) -> None:
    single_or_jsonl = job.single or job.jsonl
    paths = job.paths
    if single_or_jsonl and len(paths) == 1 and paths[0] != "-" and not Path(paths[0]).exists() \
            and not Path(paths[0]).is_symlink():  # a broken link is named as such when it is read
        raise Fatal(f"{paths[0]}: no such file or folder", EXIT_BAD_INPUT)


def extract_paths(job: ExtractJob, err) -> int:
    """Extract the job's inputs and write their records (to stdout, or ``--output`` through ``FILE.partial``),
    streamed in input order; warnings and errors to ``err``. Returns the exit status."""
    _check_paths(job)
    single = job.single
    fmt = job.fmt or Format.jsonl
    if fmt == Format.csv and not job.output:
        raise Fatal("--format csv writes a folder of tables: give it with --output DIR", EXIT_BAD_INPUT)
    if fmt == Format.csv and job.resume:
        raise Fatal("--resume works with JSON Lines only; --format csv writes its tables whole or not at all (to go on "
                    "after an interruption: --output FILE --resume, then strikex export FILE --output DIR)",
                    EXIT_BAD_INPUT)
    stamp = _expected_provenance(job)
    try:
        done, keep = resume_from(job.output, job.resume, fmt, stamp, err)
    except InputError as exc:
        raise Fatal(str(exc), EXIT_BAD_INPUT) from None
    articles, count = _articles(job, done, err)
    if single:
        article, _ = next(articles)
        if article.unreadable:
            raise Fatal(article.error, EXIT_BAD_INPUT)  # a file that cannot be read at all: nothing on stdout
        articles = iter([(article, None)])
    items = (_item(a, job, row_date) for a, row_date in articles if a.source not in done)
    if job.warc:
        items = _warc_items(job, done, err)
    try:
        target, writer = open_output(fmt, single, job.output, keep)
    except OutputPathError as exc:
        raise Fatal(str(exc), EXIT_OUTPUT) from None
    except OSError as exc:
        raise Fatal(f"cannot write {job.output}: {exc.strerror or exc}", EXIT_OUTPUT) from None
    records = api.extract_items(items, model=job.model, triage=job.triage, workers=job.workers or auto_workers(count),
                                max_chars=job.max_chars, timeout=job.timeout)
    progress = _progress(err, count, job.output is not None) if not single and (count is None or count > 1) else None
    try:
        failed, stopped = _write(records, job, writer, target, err, progress)
    finally:
        if isinstance(target, Tables):
            target.abandon()   # tables not committed (a fatal error, an interruption) are removed
    if stopped:
        return stopped
    if failed:
        return EXIT_BAD_INPUT if single else EXIT_SOME_FAILED
    return EXIT_OK


def _progress(err, count: int | None, to_file: bool, label: str = "extracting"):
    """Per-article progress (N/M, rate, time left) on stderr when it is a terminal, and only when stdout is
    not that terminal too (``--output FILE`` or a pipe): it never mixes into the output. None elsewhere."""
    if not sys.stderr.isatty() or (sys.stdout.isatty() and not to_file):
        return None
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    rate = TextColumn("{task.fields[rate]}")
    progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), rate, TimeElapsedColumn(),
                        TextColumn("eta"), TimeRemainingColumn(), console=err, transient=True, redirect_stdout=False,
                        redirect_stderr=False)
    progress.add_task(label, total=count, rate="")
    progress.start()
    return progress


def _advance(progress) -> None:
    task = progress.tasks[0]
    speed = task.speed
    progress.update(task.id, advance=1, rate=f"{speed:.1f} articles/s" if speed else "")


def _summary(err, written: int, irrelevant: int, failed: int, left_out: bool, where: str, made: str = "") -> None:
    """The one line at the end of a batch, on stderr: '100 records, 38 not relevant, 0 errors → out.jsonl'
    (``made``, e.g. ', 12 disputes', before the arrow: what ``timeline`` made of them)."""
    kept = " (left out: --only-relevant)" if left_out and irrelevant else ""
    err.print(f"strikex: {written + (irrelevant if left_out else 0)} records, {irrelevant} not relevant{kept}, "
              f"{failed} errors{made} → {where}", markup=False)


def _write(records: Iterable[dict[str, Any]], job: ExtractJob, writer, target: PartialOutput | Tables | None, err,
           progress) -> tuple[int, int | None]:
    """Write the records as they come, and say their errors and warnings on ``err``. Returns the number of
    error records, and the exit status if the batch was stopped: on Ctrl-C (130) or SIGTERM (143) the
    records written so far are flushed and where they are is said."""
    write, close = writer
    failed = written = irrelevant = 0
    previous_term = signal.signal(signal.SIGTERM, _terminate) if hasattr(signal, "SIGTERM") else None
    try:
        for record in records:
            if isinstance(record.get("provenance"), dict):  # the run's --date, also where a JSON Lines row had its own
                record["provenance"]["options"]["date"] = job.given_date.isoformat() if job.given_date else None
            if "error" in record:
                failed += 1
                err.print(f"strikex: {record['error']}", markup=False)
            for w in record.get("warnings") or []:
                err.print(f"strikex: warning: {record['source']}: {w}", markup=False)
            if progress is not None:
                _advance(progress)
            irrelevant += record.get("relevant") is False
            if job.only_relevant and record.get("relevant") is False:
                continue
            write(record)
            written += 1
        close()
        if target:
            target.commit()
    except ModelNotFound as exc:
        raise Fatal(str(exc), EXIT_NO_MODEL) from None
    except OutputFailed as exc:
        sys.stdout = open(os.devnull, "w")  # nothing more can be written there; keep the exit quiet
        where = f" {job.output}" if job.output else " the output"
        raise Fatal(f"cannot write{where}: {exc} (after {written} records)", EXIT_OUTPUT) from None
    except (KeyboardInterrupt, _Terminated) as exc:
        _stop_work(records)
        close()
        where = ""
        if target:
            target.abandon()
            where = (f"; the records so far are in {target.partial} (rerun with --resume to go on)"
                     if isinstance(target, PartialOutput) else f"; no tables written to {job.output}")
        err.print(f"strikex: interrupted after {written} records{where}", markup=False)
        return failed, 143 if isinstance(exc, _Terminated) else 130
    finally:
        _stop_work(records)  # the worker processes end here, whatever ended the loop (a broken pipe too)
        if progress is not None:
            progress.stop()
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)
    if not job.single:
        _summary(err, written, irrelevant, failed, job.only_relevant, job.output or "stdout")
    return failed, None


def _stop_work(records: Iterable[dict[str, Any]]) -> None:
    """Close the record stream: with ``--workers`` this shuts the pool down and ends its processes."""
    close = getattr(records, "close", None)
    if close is not None:
        close()
