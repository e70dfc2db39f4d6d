"""blas.py: the pretrained models multiply with numpy's BLAS where BLIS would run its reference code, with the same
annotations, and numpy's BLAS runs on one thread while strikex's model does."""
from __future__ import annotations

import warnings
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
    name = blas.blis_kernels()
    assert name is None or (isinstance(name, str) and name.isprintable() and name)


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
    with blas.one_thread(nlp):   # nothing to limit
        pass


def test_the_annotations_are_the_same_either_way(pipelines):
    plain, switched = pipelines
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + [
        "Members of the GMB at Northfield Borough Council voted by 412 to 38 to strike from Monday 3 March, "
        "regional organiser Priya Okafor said on Tuesday."]

    def annotations(doc):
        return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in doc]

    for a, b in zip(plain.pipe(texts), switched.pipe(texts)):
        assert annotations(a) == annotations(b)


def test_numpys_blas_runs_on_one_thread_while_the_model_does(pipelines):
    from threadpoolctl import threadpool_info

    _, switched = pipelines

    def blas_threads():
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    with blas.one_thread(switched):
        assert all(n == 1 for n in blas_threads())
    assert blas_threads() == before


def test_the_extraction_path_runs_the_model_inside_one_thread(monkeypatch):
    import strikex
    from strikex import pretrained

    entered = []

    class Recording:
        def __enter__(self):
            entered.append(True)

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(blas, "one_thread", lambda nlp: Recording())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        record = strikex.extract("Unison members at Eastmoor City Council will strike on Friday 7 March over pay.",
                                 reference_date="2025-03-01")
    assert record["relevant"] is True
    assert entered, "pretrained.pretrained did not run the model inside blas.one_thread"
    assert pretrained.blas is blas
