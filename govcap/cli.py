"""The `govcap` command: Django's management commands, noun first (`govcap instrument show`).

`govcap` alone (or `govcap help`, `govcap --help`) lists govcap's own commands — the
management commands of govcap's apps, found as Django finds them — one noun at a time with
its actions and their one-line help. Django's commands stay available as
`govcap django COMMAND` and, as before, directly (`govcap migrate`, `govcap check`).

The same lists, read from the code, render the README's command table and
docs/settings.md (`make docs` runs cog; tests/test_docs_cli.py checks they are current).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
from dataclasses import dataclass

OWN_APPS = "govcap."
DJANGO_PREFIX = "django"
# The options Django adds to every command: left out of the usage the docs show.
BASE_OPTIONS = frozenset({"--version", "--verbosity", "--settings", "--pythonpath",
                          "--traceback", "--no-color", "--force-color", "--skip-checks"})


@dataclass(frozen=True)
class Action:
    """One verb of a noun (`show` of `govcap instrument show`)."""

    name: str
    usage: str  # `govcap instrument show [--version VERSION] [--json]`
    help: str


@dataclass(frozen=True)
class Noun:
    """One of govcap's management commands."""

    name: str
    group: str  # its app's verbose name
    usage: str
    help: str
    actions: tuple[Action, ...]


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcap.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == [DJANGO_PREFIX]:
        # Django's usage lines then read `govcap django migrate`.
        execute_from_command_line([f"govcap {DJANGO_PREFIX}", *args[1:]])
    elif args in ([], ["help"], ["--help"], ["-h"]):
        try:
            _setup()
        except Exception:  # broken settings: Django's listing explains what is wrong
            execute_from_command_line(["govcap", "help"])
            return
        sys.stdout.write(help_text())
    else:
        execute_from_command_line(["govcap", *args])


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcap.settings")
    from django.apps import apps

    if not apps.ready:
        import django

        django.setup()


def own_commands() -> list[Noun]:
    """govcap's commands, in the order of their apps in INSTALLED_APPS, then by name."""
    _setup()
    from django.apps import apps
    from django.core.management import get_commands, load_command_class

    order = {config.name: (index, str(config.verbose_name))
             for index, config in enumerate(apps.get_app_configs())}
    others = set(django_commands())
    ours = sorted(((order[app], name, app) for name, app in get_commands().items()
                   if app.startswith(OWN_APPS) and name not in others))
    return [_noun(load_command_class(app, name), name, group)
            for (_, group), name, app in ours]


def django_commands() -> list[str]:
    """The commands of Django and the other installed apps, those govcap's apps override
    (`migrate`) included: they stay Django's commands, listed by `govcap django help`."""
    _setup()
    from django.apps import apps
    from django.core import management

    names = set(management.find_commands(management.__path__[0]))
    for config in apps.get_app_configs():
        if not config.name.startswith(OWN_APPS):
            names.update(management.find_commands(os.path.join(config.path, "management")))
    return sorted(names)


def _noun(command, name: str, group: str) -> Noun:
    parser = command.create_parser("govcap", name)
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    actions: list[Action] = []
    for sub in subparsers:
        helps = {choice.dest: choice.help or "" for choice in sub._choices_actions}
        actions += [Action(verb, _usage(subparser, top=False), helps.get(verb, ""))
                    for verb, subparser in sub.choices.items()]
    return Noun(name=name, group=group, usage=_usage(parser), help=_one_line(command.help),
                actions=tuple(actions))


def _usage(parser: argparse.ArgumentParser, top: bool = True) -> str:
    """The parser's usage on one line, without `usage:`, `[-h]` and Django's options;
    positional arguments in capitals. (The parser is this function's own copy.)"""
    for action in parser._actions:
        if top and BASE_OPTIONS.intersection(action.option_strings):
            action.help = argparse.SUPPRESS
        elif (not action.option_strings and action.metavar is None
              and not isinstance(action, argparse._SubParsersAction)):
            action.metavar = action.dest.upper()
    parser.formatter_class = _wide
    usage = " ".join(parser.format_usage().split())
    return usage.removeprefix("usage: ").replace(" [-h]", "")


def _wide(prog: str) -> argparse.HelpFormatter:
    # Fixed width: the docs must not depend on the terminal that generated them.
    return argparse.HelpFormatter(prog, width=10_000)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def help_text(width: int | None = None) -> str:
    """What `govcap` alone prints. In English, like the commands' own help it lists: a
    gettext string here must reach the committed catalogues in the same commit
    (tests/i18n/test_catalogues_current.py)."""
    from django.core.management.color import color_style

    width = width or min(shutil.get_terminal_size().columns, 100)
    style = color_style()
    nouns = own_commands()
    column = max([len(noun.name) + 4 for noun in nouns]
                 + [len(action.name) + 6 for noun in nouns for action in noun.actions])
    lines = ["govcap: rapid skills assessments of digital-government capacity, and the "
             "training plans they feed.",
             "",
             "Usage: govcap COMMAND [ACTION] [OPTIONS]",
             "       govcap COMMAND --help     the options of a command or an action"]
    group = None
    for noun in nouns:
        if noun.group != group:
            group = noun.group
            lines += ["", style.NOTICE(group)]
        lines += _item(f"  {noun.name}", noun.help, column, width)
        for action in noun.actions:
            lines += _item(f"    {action.name}", action.help, column, width)
    lines += ["", "Django's commands: govcap django help (they run directly too, as in "
                  "govcap migrate).", ""]
    return "\n".join(lines)


def _item(name: str, help: str, column: int, width: int) -> list[str]:
    head = name.ljust(column) if len(name) < column else name + "  "
    return textwrap.wrap(help, width=width, initial_indent=head,
                         subsequent_indent=" " * len(head)) or [name]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def command_table() -> str:
    """The README's table of commands (Markdown)."""
    rows = ["| command | what it does |", "|---|---|"]
    for noun in own_commands():
        if not noun.actions:
            rows.append(f"| `{_cell(noun.usage)}` | {_cell(_sentence(noun.help))} |")
        for action in noun.actions:
            rows.append(f"| `{_cell(action.usage)}` | {_cell(_sentence(action.help))} |")
    rows.append("| `govcap django COMMAND` | Django's own commands (`govcap django help` lists "
                "them); they run directly too: `govcap migrate`, `govcap check`… |")
    return "\n".join(rows) + "\n"


def settings_reference() -> str:
    """The body of docs/settings.md (Markdown): one table per section of settings.py."""
    from govcap import settings  # the settings module itself, read only for the reference

    sections: dict[str, list] = {}
    for variable in settings.environment_variables.values():
        sections.setdefault(variable.section, []).append(variable)
    out: list[str] = []
    for title, variables in sections.items():
        out += [f"## {title}", "", "| variable | default | what it does | example |",
                "|---|---|---|---|"]
        for v in variables:
            help = _sentence(v.help)
            if v.read_by:
                help += f" Read by `{v.read_by}`."
            out.append(f"| `{v.name}` | {_cell(v.default)} | {_cell(help)} | "
                       f"`{_cell(v.name)}={_cell(v.example)}` |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    main()
