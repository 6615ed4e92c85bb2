"""Pipeline stage: does a sentence report a specific recent event, and of which ACLED sub-type?

Runs after the rule event builder and scores the sentences its drafts come
from: the words, the cue/blocker/mention kinds, and what the rules drafted there are the features.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np

from ..doc import Doc, Mention
from .features import mentions_by_sentence, rule_features, sentence_of, span_features, span_vector
from .linear import LinearModel, ModelBundle, load_models


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


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def joint_probability(calibration: Sequence[float], raw: float, relevance: float) -> float:
    """``sigmoid(a·raw + c·logit(relevance) + b)`` for the calibration ``(a, c, b)``."""
    a, c, b = calibration
    z = a * raw + c * logit(relevance) + b
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def event_probability(model: LinearModel, feats: Iterable[str], vector: np.ndarray | None,
                      relevance: float | None) -> tuple[float, float]:
    """P(the sentence reports a specific recent event) and the threshold to accept it.

    A sentence of an article judged a news report of events is more likely one itself: when the model
    was calibrated with it (``meta["with_relevance"]``: ``a·raw + c·logit(relevance) + b``), the
    article's relevance joins the sentence's own score. Without it, the sentence's score alone.
    """
    joint = model.meta.get("with_relevance")
    if relevance is None or not joint:
        return model.probability(feats, vector), model.threshold
    return joint_probability(joint["calibration"], model.raw(feats, vector), relevance), float(joint["threshold"])


def article_relevance(doc: Doc) -> float | None:
    """The article's relevance probability, when the relevance stage has run."""
    rel = doc.layers.get("relevance")
    return getattr(rel, "probability", None)


def score_sentences(doc: Doc) -> None:
    """Set ``doc.layers["sentence_status"]``: sentence index -> SentenceScore, for sentences with drafts."""
    doc.layers["sentence_status"] = sentence_scores(doc, load_models())


def sentence_scores(doc: Doc, models: ModelBundle, relevance: float | None = None) -> dict[int, SentenceScore]:
    """Scores of the sentences that hold rule drafts (``relevance``: the article's, else the stage's)."""
    if relevance is None:
        relevance = article_relevance(doc)
    by_sentence = mentions_by_sentence(doc)
    drafts: dict[int, list[Any]] = {}
    for e in doc.events:
        for i in {sentence_of(doc, x.start) for x in e.evidence}:
            drafts.setdefault(i, []).append(e)
    scores: dict[int, SentenceScore] = {}
    for i in sorted(drafts):
        feats, vector = sentence_input(doc, i, by_sentence.get(i, ()), drafts[i])
        p, threshold = event_probability(models.status, feats, vector, relevance)
        scores[i] = SentenceScore(round(p, 4), threshold, models.subtype.distribution(feats, vector))
    return scores


def sentence_probability(doc: Doc, s: int, models: ModelBundle) -> SentenceScore:
    """How sentence ``s`` scores as a report of a specific recent event, with the features the status stage
    gives a sentence (its words and mentions, and the rule drafts told there, if any): for sentences that
    hold something other than a draft, such as a control statement. No sub-types."""
    drafts = [e for e in doc.events if any(sentence_of(doc, x.start) == s for x in e.evidence)]
    feats, vector = sentence_input(doc, s, mentions_by_sentence(doc).get(s, ()), drafts)
    p, threshold = event_probability(models.status, feats, vector, article_relevance(doc))
    return SentenceScore(round(p, 4), threshold)


def sentence_input(doc: Doc, s: int, mentions: Iterable[Mention], drafts: Sequence[Any],
                   ) -> tuple[set[str], np.ndarray]:
    """The sentence models' input for sentence ``s``: its words and mention kinds, what the rules drafted
    there (``drafts``, possibly none), and its word vector."""
    sent = doc.sentences[s]
    feats = span_features(doc, sent.token_start, sent.token_end, mentions)
    feats |= rule_features(drafts, doc.published)
    return feats, span_vector(doc, sent.token_start, sent.token_end)
