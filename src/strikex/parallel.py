"""Several worker processes, each with its own pipeline, for large batches (``--workers N``).

Why not spaCy's ``nlp.pipe(n_process=N)``: it parallelises only the statistical components and sends
every Doc back to the parent, where strikex's rule components and the record building would then run
on one core, and the triage gate would have to run before it. Here each worker runs the whole path
(triage → pipeline → rules → record) on a chunk of articles and sends back plain record dicts, which
are small. Chunks go out in order, at most ``2 × workers`` at a time, and records come back in input
order: memory stays flat however long the input stream is.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Iterable, Iterator

CHUNK = 32   # articles per task: large enough to amortise the hand-over, small enough to keep order cheap

_settings: dict[str, Any] = {}


def _start_worker(model: str, batch_size: int, triage: bool, max_chars: int | None, timeout: float | None) -> None:
    """Runs once in each worker: load the pipeline before the first chunk arrives. Ctrl-C is the parent's
    to handle: it stops handing out chunks and says how far the batch got."""
    import signal

    from .api import load

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _settings.update(model=model, batch_size=batch_size, triage=triage, max_chars=max_chars, timeout=timeout)
    load(model)


def _extract_chunk(items: list[tuple]) -> list[dict[str, Any]]:
    from .api import extract_items

    return list(extract_items(items, model=_settings["model"], batch_size=_settings["batch_size"],
                              triage=_settings["triage"], max_chars=_settings["max_chars"],
                              timeout=_settings["timeout"]))


def extract_parallel(items: Iterable[tuple], model: str, batch_size: int, triage: bool,
                     workers: int, max_chars: int | None = None, timeout: float | None = None) -> Iterator[dict[str, Any]]:
    items = iter(items)
    in_flight: deque[Future] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(model, batch_size, triage, max_chars, timeout))
    try:
        while True:
            while len(in_flight) < 2 * workers and (chunk := list(islice(items, CHUNK))):
                in_flight.append(pool.submit(_extract_chunk, chunk))
            if not in_flight:
                return
            try:
                records = in_flight.popleft().result()
            except BrokenProcessPool:
                _explain_broken_pool(model)
            yield from records
    finally:  # done, interrupted, or the consumer stopped reading: no chunk is started after this
        pool.shutdown(wait=False, cancel_futures=True)


def _explain_broken_pool(model: str) -> None:
    """A worker died: most often because the pipeline could not be loaded there. Say which."""
    from .pipeline import ModelNotFound, _load_base

    try:
        _load_base(model)
    except ModelNotFound:
        raise
    raise RuntimeError("a worker process died (out of memory?); rerun with fewer --workers") from None
