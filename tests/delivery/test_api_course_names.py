"""The delivery API gave a course by its internal id only ("CHG-101/en/01"): a client had
no name to show its users for it. Each delivery now carries the name the delivery pages
show — the module's title and code and the documents' cohort number — listed or read
alone, and the OpenAPI schema describes it."""

from __future__ import annotations

from govcap.api.main import api
from govcap.delivery.models import Delivery
from tests.delivery.test_scoping import bearer


def test_each_delivery_is_named_as_the_delivery_pages_name_it(course):
    shown = Delivery.objects.get(pk=course.delivery.pk).course  # the pages' name
    assert shown.title  # its module has one cohort: the documents print no number
    client = bearer(course.coordinator)
    listed = client.get("/api/deliveries").json()["items"][0]
    alone = client.get(f"/api/deliveries/{course.delivery.uuid}").json()
    for got in (listed, alone):
        assert got["course"] == shown.label
        assert (got["module_title"], got["cohort_number"]) == (shown.title, shown.number)
        assert got["course"].startswith(f"{shown.title} ({course.delivery.module_code})")
        assert got["course"] != got["cohort_id"]


def test_the_schema_describes_the_course_name():
    fields = api.get_openapi_schema()["components"]["schemas"]["DeliveryOut"]["properties"]
    assert {"course", "module_title", "cohort_number"} <= set(fields)
    assert "title and code" in fields["course"]["description"]
