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

# ingest → text (in Doc) → relevance → mentions → events (drafts) → sentence status → gate → one event per unit → output
MENTION_STAGES: tuple[str, ...] = (
    "marsad.mentions.numbers:find_numbers",
    "marsad.mentions.dates:find_dates",
    "marsad.mentions.places:find_places",  # also sets doc.layers["country"], the article's focus
    "marsad.mentions.actors:find_actors",
    "marsad.mentions.sources:find_sources",
    "marsad.mentions.cues:find_cues",
)
# The rules alone: what the event builder drafts from the mentions, no learned step.
RULE_STAGES: tuple[str, ...] = MENTION_STAGES + (
    "marsad.events.build:build_events",  # typing, roles, place and date per event, the ACLED unit
)
DEFAULT_STAGES: tuple[str, ...] = (
    "marsad.models.relevance:score_relevance",  # learned; a non-relevant article stops here
    *MENTION_STAGES,
    "marsad.events.build:build_events",  # the rules draft events
    "marsad.models.status:score_sentences",  # learned: event status and sub-type of the drafts' sentences
    "marsad.models.gate:gate_events",  # only events of event-report sentences; calibrated confidence
    "marsad.models.propose:propose_events",  # learned: one event for a sure article the rules missed
    "marsad.events.dedupe:merge_sentence_duplicates",  # a unit retyped into another of its sentence's: one event
    "marsad.events.references:attach_references",  # "تلك الغارات" told again: evidence of the event, not one
)


@lru_cache(maxsize=None)
def _resolve(path: str) -> Callable[[Doc], None]:
    module, _, func = path.partition(":")
    return getattr(importlib.import_module(module), func)


def stages(names: tuple[str, ...] = DEFAULT_STAGES) -> list[Callable[[Doc], None]]:
    return [_resolve(n) for n in names]


@lru_cache(maxsize=None)
def _steps(names: tuple[str, ...]) -> tuple[Callable[[Doc], None], ...]:
    """``stages(names)`` kept per tuple of names: ``run`` asks for it for every article (a few microseconds,
    as many cache lookups as stages, when listed again each time)."""
    return tuple(stages(names))


_frozen = False


def run(doc: Doc, names: tuple[str, ...] | None = None) -> Doc:
    """Run the stages (default: ``DEFAULT_STAGES``) in order; a stage may end the run early by setting
    ``doc.layers["stop"]`` to the reason (the relevance model does, for an article that tells no event)."""
    global _frozen
    first = not _frozen
    collecting = gc.isenabled()
    if first:
        gc.disable()  # the first article loads the stages and their data: no collection while they are built
    try:
        names = names or DEFAULT_STAGES
        for step in _steps(names) if type(names) is tuple else stages(names):
            step(doc)
            if doc.layers.get("stop"):
                break
    finally:
        if first:
            # The first article loaded every lexicon and the gazetteer: hundreds of thousands of
            # long-lived objects that each full garbage collection would otherwise walk again.
            _frozen = True
            gc.collect()
            gc.freeze()
            # An article allocates tens of thousands of short-lived objects (tokens, features, mentions), freed
            # by reference counting, not by the collector: at the default threshold (700) the collector still
            # ran every few hundred allocations, ~10% of extraction time. Raised, never lowered.
            threshold = gc.get_threshold()
            if threshold[0] < GC_THRESHOLD:
                gc.set_threshold(GC_THRESHOLD, *threshold[1:])
            if collecting:
                gc.enable()
    return doc


GC_THRESHOLD = 10_000
