"""Form widgets for menus of names (organisations, engagements, training providers)."""

from __future__ import annotations

from django import forms


class NameSelect(forms.Select):
    """A menu of names, the menu and each choice with ``dir="auto"``: a name follows its own
    direction, not the page's. On an Arabic page a Latin name ("Institut de Formation
    Professionnelle") was laid out right to left in the closed menu and cut at its start
    ("…mation Professionnelle")."""

    def __init__(self, attrs=None, choices=()) -> None:
        super().__init__({"dir": "auto", **(attrs or {})}, choices)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["attrs"]["dir"] = "auto"
        return option
