"""Every pgettext call names its context and message as literal strings (issue 15: the
history's "Changed the agreed level of section …" and the approver's "(coordination)" were
never translated). xgettext extracts a call only when its arguments are literals: a context
held in a variable leaves the message out of the catalogues, so no translator sees it and the
page shows English in every language, with no error anywhere."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

PACKAGE = Path(settings.LOCALE_PATHS[0]).parent
CONTEXT_CALLS = {"pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy"}


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _marked_record(args: list[ast.expr]) -> bool:
    """`pgettext(m.context, m.message)`: a message record marked where it is written
    (`Contextual(…)`, extracted there), looked up here."""
    return (isinstance(args[0], ast.Attribute) and args[0].attr == "context"
            and isinstance(args[1], ast.Attribute) and args[1].attr == "message")


def calls_with_a_computed_context() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if (isinstance(node, ast.Call) and _name(node.func) in CONTEXT_CALLS
                    and len(node.args) >= 2
                    and not (_literal(node.args[0]) and _literal(node.args[1]))
                    and not _marked_record(node.args)):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_every_context_and_message_is_a_literal_string():
    assert calls_with_a_computed_context() == []


def test_the_scan_tells_a_variable_context_from_a_marked_record():
    def call(source: str) -> ast.Call:
        return next(n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call))

    held = call('pgettext(context, "coordination")')
    assert not _literal(held.args[0]) and not _marked_record(held.args)
    assert _marked_record(call("pgettext(message.context, message.message)").args)
