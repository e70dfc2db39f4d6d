"""An ordered map over a process pool, for large batches (``--workers N``): chunks of items go to worker
processes, their results come back in input order.

Why not spaCy's ``nlp.pipe(n_process=N)``: it parallelises only the statistical components and sends
every Doc back to the parent, where strikex's rule components and the record building would then run
on one core, and the triage gate would have to run before it. Here the caller hands over a function
that does the whole path (triage → pipeline → rules → record) on a chunk of articles and returns plain
record dicts, which are small, and an initializer that loads the pipeline in each worker. Chunks go out
in order, at most ``2 × workers`` at a time: memory stays flat however long the input stream is.

Nothing here knows about strikex's pipeline: a worker that dies raises ``BrokenProcessPool`` for the
caller to explain.
"""
from __future__ import annotations

import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, TypeVar

CHUNK = 32   # items per task: large enough to amortise the hand-over, small enough to keep order cheap

T = TypeVar("T")
R = TypeVar("R")


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    """Runs once in each worker. Ctrl-C is the parent's to handle: it stops handing out chunks and says how
    far the batch got."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


def ordered_map(work: Callable[[list[T]], list[R]], items: Iterable[T], workers: int,
                initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
                chunk: int = CHUNK) -> Iterator[R]:
    """``work`` (a picklable function: list of items → list of results) applied to chunks of ``items`` in
    ``workers`` processes, each started with ``initializer(*initargs)``; the results one by one, in input order."""
    items = iter(items)
    in_flight: deque[Future] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(initializer, initargs))
    try:
        while True:
            while len(in_flight) < 2 * workers and (part := list(islice(items, chunk))):
                in_flight.append(pool.submit(work, part))
            if not in_flight:
                return
            yield from in_flight.popleft().result()
    finally:  # done, interrupted, or the consumer stopped reading: no chunk is started after this
        pool.shutdown(wait=False, cancel_futures=True)
