"""The NinjaAPI instance: authentication, errors as JSON `{"message", "field"}`, the docs
page (served from govcap, no CDN) and the routers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.docs import DocsBase

from govcap.api.auth import AUTH


class ServerDocs(DocsBase):
    """A plain HTML page listing the operations of the OpenAPI schema: no script, no CDN."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        schema = api.get_openapi_schema(path_params=kwargs)
        operations = []
        for path, methods in schema["paths"].items():
            for method, op in methods.items():
                operations.append({
                    "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": op.get("parameters", []),
                    "responses": sorted(op.get("responses", {})),
                })
        return render(request, "interchange/api_docs.html", {
            "api": api, "operations": operations,
            "openapi_url": self.get_openapi_url(api, kwargs)})


api = NinjaAPI(
    title="govcap API", version="1", urls_namespace="api", auth=AUTH,
    docs=ServerDocs(), docs_url="/docs", openapi_url="/openapi.json",
    description="Engagements, organisations, sessions, ratings and plans of your scope "
    "(read); submissions from KoboToolbox / ODK Central (write); deliveries of approved "
    "plans and their attendance (a training provider's token sees its own deliveries "
    "only). Authenticate with "
    "`Authorization: Bearer <token>` (a personal token from Account › API tokens). "
    "Errors are JSON: `{\"message\": …, \"field\": …}`.",
)


def error(request: HttpRequest, status: int, message: str, field: str | None = None,
          **more: Any) -> HttpResponse:
    return api.create_response(request, {"message": message, "field": field, **more},
                               status=status)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    loc = [str(p) for p in first.get("loc", ())]
    field = ".".join(loc[1:] or loc) or None
    return error(request, 422, str(first.get("msg") or _("Invalid input.")), field,
                 errors=[{"field": ".".join(str(p) for p in e.get("loc", ())),
                          "message": str(e.get("msg", ""))} for e in exc.errors])


@api.exception_handler(AuthenticationError)
def on_authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error(request, 401, _("Authentication required: send `Authorization: Bearer <token>`."),
                 "Authorization")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error(request, exc.status_code, str(exc))


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(request, 404, _("Not found (or not in your scope)."))


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error(request, 403, str(exc) or _("You do not have access to this."))


from govcap.api import deliveries, evaluation, read, results, write  # noqa: E402  (the routers use `api` above)

api.add_router("/", read.router)
api.add_router("/", write.router)
api.add_router("/", deliveries.router)
api.add_router("/", evaluation.router)
api.add_router("/", results.router)
