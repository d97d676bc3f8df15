"""docs/interchange.md documents every option of `govcap sync`."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from django.core.management import load_command_class

DOC = (Path(__file__).resolve().parents[2] / "docs" / "interchange.md").read_text("utf-8")


@pytest.mark.parametrize("action", ["push", "pull", "conflicts", "status"])
def test_every_option_of_sync_is_documented(action: str) -> None:
    parser = load_command_class("govcap.sync", "sync").create_parser("govcap", "sync")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert f"govcap sync {action}" in DOC
    for a in sub.choices[action]._actions:
        for option in a.option_strings:
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in DOC, option
    assert "design; not built yet" not in DOC
