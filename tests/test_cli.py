"""The ``strikex`` command, in-process through typer's CliRunner (Click >= 8.2: ``result.stdout`` and
``result.stderr`` are always separate), plus two runs of the real console script for what only a real
process shows (clean stdout, SIGPIPE)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS
from helpers import strike_days

from strikex.records import LIST_KEYS

ERROR_KEYS = {"schema_version", "source", "error", "provenance", *LIST_KEYS}   # an error record: the lists, empty
from strikex.errors import EXIT_BAD_INPUT, EXIT_NO_MODEL, EXIT_OK, EXIT_SOME_FAILED

A = "Unison members at Leeds City Council will strike on 3 May.\n"
B = "GMB members at Wigan Council voted 80% for strikes on a 60% turnout.\n"
C = "Unite members at Fife Council walked out on Monday.\n"
DATED = "Published 12 May 2019\nCare workers at Wigan Council will strike on Friday.\n"
UNDATED = "Social workers at Kirklees Council will hold a one-day strike on 27 January.\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def jsonl(stdout: str) -> list[dict]:
    lines = stdout.splitlines()
    assert lines and all(line.strip() for line in lines)
    return [json.loads(line) for line in lines]


@pytest.fixture
def folder(tmp_path) -> Path:
    """articles/ with three articles (written out of order), a sub-folder and a file of another kind."""
    root = tmp_path / "articles"
    write(root / "c.txt", C)
    write(root / "a.txt", A)
    write(root / "b.txt", B)
    write(root / "notes.md", "Unite members will strike.\n")
    write(root / "sub" / "d.txt", UNDATED)
    return root


# -- one input ---------------------------------------------------------------------------------------------
def test_single_file_gives_one_json_object(cli, tmp_path):
    path = write(tmp_path / "a.txt", A)
    result = cli("extract", path)
    assert result.exit_code == EXIT_OK
    record = json.loads(result.stdout)
    assert record["source"] == str(path)
    assert [u["name"] for u in record["unions"]] == ["UNISON"]
    assert result.stderr == ""


def test_stdin_dash(cli):
    result = cli("extract", "-", "--date", "2023-04-20", input=A)
    assert result.exit_code == EXIT_OK
    record = json.loads(result.stdout)
    assert record["source"] == "-"
    assert strike_days(record) == ["2023-05-03"]


def test_stdin_bytes_not_utf8(cli):
    result = cli("extract", "-", input=b"Unison members \xff\xfe voted to strike.")
    assert result.exit_code == EXIT_OK
    record = json.loads(result.stdout)
    assert len(record["warnings"]) == 1
    assert "UTF-8" in record["warnings"][0]


def test_format_jsonl_single_file_is_one_line(cli, tmp_path):
    result = cli("extract", write(tmp_path / "a.txt", A), "--format", "jsonl")
    assert result.exit_code == EXIT_OK
    assert len(result.stdout.splitlines()) == 1
    (record,) = jsonl(result.stdout)
    assert record["councils"][0]["name"] == "Leeds City Council"


def test_format_table(cli, tmp_path):
    result = cli("extract", write(tmp_path / "a.txt", A), "--format", "table", "--date", "2023-04-20")
    assert result.exit_code == EXIT_OK
    out = result.stdout
    assert "Unions and councils" in out and "Strikes" in out
    assert "UNISON" in out and "Leeds City Council" in out and "2023-05-03" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


# -- folders and several paths -----------------------------------------------------------------------------
def test_folder_gives_json_lines_in_sorted_path_order(cli, folder):
    result = cli("extract", folder)
    assert result.exit_code == EXIT_OK
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == [str(folder / n) for n in ("a.txt", "b.txt", "c.txt")]
    assert [r["unions"][0]["name"] for r in records] == ["UNISON", "GMB", "Unite"]


def test_recursive(cli, folder):
    result = cli("extract", folder, "--recursive")
    assert result.exit_code == EXIT_OK
    assert [r["source"] for r in jsonl(result.stdout)] == [
        str(folder / n) for n in ("a.txt", "b.txt", "c.txt", "sub/d.txt")]


def test_glob(cli, folder):
    result = cli("extract", folder, "--glob", "*.md")
    assert result.exit_code == EXIT_OK
    assert [r["source"] for r in jsonl(result.stdout)] == [str(folder / "notes.md")]
    result = cli("extract", folder, "-r", "-g", "d*.txt")
    assert [r["source"] for r in jsonl(result.stdout)] == [str(folder / "sub" / "d.txt")]


def test_folder_without_matching_files(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("extract", tmp_path / "empty")
    assert result.stdout == "" and result.exit_code == EXIT_SOME_FAILED   # nothing done: exit 1, as for jq -e
    assert "no files matching" in result.stderr
    assert cli("extract", tmp_path / "empty", "--glob", "*.nothing").exit_code == EXIT_SOME_FAILED


def test_several_paths_in_argument_order(cli, folder, tmp_path):
    extra = write(tmp_path / "z.txt", UNDATED)
    result = cli("extract", extra, folder / "b.txt", folder)
    assert result.exit_code == EXIT_OK
    assert [r["source"] for r in jsonl(result.stdout)] == [
        str(extra), str(folder / "b.txt"), *(str(folder / n) for n in ("a.txt", "b.txt", "c.txt"))]


def test_format_json_with_several_inputs_is_an_array(cli, folder):
    result = cli("extract", folder / "a.txt", folder / "b.txt", "--format", "json")
    assert result.exit_code == EXIT_OK
    records = json.loads(result.stdout)
    assert isinstance(records, list)
    assert [r["source"] for r in records] == [str(folder / "a.txt"), str(folder / "b.txt")]


def test_format_json_folder_is_an_array(cli, folder):
    records = json.loads(cli("extract", folder, "-f", "json").stdout)
    assert len(records) == 3


# -- reference date ----------------------------------------------------------------------------------------
def test_date_used_when_the_text_has_none(cli, tmp_path):
    result = cli("extract", write(tmp_path / "k.txt", UNDATED), "--date", "2017-01-18")
    record = json.loads(result.stdout)
    assert (record["reference_date"], record["reference_date_source"]) == ("2017-01-18", "given")
    assert strike_days(record) == ["2017-01-27"]


def test_date_ignored_when_the_text_states_one(cli, tmp_path):
    result = cli("extract", write(tmp_path / "w.txt", DATED), "--date", "2017-01-18")
    record = json.loads(result.stdout)
    assert (record["reference_date"], record["reference_date_source"]) == ("2019-05-12", "text")
    assert strike_days(record) == ["2019-05-17"]


def test_without_date_no_year_is_guessed(cli, tmp_path):
    record = json.loads(cli("extract", write(tmp_path / "k.txt", UNDATED)).stdout)
    assert record["reference_date"] is None
    assert strike_days(record) == []
    (d,) = record["strikes"][0]["date_mentions"]
    assert (d["month"], d["day"], d["year"], d["date"]) == (1, 27, None, None)


@pytest.mark.parametrize("bad, says", [("18/01/2017", "must be YYYY-MM-DD"), ("tomorrow", "must be YYYY-MM-DD"),
                                       ("2017-02-30", "2017-02-30 does not exist"), ("2023-02-29", "does not exist"),
                                       ("9999-12-31", "out of range"), ("0001-01-01", "out of range")])
def test_bad_date_exits_2(cli, tmp_path, bad, says):
    result = cli("extract", write(tmp_path / "a.txt", A), "--date", bad)
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stdout == ""
    assert says in result.stderr and len(result.stderr.splitlines()) == 1


# -- bad input ---------------------------------------------------------------------------------------------
def test_missing_single_file_exits_2(cli, tmp_path):
    result = cli("extract", tmp_path / "missing.txt")
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stdout == ""
    assert "missing.txt" in result.stderr and "no such file" in result.stderr


def test_binary_files_in_a_folder_become_error_records(cli, folder):
    write(folder / "b2.txt", b"Unison\x00\x00\x01\x02 members\x00")
    write(folder / "b3.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    result = cli("extract", folder)
    assert result.exit_code == EXIT_SOME_FAILED
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == [str(folder / n) for n in ("a.txt", "b.txt", "b2.txt", "b3.txt", "c.txt")]
    nul, pdf = records[2], records[3]
    for bad in (nul, pdf):
        assert set(bad) == ERROR_KEYS
        assert bad["schema_version"] == "1.1"
    assert "NUL" in nul["error"]
    assert "PDF" in pdf["error"]
    # the others are processed as usual
    assert [r["unions"][0]["name"] for r in records if "error" not in r] == ["UNISON", "GMB", "Unite"]
    assert "b2.txt" in result.stderr and "b3.txt" in result.stderr


def test_single_binary_file_exits_2_with_error_record(cli, tmp_path):
    path = write(tmp_path / "scan.txt", b"%PDF-1.4\n1 0 obj\n")
    result = cli("extract", path)
    assert result.exit_code == EXIT_BAD_INPUT
    record = json.loads(result.stdout)
    assert set(record) == ERROR_KEYS
    assert "PDF" in record["error"]


def test_stderr_message_is_the_error_on_one_line(cli, tmp_path):
    """stderr redirected to a log (no COLUMNS): the message is not wrapped at 80 columns, so grep finds it."""
    path = write(tmp_path / "a-rather-long-folder-name-for-articles" / "scan.txt", b"%PDF-1.4\n")
    write(path.parent / "a.txt", A)
    result = cli("extract", path.parent, env={"COLUMNS": None, "LINES": None})
    (bad,) = [r for r in jsonl(result.stdout) if "error" in r]
    assert f"strikex: {bad['error']}" in result.stderr.splitlines()


def test_empty_file_gives_a_valid_record(cli, tmp_path):
    result = cli("extract", write(tmp_path / "empty.txt", b""))
    assert result.exit_code == EXIT_OK
    record = json.loads(result.stdout)
    assert all(record[k] == [] for k in ("unions", "councils", "people", "dates", "ballots", "strikes"))
    assert record["warnings"] == ["the input is empty (or only white space): nothing to extract"]
    assert record["reference_date"] is None


def test_non_utf8_bytes_give_a_warning(cli, tmp_path):
    path = write(tmp_path / "latin.txt", b"Unison members \xff\xfe voted to strike at Leeds City Council.")
    result = cli("extract", path)
    assert result.exit_code == EXIT_OK
    record = json.loads(result.stdout)
    assert len(record["warnings"]) == 1 and "UTF-8" in record["warnings"][0]
    assert "warning" in result.stderr
    assert [u["name"] for u in record["unions"]] == ["UNISON"]
    # offsets count characters of the decoded text (each bad byte became one U+FFFD)
    text = path.read_bytes().decode("utf-8", errors="replace")
    council = record["councils"][0]["mentions"][0]
    assert text[council["start"]:council["end"]] == "Leeds City Council"


@pytest.mark.parametrize("encoding, bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_byte_order_marks_are_decoded(cli, tmp_path, encoding, bom):
    result = cli("extract", write(tmp_path / "bom.txt", bom + A.encode(encoding)))
    assert result.exit_code == EXIT_OK
    record = json.loads(result.stdout)
    assert record["warnings"] == []
    assert record["unions"][0]["mentions"][0] == {"text": "Unison", "start": 0, "end": 6}


def test_missing_path_among_several_becomes_an_error_record(cli, folder, tmp_path):
    missing = tmp_path / "gone.txt"
    result = cli("extract", folder / "a.txt", missing, folder / "c.txt")
    assert result.exit_code == EXIT_SOME_FAILED
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == [str(folder / "a.txt"), str(missing), str(folder / "c.txt")]
    assert set(records[1]) == ERROR_KEYS
    assert "no such file" in records[1]["error"]
    assert "gone.txt" in result.stderr


def test_model_not_installed_exits_3(cli, tmp_path):
    result = cli("extract", write(tmp_path / "a.txt", A), "--model", "no_such_spacy_pipeline_xyz")
    assert result.exit_code == EXIT_NO_MODEL
    assert result.stdout == ""
    assert "no_such_spacy_pipeline_xyz" in result.stderr


def test_unknown_option_exits_2(cli, tmp_path):
    result = cli("extract", write(tmp_path / "a.txt", A), "--colour")
    assert result.exit_code == 2
    assert result.stdout == ""


# -- the real console script (two processes: model loaded twice, kept to what only a process shows) --------
STRIKEX = Path(sys.executable).with_name("strikex")


def test_console_script_stdout_is_only_json_and_stderr_carries_messages(tmp_path):
    root = tmp_path / "in"
    write(root / "a.txt", A)
    write(root / "b.pdf.txt", b"%PDF-1.4\n")
    write(root / "c.txt", b"Unison members \xff voted.")
    proc = subprocess.run([str(STRIKEX), "extract", str(root)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == EXIT_SOME_FAILED
    records = jsonl(proc.stdout)
    assert [("error" in r) for r in records] == [False, True, False]
    assert "binary file" in proc.stderr and "warning" in proc.stderr
    assert "{" not in proc.stderr          # no JSON on stderr
    assert "\x1b[" not in proc.stderr      # no colour codes when stderr is not a terminal
    assert "Traceback" not in proc.stderr


def test_console_script_sigpipe_exits_quietly(tmp_path):
    """`strikex extract DIR | head -c 10`: strikex dies of SIGPIPE (status 141 under pipefail) without a traceback.
    The folder's output (~40 records) is larger than a pipe buffer, so strikex is still writing when head exits."""
    root = tmp_path / "many"
    seed = (SEEDS / "001_2251fc9ddb0dfb63.txt").read_bytes()
    for i in range(40):
        write(root / f"{i:03}.txt", seed)
    proc = subprocess.run(["bash", "-c", 'set -o pipefail; "$0" extract "$1" | head -c 10', str(STRIKEX), str(root)],
                          capture_output=True, text=True, timeout=180)
    assert proc.stdout == '{"schema_v'
    assert proc.stderr == ""
    assert proc.returncode == 128 + 13


