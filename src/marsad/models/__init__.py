"""Learned pipeline steps: article relevance and sentence event status / sub-type.

Peers of the rule stages (like spaCy's statistical components): each model is a linear classifier over
features of the project's own normalised tokens and mention layers, stored as data (JSON + ``.npz``,
never pickle) with a model card, trained by ``marsad train`` (``marsad.models.train``) from labelled
articles and sentences. Inference is a sparse dot product: a dictionary lookup per feature.

Stages (see ``marsad.pipeline``):

- ``relevance:score_relevance`` first, on the title and lead; an article judged not relevant stops
  the pipeline before any lexicon is consulted, and yields no events.
- ``status:score_sentences`` after the mention stages: P(the sentence reports a specific recent
  event) and a distribution over ACLED sub-types, for every sentence that holds an event cue.
- ``gate:gate_events`` after the event builder: an event needs a sentence judged an event report;
  its ``confidence`` becomes a calibrated probability from both models and the rule evidence.
"""
from __future__ import annotations

import os
from typing import Any

__all__ = ["LinearModel", "ModelBundle", "load_models", "model_dir", "use_model_dir"]
_FROM_LINEAR = frozenset({"LinearModel", "ModelBundle", "load_models", "model_dir"})


def __getattr__(name: str) -> Any:
    """The linear-model API, imported (with numpy) on first use rather than with the package."""
    if name in _FROM_LINEAR:
        from . import linear

        return getattr(linear, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def use_model_dir(path: str | os.PathLike[str]) -> None:
    """Use the models of ``path`` in this process and the worker processes it starts (``--model``)."""
    from .linear import load_models

    os.environ["MARSAD_MODEL"] = os.fspath(path)
    load_models()  # fail now, naming the folder, rather than on the first article
