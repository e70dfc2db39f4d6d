"""The serial batch: article items in, one record dict per item out, in input order, in this process.

Each item is checked (no text, too long) and cleaned of HTML before the pipeline sees it; an item that
fails, here or in the pipeline, gives an error record in its place and the batch goes on.
``extract_chunk`` and ``warm`` are what ``api`` hands to ``parallel`` for a run in several processes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import deque
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from . import html, markup
from .assemble import to_record
from .errors import DEFAULT_MODEL
from .items import ArticleItem
from .memory import own_process
from .pipeline import load
from .renewal import renewing
from .records import error_record
from .resources import models_dir

if TYPE_CHECKING:
    from spacy.tokens import Doc


@lru_cache(maxsize=None)
def _fixed_provenance(model: str) -> tuple[str, str | None, str]:
    """(strikex version, the model's version, digest of the rule data): the same for every record of a run."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        own = version("strikex")
    except PackageNotFoundError:
        own = "unknown"
    try:
        from spacy.util import get_package_version, is_package, load_meta

        if is_package(model):
            model_version = get_package_version(model)
        else:
            from pathlib import Path

            meta = Path(model) / "meta.json"
            model_version = load_meta(meta).get("version") if meta.is_file() else None
    except Exception:  # the version is a label: never a reason to fail
        model_version = None
    digest = hashlib.sha256()
    root = models_dir()
    for path in sorted(p for p in root.rglob("*.json*") if p.is_file()):  # the data, not its README
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return own, model_version, digest.hexdigest()[:16]


def provenance(model: str = DEFAULT_MODEL, date: dt.date | None = None, triage: bool = True,
               max_chars: int | None = None, timeout: float | None = None) -> dict[str, Any]:
    """What makes a record what it is, beyond its text: strikex's version, the spaCy pipeline's name and
    version, a digest of the rule data in models/, and the options that change the output (the reference
    date given, triage, max_chars, timeout). Every record carries it; ``--resume`` compares it."""
    own, model_version, rules = _fixed_provenance(model)
    return {"strikex": own, "model": model, "model_version": model_version, "rules": rules,
            "options": {"date": date.isoformat() if date else None, "triage": triage, "max_chars": max_chars,
                        "timeout": timeout}}


def extract_items(items: Iterable[ArticleItem], model: str = DEFAULT_MODEL, batch_size: int = 16,
                  triage: bool = True, max_chars: int | None = None,
                  timeout: float | None = None) -> Iterator[dict[str, Any]]:
    """One record per item, in input order. An item with an error, with no text, or with a text longer than
    ``max_chars`` (never cut short silently) or than the pipeline takes gives an error record in its place;
    so does one whose rule components run longer than ``timeout`` seconds. HTML in a text is stripped first
    (see ``markup.py``), with a warning; the record's offsets still point into the text as given. A web page
    (``item.html``) is read as its main text (``html.py``), which the record keeps under ``text``: its offsets
    point into that."""
    max_length = load(model).max_length   # not the pipeline itself: renewing may replace it (renewal.py)
    # (source, error or None, Markup or None, provenance, page text or None) of the items handed on or refused
    pending: deque = deque()

    def accepted() -> Iterator[ArticleItem]:
        for item in items:
            text, source, warnings, error = item.text, item.source, item.warnings, item.error
            if error is None and text is None:
                error = f"{source}: no text"
            page = None
            if error is None and item.html:
                try:
                    page = html.main_text(text)
                    text, warnings = page.text, (*warnings, *page.warnings)
                except Exception as exc:  # a page the HTML parsers choke on: an error record, the batch goes on
                    error = f"{source}: cannot read the web page ({type(exc).__name__}: {exc})"
            if error is None and max_chars is not None and len(text) > max_chars:
                error = f"{source}: article too long ({len(text):,} characters; --max-chars is {max_chars:,})"
            if error is None and len(text) > max_length:
                error = f"{source}: article too long ({len(text):,} characters; the limit is {max_length:,})"
            if error is None and not text.strip():
                warnings = (*warnings, "the input is empty (or only white space): nothing to extract")
            found = markup.strip(text) if error is None and markup.has_markup(text) else None
            pending.append((source, error, found, provenance(model, item.given_date, triage, max_chars, timeout),
                            page.text if page is not None else None))
            if found is not None:
                text, warnings = found.text, (*warnings, found.warning())
            if error is None:
                yield replace(item, text=text, warnings=warnings)

    # scoped: each chunk in a memory zone and each Doc released once its record is built, the pipeline renewed
    # when it has taken in too many new words (flat memory; pipeline.run, renewal.py)
    for doc in renewing(model, accepted(), batch_size=batch_size, triage=triage, timeout=timeout):
        while pending[0][1] is not None:
            yield _refused(pending.popleft())
        record = _record(doc, pending.popleft())
        del doc   # before the next is asked for: the last Doc would keep a renewed pipeline's vocabulary alive
        yield record
    while pending:
        yield _refused(pending.popleft())


def _record(doc: "Doc", entry: tuple) -> dict[str, Any]:
    """The record of a processed Doc (``entry``: its line of ``extract_items``'s pending), or an error record."""
    _, _, found, given, page_text = entry
    if doc._.failure:
        return error_record(doc._.source, doc._.failure, given)
    try:
        record = to_record(doc).to_dict()
        if page_text is not None:
            record["text"] = page_text
        record = markup.remap(record, found) if found is not None else record
        record["provenance"] = given
        return record
    except Exception as exc:  # never a half-built record: an error record in its place
        return error_record(doc._.source, f"internal error building the record: {type(exc).__name__}: {exc}", given)


def _refused(entry: tuple) -> dict[str, Any]:
    source, error, _, given, _ = entry
    return error_record(source, error, given)


def extract_chunk(items: list[ArticleItem], **settings: Any) -> list[dict[str, Any]]:
    """A chunk of items, all at once: a worker process's task (``settings`` as for ``extract_items``)."""
    return list(extract_items(items, **settings))


def warm(model: str) -> None:
    """Load the pipeline (once per process; renewal.py renews it along a long run): a worker does this before
    its first chunk arrives, with the collector's and the allocator's settings for a long run
    (``memory.own_process``)."""
    # a worker forked from a process that has a pipeline has it too: no quiet start, as load would not end it
    own_process(first_pipeline=not load.cache_info().currsize)
    load(model)
