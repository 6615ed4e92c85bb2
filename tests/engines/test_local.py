"""The local engine gives the same records, in the same order, with one process or a pool."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.engines import get_engine
from marsad.engines.local import MIN_POOL_BATCH, PoolEngine, extract_batch
from marsad.ingest import Article

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev" / "seed.jsonl"


def _articles() -> list[Article]:
    if not SEED.exists():
        pytest.skip(f"{SEED} is missing (the shared data sits beside the project)")
    rows = [json.loads(line) for line in SEED.open(encoding="utf-8") if line.strip()]
    arts = [Article(r["id"], r["text"], r.get("published"), r.get("source")) for r in rows]
    # a broken article in the middle must be reported, not lose the rest of the batch
    arts.insert(len(arts) // 2, Article("broken", None, "2017-01-01"))  # type: ignore[arg-type]
    return (arts * (MIN_POOL_BATCH // len(arts) + 1))[: max(len(arts), MIN_POOL_BATCH + 4)]


def test_two_workers_give_the_records_of_one_in_input_order() -> None:
    arts = _articles()
    one = [(a.id, recs, err) for a, recs, err in extract_batch(arts)]
    engine = get_engine("local", workers=2)
    assert isinstance(engine, PoolEngine)
    try:
        two = [(a.id, recs, err) for a, recs, err in engine(arts)]
        again = [(a.id, recs, err) for a, recs, err in engine(arts[:3])]  # small batch: in this process
    finally:
        engine.close()
    assert two == one
    assert again == one[:3]
    assert any(recs for _, recs, _ in one), "the seed articles should yield events"
    assert [err is not None for _, _, err in one].count(True) >= 1


def test_one_worker_runs_in_this_process() -> None:
    assert get_engine("local", workers=1) is extract_batch
    with pytest.raises(ValueError):
        get_engine("local", workers=0)
