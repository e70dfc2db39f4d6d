"""Batches: JSON Lines input, several worker processes, input order kept, bad rows as error records."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS

STRIKE = "Unison members at Leeds City Council will strike on Friday."
WEATHER = "Rain is expected across Yorkshire on Thursday."


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_input_with_keys_ids_and_dates(cli, tmp_path):
    rows = [{"url": "https://example.org/a", "body": STRIKE, "published": "2024-05-01T09:30:00Z"},
            {"url": "https://example.org/b", "body": WEATHER},
            {"body": STRIKE, "published": "yesterday"}]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    result = cli("extract", path, "--input", "jsonl", "--text-key", "body", "--id-key", "url",
                 "--date-key", "published", "--date", "2024-06-01")
    assert result.exit_code == 0, result.stderr
    got = records(result)
    assert [r["source"] for r in got] == ["https://example.org/a", "https://example.org/b", f"{path}:3"]
    assert got[0]["strikes"][0]["dates"] == ["2024-05-03"]          # Friday after the row's own date
    assert got[1]["relevant"] is False
    # an unreadable date is a warning, and --date stands in for it
    assert got[2]["reference_date"] == "2024-06-01" and "'yesterday'" in got[2]["warnings"][0]
    assert "warning" in result.stderr


def test_bad_jsonl_rows_are_error_records_in_their_place(cli, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([json.dumps({"id": 1, "text": STRIKE}), "{not json", "[1, 2]",
                               json.dumps({"id": "x"}), json.dumps({"id": "y", "text": 42}),
                               json.dumps({"id": 6, "text": WEATHER})]) + "\n")
    result = cli("extract", path, "--input", "jsonl")
    assert result.exit_code == 1
    got = records(result)
    assert [r["source"] for r in got] == ["1", f"{path}:2", f"{path}:3", "x", "y", "6"]
    assert [("error" in r) for r in got] == [False, True, True, True, True, False]
    assert "not a JSON object" in got[1]["error"] and "'text' is missing" in got[3]["error"]
    assert "not a string (int)" in got[4]["error"]


def test_jsonl_from_stdin(cli):
    lines = "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate([STRIKE, WEATHER]))
    result = cli("extract", "-", "--input", "jsonl", "--date", "2024-05-01", input=lines)
    assert result.exit_code == 0, result.stderr
    assert [(r["source"], r["relevant"]) for r in records(result)] == [("0", True), ("1", False)]


def test_a_missing_jsonl_file_is_a_clear_error(cli, tmp_path):
    result = cli("extract", tmp_path / "none.jsonl", "--input", "jsonl")
    assert result.exit_code == 2 and "no such file" in result.stderr


@pytest.fixture
def small_tasks(monkeypatch):
    """Tasks of 8 items (``parallel.CHUNK``), so that a few dozen items make several, more than are in flight."""
    from strikex import parallel

    monkeypatch.setattr(parallel, "CHUNK", 8)


def test_two_workers_give_the_same_records_in_the_same_order(cli, tmp_path, small_tasks):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [WEATHER, STRIKE]
    for i in range(40):  # enough for several tasks, with an unreadable file among them
        (tmp_path / f"{i:03d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    (tmp_path / "017.txt").write_bytes(b"%PDF-1.4 binary")
    one = cli("extract", tmp_path, "--workers", "1")
    two = cli("extract", tmp_path, "--workers", "2")
    assert one.exit_code == two.exit_code == 1
    assert records(two) == records(one)
    assert [Path(r["source"]).name for r in records(two)] == [f"{i:03d}.txt" for i in range(40)]
    assert "error" in records(two)[17]


def test_workers_from_python_keep_order(small_tasks):
    import strikex

    texts = [STRIKE, WEATHER] * 40
    got = list(strikex.extract_many(texts, sources=[str(i) for i in range(80)], workers=2))
    assert [r["source"] for r in got] == [str(i) for i in range(80)]
    assert [r["relevant"] for r in got] == [True, False] * 40


@pytest.mark.parametrize("count, expect_many", [(1, False), (199, False), (200, True), (None, False)])
def test_automatic_workers(count, expect_many):
    import os

    from strikex.apply import auto_workers

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert auto_workers(count) == (cores if expect_many else 1)


def test_an_article_over_max_chars_is_an_error_record_not_a_cut(cli, tmp_path):
    (tmp_path / "a.txt").write_text(STRIKE)
    (tmp_path / "b.txt").write_text(STRIKE + " More text." * 100)
    (tmp_path / "c.txt").write_text(STRIKE + " More text." * 1000)
    for workers in ("1", "2"):
        result = cli("extract", tmp_path, "--max-chars", "500", "--workers", workers)
        got = records(result)
        assert result.exit_code == 1 and "error" not in got[0]
        assert f"article too long ({len(STRIKE) + 1100:,} characters; --max-chars is 500)" in got[1]["error"]
        # over four bytes a character allowed: refused before it is read
        assert f"article too long ({len(STRIKE) + 11000:,} bytes, more than --max-chars 500 characters; not read)" in got[2]["error"]


def test_a_jsonl_row_too_long_to_hold_is_an_error_record_and_the_rows_after_it_are_read(cli, tmp_path):
    from strikex.io import jsonl_line_limit

    limit = jsonl_line_limit(1000)
    assert limit == 16 * 1024 * 1024  # never under 16 MiB: room for a page's HTML beside its text
    path = tmp_path / "crawl.jsonl"
    with path.open("w") as out:
        out.write(json.dumps({"id": "a", "text": STRIKE}) + "\n")
        out.write('{"id": "b", "text": "' + "x" * (limit + 10) + '"}\n')
        out.write(json.dumps({"id": "c", "text": STRIKE}))  # the last line without a line break
    result = cli("extract", path, "--input", "jsonl", "--max-chars", "1000")
    got = records(result)
    assert result.exit_code == 1
    assert [r["source"] for r in got] == ["a", f"{path}:2", "c"]
    assert got[1]["error"].endswith(f"line over {limit:,} bytes (--max-chars is 1,000); not read")
    assert "error" not in got[2]


def _sized(items: list) -> list:
    return [(item, len(items)) for item in items]


def test_the_ordered_map_keeps_order_over_many_tasks(small_tasks):
    """50 items in tasks of 8 (``parallel.CHUNK`` read at the call): 7 tasks, more than the 4 in flight."""
    from strikex.parallel import ordered_map

    got = list(ordered_map(_sized, range(50), workers=2))
    assert [item for item, _ in got] == list(range(50))
    assert [size for _, size in got] == [8] * 48 + [2] * 2
