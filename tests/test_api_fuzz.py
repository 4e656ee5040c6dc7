"""schemathesis against the API's own OpenAPI document (issue 10, acceptance 3).

As a signed-in user (a personal token), every documented operation gets generated input, valid
and not: no answer may be a server error, and every status must be one the schema documents.
Bounded: DOIMOI_FUZZ_EXAMPLES examples per operation (8 by default, about a minute or two).
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from django.core.wsgi import get_wsgi_application
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
