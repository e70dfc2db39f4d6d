"""The ``strikex`` command: thin typer commands that parse options and call the functions in ``apply.py``
(which read with ``io.py``, extract with ``api.py`` and write with ``output.py``).

stdout carries data only (JSON, JSON Lines, or the table a person asked for); progress, warnings and
errors go to stderr.
"""
from __future__ import annotations

import signal
import sys
from typing import List, NoReturn, Optional

import typer

# light imports only (strikex --help); what a command needs is imported when it runs
from .cli_app import DATE_HELP, HTML_HELP, MODEL_HELP, HtmlMode, InputFormat, _date, _err_console, _fail, _paths, app
from .errors import AUTO_WORKERS_FROM, DEFAULT_MODEL, EXIT_OUTPUT, SPACY_MAX_LENGTH
from .io import DEFAULT_GLOBS
from .output import Format, TimelineFormat

WORKERS_HELP = (f"Processes to run, each with its own pipeline. 0 (default): one per core for batches of "
                f"{AUTO_WORKERS_FROM}+ articles, else 1.")


@app.command(epilog="""[bold]Examples[/]

  strikex extract seeds/001_2251fc9ddb0dfb63.txt

  cat article.txt | strikex extract - --date 2023-05-02

  strikex extract articles/ --recursive > records.jsonl

  strikex extract articles/ --only-relevant | jq -r '.strikes[].dates[]' | sort -u

  strikex extract crawl.jsonl --input jsonl --text-key body --id-key url --date-key published --workers 2

  strikex extract article.txt --format table

  strikex extract articles/ --format csv --output tables/

  strikex extract crawl.warc.gz --input warc --only-relevant
""")
def extract(
    paths: Optional[List[str]] = typer.Argument(None, metavar="[PATH]...", show_default=False,
                                                help="Article text files (.gz read too), folders of them, or - for standard "
                                                     "input, read once (with --input jsonl: JSON Lines files, or -). "
                                                     "None given: standard input, when it is not a terminal."),
    date: Optional[str] = typer.Option(None, "--date", "-d", metavar="YYYY-MM-DD",
                                       help=DATE_HELP),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", metavar="NAME",
                              help="Installed spaCy English pipeline to build on (e.g. en_core_web_sm)."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f",
                                         help="jsonl (the default: one record per line, for any number of inputs), json "
                                              "(pretty: one object for one input, an array for several), table "
                                              "(rich tables for reading; an overview table for several inputs), or csv "
                                              "(with --output DIR: a folder of tables, one per fact, for spreadsheets and SQL)."),
    recursive: bool = typer.Option(False, "--recursive", "-r", metavar="", help="Descend into sub-folders of folder arguments."),
    glob: List[str] = typer.Option(list(DEFAULT_GLOBS), "--glob", "-g", metavar="PATTERN",
                                   help="Which files of a folder to read; repeat for several patterns."),
    input_format: InputFormat = typer.Option(InputFormat.text, "--input", "-i",
                                             help="text: each file is one article (*.html ones web pages). jsonl: each line is a JSON "
                                                  "object holding one article. warc: WARC files (.warc, .warc.gz), each HTML response an article."),
    text_key: str = typer.Option("text", "--text-key", metavar="KEY", help="With --input jsonl: the key holding the article text."),
    id_key: str = typer.Option("id", "--id-key", metavar="KEY", help="With --input jsonl: the key whose value becomes the record's source "
                                                      "(default when absent: FILE:LINE)."),
    date_key: str = typer.Option("date", "--date-key", metavar="KEY", help="With --input jsonl: the key holding the article's date "
                                                            "(YYYY-MM-DD or an ISO timestamp; else --date is used)."),
    workers: int = typer.Option(0, "--workers", "-w", min=0, metavar="N", help=WORKERS_HELP),
    triage: bool = typer.Option(True, "--triage/--no-triage", metavar="",
                                help="Skip the statistical pipeline for articles with no dispute vocabulary (they get "
                                     "relevant: false and empty lists). --no-triage processes every article in full."),
    only_relevant: bool = typer.Option(False, "--only-relevant", metavar="", help="Leave the records of articles the triage gate "
                                                                      "turned away (relevant: false) out of the output."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to FILE: records go to FILE.partial as they "
                                                                      "come, renamed to FILE when the batch is complete. With "
                                                                      "--format csv: the folder DIR that gets articles.csv, "
                                                                      "people.csv, ballots.csv, strike_days.csv and disputes.csv, "
                                                                      "all together at the end or (interrupted) none."),
    max_chars: int = typer.Option(200_000, "--max-chars", min=1, max=SPACY_MAX_LENGTH, metavar="N",
                                  help="Longer articles give an error record (never cut short silently). At most "
                                       "1,000,000, spaCy's own limit (checked before the pipeline loads)."),
    timeout: float = typer.Option(60.0, "--timeout-per-doc", min=0, metavar="SECONDS",
                                  help="An article whose rule components run longer gives an error record and the batch "
                                       "goes on. 0: no limit."),
    resume: bool = typer.Option(False, "--resume", metavar="", help="With --output and JSON Lines: skip the inputs whose records "
                                                        "FILE (or FILE.partial) already holds, and keep those records."),
    html_mode: HtmlMode = typer.Option(HtmlMode.trafilatura, "--html", help=HTML_HELP),
) -> None:
    """Extract dispute records from article text.

    JSON Lines: one record per line, one line per article in input order (one line for one file), streamed as they are done. An input that cannot be read gives an error record ({"source": ..., "error": ..., and the lists, empty}) in its place and the batch goes on (exit status 1 at the end). Exit codes: 0 all read, 1 some inputs in a batch failed, 2 the one input or the command line is bad, 3 the --model pipeline is not installed, 4 the output could not be written, 130/143 interrupted.
    """
    from .apply import ExtractJob, Fatal, extract_paths

    job = ExtractJob(paths=_paths(paths), given_date=_date(date), model=model, fmt=fmt, recursive=recursive,
                     glob=tuple(glob),
                     jsonl=input_format == InputFormat.jsonl, text_key=text_key, id_key=id_key, date_key=date_key,
                     workers=workers, triage=triage, only_relevant=only_relevant, output=output, max_chars=max_chars,
                     timeout=timeout or None, resume=resume, warc=input_format == InputFormat.warc,
                     html_pages=html_mode == HtmlMode.trafilatura)
    try:
        code = extract_paths(job, _err_console())
    except Fatal as exc:
        _fail(exc.message, exc.code)
    except BrokenPipeError:
        _die_of_broken_pipe()
    raise typer.Exit(code)


