"""Every command has help with an Example block, and the README documents every command, option and exit code
(after sqlite-utils' tests/test_docs.py). Commands are discovered from the typer app, so new ones are covered."""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from conftest import README, SEEDS

from strikex import errors
from strikex.cli import app

GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)
README_TEXT = README.read_text(encoding="utf-8")


def test_commands_are_discovered():
    assert {"extract", "schema"} <= set(COMMANDS)


def test_root_help(cli):
    result = cli("--help")
    assert result.exit_code == 0
    assert "Usage: strikex" in result.stdout
    for name in COMMANDS:
        assert re.search(rf"\b{name}\b", result.stdout), name


def test_root_help_has_example(cli):
    assert "Example" in cli("--help").stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_example(cli, name):
    result = cli(name, "--help")
    assert result.exit_code == 0
    assert f"strikex {name}" in result.stdout
    assert "Example" in result.stdout
    # the examples show the command itself in use
    examples = result.stdout[result.stdout.index("Example"):]
    assert f"strikex {name}" in examples


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_a_help_summary(name):
    command = GROUP.commands[name]
    assert (command.help or "").strip()
    assert command.get_short_help_str().strip()


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_mentions_every_command(name):
    assert f"strikex {name}" in README_TEXT


@pytest.mark.parametrize("name, option", [
    (name, opt) for name in COMMANDS for p in GROUP.commands[name].params for opt in p.opts
    if opt.startswith("--") and opt != "--help"
])
def test_readme_mentions_every_option(name, option):
    assert option in README_TEXT, f"strikex {name} {option}"


@pytest.mark.parametrize("code", [errors.EXIT_OK, errors.EXIT_SOME_FAILED, errors.EXIT_BAD_INPUT, errors.EXIT_NO_MODEL])
def test_readme_exit_code_table(code):
    assert re.search(rf"\|\s*{code}\s*\|\s*$", README_TEXT, re.M), f"exit code {code} not in the README table"


def test_version_option(cli):
    import strikex

    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"strikex {strikex.__version__}"


# -- every command example, in the README and in --help, is run (issue 13.7) --------------------------------
# Each runs with bash in a sandbox whose names are those the examples use: article.txt, a.txt, b.txt,
# articles/ (the seeds, a dispute-free article and one unreadable file, so that every recipe meets an error
# record), archive/, crawl.jsonl(.gz), crawl.warc.gz and crawl-2024-01.warc.gz, page.html and saved-pages/, gold/ and my-gold/ (gold pairs); seeds/, tests/, examples/ are the
# project's. Lines of a README block run in order in one sandbox (records.jsonl written by one is read by the
# next). A line runs under `set -o pipefail` unless strikex is followed by a pipe (then strikex's exit 1 for
# the unreadable file does not count and the filter's status does); nothing may print a traceback or a jq error.


ROOT = Path(__file__).parents[1]
NOT_RUN = ("python3 -m venv", "tcp://", "datasette ")   # set-up (run by CI itself), a cluster that is not there,
                                                        # and a web server that runs until stopped (test_db.py)


def sh_blocks(text: str) -> list[list[str]]:
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    return [[line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")
             and not any(skip in line for skip in NOT_RUN)] for block in blocks]


