"""Pipeline stage: is this article a news report of at least one codable event?

Runs first, on the title and lead only. An article judged not relevant stops the pipeline there
(``doc.layers["stop"]``): no lexicon is consulted and no event or control statement is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, filterfalse, islice, repeat
from operator import add, itemgetter

import numpy as np

from ..doc import Doc
from ..text.normalise import normalise
from ..text.segment import lead_words, stems, words
from .features import ARTICLE_VECTOR_SCALE, LEAD_CHARS, article_input
from .linear import LinearModel, WordWeights, load_models
from .vectors import WordVectors, load_word_vectors


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


# The fast path's tables (the model's ~40,000 weights by kind, its pairs by number) take about what scoring
# a hundred articles by their features takes: a process scores its first articles by their features (the
# same floats), so a run of one article (``marsad extract`` of a file, a request to ``marsad serve``) does
# not start slower.
WARM_UP_ARTICLES = 32


def article_score(doc: Doc, model: LinearModel) -> ArticleScore:
    scored = model.__dict__.get("_relevance_scored", 0)
    if scored < WARM_UP_ARTICLES:
        model.__dict__["_relevance_scored"] = scored + 1
        raw = model.raw(*article_input(doc))
    else:  # the score of ``article_input(doc)``'s features and vector, computed without building them
        raw = article_raw(doc, model)
    return ArticleScore(round(model.calibrated(raw), 4), model.threshold)


# The model reads ``features.article_input(doc)``: the features ``token_features`` makes of the title's
# and the lead's tokens, and their scaled word vector. Scoring builds neither the tokens nor the feature
# strings: from the words and their stems, the model sums the same weights (``LinearModel.raw_terms``).
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


class _WordEntries(dict):
    """word (matching form) → what scoring an article needs of it: ``(surface id, stem id, vector row + 1,
    first key, second id)``. The words with a surface weight are numbered 1, 2, … (``surface_weights[id]``)
    and so are the stems with a weight (``stem_weights[id]``), the others 0 (``…_weights[0]`` is None): an
    article's distinct weighted words and stems are then the sets of its tokens' ids, read without a set of
    its distinct words. Stem pairs are read by number too: the stems that begin a known pair are numbered
    1, 2, … and so are those that end one (0 for the others); a pair of stems is then the int ``first id × K
    + second id`` (the first key plus the second id), a key of ``pairs`` only when both ids are those of a
    known pair, and equal for two pairs only when they are the same pair.

    One lookup per token then stands for its stem, its three weights and its vector row. An article's new
    words are entered together (``fill``): their stems found by one regex pass (``segment.stems``) and
    their entries by dict lookups run in C, no Python call per word. Stops growing at ``_ENTRIES_MAX``
    words (later new words are answered without being stored, an article's together, as they are entered),
    so memory stays flat and the frequent words, met first, stay in.
    """

    __slots__ = ("weights", "vectors", "surface_ids", "surface_weights", "stem_ids", "stem_weights", "firsts",
                 "seconds", "width", "pairs", "rows1", "first_keys")

    def __init__(self, weights: WordWeights, vectors: WordVectors) -> None:
        super().__init__()
        self.weights = weights
        self.vectors = vectors
        self.surface_ids = {word: k for k, word in enumerate(weights.surface, 1)}
        self.surface_weights: list[float | None] = [None, *weights.surface.values()]
        self.stem_ids = {stem: k for k, stem in enumerate(weights.stem, 1)}
        self.stem_weights: list[float | None] = [None, *weights.stem.values()]
        self.firsts: dict[str, int] = {}
        self.seconds: dict[str, int] = {}
        for a, b in weights.bigram:
            self.firsts.setdefault(a, len(self.firsts) + 1)
            self.seconds.setdefault(b, len(self.seconds) + 1)
        self.width = len(self.seconds) + 1
        self.pairs = {self.firsts[a] * self.width + self.seconds[b]: w for (a, b), w in weights.bigram.items()}
        # stem → its vector row + 1, and → its first key: what an entry holds, read by one lookup each
        self.rows1 = dict(zip(vectors.index, map(_plus_one, vectors.index.values())))
        self.first_keys = dict(zip(self.firsts, map(self.width.__mul__, self.firsts.values())))

    def entries(self, words: list[str]) -> list[tuple[int, int, int, int, int]]:
        """The entries of ``words``, computed (not looked up)."""
        stem_of = stems(words)
        return list(zip(map(self.surface_ids.get, words, repeat(0)), map(self.stem_ids.get, stem_of, repeat(0)),
                        map(self.rows1.get, stem_of, repeat(0)), map(self.first_keys.get, stem_of, repeat(0)),
                        map(self.seconds.get, stem_of, repeat(0))))

    def fill(self, words: list[str]) -> bool:
        """Enter ``words`` (distinct, none known yet) at once; nothing when they would not all fit (False)."""
        if len(self) + len(words) > _ENTRIES_MAX:
            return False
        self.update(zip(words, self.entries(words)))
        return True

    def __missing__(self, word: str) -> tuple[int, int, int, int, int]:
        return self.entries([word])[0]


_ENTRIES_MAX = 100_000
_plus_one = (1).__add__
_surface_id, _stem_id, _row1, _first_key, _second_id = map(itemgetter, range(5))


def _entries(model: LinearModel) -> _WordEntries:
    vectors = load_word_vectors()
    entries = model.__dict__.get("_relevance_entries")
    if entries is None or entries.vectors is not vectors:
        entries = model.__dict__["_relevance_entries"] = _WordEntries(model.word_weights(), vectors)
    return entries


def article_raw(doc: Doc, model: LinearModel) -> float:
    """``model.raw(*features.article_input(doc))`` for a binary model, the same float."""
    title, lead = article_words(doc)
    entries = _entries(model)
    new = list(filterfalse(entries.__contains__, dict.fromkeys(chain(title, lead))))  # the distinct new words
    if not new or entries.fill(new):
        ents = list(map(entries.__getitem__, chain(title, lead)))  # the tokens' entries, in order
    else:  # the table is full: the new words' entries computed together, for this article only
        unstored = dict(zip(new, entries.entries(new)))
        ents = list(map(unstored.get, chain(title, lead), map(entries.get, chain(title, lead))))
    # the distinct stem pairs, by number: of each token and the next, but for the title's last and the
    # lead's first (no pair across the title and the lead)
    keys = list(map(add, map(_first_key, ents), map(_second_id, islice(ents, 1, None))))
    if 0 < len(title) < len(ents):
        del keys[len(title) - 1]
    # the tokens' vector rows in order (row + 1 in the entries, so that filter drops the stems without one)
    rows = np.fromiter(filter(None, map(_row1, ents)), np.intp)
    rows -= 1
    vector = entries.vectors.rows_vector(rows) * ARTICLE_VECTOR_SCALE
    # the weights of the distinct words, of the distinct stems (ids 0: none) and of the known distinct pairs
    terms = [*filter(None, map(entries.surface_weights.__getitem__, set(map(_surface_id, ents)))),
             *filter(None, map(entries.stem_weights.__getitem__, set(map(_stem_id, ents)))),
             *map(entries.pairs.__getitem__, entries.pairs.keys() & keys)]
    return model.raw_terms(terms, vector)
