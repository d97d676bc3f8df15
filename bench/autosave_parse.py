"""Micro-benchmark: reading an autosave body by hand (govcap/web/views/capture.py's
`read_json` and `as_text`/`as_int`/`as_bool`) against a pydantic model (what django-ninja
would use) that keeps the same limits, checks and field-named messages.

Run: ``.venv/bin/python bench/autosave_parse.py`` (from the project root; in-process, no
server, no database). It first checks that both readers give the same save or the same
refusal (message and field) for a set of bodies, then times each on a typical save and on
a refused one, best of ``--repeat`` runs of ``--number`` calls, and prints µs per body.
The figures are in the docstring of govcap/web/views/capture.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import timeit
import uuid
from pathlib import Path
from typing import Annotated, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcap.settings")

import django  # noqa: E402

django.setup()

from django.utils.translation import gettext as _  # noqa: E402
from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError  # noqa: E402

from govcap import jsonbody  # noqa: E402
from govcap.assessments import capture  # noqa: E402
from govcap.assessments.errors import CaptureError  # noqa: E402
from govcap.web.views import capture as views  # noqa: E402


class Body:
    def __init__(self, body: bytes) -> None:
        self.body = body


def by_hand(request: Body) -> capture.FieldSave:
    data = views.read_json(request)
    return capture.FieldSave(
        op_id=capture.parse_op_id(data.get("op_id")),
        section_key=views.as_text(data, "section"),
        field=views.as_text(data, "field"),
        value=views.as_text(data, "value"),
        base_revision=views.as_int(data, "base_revision"),
        instrument_version=views.as_text(data, "instrument") or None,
        resolves=views.as_conflict(data),
    )


# --- the pydantic candidate: the same rules, each refusal mapped back to its message ------

def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("text")
    return value


def _whole(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("whole")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError("whole") from None


Text = Annotated[str, BeforeValidator(_text)]
Whole = Annotated[int, BeforeValidator(_whole)]
MESSAGES = {"text": "“%(name)s” must be text.", "whole": "“%(name)s” must be a whole number."}


class FieldSaveBody(BaseModel):
    model_config = ConfigDict(extra="ignore")

    # validated in this order, as by hand: the first refusal is the one answered
    op_id: Annotated[uuid.UUID, BeforeValidator(capture.parse_op_id)] = None  # type: ignore[assignment]
    section: Text = ""
    field: Text = ""
    value: Text = ""
    base_revision: Whole = 0
    instrument: Text = ""
    resolves: Annotated[uuid.UUID | None, BeforeValidator(
        lambda raw: None if raw is None else capture.parse_op_id(raw, field="resolves"))] = None


def with_pydantic(request: Body) -> capture.FieldSave:
    try:
        raw = jsonbody.loads(request.body or b"{}", max_bytes=views.MAX_SAVE_BYTES,
                             max_depth=views.MAX_SAVE_DEPTH)
    except jsonbody.JSONBodyError as error:
        raise CaptureError(str(error), None) from None
    if not isinstance(raw, dict):
        raise CaptureError(_("The save must be a JSON object."), None)
    if "op_id" not in raw:
        raw["op_id"] = None  # a default is not validated: the missing ID must be refused
    try:
        body = FieldSaveBody.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0])
        kind = str(first.get("ctx", {}).get("error", "text"))
        raise CaptureError(_(MESSAGES[kind]) % {"name": name}, name) from None
    return capture.FieldSave(
        op_id=body.op_id, section_key=body.section, field=body.field, value=body.value,
        base_revision=body.base_revision, instrument_version=body.instrument or None,
        resolves=body.resolves)


def outcome(read, body: bytes) -> Any:
    try:
        return read(Body(body))
    except CaptureError as error:
        return ("refused", error.message, error.field)


GOOD = json.dumps({"op_id": str(uuid.uuid4()), "section": "change-management",
                   "field": "notes", "value": "Vendors decide; we follow. " * 8,
                   "base_revision": 3, "instrument": "1.0", "resolves": None}).encode()
BAD = json.dumps({"op_id": str(uuid.uuid4()), "section": "change-management",
                  "field": "notes", "value": 42, "base_revision": 3}).encode()
CASES = [GOOD, BAD, b"", b"[]", b"{", b"[" * 40 + b"]" * 40,
         json.dumps({"section": "x"}).encode(),
         json.dumps({"op_id": "nope", "section": 1}).encode(),
         json.dumps({"op_id": str(uuid.uuid4()), "base_revision": True}).encode(),
         json.dumps({"op_id": str(uuid.uuid4()), "base_revision": "7"}).encode(),
         json.dumps({"op_id": str(uuid.uuid4()), "base_revision": 2.9}).encode(),
         json.dumps({"op_id": str(uuid.uuid4()), "base_revision": None}).encode(),
         json.dumps({"op_id": str(uuid.uuid4()), "resolves": "x"}).encode(),
         json.dumps({"op_id": str(uuid.uuid4()), "instrument": ["1.0"]}).encode()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for body in CASES:
        a, b = outcome(by_hand, body), outcome(with_pydantic, body)
        assert a == b, (body[:60], a, b)
    print(f"same answer for all {len(CASES)} bodies")
    for label, body in (("a typical save", GOOD), ("a refused save", BAD)):
        for name, read in (("by hand", by_hand), ("pydantic", with_pydantic)):
            best = min(timeit.repeat(lambda read=read, body=body: outcome(read, body),
                                     number=args.number, repeat=args.repeat))
            print(f"{label:16} {name:9} {best / args.number * 1e6:6.1f} µs")


if __name__ == "__main__":
    main()
