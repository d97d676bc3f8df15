"""Schemathesis against the OpenAPI schema, in-process through the WSGI app: no operation
answers with a server error, and every answer matches the schema."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from govcap.accounts.tokens import create_token

MAX_EXAMPLES = 25


def load_schema():
    from govcap.api.main import api
    from govcap.wsgi import application

    loaded = schemathesis.openapi.from_dict(api.get_openapi_schema())
    loaded.app = application
    return loaded


schema = load_schema()


@pytest.fixture
def keep_connection():
    """As Django's test client does: the WSGI app must not close the test's connection (and
    its transaction) at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_operation_fails_on_generated_requests(case, world, keep_connection):
    token = create_token(world.coordinator, "schemathesis").raw
    # Every default check but "schema-valid data is accepted": generated multipart bodies
    # carry extra parts with arbitrary names that a strict upload endpoint rightly refuses
    # (422 with the field named), which is not a failure of the API.
    case.call_and_validate(headers={"Authorization": f"Bearer {token}",
                                     "Accept-Encoding": "identity"},
                           excluded_checks=[schemathesis.checks.positive_data_acceptance])
