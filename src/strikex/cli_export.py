"""``strikex export`` (the records ``strikex extract`` wrote, as CSV tables), on the app of ``cli_app.py``."""
from __future__ import annotations

from typing import List, Optional

import typer

from .cli_app import _err_console, _fail, _paths, app
from .errors import EXIT_OUTPUT


@app.command("export", epilog="""[bold]Examples[/]

  strikex extract articles/ --output records.jsonl; strikex export records.jsonl --output tables/

  strikex extract articles/ --only-relevant | strikex export - -o tables/

  strikex export records.jsonl -o tables/ && sqlite-utils insert disputes.sqlite ballots tables/ballots.csv --csv
""")
def export_command(
    paths: Optional[List[str]] = typer.Argument(None, metavar="[RECORDS]...", show_default=False,
                                                help="Files of records that `strikex extract` wrote (JSON Lines, .gz "
                                                     "read through; or its --format json), or - for standard input. "
                                                     "None given: standard input, when it is not a terminal."),
    output: str = typer.Option(..., "--output", "-o", metavar="DIR",
                               help="The folder to write the tables into (made if missing; tables of the same names "
                                    "there are replaced, all together at the end)."),
) -> None:
    """Write records as CSV tables for spreadsheets and SQL: one table per fact.

    articles.csv (a row per record, errors included), people.csv, ballots.csv (figures as numbers, the legal check), strike_days.csv (a row per strike day) and disputes.csv, each row keyed by article (the record's 1-based number in input order) and source; lists joined with "; ", unknown values empty, UTF-8, lines ending in LF. Records are read one at a time; the tables appear together when all is written, or not at all. The same tables as `strikex extract --format csv --output DIR`. Exit codes: 0 written, 2 an input is missing or not strikex records (nothing written), 4 the folder cannot be written (checked before reading), 130/143 interrupted (nothing written).
    """
    from .apply import Fatal
    from .collect import export_records
    from .outfile import OutputPathError

    try:
        code = export_records(_paths(paths), output, _err_console())
    except Fatal as exc:
        _fail(exc.message, exc.code)
    except OutputPathError as exc:
        _fail(str(exc), EXIT_OUTPUT)
    raise typer.Exit(code)
