"""The programme's plan for a donor: every approved plan side by side, in the catalogue's
currency as well as each plan's own, within the reader's scope, drafts left out and named."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from govcap.orgs.models import Engagement
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.models import PlanSettings
from govcap.planning.services import approve, ensure_settings, generate
from govcap.reports.labels import Labels
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise
from tests.reports.test_demo_confidential import docx_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plans(world):
    """The demo's engagements, each plan generated and approved but Kenya's follow-up's;
    Djibouti's costed in Djibouti francs."""
    demo_data()
    ensure_default_catalogue()
    plans = {}
    for engagement in Engagement.objects.filter(is_demo=True).order_by("id"):
        settings = ensure_settings(engagement)
        if engagement.country.code == "DJ":
            PlanSettings.objects.filter(pk=settings.pk).update(currency="DJF",
                                                               exchange_rate=178)
        plan = generate(engagement, world.admin)
        if engagement.round_number == 0:  # the baselines; the follow-up stays a draft
            plan = approve(plan, world.admin)
        plans[engagement.name] = plan
    return plans


def sheet_rows(data: bytes, name: str) -> list[list]:
    book = load_workbook(io.BytesIO(data))
    return [[c.value for c in row] for row in book[name].iter_rows()]


def download(client, user, fmt: str, query: str = "") -> bytes:
    client.force_login(user)
    response = client.get(reverse("programme-plan-download", args=[fmt]) + query)
    assert response.status_code == 200
    return response.content


def test_every_approved_plan_side_by_side_with_its_cost_in_both_currencies(client, world,
                                                                         demo_plans):
    rows = sheet_rows(download(client, world.admin, "xlsx", "?project="), "Plans by country")
    by_country = {r[0]: r for r in rows[1:-1]}
    assert set(by_country) == {"Djibouti", "Kenya", "Somalia"}
    djibouti = next(p for p in demo_plans.values() if p.engagement.country.code == "DJ")
    djibouti.refresh_from_db()
    djf = djibouti.data["budget"]["total_cents"]
    assert djibouti.data["budget"]["currency"] == "DJF" and djf > 0
    assert by_country["Djibouti"][8] == pytest.approx(djf / 100)
    # its currency and rate beside it, the converted cost a formula over them
    assert by_country["Djibouti"][9:11] == ["DJF", 178]
    assert by_country["Djibouti"][11].startswith("=ROUND(I")
    assert all(r[5] > 0 and r[6] > 0 for r in by_country.values())  # cohorts and places
    assert rows[0][12:14] == ["Needs not placed", "Not placed, est. (USD)"]
    for plan in demo_plans.values():  # unfunded needs are counted, not hidden
        plan.refresh_from_db()
        if plan.status == "approved":
            assert by_country[plan.engagement.country.name][12] == len(plan.data["unfit"])
    total = rows[-1]
    assert total[11] == f"=SUM(L2:L{len(rows) - 1})"  # the rows' sum, a donor can check
    # evaluated, each conversion and the total are the document's figures, to the cent
    from govcap.reports.documents import programme_plans
    from govcap.reports.programme import build_programme
    from tests.reports.formulas import cents, evaluate

    found = programme_plans(world.admin)
    document = build_programme(found.plans, "t", "en", found.missing, earlier=found.earlier)
    said = next(s for s in document.sheets if s.name == "Plans by country").table
    book = load_workbook(io.BytesIO(download(client, world.admin, "xlsx", "?project=")))
    ws = book["Plans by country"]
    for row, stated in zip(list(ws.iter_rows(min_row=2))[:-1], said.rows, strict=True):
        assert cents(evaluate(book, ws.title, row[11].value)) == stated[11].cents
    assert cents(evaluate(book, ws.title, total[11])) == said.total[11].cents
    domains = book["Training by domain"]
    assert cents(evaluate(book, domains.title, list(domains.iter_rows())[-1][-1].value)) \
        == said.total[11].cents
    # the places: a sum of the rows (those of each country's latest round), evaluated
    assert total[6] == f"=SUM(G2:G{len(rows) - 1})"
    assert int(evaluate(book, ws.title, total[6])) == said.total[6] == sum(
        r[6] for r in rows[1:-1])
    note = sheet_rows(download(client, world.admin, "xlsx"), "DEMO DATA")
    assert note  # demo plans are marked as such


