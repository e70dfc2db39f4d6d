"""The Python API: text in, record dict out (typed: see ``strikex.types``).

``extract`` raises on an input it cannot use (``InputError``: bytes that are not UTF-8, a text that is not
``str``/``bytes``; ``DateError``: a reference date that is not YYYY-MM-DD; ``ExtractionError``: an article the
pipeline refused, e.g. too long). ``extract_many`` is a batch: a bad shared ``reference_date`` raises at
once, but a bad article (or its own date) gives an ``ErrorRecord`` in its place and the batch goes on.
"""
from __future__ import annotations

import datetime as dt
from itertools import repeat
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Union, cast

from .errors import DEFAULT_MODEL, DateError, InputError, StrikexError
from .items import ArticleItem, parse_date

if TYPE_CHECKING:
    from spacy.language import Language

    from .types import ErrorRecord, Record

DateLike = Union[str, dt.date, None]
Text = Union[str, bytes]


class ExtractionError(StrikexError):
    """``extract``: the article was read but could not be turned into a record (too long for the pipeline,
    a rule timed out, an internal error); ``extract_many`` gives an error record in its place instead."""


def load(model: str = DEFAULT_MODEL) -> Language:
    """The strikex spaCy pipeline (cached: built once per process, and again when a long batch renews it:
    renewal.py)."""
    from .pipeline import load as _load

    return _load(model)


def as_text(text: object) -> str:
    """The article text: a ``str`` as it is, ``bytes`` decoded as UTF-8 (a BOM is dropped); anything else, or
    bytes that are not UTF-8, raises ``InputError``."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        try:
            return bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"the text is bytes but not UTF-8 (byte {text[exc.start]:#04x} at position "
                             f"{exc.start}); decode it first, e.g. data.decode('cp1252')") from None
    raise InputError(f"the text must be str or bytes, got {type(text).__name__}")


def extract(text: Text, reference_date: DateLike = None, source: str | None = None,
            model: str = DEFAULT_MODEL, triage: bool = True) -> Record:
    """Extract one article. ``reference_date`` is used only when the text states no publication date.
    With ``triage`` (the default) an article with no dispute vocabulary gives ``relevant: false`` and
    empty lists, without running the statistical pipeline. Raises ``InputError``, ``DateError`` or
    ``ExtractionError`` (all ``StrikexError``) instead of returning an error record."""
    item = ArticleItem(as_text(text), parse_date(reference_date), source)
    record = next(_extract_items([item], model=model, batch_size=1, triage=triage))
    if "error" in record:
        message = cast("ErrorRecord", record)["error"]
        raise ExtractionError(message.removeprefix(f"{source}: "))
    return cast("Record", record)


def extract_many(texts: Iterable[Text | ArticleItem], reference_date: DateLike = None,
                 sources: Iterable[str | None] | None = None, model: str = DEFAULT_MODEL,
                 batch_size: int = 16, triage: bool = True, workers: int = 1,
                 reference_dates: Iterable[DateLike] | None = None) -> Iterator[Record | ErrorRecord]:
    """Extract many articles, streaming records in input order (the pipeline is built once per process and
    renewed along a long batch: renewal.py).

    Each article's reference date is its entry in ``reference_dates`` (an iterable as long as ``texts``;
    ``None`` entries fall back to ``reference_date``), else ``reference_date``. ``texts`` may also hold
    ``ArticleItem``s, which carry their own source and date. A bad ``reference_date`` raises ``DateError``
    here, before anything runs; an article that cannot be read or extracted (bytes that are not UTF-8, not a
    text, a bad date of its own, too long) gives an ``ErrorRecord`` in its place.

    This is also the entry point for one partition of a distributed run (Dask ``map_partitions``, Spark
    ``mapPartitions``): each worker process loads the pipeline once, on its first partition."""
    shared = parse_date(reference_date)
    names: Iterator[str | None] = iter(sources) if sources is not None else repeat(None)
    dates: Iterator[DateLike] = iter(reference_dates) if reference_dates is not None else repeat(None)

    def items() -> Iterator[ArticleItem]:
        for text in texts:
            source, date = next(names, None), next(dates, None)
            if isinstance(text, ArticleItem):
                yield text
                continue
            try:
                yield ArticleItem(as_text(text), shared if date is None else parse_date(date), source)
            except (InputError, DateError) as exc:
                yield ArticleItem(None, None, source, error=f"{source}: {exc}")

    records = _extract_items(items(), model=model, batch_size=batch_size, triage=triage, workers=workers)
    return cast("Iterator[Union[Record, ErrorRecord]]", records)


def extract_items(items: Iterable[ArticleItem], model: str = DEFAULT_MODEL, batch_size: int = 16,
                  triage: bool = True, workers: int = 1, max_chars: int | None = None,
                  timeout: float | None = None) -> Iterator[Record | ErrorRecord]:
    """One record per item (``io.article_item`` builds them), in input order; an item that cannot be
    extracted gives an error record in its place (see ``batch.extract_items``, which also says what
    ``max_chars`` and ``timeout`` do). ``workers`` > 1 runs that many processes, each with its own pipeline."""
    records = _extract_items(items, model, batch_size, triage, workers, max_chars, timeout)
    return cast("Iterator[Union[Record, ErrorRecord]]", records)


def _extract_items(items: Iterable[ArticleItem], model: str = DEFAULT_MODEL, batch_size: int = 16,
                   triage: bool = True, workers: int = 1, max_chars: int | None = None,
                   timeout: float | None = None) -> Iterator[dict[str, Any]]:
    from . import batch

    settings: dict[str, Any] = dict(model=model, batch_size=batch_size, triage=triage, max_chars=max_chars, timeout=timeout)
    if workers <= 1:
        yield from batch.extract_items(items, **settings)
        return
    from concurrent.futures.process import BrokenProcessPool
    from functools import partial

    from .parallel import ordered_map

    try:
        yield from ordered_map(partial(batch.extract_chunk, **settings), items, workers,
                               initializer=batch.warm, initargs=(model,))
    except BrokenProcessPool:
        _explain_dead_worker(model)


def _explain_dead_worker(model: str) -> None:
    """A worker died: most often because the pipeline could not be loaded there. Say which."""
    from .pipeline import load_base

    load_base(model)  # raises ModelNotFound when that is why
    raise RuntimeError("a worker process died (out of memory?); rerun with fewer --workers") from None
