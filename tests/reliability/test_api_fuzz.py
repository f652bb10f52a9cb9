"""schemathesis on the REST API (in-process ASGI, on a copy of the embedded store): whatever the
generated parameters and bodies, no 5xx. Bounded: a few examples per operation."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from ._helpers import copy_store

EXAMPLES = 8


def test_api_has_no_server_errors(embedded_store_path: Path, tmp_path: Path) -> None:
    from mirrortrade.report.web.app import create_app

    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5
    seen: list[str] = []
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            if response.status_code == 503 and "retry-after" in {k.lower() for k in response.headers}:
                return  # the documented answer of a full worker pool (a loaded machine), not a server error
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} query={case.query} body={str(case.body)[:200]}: "
                f"{response.status_code} {response.text[:300]}"
            )
            case.validate_response(response, checks=[not_a_server_error])

        run()
        seen.append(f"{op.method.upper()} {op.path}")
    assert "GET /api/v1/observations" in seen and "POST /api/v1/check" in seen
