"""The catalogue pages (administrators): list modules, edit one as a new catalogue version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from govcap.accounts import scoping
from govcap.planning.catalogues import ensure_default_catalogue, save_module_edit
from govcap.planning.core.validation import CatalogueError
from govcap.planning.forms import ModuleForm
from govcap.planning.models import Catalogue
from govcap.planning.rounds_words import KIND_NAMES
from govcap.planning.wording import STEP_WORDS


def _require_admin(request) -> None:
    check = getattr(scoping, "can_edit_catalogue", lambda u: scoping.scope_of(u).is_admin)
    scoping.require(check(request.user),
                    _("Only administrators edit the training catalogue."))


def _version(request) -> Catalogue:
    latest = ensure_default_catalogue()
    wanted = request.GET.get("v")
    if not wanted:
        return latest
    found = Catalogue.objects.filter(key=latest.key, version=wanted).first()
    if found is None:
        raise Http404
    return found


@require_GET
@login_required
def catalogue_page(request):
    _require_admin(request)
    row = _version(request)
    parsed = row.parsed()
    return render(request, "planning/catalogue.html", {
        "catalogue": row, "parsed": parsed,
        "interventions": [(m, KIND_NAMES.get(m.kind, m.kind), ", ".join(
            str(STEP_WORDS.get(step, step)) for step in m.steps)) for m in parsed.interventions],
        "versions": Catalogue.objects.filter(key=row.key).order_by("-imported_at", "-id"),
    })


@require_http_methods(["GET", "POST"])
@login_required
def module_page(request, code):
    _require_admin(request)
    row = _version(request)
    module = next((m for m in row.document["modules"] if m["code"] == code), None)
    if module is None:
        raise Http404
    form = ModuleForm(request.POST or None, initial=ModuleForm.initial_from(module))
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_module_edit(row, code, form.changes(), user=request.user)
        except CatalogueError as exc:
            problems = list(exc.errors)
        else:
            messages.success(request, _("Saved as catalogue version %(v)s; plans generated "
                                        "from now on use it.") % {"v": saved.version})
            return redirect("plan-catalogue")
    return render(request, "planning/module_form.html", {
        "catalogue": row, "module": module, "form": form, "problems": problems})
