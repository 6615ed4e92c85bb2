"""The ordered stages one article goes through.

Each stage is a function ``(doc) -> None`` that reads earlier layers and adds its own. Stages are
named by dotted path so the order is readable here and modules load only when used.
"""
from __future__ import annotations

import gc
import importlib
from functools import lru_cache
from typing import Callable

from .doc import Doc

# ingest → text (in Doc) → mentions → events → places → dates → output
DEFAULT_STAGES: tuple[str, ...] = (
    "marsad.mentions.numbers:find_numbers",
    "marsad.mentions.dates:find_dates",
    "marsad.mentions.places:find_places",  # also sets doc.layers["country"], the article's focus
    "marsad.mentions.actors:find_actors",
    "marsad.mentions.sources:find_sources",
    "marsad.mentions.cues:find_cues",
    "marsad.events.build:build_events",  # typing, roles, place and date per event, the ACLED unit
)


@lru_cache(maxsize=None)
def _resolve(path: str) -> Callable[[Doc], None]:
    module, _, func = path.partition(":")
    return getattr(importlib.import_module(module), func)


def stages(names: tuple[str, ...] = DEFAULT_STAGES) -> list[Callable[[Doc], None]]:
    return [_resolve(n) for n in names]


_frozen = False


def run(doc: Doc, names: tuple[str, ...] = DEFAULT_STAGES) -> Doc:
    global _frozen
    for step in stages(names):
        step(doc)
    if not _frozen:
        # The first article loaded every lexicon and the gazetteer: hundreds of thousands of
        # long-lived objects that each full garbage collection would otherwise walk again.
        _frozen = True
        gc.collect()
        gc.freeze()
    return doc
