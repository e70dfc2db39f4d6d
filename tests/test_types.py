"""The typed Python API (README "Python"): the TypedDicts of ``strikex.types`` match ``records.py`` and the JSON
Schema, and mypy (strict, as configured in pyproject.toml) passes a typed usage example and sees real types."""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tomllib
import typing
from pathlib import Path

import pytest

import strikex.records as records
import strikex.types as types
from strikex.record_schema import schema

ROOT = Path(__file__).parents[1]
PAIRS = [(getattr(records, name), getattr(types, name)) for name in types.__all__ if name != "ErrorRecord"]


BATCH_KEYS = {"Record": {"text"}}   # a web page's record keeps the text it was read as (batch.py)


def _annotation(value: object) -> str:
    return value.__forward_arg__ if isinstance(value, typing.ForwardRef) else str(value)


@pytest.mark.parametrize("dataclass, typed", PAIRS, ids=[d.__name__ for d, _ in PAIRS])
def test_each_typed_dict_mirrors_its_record_dataclass(dataclass, typed):
    fields = {f.name: str(f.type) for f in dataclasses.fields(dataclass)}
    added = BATCH_KEYS.get(typed.__name__, set())   # keys the batch adds to the dict, not dataclass fields
    assert {k: _annotation(v) for k, v in typed.__annotations__.items() if k not in added} == fields
    assert typed.__required_keys__ - added == set(fields)


def test_typed_dicts_cover_every_dataclass_and_the_schema_keys():
    dataclass_names = {n for n, v in vars(records).items() if dataclasses.is_dataclass(v)}
    assert dataclass_names == {d.__name__ for d, _ in PAIRS}
    defs = schema()["$defs"]
    assert set(defs["record"]["properties"]) == set(types.Record.__annotations__)
    assert set(defs["error"]["properties"]) == set(types.ErrorRecord.__annotations__)
    for name, typed in [("ballot", types.Ballot), ("strike", types.Strike), ("dispute", types.Dispute),
                        ("person", types.Person), ("date", types.DateRecord)]:
        assert set(defs[name].get("properties", {})) <= set(typed.__annotations__), name


WRONG = '''
import strikex

count: int = strikex.extract("text")
days: list[int] = strikex.extract("text")["strikes"][0]["dates"]
strikex.extract("text")["no_such_key"]
strikex.extract_many(["a"], reference_dates=[3.5])
'''


@pytest.mark.skipif(shutil.which("mypy", path=str(Path(sys.executable).parent)) is None and
                    not (Path(sys.executable).parent / "mypy").exists(), reason="mypy is not installed ([test] extra)")
def test_mypy_passes_the_typed_usage_example_and_sees_real_types(tmp_path):
    """One mypy run: the configured files (the API and tests/typed_usage.py) pass, and a file of wrong uses
    fails on each of them, which it would not if ``strikex.extract`` were ``Any`` to mypy."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    wrong = tmp_path / "wrong_usage.py"
    wrong.write_text(WRONG, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"),
                             "--config-file", str(ROOT / "pyproject.toml"), *config["files"], str(wrong)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [e for e in errors if "wrong_usage.py" not in e] == [], result.stdout
    lines = sorted({int(e.split(":")[1]) for e in errors})
    assert lines == [4, 5, 6, 7], result.stdout
    assert '"Record"' in result.stdout   # extract's return type, not Any