def test_a_coordinator_reads_only_their_engagements_and_unapproved_ones_are_named(
        client, world, demo_plans):
    from govcap.reports.documents import programme_plans

    found = programme_plans(world.admin)
    assert [p.country for p in found.plans] == ["Djibouti", "Kenya", "Somalia"]
    assert "Kenya — follow-up 2026" in found.missing  # a draft is not a donor's figure
    # in the reader's language: Djibouti's is stored in French, and named in English too
    assert sorted(p.engagement for p in found.plans) == [
        "Djibouti — baseline 2026", "Kenya — baseline 2025", "Somalia — baseline 2026"]
    rows = sheet_rows(download(client, world.coordinator, "xlsx"), "Plans by country")
    assert rows[1:-1] == []  # the world's coordinator has no demo engagement
    assert download(client, world.manager, "pdf").startswith(b"%PDF")


def test_each_country_counts_its_latest_approved_round_and_each_organisation_once(
        client, world, demo_plans):
    """Kenya's follow-up approved: its baseline is named as an earlier round and only what
    it delivered is added, on a row of its own before the follow-up's (the programme total
    lost the baseline's spent money); Kenya's ministries, assessed in both rounds, are
    counted once."""
    from govcap.reports.documents import programme_plans

    follow_up = approve(demo_plans["Kenya — follow-up 2026"], world.admin)
    found = programme_plans(world.admin)
    assert [p.engagement for p in found.plans if p.country == "Kenya"] == [
        "Kenya — follow-up 2026"]
    assert [p.engagement for p in found.earlier] == ["Kenya — baseline 2025"]
    assert "Kenya — follow-up 2026" not in found.missing
    rows = sheet_rows(download(client, world.admin, "xlsx"), "Plans by country")
    by_country = {r[0]: r for r in rows[1:-1]}  # Kenya's: its follow-up, the later row
    baseline = next(r for r in rows[1:-1] if r[1] == "Kenya — baseline 2025")
    # its cost and participants as its delivery records say them
    assert baseline[2].endswith(": courses delivered, as recorded")
    assert baseline[5] > 0 and baseline[8] > 0
    assert [r[1] for r in rows[1:-1] if r[0] == "Kenya"] == [
        "Kenya — baseline 2025", "Kenya — follow-up 2026"]
    assert len(rows[1:-1]) == 4 and by_country["Kenya"][1] == "Kenya — follow-up 2026"
    assert by_country["Kenya"][2].startswith(f"version {follow_up.version},")
    orgs = {o["org_id"] for p in demo_plans.values() if p.engagement.round_number == 0
            or p.pk == follow_up.pk for o in p.data["organisations"]
            if p.engagement.country.code != "KE" or p.pk == follow_up.pk}
    # every organisation of the plans summed, once: the rows' sum less those in two rows
    # of their country (the baseline's delivered courses trained them too)
    # (and one the baseline trained that the follow-up plan does not have, counted too)
    trained = {m.org_id for c in found.earlier[0].delivered() for m in c.members}
    in_rows = sum(r[3] for r in rows[1:-1])
    assert baseline[3] == len(trained) and len(trained - orgs) == 1
    assert rows[-1][3] == f"=SUM(D2:D{len(rows) - 1})-{in_rows - len(orgs | trained)}"
    kenya_cost = follow_up.data["budget"]["total_cents"]
    assert by_country["Kenya"][8] == pytest.approx(kenya_cost / 100)
    # the baseline's delivered courses are in the total: it did not shrink
    assert rows[-1][11] == f"=SUM(L2:L{len(rows) - 1})"
    assert len([r for r in rows[1:-1] if str(r[11]).startswith("=ROUND(I")]) == 4
    text = docx_text(download(client, world.admin, "docx"))
    assert f"organisations assessed: {len(orgs | trained)};" in text
    assert "Earlier rounds, replaced by their country's latest approved plan: Kenya — " \
        "baseline 2025 (v" in text
    assert "that earlier rounds delivered: Kenya — baseline 2025 (version" in text
    assert "Programme training plan — all countries" in text


