"""Help pages drawn once are printed from the cache (src/strikex/launch.py) without importing typer, click or
rich, byte for byte as drawn; nothing else is cached, and a changed package, terminal or switch never gets a
stale page. Each run is a fresh process with its own cache folder."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from strikex import launch

STRIKEX = Path(sys.executable).with_name("strikex")
PACKAGE = Path(launch.__file__).parent
# strikex's own entry point as the console script runs it, then whether typer was ever imported
PROBE = """import sys
sys.argv = ["strikex", *sys.argv[1:]]
from strikex.launch import main
try:
    main()
    code = 0
except SystemExit as exc:
    code = exc.code or 0
sys.stdout.flush()
sys.stderr.write(f"\\nPROBE {code} {'typer' in sys.modules}")
"""


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE") and k != "STRIKEX_NO_CACHE"}
    return dict(clean, STRIKEX_CACHE_DIR=str(tmp_path / "cache"), COLUMNS="100")


def probe(env: dict[str, str], *args: str, **more: str) -> tuple[str, int, bool, str]:
    """(stdout, exit code, typer imported, the rest of stderr) of ``strikex ARGS`` through launch.main."""
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60,
                          env=dict(env, **more))
    rest, _, last = done.stderr.rpartition("\nPROBE ")
    code, typer = last.split()
    return done.stdout, int(code), typer == "True", rest


def pages(env: dict[str, str]) -> list[str]:
    folder = Path(env["STRIKEX_CACHE_DIR"])
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize("args", [["--help"], ["extract", "-h"]])
def test_a_page_is_drawn_once_then_printed_from_the_cache(env, args):
    drawn = probe(env, *args)
    assert drawn[1:] == (0, True, "") and "Usage: strikex" in drawn[0] and len(pages(env)) == 1
    again = probe(env, *args)
    assert again == (drawn[0], 0, False, "")   # byte for byte, and typer never imported


def test_the_console_script_and_python_m_print_the_same_as_without_the_cache(env):
    plain = subprocess.run([str(STRIKEX), "--help"], capture_output=True, text=True, env=dict(env, STRIKEX_NO_CACHE="1"))
    assert pages(env) == []   # the switch: nothing written
    for _ in range(2):
        cached = subprocess.run([str(STRIKEX), "--help"], capture_output=True, text=True, env=env)
        assert (cached.returncode, cached.stdout, cached.stderr) == (0, plain.stdout, "")
    module = [subprocess.run([sys.executable, "-m", "strikex", "--help"], capture_output=True, text=True, env=env)
              for _ in range(2)]
    assert module[0].stdout == module[1].stdout and "Usage: python -m strikex" in module[1].stdout
    assert len(pages(env)) == 2


def test_another_terminal_width_gets_its_own_page(env):
    narrow, wide = probe(env, "--help", COLUMNS="60"), probe(env, "--help", COLUMNS="120")
    assert max(map(len, narrow[0].splitlines())) == 60 and max(map(len, wide[0].splitlines())) == 120
    assert probe(env, "--help", COLUMNS="60") == (narrow[0], 0, False, "")


def test_a_usage_error_is_not_cached(env):
    for _ in range(2):
        out, code, typer, err = probe(env, "nosuch", "--help")
        assert code == 2 and typer and "nosuch" in err
    assert pages(env) == []


def test_a_changed_module_draws_the_page_again(env, tmp_path):
    copy = tmp_path / "src" / "strikex"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(env, PYTHONPATH=str(copy.parent))
    first = probe(env, "--help")
    assert probe(env, "--help")[2] is False
    app = copy / "cli_app.py"
    app.write_text(app.read_text(encoding="utf-8").replace("Turn news reports", "Turn NEWS reports"), encoding="utf-8")
    changed = probe(env, "--help")
    assert changed[2] is True and "Turn NEWS reports" in changed[0] and "Turn NEWS" not in first[0]


def test_the_cache_can_be_turned_off(env):
    for _ in range(2):
        assert probe(env, "--help", STRIKEX_NO_CACHE="1")[1:3] == (0, True)
    assert pages(env) == []


def test_an_unusable_cache_folder_still_prints_help(env, tmp_path):
    (tmp_path / "file").write_text("")
    env = dict(env, STRIKEX_CACHE_DIR=str(tmp_path / "file" / "cache"))   # under a file: cannot be made
    for _ in range(2):
        out, code, typer, err = probe(env, "--help")
        assert (code, typer, err) == (0, True, "") and "Usage: strikex" in out


def test_a_closed_pipe_ends_a_cached_page_quietly(env):
    probe(env, "--help")
    proc = subprocess.Popen([sys.executable, "-c", PROBE, "--help"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)
    proc.stdout.close()   # the reader is gone before the page is written
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == -signal.SIGPIPE and err == b""


@pytest.mark.parametrize("args, cached", [
    (["--help"], True), (["-h"], True), (["db", "build", "--help"], True), (["extract", "--help"], True),
    ([], False), (["extract"], False), (["extract", "--help", "x"], False), (["extract", "-f", "json", "--help"], False),
    (["--version", "--help"], False), (["a", "b", "c", "--help"], False), (["", "--help"], False),
])
def test_only_pure_help_requests_are_cached(args, cached, monkeypatch):
    monkeypatch.delenv("STRIKEX_NO_CACHE", raising=False)
    assert launch._is_help_request(args) is cached
    monkeypatch.setenv("_STRIKEX_COMPLETE", "complete_bash")   # shell completion is never answered from the cache
    assert launch._is_help_request(args) is False


def test_the_key_holds_the_terminal_settings_and_the_modules(monkeypatch):
    base = launch.help_key(["--help"])
    assert launch.help_key(["-h"]) != base
    for name, value in [("NO_COLOR", "1"), ("TERM", "dumb"), ("TYPER_USE_RICH", "0"), ("COLUMNS", "33")]:
        with monkeypatch.context() as m:
            m.setenv(name, value)
            assert launch.help_key(["--help"]) != base, name
    monkeypatch.setattr(launch, "_package_files", lambda root: [("strikex/cli.py", 1, 2)])
    assert launch.help_key(["--help"]) != base


def test_the_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("STRIKEX_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert launch.cache_dir() == str(tmp_path / "strikex")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")   # not absolute: ignored, as the XDG spec says
    assert launch.cache_dir() == os.path.expanduser("~/.cache/strikex")
    monkeypatch.setenv("STRIKEX_CACHE_DIR", str(tmp_path / "here"))
    assert launch.cache_dir() == str(tmp_path / "here")
