"""The flat export for spreadsheets and SQL (issue 13, "What to build"): one CSV table per fact."""
from __future__ import annotations

import csv
import io

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
