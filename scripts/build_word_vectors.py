#!/usr/bin/env python3
"""Build step: word vectors from the news corpus (src/marsad/data/word_vectors.npz).

Reads ../shared/corpus/articles.jsonl.gz (titles and openings only; no text is stored), counts which
stems occur within three words of each other, and keeps 20,000 stems' 100-dimensional SVD vectors of
their positive PMI (see marsad.models.vectors). The learned steps read them as features, so rebuild
the models afterwards (scripts/train_models.py); tests/models/test_shipped.py notices if you forget.

    python scripts/build_word_vectors.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.models.vectors import ARTEFACT, build, write  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    corpus = Path(ap.parse_args().shared) / "corpus" / "articles.jsonl.gz"
    words, vectors = build(corpus)
    info = write(words, vectors, ARTEFACT, corpus)
    print(f"{info['words']} word vectors written to {ARTEFACT} (sha256 {info['sha256']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
