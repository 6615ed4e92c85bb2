"""Pipeline stage: is this article a news report of at least one codable event?

Runs first, on the title and lead only. An article judged not relevant stops the pipeline there
(``doc.layers["stop"]``): no lexicon is consulted and no event or control statement is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from ..doc import Doc
from ..text.normalise import normalise
from ..text.segment import lead_words, word_forms, words
from .features import ARTICLE_VECTOR_SCALE, LEAD_CHARS
from .linear import LinearModel, load_models
from .vectors import load_word_vectors


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
    # the score of ``article_input(doc)``'s features and vector, computed without building them
    return ArticleScore(round(model.calibrated(article_raw(doc, model)), 4), model.threshold)


# The model reads ``features.article_input(doc)``: the features ``token_features`` makes of the title's
# and the lead's tokens, and their scaled word vector. Scoring builds neither the tokens nor the feature
# strings: from the words and their stems, the model sums the same weights (``LinearModel.raw_words``).
# Kept here, not in ``features.py``, whose code is part of the trained models' identity;
# ``tests/models/test_relevance.py`` checks that both give the same float.
def article_words(doc: Doc) -> tuple[list[str], list[str]]:
    """The matching forms of the title's words and of the lead's (``features.lead_tokens``)."""
    title = words(normalise(doc.title)) if doc.title else []
    if doc.is_segmented:
        lead = [t.norm for t in doc.tokens[:400] if t.start < LEAD_CHARS]
    elif len(doc.text) <= LEAD_CHARS + 200:
        # the whole text's normal form, which the later stages read too (segmenting waits for them)
        lead = lead_words(doc.norm, LEAD_CHARS, 400)
    else:  # an opening cut at a space well past the lead, as lead_tokens cuts it
        cut = doc.text.find(" ", LEAD_CHARS + 100)
        lead = lead_words(normalise(doc.text if cut < 0 else doc.text[:cut]), LEAD_CHARS, 400)
    return title, lead


_last = itemgetter(-1)


def article_raw(doc: Doc, model: LinearModel) -> float:
    """``model.raw(*features.article_input(doc))`` for a binary model, the same float."""
    title, lead = article_words(doc)
    tstems = list(map(_last, map(word_forms, title)))  # a token's stem: the last of its clitic forms
    lstems = list(map(_last, map(word_forms, lead)))
    surfaces = set(title)
    surfaces.update(lead)
    stems = set(tstems)
    stems.update(lstems)
    pairs = set(zip(tstems, tstems[1:]))  # no pair across the title and the lead
    pairs.update(zip(lstems, lstems[1:]))
    vector = load_word_vectors().stems_vector(tstems + lstems) * ARTICLE_VECTOR_SCALE
    return model.raw_words(surfaces, stems, pairs, vector)
