"""schemathesis against the API's own OpenAPI document (issue 10, acceptance 3).

As a signed-in user (a personal token), every documented operation gets generated input, valid
and not: no answer may be a server error, and every status must be one the schema documents.
Bounded: DOIMOI_FUZZ_EXAMPLES examples per operation (8 by default, about a minute or two).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from doimoi.api.urls import api
from doimoi.tokens.services import token_create

EXAMPLES = int(os.environ.get("DOIMOI_FUZZ_EXAMPLES", "8"))


def _run(operation: Any, key: str) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    @given(case=operation.as_strategy())
    def call(case: Any) -> None:
        case.call_and_validate(
            headers={"Authorization": f"Bearer {key}"},
            checks=[not_a_server_error, status_code_conformance],
        )

    call()


@pytest.fixture
def wsgi_keeps_the_test_connection() -> Iterator[None]:
    """Calling the WSGI app directly sends request_started/finished, whose close_old_connections
    closes the test's connection inside its transaction on PostgreSQL (Django's test client
    disconnects it the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("wsgi_keeps_the_test_connection")
def test_the_api_answers_generated_input_without_server_errors(persona: Any) -> None:
    _token, key = token_create(actor=persona("vanthu.baoloc"), name="schemathesis")
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    schema.app = get_wsgi_application()
    failures, ran = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        ran += 1
        try:
            _run(operation, key)
        except (Exception, BaseExceptionGroup) as error:  # every operation's, then report all
            failures.append(f"{operation.label}: {str(error)[:600]}")
    assert ran > 20
    print("\n\n".join(failures))  # the report, read with -s
    assert failures == [], f"{len(failures)} operations failed; run with -s for each report"
