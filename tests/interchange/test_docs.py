"""docs/interchange.md keeps up with the commands and the form."""

from __future__ import annotations

import argparse
import re

import pytest
from django.core.management import load_command_class

from tests.interchange.conftest import ROOT

DOC = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command, action", [("xlsform", "export"), ("submissions", "import")])
def test_every_option_of_the_commands_is_documented(command, action):
    cmd = load_command_class("govcap.interchange", command)
    parser = cmd.create_parser("govcap", command)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    options = [o for a in sub.choices[action]._actions for o in a.option_strings
               if o.startswith("--") and o != "--help"]
    assert f"govcap {command} {action}" in DOC
    for option in options:
        assert f"`{option}" in DOC, option


def test_every_question_of_the_form_is_documented(spec):
    documented = set(re.findall(r"`([a-zA-Z_]+)`", DOC))
    for f in spec.fields():
        name = re.sub(r"^s[0-9]+_", "sN_", f.name)
        assert name in documented, f.name
