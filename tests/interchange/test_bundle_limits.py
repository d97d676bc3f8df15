"""`govcap bundle import` of a damaged or hostile file: deeply nested JSON is a clear error
naming the file (it was a RecursionError traceback), and nothing is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from govcap.interchange.bundle import BundleError, build_bundle
from govcap.interchange.bundleio import MAX_BUNDLE_DEPTH, load_bundle
from govcap.jsonbody import nesting_depth
from govcap.orgs.models import Engagement


def test_deeply_nested_json_is_refused_naming_the_file(db, tmp_path: Path) -> None:
    path = tmp_path / "hostile.json"
    path.write_bytes(b"[" * 10_000 + b"]" * 10_000)
    with pytest.raises(CommandError) as refused:
        call_command("bundle", "import", str(path))
    message = str(refused.value)
    assert message.startswith("hostile.json: ")
    assert "nested more than" in message and "Nothing was imported" in message
    assert not Engagement.objects.exists()


def test_load_bundle_raises_a_bundle_error() -> None:
    with pytest.raises(BundleError, match="nested more than"):
        load_bundle(b'{"content": ' + b"{" * 100 + b"}" * 100 + b"}")


def test_a_real_bundle_is_well_within_the_depth_limit(consented) -> None:
    import json

    bundle = json.dumps(build_bundle(consented.engagement), default=str).encode()
    assert nesting_depth(bundle) <= MAX_BUNDLE_DEPTH // 2
