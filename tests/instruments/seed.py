"""A small reader of the seed's irregular table, independent of the instrument code.

The seed (a copy of the GovStack script) is tab-separated: a line that starts with a tab
(after optional spaces) opens a new table cell; other lines continue the current cell.
Each section row is: heading cell (number, title, "(domain)"), High, Moderate, Basic,
supporting questions, and — for sections 1–5 only — the rating cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "skills-assessment-fgd-script.txt"
HEADER = ["Section", "Benchmark of Capacity: High Level in Place",
          "Benchmark of Capacity: Moderate Level in Place",
          "Benchmark of Capacity: Basic Level in Place", "Key points supporting questions",
          "Current Capacity Level and Notes"]


def norm(text: str) -> str:
    """Compare texts ignoring whitespace runs and the kind of apostrophe."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


@dataclass
class SeedRow:
    number: int
    title: str
    domain: str  # as printed, brackets stripped
    cells: dict[str, list[str]]  # high/moderate/basic → non-empty lines
    questions: list[str]
    rating: list[str] | None  # None when the cell is missing (sections 6–8)


@dataclass
class Seed:
    preamble: list[str]  # non-empty lines before the table
    header: list[str]
    rows: list[SeedRow]


def _cells(lines: list[str]) -> list[list[str]]:
    cells: list[list[str]] = []
    for line in lines:
        m = re.match(r"^ *\t(.*)$", line)
        if m:
            cells.append([m.group(1)])
        elif cells:
            cells[-1].append(line)
        elif line.strip():
            raise AssertionError(f"text outside any cell: {line!r}")
    return [[x.strip() for x in cell if x.strip()] for cell in cells]


def read_seed(path: Path = SEED) -> Seed:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"^ *\tSection\s*$", line))
    preamble = [x.strip() for x in lines[:start] if x.strip()]
    cells = _cells(lines[start:])
    header = [" ".join(c) for c in cells[:6]]
    body = cells[6:]
    heads = [i for i, c in enumerate(body) if c and re.match(r"^\d+\.\s", c[0])]
    rows = []
    for n, (a, b) in enumerate(zip(heads, [*heads[1:], len(body)], strict=True), start=1):
        heading, *rest = body[a:b]
        assert len(rest) in (4, 5), f"section {n}: {len(rest)} cells after the heading"
        domain_lines = [x for x in heading if "(" in x or x.endswith(")")]
        assert len(domain_lines) == 1, heading
        title_lines = [x for x in heading if x not in domain_lines]
        number, title = re.match(r"^(\d+)\.\s+(.*)$", " ".join(title_lines)).groups()
        rows.append(SeedRow(
            number=int(number), title=title, domain=domain_lines[0].strip("() "),
            cells={"high": rest[0], "moderate": rest[1], "basic": rest[2]},
            questions=rest[3], rating=rest[4] if len(rest) == 5 and rest[4] else None,
        ))
    return Seed(preamble, header, rows)
