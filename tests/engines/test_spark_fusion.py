"""The in-memory fusion the Spark engine runs per block: the store's fusion, whatever the order it is given,
and blocks that really are independent (fusion/tests' hand-coded reports of real events)."""
from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fusion"))
from fusion_reports import afp, ariha, sana  # noqa: E402

from marsad.engines.spark_fusion import article_order, block_key, fuse_block, prepare_events, segment_starts  # noqa: E402
from marsad.fusion import rules  # noqa: E402
from marsad.store import Store  # noqa: E402


def reports():
    """(article, event dicts) of the Mayadin battle (AFP, SANA) and the Ariha jet crash (three papers)."""
    out = [afp(), sana(), *ariha()]
    return [(a, [e.to_dict() if hasattr(e, "to_dict") else e for e in evs]) for a, evs in out]


def blocked(items):
    rows = []
    for a, evs in items:
        for pos, d in enumerate(prepare_events(a.id, a.source, evs)):
            rows.append((article_order(a.published, a.id), pos, d))
    return rows


def as_store_would(items, tmp_path):
    ordered = sorted(items, key=lambda t: article_order(t[0].published, t[0].id))
    with Store(tmp_path / "s.db") as s:
        s.add_articles(ordered)
        return {fid: (sorted(json_ids), n) for fid, json_ids, n in
                ((r["fused_id"], r["article_ids"], r["n_events"]) for r in s.query_events(limit=1000))}


def test_fuse_block_equals_the_store_in_any_order(tmp_path):
    items = reports()
    want = as_store_would(items, tmp_path)
    rows = blocked(items)
    for seed in range(5):
        random.Random(seed).shuffle(rows)
        fused, links = fuse_block(rows)
        got = {f["fused_id"]: (sorted(f["article_ids"]), f["n_events"]) for f in fused}
        assert got == want
        assert sorted(k["event_id"] for k in links) == sorted(d["event_id"] for _, _, d in rows)


def test_segments_cut_only_where_no_window_reaches_across():
    windows = [("Battles", "2017-10-01", "2017-10-03"), ("Battles", "2017-10-04", "2017-10-04"),
               ("Battles", "2017-10-06", "2017-10-06"), ("Protests", "2017-10-02", "2017-10-02")]
    seg = segment_starts(windows)
    # 10-04 starts a day after 10-03 ends: reports a day apart can be one event, so no cut there
    assert seg == {"Battles": ["2017-10-01", "2017-10-06"], "Protests": ["2017-10-02"]}
    a = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2017-10-04"}
    b = dict(a, event_date="2017-10-06")
    assert block_key(a, seg) == ("Battles", "2017-10-01") and block_key(b, seg) == ("Battles", "2017-10-06")
    assert not rules.dates_compatible(dict(a, event_date="2017-10-03"), b)[0]
    undated = {block_key(dict(a, event_date=None, event_id=f"e{i}"), seg) for i in range(200)}
    assert {fam for fam, _ in undated} == {"Battles"} and all(k.startswith("undated:") for _, k in undated)
    assert len(undated) > 32  # spread over many small groups: they never fuse, so any split is exact
