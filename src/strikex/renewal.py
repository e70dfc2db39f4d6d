"""A newly built pipeline in place of one that has taken in too many new words: what keeps a long batch's
memory flat however many distinct articles it reads.

The batch runs each chunk inside spaCy's memory zone (``pipeline.run``, scoped), which drops the chunk's new
words from the vocabulary and the string store when it is done. But those live in hash tables (preshed's)
that mark a dropped key with a tombstone instead of emptying its cell, and a table whose live and dead cells
fill it doubles. So memory still grows with every new word: 400,000 short texts of 16 new words each, each
in its own zone, took a process from 167 to 279 MiB in steps of 16-32 MiB, while the string count stayed at
84,780. In the benchmark's archive (13 new words an article) one such step came between 2,000 and 20,000
articles; a real archive has ~30.

A new pipeline starts with fresh tables. ``renewing`` runs ``pipeline.run`` with ``load(model)``'s pipeline
and, between chunks, once that pipeline has taken in ``RENEW_AFTER_WORDS`` new words (``len(nlp.vocab)``
counts every word ever added to it: spaCy does not count down when a zone ends), drops it from the caches
that hold it and goes on with a newly built one: about every 7,500 of the benchmark's articles. The count
cannot tell a word new to the process from one an earlier chunk had (which takes its old cell back, so adds
no tombstone), so text whose words repeat is renewed as often, needlessly. A build takes ~1.2 s here.

The old pipeline is freed only if nothing else holds it: ``renewing``'s caller must let go of each Doc before
asking for the next (as the scoped run asks anyway), or the last one keeps the old vocabulary alive. A
pipeline a user holds (``strikex.load()``) stays usable; ``load`` returns the new one from then on. The new
one is built from the model and strikex's rule data as the first was: of the changes a user made to the
cached pipeline, only ``max_length`` carries over. ``RENEW_AFTER_WORDS = None`` turns renewal off.
"""
from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .items import ArticleItem
from .memory import rebuilding
from .pipeline import load, run, triage_gate

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RENEW_AFTER_WORDS: int | None = 100_000   # new words (lexemes) a pipeline takes in before the batch builds a new one

_FIRST_SEEN: "weakref.WeakKeyDictionary[Language, int]" = weakref.WeakKeyDictionary()   # len(nlp.vocab) then


def words_taken_in(nlp: "Language") -> int:
    """New words ``nlp``'s vocabulary has taken in since ``renewing`` first saw it."""
    return len(nlp.vocab) - _FIRST_SEEN.setdefault(nlp, len(nlp.vocab))


def due(nlp: "Language") -> bool:
    """Whether ``nlp`` has taken in enough new words to be replaced by a newly built pipeline."""
    return RENEW_AFTER_WORDS is not None and words_taken_in(nlp) >= RENEW_AFTER_WORDS


def renewing(model: str, items: Iterable[ArticleItem], **settings: Any) -> Iterator["Doc"]:
    """``pipeline.run(load(model), items, scoped=True, **settings)``, going on with a newly built pipeline
    between chunks whenever the one in use is ``due``. The Docs in input order, none lost or repeated."""
    items = iter(items)
    while True:
        nlp = load(model)
        if due(nlp):
            max_length = nlp.max_length   # a user may have raised it (spaCy's own advice for long texts)
            del nlp
            forget()
            with rebuilding():
                nlp = load(model)
            nlp.max_length = max_length
        words_taken_in(nlp)   # first seen now, if new
        stopped = yield from run(nlp, items, scoped=True, stop=due, **settings)
        del nlp
        if not stopped:
            return


def forget() -> None:
    """Drop every cached pipeline and the triage gates built on them: the next ``load`` builds anew."""
    load.cache_clear()
    triage_gate.cache_clear()
