"""Fixtures shared across the test folders."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CONTROL_FACTS = yaml.safe_load((Path(__file__).parent / "fusion" / "control_facts.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def control_fact_articles() -> list[dict]:
    """The corpus articles behind control_facts.yaml, whole, with the facts' dates and outlets.

    Whole articles, because relevance is judged on the title and lead as for any article; the quote in
    the YAML (its opening words) must be found in its article's text.
    """
    corpus = SHARED / "corpus" / "articles.jsonl.gz"
    if not corpus.exists():
        pytest.skip(f"{corpus} is missing (the shared corpus sits beside the project)")
    wanted = CONTROL_FACTS["articles"]
    found = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                meta = wanted[rec["id"]]
                assert " ".join(meta["text"].split()[:8]) in " ".join(rec["text"].split()), \
                    f"{rec['id']}: the quote is not in the article"
                found[rec["id"]] = {"id": rec["id"], "text": rec["text"], "title": rec.get("title"),
                                    "published": meta["published"], "source": meta["source"]}
    assert set(found) == set(wanted), f"not in the corpus: {sorted(set(wanted) - set(found))}"
    return [found[i] for i in wanted]
