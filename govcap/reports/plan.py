"""The training plan as documents: ``render_plan(plan, ctx, fmt)`` → DOCX, PDF or XLSX bytes.

``ctx`` carries what the plan data does not: names, the engagement's language and
currency, section titles in that language, the heatmap of levels. With
``ctx.organisation_id`` the document is that organisation's own plan (its needs, its
cohorts, its share of the costs). Module descriptions come from the catalogue version the
plan was generated with (``plan.catalogue_key`` / ``catalogue_version``), in the document's
language; pass ``catalogue=`` to give it directly.
"""

from __future__ import annotations

from dataclasses import replace

from govcap import localise
from govcap.localise import LRI, PDI
from govcap.planning.core.catalogue import Catalogue, load_catalogue
from govcap.planning.core.plan import PlanData
from govcap.planning.core.validation import CatalogueError
from govcap.reports.brief import build_brief
from govcap.reports.build import build_document
from govcap.reports.context import PlanDocumentContext
from govcap.reports.direction import arrows_pointing
from govcap.reports.model import Document

FORMATS = ("docx", "pdf", "xlsx")


def find_catalogue(plan: PlanData, language: str) -> Catalogue | None:
    """The catalogue version the plan used, translated when a layer exists; None if unknown.

    The database is asked first (when Django is set up), then the packaged default file.
    A database that cannot answer (none configured, or not migrated yet) falls back to the
    file; any other error — a stored catalogue that does not parse, a bug — surfaces.
    """
    from django.apps import apps
    from django.db import DatabaseError

    if apps.ready:
        # models load only once Django is set up; this module also runs without it
        from govcap.planning.models import Catalogue as CatalogueRow

        try:
            row = CatalogueRow.objects.filter(key=plan.catalogue_key,
                                              version=plan.catalogue_version).first()
        except DatabaseError:  # no database or no table here: the packaged file
            row = None
        if row is not None:
            return row.parsed(language)
    try:
        shipped = load_catalogue()
    except (CatalogueError, OSError):
        return None
    if (shipped.key, shipped.version) != (plan.catalogue_key, plan.catalogue_version):
        return None
    if language == shipped.language:
        return shipped
    try:
        return load_catalogue(language=language)
    except (CatalogueError, OSError):  # no layer for the language: the source texts
        return shipped


def english_texts(plan: PlanData, ctx: PlanDocumentContext) -> tuple[str, ...]:
    """What a document in another language says in English, for the renderers to mark
    English (``Document.english``): the instrument's section titles it has no translation
    of, and the shared notes, evidence, dissent and quotations of the sessions held in
    English (a Kenyan session's notes in a French programme document), each as the
    document writes it between its quotation marks (`localise.inside_quotes`)."""
    if localise.language_of(ctx.language) == "en":
        return ctx.english_titles
    english = {o.org_id for o in plan.organisations if localise.language_of(o.language) == "en"}
    notes = [text for g in plan.gaps if g.org_id in english
             for text in (g.shared_notes, g.shared_evidence, g.shared_dissent,
                          *(said for _who, said in g.shared_quotes)) if text.strip()]
    shown = {localise.inside_quotes(text, ctx.language).strip(LRI + PDI) for text in notes}
    # an Arabic document writes a Latin quotation in its own language's marks
    shown |= {localise.quoted_within(localise.unquoted(text).strip(), "en") for text in notes}
    return ctx.english_titles + tuple(sorted(shown))


def render_plan(plan: PlanData, ctx: PlanDocumentContext, fmt: str,
                catalogue: Catalogue | None = None) -> bytes:
    """The plan document in ``fmt`` ("docx", "pdf" or "xlsx"), in ``ctx.language``."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: use one of {', '.join(FORMATS)}")
    if catalogue is None:
        catalogue = find_catalogue(plan, ctx.language)
    document = arrows_pointing(replace(build_document(plan, ctx, catalogue),
                                       english=english_texts(plan, ctx)))
    if fmt == "xlsx" and plan.budget.rate_card:  # one organisation's too: its courses' lines
        # openpyxl behind these: loaded when a workbook is asked for, as in render_document
        from govcap.cells import neutralise
        from govcap.planning.core.money import spreadsheet_format
        from govcap.reports.costing import cost_sheets
        from govcap.reports.xlsx import render_xlsx

        return render_xlsx(document, cost_sheets(
            plan, document.language, spreadsheet_format(plan.currency, document.language),
            neutralise, ctx.organisation_id))
    return render_document(document, fmt)


BRIEF_FORMATS = ("docx", "pdf")


def render_brief(plan: PlanData, ctx: PlanDocumentContext, fmt: str,
                 catalogue: Catalogue | None = None) -> bytes:
    """The one-page brief for a minister (``reports.brief``) in ``fmt`` ("docx" or "pdf")."""
    if fmt not in BRIEF_FORMATS:
        raise ValueError(f"format {fmt!r}: use one of {', '.join(BRIEF_FORMATS)}")
    if catalogue is None:
        catalogue = find_catalogue(plan, ctx.language)
    return render_document(replace(build_brief(plan, ctx, catalogue),
                                   english=english_texts(plan, ctx)), fmt)


def render_document(document: Document, fmt: str) -> bytes:
    """Any document model (``reports.model``) as DOCX, PDF or XLSX, its arrows pointing
    the way it reads (:func:`.direction.arrows_pointing`)."""
    document = arrows_pointing(document)
    if fmt == "docx":
        from govcap.reports.docx import render_docx  # python-docx: loaded when asked for

        return render_docx(document)
    if fmt == "pdf":
        from govcap.reports.pdf import render_pdf  # WeasyPrint: slow to load, may be absent

        return render_pdf(document)
    from govcap.reports.xlsx import render_xlsx  # openpyxl: loaded when asked for

    return render_xlsx(document)
