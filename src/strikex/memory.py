"""What a long run asks of the process's memory managers: Python's cyclic garbage collector and the C allocator.

- ``collector_paused``: no cyclic collection while a pipeline is built (``pipeline.load``, the triage gate).
  Loading spaCy, a pipeline and strikex's matchers makes objects that live as long as the process (the
  collector tracks ~110 thousand after a build, besides the model's arrays); collections while they are
  made rescanned them again and again: 0.2-0.26 s of a one-file cold start, against 0.09-0.13 s for bare spaCy.
- ``rebuilding``: around a renewed pipeline's build (``renewal.py``), the old one collected first.
- ``own_process``: for a process strikex owns (the command line, a worker), two settings for the whole run.
  1. Collect garbage ~140 times less often from its start until its first pipeline is built
     (``quiet_start``); then freeze what exists out of every later collection (``end_quiet_start``:
     ``gc.freeze``, so those scan only what the articles make) and put the thresholds back. A command that
     builds no pipeline keeps the higher threshold: it still collects, less often.
  2. Fix glibc's mmap threshold at 4 MiB (``mallopt``; elsewhere nothing). Left to itself glibc starts at
     128 KiB and raises the threshold each time a large block is freed, up to 32 MiB, after which the
     model's arrays for each batch come from a heap that only grows: over 20,000 articles the command
     line's resident size crept up ~1 KiB an article. Fixed at 128 KiB (until 2026-11-30) the size stayed
     flat, but every array over 128 KiB was mapped and unmapped on each use, and each of its pages faulted
     in afresh: ~510 page faults an article, ~1.6 ms of kernel time (13 % of the CPU a mixed archive
     costs). The model's arrays are now bounded by its parts (``pretrained.py``), and almost all are under
     4 MiB: at that threshold they come from the heap and are reused. Over 2,000 mixed articles the
     articles' page faults went from ~510 an article to 35-60 (the start alone takes ~44 thousand), and the
     whole process's kernel time from 3.7-4.1 s to 0.4-0.8 s. glibc's trim threshold is left at 128 KiB:
     raised too (8 MiB, as glibc's own rule would), faults fell further, to ~10 an article, but the heap
     kept more and the peak over 20,000 articles rose to 1.06 times the peak over 2,000.
     ``MALLOC_MMAP_THRESHOLD_`` does the same; a threshold the user set (that variable, or
     ``GLIBC_TUNABLES``) wins.
"""
from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from typing import Iterator

_SAVED: list[tuple[int, int, int]] = []   # the collector's thresholds while quiet_start holds (at most one)
_QUIET_STARTED = [False]                  # quiet_start runs once per process
_FROZE = [False]                          # end_quiet_start froze the objects of the first build


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the duration, then as it was."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def quiet_start(threshold: int = 100_000) -> None:
    """Collect every ``threshold`` new objects (not 700) until ``end_quiet_start``; once per process."""
    if not _QUIET_STARTED[0]:
        _QUIET_STARTED[0] = True
        _SAVED.append(gc.get_threshold())
        gc.set_threshold(threshold, 50, 50)


def end_quiet_start() -> None:
    """After ``quiet_start`` (else nothing): freeze what exists, which lives as long as the process, and put the
    thresholds back."""
    if _SAVED:
        gc.freeze()
        _FROZE[0] = True
        gc.set_threshold(*_SAVED.pop())


@contextmanager
def rebuilding() -> Iterator[None]:
    """Around building a pipeline in place of one let go (``renewal.py``): first a full collection (the old
    pipeline sits in reference cycles, which only the collector frees), so that it is gone before the new one
    is built. Where ``end_quiet_start`` froze the first build (the command line, a worker), the collection
    lets the frozen objects back in first (frozen, the old pipeline is never collected), and they are frozen
    again after the build. A freeze of the host program's own is left alone."""
    frozen = _FROZE[0] and gc.get_freeze_count() > 0
    if frozen:
        gc.unfreeze()
    gc.collect()
    try:
        yield
    finally:
        if frozen:
            gc.freeze()


M_MMAP_THRESHOLD = -3           # glibc's mallopt parameter number
MMAP_THRESHOLD = 4 * 1024 * 1024


def own_process(first_pipeline: bool = True) -> None:
    """The settings for a process strikex owns (see the module docstring). ``first_pipeline``: its first
    pipeline is still to be built (a worker forked from a process that has one inherits it, and ``load`` would
    not run again to end the quiet start)."""
    if first_pipeline:
        quiet_start()
    libc = _libc()
    if libc is not None and not _user_mmap_setting():
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)


def _user_mmap_setting() -> bool:
    """Whether the user set glibc's mmap threshold themselves (that wins)."""
    return "MALLOC_MMAP_THRESHOLD_" in os.environ or "mmap_threshold" in os.environ.get("GLIBC_TUNABLES", "")


def _libc():
    """glibc, already in the process (no library search), on Linux; None elsewhere or without mallopt."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") else None