@app.command(epilog="""[bold]Examples[/]

  strikex evaluate tests/articles

  strikex evaluate gold/ --details

  strikex evaluate gold/ --json | jq '.fields | map_values(.f1)'
""")
def evaluate(
    corpora: List[str] = typer.Argument(..., metavar="CORPUS_DIR...",
                                        help="Folders of gold pairs: NAME.txt (the article) beside NAME.json (its gold record)."),
    details: bool = typer.Option(False, "--details", metavar="", help="Also list each article's misses, false hits and wrong values."),
    as_json: bool = typer.Option(False, "--json", metavar="", help="Print the scores as one JSON object instead of tables."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", metavar="NAME", help=MODEL_HELP),
) -> None:
    """Measure strikex against gold records: precision, recall and F1 per field.

    Also the accuracy of what was found: people's roles and organisations, ballot figures, reference dates.

    The gold format is in the README ("Gold records"). When a gold record says its text states no publication date (published_in_text null), its reference_date is given as --date would be. Exit codes: 0 scored, 2 a folder or gold record is unusable, 3 the --model pipeline is not installed.
    """
    from .apply import Fatal
    from .collect import evaluate_corpora

    try:
        report = evaluate_corpora(corpora, model, details)
    except Fatal as exc:
        _fail(exc.message, exc.code)
    if as_json:
        from .output import dumps

        sys.stdout.write(dumps(report, pretty=True) + "\n")
        return
    from rich.console import Console

    from .render import render_report

    render_report(report, Console(), title=", ".join(corpora))


@app.command(epilog="""[bold]Examples[/]

  strikex timeline articles/

  strikex extract articles/ > records.jsonl && strikex timeline records.jsonl --format csv > disputes.csv

  strikex timeline articles/ --format html --output disputes.html
""")
def timeline(
    paths: Optional[List[str]] = typer.Argument(None, metavar="[PATH]...", show_default=False,
                                                help="Article text files or folders of them, or the .jsonl files "
                                                     "`strikex extract` wrote (.jsonl.gz too), or .db files that `strikex db` built, or - "
                                                     "(records or one article). None "
                                                     "given: standard input, when it is not a terminal."),
    fmt: TimelineFormat = typer.Option(TimelineFormat.jsonl, "--format", "-f",
                                       help="jsonl (a row per dispute), csv (for spreadsheets), table (for reading), "
                                            "or html (one self-contained page with a timeline chart)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to this file instead of stdout."),
    date: Optional[str] = typer.Option(None, "--date", "-d", metavar="YYYY-MM-DD",
                                       help="Reference date for articles that state none."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", metavar="NAME", help=MODEL_HELP),
    recursive: bool = typer.Option(False, "--recursive", "-r", metavar="", help="Descend into sub-folders of folder arguments."),
    glob: List[str] = typer.Option(list(DEFAULT_GLOBS), "--glob", "-g", metavar="PATTERN",
                                   help="Which files of a folder to read; repeat for several patterns."),
    workers: int = typer.Option(0, "--workers", "-w", min=0, metavar="N", help=WORKERS_HELP),
) -> None:
    """One row per dispute across articles, as JSON Lines, CSV, a table or an HTML timeline.

    The disputes that are the same dispute (same union and employer, overlapping workers, dates within 120 days) are merged, with their ballot results, strike days, latest status and the articles they come from. Records are merged as they stream in (read, or extracted with --workers processes), never all held in memory; progress (N/M, rate, time left) and a one-line summary go to stderr. Exit codes: 0 done, 1 some inputs could not be read (skipped), 2 a path or option is bad, 3 the --model pipeline is not installed, 4 the output cannot be written (checked before the work), 130/143 interrupted (nothing written).
    """
    from .apply import Fatal
    from .collect import timeline_records, write_timeline_of
    from .outfile import OutputPathError, check_output

    try:
        check_output(output)   # a bad -o path is said before the work, not after it
        records, total = timeline_records(_paths(paths), _date(date), model, recursive, tuple(glob), workers=workers)
        code = write_timeline_of(records, total, fmt, output, _err_console())
    except Fatal as exc:
        _fail(exc.message, exc.code)
    except OutputPathError as exc:
        _fail(str(exc), EXIT_OUTPUT)
    raise typer.Exit(code)


from . import cli_db  # noqa: E402,F401  (registers `strikex db` and `strikex schema`)
from . import cli_export  # noqa: E402,F401  (registers `strikex export`)


@app.callback(invoke_without_command=True)
def _root(version: bool = typer.Option(False, "--version", metavar="", help="Print the version and exit.", is_eager=True)) -> None:
    """strikex: news text in, dispute record JSON out."""
    if version:
        from . import __version__

        typer.echo(f"strikex {__version__}")
        raise typer.Exit()


def _die_of_broken_pipe() -> NoReturn:
    """The reader of stdout has gone (``strikex extract DIR | head``): by now the workers are stopped (the
    record stream was closed on the way here); end as a filter does, quietly, killed by SIGPIPE (status
    141 in a shell), with nothing more flushed to the closed pipe."""
    import os

    sys.stdout = open(os.devnull, "w")
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGPIPE)
    raise typer.Exit(1)


def main() -> None:
    # SIGPIPE stays ignored (Python's default), so a closed stdout raises BrokenPipeError where it is written,
    # and the batch shuts its worker processes down before strikex ends (see _die_of_broken_pipe)
    try:
        app()
    except BrokenPipeError:
        _die_of_broken_pipe()
