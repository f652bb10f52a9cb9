"""Property-based fuzz of the REST API from its own OpenAPI schema (schemathesis): no input gives a 500,
and every 4xx has the one error shape. Bounded: a few dozen examples per operation, well under a minute."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

#: examples per operation and mode (valid / invalid inputs): enough to hit bad codes, periods, limits
MAX_EXAMPLES = 20
#: the claim checker reads a whole article per example: fewer
MAX_EXAMPLES_CHECK = 5

OPERATIONS = [
    ("GET", "/api/v1/observations"), ("GET", "/api/v1/pairs"), ("GET", "/api/v1/estimates"),
    ("GET", "/api/v1/reliability"), ("GET", "/api/v1/findings"), ("GET", "/api/v1/figures/{figure_id}"),
    ("GET", "/api/v1/status"), ("POST", "/api/v1/check"),
]


@pytest.fixture(scope="module")
def api_schema(web_store: Path):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from mirrortrade.report.web.app import create_app

    app = create_app(web_store)
    # the first findings request starts the worker processes and computes the findings: done here, not within
    # schemathesis's 10 s read timeout (no `with`: the app's shutdown would stop its workers)
    assert TestClient(app).get("/api/v1/findings", params={"limit": 1}).status_code == 200
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_is_fuzzed(api_schema) -> None:  # type: ignore[no-untyped-def]
    ops = {(r.ok().method.upper(), r.ok().path) for r in api_schema.get_all_operations()}
    assert ops == set(OPERATIONS)


#: operations whose schema constrains nothing (any string is a valid figure id to ask for) have no "invalid" mode
UNCONSTRAINED = {"/api/v1/figures/{figure_id}", "/api/v1/status"}
CASES = [pytest.param(m, p, mode, id=f"{m}-{p}-{mode.value}") for m, p in OPERATIONS
         for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
         if not (mode is GenerationMode.NEGATIVE and p in UNCONSTRAINED)]


@pytest.mark.parametrize(("method", "path", "mode"), CASES)
def test_no_server_errors(api_schema, method: str, path: str, mode: GenerationMode) -> None:  # type: ignore[no-untyped-def]
    (op,) = [r.ok() for r in api_schema.get_all_operations() if (r.ok().method.upper(), r.ok().path) == (method, path)]
    statuses: list[int] = []

    @given(case=op.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES_CHECK if path.endswith("/check") else MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:
        if isinstance(case.body, dict) and isinstance(case.body.get("text"), str):
            case.body["text"] = case.body["text"][:2000]  # bound the claim checker's work per example
        response = case.call()
        statuses.append(response.status_code)
        if response.status_code == 503 and "retry-after" in {k.lower() for k in response.headers}:
            return  # the documented answer of a full worker pool (a loaded machine), not a server error
        assert response.status_code < 500, (case.path_parameters, case.query, case.body, response.text[:500])
        body = response.json()
        if response.status_code >= 400:
            assert body["ok"] is False and body["status"] == response.status_code and body["error"]
        else:
            assert body["ok"] is True

    run()
    assert statuses  # the operation was called
