"""The Python API: text in, record dict out."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Iterator

from .pipeline import DEFAULT_MODEL

# An article's text and what is known about it: (text, reference date or None, source name or None[, warnings[, error]])
Item = tuple


def load(model: str = DEFAULT_MODEL):
    """The strikex spaCy pipeline (cached: loaded once per process)."""
    from .pipeline import load as _load

    return _load(model)


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A reference date from ``YYYY-MM-DD``, a date or a datetime (its day)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    from .errors import DateError

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DateError(f"the reference date (--date) must be YYYY-MM-DD, got {value!r}") from None


def extract(text: str, reference_date: str | dt.date | None = None, source: str | None = None,
            model: str = DEFAULT_MODEL, triage: bool = True) -> dict[str, Any]:
    """Extract one article. ``reference_date`` is used only when the text states no publication date.
    With ``triage`` (the default) an article with no dispute vocabulary gives ``relevant: false`` and
    empty lists, without running the statistical pipeline."""
    return next(extract_many([text], reference_date=reference_date, sources=[source], model=model, triage=triage))


def extract_many(texts: Iterable[str], reference_date: str | dt.date | None = None,
                 sources: Iterable[str | None] | None = None, model: str = DEFAULT_MODEL,
                 batch_size: int = 16, triage: bool = True, workers: int = 1) -> Iterator[dict[str, Any]]:
    """Extract many articles, streaming records in input order (the pipeline is loaded once per process).

    This is also the entry point for one partition of a distributed run (Dask ``map_partitions``, Spark
    ``mapPartitions``): each worker process loads the pipeline once, on its first partition."""
    ref = parse_date(reference_date)
    sources = iter(sources) if sources is not None else None
    items = ((t, ref, next(sources, None) if sources else None) for t in texts)
    yield from extract_items(items, model=model, batch_size=batch_size, triage=triage, workers=workers)


def extract_items(items: Iterable[Item], model: str = DEFAULT_MODEL, batch_size: int = 16, triage: bool = True,
                  workers: int = 1, max_chars: int | None = None,
                  timeout: float | None = None) -> Iterator[dict[str, Any]]:
    """One record per item, in input order. An item is ``(text, reference_date, source[, warnings[, error]])``;
    an item with an error, or a text too long for the pipeline, gives an error record in its place.
    ``workers`` > 1 runs that many processes, each with its own pipeline (see ``parallel.py``). A text longer
    than ``max_chars`` gives an error record: it is never cut short silently; one whose rule components
    run longer than ``timeout`` seconds gives an error record too. HTML in a text is stripped first (see
    ``markup.py``), with a warning; the record's offsets still point into the text as given."""
    if workers > 1:
        from .parallel import extract_parallel

        yield from extract_parallel(items, model=model, batch_size=batch_size, triage=triage, workers=workers,
                                    max_chars=max_chars, timeout=timeout)
        return
    from collections import deque

    from . import markup
    from .assemble import to_record
    from .pipeline import run
    from .records import error_record

    nlp = load(model)
    pending: deque = deque()  # (source, error or None, Markup or None) of the items handed on or refused

    def accepted():
        for text, ref, source, *rest in items:
            warnings = rest[0] if rest else []
            error = rest[1] if len(rest) > 1 else None
            if error is None and text is None:
                error = f"{source}: no text"
            if error is None and max_chars is not None and len(text) > max_chars:
                error = f"{source}: article too long ({len(text):,} characters; --max-chars is {max_chars:,})"
            if error is None and len(text) > nlp.max_length:
                error = f"{source}: article too long ({len(text):,} characters; the limit is {nlp.max_length:,})"
            if error is None and not text.strip():
                warnings = [*warnings, "the input is empty (or only white space): nothing to extract"]
            found = markup.strip(text) if error is None and markup.has_markup(text) else None
            pending.append((source, error, found))
            if found is not None:
                text, warnings = found.text, [*warnings, found.warning()]
            if error is None:
                yield (text, ref, source, warnings)

    for doc in run(nlp, accepted(), batch_size=batch_size, triage=triage, timeout=timeout):
        while pending[0][1] is not None:
            yield error_record(*pending.popleft()[:2])
        found = pending.popleft()[2]
        if doc._.failure:
            yield error_record(doc._.source, doc._.failure)
            continue
        try:
            record = to_record(doc).to_dict()
            yield markup.remap(record, found) if found is not None else record
        except Exception as exc:  # never a half-built record: an error record in its place
            yield error_record(doc._.source, f"internal error building the record: {type(exc).__name__}: {exc}")
    while pending:
        yield error_record(*pending.popleft()[:2])
