"""The ``strikex`` typer app and what its commands share: the stderr console, failing with an exit code,
option parsing helpers and help texts. The commands live in ``cli.py`` (extract, evaluate, timeline) and
``cli_db.py`` (db, schema)."""
from __future__ import annotations

import sys
from enum import Enum
from typing import NoReturn

import typer

from .errors import EXIT_BAD_INPUT, DateError

app = typer.Typer(
    name="strikex",
    help="Turn news reports about UK local-government industrial disputes into structured JSON: unions, councils, "
         "people and their roles, dates, ballot results and strike days, each traced to its evidence in the text.",
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
    epilog="""[bold]Examples[/]

  strikex extract seeds/001_2251fc9ddb0dfb63.txt

  strikex extract articles/ | jq -c '.ballots[]'

  strikex schema
""",
)


_ERR = None


def _err_console():
    """One stderr console: no wrapping (messages stay one line for grep), no colour unless a terminal."""
    global _ERR
    if _ERR is None:
        from rich.console import Console

        _ERR = Console(stderr=True, soft_wrap=True, highlight=False)
    return _ERR


def _fail(message: str, code: int) -> NoReturn:
    from rich.markup import escape

    _err_console().print(f"[bold red]strikex:[/] {escape(message)}")
    raise typer.Exit(code)


def _date(value: str | None):
    """--date as a date (None when not given); a bad one ends the command."""
    from .items import parse_date

    try:
        return parse_date(value)
    except DateError as exc:
        _fail(f"--date: {exc}", EXIT_BAD_INPUT)


def _paths(paths: list[str] | None) -> list[str]:
    """The paths given, ``-`` once (stdin is read once); none given: stdin when it is piped (as jq and
    sqlite-utils read it), else a usage error."""
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _fail("no input: give files, folders or - (standard input); see strikex COMMAND --help", EXIT_BAD_INPUT)
        return ["-"]
    return [p for n, p in enumerate(paths) if p != "-" or "-" not in paths[:n]]


class InputFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"
    warc = "warc"


class HtmlMode(str, Enum):
    trafilatura = "trafilatura"
    strip = "strip"


HTML_HELP = ("trafilatura (default): a *.html file is a web page, read as its main text (kept in the record's text); "
             "strip: read as text with its markup stripped (offsets into the page as given).")
# the reference date's precedence (README "Reference date: which wins"; html.py): text, page, row, --date, WARC date
DATE_HELP = ("Reference date (for relative and year-less dates) of articles that carry none of their own: used "
             "when neither the text (a stated publication date), nor a web page's metadata, nor a JSON Lines "
             "row (--date-key) gives one; a WARC record's crawl date comes after it.")
GLOB_HELP = "Which files of a folder to read (patterns separated by commas)."


MODEL_HELP = "Installed spaCy English pipeline to build on."


