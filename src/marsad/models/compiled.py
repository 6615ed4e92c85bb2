"""The shipped models in a packed file (``data/models.store``, ``marsad.packed``), read in place at start-up.

Loading the four shipped models parsed ~1.4 MB of JSON headers, inflated their ``.npz`` weights and
widened them to float64: about 40 ms of every start. ``python scripts/compile_data.py`` writes
``models.store`` beside the model folder (which it leaves untouched): per model its header fields,
its vocabulary as a string table with a hash table over it (a name's row is found without building a
dict), its weights and intercept as float64 (exactly the float32 widened), and a fingerprint of each
model file it was made from. ``load_models`` takes the shipped models from
it while those files are unchanged; retrained models are read from their folder as before until the
store is compiled again (``tests/models/test_compiled_models.py`` fails meanwhile). Models from another
folder (``--model``) are always read from it.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..lexicon import DATA_DIR
from ..packed import PackedWriter, open_packed, source_fingerprint
from .linear import MODEL_NAMES, SHIPPED_MODEL_DIR, LinearModel, ModelBundle, Vocabulary

STORE = DATA_DIR / "models.store"
MAGIC = b"MARSADLM"
STORE_FORMAT = 2  # 2: each vocabulary with its hash table


def model_files(folder: Path) -> dict[str, Path]:
    """The files a compiled copy of ``folder`` is derived from, by name."""
    return {f"{n}.{ext}": folder / f"{n}.{ext}" for n in MODEL_NAMES for ext in ("json", "npz")}


def read_compiled(folder: Path, path: Path = STORE) -> ModelBundle | None:
    """The models of ``folder`` from the compiled copy, when ``folder`` is the shipped one and unchanged."""
    if folder.resolve() != SHIPPED_MODEL_DIR.resolve():
        return None
    packed = open_packed(path, MAGIC, STORE_FORMAT, model_files(folder))
    if packed is None:
        return None
    models = []
    for name in MODEL_NAMES:
        head = packed.header["models"][name]
        vocabulary = Vocabulary(packed.hashed(name + ".vocabulary", builds_dict=False))  # names and hash table
        rows, cols = head["shape"]
        weights = np.frombuffer(packed.buffer, "<f8", rows * cols, packed.offset(name + ".weights")).reshape(rows, cols)
        intercept = np.frombuffer(packed.buffer, "<f8", cols, packed.offset(name + ".intercept"))
        cal = head["calibration"]
        # as LinearModel.load builds it from the model's files (its vocab dict built when first read)
        models.append(LinearModel(name, head["classes"], vocabulary, weights, intercept, tuple(cal) if cal else None,
                                  float(head["threshold"]), head["meta"] or {}))
    return ModelBundle(folder, *models)


def store_bytes(folder: Path = SHIPPED_MODEL_DIR) -> bytes:
    """What ``models.store`` must hold for the models of ``folder`` (deterministic)."""
    w = PackedWriter()
    heads = {}
    for name in MODEL_NAMES:
        model = LinearModel.load(folder, name)  # the checks of a normal load
        header = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        w.strings(name + ".vocabulary", list(model.vocab), hashed=True)  # a dict's keys: distinct
        w.raw(name + ".weights", np.ascontiguousarray(model.weights, dtype="<f8").tobytes(), "d")
        w.raw(name + ".intercept", np.ascontiguousarray(model.intercept, dtype="<f8").tobytes(), "d")
        heads[name] = {"classes": model.classes, "calibration": header.get("calibration"),
                       "threshold": header.get("threshold", 0.5), "meta": model.meta, "shape": list(model.weights.shape)}
    sources = {name: source_fingerprint(p) for name, p in model_files(folder).items()}
    return w.to_bytes(MAGIC, STORE_FORMAT, sources, {"models": heads})
