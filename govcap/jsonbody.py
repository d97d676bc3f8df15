"""Loading JSON that arrived from outside (a request body, an uploaded bundle) with a size
and a nesting-depth limit.

Python's parser recurses once per level of nesting: ten kilobytes of `[[[[…` raise a
`RecursionError`, which no caller expects, so a server answered 500 and a command printed a
traceback. Here the depth is measured on the raw bytes first (strings skipped), so such a
document is refused with a clear message before the parser sees it. A leaf module: it
imports nothing of govcap, so any layer may use it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.utils.translation import gettext as _

DEFAULT_MAX_DEPTH = 32

_ESCAPED = re.compile(rb"\\.", re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_OPENING = frozenset(b"[{")


class JSONBodyError(ValueError):
    """The document is too large, nested too deeply, not UTF-8 or not JSON; the message
    says which, in words a user can act on."""


def nesting_depth(data: bytes, stop_after: int | None = None) -> int:
    """The deepest nesting of arrays and objects in a JSON document, brackets inside strings
    not counted; with `stop_after`, counting ends as soon as that depth is exceeded."""
    outside_strings = b"".join(_ESCAPED.sub(b"", data).split(b'"')[::2])
    depth = deepest = 0
    for byte in outside_strings.translate(None, _NOT_BRACKETS):
        depth += 1 if byte in _OPENING else -1
        if depth > deepest:
            deepest = depth
            if stop_after is not None and deepest > stop_after:
                break
    return deepest


def loads(data: bytes | str, *, max_bytes: int, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """The parsed document, or a `JSONBodyError` saying what is wrong with it."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > max_bytes:
        raise JSONBodyError(_("The document is too large: more than %(limit)s.") % {
            "limit": _size(max_bytes)})
    if nesting_depth(raw, stop_after=max_depth) > max_depth:
        raise JSONBodyError(_("The document is nested more than %(depth)d levels deep.") % {
            "depth": max_depth})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise JSONBodyError(_("The document is not UTF-8 text.")) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:  # its message is the parser's English: say where
        raise JSONBodyError(_("The document is not valid JSON (line %(line)d, column "
                              "%(column)d).") % {"line": exc.lineno, "column": exc.colno}) from None
    except RecursionError:  # a smaller interpreter stack than the limit allows for
        raise JSONBodyError(_("The document is nested too deeply.")) from None


def _size(n: int) -> str:
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= factor:
            return f"{n / factor:g} {unit}"
    return f"{n} bytes"
