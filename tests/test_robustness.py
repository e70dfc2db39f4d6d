"""The bad inputs of ``tests/robustness/cases.json``, each with its exact expected outcome: alone, and all
together in one folder beside the three seeds (a device, which no folder lists, named beside the
folder), where the seeds' records must come out unchanged, each bad input must give one error or
warning record, and the run must exit 1."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from strikex.records import LIST_KEYS

ERROR_KEYS = {"schema_version", "source", "error", "provenance", *LIST_KEYS}   # an error record: the lists, empty
from strikex.errors import EXIT_SOME_FAILED

HERE = Path(__file__).parent / "robustness"
TABLE = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))["cases"]
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0  # root reads a file whatever its mode says
REPORT = "Refuse collectors at Bristol City Council will strike on 5 May 2025, the GMB said.\n"


def applies(case: dict) -> bool:
    return not (case["input"].get("make") == "no_permission" and AS_ROOT)


def in_folder(case: dict) -> bool:
    return applies(case) and case.get("in_folder", True)


CASES = [pytest.param(c, id=c["name"], marks=[] if applies(c) else
                      pytest.mark.skip(reason="running as root: no file is unreadable")) for c in TABLE]


def make(recipe: str, folder: Path) -> Path:
    """Build one input that is too big to keep in the repository, or is a link, or an event."""
    if recipe == "line_300k":
        path = folder / "line_300k.txt"
        path.write_text("strike " * 42857 + "x")  # 300,000 characters, no line break
    elif recipe == "line_2m":
        path = folder / "line_2m.txt"
        path.write_text("pay " * 500_000)
    elif recipe == "log_40mb":
        path = folder / "server.log.txt"
        line = b"2026-11-23T07:00:00Z INFO GET /news/strike 200 0.012s\n"
        size = 40 * 1024 * 1024
        path.write_bytes(line * (size // len(line)) + b"x" * (size % len(line)))
    elif recipe == "dangling_link":
        path = folder / "dangling.txt"
        path.symlink_to(folder / "no-such-article.txt")
    elif recipe == "self_link":
        path = folder / "self_link.txt"
        path.symlink_to(path)
    elif recipe == "no_permission":
        path = folder / "no_permission.txt"
        path.write_text(REPORT)
        path.chmod(0)
    elif recipe == "folder_loop":
        (folder / "loop").mkdir()
        path = folder / "loop" / "up"
        path.symlink_to(folder)
    elif recipe == "dev_zero":
        return Path("/dev/zero")  # a folder lists only regular files: given on the command line
    elif recipe == "deleted_during_batch":
        path = folder / "deleted_during_batch.txt"
        path.write_text(REPORT)
    else:
        raise ValueError(recipe)
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    """One folder holding every bad input of the table (that applies here) and the three seeds."""
    folder = tmp_path_factory.mktemp("robustness")
    paths = {}
    for case in TABLE:
        if not applies(case):
            continue
        source = case["input"]
        if "file" in source:
            paths[case["name"]] = Path(shutil.copy(HERE / "inputs" / source["file"], folder))
        else:
            paths[case["name"]] = make(source["make"], folder)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder)
    return folder, paths


def check(record: dict, expected: dict) -> None:
    outcome = expected["outcome"]
    if outcome == "error":
        assert set(record) == ERROR_KEYS, record
        assert expected["message"] in record["error"]
        return
    assert "error" not in record, record["error"]
    if outcome == "warning":
        assert any(expected["message"] in w for w in record["warnings"]), record["warnings"]
    else:
        assert record["warnings"] == []
    for key in ("relevant", "language"):
        if key in expected:
            assert record[key] == expected[key]


@pytest.mark.parametrize("case", [c for c in CASES if c.values[0]["alone"] is not None])  # the rest: batch only
def test_each_bad_input_alone(cli, inputs, case):
    _, paths = inputs
    result = cli("extract", paths[case["name"]])
    assert result.exit_code == case["alone"]["exit"], result.stderr
    if case["alone"]["stdout"] == "nothing":
        assert result.stdout == ""
        assert case["batch"]["message"] in result.stderr
        return
    record = json.loads(result.stdout)
    check(record, case["batch"])
    if case["batch"]["outcome"] != "record":
        assert case["batch"]["message"] in result.stderr  # said on stderr too


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_batch_of_every_bad_input_beside_the_seeds(cli, inputs, monkeypatch, workers):
    import strikex.io

    folder, paths = inputs
    (folder / "deleted_during_batch.txt").write_text(REPORT)
    read = strikex.io.read_article

    def deleting_first(path, source, *args, **kwargs):  # the file goes after the folder was listed
        if path is not None and path.name == "deleted_during_batch.txt" and path.exists():
            path.unlink()
        return read(path, source, *args, **kwargs)

    monkeypatch.setattr(strikex.io, "read_article", deleting_first)
    beside = [paths[case["name"]] for case in TABLE if applies(case) and not in_folder(case)]
    result = cli("extract", folder, *beside, "--recursive", "--workers", workers)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_source = {r["source"]: r for r in records}
    listed = [case for case in TABLE if applies(case)]
    assert len(by_source) == len(records) == len(listed) + 3  # one record per input, none lost or doubled
    for case in listed:
            check(by_source[str(paths[case["name"]])], case["batch"])
    for seed in sorted(SEEDS.glob("*.txt")):
        alone = json.loads(cli("extract", seed).stdout)
        in_batch = by_source[str(folder / seed.name)]
        assert {**in_batch, "source": None} == {**alone, "source": None}, seed.name
    assert result.exit_code == EXIT_SOME_FAILED
