"""Reading records back: what ``strikex extract`` wrote (JSON Lines, a JSON array, one pretty object), for
``strikex timeline`` and ``--resume``. Anything else is refused with one line. No spaCy here.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any, Iterator

from .errors import InputError
from .io import decode
from .records import LIST_KEYS


def is_record(value: Any) -> bool:
    """What ``strikex extract`` writes: an object with ``schema_version`` and ``source`` and either an
    ``error`` or every list of a record (``unions``, ``strikes``, …)."""
    return (isinstance(value, dict) and "schema_version" in value and "source" in value
            and ("error" in value or all(isinstance(value.get(k), list) for k in LIST_KEYS)))


def parse_records(text: str, source: str) -> list[dict[str, Any]]:
    """The records in what ``strikex extract`` wrote, in any of its formats: JSON Lines, a JSON array, or one
    (pretty) JSON object. Anything else raises InputError with one line naming the first bad place."""
    what = "not strikex records (the JSON Lines `strikex extract` writes)"
    stripped = text.strip()
    if not stripped:
        return []
    whole = None
    if stripped[0] in "[{":
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError:
            whole = None
    if isinstance(whole, (list, dict)):
        rows = whole if isinstance(whole, list) else [whole]
        for n, row in enumerate(rows, 1):
            if not is_record(row):
                raise InputError(f"{source}: {what}: item {n} is not a record")
        return rows
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise InputError(f"{source}:{number}: {what}: not JSON") from None
        if not is_record(row):
            raise InputError(f"{source}:{number}: {what}: a JSON value that is not a record")
        records.append(row)
    return records


def read_records(path: Path, source: str) -> list[dict[str, Any]]:
    """``parse_records`` of a file; a file that cannot be read or decoded raises InputError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    text, _ = decode(data, source)
    return parse_records(text, source)


def iter_records(data: IO[bytes], source: str, head: bytes = b"") -> Iterator[dict[str, Any]]:
    """The records in ``head`` + ``data`` (a binary stream), as ``parse_records`` finds them, but JSON Lines is
    read a line at a time (memory stays flat however many records there are); a JSON array or one pretty
    object (the first line alone is not an object) is read whole. Anything else raises InputError at the first
    bad place, when the reader gets there."""
    what = "not strikex records (the JSON Lines `strikex extract` writes)"
    number, line = 1, head or data.readline()
    while line and not line.strip():
        number, line = number + 1, data.readline()
    if not line:
        return
    try:
        first = json.loads(line)
    except ValueError:
        first = None
    if not isinstance(first, dict):   # a JSON array, a pretty object, or not records at all
        text, _ = decode(b"\n" * (number - 1) + line + data.read(), source)
        yield from parse_records(text, source)
        return
    while line:
        if line.strip():
            try:
                row = json.loads(line)
            except ValueError:
                raise InputError(f"{source}:{number}: {what}: not JSON") from None
            if not is_record(row):
                raise InputError(f"{source}:{number}: {what}: a JSON value that is not a record")
            yield row
        number, line = number + 1, data.readline()


def stream_records(path: Path, source: str) -> Iterator[dict[str, Any]]:
    """``iter_records`` of a file (``.gz`` read through), opened when the first record is asked for; a file that
    cannot be read raises InputError."""
    import gzip

    try:
        with (gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")) as data:
            yield from iter_records(data, source)
    except (OSError, EOFError) as exc:
        raise InputError(f"{source}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None


def looks_like_json(text: str) -> bool:
    """Text on stdin that is JSON (its first line, or the whole) rather than an article."""
    stripped = text.lstrip()
    for candidate in ((stripped.splitlines() or [""])[0], stripped) if stripped[:1] in ("{", "[") else ():
        try:
            json.loads(candidate)
            return True
        except json.JSONDecodeError:
            pass
    return False
