"""What an import refuses, named by place: file, row, column, and the reason in plain words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from govcap import localise


@dataclass(frozen=True)
class Problem:
    """One reason a file cannot be imported.

    ``row`` is the spreadsheet row as the user sees it (the header is row 1); None for a
    problem of the whole file. ``column`` is the header as written in the file.
    """

    reason: str
    row: int | None = None
    column: str | None = None
    unmatched: str = ""  # the organisation named in the file that matches none (to add it)

    def __str__(self) -> str:
        place = []  # in the reader's language: the message is read on a page or a terminal
        if self.row is not None:
            place.append(_("row %(row)d") % {"row": self.row})
        if self.column:
            place.append(_("column “%(column)s”") % {"column": self.column})
        if not place:
            return self.reason
        return _("%(place)s: %(reason)s") % {"place": localise.join(place),
                                              "reason": self.reason}


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
            shown.append("  " + ngettext("… and %(n)d more", "… and %(n)d more", more)
                         % {"n": more})
        count = ngettext("%(n)d problem; nothing was imported:",
                         "%(n)d problems; nothing was imported:", len(self.problems)) % {
                             "n": len(self.problems)}
        return f"{head}{count}\n" + "\n".join(shown)

    def listed(self) -> str:
        """The problems (the first MAX_SHOWN) as one list for a message on a page, in the
        reader's punctuation: "row 2, column “code”: …; row 3: …", "ligne 2, … ; ligne 3 …",
        "الصف 2، … ؛ الصف 3 …" — not a Latin ";" between Arabic items (issue 15)."""
        shown = [str(p) for p in self.problems[: self.MAX_SHOWN]]
        more = len(self.problems) - self.MAX_SHOWN
        if more > 0:
            shown.append(ngettext("… and %(n)d more", "… and %(n)d more", more) % {"n": more})
        return localise.join(shown, strong=True)

    def __str__(self) -> str:
        return self.message()
