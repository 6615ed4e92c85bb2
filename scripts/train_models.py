#!/usr/bin/env python3
"""Build step: train the shipped models (src/marsad/data/models) from ../shared/train.

Reads the labelled articles and sentences of ../shared/train (texts joined from
../shared/corpus/articles.jsonl.gz), trains deterministically, and writes the weights, manifest.json
and MODEL_CARD.md with 5-fold cross-validated figures. tests/models/test_shipped.py fails when the
shipped models are stale (labels, settings or feature code changed since they were built).

    python scripts/train_models.py [--shared ../shared] [--no-evaluate]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.models.linear import SHIPPED_MODEL_DIR  # noqa: E402
from marsad.models.train import train  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--no-evaluate", action="store_true", help="skip the whole-article evaluation")
    a = ap.parse_args()
    shared = Path(a.shared)
    train(shared / "train", SHIPPED_MODEL_DIR, shared / "corpus" / "articles.jsonl.gz", evaluate=not a.no_evaluate)
    print(f"models written to {SHIPPED_MODEL_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
