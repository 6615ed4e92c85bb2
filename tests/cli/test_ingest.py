"""``marsad ingest``'s wrappers around the engine."""
from __future__ import annotations

from typing import Any, Iterator, Sequence

from marsad.cli.ingest import with_confidence_floor


def test_the_confidence_floor_keeps_control_records_and_hands_the_batch_over_at_once() -> None:
    called: list[Sequence[str]] = []

    def engine(articles: Sequence[str]) -> Iterator[Any]:
        called.append(articles)
        return iter([(a, [{"confidence": 0.2}, {"confidence": 0.9}, {"record": "control"}], None) for a in articles]
                    + [("bad", None, "extraction failed")])

    floored = with_confidence_floor(engine, 0.5)
    results = floored(["a1", "a2"])
    assert called == [["a1", "a2"]]  # before any result is read: a pool starts on the batch meanwhile
    assert list(results) == [("a1", [{"confidence": 0.9}, {"record": "control"}], None),
                             ("a2", [{"confidence": 0.9}, {"record": "control"}], None),
                             ("bad", None, "extraction failed")]