def help_examples() -> list[str]:
    epilogs = [GROUP.epilog or ""] + [GROUP.commands[name].epilog or "" for name in COMMANDS]
    return [line.strip() for e in epilogs for line in e.splitlines() if line.strip().startswith("strikex ")
            or line.strip().startswith(("cat ", "zcat "))]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Path:
    box = tmp_path_factory.mktemp("examples")
    seeds = sorted(SEEDS.glob("*.txt"))
    (box / "articles").mkdir()
    for p in seeds:
        shutil.copy(p, box / "articles" / p.name)
    (box / "articles" / "weather.txt").write_text("Rain is expected across Yorkshire on Thursday.\n")
    (box / "articles" / "scan.txt").write_bytes(b"%PDF-1.4\n")
    shutil.copytree(box / "articles", box / "archive" / "2017")
    shutil.copy(seeds[1], box / "article.txt")
    (box / "article.txt.gz").write_bytes(gzip.compress(seeds[1].read_bytes()))
    shutil.copy(seeds[0], box / "a.txt")
    shutil.copy(seeds[1], box / "b.txt")
    rows = [json.dumps({"url": f"https://example.org/{p.stem}", "body": p.read_text(encoding="utf-8"), "id": p.stem,
                        "text": p.read_text(encoding="utf-8"),
                        "published": "2017-01-18"}) for p in seeds]
    (box / "crawl.jsonl").write_text("\n".join(rows) + "\n")
    (box / "crawl.jsonl.gz").write_bytes(gzip.compress((box / "crawl.jsonl").read_bytes()))
    from webpages import page, write_warc   # WARC files of the seeds as web pages, for the --input warc examples

    pages = [(f"https://news.example.org/{p.stem}", page(p.read_text(encoding="utf-8")), "2017-01-18") for p in seeds]
    for name in ("crawl.warc.gz", "crawl-2024-01.warc.gz"):
        write_warc(box / name, pages)
    (box / "page.html").write_text(pages[1][1], encoding="utf-8")
    (box / "saved-pages").mkdir()
    for (_, html, _), p in zip(pages, seeds):
        (box / "saved-pages" / f"{p.stem}.html").write_text(html, encoding="utf-8")
    for name in ("seeds", "tests", "examples"):
        (box / name).symlink_to(ROOT / name)
    for name in ("gold", "my-gold"):
        (box / name).symlink_to(ROOT / "seeds")
    return box


def run_example(line: str, box: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", NO_COLOR="1")
    pipefail = "" if re.search(r"strikex [^|]*\|", line) else "set -o pipefail; "
    return subprocess.run(["bash", "-c", pipefail + line], cwd=box, env=env, capture_output=True, text=True,
                          timeout=600)


def check(line: str, result: subprocess.CompletedProcess, box: Path) -> None:
    assert "Traceback" not in result.stderr and "jq: error" not in result.stderr, (line, result.stderr)
    # exit 1: some inputs were error records (articles/ holds an unreadable file on purpose)
    assert result.returncode in (0, 1), (line, result.returncode, result.stderr[-2000:])
    writes_a_file = (">" in line.replace("->", "") or "-o " in line or "--output" in line or "dask_extract.py" in line
                     or line.startswith("strikex db "))   # strikex db writes its database, and a summary to stderr
    if not writes_a_file and "select(" not in line:   # a jq select may rightly find nothing in the seeds
        assert result.stdout.strip(), (line, result.stderr[-2000:])
    if "dask_extract.py" in line:   # part files that `cat out/part-*` joins into whole records
        texts = [part.read_text(encoding="utf-8") for part in sorted((box / "out").glob("part-*.jsonl"))]
        assert texts and all(t.endswith("\n") for t in texts)
        assert len([json.loads(r) for t in texts for r in t.splitlines()]) == 5

README_BLOCKS = [b for b in sh_blocks(README_TEXT) if b]


@pytest.mark.parametrize("block", range(len(README_BLOCKS)))
def test_readme_examples_run(sandbox, block):
    for line in README_BLOCKS[block]:
        check(line, run_example(line, sandbox), sandbox)


@pytest.mark.parametrize("line", help_examples())
def test_help_examples_run(sandbox, line):
    check(line, run_example(line, sandbox), sandbox)


def test_readme_examples_print_what_they_say(sandbox):
    keys = run_example("strikex schema | jq '.properties | keys'", sandbox)
    assert {"strikes", "error", "provenance"} <= set(json.loads(keys.stdout))
    errors = run_example("strikex extract articles/ | jq -r 'select(.error) | .error'", sandbox).stdout.splitlines()
    assert errors == ["articles/scan.txt: binary file (a PDF document), not article text"]  # the path once
    found = run_example("strikex extract articles/ | jq -c 'select(.strikes != []) | .source'", sandbox).stdout
    assert "scan.txt" not in found and "001_2251fc9ddb0dfb63.txt" in found
    days = run_example("strikex extract articles/ --only-relevant | jq -r '.strikes[].dates[]' | sort -u", sandbox)
    assert days.returncode == 0 and "2017-01-27" in days.stdout.split()
    one = run_example("strikex extract article.txt", sandbox).stdout
    assert len(one.splitlines()) == 1 and json.loads(one)["source"] == "article.txt"
