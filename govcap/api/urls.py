"""/api/: the JSON API, its OpenAPI schema (/api/openapi.json) and docs (/api/docs)."""

from django.urls import path
from django.views.generic import RedirectView

from govcap.api.main import api

urlpatterns = [
    # /api/ itself leads to the docs (ninja's own root answers 404).
    path("", RedirectView.as_view(pattern_name="api:openapi-view"), name="api-home"),
    path("", api.urls),
]
