"""Shared fixtures: the full strikex pipeline, loaded once per test session.

``run(text, date=None)`` extracts one text and returns the record dict, exactly as the Python API does;
``cli(*args, input=None)`` runs the typer app in-process (the model stays loaded between CLI tests);
``seed(name)`` is a seed article's record (through the triage gate), extracted once per session.
``blank(*components)`` is a tokenizer-only pipeline with just the named strikex components: for the tests of a
component whose logic does not depend on the statistical model, which then run without loading it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
SEEDS = Path(__file__).parents[1] / "seeds"
GOLDEN = SEEDS  # the seeds with their gold records, as the user supplied them
README = Path(__file__).parents[1] / "README.md"
BRADFORD, KIRKLEES, BLACKPOOL = "000_dd55b0f1b5025467", "001_2251fc9ddb0dfb63", "002_68eb0a51ffc3d97e"  # seeds/


def pytest_configure(config):
    """Help pages the tests draw (``strikex --help`` in subprocesses) are cached in a folder of the session's
    own, removed at the end, never in the tester's cache (src/strikex/launch.py)."""
    import os
    import tempfile

    config._strikex_help_cache = os.environ["STRIKEX_CACHE_DIR"] = tempfile.mkdtemp(prefix="strikex-help-")


def pytest_unconfigure(config):
    import shutil

    shutil.rmtree(getattr(config, "_strikex_help_cache", ""), ignore_errors=True)


@pytest.fixture(scope="session")
def nlp():
    """The full strikex Language (pretrained pipeline + strikex components)."""
    import strikex.api

    return strikex.api.load()


@pytest.fixture(scope="session")
def run(nlp):
    """run(text, date=None, source=None, triage=False) -> record dict, through the public ``strikex.extract``.

    The triage gate is off by default here: most tests show one extractor on one sentence of our own,
    which need not read like a dispute report. Whole articles (seeds, gold sets, the CLI) go through the
    gate, and tests/test_triage.py tests the gate itself."""
    import strikex

    def _run(text: str, date: str | None = None, source: str | None = None, triage: bool = False) -> dict:
        return strikex.extract(text, reference_date=date, source=source, triage=triage)

    return _run


@pytest.fixture(scope="session")
def cli(nlp):
    """cli(*args, input=None, env=None) -> click Result, stdout and stderr kept apart (Click >= 8.2 always
    separates them)."""
    from typer.testing import CliRunner

    from strikex.cli import app

    runner = CliRunner()

    def _invoke(*args, input: str | bytes | None = None, env: dict[str, str | None] | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input, env=env)

    return _invoke


@pytest.fixture(scope="session")
def seed(run):
    """seed(name) -> the record of ``seeds/NAME.txt``, through the triage gate, with the file name as source."""
    cache: dict[str, dict] = {}

    def _seed(name: str) -> dict:
        if name not in cache:
            cache[name] = run((SEEDS / f"{name}.txt").read_text(encoding="utf-8"), triage=True, source=name)
        return cache[name]

    return _seed


@pytest.fixture(scope="session")
def blank():
    """blank(*components) -> ``spacy.blank("en")`` with just these components (strikex ones, or spaCy's
    "sentencizer" for a component that reads sentences), in this order, each strikex component
    given its rule data by its own ``initialize(nlp=nlp)`` (components/_rules.py; ``nlp.initialize()`` is not
    needed). No statistical model is loaded. Pipelines are built once per session for each list of names."""
    import spacy

    import strikex.components  # noqa: F401  (registers the factories)
    import strikex.extensions  # noqa: F401  (the Doc and Span attributes)
    from strikex.components._rules import RuleComponent

    cache: dict[tuple[str, ...], object] = {}

    def _blank(*components: str):
        if components not in cache:
            nlp = spacy.blank("en")
            for name in components:
                pipe = nlp.add_pipe(name)
                if isinstance(pipe, RuleComponent):  # not strikex_lines (a function) nor spaCy's sentencizer
                    pipe.initialize(nlp=nlp)
            cache[components] = nlp
        return cache[components]

    return _blank
