"""Pipeline stage: is this article a news report of at least one codable event?

Runs first, on the title and lead only. An article judged not relevant stops the pipeline there
(``doc.layers["stop"]``): no lexicon is consulted and no event or control statement is written.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..doc import Doc
from .features import article_input
from .linear import LinearModel, load_models


@dataclass(frozen=True)
class ArticleScore:
    probability: float  # calibrated P(relevant)
    threshold: float

    @property
    def relevant(self) -> bool:
        return self.probability >= self.threshold


def score_relevance(doc: Doc) -> None:
    """Set ``doc.layers["relevance"]``; stop the pipeline for an article judged not relevant."""
    score = article_score(doc, load_models().relevance)
    doc.layers["relevance"] = score
    if not score.relevant:
        doc.layers["stop"] = f"article not relevant (p={score.probability:.2f} < {score.threshold:.2f})"


def article_score(doc: Doc, model: LinearModel) -> ArticleScore:
    feats, vector = article_input(doc)
    return ArticleScore(round(model.probability(feats, vector), 4), model.threshold)
