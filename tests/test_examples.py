"""The examples in examples/ run and print what they promise."""
from __future__ import annotations

import csv
import json
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

ROOT = Path(__file__).parents[1]


def test_python_api_example_writes_strike_days_as_csv():
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "python_api.py"), str(ROOT / "seeds")],
                         capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(Path(r["source"]).name, r["day"], r["union"]) for r in rows] == [
        ("001_2251fc9ddb0dfb63.txt", "2017-01-27", "UNISON")]


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_jq_recipes_run_on_the_seeds():
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    out = subprocess.run(["bash", str(ROOT / "examples" / "jq-recipes.sh"), str(ROOT / "seeds")],
                         capture_output=True, text=True, check=True, env=env, cwd=ROOT)
    lines = out.stdout.splitlines()
    assert lines[lines.index("## every strike day named in the folder") + 1] == "2017-01-27"
    assert any(line.endswith("Paul Holmes\tbranch secretary\tUNISON") for line in lines)
    assert "      3 UNISON" in lines


def test_dask_example_gives_the_records_the_cli_gives(cli, tmp_path):
    """examples/dask_extract.py on a local Dask cluster of processes: the same records as `strikex extract`."""
    pytest.importorskip("dask.bag")
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    (folder / "weather.txt").write_text("Rain is expected across Yorkshire on Thursday.\n")
    out = tmp_path / "out"
    subprocess.run([sys.executable, str(ROOT / "examples" / "dask_extract.py"), str(folder), str(out),
                    "--partitions", "2", "--scheduler", "processes"], check=True, capture_output=True, text=True)
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) == 2
    texts = [p.read_text(encoding="utf-8") for p in parts]
    assert all(t.endswith("\n") for t in texts)  # `cat out/part-*` does not glue two records into one line
    got = [json.loads(line) for t in texts for line in t.splitlines()]
    want = [json.loads(line) for line in cli("extract", folder).stdout.splitlines()]
    # the same records; their provenance differs only in the options the CLI sets (max_chars, timeout)
    made = [(r.pop("provenance"), w.pop("provenance")) for r, w in zip(got, want)]
    assert all({k: v for k, v in a.items() if k != "options"} == {k: v for k, v in b.items() if k != "options"}
               for a, b in made)
    assert got == want and len(got) == 4


def test_dask_distributed_example_gives_the_database_strikex_db_gives(cli, tmp_path):
    """examples/dask_distributed.py on a LocalCluster of 2 processes (articles, a web page, a WARC file and a
    JSON Lines shard):
    the same stored records and disputes as `strikex db` in one process."""
    pytest.importorskip("dask.distributed")
    sqlite_utils = pytest.importorskip("sqlite_utils")
    pytest.importorskip("warcio")
    from webpages import gold, page, write_warc

    folder = tmp_path / "articles"
    folder.mkdir()
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    name, text, _, date = gold("tests/articles")[0]
    (folder / f"{name}.html").write_text(page(text, date), encoding="utf-8")
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl, [(f"https://news.example.org/{a[0]}", page(a[1], a[3]), "2024-01-01")
                       for a in gold("tests/articles")[1:3]], extras=False)
    shard = tmp_path / "shard.jsonl"   # a JSON Lines shard, as `strikex db --input jsonl` reads one
    name, text, _, date = gold("tests/articles")[3]
    shard.write_text(json.dumps({"id": f"https://news.example.org/{name}", "text": text, "date": date}) + "\n",
                     encoding="utf-8")
    single = tmp_path / "single.db"
    assert cli("db", single, folder).exit_code == 0
    assert cli("db", single, crawl, "--input", "warc").exit_code == 0
    assert cli("db", single, shard, "--input", "jsonl").exit_code == 0
    spread = tmp_path / "spread.db"
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "dask_distributed.py"), str(folder), str(crawl),
                           str(shard), str(spread), "--workers", "2"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "7 articles added" in done.stdout

    def stored(path):
        db = sqlite_utils.Database(path)
        return ({r["source"]: json.loads(r["record"]) for r in db["articles"].rows},
                sorted(map(json.dumps, db["disputes"].rows)))

    assert stored(spread) == stored(single)
