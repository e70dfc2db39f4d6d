"""WARC input (``warc.py``, ``strikex extract --input warc``): each HTML response is a page, its URL the source,
its crawl date the last resort for the reference date; everything else skipped and counted."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from webpages import facts, gold, page, write_warc

pytest.importorskip("warcio")

from strikex.warc import Counts, read_pages  # noqa: E402

ARTICLES = [gold("seeds")[1], gold("tests/articles")[6]]  # the first states its date, the second does not


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """A gzipped WARC of two gold articles, the second crawled on the day it appeared, its page stating no
    date; and a record of each kind to skip."""
    folder = tmp_path_factory.mktemp("warc")
    (name0, text0, _, date0), (name1, text1, given1, _) = ARTICLES
    pages = [(f"https://news.example.org/{name0}", page(text0, date0), "2024-02-01"),
             (f"https://news.example.org/{name1}", page(text1), given1)]
    path = folder / "crawl.warc.gz"
    write_warc(path, pages)
    return path


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_are_pages_and_the_rest_is_counted(tmp_path, gz):
    path = tmp_path / ("c.warc.gz" if gz else "c.warc")
    write_warc(path, [("https://a.example/1", page("Title\nBody text.", "2023-04-12"), "2024-02-01"),
                      ("https://a.example/2", page("Title\nBody text."), "2024-02-02")])
    counts = Counts()
    pages = list(read_pages(path, str(path), counts=counts))
    assert [p.item.source for p in pages] == ["https://a.example/1", "https://a.example/2"]
    assert all(p.item.html and p.warc_file == str(path) and p.record_id for p in pages)
    # the page's own date first, else the crawl's
    assert [p.item.given_date for p in pages] == [dt.date(2023, 4, 12), dt.date(2024, 2, 2)]
    assert counts.pages == 2
    assert counts.skipped == {"request records": 6, "warcinfo records": 1, "responses not HTML": 2,
                              "responses not 200 OK": 2}
    assert counts.summary("c") == ("c: 2 HTML pages read; skipped 6 request records, 2 responses not 200 OK, "
                                   "2 responses not HTML, 1 warcinfo records")


def test_a_page_over_the_limit_is_an_error_not_a_cut(tmp_path):
    path = tmp_path / "big.warc"
    write_warc(path, [("https://a.example/big", page("Title\n" + "Unison members will strike. " * 200), "2024-02-01")],
               extras=False)
    (p,) = read_pages(path, "big.warc", max_chars=1000)
    assert p.item.text is None and "page too long" in p.item.error


def test_extract_input_warc(cli, crawl):
    result = cli("extract", crawl, "--input", "warc")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [f"https://news.example.org/{a[0]}" for a in ARTICLES]
    assert "crawl.warc.gz: 2 HTML pages read; skipped" in result.stderr
    # the gold texts' facts; the second page states no date: its crawl day stands in for the date a crawler gives
    plain = [json.loads(cli("extract", "-", *(["--date", a[2]] if a[2] else []), input=a[1]).stdout) for a in ARTICLES]
    assert [facts(r) for r in records] == [facts(r) for r in plain]
    for r in records:
        assert all(r["text"][m["start"]:m["end"]] == m["text"] for m in (x for u in r["unions"] for x in u["mentions"]))


def test_a_file_that_is_not_a_warc_gives_an_error_record(cli, tmp_path):
    bad = tmp_path / "notes.warc"
    bad.write_text("just some text\n", encoding="utf-8")
    result = cli("extract", bad, "--input", "warc")
    assert result.exit_code == 1
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert "not a WARC file" in record["error"]


def test_the_warc_to_database_benchmark_runs(tmp_path):
    """benchmarks/warc_db.py --quick (without the Dask cluster, which tests/test_examples.py starts): every
    figure measured and written."""
    import subprocess
    import sys
    from pathlib import Path

    out = tmp_path / "warc_db.json"
    script = Path(__file__).parents[1] / "benchmarks" / "warc_db.py"
    done = subprocess.run([sys.executable, str(script), "--quick", "--skip-dask", "--output", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    assert [r["articles"] for r in results["strikex"]] == [r["added"] for r in results["strikex"]] == [4, 12]
    assert results["plain_spacy"]["articles"] == results["plain_trafilatura"]["articles"] == 4
    assert results["memory_growth"] > 0 and results["ratio_vs_plain"] > 0
    assert "articles/s" in done.stdout
