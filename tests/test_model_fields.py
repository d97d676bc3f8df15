"""Every stored code fits its column: SQLite never checks a CharField's length, PostgreSQL
refuses the row (a level-3 link's respondent "participant" in a 10-character column passed
the SQLite run and failed on PostgreSQL)."""

from __future__ import annotations

from django.apps import apps
from django.db import models


def test_every_choice_fits_its_column() -> None:
    too_long = []
    for model in apps.get_models():
        if not model.__module__.startswith("govcap."):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField) and field.choices and field.max_length:
                for value, _label in field.flatchoices:
                    if isinstance(value, str) and len(value) > field.max_length:
                        too_long.append(f"{model.__name__}.{field.name}: {value!r}")
    assert too_long == []
