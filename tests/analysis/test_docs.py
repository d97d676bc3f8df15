"""docs/analysis.md keeps up with the `govcap analysis` command and the analysis pages."""

from __future__ import annotations

import argparse
from pathlib import Path

from django.core.management import load_command_class

DOC = (Path(__file__).resolve().parents[2] / "docs" / "analysis.md").read_text(encoding="utf-8")


def test_every_action_and_option_of_the_command_is_documented() -> None:
    cmd = load_command_class("govcap.analysis", "analysis")
    parser = cmd.create_parser("govcap", "analysis")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for action, subparser in sub.choices.items():
        assert f"govcap analysis {action}" in DOC, action
        for option in (o for a in subparser._actions for o in a.option_strings
                       if o.startswith("--") and o != "--help"):
            assert option in DOC, option


def test_the_pages_addresses_are_documented() -> None:
    for address in ("/analysis/", "/analysis/e/SLUG/", "/analysis/o/UUID/",
                    "/analysis/country/CODE/", "/analysis/e/SLUG/agreement/",
                    "/analysis/e/SLUG/votes/", "/analysis/e/SLUG/codebook/"):
        assert f"`{address}`" in DOC, address