def test_an_organisation_in_two_plans_of_one_round_is_counted_once(world, demo_plans):
    from govcap.reports.documents import programme_plans
    from govcap.reports.programme import build_programme

    found = programme_plans(world.admin)
    kenya = next(p for p in found.plans if p.country == "Kenya")
    twice = build_programme([kenya, kenya], "t", "en", [])
    by_country = next(s for s in twice.sheets if s.name == "Plans by country")
    [_, _, _, orgs, *_] = by_country.table.total
    assert orgs == len(kenya.data.organisations)


def test_a_kenya_coordinator_reads_a_document_titled_and_scoped_to_kenya(client, world,
                                                                      demo_plans):
    from django.contrib.auth import get_user_model

    coordinator = get_user_model().objects.get(username="demo-coordinator-ke")
    rows = sheet_rows(download(client, coordinator, "xlsx"), "Plans by country")
    assert [r[0] for r in rows[1:-1]] == ["Kenya"]
    text = docx_text(download(client, coordinator, "docx"))
    assert "Programme training plan — Kenya (the countries you can see)" in text
    assert "Programme training plan — all countries" not in text
    assert "covers only the countries you can see: Kenya." in text
    client.force_login(coordinator)
    french = client.get(reverse("programme-plan-download", args=["docx"]),
                        HTTP_ACCEPT_LANGUAGE="fr")
    text = docx_text(french.content)
    assert "Plan de formation du programme — Kenya (les pays que vous pouvez consulter)" in text
    assert "Plan de formation du programme — tous les pays" not in text


def test_each_plan_cites_its_rate_card_and_catalogue_version(client, world, demo_plans):
    english = docx_text(download(client, world.admin, "docx"))
    client.force_login(world.admin)
    french = normalise(docx_text(client.get(reverse("programme-plan-download", args=["docx"]),
                                            HTTP_ACCEPT_LANGUAGE="fr").content))
    assert "What each budget includes, and the rates it was costed at:" in english
    assert "Ce que comprend chaque budget" in french
    for plan in demo_plans.values():
        plan.refresh_from_db()
        if plan.status != "approved":
            continue
        budget, country = plan.data["budget"], plan.engagement.country.name
        # the catalogue by its name in the document's language, not its key
        catalogue = f"{plan.catalogue.name('en')} version {plan.data['catalogue_version']}"
        catalogue_fr = f"{plan.catalogue.name('fr')} version {plan.data['catalogue_version']}"
        assert plan.data["catalogue_key"] not in english + french
        assert budget["rate_card"]  # the demo's plans are costed with a card
        effective = Labels("en").date(budget["rate_card_effective_from"])  # "1 Jan 2026"
        assert (f"{country}: the rate card {budget['rate_card']} (effective "
                f"{effective}, in {budget['rate_card_currency']}) "
                f"and the catalogue {catalogue}; included: ") in english
        pays = plan.engagement.country.name_in("fr")  # "Somalie"
        assert f"{pays} : la grille tarifaire {budget['rate_card']} (en vigueur" in french
        assert f"et le catalogue {catalogue_fr} ; inclus : " in french


def test_a_training_providers_staff_gets_no_programme_plan(client, world):
    from django.contrib.auth import get_user_model

    from govcap.delivery.models import ProviderMember, TrainingProvider

    provider = TrainingProvider.objects.create(country=world.ministry.country, name="A school")
    staff = get_user_model().objects.create_user("school-staff", password="pw-for-tests-1")
    ProviderMember.objects.create(user=staff, provider=provider)
    client.force_login(staff)
    # the providers' middleware (03db5a3) answers 403, saying where their place is
    assert client.get(reverse("programme-plan-download", args=["pdf"])).status_code == 403


