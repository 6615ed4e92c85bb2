"""Features of the learned steps, from the project's own normalised tokens and mention layers.

A feature is a string; a model's vocabulary maps it to a weight row. Word features use the matching
form (``Token.norm``) and the clitic-free stem (the last of ``Token.forms``: وبالميادين → ميادين), so
that a model learns "قصف" once whatever its proclitics. Mention features say which event cues,
blockers and mention kinds a span holds: the rule layers are inputs of the learned decision.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Any, Iterable, Sequence

import numpy as np

from ..doc import Doc, Mention
from ..text.normalise import normalise
from ..text.segment import Token, tokenise
from .vectors import load_word_vectors

# The relevance model reads what its coders read: the title and the article's opening.
LEAD_CHARS = 700


def token_features(tokens: Sequence[Token], out: set[str]) -> None:
    """Surface forms, clitic-free stems and stem bigrams of a run of tokens."""
    stems = [t.forms[-1] if t.forms else t.norm for t in tokens]
    for t in tokens:
        out.add("s:" + t.norm)
    for w in stems:
        out.add("w:" + w)
    for a, b in zip(stems, stems[1:]):
        out.add("b:" + a + " " + b)


def mention_features(mentions: Iterable[Mention], out: set[str]) -> None:
    """Which cue sub-types, blocker categories and mention kinds a span holds."""
    for m in mentions:
        if m.kind == "cue":
            out.add("cue:" + str(getattr(m.value, "sub", m.value)))
        elif m.kind == "blocker":
            out.add("blk:" + str(m.value))
        else:
            out.add("m:" + m.kind)


# Dense inputs: a text's word vector (``models.vectors``), scaled so that its weights are regularised
# on the same footing as the sparse 0/1 features (chosen by cross-validation, see the model card).
ARTICLE_VECTOR_SCALE = 20.0
SENTENCE_VECTOR_SCALE = 15.0


def article_features(doc: Doc) -> set[str]:
    """Title and lead words: cheap enough to run before any lexicon is consulted."""
    return article_input(doc)[0]


def article_input(doc: Doc) -> tuple[set[str], np.ndarray]:
    """The relevance model's input: title and lead features, and their scaled word vector."""
    out: set[str] = set()
    title = tokenise(normalise(doc.title)) if doc.title else []
    lead = lead_tokens(doc)
    token_features(title, out)
    token_features(lead, out)
    return out, load_word_vectors().text_vector(title + lead) * ARTICLE_VECTOR_SCALE


def span_vector(doc: Doc, token_start: int, token_end: int) -> np.ndarray:
    """The scaled word vector of a run of tokens (a sentence), the sentence models' dense input."""
    return load_word_vectors().text_vector(doc.tokens[token_start:token_end]) * SENTENCE_VECTOR_SCALE


def lead_tokens(doc: Doc) -> list[Token]:
    """The tokens that start in the first ``LEAD_CHARS`` characters, the same as the whole text's.

    When the whole text is not segmented yet, only an opening is tokenised, cut at a space well past
    the lead (normalising and tokenising are local, so the lead's tokens do not change).
    """
    if doc.is_segmented or len(doc.text) <= LEAD_CHARS + 200:
        tokens = doc.tokens[:400]
    else:
        cut = doc.text.find(" ", LEAD_CHARS + 100)
        tokens = tokenise(normalise(doc.text if cut < 0 else doc.text[:cut]))[:400]
    return [t for t in tokens if t.start < LEAD_CHARS]


def span_features(doc: Doc, token_start: int, token_end: int, mentions: Iterable[Mention]) -> set[str]:
    """Features of a run of tokens (a sentence) and the mentions inside it."""
    out: set[str] = set()
    token_features(doc.tokens[token_start:token_end], out)
    mention_features(mentions, out)
    return out


def mentions_by_sentence(doc: Doc) -> dict[int, list[Mention]]:
    by: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by.setdefault(m.sentence, []).append(m)
    return by


# How long before publication the rules date a draft: a weekday or "أمس" is news, a named year is history.
_AGE_BUCKETS = ((1, "0-1d"), (7, "2-7d"), (31, "8-31d"), (366, "1-12m"))


def _age_bucket(event_date: str | None, published: dt.date | None) -> str:
    if not event_date or published is None:
        return "unknown"
    try:
        days = (published - dt.date.fromisoformat(event_date[:10])).days
    except ValueError:
        return "unknown"
    if days < 0:
        return "after"
    return next((name for limit, name in _AGE_BUCKETS if days <= limit), "older")


def rule_features(events: Iterable[Any], published: dt.date | None = None) -> set[str]:
    """What the rule builder drafted from a sentence: its sub-types and which fields it could fill.

    The learned decision sees the rules' reading (stacking): a sentence the rules type as an air strike
    with a place and an actor reads differently from one where they found a cue and nothing else.
    """
    out: set[str] = set()
    for e in events:
        out.add("rule_age:" + _age_bucket(e.event_date, published))
        out.add("rule:" + e.sub_event_type)
        out.add("rule_type:" + e.event_type)
        for name, present in (("place", e.latitude is not None), ("actor1", bool(e.actor1)),
                              ("actor2", bool(e.actor2)), ("date", bool(e.event_date)),
                              ("toll", (e.fatalities or 0) > 0)):
            if present:
                out.add("rule_has:" + name)
    return out


def sentence_of(doc: Doc, offset: int) -> int:
    """Index of the sentence holding a character offset."""
    starts = [s.start for s in doc.sentences]
    return max(0, bisect_right(starts, offset) - 1)
