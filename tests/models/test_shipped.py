"""The models shipped in the package are built from the current labels, settings and feature code."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.models import load_models
from marsad.models.linear import SHIPPED_MODEL_DIR
from marsad.models.train import SETTINGS, code_hash, labels_hash

SHARED_TRAIN = Path(__file__).resolve().parents[2].parent / "shared" / "train"


def test_shipped_models_load_and_are_small() -> None:
    bundle = load_models(SHIPPED_MODEL_DIR)
    assert 0 < bundle.relevance.threshold < 1 and 0 < bundle.status.threshold < 1
    size = sum(p.stat().st_size for p in SHIPPED_MODEL_DIR.iterdir())
    assert size < 20_000_000


def test_shipped_models_are_not_stale() -> None:
    manifest = json.loads((SHIPPED_MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["code_sha256"] == code_hash(), "feature/training code changed: run scripts/train_models.py"
    assert manifest["settings"] == SETTINGS, "training settings changed: run scripts/train_models.py"
    if not SHARED_TRAIN.is_dir():
        pytest.skip("../shared/train not beside the project")
    assert manifest["labels_sha256"] == labels_hash(SHARED_TRAIN), "labels changed: run scripts/train_models.py"


def test_model_card_reports_cross_validated_figures() -> None:
    card = (SHIPPED_MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "cross-validated" in card and "rules+model" in card
