"""Writing a :class:`~govcap.interchange.formspec.FormSpec` as a standard XLSForm workbook.

Three sheets, as the XLSForm specification (xlsform.org) lays them out: ``survey``
(one row per question, ``begin group``/``end group`` around each section), ``choices``
and ``settings``. Translatable columns carry the language: ``label::English (en)``.
Every text cell goes through :func:`govcap.cells.neutralise`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from govcap.cells import neutralise_row
from govcap.interchange.formspec import Field, FormSpec, Group, Labels
from govcap.interchange.formtexts import language_column


def _translated(name: str, languages: Sequence[str]) -> list[str]:
    return [f"{name}::{language_column(lang)}" for lang in languages]


def survey_rows(spec: FormSpec) -> list[list[Any]]:
    """The survey sheet, header first."""
    langs = spec.languages
    header = ["type", "name", *_translated("label", langs), *_translated("hint", langs),
              "required", "relevant", "constraint", *_translated("constraint_message", langs),
              "appearance", "calculation"]

    def per_language(labels: Labels) -> list[str]:
        return [labels.get(lang, "") for lang in langs]

    def field_row(f: Field) -> list[Any]:
        return [f.type, f.name, *per_language(f.labels), *per_language(f.hints),
                "yes" if f.required else "", f.relevant, f.constraint,
                *per_language(f.constraint_messages), f.appearance, f.calculation]

    def group_row(kind: str, g: Group) -> list[Any]:
        row: dict[str, Any] = dict.fromkeys(header, "")
        row["type"], row["name"] = kind, g.name
        if kind == "begin group":
            for lang, col in zip(langs, _translated("label", langs), strict=True):
                row[col] = g.labels.get(lang, "")
            row["relevant"], row["appearance"] = g.relevant, g.appearance
        return list(row.values())

    rows: list[list[Any]] = [header]
    for item in spec.items:
        if isinstance(item, Group):
            rows.append(group_row("begin group", item))
            rows += [field_row(f) for f in item.fields]
            rows.append(group_row("end group", item))
        else:
            rows.append(field_row(item))
    return rows


def choices_rows(spec: FormSpec) -> list[list[Any]]:
    rows: list[list[Any]] = [["list_name", "name", *_translated("label", spec.languages)]]
    for list_name, choices in spec.choices.items():
        rows += [[list_name, c.name, *(c.labels.get(lang, "") for lang in spec.languages)]
                 for c in choices]
    return rows


def settings_rows(spec: FormSpec) -> list[list[Any]]:
    return [
        ["form_title", "form_id", "version", "default_language", "instance_name", "style"],
        [spec.title, spec.form_id, spec.version, language_column(spec.languages[0]),
         spec.instance_name, "pages"],
    ]


def _fill(sheet: Worksheet, rows: list[list[Any]]) -> None:
    for row in rows:
        sheet.append(neutralise_row(row))
    sheet.freeze_panes = "A2"


def workbook(spec: FormSpec) -> Workbook:
    wb = Workbook()
    survey = wb.active
    assert survey is not None
    survey.title = "survey"
    _fill(survey, survey_rows(spec))
    _fill(wb.create_sheet("choices"), choices_rows(spec))
    _fill(wb.create_sheet("settings"), settings_rows(spec))
    return wb


def xlsform_bytes(spec: FormSpec) -> bytes:
    buffer = io.BytesIO()
    workbook(spec).save(buffer)
    return buffer.getvalue()


def write_xlsform(spec: FormSpec, path: str | Path) -> None:
    """Write the XLSForm; the file is replaced only once the workbook is complete."""
    path = Path(path)
    data = xlsform_bytes(spec)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
