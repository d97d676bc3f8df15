"""CSV files govcap's accounts side writes (audit trail, identified export), safe to open
in a spreadsheet: a text cell starting with a formula character gets an apostrophe."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from govcap.cells import neutralise


def safe_cell(value: Any) -> Any:
    """A CSV cell: audit before/after values as JSON text, every text neutralised."""
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return neutralise(value)


def csv_text(header: list[str], rows: Iterable[Iterable[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()
