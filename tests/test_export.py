"""The flat export for spreadsheets and SQL (issue 13, "What to build"): one CSV table per fact."""
from __future__ import annotations

import csv
import io
import json

import pytest
from test_timeline import record

from strikex.export import TABLES, write_tables


def full_record():
    r = record("leeds.txt", "2024-05-01", days=["2024-05-09", "2024-05-10"], ballots=[(88.5, 61, "2024-04-28")],
               causes=["pay"])
    r["ballots"][0].update(legal_check={"result": "pass", "regime": "TUA2016", "mandate_expires": "2024-10-28"},
                           text="88.5% backed", rule="ballots.json:x")
    r.update(unions=[{"name": "GMB"}], councils=[{"name": "Leeds City Council"}], warnings=[],
             people=[{"name": "Ann Lee", "role": "organiser", "organisation": "GMB", "mentions": [{}, {}], "rule": "p"}])
    return r


def read(path):
    text = path.read_text(encoding="utf-8")
    assert "\r" not in text
    return list(csv.DictReader(io.StringIO(text)))


def test_one_table_per_fact_with_numbers_as_numbers(tmp_path):
    records = [full_record(), {"schema_version": "1.1", "source": "bad.txt", "error": "bad.txt: binary file"},
               {"source": "off.txt", "relevant": False, "ballots": [], "strikes": [], "disputes": []}]
    seen = []
    counts = write_tables(iter(records), tmp_path / "out", on_record=lambda r: seen.append(r["source"]))
    assert seen == ["leeds.txt", "bad.txt", "off.txt"]
    assert counts == {"articles": 3, "people": 1, "ballots": 1, "strike_days": 2, "disputes": 1}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    articles = read(tmp_path / "out" / "articles.csv")
    assert [(a["article"], a["source"], a["error"]) for a in articles] == [
        ("1", "leeds.txt", ""), ("2", "bad.txt", "bad.txt: binary file"), ("3", "off.txt", "")]
    assert (articles[0]["relevant"], articles[0]["unions"], articles[0]["strike_count"]) == ("true", "GMB", "1")
    (ballot,) = read(tmp_path / "out" / "ballots.csv")
    assert (float(ballot["support_pct"]), int(ballot["turnout_pct"]), ballot["votes_cast"]) == (88.5, 61, "")
    assert (ballot["article"], ballot["legal_result"], ballot["mandate_expires"]) == ("1", "pass", "2024-10-28")
    days = read(tmp_path / "out" / "strike_days.csv")
    assert [(d["article"], d["date"], d["employer"]) for d in days] == [
        ("1", "2024-05-09", "Leeds City Council"), ("1", "2024-05-10", "Leeds City Council")]
    (dispute,) = read(tmp_path / "out" / "disputes.csv")
    assert (dispute["causes"], dispute["first_strike_day"], dispute["last_strike_day"]) == (
        "pay", "2024-05-09", "2024-05-10")
    (person,) = read(tmp_path / "out" / "people.csv")
    assert (person["name"], person["mention_count"]) == ("Ann Lee", "2")


