"""Schemathesis generates requests from the app's own OpenAPI and checks that none gets a server error or a
response that breaks the documented schema (the corpus graph is served).

The operations are driven with Hypothesis directly (``operation.as_strategy()``), which keeps this test
independent of the schemathesis pytest plugin's internals.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from api.app import create_app
from gmpgraph import load_graph


@pytest.fixture(scope="module")
def api_schema(corpus_graph: Path) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(load_graph(corpus_graph)))


def test_every_endpoint_keeps_its_contract(api_schema: schemathesis.BaseSchema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 11
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate()

        check()
