"""`strikex timeline`: disputes merged across articles, in JSON Lines, CSV, a table and an HTML page that
headless Chromium draws."""
from __future__ import annotations

import csv
import io
import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from conftest import TESTS

from strikex.timeline import merge

PAIR = TESTS / "timeline"   # two reports of one dispute, written for this project


def record(source, ref, union="GMB", employer="Leeds City Council", workers="bin workers", status="planned",
           days=(), ballots=(), causes=()):
    ballots = [dict(union=union, support_pct=s, turnout_pct=t, votes_cast=None, eligible=None, closes=c)
               for s, t, c in ballots]
    return {"source": source, "reference_date": ref, "relevant": True, "ballots": ballots,
            "strikes": [{"dates": list(days), "union": union, "unions": [union], "employer": employer,
                         "workers": workers, "status": status}],
            "disputes": [{"union": union, "employer": employer, "workers": workers, "worker_count": None,
                          "causes": list(causes), "status": status, "ballots": list(range(len(ballots))),
                          "strikes": [0]}]}


def test_two_reports_of_one_dispute_are_one_row():
    rows = merge([record("b", "2024-05-10", status="held", days=["2024-05-09"], ballots=[(88, 61, None)]),
                  record("a", "2024-05-01", days=["2024-05-09", "2024-05-10"], ballots=[(88, 61, "2024-04-28")],
                         causes=["pay"])])
    (row,) = rows
    assert row.sources == ["a", "b"] and row.status == "held" and row.status_date == "2024-05-10"
    assert row.strike_days == ["2024-05-09", "2024-05-10"] and row.causes == ["pay"]
    assert row.ballots == [{"union": "GMB", "support_pct": 88, "turnout_pct": 61, "votes_cast": None, "eligible": None,
                            "closes": "2024-04-28", "sources": ["a", "b"]}]
    assert (row.first_reported, row.last_reported) == ("2024-05-01", "2024-05-10")


@pytest.mark.parametrize("other", [
    record("b", "2024-05-02", employer="Bradford Council"),                   # another employer
    record("b", "2024-05-02", union="Unite"),                                 # another union
    record("b", "2024-05-02", workers="school cleaners"),                     # other workers
    record("b", "2025-02-02", days=["2025-02-10"]),                           # the same parties a year later
])
def test_different_disputes_stay_apart(other):
    assert len(merge([record("a", "2024-05-01", days=["2024-05-09"]), other])) == 2


def test_on_one_day_the_most_advanced_status_wins_and_errors_are_skipped():
    rows = merge([record("a", "2024-05-01", status="suspended"), record("b", "2024-05-01", status="planned"),
                  {"source": "c", "error": "c: binary file"}, {"source": "d", "relevant": False, "disputes": []}])
    assert [r.status for r in rows] == ["suspended"]


def test_records_without_disputes_still_merge():
    old = record("a", "2024-05-01", days=["2024-05-09"])
    del old["disputes"]
    assert [r.union for r in merge([old, record("b", "2024-05-03")])] == ["GMB"]


def test_timeline_of_two_articles_gives_one_dispute(cli):
    result = cli("timeline", PAIR)
    assert result.exit_code == 0, result.stderr
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(s).name for s in row["sources"]] == ["a01.txt", "a02.txt"]
    assert (row["union"], row["employer"], row["status"]) == ("GMB", "Sunderland City Council", "going ahead")
    assert row["strike_days"] == ["2025-03-17", "2025-03-18", "2025-03-19"]
    assert [(b["support_pct"], b["turnout_pct"], len(b["sources"])) for b in row["ballots"]] == [(87, 62, 2)]


