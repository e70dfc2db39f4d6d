"""Time limits: one article's rule components (``--timeout-per-doc``) and one dateparser call.

A limit is a ``SIGALRM`` timer (``signal.setitimer``), so it is enforced only in a process's main thread
on a POSIX system: the CLI, ``--workers`` processes, Dask's processes scheduler. Elsewhere (a thread of
Dask's threaded scheduler, Windows) ``time_limit`` runs the work without a limit. Limits nest: the timer
is armed for the nearest deadline, and the exception names the limit that ran out. Code compiled to C
(spaCy's Matcher, a regular expression) is interrupted when it next hands control back to Python; the
standard ``re`` engine does so while it backtracks.

``TimeLimitExceeded`` is a ``BaseException``, as ``KeyboardInterrupt`` is, so that a broad
``except Exception`` in a library (dateparser has many) cannot swallow it.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator


@dataclass(eq=False)
class Limit:
    seconds: float
    what: str
    deadline: float = 0.0
    expired: bool = False      # set when the limit ran out (a suppressed limit is read after the block)


class TimeLimitExceeded(BaseException):
    def __init__(self, limit: Limit):
        self.limit = limit
        super().__init__(f"{limit.what} took longer than {limit.seconds:g} s")


_active: list[Limit] = []
_previous_handler = None


def enforced() -> bool:
    """Whether a limit can be enforced here (a POSIX main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _arm() -> None:
    if _active:
        remaining = min(limit.deadline for limit in _active) - time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001))
    else:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _on_alarm(signum, frame) -> None:
    now = time.monotonic()
    due = [limit for limit in _active if limit.deadline <= now + 0.001]
    if not due:  # a timer set for a limit that has since ended
        _arm()
        return
    limit = due[0]  # the outermost limit that ran out: its whole budget is spent
    limit.expired = True
    raise TimeLimitExceeded(limit)


@contextmanager
def time_limit(seconds: float | None, what: str, suppress: bool = False) -> Iterator[Limit]:
    """Run the block with at most ``seconds`` of wall time (None or 0: no limit). When the time runs out
    the block is interrupted with ``TimeLimitExceeded``; with ``suppress`` this limit's own exception
    ends the block quietly and ``limit.expired`` tells the caller."""
    global _previous_handler
    limit = Limit(seconds or 0.0, what)
    if not seconds or seconds <= 0 or not enforced():
        yield limit
        return
    if not _active:
        _previous_handler = signal.signal(signal.SIGALRM, _on_alarm)
    limit.deadline = time.monotonic() + seconds
    try:
        _active.append(limit)
        _arm()
        yield limit
    except TimeLimitExceeded as exc:
        if not (suppress and exc.limit is limit):
            raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if limit in _active:
            _active.remove(limit)
        _arm()
        if not _active:
            _restore()


def reset() -> None:
    """No limit in force: for the caller of the outermost limit, after catching its exception. A timer that
    fires in the instant a block ends can interrupt the clean-up of its ``finally``; this finishes it."""
    if enforced():
        signal.setitimer(signal.ITIMER_REAL, 0)
    _active.clear()
    _restore()


def _restore() -> None:
    global _previous_handler
    if _previous_handler is not None and enforced():
        signal.signal(signal.SIGALRM, _previous_handler)
        _previous_handler = None
