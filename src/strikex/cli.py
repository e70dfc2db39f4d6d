"""The ``strikex`` command: thin typer commands over the pure functions in api/io/extract.

stdout carries data only (JSON, JSON Lines, or the table a person asked for); progress, warnings and
errors go to stderr.
"""
from __future__ import annotations

import os
import signal
import sys
from enum import Enum
from typing import List, Optional

import typer

from .errors import (DEFAULT_MODEL, EXIT_BAD_INPUT, EXIT_NO_MODEL, EXIT_OK, EXIT_OUTPUT, EXIT_SOME_FAILED, DateError,
                     ModelNotFound, StrikexError)

app = typer.Typer(
    name="strikex",
    help="Turn news reports about UK local-government industrial disputes into structured JSON: unions, councils, "
         "people and their roles, dates, ballot results and strike days, each traced to its evidence in the text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
    epilog="""[bold]Examples[/]

  strikex extract seeds/001_2251fc9ddb0dfb63.txt

  strikex extract articles/ | jq -c '.ballots[]'

  strikex schema
""",
)


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


_ERR = None


def _err_console():
    """One stderr console: no wrapping (messages stay one line for grep), no colour unless a terminal."""
    global _ERR
    if _ERR is None:
        from rich.console import Console

        _ERR = Console(stderr=True, soft_wrap=True, highlight=False)
    return _ERR


def _fail(message: str, code: int) -> None:
    from rich.markup import escape

    _err_console().print(f"[bold red]strikex:[/] {escape(message)}")
    raise typer.Exit(code)


def _writer(fmt: Format, single: bool, out):
    """(write(record), close()) for the chosen output format."""
    from .io import dumps, write_record

    if fmt == Format.table:
        from rich.console import Console

        from .render import render

        console = Console(file=out)
        return (lambda record: render(record, console)), out.flush
    if fmt == Format.jsonl:
        return (lambda record: write_record(out, record)), out.flush
    if single:
        return (lambda record: out.write(dumps(record, pretty=True) + "\n")), out.flush
    count = 0

    def write_item(record):  # a JSON array, written as the records come
        nonlocal count
        out.write(("[\n" if count == 0 else ",\n") + dumps(record))
        count += 1

    def close_array():
        out.write("[]\n" if count == 0 else "\n]\n")
        out.flush()

    return write_item, close_array


class InputFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


AUTO_WORKERS_FROM = 200   # articles: below this, starting more processes costs more than it saves


def _auto_workers(count: int | None) -> int:
    import os

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


