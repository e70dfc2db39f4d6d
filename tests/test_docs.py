"""Every command has help with an Example block, and the README documents every command, option and exit code
(after sqlite-utils' tests/test_docs.py). Commands are discovered from the typer app, so new ones are covered."""
from __future__ import annotations

import re

import pytest
import typer.main
from conftest import README

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
