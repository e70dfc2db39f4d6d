"""The Python API: text in, record dict out."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Iterator

from .errors import DEFAULT_MODEL
from .items import ArticleItem, parse_date


def load(model: str = DEFAULT_MODEL):
    """The strikex spaCy pipeline (cached: loaded once per process)."""
    from .pipeline import load as _load

    return _load(model)


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
    from .io import Article, article_item

    ref = parse_date(reference_date)
    sources = iter(sources) if sources is not None else None
    items = (article_item(Article(next(sources, None) if sources else None, text=t), ref) for t in texts)
    yield from extract_items(items, model=model, batch_size=batch_size, triage=triage, workers=workers)


def extract_items(items: Iterable[ArticleItem], model: str = DEFAULT_MODEL, batch_size: int = 16,
                  triage: bool = True, workers: int = 1, max_chars: int | None = None,
                  timeout: float | None = None) -> Iterator[dict[str, Any]]:
    """One record per item (``io.article_item`` builds them), in input order; an item that cannot be
    extracted gives an error record in its place (see ``batch.extract_items``, which also says what
    ``max_chars`` and ``timeout`` do). ``workers`` > 1 runs that many processes, each with its own pipeline."""
    from . import batch

    settings = dict(model=model, batch_size=batch_size, triage=triage, max_chars=max_chars, timeout=timeout)
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
