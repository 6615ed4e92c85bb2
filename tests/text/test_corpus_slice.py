"""The text layer on a slice of the real corpus is exactly what it was before it was made faster.

``corpus_slice_reference.json`` holds, for ~400 corpus articles outside the dev set (every 100th
article, plus articles whose text takes the per-character normalisation path), a digest of every
layer ``Doc`` builds: the normalised text, its offset map, each token (offsets, matching form,
clitic forms, sentence) and each sentence. It was written by the code before the speed work
(commit 8eade42) with ``python tests/text/test_corpus_slice.py --write``; only ids and digests
are stored, never corpus text. Rewrite it only for a change meant to alter segmentation.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl.gz"
DEV = ROOT.parent / "shared" / "corpus" / "dev-articles.jsonl"
REFERENCE = Path(__file__).with_name("corpus_slice_reference.json")


def doc_digest(text: str) -> str:
    """A digest of every layer ``Doc(text)`` builds, independent of how tokens are represented."""
    from marsad.doc import Doc

    doc = Doc(text)
    layers = [
        doc.norm.text,
        list(doc.norm.to_orig),
        doc.norm.orig_len,
        [(t.start, t.end, t.norm, t.norm_start, list(t.forms), t.sentence) for t in doc.tokens],
        [(s.start, s.end, s.token_start, s.token_end) for s in doc.sentences],
    ]
    return hashlib.sha1(json.dumps(layers, ensure_ascii=False).encode("utf-8")).hexdigest()


def slice_articles(ids: set[str] | None = None) -> dict[str, str]:
    """``{id: text}`` of the slice: the given ids, or (to write the reference) choose them."""
    dev = {json.loads(line)["id"] for line in DEV.open(encoding="utf-8")} if DEV.exists() else set()
    out: dict[str, str] = {}
    n_slow = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if ids is not None:
                # the id is the first field of every corpus line: skip parsing lines not in the slice
                head = line[:200]
                if not any(f'"{k}"' in head for k in ids):
                    continue
                art = json.loads(line)
                if art["id"] in ids:
                    out[art["id"]] = art["text"]
                continue
            art = json.loads(line)
            if art["id"] in dev:
                continue
            from marsad.text.normalise import _SLOW_RE

            slow = bool(_SLOW_RE.search(art["text"])) and n_slow < 25
            if i % 100 == 7 or slow:
                out[art["id"]] = art["text"]
                n_slow += slow
    return out


@pytest.fixture(scope="module")
def reference() -> dict[str, str]:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is missing (the shared corpus sits beside the project)")
    return json.loads(REFERENCE.read_text(encoding="utf-8"))["doc"]


def test_doc_layers_match_the_reference_on_the_corpus_slice(reference: dict[str, str]) -> None:
    texts = slice_articles(set(reference))
    assert set(texts) == set(reference), "corpus articles of the slice are missing"
    changed = [k for k, text in texts.items() if doc_digest(text) != reference[k]]
    assert changed == [], f"{len(changed)} article(s) segment differently, e.g. {changed[:5]}"


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/text/test_corpus_slice.py --write")
    sys.path.insert(0, str(ROOT / "src"))
    arts = slice_articles()
    REFERENCE.write_text(json.dumps({"doc": {k: doc_digest(t) for k, t in arts.items()}}, indent=1) + "\n",
                         encoding="utf-8")
    print(f"wrote {len(arts)} article digests to {REFERENCE}")
