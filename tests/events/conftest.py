"""Shared helpers for the event tests."""
import pytest

import marsad
import marsad.pipeline


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    """These tests check what the rule builder drafts; the learned gate that decides which drafts are
    published is tested in tests/models."""
    monkeypatch.setattr(marsad.pipeline, "DEFAULT_STAGES", marsad.pipeline.RULE_STAGES)


@pytest.fixture
def one():
    """Extract a text that reports exactly one event and check the given fields of it."""
    def check(text: str, published: str, **expect):
        events = marsad.extract(text, published=published)
        assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]
        e = events[0]
        for key, value in expect.items():
            assert getattr(e, key) == value, (key, getattr(e, key))
        return e
    return check
