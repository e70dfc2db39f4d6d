"""``strikex db`` (articles into a SQLite dataset) and ``strikex schema``, on the app of ``cli_app.py``."""
from __future__ import annotations

import sys
from typing import List, Optional

import typer

from .cli_app import DATE_HELP, GLOB_HELP, HTML_HELP, MODEL_HELP, HtmlMode, InputFormat, _date, _err_console, _fail, app
from .errors import DEFAULT_MODEL
from .io import DEFAULT_GLOB


@app.command("db", epilog="""[bold]Examples[/]

  strikex db disputes.db articles/

  strikex db disputes.db crawl-2024-*.warc.gz --input warc

  strikex db disputes.db crawl.jsonl --input jsonl --text-key body --id-key url

  datasette disputes.db -m disputes.metadata.json
""")
def db_command(
    database: str = typer.Argument(..., metavar="DB_FILE", help="The SQLite database (created if missing, added to if not)."),
    paths: List[str] = typer.Argument(..., help="Article files, folders of them (*.html ones web pages), or with "
                                                "--input jsonl JSON Lines files, with --input warc WARC files."),
    input_format: InputFormat = typer.Option(InputFormat.text, "--input", "-i",
                                             help="text (files and folders), jsonl (one article per line; a row whose "
                                                  "text is a whole web page is read as a page) or warc."),
    text_key: str = typer.Option("text", "--text-key", metavar="KEY", help="With --input jsonl: the key holding the text."),
    id_key: str = typer.Option("id", "--id-key", metavar="KEY", help="With --input jsonl: the key holding the source (a URL: the article's url)."),
    date_key: str = typer.Option("date", "--date-key", metavar="KEY", help="With --input jsonl: the key holding the article's date."),
    date: Optional[str] = typer.Option(None, "--date", "-d", metavar="YYYY-MM-DD", help=DATE_HELP),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help=MODEL_HELP),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Descend into sub-folders of folder arguments."),
    glob: str = typer.Option(DEFAULT_GLOB, "--glob", "-g", help=GLOB_HELP),
    html_mode: HtmlMode = typer.Option(HtmlMode.trafilatura, "--html", help=HTML_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to run, each with its own pipeline."),
) -> None:
    """Add articles to an SQLite dataset: articles, unions, councils, people, ballots, strike days, quotes, causes, disputes.

    Articles already in the database (same URL or same content) are skipped; each article is stored in one transaction; the disputes table is rebuilt from all stored articles (as strikex timeline merges them). Datasette metadata is written beside the database (DB.metadata.json). Needs pip install 'strikex\\[web]'. Exit codes: 0 done, 1 some inputs failed (not stored; a rerun tries them again), 2 a path or option is bad, 3 the --model pipeline is not installed.
    """
    from .apply import Fatal
    from .dataset import run_db

    try:
        code = run_db(database, list(paths), _date(date), input_format == InputFormat.warc, model, recursive, glob,
                      html_mode == HtmlMode.trafilatura, workers, _err_console(), input_format == InputFormat.jsonl,
                      (text_key, id_key, date_key))
    except Fatal as exc:
        _fail(exc.message, exc.code)
    raise typer.Exit(code)


@app.command(epilog="""[bold]Examples[/]

  strikex schema > strikex.schema.json

  strikex schema | jq '.properties | keys'
""")
def schema() -> None:
    """Print the JSON Schema that every record strikex writes conforms to."""
    from .output import dumps
    from .record_schema import schema as load_schema

    sys.stdout.write(dumps(load_schema(), pretty=True) + "\n")