def test_timeline_reads_what_extract_wrote_and_writes_csv(cli, tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(cli("extract", PAIR).stdout)
    result = cli("timeline", records, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1 and rows[0]["ballots"] == "GMB 87% support, 62% turnout"
    assert rows[0]["strike_days"] == "2025-03-17; 2025-03-18; 2025-03-19"
    table = cli("timeline", records, "--format", "table")
    assert "Sunderland" in table.stdout and "going" in table.stdout and "GMB" in table.stdout


def _png_pixels(path: Path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit PNG, decoded with the standard library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour = header[:4]
    assert depth == 8 and colour in (2, 6)
    bpp = 3 if colour == 2 else 4
    raw, stride, rows, prev = zlib.decompress(b"".join(chunks)), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_the_html_page_draws_the_chart_in_chromium(cli, tmp_path):
    page = tmp_path / "disputes.html"
    result = cli("timeline", PAIR, TESTS.parent / "seeds", "--format", "html", "--output", page)
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "<svg" in html and "http" not in html.split("<svg", 1)[1].split("</svg>")[0].replace("http://www.w3.org", "")
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    width, height, bpp, rows = _png_pixels(shot)
    strike = (0xC0, 0x39, 0x2B)   # the strike-day squares (timeline_html.STRIKE)
    ballot = (0x2C, 0x6F, 0xBB)   # the ballot diamonds

    def count(colour):
        return sum(1 for row in rows for x in range(0, width * bpp, bpp)
                   if all(abs(row[x + k] - colour[k]) <= 3 for k in range(3)))

    assert count(strike) > 300, "no strike-day marks drawn"
    assert count(ballot) > 20, "no ballot marks drawn"


def test_csv_has_numeric_ballot_columns_and_lf_line_ends():
    from strikex.timeline import write_csv

    rows = [r.to_dict() for r in merge([
        record("a", "2024-05-01", days=["2024-05-09", "2024-05-10"], ballots=[(88, 61, "2024-04-28"), (72.5, 40, "2024-03-01")]),
        record("b", "2024-05-02", union="Unite")])]
    out = io.StringIO()
    write_csv(rows, out)
    text = out.getvalue()
    assert "\r" not in text and text.endswith("\n") and text.count("\n") == 3
    gmb, unite = sorted(csv.DictReader(io.StringIO(text)), key=lambda r: r["union"])
    assert (gmb["support_pct"], gmb["turnout_pct"], gmb["ballot_closes"]) == ("88", "61", "2024-04-28")  # the latest
    assert (gmb["ballot_count"], gmb["strike_day_count"], gmb["source_count"]) == ("2", "2", "1")
    assert float(gmb["support_pct"]) == 88.0 and gmb["votes_cast"] == "" and gmb["eligible"] == ""
    assert (unite["support_pct"], unite["ballot_count"]) == ("", "0")
    assert "72.5% support" in gmb["ballots"]


# issue 13, item 5: ids that tell disputes apart in time, the same for the same records

def test_the_same_parties_two_years_apart_get_different_ids_stable_across_runs():
    records = [record("a", "2022-03-01", days=["2022-03-10"]), record("b", "2024-03-01", days=["2024-03-12"]),
               record("c", "2024-03-05", days=["2024-03-14"], status="held")]
    rows = [r.to_dict() for r in merge(records)]
    assert len(rows) == 2 and rows[0]["id"] != rows[1]["id"]
    assert rows[0]["id"].endswith("-2022-03") and rows[1]["id"].endswith("-2024-03")
    assert rows[0]["id"][:8] == rows[1]["id"][:8]   # the same parties: the same hash part
    assert [r.to_dict() for r in merge(reversed(records))] == rows   # any order, the same rows and ids


def test_a_report_between_two_rows_joins_them_in_any_order():
    a, c = record("a", "2024-01-05", days=["2024-01-10"]), record("c", "2024-08-25", days=["2024-08-30"])
    b = record("b", "2024-05-01", days=["2024-05-05"], ballots=[(70, 50, None)])   # within 120 days of both
    rows = [[r.to_dict() for r in merge(order)] for order in ([a, b, c], [a, c, b], [c, a, b], [b, c, a])]
    assert all(r == rows[0] for r in rows) and len(rows[0]) == 1 and rows[0][0]["sources"] == ["a", "b", "c"]


def test_ids_never_repeat():
    undated = [record("a", None, workers="bin workers"), record("b", None, employer="Kirklees Council")]
    ids = [r.id for r in merge(undated + [record("c", "2024-01-01"), record("d", "2025-06-01", days=["2025-06-02"])])]
    assert len(set(ids)) == len(ids)


# issue 13, item 6: the timeline streams, says how far Ctrl-C got, and checks its output path first

def test_build_streams_records_and_keeps_none_of_them():
    import gc
    import weakref

    from strikex.timeline import build

    class Rec(dict):   # a dict that can be weakly referenced
        pass

    refs, seen = [], []

    def stream():
        for i in range(50):
            r = Rec(record(f"s{i}", f"2024-{1 + i % 12:02d}-01", employer=f"Council {i % 5}"))
            refs.append(weakref.ref(r))
            yield r

    rows = build(stream(), on_record=lambda r: seen.append(r["source"]))
    gc.collect()
    assert seen == [f"s{i}" for i in range(50)] and len(rows) >= 5
    assert sum(ref() is not None for ref in refs) == 0


def test_ctrl_c_while_building_says_how_far_it_got():
    from strikex.timeline import Interrupted, build

    def stream():
        yield from (record("a", "2024-05-01"), record("b", "2024-05-02"), {"source": "c", "error": "bad"})
        raise KeyboardInterrupt

    with pytest.raises(Interrupted, match="interrupted after 3 records: no timeline written") as caught:
        build(stream())
    assert caught.value.records == 3


def test_output_paths_are_checked_before_the_work(tmp_path):
    from strikex.outfile import OutputPathError, check_output

    check_output(None)
    check_output("-")
    check_output(tmp_path / "new.html")
    check_output(tmp_path / "tables", folder=True)
    for bad, why in [(tmp_path / "no" / "such" / "x.csv", "does not exist"), (tmp_path, "is a folder")]:
        with pytest.raises(OutputPathError, match=why):
            check_output(bad)
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(OutputPathError, match="is a file"):
        check_output(tmp_path / "file.txt", folder=True)


def test_an_interrupted_write_leaves_the_old_file_and_no_partial_one(tmp_path):
    from strikex.outfile import atomic_file

    target = tmp_path / "disputes.csv"
    target.write_text("old\n")
    with pytest.raises(KeyboardInterrupt):
        with atomic_file(target) as out:
            out.write("half of the new")
            raise KeyboardInterrupt
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["disputes.csv"]
    with atomic_file(target) as out:
        out.write("new\n")
    assert target.read_text() == "new\n" and len(list(tmp_path.iterdir())) == 1


def test_the_timeline_command_checks_its_output_first_and_writes_lf_csv_whole(cli, tmp_path):
    """Issue 13.6 and 13.12 through the command: a bad -o path is said before any work (exit 4); -o writes the
    file whole; the CSV ends its lines in LF."""
    records = tmp_path / "records.jsonl"
    records.write_text(cli("extract", PAIR).stdout)
    bad = cli("timeline", records, "-o", tmp_path / "no-such-folder" / "t.csv", "--format", "csv")
    assert bad.exit_code == 4 and "disputes from" not in bad.stderr, bad.stderr
    out = tmp_path / "t.csv"
    done = cli("timeline", records, "-o", out, "--format", "csv")
    assert done.exit_code == 0, done.stderr
    data = out.read_bytes()
    assert b"\r\n" not in data and data.count(b"\n") == 2   # header and one dispute
    assert not list(tmp_path.glob(".t.csv.*"))              # no partial file left beside it


def test_disputes_naming_neither_union_nor_employer_are_left_out_and_counted(cli, tmp_path):
    from strikex.records import LIST_KEYS, SCHEMA_VERSION

    faceless = {"schema_version": SCHEMA_VERSION, "source": "x", "reference_date": "2025-03-01", "relevant": True,
                **{k: [] for k in LIST_KEYS},
                "disputes": [{"union": None, "employer": None, "workers": None, "worker_count": None, "causes": [],
                              "status": "planned", "ballots": [], "strikes": []}]}
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(faceless) + "\n")
    result = cli("timeline", records)
    assert result.exit_code == 0 and result.stdout == ""
    assert "1 disputes naming neither union nor employer left out" in result.stderr


# issue 13, item 6: extract's batch safety in the timeline command (progress, --workers, streaming, Ctrl-C)

def strikex_record(source, ref, **kw):
    """``record`` as a strikex record (what ``extract`` writes and the readers of records accept)."""
    from strikex.records import LIST_KEYS, SCHEMA_VERSION

    return {"schema_version": SCHEMA_VERSION, **{k: [] for k in LIST_KEYS}, **record(source, ref, **kw)}


def test_timeline_progress_is_n_of_m_on_a_terminal_stderr_and_never_in_the_output(tmp_path):
    import os
    import pty
    import sys

    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(strikex_record(f"s{i}", f"2024-{1 + i % 12:02d}-01",
                                                         employer=f"Council {i % 4}")) + "\n" for i in range(40)))
    master, slave = pty.openpty()
    with open(tmp_path / "stdout", "w") as stdout:
        proc = subprocess.Popen([str(Path(sys.executable).with_name("strikex")), "timeline", str(records)],
                                stdout=stdout, stderr=slave, env=dict(os.environ, COLUMNS="120", TERM="xterm"))
    os.close(slave)
    seen = b""
    while chunk := _read(master):
        seen += chunk
    proc.wait(timeout=120)
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "/40" in text and "merging" in text                           # N/M
    rows = [json.loads(line) for line in (tmp_path / "stdout").read_text().splitlines()]
    assert rows and all(r["id"] for r in rows)                           # nothing but rows on stdout
    assert f"strikex: 40 records, 0 not relevant, 0 errors, {len(rows)} disputes → stdout" in text   # the summary