@app.command(epilog="""[bold]Examples[/]

  strikex extract seeds/001_2251fc9ddb0dfb63.txt

  cat article.txt | strikex extract - --date 2023-05-02

  strikex extract articles/ --recursive > records.jsonl

  strikex extract articles/ --only-relevant | jq -r '.strikes[].dates[]' | sort -u

  strikex extract crawl.jsonl --input jsonl --text-key body --id-key url --date-key published --workers 2

  strikex extract article.txt --format table
""")
def extract(
    paths: List[str] = typer.Argument(..., help="Article text files, folders of them, or - for standard input "
                                                "(with --input jsonl: JSON Lines files, or -)."),
    date: Optional[str] = typer.Option(None, "--date", "-d", metavar="YYYY-MM-DD",
                                       help="Reference date for relative and year-less dates, used when the text states no publication date."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m",
                              help="Installed spaCy English pipeline to build on (e.g. en_core_web_sm)."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f",
                                         help="json (one object, or an array for several inputs), jsonl (one object per line), "
                                              "or table (rich tables for reading). Default: json for one file, jsonl for several."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Descend into sub-folders of folder arguments."),
    glob: str = typer.Option("*.txt", "--glob", "-g", help="Which files of a folder to read."),
    input_format: InputFormat = typer.Option(InputFormat.text, "--input", "-i",
                                             help="text: each file is one article. jsonl: each line is a JSON object holding one article."),
    text_key: str = typer.Option("text", "--text-key", help="With --input jsonl: the key holding the article text."),
    id_key: str = typer.Option("id", "--id-key", help="With --input jsonl: the key whose value becomes the record's source "
                                                      "(default when absent: FILE:LINE)."),
    date_key: str = typer.Option("date", "--date-key", help="With --input jsonl: the key holding the article's date "
                                                            "(YYYY-MM-DD or an ISO timestamp; else --date is used)."),
    workers: int = typer.Option(0, "--workers", "-w", min=0,
                                help=f"Processes to run, each with its own pipeline. 0 (default): one per core for batches "
                                     f"of {AUTO_WORKERS_FROM}+ articles, else 1."),
    triage: bool = typer.Option(True, "--triage/--no-triage",
                                help="Skip the statistical pipeline for articles with no dispute vocabulary (they get "
                                     "relevant: false and empty lists). --no-triage processes every article in full."),
    only_relevant: bool = typer.Option(False, "--only-relevant", help="Leave the records of articles the triage gate "
                                                                      "turned away (relevant: false) out of the output."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to FILE: records go to FILE.partial as they "
                                                                      "come, renamed to FILE when the batch is complete."),
    max_chars: int = typer.Option(200_000, "--max-chars", min=1, help="Longer articles give an error record "
                                                                     "(never cut short silently)."),
    timeout: float = typer.Option(60.0, "--timeout-per-doc", min=0, metavar="SECONDS",
                                  help="An article whose rule components run longer gives an error record and the batch "
                                       "goes on. 0: no limit."),
    resume: bool = typer.Option(False, "--resume", help="With --output and JSON Lines: skip the inputs whose records "
                                                        "FILE (or FILE.partial) already holds, and keep those records."),
) -> None:
    """Extract dispute records from article text.

    One file (or -) gives one JSON object; a folder or several paths give JSON Lines, one record per article in input order, streamed as they are done. An input that cannot be read gives {"source": ..., "error": ...} in its place and the batch goes on (exit status 1 at the end). Exit codes: 0 all read, 1 some inputs in a batch failed, 2 the one input or the command line is bad, 3 the --model pipeline is not installed, 4 the output could not be written, 130/143 interrupted.
    """
    from pathlib import Path

    from .api import extract_items
    from .io import article_item, expand_paths, read_article, read_jsonl_articles

    reference_date = _date(date)
    jsonl = input_format == InputFormat.jsonl
    single = not jsonl and len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())
    if (single or jsonl) and any(p != "-" and not Path(p).exists() and not Path(p).is_symlink() for p in paths) \
            and len(paths) == 1:  # a broken link is named as such when it is read
        _fail(f"{paths[0]}: no such file or folder", EXIT_BAD_INPUT)
    fmt = fmt or (Format.json if single else Format.jsonl)
    done, keep = set(), []
    if resume:
        if output is None or fmt != Format.jsonl:
            _fail("--resume needs --output FILE and JSON Lines output (--format jsonl)", EXIT_BAD_INPUT)
        from .io import done_sources

        done, keep = done_sources(Path(output))
        _err_console().print(f"strikex: resuming: {len(done)} inputs already done in {output}", markup=False)
    if jsonl:
        sources = None
        count = _count_lines(paths)
        articles = ((article, row_date) for raw in paths
                    for article, row_date in read_jsonl_articles(None if raw == "-" else Path(raw), raw, text_key, id_key,
                                                                      date_key, max_chars=max_chars))
    else:
        sources = [(source, path) for source, path in expand_paths(paths, recursive, glob) if source not in done]
        count = len(sources)
        if not sources:
            _err_console().print(f"strikex: no files matching {glob!r} in {', '.join(paths)}", markup=False)
        articles = ((read_article(path, source, max_chars=max_chars), None) for source, path in sources)
    if single:
        article, _ = next(articles)
        if article.unreadable:
            _fail(article.error, EXIT_BAD_INPUT)  # a file that cannot be read at all: nothing on stdout
        articles = iter([(article, None)])
    items = (article_item(a, reference_date, row_date) for a, row_date in articles if a.source not in done)
    workers = workers or _auto_workers(count)

    failed = 0
    progress = None
    if not single and sys.stderr.isatty() and (count is None or count > 1):
        from rich.progress import Progress

        progress = Progress(console=_err_console(), transient=True)
        task = progress.add_task("extracting", total=count)
        progress.start()
    from .io import PartialOutput

    try:
        target = PartialOutput(Path(output), keep) if output else None
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}", EXIT_OUTPUT)
    write, close = _guarded(*_writer(fmt, single, target.stream if target else sys.stdout))
    written = 0
    previous_term = signal.signal(signal.SIGTERM, _terminate) if hasattr(signal, "SIGTERM") else None
    try:
        for record in extract_items(items, model=model, triage=triage, workers=workers, max_chars=max_chars,
                                    timeout=timeout or None):
            if "error" in record:
                failed += 1
                _err_console().print(f"strikex: {record['error']}", markup=False)
            for w in record.get("warnings") or []:
                _err_console().print(f"strikex: warning: {record['source']}: {w}", markup=False)
            if progress is not None:
                progress.advance(task)
            if only_relevant and record.get("relevant") is False:
                continue
            write(record)
            written += 1
        close()
        if target:
            target.commit()
    except ModelNotFound as exc:
        _fail(str(exc), EXIT_NO_MODEL)
    except _OutputFailed as exc:
        sys.stdout = open(os.devnull, "w")  # nothing more can be written there; keep the exit quiet
        where = f" {output}" if output else " the output"
        _fail(f"cannot write{where}: {exc} (after {written} records)", EXIT_OUTPUT)
    except (KeyboardInterrupt, _Terminated) as exc:
        # the record in hand is written, the stream flushed; say how far it got and how to go on
        close()
        where = ""
        if target:
            target.abandon()
            where = f"; the records so far are in {target.partial} (rerun with --resume to go on)"
        _err_console().print(f"strikex: interrupted after {written} records{where}", markup=False)
        raise typer.Exit(143 if isinstance(exc, _Terminated) else 130)
    finally:
        if progress is not None:
            progress.stop()
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT if single else EXIT_SOME_FAILED)
    raise typer.Exit(EXIT_OK)


