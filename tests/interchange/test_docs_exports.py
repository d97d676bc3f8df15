"""docs/interchange.md keeps up with the results and bundle commands, the export columns and
the API's routes."""

from __future__ import annotations

import argparse

import pytest
from django.core.management import load_command_class

from govcap.interchange.exports import COLUMNS, IDENTIFIED_COLUMNS
from tests.interchange.conftest import ROOT

DOC = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command, action", [("results", "export"), ("bundle", "export"),
                                             ("bundle", "import")])
def test_every_option_of_the_commands_is_documented(command, action):
    cmd = load_command_class("govcap.interchange", command)
    parser = cmd.create_parser("govcap", command)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    options = [o for a in sub.choices[action]._actions for o in a.option_strings
               if o.startswith("--") and o != "--help"]
    assert f"govcap {command} {action}" in DOC
    for option in options:
        assert f"`{option}" in DOC, option


def test_every_export_column_is_documented():
    for column in COLUMNS + IDENTIFIED_COLUMNS:
        assert f"| `{column.name}` | {column.type} |" in DOC, column.name


def test_every_api_route_is_documented():
    from govcap.api.main import api

    for path, methods in api.get_openapi_schema()["paths"].items():
        for method in methods:
            assert f"`{method.upper()} {path}`" in DOC, f"{method} {path}"