def test_a_failing_component_gives_an_error_record_and_the_batch_goes_on(cli, nlp, tmp_path, monkeypatch):
    """A bug that makes a rule component raise on one article must not stop the batch or leave a half record."""
    import json

    people = nlp.get_pipe("strikex_people")
    original = people.cluster

    def explode_on_marker(names):
        if names and "Zebedee" in names[0].doc.text:
            raise RuntimeError("boom")
        return original(names)

    monkeypatch.setattr(people, "cluster", explode_on_marker)
    (tmp_path / "a.txt").write_text("Cllr Zebedee Marsh said Unison members would strike.")
    (tmp_path / "b.txt").write_text("GMB members at Leeds City Council will strike.")
    result = cli("extract", str(tmp_path))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert records[0]["source"].endswith("a.txt") and "strikex_people" in records[0]["error"]
    assert set(records[0]) == ERROR_KEYS
    assert records[1]["source"].endswith("b.txt") and [u["name"] for u in records[1]["unions"]] == ["GMB"]


def test_windows_1252_is_read_as_such(cli, tmp_path):
    path = write(tmp_path / "cp1252.txt", "Unison members at Leeds City Council said the caf\u00e9 staff would \u201cstrike\u201d on 3 May 2024.".encode("cp1252"))
    record = json.loads(cli("extract", path).stdout)
    assert record["warnings"] == ["input is not valid UTF-8; decoded as Windows-1252"]
    text = path.read_bytes().decode("cp1252")
    assert "café" in text and record["strikes"][0]["dates"] == ["2024-05-03"]
    mention = record["councils"][0]["mentions"][0]
    assert text[mention["start"]:mention["end"]] == "Leeds City Council"