class _OutputFailed(Exception):
    """Writing a record failed (disk full, a closed file): fatal, with its own exit code."""


def _guarded(write, close):
    """The writer's functions, with an OS error while writing turned into _OutputFailed."""
    def guard(fn):
        def run(*args):
            try:
                return fn(*args)
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise _OutputFailed(exc.strerror or str(exc)) from None
        return run
    return guard(write), guard(close)


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so the batch can stop cleanly, as on Ctrl-C. A BaseException, as
    KeyboardInterrupt is: the per-article ``except Exception`` guards must not swallow it."""


def _terminate(signum, frame):
    raise _Terminated()


def _date(value: str | None):
    """--date as a date (None when not given); a bad one ends the command."""
    from .items import parse_date

    try:
        return parse_date(value)
    except DateError:
        _fail(f"the reference date (--date) must be YYYY-MM-DD, got {value!r}", EXIT_BAD_INPUT)


@app.command(epilog="""[bold]Examples[/]

  strikex evaluate tests/articles

  strikex evaluate gold/ --details

  strikex evaluate gold/ --json | jq '.fields | map_values(.f1)'
""")
def evaluate(
    corpora: List[str] = typer.Argument(..., metavar="CORPUS_DIR...",
                                        help="Folders of gold pairs: NAME.txt (the article) beside NAME.json (its gold record)."),
    details: bool = typer.Option(False, "--details", help="Also list each article's misses, false hits and wrong values."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as one JSON object instead of tables."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="Installed spaCy English pipeline to build on."),
) -> None:
    """Measure strikex against gold records: precision, recall and F1 per field.

    Also the accuracy of what was found: people's roles and organisations, ballot figures, reference dates.

    The gold format is in the README ("Gold records"). When a gold record says its text states no publication date (published_in_text null), its reference_date is given as --date would be. Exit codes: 0 scored, 2 a folder or gold record is unusable, 3 the --model pipeline is not installed.
    """
    from .api import extract_items
    from .evaluate import evaluate as score
    from .gold import gold_items, read_corpus
    from .io import dumps

    try:
        corpus = read_corpus(corpora)
        report = score(corpus, extract_items(gold_items(corpus), model=model)).to_dict(details=details)
    except ModelNotFound as exc:
        _fail(str(exc), EXIT_NO_MODEL)
    except StrikexError as exc:
        _fail(str(exc), EXIT_BAD_INPUT)
    if as_json:
        sys.stdout.write(dumps(report, pretty=True) + "\n")
        return
    from rich.console import Console

    from .render import render_report

    render_report(report, Console(), title=", ".join(corpora))


class TimelineFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    html = "html"


@app.command(epilog="""[bold]Examples[/]

  strikex timeline articles/

  strikex extract articles/ > records.jsonl && strikex timeline records.jsonl --format csv > disputes.csv

  strikex timeline articles/ --format html --output disputes.html
