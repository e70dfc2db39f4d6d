"""No worker process outlives strikex, however strikex ends: its reader closes the pipe (``| head -1``), it is
killed outright (``kill -9``, as by the OOM killer), or it is stopped with SIGTERM. Real processes, each
pipeline in a new process group, so that every process it started (workers included) is found by its group."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS

STRIKEX = Path(sys.executable).with_name("strikex")
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the processes")


def group_members(pgid: int) -> list[int]:
    """The live (not zombie) processes of a process group."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            found.append(int(entry.name))
    return found


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def wait_until_empty(pgid: int, seconds: float = 20) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := group_members(pgid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


@pytest.fixture
def copies(tmp_path) -> Path:
    """80 copies of the seeds: more records than a pipe holds, and work for the workers when it closes."""
    root = tmp_path / "many"
    root.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(80):
        shutil.copy(seeds[i % len(seeds)], root / f"{i:03}.txt")
    return root


def kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def test_no_worker_outlives_a_closed_pipe(copies, tmp_path):
    # files, not pipes, for the output: a worker left behind would hold a pipe open and hang the test
    with open(tmp_path / "out", "w") as out_file, open(tmp_path / "err", "w") as err_file:
        proc = subprocess.Popen(["bash", "-c", 'set -o pipefail; "$0" extract "$1" --workers 2 | head -1',
                                 str(STRIKEX), str(copies)], stdout=out_file, stderr=err_file, start_new_session=True)
    try:
        proc.wait(timeout=240)
        left = wait_until_empty(proc.pid)
    finally:
        kill_group(proc.pid)
    out, err = (tmp_path / "out").read_text(), (tmp_path / "err").read_text()
    assert out.startswith('{"schema_version"') and len(out.splitlines()) == 1
    assert "Traceback" not in err and err == ""
    assert proc.returncode == 128 + signal.SIGPIPE  # strikex ended as a filter does: by SIGPIPE, quietly
    assert left == [], "worker processes outlived strikex"


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_no_worker_outlives_a_killed_parent(copies, how):
    proc = subprocess.Popen([str(STRIKEX), "extract", str(copies), "--workers", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        assert len(children(proc.pid)) >= 2, "the workers did not start"
        time.sleep(1.0)  # let them load the pipeline and take chunks
        os.kill(proc.pid, how)
        proc.wait(timeout=30)
        left = wait_until_empty(proc.pid)
    finally:
        kill_group(proc.pid)
    assert left == [], f"worker processes outlived a parent ended by {how.name}"
    if how == signal.SIGTERM:
        assert proc.returncode == 143
