"""Known facts of territorial control, each from a corpus article: the timeline must reproduce them.

Each article (whole, from the shared corpus) goes through the real extractor and the store; the
control timeline is then asked who held the place on a day (control_facts.yaml says why each is true).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from marsad.engines import extract_one
from marsad.fusion.control import covers
from marsad.ingest import Article
from marsad.store import Store

FACTS = yaml.safe_load((Path(__file__).parent / "control_facts.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def store(tmp_path_factory, control_fact_articles):
    arts = []
    for a in control_fact_articles:
        art = Article(**a)
        _, records, err = extract_one(art)
        assert err is None, (a["id"], err)
        arts.append((art, records))
    with Store(tmp_path_factory.mktemp("facts") / "facts.db") as s:
        s.add_articles(arts)
        yield s


def _answer(store: Store, place: str, date: str) -> dict | None:
    return next((p for p in store.control_timeline(place) if covers(p, date)), None)


@pytest.mark.parametrize("fact", FACTS["facts"], ids=lambda f: f"{f['place']}@{f['at']}")
def test_known_fact(store, fact):
    p = _answer(store, fact["place"], fact["at"])
    if "holder" in fact:
        assert p is not None, f"nothing known of {fact['place']} on {fact['at']} ({fact['known']})"
        assert p["status"] == "held" and p["family"] == fact["holder"], (p["actor"], p["family"], fact["known"])
        assert any(e["article_id"] == fact["article"] for e in p["evidence"])
    else:
        assert p is None or fact["not_holder"] not in {p["family"], *(s["family"] for s in p["sides"])}, \
            (p["actor"], fact["known"])


def test_the_facts_come_from_outside_the_dev_set():
    dev = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev-articles.jsonl"
    if not dev.exists():
        pytest.skip("../shared not beside the project")
    import json
    ids = {json.loads(line)["id"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not ids & set(FACTS["articles"])
