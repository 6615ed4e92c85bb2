"""Pipeline stage: does a sentence report a specific recent event, and of which ACLED sub-type?

Runs after the rule event builder and scores the sentences its drafts come
from: the words, the cue/blocker/mention kinds, and what the rules drafted there are the features.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np

from ..doc import Doc, Mention
from .features import mentions_by_sentence, rule_features, sentence_of, span_features, span_vector
from .linear import ModelBundle, load_models


@dataclass(frozen=True)
class SentenceScore:
    probability: float  # calibrated P(kind == "event")
    threshold: float
    subtypes: dict[str, float] = field(default_factory=dict)  # P(sub-type | event report)

    @property
    def is_event(self) -> bool:
        return self.probability >= self.threshold

    def top_subtype(self) -> tuple[str, float]:
        return max(self.subtypes.items(), key=lambda kv: kv[1]) if self.subtypes else ("", 0.0)


def score_sentences(doc: Doc) -> None:
    """Set ``doc.layers["sentence_status"]``: sentence index -> SentenceScore, for sentences with drafts."""
    doc.layers["sentence_status"] = sentence_scores(doc, load_models())


def sentence_scores(doc: Doc, models: ModelBundle) -> dict[int, SentenceScore]:
    by_sentence = mentions_by_sentence(doc)
    drafts: dict[int, list[Any]] = {}
    for e in doc.events:
        for i in {sentence_of(doc, x.start) for x in e.evidence}:
            drafts.setdefault(i, []).append(e)
    scores: dict[int, SentenceScore] = {}
    for i in sorted(drafts):
        feats, vector = sentence_input(doc, i, by_sentence.get(i, ()), drafts[i])
        scores[i] = SentenceScore(round(models.status.probability(feats, vector), 4), models.status.threshold,
                                  models.subtype.distribution(feats, vector))
    return scores


def sentence_probability(doc: Doc, s: int, models: ModelBundle) -> float:
    """P(sentence ``s`` reports a specific recent event) with the features the status stage gives a
    sentence (its words and mentions, and the rule drafts told there, if any): for sentences that
    hold something other than a draft, such as a control statement."""
    drafts = [e for e in doc.events if any(sentence_of(doc, x.start) == s for x in e.evidence)]
    return round(models.status.probability(*sentence_input(doc, s, mentions_by_sentence(doc).get(s, ()), drafts)), 4)


def sentence_input(doc: Doc, s: int, mentions: Iterable[Mention], drafts: Sequence[Any],
                   ) -> tuple[set[str], np.ndarray]:
    """The sentence models' input for sentence ``s``: its words and mention kinds, what the rules drafted
    there (``drafts``, possibly none), and its word vector."""
    sent = doc.sentences[s]
    feats = span_features(doc, sent.token_start, sent.token_end, mentions)
    feats |= rule_features(drafts, doc.published)
    return feats, span_vector(doc, sent.token_start, sent.token_end)
