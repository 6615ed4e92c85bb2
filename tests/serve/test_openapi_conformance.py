"""The API conforms to its own OpenAPI document: schemathesis generates requests from /openapi.json
(valid and invalid values, bounded) and checks every answer against the document: no server error,
documented status codes and content types, response bodies matching their schemas.
"""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402

import sample_db  # noqa: E402
from marsad.serve import create_app  # noqa: E402


def _app(tmp_root):
    return create_app(sample_db.build(tmp_root / "conformance.db"))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return _app(tmp_path_factory.mktemp("conformance"))


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


OPERATIONS = [("GET", "/api/meta"), ("GET", "/api/events"), ("GET", "/api/events.geojson"),
              ("GET", "/api/events.csv"), ("GET", "/api/events/{fused_id}"), ("GET", "/api/counts"),
              ("GET", "/api/places"), ("GET", "/api/places/{place}/control"), ("GET", "/api/control"),
              ("GET", "/api/actors"), ("POST", "/api/ingest")]


def test_the_document_lists_every_operation(api_schema):
    found = {(op.method.upper(), op.path) for op in (r.ok() for r in api_schema.get_all_operations())}
    assert found == set(OPERATIONS)


def _keeps_documented_rules(case) -> bool:
    """Rules between parameters that JSON Schema cannot state (documented in the descriptions):
    since <= until, and a bbox's minimum <= its maximum."""
    q = case.query or {}
    if isinstance(q.get("since"), str) and isinstance(q.get("until"), str) and q["since"] > q["until"]:
        return False
    box = q.get("bbox")
    if isinstance(box, str) and box.count(",") == 3:
        try:
            a, b, c, d = (float(x) for x in box.split(","))
        except ValueError:
            return True
        return a <= c and b <= d
    return True


@pytest.mark.parametrize("mode", ["positive", "negative"])
@pytest.mark.parametrize("method, path", OPERATIONS)
def test_every_operation_conforms_to_the_document(api_schema, method, path, mode):
    if mode == "negative" and path == "/api/meta":
        pytest.skip("/api/meta has no parameters, so no invalid request to make")
    op = api_schema[path][method]
    strategy = op.as_strategy(generation_mode=schemathesis.GenerationMode(mode))
    if mode == "positive":
        strategy = strategy.filter(_keeps_documented_rules)

    @given(case=strategy)
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
              database=None)
    def check(case):
        case.call_and_validate()

    check()


def test_documented_error_shape_is_the_one_sent(app):
    from starlette.testclient import TestClient

    with TestClient(app) as c:
        spec = c.get("/openapi.json").json()
        err = spec["paths"]["/api/events.csv"]["get"]["responses"]["422"]["content"]
        assert err["application/json"]["schema"]["properties"]["detail"]["type"] == "string"
        for path, params in [("/api/events", {"limit": "x"}), ("/api/events.geojson", {"until": "0"}),
                             ("/api/counts", {"event_type": "Battle"}), ("/api/control", {"date": "0"})]:
            r = c.get(path, params=params)
            assert r.status_code == 422 and isinstance(r.json()["detail"], str), r.text
            assert next(iter(params)) in r.json()["detail"], r.text
        params = spec["paths"]["/api/events"]["get"]["parameters"]
        enum = next(p for p in params if p["name"] == "event_type")["schema"]["anyOf"][0]["enum"]
        assert "Battles" in enum and "Armed clash" in enum
        geo = spec["paths"]["/api/events.geojson"]["get"]["responses"]["200"]["content"]
        assert list(geo) == ["application/geo+json"]
        assert c.get("/api/events.geojson").headers["content-type"].startswith("application/geo+json")