""")
def timeline(
    paths: List[str] = typer.Argument(..., help="Article text files or folders of them, or .jsonl files that "
                                                "`strikex extract` wrote."),
    fmt: TimelineFormat = typer.Option(TimelineFormat.jsonl, "--format", "-f",
                                       help="jsonl (a row per dispute), csv (for spreadsheets), table (for reading), "
                                            "or html (one self-contained page with a timeline chart)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    date: Optional[str] = typer.Option(None, "--date", "-d", metavar="YYYY-MM-DD",
                                       help="Reference date for articles that state none."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="Installed spaCy English pipeline to build on."),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Descend into sub-folders of folder arguments."),
    glob: str = typer.Option("*.txt", "--glob", "-g", help="Which files of a folder to read."),
) -> None:
    """One row per dispute across articles, as JSON Lines, CSV, a table or an HTML timeline.

    The disputes that are the same dispute (same union and employer, overlapping workers, dates within 120 days) are merged, with their ballot results, strike days, latest status and the articles they come from. Exit codes: 0 done, 1 some inputs could not be read (skipped), 2 a path or option is bad, 3 the --model pipeline is not installed.
    """
    import csv
    from pathlib import Path

    from .api import extract_items
    from .io import article_item, dumps, expand_paths, read_article
    from .timeline import CSV_COLUMNS, csv_row, merge, read_record_lines

    reference_date = _date(date)
    record_files = [p for p in paths if p.endswith((".jsonl", ".json"))]
    texts = [p for p in paths if p not in record_files]
    for p in record_files + texts:
        if p != "-" and not Path(p).exists():
            _fail(f"{p}: no such file or folder", EXIT_BAD_INPUT)
    records = [r for p in record_files for r in read_record_lines(Path(p))]
    if texts:
        articles = (read_article(path, source) for source, path in expand_paths(texts, recursive, glob))
        items = (article_item(a, reference_date) for a in articles)
        try:
            records += list(extract_items(items, model=model))
        except ModelNotFound as exc:
            _fail(str(exc), EXIT_NO_MODEL)
    skipped = [r for r in records if "error" in r]
    for r in skipped:
        _err_console().print(f"strikex: skipped: {r['error']}", markup=False)
    rows = [row.to_dict() for row in merge(records)]
    _err_console().print(f"strikex: {len(rows)} disputes from {len(records) - len(skipped)} records", markup=False)
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == TimelineFormat.jsonl:
            for row in rows:
                out.write(dumps(row) + "\n")
        elif fmt == TimelineFormat.csv:
            writer = csv.writer(out)
            writer.writerow(CSV_COLUMNS)
            writer.writerows(csv_row(row) for row in rows)
        elif fmt == TimelineFormat.html:
            from .timeline_html import page

            out.write(page(rows))
        else:
            from rich.console import Console

            from .render import render_timeline

            render_timeline(rows, Console(file=out))
    finally:
        if output:
            out.close()
    raise typer.Exit(EXIT_SOME_FAILED if skipped else EXIT_OK)


@app.command(epilog="""[bold]Examples[/]

  strikex schema > strikex.schema.json

  strikex schema | jq '.properties | keys'
""")
def schema() -> None:
    """Print the JSON Schema that every record strikex writes conforms to."""
    from .io import dumps
    from .record_schema import schema as load_schema

    sys.stdout.write(dumps(load_schema(), pretty=True) + "\n")


@app.callback(invoke_without_command=True)
def _root(version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True)) -> None:
    """strikex: news text in, dispute record JSON out."""
    if version:
        from . import __version__

        typer.echo(f"strikex {__version__}")
        raise typer.Exit()


def main() -> None:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `strikex extract dir | head` ends quietly
    app()
