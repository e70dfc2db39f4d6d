"""Writing: records as one JSON object, a JSON array, JSON Lines or tables on a stream; ``--output FILE``
through ``FILE.partial``, and reading that file back for ``--resume``; timeline rows in their formats.
"""
from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import IO, Any, Callable, Iterable

from .errors import InputError


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"      # a folder of tables (export.py), with --output DIR


class TimelineFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    html = "html"


class OutputFailed(Exception):
    """Writing a record failed (disk full, a closed file): fatal, with its own exit code."""


def dumps(record: dict[str, Any], pretty: bool = False) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2 if pretty else None)


def write_record(stream: IO[str], record: dict[str, Any], pretty: bool = False) -> None:
    stream.write(dumps(record, pretty) + "\n")
    stream.flush()


class PartialOutput:
    """``--output FILE``: records go to ``FILE.partial`` as they come (flushed per record) and the file is
    renamed to ``FILE`` only when the batch is complete, so an interrupted run never leaves a file that
    looks complete. ``keep`` lines (from ``--resume``) are written first."""

    def __init__(self, path: Path, keep: Iterable[str] = ()):
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self.stream = self.partial.open("w", encoding="utf-8", newline="\n")
        for line in keep:
            self.stream.write(line if line.endswith("\n") else line + "\n")

    def commit(self) -> None:
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        self.stream.flush()
        self.stream.close()


def done_sources(path: Path) -> tuple[set[str], list[str], list[dict[str, Any]]]:
    """``--resume``: the sources already extracted in ``FILE.partial`` (an interrupted run) or ``FILE``, their
    lines, and the provenances of the records there. Error records are not kept: those inputs are tried
    again. Only a last line cut short by the interruption may be broken; any other line that is not a record
    ``strikex extract`` wrote raises InputError: this is not a file to add records to."""
    from .recordio import is_record

    partial = path.with_name(path.name + ".partial")
    source = partial if partial.exists() else path
    if not source.exists():
        return set(), [], []
    done, keep, provenances = set(), [], []
    with source.open(encoding="utf-8", errors="replace") as fh:
        lines = fh.readlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            if number == len(lines) and not line.endswith("\n"):
                continue  # the line the interruption cut short
            raise InputError(f"{source}:{number}: not JSON Lines records of strikex extract; "
                             f"--resume adds only to such a file") from None
        if not is_record(record):
            raise InputError(f"{source}:{number}: not a strikex record; --resume adds only to a file of them")
        if record.get("provenance") not in provenances:
            provenances.append(record.get("provenance"))
        if "error" not in record:
            done.add(record["source"])
            keep.append(line)
    return done, keep, provenances


def resume_from(output: str | None, resume: bool, fmt: Format, stamp: dict[str, Any], err) -> tuple[set[str], list[str]]:
    """The sources already done and their lines, for ``--resume``. Without it, an existing ``FILE.partial`` is
    refused rather than emptied: it holds the finished work of an interrupted run. With it, a file that is not
    strikex records, or holds records of another provenance (strikex or model version, rule data, options),
    is refused: one file never mixes records made differently. A refusal raises InputError (exit status 2)."""
    if output is None:
        if resume:
            raise InputError("--resume needs --output FILE and JSON Lines output (--format jsonl)")
        return set(), []
    partial = Path(output + ".partial")
    if not resume:
        if partial.exists():
            raise InputError(f"{partial} holds the records of an interrupted run: add --resume to go on from it, "
                             f"or remove it to start again")
        return set(), []
    if fmt != Format.jsonl:
        raise InputError("--resume needs --output FILE and JSON Lines output (--format jsonl)")
    done, keep, provenances = done_sources(Path(output))
    other = [p for p in provenances if p != stamp]
    if other:
        differ = sorted(_differences(other[0], stamp))
        raise InputError(f"--resume: {partial if partial.exists() else output} holds records made differently "
                         f"({', '.join(f'{k} {_at(other[0], k)!r}' for k in differ)}; now "
                         f"{', '.join(f'{k} {_at(stamp, k)!r}' for k in differ)}): rerun with the same options, "
                         f"or write to another --output")
    err.print(f"strikex: resuming: {len(done)} inputs already done in {output}", markup=False)
    return done, keep


def _at(provenance: dict[str, Any] | None, key: str) -> Any:
    value: Any = provenance
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _differences(old: dict[str, Any] | None, new: dict[str, Any]) -> set[str]:
    """The keys (``options.date``) in which two provenances differ; ``provenance`` when one has none."""
    if not isinstance(old, dict):
        return {"provenance"}
    keys = {k for k in new if k != "options"} | {f"options.{k}" for k in new["options"]}
    return {k for k in keys if _at(old, k) != _at(new, k)}


def open_output(fmt: Format, single: bool, output: str | None, keep: Iterable[str] = ()):
    """(target, (write(record), close())): where the records go. ``--format csv``: ``export.Tables`` in the
    folder ``output`` (checked first: OutputPathError); else ``PartialOutput`` for ``--output FILE`` (OSError
    when it cannot be opened), or None for stdout. ``target`` has ``commit()`` and ``abandon()``."""
    import sys

    if fmt == Format.csv:
        from .export import Tables

        tables = Tables(output or "")
        return tables, _guarded(tables.write, lambda: None)
    target = PartialOutput(Path(output), keep) if output else None
    return target, record_writer(fmt, single, target.stream if target else sys.stdout)


def record_writer(fmt: Format, single: bool, out: IO[str]) -> tuple[Callable[[dict[str, Any]], None], Callable[[], None]]:
    """(write(record), close()) for the chosen format: ``single`` JSON is one pretty object, else an array
    written as the records come. An OS error while writing (but a broken pipe) raises OutputFailed."""
    if fmt == Format.table:
        from rich.console import Console

        from .render import render, render_overview

        console = Console(file=out)
        if single:
            return _guarded(lambda record: render(record, console), out.flush)
        rows: list[dict[str, Any]] = []   # the overview table is drawn when all its rows are known
        return _guarded(rows.append, lambda: (render_overview(rows, console), out.flush()))
    if fmt == Format.jsonl:
        return _guarded(lambda record: write_record(out, record), out.flush)
    if single:
        return _guarded(lambda record: out.write(dumps(record, pretty=True) + "\n"), out.flush)
    count = 0

    def write_item(record):
        nonlocal count
        out.write(("[\n" if count == 0 else ",\n") + dumps(record))
        count += 1

    def close_array():
        out.write("[]\n" if count == 0 else "\n]\n")
        out.flush()

    return _guarded(write_item, close_array)


def _guarded(write, close):
    def guard(fn):
        def run(*args):
            try:
                return fn(*args)
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise OutputFailed(exc.strerror or str(exc)) from None
        return run
    return guard(write), guard(close)


def write_timeline(rows: list[dict[str, Any]], fmt: TimelineFormat, out: IO[str]) -> None:
    """``strikex timeline``'s rows as JSON Lines, CSV, rich tables or one HTML page."""
    if fmt == TimelineFormat.jsonl:
        for row in rows:
            out.write(dumps(row) + "\n")
    elif fmt == TimelineFormat.csv:
        from .export import write_csv

        write_csv(rows, out)   # numeric ballot columns, lines ending in LF
    elif fmt == TimelineFormat.html:
        from .timeline_html import page

        out.write(page(rows))
    else:
        from rich.console import Console

        from .render import render_timeline

        render_timeline(rows, Console(file=out))