def test_the_workbook_has_the_notes_the_pdf_has(client, world, demo_plans):
    """A donor reading the workbook alone did not learn that earlier rounds are not counted
    in the totals, nor what a rate card's budget includes and leaves out: the PDF's notes
    around its first table are the workbook's Notes sheet, word for word."""
    approve(demo_plans["Kenya — follow-up 2026"], world.admin)
    book = load_workbook(io.BytesIO(download(client, world.admin, "xlsx")))
    assert book.sheetnames[:3] == ["DEMO DATA", "Notes", "Plans by country"]
    notes = [normalise(str(r[0])) for r in sheet_rows(download(client, world.admin, "xlsx"),
                                                      "Notes")[1:]]
    text = normalise(docx_text(download(client, world.admin, "docx")))
    earlier = next(n for n in notes if n.startswith("Earlier rounds, replaced"))
    assert earlier.startswith("Earlier rounds, replaced by their country's latest approved "
                              "plan: Kenya — baseline 2025 (v")
    assert "only the courses it delivered are counted in “Plans by country”" in earlier
    assert earlier in text
    assert "What each budget includes, and the rates it was costed at:" in notes
    cards = [n for n in notes if ": the rate card " in n]
    assert len(cards) == 3 and all(n.removeprefix("– ") in text for n in cards)
    excluded = next(n for n in notes if "Not included: participants' salaries" in n)
    assert excluded.removeprefix("– ") in text
    # the notes stand on a sheet of their own: they name the table, never "above" or "below"
    # (the estimate of what is not placed is that table's column, not a text below it)
    assert excluded.endswith("(estimated in “Plans by country”, column “Not placed, est. "
                             "(USD)”).")
    assert not [n for n in notes if " above" in n or " below" in n]
    assert any(n.startswith("Each plan is costed in its own currency") for n in notes)


def test_a_viewer_narrowed_to_one_organisation_gets_no_programme_plan(client, world,
                                                                      demo_plans):
    """Kenya Revenue Authority's viewer downloaded the donor's programme plan — all of
    Kenya, ten organisations and every one's cost — while each Kenya plan's own download is
    not found for them (they read KRA's plan only): refused the same way, and not offered."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    narrowed, whole = users.get(username="demo-viewer-ke-kra"), users.get(
        username="demo-viewer-ke")
    client.force_login(narrowed)
    kenya = Engagement.objects.get(is_demo=True, country__code="KE", round_number=0)
    assert client.get(reverse("plan-download", args=[kenya.slug, "pdf"])).status_code == 404
    for fmt in ("pdf", "docx", "xlsx"):
        assert client.get(reverse("programme-plan-download", args=[fmt])).status_code == 404
    home = client.get(reverse("home")).content.decode()
    assert "Kenya" in home and reverse("programme-plan-download", args=["pdf"]) not in home
    # the viewer of the whole of Kenya keeps both
    client.force_login(whole)
    assert reverse("programme-plan-download", args=["pdf"]) in client.get(
        reverse("home")).content.decode()
    rows = sheet_rows(download(client, whole, "xlsx"), "Plans by country")
    assert [r[0] for r in rows[1:-1]] == ["Kenya"]


def test_a_programme_plan_leaves_out_the_engagements_its_reader_reads_in_part(
        client, world, make_user):
    """Whole in Somalia, narrowed to one organisation in Kenya: the programme plan is
    Somalia's, and says nothing of Kenya."""
    from govcap.accounts.models import Role, RoleAssignment

    reader = make_user("mixed-viewer", Role.VIEWER, world.other_engagement)
    RoleAssignment.objects.create(user=reader, role=Role.VIEWER, engagement=world.engagement,
                                  organisation=world.ministry)
    text = normalise(docx_text(download(client, reader, "docx")))
    assert "Somalia" in text and "Kenya" not in text
