"""The JSON limits every outside document passes through (govcap/jsonbody.py): deep nesting,
size, bad bytes and bad syntax are one clear error, never a RecursionError."""

from __future__ import annotations

import pytest

from govcap import jsonbody

DEEP = b"[" * 10_000 + b"]" * 10_000  # 20 KB: Python's own parser recurses past its limit


def test_deep_nesting_is_refused_before_parsing() -> None:
    with pytest.raises(jsonbody.JSONBodyError, match="nested more than 32 levels"):
        jsonbody.loads(DEEP, max_bytes=1 << 20)


def test_depth_counts_brackets_outside_strings_only() -> None:
    assert jsonbody.nesting_depth(b'{"a": [1, {"b": "]]]] \\" [[[["}]}') == 3
    assert jsonbody.nesting_depth(b'"[[[[\\\\"') == 0
    text = '{"text": "' + "[" * 100 + '"}'
    assert jsonbody.loads(text, max_bytes=1024, max_depth=1) == {"text": "[" * 100}


def test_the_depth_limit_is_inclusive() -> None:
    assert jsonbody.loads(b"[[[1]]]", max_bytes=100, max_depth=3) == [[[1]]]
    with pytest.raises(jsonbody.JSONBodyError, match="3 levels"):
        jsonbody.loads(b"[[[[1]]]]", max_bytes=100, max_depth=3)


def test_size_encoding_and_syntax_are_named() -> None:
    with pytest.raises(jsonbody.JSONBodyError, match="too large: more than 1 KB"):
        jsonbody.loads(b" " * 1025 + b"{}", max_bytes=1024)
    with pytest.raises(jsonbody.JSONBodyError, match="not UTF-8"):
        jsonbody.loads(b'"\xff"', max_bytes=1024)
    with pytest.raises(jsonbody.JSONBodyError, match="not valid JSON"):
        jsonbody.loads(b"{nope", max_bytes=1024)
    assert isinstance(jsonbody.JSONBodyError("x"), ValueError)
    assert jsonbody.loads("\ufeff{}".encode(), max_bytes=10) == {}