def _read(fd):
    import os

    try:
        return os.read(fd, 65536)
    except OSError:
        return b""


def test_timeline_records_stream_one_at_a_time_from_a_pipe():
    from strikex.collect import timeline_records

    class Pipe:   # stdin that counts the lines taken from it
        def __init__(self, n):
            self.lines = (json.dumps(strikex_record(f"s{i}", "2024-05-01")).encode() + b"\n" for i in range(n))
            self.taken = 0

        def readline(self):
            self.taken += 1
            return next(self.lines, b"")

        def read(self):
            raise AssertionError("JSON Lines are read a line at a time, never whole")

    pipe = Pipe(1000)
    records, total = timeline_records(["-"], stdin=pipe)
    assert total is None and not isinstance(records, list)
    assert next(records)["source"] == "s0" and pipe.taken == 1          # one record in, one line read
    assert next(records)["source"] == "s1" and pipe.taken == 2
    assert sum(1 for _ in records) == 998


def test_timeline_counts_records_files_and_reads_them_lazily(tmp_path):
    from strikex.collect import timeline_records

    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(strikex_record("a", "2024-05-01")) + "\nnot json\n")
    records, total = timeline_records([str(path)])
    assert total == 2 and next(records)["source"] == "a"                # the bad line is not reached yet
    from strikex.apply import Fatal

    with pytest.raises(Fatal, match=r"records.jsonl:2: not strikex records"):
        next(records)


def test_ctrl_c_in_the_timeline_command_exits_130_and_writes_nothing(cli, tmp_path, monkeypatch):
    from strikex import recordio

    def interrupted(data, source, head=b""):
        yield strikex_record("a", "2024-05-01")
        raise KeyboardInterrupt

    monkeypatch.setattr(recordio, "iter_records", interrupted)
    out = tmp_path / "t.html"
    result = cli("timeline", "-", "-o", out, "--format", "html",
                 input=json.dumps(strikex_record("a", "2024-05-01")) + "\n")
    assert result.exit_code == 130 and "interrupted after 1 records: no timeline written" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_timeline_with_two_workers_equals_the_serial_run(cli, tmp_path):
    from conftest import SEEDS

    texts = [p.read_text(encoding="utf-8") for p in sorted(PAIR.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))]
    for i in range(36):   # more than one chunk of articles per worker
        (tmp_path / f"{i:03d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    one = cli("timeline", tmp_path, "--workers", "1")
    two = cli("timeline", tmp_path, "--workers", "2")
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) >= 3
    assert one.stderr.splitlines()[-1] == two.stderr.splitlines()[-1] == (
        f"strikex: 36 records, 0 not relevant, 0 errors, {len(one.stdout.splitlines())} disputes → stdout")
