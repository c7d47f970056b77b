"""A property-based run of the service's own OpenAPI document (Schemathesis): for every
operation, generated requests (valid and not) never get a 5xx, and every response fits
the schema the document declares for it. Bounded: a few examples per operation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
pytest.importorskip("starlette")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from childcare_commissioning.service.background import serving  # noqa: E402

EXAMPLES = 8
"""Examples per operation: 18 operations, a few seconds on two cores."""


@pytest.fixture(scope="module")
def schema() -> Iterator[Any]:
    with serving() as url:
        yield schemathesis.openapi.from_url(f"{url}/openapi.json")


def test_no_server_error_and_every_answer_fits_its_schema(schema: Any) -> None:
    checks = (not_a_server_error, response_schema_conformance, content_type_conformance)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert 18 == len(operations)
    for operation in operations:

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            response = case.call(timeout=60)
            case.validate_response(response, checks=checks)

        run()
