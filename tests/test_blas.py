"""blas.py: the pretrained models multiply with numpy's BLAS where BLIS would run its reference code, with the same
annotations, and numpy's BLAS then runs on one thread."""
from __future__ import annotations

from pathlib import Path

import pytest
from thinc.api import NumpyOps, Ops

from strikex import blas
from strikex.errors import DEFAULT_MODEL
from strikex.pipeline import load_base

SEEDS = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))


def model_nodes(nlp):
    return [node for _, proc in nlp.pipeline if getattr(proc, "model", None) is not None
            and hasattr(proc.model, "walk") for node in proc.model.walk()]


@pytest.fixture(scope="module")
def pipelines():
    """Two fresh base pipelines: one left on BLIS, one switched to numpy's BLAS."""
    import os

    saved = os.environ.get(blas.ENV)
    os.environ[blas.ENV] = "numpy"
    try:
        switched = load_base(DEFAULT_MODEL)
        assert blas.use_best(switched) == "numpy"
    finally:
        if saved is None:
            del os.environ[blas.ENV]
        else:
            os.environ[blas.ENV] = saved
    return load_base(DEFAULT_MODEL), switched


@pytest.mark.parametrize("given, read", [(None, "auto"), ("", "auto"), ("NUMPY ", "numpy"), ("blis", "blis"),
                                         ("auto", "auto")])
def test_setting_reads_the_environment(monkeypatch, given, read):
    if given is None:
        monkeypatch.delenv(blas.ENV, raising=False)
    else:
        monkeypatch.setenv(blas.ENV, given)
    assert blas.setting() == read


def test_an_unknown_setting_warns_and_is_auto(monkeypatch):
    monkeypatch.setenv(blas.ENV, "mkl")
    with pytest.warns(UserWarning, match="STRIKEX_GEMM='mkl'"):
        assert blas.setting() == "auto"


@pytest.mark.parametrize("kernels, library", [("generic", "numpy"), ("haswell", "blis"), ("zen2", "blis"),
                                              (None, "blis")])
def test_auto_uses_numpy_only_where_blis_has_no_kernels(monkeypatch, kernels, library):
    monkeypatch.delenv(blas.ENV, raising=False)
    monkeypatch.setattr(blas, "numpy_blas", lambda: "openblas")
    monkeypatch.setattr(blas, "blis_kernels", lambda: kernels)
    assert blas.wanted() == library


def test_the_setting_overrides_the_cpu(monkeypatch):
    monkeypatch.setattr(blas, "blis_kernels", lambda: "generic")
    monkeypatch.setenv(blas.ENV, "blis")
    assert blas.wanted() == "blis"
    monkeypatch.setattr(blas, "blis_kernels", lambda: "haswell")
    monkeypatch.setenv(blas.ENV, "numpy")
    assert blas.wanted() == "numpy"


def test_blis_names_its_kernels():
    name = blas.blis_kernels()   # thinc's cython-blis is installed with spaCy, so it can say
    assert isinstance(name, str) and name.isprintable() and name


def test_every_model_node_is_switched(pipelines):
    plain, switched = pipelines
    assert blas.in_use(plain) == "blis" and blas.in_use(switched) == "numpy"
    assert all(type(n.ops) is NumpyOps and n.ops.use_blis for n in model_nodes(plain))
    assert all(type(n.ops) is NumpyOps and not n.ops.use_blis for n in model_nodes(switched))


def test_blis_wanted_leaves_the_models_alone(monkeypatch):
    monkeypatch.setenv(blas.ENV, "blis")
    nlp = load_base(DEFAULT_MODEL)
    before = [n.ops for n in model_nodes(nlp)]
    assert blas.use_best(nlp) == "blis"
    assert [n.ops for n in model_nodes(nlp)] == before


def test_a_pipeline_on_other_ops_is_left_alone(monkeypatch):
    monkeypatch.setenv(blas.ENV, "numpy")
    nlp = load_base(DEFAULT_MODEL)
    other = Ops()
    for node in model_nodes(nlp):
        node.ops = other
    assert blas.use_best(nlp) == "other" and blas.in_use(nlp) == "other"
    assert all(n.ops is other for n in model_nodes(nlp))


def test_the_annotations_are_the_same_either_way(pipelines):
    plain, switched = pipelines
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + [
        "Members of the GMB at Northfield Borough Council voted by 412 to 38 to strike from Monday 3 March, "
        "regional organiser Priya Okafor said on Tuesday."]

    def annotations(doc):
        return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in doc]

    for a, b in zip(plain.pipe(texts), switched.pipe(texts)):
        assert annotations(a) == annotations(b)


def test_switching_holds_numpys_blas_to_one_thread(pipelines):
    from threadpoolctl import threadpool_info

    assert blas.numpy_blas() is not None, "threadpoolctl finds no BLAS behind numpy"
    assert all(lib["num_threads"] == 1 for lib in threadpool_info() if lib["user_api"] == "blas")


def test_auto_keeps_blis_where_numpys_blas_is_not_one_to_trust(monkeypatch):
    monkeypatch.delenv(blas.ENV, raising=False)
    monkeypatch.setattr(blas, "blis_kernels", lambda: "generic")
    monkeypatch.setattr(blas, "numpy_blas", lambda: "blas")   # e.g. the reference BLAS of a distribution
    assert blas.wanted() == "blis"
    monkeypatch.setattr(blas, "numpy_blas", lambda: "openblas")
    assert blas.wanted() == "numpy"
