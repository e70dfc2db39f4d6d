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

Workers never outlive the parent, however it ends. When the consumer stops early (a broken pipe, Ctrl-C,
SIGTERM, an exception) the ``finally`` below stops the workers at once rather than letting them finish
their chunks. When the parent is killed outright (``kill -9``, the OOM killer) it runs no code at all, so
each worker watches for itself: on Linux the kernel sends it SIGKILL when the parent dies
(``prctl(PR_SET_PDEATHSIG)``), and everywhere a watchdog thread ends it once its parent is gone. Workers
ignore Ctrl-C (the parent handles it and stops them) and die on SIGTERM (a handler inherited from the
parent would otherwise turn SIGTERM into an exception that the pool catches and reports, and the worker
would go on).
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, TypeVar

# Items per task. A worker runs its task's articles through the pipeline 64 at a time (pipeline.run), and the
# model takes the ones the triage gate lets through as one batch: in a mixed archive (1 dispute report in 20)
# tasks of 32 gave batches of one or two reports, and a batch of one costs ~35% more a report. On 6,000 such
# articles two workers spent 80.5-81.2 s of CPU with tasks of 32 and 70.0-75.8 s with 128 (one process:
# 71.2-76.5 s). 2 x workers tasks are in flight: 512 items for 2 workers.
CHUNK = 128

T = TypeVar("T")
R = TypeVar("R")


WATCH_EVERY = 0.5   # seconds between a worker's checks that its parent is alive


def _die_with_parent(parent: int) -> None:
    """End this process when ``parent`` ends: the kernel's parent-death signal on Linux, and a watchdog
    thread everywhere (also where the pool's processes are not the parent's children, e.g. forkserver)."""
    if sys.platform.startswith("linux") and os.getppid() == parent:
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before the signal was asked for
            os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCH_EVERY)
            try:
                os.kill(parent, 0)
                alive = os.getppid() != 1 or parent == 1
            except ProcessLookupError:
                alive = False
            except PermissionError:  # a process of another user took its pid: ours is gone
                alive = False
            if not alive:
                os._exit(1)

    threading.Thread(target=watch, name="strikex-parent-watchdog", daemon=True).start()


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple) -> None:
    """Runs once in each worker. Ctrl-C is the parent's to handle: it stops handing out chunks, stops the
    workers and says how far the batch got. SIGTERM ends the worker; so does the parent's death."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    _die_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def _stop(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Shut the pool down; when the work was not finished (the consumer stopped early), kill the workers
    rather than wait for their chunks, and reap them so that none is left behind."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    if finished:
        pool.shutdown(wait=True)
        return
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.kill()
        except (OSError, ValueError, AttributeError):
            pass
    for process in processes:
        try:
            process.join(timeout=5)
        except (OSError, ValueError, AssertionError):
            pass


def ordered_map(work: Callable[[list[T]], list[R]], items: Iterable[T], workers: int,
                initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
                chunk: int | None = None) -> Iterator[R]:
    """``work`` (a picklable function: list of items → list of results) applied to chunks of ``items`` in
    ``workers`` processes, each started with ``initializer(*initargs)``; the results one by one, in input order.
    ``chunk``: items per task (``CHUNK``, read at the call)."""
    chunk = chunk or CHUNK
    items = iter(items)
    in_flight: deque[Future] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                               initargs=(os.getpid(), initializer, initargs))
    finished = False
    try:
        while True:
            while len(in_flight) < 2 * workers and (part := list(islice(items, chunk))):
                in_flight.append(pool.submit(work, part))
            if not in_flight:
                finished = True
                return
            yield from in_flight.popleft().result()
    finally:  # done, interrupted, or the consumer stopped reading: no chunk is started after this
        _stop(pool, finished)
