"""A small reader of gettext .po files: enough to check a catalogue is complete."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False
    line: int = 0

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(v != "" for v in self.msgstr.values())


def parse_po(path: Path) -> list[Entry]:
    """Entries in file order; the header (empty msgid) is the first."""
    entries: list[Entry] = []
    entry = Entry()
    last: tuple[str, int] | None = None  # the keyword continued by "…" lines

    def finish() -> None:
        nonlocal entry, last
        if entry.msgstr or entry.msgid:
            entries.append(entry)
        entry, last = Entry(), None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#,"):
            if entry.msgstr:
                finish()
            entry.flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if last is None:
                raise ValueError(f"{path}:{number}: a string continues nothing")
            append(entry, last, ast.literal_eval(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and entry.msgstr:
            finish()
        if not entry.line:
            entry.line = number
        value = ast.literal_eval(rest)
        if keyword.startswith("msgstr["):
            last = ("msgstr", int(keyword[7:-1]))
        elif keyword in ("msgid", "msgid_plural", "msgctxt", "msgstr"):
            last = (keyword, 0)
        else:
            raise ValueError(f"{path}:{number}: unknown keyword {keyword!r}")
        if last[0] == "msgctxt":
            entry.msgctxt = ""
        append(entry, last, value)
    finish()
    return entries


def append(entry: Entry, target: tuple[str, int], text: str) -> None:
    keyword, index = target
    if keyword == "msgstr":
        entry.msgstr[index] = entry.msgstr.get(index, "") + text
    elif keyword == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    else:
        setattr(entry, keyword, getattr(entry, keyword) + text)
