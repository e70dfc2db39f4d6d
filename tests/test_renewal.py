"""renewal.py: a batch goes on with a newly built pipeline once the one in use has taken in enough new words,
with the same records, none lost or repeated, and the old pipeline freed."""
from __future__ import annotations

import gc
import random
import weakref

import pytest

import strikex
from strikex import batch, memory, renewal
from strikex.errors import DEFAULT_MODEL
from strikex.items import ArticleItem
from strikex.pipeline import load


def coined(rng: random.Random) -> str:
    return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)).capitalize()


def articles(n: int, seed: int = 7) -> list[str]:
    """Short reports and other news, each with names no other one has (new words for the vocabulary)."""
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        person, place = f"{coined(rng)} {coined(rng)}", coined(rng) + "ford"
        if i % 3:
            texts.append(f"Unison members at {place} Borough Council will strike on Friday 7 March 2025 over pay, "
                         f"branch secretary {person} said. They voted by {rng.randint(60, 95)}% to walk out.")
        else:
            texts.append(f"{person} opened a bakery in {place} on Saturday, selling {rng.randint(3, 90)} loaves.")
    return texts


@pytest.fixture
def renew_often(monkeypatch):
    monkeypatch.setattr(renewal, "RENEW_AFTER_WORDS", 40)


def test_words_taken_in_count_every_word_added_to_the_vocabulary():
    nlp = load(DEFAULT_MODEL)
    before = renewal.words_taken_in(nlp)
    nlp.make_doc("Zorblaxian quintrovexes")
    assert renewal.words_taken_in(nlp) == before + 2
    assert renewal.due(nlp) is (renewal.words_taken_in(nlp) >= renewal.RENEW_AFTER_WORDS)


def test_records_are_the_same_with_the_pipeline_renewed_along_the_way(monkeypatch):
    """Renewed between chunks in the middle of one stream (chunks of 8 articles): none lost, repeated or
    reordered, the same records, each old pipeline freed."""
    texts = articles(60)
    monkeypatch.setattr(renewal, "RENEW_AFTER_WORDS", None)
    renewal.forget()   # a pipeline of this test's own: other tests' fixtures hold the one cached before
    expected = list(strikex.extract_many(texts, workers=1, batch_size=2))
    first = weakref.ref(load(DEFAULT_MODEL))
    renewals = []
    forget = renewal.forget
    monkeypatch.setattr(renewal, "forget", lambda: (renewals.append(1), forget()))
    monkeypatch.setattr(renewal, "RENEW_AFTER_WORDS", 40)
    got = list(strikex.extract_many(texts, workers=1, batch_size=2))
    assert got == expected
    assert len(renewals) >= 3, "renewed fewer times than the stream has chunks past the threshold"
    gc.collect()
    assert first() is None, "the old pipeline is still held somewhere"


def test_a_renewed_pipeline_keeps_a_raised_max_length(monkeypatch, renew_often):
    load(DEFAULT_MODEL).max_length = 2_000_000
    try:
        list(strikex.extract_many(articles(20, seed=11), workers=1, batch_size=2))
        assert load(DEFAULT_MODEL).max_length == 2_000_000
    finally:
        load(DEFAULT_MODEL).max_length = 1_000_000


def test_a_worker_renews_between_its_chunks(renew_often):
    first = weakref.ref(load(DEFAULT_MODEL))
    texts = articles(40, seed=3)
    records = []
    for k in range(0, len(texts), 8):   # a worker's tasks: one extract_chunk call each
        records += batch.extract_chunk([ArticleItem(t, None, f"a{k + i}") for i, t in enumerate(texts[k:k + 8])])
    assert [r["source"] for r in records] == [f"a{i}" for i in range(40)]
    assert load(DEFAULT_MODEL) is not first()


def test_rebuilding_frees_a_cycle_frozen_by_the_quiet_start_and_freezes_again(monkeypatch):
    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    gc.collect()
    gc.freeze()
    monkeypatch.setattr(memory, "_FROZE", [True])   # as end_quiet_start leaves it in the command line
    try:
        del a, b
        with memory.rebuilding():
            assert gone() is None
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_rebuilding_leaves_a_freeze_of_the_host_alone(monkeypatch):
    monkeypatch.setattr(memory, "_FROZE", [False])
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with memory.rebuilding():
            assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
