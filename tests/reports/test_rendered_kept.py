"""A document of an approved version is rendered once and kept (issue 14, plan documents'
speed): a Somalia PDF took 6.8-13.4 s, nearly all WeasyPrint, every time anyone downloaded
it or a plan pack was made. An approved version does not change, so the same document —
same version, format, language, organisation, context and day — is served again at once;
anything its pages say that changes (a newer version superseding it, another language)
renders it anew, and a draft is always rendered fresh."""

from __future__ import annotations

import datetime as dt

import pytest

from govcap.planning import services
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.reports import documents
from govcap.reports import plan as reports
from tests.planning.test_plan_models import validated


@pytest.fixture
def renders(monkeypatch):
    made: list[tuple[str, str, int | None]] = []

    def render_plan(data, ctx, fmt, catalogue=None):
        made.append((fmt, ctx.language, ctx.superseded_by))
        return f"{fmt} {ctx.language} v{ctx.version} superseded by {ctx.superseded_by}".encode()

    monkeypatch.setattr(reports, "render_plan", render_plan)
    documents._RENDERED.clear()
    yield made
    documents._RENDERED.clear()


def _approved(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"enterprise-architecture": "basic"})
    return services.approve(services.generate(world.engagement, world.coordinator),
                            world.coordinator)


def test_an_approved_versions_document_is_rendered_once_per_kind_and_language(world, renders):
    plan = _approved(world)
    first = documents.render(plan, "pdf", language="en")
    assert documents.render(plan, "pdf", language="en") == first
    assert renders == [("pdf", "en", None)]
    documents.render(plan, "pdf", language="fr")
    documents.render(plan, "docx", language="en")
    assert renders[1:] == [("pdf", "fr", None), ("docx", "en", None)]


def test_a_change_its_pages_show_renders_it_again(world, renders):
    plan = _approved(world)
    assert b"superseded by None" in documents.render(plan, "pdf", language="en")
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    newer = services.approve(services.generate(world.engagement, world.coordinator),
                             world.coordinator)
    plan.refresh_from_db()
    said = documents.render(plan, "pdf", language="en")
    assert said.endswith(f"superseded by {newer.version}".encode())  # not the kept copy
    assert len(renders) == 2


def test_a_draft_is_rendered_every_time(world, renders):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"enterprise-architecture": "basic"})
    draft = services.generate(world.engagement, world.coordinator)
    documents.render(draft, "pdf", language="en")
    documents.render(draft, "pdf", language="en")
    assert len(renders) == 2
