"""``marsad train``: learn the relevance, event-status, sub-type and confidence models from labels."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train the learned models from labelled articles and sentences",
                       description="Train Marsad's article relevance, sentence event-status, sub-type and "
                                   "confidence models from label files (the formats of ../shared/train), "
                                   "with k-fold cross-validated figures written to the model card.")
    p.add_argument("--labels", default="../shared/train", help="folder with articles.jsonl and/or sentences.jsonl")
    p.add_argument("--corpus", default=None,
                   help="articles JSONL(.gz) to take label texts from (default: ../shared/corpus/articles.jsonl.gz "
                        "beside the labels, when it exists)")
    p.add_argument("-o", "--output", default="marsad-model", help="model folder to write (default: ./marsad-model)")
    p.add_argument("--no-evaluate", action="store_true", help="skip the whole-article evaluation (faster)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        from ..models.train import train
    except ImportError as exc:  # scikit-learn is needed to train, not to extract
        print(f"marsad: training needs scikit-learn ({exc})", file=sys.stderr)
        return 2
    labels = Path(args.labels)
    if not labels.is_dir():
        print(f"marsad: {labels}: no such label folder", file=sys.stderr)
        return 2
    corpus = Path(args.corpus) if args.corpus else labels.parent / "corpus" / "articles.jsonl.gz"
    if not corpus.exists():
        if args.corpus:
            print(f"marsad: {corpus}: no such corpus file", file=sys.stderr)
            return 2
        corpus = None
    try:
        manifest = train(labels, Path(args.output), corpus, evaluate=not args.no_evaluate)
    except ValueError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(manifest["figures"], ensure_ascii=False, indent=1))
    print(f"marsad: models written to {args.output} (see its MODEL_CARD.md); use them with --model {args.output} "
          f"or MARSAD_MODEL={args.output}", file=sys.stderr)
    return 0