def test_an_interrupted_export_writes_no_table(tmp_path):
    def stream():
        yield full_record()
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_tables(stream(), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_bad_folder_fails_before_reading_any_record(tmp_path):
    from strikex.outfile import OutputPathError

    (tmp_path / "taken").write_text("a file")

    def stream():
        raise AssertionError("read a record")
        yield

    with pytest.raises(OutputPathError):
        write_tables(stream(), tmp_path / "taken")


# -- from the command line: `strikex extract --format csv --output DIR` and `strikex export` -------------------

def table_files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_extract_format_csv_writes_the_tables_that_export_writes_from_its_records(cli, tmp_path):
    from test_timeline import PAIR

    direct = cli("extract", PAIR, "--format", "csv", "--output", tmp_path / "direct")
    assert direct.exit_code == 0 and direct.stdout == "", direct.stderr
    assert direct.stderr.splitlines()[-1] == f"strikex: 2 records, 0 not relevant, 0 errors → {tmp_path / 'direct'}"
    records = tmp_path / "records.jsonl"
    records.write_text(cli("extract", PAIR).stdout)
    exported = cli("export", records, "--output", tmp_path / "exported")
    assert exported.exit_code == 0 and exported.stdout == "", exported.stderr
    assert exported.stderr.splitlines()[-1].startswith("strikex: 2 records, 0 not relevant, 0 errors, 2 people, ")
    tables = table_files(tmp_path / "direct")
    assert sorted(tables) == sorted(f"{t}.csv" for t in TABLES) and tables == table_files(tmp_path / "exported")
    assert all(b"\r" not in data for data in tables.values())
    articles = list(csv.DictReader(io.StringIO(tables["articles.csv"].decode())))
    assert [(a["article"], a["source"].endswith("a01.txt"), a["ballot_count"]) for a in articles] == [
        ("1", True, "1"), ("2", False, "1")]


def test_format_csv_needs_an_output_folder_and_no_resume(cli, tmp_path):
    from test_timeline import PAIR

    alone = cli("extract", PAIR, "--format", "csv")
    assert alone.exit_code == 2 and alone.stdout == ""
    assert alone.stderr.strip() == "strikex: --format csv writes a folder of tables: give it with --output DIR"
    resumed = cli("extract", PAIR, "--format", "csv", "--output", tmp_path / "t", "--resume")
    assert resumed.exit_code == 2 and len(resumed.stderr.splitlines()) == 1 and "--resume works with JSON Lines only" \
        in resumed.stderr
    (tmp_path / "taken").write_text("a file")
    taken = cli("extract", PAIR, "--format", "csv", "--output", tmp_path / "taken")
    assert taken.exit_code == 4 and "is a file; give a folder" in taken.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_export_reads_records_from_a_pipe_one_line_at_a_time(cli, tmp_path):
    from test_timeline import strikex_record

    from strikex.collect import export_records

    class Pipe:
        def __init__(self, n):
            self.lines = (json.dumps(strikex_record(f"s{i}", "2024-05-01", days=["2024-05-09"])).encode() + b"\n"
                          for i in range(n))

        def readline(self):
            return next(self.lines, b"")

        def read(self):
            raise AssertionError("JSON Lines are read a line at a time, never whole")

    class Err:
        lines: list = []

        def print(self, text, markup=False):
            self.lines.append(text)

    assert export_records(["-"], str(tmp_path / "t"), Err(), stdin=Pipe(300)) == 0
    days = read(tmp_path / "t" / "strike_days.csv")
    assert len(days) == 300 and days[-1]["article"] == "300" and days[-1]["date"] == "2024-05-09"
    assert Err.lines[-1].startswith("strikex: 300 records, 0 not relevant, 0 errors, 0 people, 0 ballots, 300 strike")


@pytest.mark.parametrize("data, says", [
    ('{"id": 1, "text": "Unison members will strike."}\n', "-:1: not strikex records"),
    ("Unison members will strike on Monday.\n", "-:1: not strikex records"),
])
def test_export_refuses_what_is_not_records_and_writes_nothing(cli, tmp_path, data, says):
    result = cli("export", "-", "--output", tmp_path / "t", input=data)
    assert result.exit_code == 2 and says in result.stderr and len(result.stderr.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_export_checks_its_folder_before_its_inputs_and_refuses_missing_inputs(cli, tmp_path):
    (tmp_path / "taken").write_text("a file")
    assert cli("export", tmp_path / "missing.jsonl", "-o", tmp_path / "taken").exit_code == 4
    missing = cli("export", tmp_path / "missing.jsonl", "-o", tmp_path / "t")
    assert missing.exit_code == 2 and "missing.jsonl: no such file" in missing.stderr
    assert cli("export", tmp_path / "missing.jsonl").exit_code == 2            # --output is required
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_ctrl_c_during_export_or_extract_format_csv_writes_no_table(cli, tmp_path, monkeypatch):
    from test_timeline import PAIR, strikex_record

    from strikex import api, recordio

    def interrupted(*args, **kwargs):
        yield strikex_record("a", "2024-05-01")
        raise KeyboardInterrupt

    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(strikex_record("a", "2024-05-01")) + "\n")
    monkeypatch.setattr(recordio, "stream_records", interrupted)
    result = cli("export", records, "-o", tmp_path / "t")
    assert result.exit_code == 130 and "interrupted after 1 records: no tables written to" in result.stderr
    monkeypatch.setattr(api, "extract_items", interrupted)
    result = cli("extract", PAIR, "--format", "csv", "-o", tmp_path / "t")
    assert result.exit_code == 130 and "interrupted after 1 records; no tables written to" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]


def test_export_reads_every_format_extract_writes(cli, tmp_path):
    import gzip

    from test_timeline import strikex_record

    records = [strikex_record("a", "2024-05-01", days=["2024-05-09"]), strikex_record("b", "2024-06-01")]
    lines = "".join(json.dumps(r) + "\n" for r in records)
    inputs = {"r.jsonl": lines.encode(), "r.json": json.dumps(records, indent=2).encode(),
              "r.jsonl.gz": gzip.compress(lines.encode())}
    tables = []
    for name, data in inputs.items():
        (tmp_path / name).write_bytes(data)
        result = cli("export", tmp_path / name, "-o", tmp_path / f"t-{name}")
        assert result.exit_code == 0, result.stderr
        tables.append(table_files(tmp_path / f"t-{name}"))
    one = cli("export", tmp_path / "r.jsonl", "-", "-o", tmp_path / "both", input=json.dumps(records[0], indent=2))
    assert one.exit_code == 0 and len(read(tmp_path / "both" / "articles.csv")) == 3
    assert tables[0] == tables[1] == tables[2] and len(read(tmp_path / "t-r.json" / "articles.csv")) == 2
