"""The compiled copy of the shipped models (``data/models.store``): current with the model files, the same
models to the bit, and not used for changed model files or for another folder."""
from __future__ import annotations

import shutil

import numpy as np

from marsad.models import compiled, load_models
from marsad.models.linear import MODEL_NAMES, SHIPPED_MODEL_DIR, LinearModel

REBUILD = "python scripts/compile_data.py"


def test_compiled_models_are_current():
    assert compiled.STORE.exists() and compiled.STORE.read_bytes() == compiled.store_bytes(), \
        f"{compiled.STORE} is stale (models retrained?): run {REBUILD}"


def test_shipped_models_are_read_from_the_compiled_copy():
    assert not load_models(SHIPPED_MODEL_DIR).relevance.weights.flags.owndata  # a view of the mapped file


def test_compiled_models_are_the_models():
    bundle = compiled.read_compiled(SHIPPED_MODEL_DIR)
    assert bundle is not None
    for name in MODEL_NAMES:
        a, b = getattr(bundle, name), LinearModel.load(SHIPPED_MODEL_DIR, name)
        assert (a.name, a.classes, a.calibration, a.threshold, a.meta) == (b.name, b.classes, b.calibration, b.threshold, b.meta)
        assert list(a.vocab.items()) == list(b.vocab.items())
        for x, y in ((a.weights, b.weights), (a.intercept, b.intercept)):
            assert x.dtype == y.dtype == np.float64 and x.shape == y.shape and x.tobytes() == y.tobytes()
        feats = list(b.vocab)[::97] + ["not a feature"]
        vector = np.linspace(-1, 1, 100, dtype=np.float32)
        if len(b.classes) == 2:
            assert a.probability(feats, vector) == b.probability(feats, vector)
        else:
            assert a.distribution(feats, vector) == b.distribution(feats, vector)


def test_changed_model_files_or_another_folder_are_read_from_the_folder(tmp_path, monkeypatch):
    folder, store = tmp_path / "models", tmp_path / "models.store"
    shutil.copytree(SHIPPED_MODEL_DIR, folder)
    store.write_bytes(compiled.store_bytes(folder))
    assert compiled.read_compiled(folder, store) is None  # not the shipped folder
    monkeypatch.setattr(compiled, "SHIPPED_MODEL_DIR", folder)
    assert compiled.read_compiled(folder, store) is not None
    (folder / "status.json").write_text((folder / "status.json").read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert compiled.read_compiled(folder, store) is None