def test_utf8_with_one_bad_byte_stays_utf8(cli, tmp_path):
    path = write(tmp_path / "mixed.txt", "Unison members at the café will strike.".encode() + b"\xff")
    record = json.loads(cli("extract", path).stdout)
    assert "replaced with U+FFFD" in record["warnings"][0]


def test_symlink_loops_and_dangling_links_in_a_folder(cli, tmp_path):
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    write(root / "a" / "x.txt", A.encode())
    (root / "a" / "up").symlink_to(root)                     # a loop: reported, not followed
    (root / "a" / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (root / "b.txt").symlink_to(root / "c.txt")              # a loop of two file links
    (root / "c.txt").symlink_to(root / "b.txt")
    write(tmp_path / "elsewhere" / "y.txt", B.encode())
    (root / "linked").symlink_to(tmp_path / "elsewhere")     # a symlinked folder: read
    (root / "again").symlink_to(tmp_path / "elsewhere")      # the same folder twice: read once
    result = cli("extract", root, "--recursive")
    got = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert sorted(got) == ["b.txt", "c.txt", "gone.txt", "up", "x.txt", "y.txt"]
    assert "no such file" in got["gone.txt"]["error"]
    assert "symlink loop" in got["up"]["error"]
    assert "Too many levels of symbolic links" in got["b.txt"]["error"]
    assert "error" not in got["x.txt"] and "error" not in got["y.txt"]
    assert result.exit_code == 1


# -- issue 13: one output shape for any input; readers of records take what extract writes -----------------
def test_json_lines_whatever_the_number_of_inputs(cli, folder):
    one = cli("extract", folder / "a.txt")
    two = cli("extract", folder / "a.txt", folder / "b.txt")
    assert len(one.stdout.splitlines()) == 1 and jsonl(one.stdout)[0] == jsonl(two.stdout)[0]
    pretty = cli("extract", folder / "a.txt", "--format", "json")
    assert len(pretty.stdout.splitlines()) > 10 and json.loads(pretty.stdout) == jsonl(one.stdout)[0]


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_timeline_reads_what_extract_writes_from_stdin_and_files(cli, folder, tmp_path, fmt):
    written = cli("extract", folder / "a.txt", "--format", fmt, "--date", "2023-04-20").stdout
    from_stdin = cli("timeline", "-", input=written)
    (tmp_path / "r.jsonl").write_text(written)
    from_file = cli("timeline", tmp_path / "r.jsonl")
    for result in (from_stdin, from_file):
        assert result.exit_code == EXIT_OK, result.stderr
        (row,) = jsonl(result.stdout)
        assert row["union"] == "UNISON" and row["strike_days"] == ["2023-05-03"] and row["sources"] == [str(folder / "a.txt")]


@pytest.mark.parametrize("data", ['{"id": 1, "text": "Unison members will strike."}\n', '[1, 2]\n',
                                  '{"schema_version": "1.1", "source": "x"}\n'])
def test_readers_of_records_refuse_anything_else_in_one_line(cli, tmp_path, data):
    (tmp_path / "r.jsonl").write_text(data)
    for result in (cli("timeline", "-", input=data), cli("timeline", tmp_path / "r.jsonl")):
        assert result.exit_code == EXIT_BAD_INPUT and result.stdout == ""
        assert len(result.stderr.splitlines()) == 1 and "not strikex records" in result.stderr


def test_error_records_carry_the_lists_empty(cli, folder):
    write(folder / "bad.txt", b"%PDF-1.4\n")
    records = jsonl(cli("extract", folder).stdout)
    (bad,) = [r for r in records if "error" in r]
    assert all(bad[k] == [] for k in LIST_KEYS)
    # the README's filter lets no error record through
    assert "bad.txt" not in {Path(r["source"]).name for r in records if r["strikes"] != []}


# -- issue 13.9: conventions ---------------------------------------------------------------------------------
def test_piped_stdin_is_read_without_dash_and_dash_twice_reads_it_once(cli):
    for args in (("extract",), ("extract", "-", "-")):
        result = cli(*args, "--date", "2023-04-20", input=A)
        assert result.exit_code == EXIT_OK, result.stderr
        (record,) = jsonl(result.stdout)
        assert record["source"] == "-" and strike_days(record) == ["2023-05-03"]


def test_gzip_files_are_read_through(cli, tmp_path):
    import gzip

    plain = cli("extract", write(tmp_path / "a.txt", A), "--date", "2023-04-20")
    zipped = cli("extract", write(tmp_path / "a.txt.gz", gzip.compress(A.encode())), "--date", "2023-04-20")
    assert zipped.exit_code == EXIT_OK and zipped.stderr == ""
    assert {**jsonl(zipped.stdout)[0], "source": None} == {**jsonl(plain.stdout)[0], "source": None}
    rows = write(tmp_path / "crawl.jsonl.gz", gzip.compress(json.dumps({"id": "x", "text": A}).encode() + b"\n"))
    (record,) = jsonl(cli("extract", rows, "--input", "jsonl").stdout)
    assert record["source"] == "x" and record["unions"][0]["name"] == "UNISON"
    broken = cli("extract", write(tmp_path / "cut.txt.gz", gzip.compress(A.encode())[:20]))
    assert broken.exit_code == EXIT_BAD_INPUT and len(broken.stderr.splitlines()) == 1 and "gzip" in broken.stderr


def test_help_conventions(cli):
    assert cli("extract", "-h").stdout == cli("extract", "--help").stdout
    root = cli("--help").stdout
    assert "--install-completion" in root and "--show-completion" in root
    for name in ("extract", "timeline", "evaluate", "schema"):
        out = cli(name, "--help").stdout
        assert not re.search(r"<(bool|str|int|list)", out), name


def test_several_globs_and_html_by_default(cli, folder):
    write(folder / "page.html", "<p>" + B + "</p>")
    default = [Path(r["source"]).name for r in jsonl(cli("extract", folder).stdout)]
    assert default == ["a.txt", "b.txt", "c.txt", "page.html"]
    both = [Path(r["source"]).name for r in jsonl(cli("extract", folder, "-g", "a.txt", "-g", "*.md").stdout)]
    assert both == ["a.txt", "notes.md"]


def test_a_fifo_in_a_folder_is_named_and_not_read(cli, folder):
    import os

    os.mkfifo(folder / "pipe.txt")
    result = cli("extract", folder)
    assert result.exit_code == EXIT_OK and len(jsonl(result.stdout)) == 3
    assert "pipe.txt: not a regular file" in result.stderr


def test_max_chars_over_spacys_limit_is_refused_before_loading(cli, tmp_path):
    result = cli("extract", write(tmp_path / "a.txt", A), "--max-chars", "1000001")
    assert result.exit_code == 2 and "1000000" in result.stderr.replace(",", "")


def test_help_shows_the_extras_to_install(cli):
    # rich markup would swallow "[web]" as a tag: the help escapes it, so the command to run is whole
    result = cli("db", "--help")
    assert "strikex[web]" in " ".join(result.stdout.split())
