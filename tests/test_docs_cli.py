"""The `govcap` command and the docs generated from the code.

`govcap` alone lists govcap's own commands by noun and leaves Django's to `govcap django`;
the README's command table, docs/settings.md and the package diagram of
docs/architecture.md are generated (cog, `make docs`) and
current; every command has a row and every GOVCAP_* variable a line — in the manner of
Datasette's tests/test_docs.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from cogapp import Cog

from govcap import cli
from govcap import settings as govcap_settings

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SETTINGS_DOC = ROOT / "docs" / "settings.md"
ARCHITECTURE_DOC = ROOT / "docs" / "architecture.md"  # its package diagram
VARIABLE = re.compile(r"(?<![A-Za-z0-9_])GOVCAP_[A-Z0-9_]*[A-Z0-9]")
# GOVCAP_* names that are not environment variables, and why.
NOT_ENVIRONMENT = {
    "GOVCAP_UPLOAD_DIR": "a Django setting only (getattr(settings, ...); tests set it)",
}
# Named in the docs for a design not built yet.
PLANNED = {"GOVCAP_DATABASE_REPLICA_URL": "docs/operator-guide.md, read replicas"}

NOUNS = cli.own_commands()
ROWS = [(noun.name, action.name) for noun in NOUNS for action in noun.actions] + [
    (noun.name, None) for noun in NOUNS if not noun.actions]
VARIABLES = list(govcap_settings.environment_variables)


def generated(path: Path) -> str:
    text = path.read_text("utf-8")
    return text[text.index("[[[cog"):text.index("[[[end]]]")]


def test_the_generated_docs_are_current(capsys) -> None:
    status = Cog().main(["cog", "--check", "--diff", "--check-fail-msg=run `make docs`",
                         str(README), str(SETTINGS_DOC), str(ARCHITECTURE_DOC)])
    assert status == 0, capsys.readouterr().out


@pytest.mark.parametrize(("noun", "action"), ROWS, ids=[" ".join(filter(None, r)) for r in ROWS])
def test_every_command_has_a_row_in_the_readme(noun: str, action: str | None) -> None:
    command = f"govcap {noun} {action}" if action else f"govcap {noun}"
    assert re.search(rf"^\| `{re.escape(command)}[ `]", generated(README), re.M), command


@pytest.mark.parametrize("name", VARIABLES)
def test_every_setting_is_in_docs_settings(name: str) -> None:
    assert f"| `{name}` |" in generated(SETTINGS_DOC)


def test_every_environment_variable_the_code_reads_is_declared() -> None:
    """A GOVCAP_* name anywhere in govcap's code is declared in settings.py (with `env`
    where settings.py reads it, `declare` where another module does), so the reference
    cannot miss it. Read inside an `if`, it must still be declared unconditionally."""
    found = {name: path.relative_to(ROOT) for path in (ROOT / "govcap").rglob("*.py")
             for name in VARIABLE.findall(path.read_text("utf-8"))}
    missing = {name: str(path) for name, path in found.items()
               if name not in govcap_settings.environment_variables
               and name not in NOT_ENVIRONMENT}
    assert not missing, f"declare these in govcap/settings.py: {missing}"


def test_the_docs_name_only_real_variables() -> None:
    docs = [README, *sorted((ROOT / "docs").rglob("*.md"))]
    unknown = {name: str(path.relative_to(ROOT)) for path in docs
               for name in VARIABLE.findall(path.read_text("utf-8"))
               if name not in govcap_settings.environment_variables
               and name not in NOT_ENVIRONMENT and name not in PLANNED}
    assert not unknown, unknown


def test_there_are_commands_and_variables_to_document() -> None:
    """Guards the parametrized tests above against an empty list found by mistake."""
    assert {"plan", "sessions", "serve", "sync"} <= {noun.name for noun in NOUNS}
    assert {"GOVCAP_DATABASE_URL", "GOVCAP_SECRET_KEY_FILE", "GOVCAP_SYNC_TOKEN"} <= set(VARIABLES)
    assert "migrate" not in {noun.name for noun in NOUNS}  # govcap's override stays Django's


@pytest.mark.parametrize("argv", [[], ["help"], ["--help"], ["-h"]])
def test_govcap_alone_lists_its_own_commands_by_noun(argv: list[str], capsys) -> None:
    cli.main(argv)
    out = capsys.readouterr().out
    lines = out.splitlines()
    for noun in NOUNS:
        assert any(line.startswith(f"  {noun.name} ") for line in lines), noun.name
        for action in noun.actions:
            assert any(line.startswith(f"    {action.name} ") for line in lines), action.name
    assert "govcap django help" in out
    for django_only in ("makemigrations", "collectstatic", "axes_reset", "migrate"):
        assert not any(line.strip().startswith(django_only) for line in lines), django_only


def test_each_noun_is_followed_by_its_actions(capsys) -> None:
    cli.main([])
    out = capsys.readouterr().out
    plan = out.index("\n  plan ")
    assert out.index("\n    generate ", plan) < out.index("\n    export ", plan) \
        < out.index("\n    pack ", plan)


def test_django_commands_stay_available(capsys) -> None:
    cli.main(["django", "help"])
    out = capsys.readouterr().out
    assert "govcap django help <subcommand>" in out
    assert "makemigrations" in out
    cli.main(["django", "check"])
    cli.main(["check"])  # the direct form: the Makefile, CI and docs use it
    assert capsys.readouterr().out.count("System check identified no issues") == 2


def test_help_of_one_command_is_djangos(capsys) -> None:
    cli.main(["help", "plan"])
    assert "usage: govcap plan" in capsys.readouterr().out


def test_the_installed_entry_point_lists_the_commands() -> None:
    result = subprocess.run([sys.executable, "-m", "govcap"], capture_output=True, text=True,
                            cwd=ROOT, timeout=60, check=True)
    assert "\n  plan " in result.stdout and "govcap django help" in result.stdout
