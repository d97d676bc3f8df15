"""What an import refuses, named by place: file, row, column, and the reason in plain words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One reason a file cannot be imported.

    ``row`` is the spreadsheet row as the user sees it (the header is row 1); None for a
    problem of the whole file. ``column`` is the header as written in the file.
    """

    reason: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        place = []
        if self.row is not None:
            place.append(f"row {self.row}")
        if self.column:
            place.append(f"column “{self.column}”")
        return f"{', '.join(place)}: {self.reason}" if place else self.reason


class ImportProblem(Exception):
    """A file that cannot be imported; nothing was written. ``problems`` lists every reason."""

    MAX_SHOWN = 50

    def __init__(self, problems: Iterable[Problem], source: str = "") -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self.message())

    @classmethod
    def one(cls, reason: str, source: str = "", *, row: int | None = None,
            column: str | None = None) -> ImportProblem:
        return cls([Problem(reason, row, column)], source)

    def with_source(self, source: str) -> ImportProblem:
        return ImportProblem(self.problems, source)

    def message(self) -> str:
        head = f"{self.source}: " if self.source else ""
        if len(self.problems) == 1:
            return f"{head}{self.problems[0]}"
        shown = [f"  {p}" for p in self.problems[: self.MAX_SHOWN]]
        more = len(self.problems) - self.MAX_SHOWN
        if more > 0:
            shown.append(f"  … and {more} more")
        return f"{head}{len(self.problems)} problems; nothing was imported:\n" + "\n".join(shown)

    def __str__(self) -> str:
        return self.message()
