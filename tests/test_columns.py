"""Rules that read the Doc's token columns, or run a Matcher only where a match can be, find what the
Token-by-Token reading and the whole-Doc Matcher find. Sentences are our own."""
from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from strikex.components._text import window
from strikex.components.senses import _most, other_senses
from strikex.components.unions import _anchored
from strikex.extensions import token_lowers, token_words
from strikex.resources import read_json

SENTENCES = [
    "Refuse crews at Dunmore Borough Council don't plan to walk out of Thursday's \"sham\" pay meeting.",
    "  Members of the Harbour Pilots' Guild and the Staff Union Workers Union met at the GMB's office.\n\nNo strike.",
    "Siân Lloyd-Evans and Dafydd ap Rhys, of Unite, said staff struck a deal — 🙂 then walked out of the talks.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_columns_are_the_tokens_own(nlp, text):
    doc = nlp(text)
    assert token_lowers(doc) == [t.lower_ for t in doc]
    assert token_words(doc) == [t.text for t in doc]


@pytest.mark.parametrize("text", SENTENCES[:3])
def test_window_reads_the_same_words(nlp, text):
    doc = nlp(text)
    for sent in doc.sents:
        assert window(sent) == " " + " ".join(t.lower_ for t in sent) + " "
    n = len(doc)
    for start, end in [(0, n), (2, 7), (-3, 4), (n - 2, n + 5), (6, 3)]:
        expected = " " + " ".join(t.lower_ for t in doc[max(start, 0):min(end, n)]) + " "
        assert window(doc, start, end) == expected
    assert window(doc) == " " + " ".join(t.lower_ for t in doc) + " "
    assert window(["a", "b"]) == " a b "


GENERIC_UNIONS = [
    "The Bus Drivers Union and the Staff Union Workers Union both balloted.",
    "Members of the teachers' Union and the Cleaners Union met Tarrow City Council Staff Association.",
    "The union said so. Union members agreed; the European Union did not.",
    "Nothing here names one.",
]


@pytest.mark.parametrize("text", GENERIC_UNIONS)
def test_generic_union_matches_only_where_they_can_end(nlp, text):
    finder = nlp.get_pipe("strikex_unions")
    doc = nlp(text)
    assert finder.anchors is not None    # the patterns in models/ have the anchored form
    assert bool(list(finder.generic(doc))) == (text in GENERIC_UNIONS[:2])
    assert sorted(finder.generic_matches(doc)) == sorted(finder.generic(doc))


def test_union_patterns_of_another_form_read_the_whole_doc():
    title_run = {"IS_TITLE": True, "OP": "*"}
    assert _anchored([[title_run, {"LOWER": "staff"}, {"ORTH": "Union"}]]) == ({"Union"}, 1, True)
    assert _anchored([[{"LOWER": "staff"}, {"ORTH": {"IN": ["Guild", "Union"]}}]]) == ({"Guild", "Union"}, 1, False)
    assert _anchored([[{"LOWER": "staff"}, {"LOWER": "union"}]]) is None        # a LOWER end: not anchored on ORTH
    assert _anchored([[{"IS_ALPHA": True, "OP": "+"}, {"ORTH": "Union"}]]) is None   # unbounded, not a title run


SPREAD = [
    "Councillors walked out of a tense budget meeting and then struck a £40m deal.",
    "The firm strikes its third big recycling deal, and staff walk out of a rowdy meeting on Monday.",
    "Unison members will strike on Monday; the council struck a new deal with Veolia.",
]


@pytest.mark.parametrize("text", SPREAD)
def test_spread_senses_found_near_their_verbs_as_in_the_whole_doc(nlp, text):
    senses = nlp.get_pipe("strikex_disputes").senses
    doc = nlp(text)
    found = senses.at(doc)
    assert list(senses.spread(doc))   # each sentence has a spread phrase
    whole = {i: doc.vocab.strings[k] for k, s, e in list(senses.matcher(doc)) + list(senses.spread(doc))
             for i in range(s, e)}
    assert found == whole


def test_spread_pattern_length_is_bounded():
    assert (_most(None), _most("?"), _most("{1,4}"), _most("{3}"), _most("{,2}")) == (1, 1, 4, 3, 2)
    for unbounded in ("*", "+", "{2,}"):
        with pytest.raises(ValueError):
            _most(unbounded)


def test_spread_pattern_must_start_at_a_verb(nlp):
    senses = nlp.get_pipe("strikex_disputes").senses
    with pytest.raises(ValueError):
        senses._spread("test_sense", [{"LOWER": {"IN": ["lightning"]}}, {"LOWER": "bolt"}])


def test_other_senses_built_once_per_pipeline(nlp):
    from strikex.pipeline import triage_gate

    data = read_json("other_senses.json")
    shared = nlp.get_pipe("strikex_disputes").senses
    assert nlp.get_pipe("strikex_strikes").senses is shared
    assert other_senses(nlp, data) is shared
    triage_gate(nlp)   # the gate reads the same phrases
    assert isinstance(shared.spread, Matcher)


def test_name_parts_from_columns(nlp):
    doc = nlp.make_doc("Siân Lloyd-Evans met Dafydd ap Rhys and Jo - Smith")
    parts = nlp.get_pipe("strikex_people").names.parts(doc)
    assert list(zip([t.text for t in doc], parts)) == [
        ("Siân", "word"), ("Lloyd", "word"), ("-", "joiner"), ("Evans", "word"), ("met", ""),
        ("Dafydd", "word"), ("ap", "particle"), ("Rhys", "word"), ("and", ""), ("Jo", "word"), ("-", ""),
        ("Smith", "word")]


@pytest.mark.parametrize("text", [
    "Bin crews at Dunmore Council will strike on Monday, the GMB said.",
    "Les éboueurs de Dunmore feront grève lundi, a annoncé le syndicat GMB.",
    "Zzyzx qwrtp vbnm 2024 --- !!!",
    "",
])
def test_english_share_by_binary_search_counts_as_membership_does(nlp, text):
    import numpy
    from spacy.attrs import IS_ALPHA, LOWER

    from strikex.pipeline import triage_gate

    gate = triage_gate(nlp)
    doc = nlp.make_doc(text)
    words = doc.to_array([IS_ALPHA, LOWER])[:, 1][doc.to_array([IS_ALPHA]) == 1] if len(doc) else []
    expected = (len(words), float(numpy.isin(words, gate.english_ids).sum()) / len(words) if len(words) else 0.0)
    assert gate.english_share(doc) == expected


def test_the_action_words_hold_every_word_is_action_can_accept(nlp):
    """strikex_disputes looks at a token only when its word is in ``action_words``: that set must hold every
    word ``is_action`` can say yes to (read here on every token of our own texts)."""
    from conftest import SEEDS

    finder = nlp.get_pipe("strikex_disputes")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + SENTENCES + SPREAD + [
        "Staff walked out; the walk-out, a stoppage and industrial action short of a strike followed the ballot."]
    accepted = {t.lower_ for text in texts for t in nlp(text) if finder.is_action(t)}
    assert accepted and accepted <= finder.action_words


def test_batches_are_bounded_by_docs_and_tokens(nlp):
    from strikex.pretrained import batches

    docs = [nlp.make_doc(" ".join(["word"] * n)) for n in (5, 5, 5, 20, 3, 3)]
    sizes = [[len(d) for d in b] for b in batches(docs, 2, 12)]
    assert sizes == [[5, 5], [5], [20], [3, 3]]   # the long one alone; none over 2 Docs or 12 tokens otherwise
    assert list(batches([], 16, 100)) == []
