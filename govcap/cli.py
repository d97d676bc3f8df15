"""The `govcap` command: Django's management commands, noun first (`govcap instrument show`)."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcap.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["govcap", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
