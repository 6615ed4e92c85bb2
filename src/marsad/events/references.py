"""Pipeline stage: sentences that speak again of a published event join its evidence.

The rule builder leaves out, as events, clauses whose event noun points back at one already told
("وتأتي تلك الغارات مع …", "وقتل 260 مقاتلا في هذه الغارات بحسب أنقرة") and notes their sentence
against the event's cue. After the learned gate has judged each event by the sentences that tell it,
those sentences are added to its evidence, so a reader sees everything the article says of it.
"""
from __future__ import annotations

from ..doc import Doc
from .model import Evidence


def attach_references(doc: Doc) -> None:
    """Add each noted reference sentence to the published event whose cue it points back at."""
    refs: dict[tuple[int, int], list[tuple[int, int]]] = doc.layers.get("reference_sentences") or {}
    if not refs:
        return
    for ev in doc.events:
        have = {(x.start, x.end) for x in ev.evidence}
        for sp in ev.spans:
            if sp.role != "cue":
                continue
            for a, b in refs.get((sp.start, sp.end), ()):
                if (a, b) not in have:
                    ev.evidence.append(Evidence(doc.text[a:b], a, b))
                    have.add((a, b))
