"""The SQLite dataset (``strikex db``, ``db.py``): built from WARC files of our own pages, incremental and
idempotent, one transaction per article, its disputes those ``strikex timeline`` gives on the same records;
and Datasette serving its canned queries."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from webpages import OTHER, gold, page, write_warc

sqlite_utils = pytest.importorskip("sqlite_utils")
pytest.importorskip("warcio")

from strikex import db as strikex_db  # noqa: E402

SEED, A01, A03, A07 = gold("seeds")[1], *(gold("tests/articles")[i] for i in (0, 2, 6))
URL = "https://news.example.org/"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def entry(article, url_name=None, crawl="2024-03-01"):
    name, text, given, date = article
    # a page states its date unless the text's crawler date is all there is: then the crawl day is that date
    url = URL + (url_name or name)
    return url, page(text, None if given else date, url=URL + name), given or crawl


def other(i):
    path = sorted(OTHER.glob("*.txt"))[i]
    return URL + path.stem, page(path.read_text(encoding="utf-8"), "2023-10-15", url=URL + path.stem), "2023-10-16"


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    """Two WARC files: the second repeats one page (same URL) and one page's content (another URL), and
    brings one new dispute report and one other article."""
    folder = tmp_path_factory.mktemp("crawls")
    first, second = folder / "first.warc.gz", folder / "second.warc"
    write_warc(first, [entry(SEED), entry(A07), entry(A01), other(0), other(1)])
    write_warc(second, [entry(A01), entry(A07, "a07-syndicated"), entry(A03), other(2)], extras=False)
    return first, second


@pytest.fixture(scope="module")
def built(crawls, tmp_path_factory, cli):
    """The database after the first WARC, after it again, and after the second: (path, the three results)."""
    path = tmp_path_factory.mktemp("db") / "disputes.db"
    runs = [cli("db", path, crawls[0], "--input", "warc"), cli("db", path, crawls[0], "--input", "warc"),
            cli("db", path, crawls[1], "--input", "warc")]
    return path, runs


def test_rerunning_adds_nothing_and_a_new_warc_adds_only_its_new_articles(built):
    path, runs = built
    assert [r.exit_code for r in runs] == [0, 0, 0], [r.stderr for r in runs]
    assert "5 articles added, 0 already there" in runs[0].stderr
    assert "0 articles added, 5 already there" in runs[1].stderr
    assert "2 articles added, 2 already there" in runs[2].stderr
    db = sqlite_utils.Database(path)
    assert sorted(r["url"] for r in db["articles"].rows) == sorted(
        [URL + a[0] for a in (SEED, A07, A01, A03)] + [URL + p.stem for p in sorted(OTHER.glob("*.txt"))[:3]])
    assert path.with_name("disputes.metadata.json").is_file()


def test_tables_columns_keys_and_search(built):
    db = sqlite_utils.Database(built[0])
    assert db["ballots"].columns_dict["support_pct"] is float and db["ballots"].columns_dict["votes_cast"] is int
    for table in ("unions", "councils", "people", "ballots", "strike_days", "quotes", "causes"):
        assert [(fk.column, fk.other_table) for fk in db[table].foreign_keys] == [("article_id", "articles")], table
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    a01 = next(db["articles"].rows_where("url = ?", [URL + A01[0]]))
    assert a01["is_page"] == 1 and a01["warc_file"].endswith("first.warc.gz") and a01["warc_record_id"]
    record = json.loads(a01["record"])
    assert record["text"] == a01["text"]  # the text every offset points into
    days = [r["day"] for r in db["strike_days"].rows_where("article_id = ?", [a01["id"]])]
    assert days == ["2023-05-03", "2023-05-04", "2023-05-10"]
    assert [r["url"] for r in db["articles"].search("Fairclough")] == [URL + A01[0]]


def test_the_disputes_are_those_strikex_timeline_gives(built, crawls, cli, tmp_path):
    """`strikex extract` on both WARC files, less what the database rightly skipped (a page seen before, the
    same page under another URL), then `strikex timeline` on those records: the database's disputes."""
    db = sqlite_utils.Database(built[0])
    urls = {r["url"] for r in db["articles"].rows}
    lines, seen = [], set()
    for line in cli("extract", *crawls, "--input", "warc").stdout.splitlines():
        source = json.loads(line)["source"]
        if source in urls and source not in seen:
            lines.append(line)
            seen.add(source)
    assert seen == urls
    (tmp_path / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    want = [json.loads(line) for line in cli("timeline", tmp_path / "records.jsonl").stdout.splitlines()]
    assert want and strikex_db.disputes(db) == want
    # and `strikex timeline` reads the database itself
    assert [json.loads(line) for line in cli("timeline", built[0]).stdout.splitlines()] == want
    linked = db.execute("select count(*) from dispute_articles").fetchone()[0]
    assert linked == sum(len(d["sources"]) for d in want)


def test_a_crash_leaves_no_half_written_article(tmp_path, monkeypatch):
    """The quotes of the second article fail to be written: the first article is whole, the second is not
    there at all, and the next run stores it."""
    from strikex.dataset import build, read_items

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text, *_ in (SEED, A01):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "crash.db"
    calls = {"n": 0}
    original = sqlite_utils.db.Table.insert_all

    def failing(self, rows, *args, **kwargs):
        if self.name == "quotes":
            calls["n"] += 1
            if calls["n"] == 2:
                raise OSError("disk full")
        return original(self, rows, *args, **kwargs)

    monkeypatch.setattr(sqlite_utils.db.Table, "insert_all", failing)
    with pytest.raises(OSError):
        build(path, read_items([str(folder)]))
    db = sqlite_utils.Database(path)
    assert db["articles"].count == 1
    for table in ("unions", "people", "ballots", "strike_days", "quotes", "causes"):
        assert {r["article_id"] for r in db[table].rows} <= {1}, table
    monkeypatch.setattr(sqlite_utils.db.Table, "insert_all", original)
    summary = build(path, read_items([str(folder)]))
    assert (summary.added, summary.skipped) == (1, 1)


def test_json_lines_rows_pages_among_them_into_the_database(cli, tmp_path):
    """`strikex db --input jsonl`: each row an article (a row whose text is a whole page read as one, its id its
    URL), the page's own date before the row's; rerunning adds nothing."""
    name, text, given, date = A01
    rows = [{"url": URL + "a01", "html": page(text, date, url=URL + "a01"), "fetched": "2024-03-01"},
            {"url": "row-2", "html": SEED[1], "fetched": SEED[2] or "2024-03-01"}]
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    args = ("db", tmp_path / "rows.db", path, "--input", "jsonl", "--text-key", "html", "--id-key", "url",
            "--date-key", "fetched")
    first, again = cli(*args), cli(*args)
    assert first.exit_code == 0, first.stderr
    assert "2 articles added, 0 already there" in first.stderr and "0 articles added, 2 already there" in again.stderr
    db = sqlite_utils.Database(tmp_path / "rows.db")
    web, plain = db["articles"].rows
    assert (web["url"], web["is_page"], web["given_date"]) == (URL + "a01", 1, date)
    assert (plain["url"], plain["is_page"], plain["source"]) == (None, 0, "row-2")
    assert json.loads(web["record"])["text"] == web["text"] != rows[0]["html"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def datasette(built):
    """Datasette serving the test database with its metadata: (base URL, get(url) -> JSON)."""
    path, _ = built
    datasette = Path(sys.executable).with_name("datasette")
    if not datasette.exists():
        pytest.skip("datasette is not installed")
    port = _free_port()
    proc = subprocess.Popen([str(datasette), "serve", str(path), "-m", str(path.with_name("disputes.metadata.json")),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ, NO_COLOR="1"))
    base = f"http://127.0.0.1:{port}"

    def get(url: str):
        with urllib.request.urlopen(base + url, timeout=10) as response:
            return json.loads(response.read())

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get("/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start: {proc.stderr.read().decode()[-2000:]}")
                time.sleep(0.3)
        yield base, get
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_datasette_serves_the_canned_queries(datasette):
    _, get = datasette
    rows = get("/disputes/ballots_below_turnout_threshold.json?_shape=array")
    assert rows and all(r["turnout_pct"] < 50 for r in rows)
    months = get("/disputes/strike_days_by_council_and_month.json?_shape=array")
    assert {"council": "Leeds City Council", "month": "2023-05"}.items() <= next(
        r for r in months if r["council"] == "Leeds City Council").items()
    found = get("/disputes/articles_matching.json?_shape=array&words=Fairclough")
    assert [r["source"] for r in found] == [URL + A01[0]]
    assert get("/disputes/disputes.json?_shape=objects&_facet=status")["facet_results"]


def _drawn(url: str) -> str:
    """The page as headless Chromium drew it (its DOM after loading, scripts run)."""
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
                           "--dump-dom", url], check=True, capture_output=True, text=True, timeout=60).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_a_canned_query_and_the_disputes_table_in_chromium(datasette, built):
    """Two pages as a reader sees them: the canned query's title, description and rows, and the disputes table
    with its facets; no error page."""
    base, get = datasette
    ballots = get("/disputes/ballots_below_turnout_threshold.json?_shape=array")
    page = _drawn(base + "/disputes/ballots_below_turnout_threshold")
    assert "<title>" in page and "Error" not in page.split("<title>")[1].split("</title>")[0]
    assert "Ballots below the 50% turnout threshold" in page and "Trade Union Act 2016" in page
    assert '<table class="rows-and-columns">' in page
    assert page.count("<tr>") - 1 >= len(ballots)  # a row drawn per result (the header is a row too)
    for b in ballots:
        assert b["union_name"] in page and f">{b['turnout_pct']}<" in page and b["source"] in page

    disputes = get("/disputes/disputes.json?_shape=array")
    page = _drawn(base + "/disputes/disputes")
    assert "Error" not in page.split("<title>")[1].split("</title>")[0]
    assert "Disputes" in page and "status" in page and 'class="facet-info' in page
    assert f"{len(disputes)} row" in page
    assert all(d["employer"] in page for d in disputes if d["employer"])
