"""Pipeline stage: one event for a clearly relevant article in which the rules found none.

The cue lexicon cannot list every way news tells an event ("أوقفت قوة من الجيش المواطن …", a
condemnation that gives the bombing's toll). When the relevance model is sure the article reports an
event and no event survived the gate, the sentence model reads the article's opening sentences; the one
it judges most surely an event report, if sure enough, gives one event of the sub-type the sub-type model
prefers, with actors, place, date and toll found by the rules as for a lexicon cue
(``events.build.event_for_sentence``). The thresholds are model metadata, chosen by ``marsad train``
with cross-validation so that articles labelled not relevant stay rare among those that yield events.
"""
from __future__ import annotations

from typing import Any

from ..doc import Doc
from ..events.build import SHORT_BLOCKERS, event_for_sentence
from .features import mentions_by_sentence
from .gate import Gated, confidence_features
from .linear import ModelBundle, load_models
from .relevance import ArticleScore
from .status import SentenceScore, event_probability, sentence_input

# Only the opening is read: the news is told first, background and reactions follow.
OPENING_SENTENCES = 6
# An accident told in the first sentences is the article's story (a later one is a side item).
ACCIDENT_LEAD = 2
# Used when a model folder predates proposals: no proposals.
NO_PROPOSALS = {"propose_relevance": 1.1, "propose_sentence": 1.1, "propose_subtype": 1.1}


def proposal_settings(models: ModelBundle) -> dict[str, float]:
    meta = models.status.meta
    return {k: float(meta.get(k, v)) for k, v in NO_PROPOSALS.items()}


def propose(doc: Doc, relevance: ArticleScore | None, models: ModelBundle) -> tuple[Any, Gated] | None:
    """The proposed event and the scores behind it, or None. Pure: CV evaluation calls it with fold models.

    The surest sentence first; one that gives no event (no place to code it at, no side named, a past
    date) leaves the next sure one its chance: a lead's "condemned the attack" may name no place that the
    next sentence gives.
    """
    for p, i, score in proposal_sentences(doc, relevance, models):
        found = proposed_event(doc, relevance, models, p, i, score)
        if found is not None:
            return found
    return None


def proposal_sentences(doc: Doc, relevance: ArticleScore | None, models: ModelBundle,
                       ) -> list[tuple[float, int, SentenceScore]]:
    """The opening sentences the proposal step may read, surest first: (P(event report), index, scores)
    of those at or above the ``propose_sentence`` threshold, in an article relevant enough for proposals."""
    cfg = proposal_settings(models)
    if relevance is None or relevance.probability < cfg["propose_relevance"]:
        return []
    by_sentence = mentions_by_sentence(doc)
    if any(m.kind == "accident" for i in range(min(ACCIDENT_LEAD, len(doc.sentences))) for m in by_sentence.get(i, ())):
        return []  # the story is a road or other accident: its dead are no event ACLED codes
    judged: list[tuple[float, int, SentenceScore]] = []
    for i, s in enumerate(doc.sentences[:OPENING_SENTENCES]):
        if s.token_end <= s.token_start:
            continue
        if any(m.kind in ("accident", "summary") for m in by_sentence.get(i, ())):
            continue  # an accident, or a roundup of separate incidents ("في موجة من الهجمات المنفصلة")
        if _short_blocked(by_sentence.get(i, ())):
            continue  # "سلسلة تفجيرات", "منذ تحرير": the rules read an event told elsewhere or before
        if _told_as_not_done(by_sentence.get(i, ())):
            continue  # "يشن الجيش التركي يوميًا غارات", "تعتزم شن هجوم": a habit or a plan, no incident
        feats, vector = sentence_input(doc, i, by_sentence.get(i, ()), [])
        p, threshold = event_probability(models.status, feats, vector, relevance.probability)
        if p >= cfg["propose_sentence"]:
            judged.append((p, i, SentenceScore(round(p, 4), threshold, models.subtype.distribution(feats, vector))))
    return sorted(judged, key=lambda j: (-j[0], j[1]))


def proposed_event(doc: Doc, relevance: ArticleScore, models: ModelBundle, p: float, i: int,
                   score: SentenceScore) -> tuple[Any, Gated] | None:
    """The event sentence ``i`` gives at the sub-type model's choice, or None when the model is not sure
    of the sub-type (below ``propose_subtype``) or the rules find no place, no side or a past date for it."""
    sub, sub_p = score.top_subtype()
    if sub_p < proposal_settings(models)["propose_subtype"]:
        return None
    ev = event_for_sentence(doc, i, sub, _showing_token(doc, i, models))
    if ev is None or (not ev.actor1 and not ev.actor2):
        return None  # no side named at all: the model's reading has nothing in the text to hold it
    why = Gated(relevance.probability, score.probability, "", sub, round(sub_p, 4), None,
                reason="proposed by the sentence model (no rule event in the article)")
    ev.confidence = why.confidence = round(models.confidence.probability(
        confidence_features(relevance.probability, p, sub_p, ev)), 3)
    return ev, why


def _short_blocked(mentions: Any) -> bool:
    """Does a short blocker of the sentence (منذ, سلسلة تفجيرات) govern one of its cues?"""
    blockers = [m for m in mentions if m.kind == "blocker" and m.value in SHORT_BLOCKERS]
    return any(b.token_start <= c.token_start and c.token_start - b.token_end < SHORT_BLOCKERS[b.value]
               for b in blockers for c in mentions if c.kind == "cue")


# Blockers whose cue tells no incident however sure the sentence model is: a habit, a plan, a threat, a
# denial, a call, a guess, a capability, a prevention. Not a condemnation: "condemned yesterday's bombing
# that killed 20" tells the event (the proposal step is there for such sentences).
NOT_DONE_BLOCKERS = frozenset({"habitual", "plan", "threat", "denial", "call", "guess", "capability", "prevention"})


def _told_as_not_done(mentions: Any) -> bool:
    """Does a habit, plan, threat, denial, call, guess, capability or prevention blocker govern every cue of
    the sentence (stand before it with no clause break between)? A sentence with no cue is not judged here."""
    mentions = list(mentions)
    cues = [m for m in mentions if m.kind == "cue" and getattr(m.value, "sub", None) not in ("kill", "wound")]
    blockers = [m for m in mentions if m.kind == "blocker" and m.value in NOT_DONE_BLOCKERS]
    breaks = [m.token_start for m in mentions if m.kind == "clause_break"]

    def governs(b: Any, c: Any) -> bool:
        return b.token_start <= c.token_start and not any(b.token_end <= k < c.token_start for k in breaks)

    return bool(cues and blockers) and all(any(governs(b, c) for b in blockers) for c in cues)


def _showing_token(doc: Doc, s: int, models: ModelBundle) -> int:
    """The sentence's word that most raises the event score (the evidence's highlighted word)."""
    sent = doc.sentences[s]
    vocab, weights = models.status.vocab, models.status.weights
    best, best_w = sent.token_start, float("-inf")
    for t in range(sent.token_start, sent.token_end):
        tok = doc.tokens[t]
        stem = tok.forms[-1] if tok.forms else tok.norm
        j = vocab.get("w:" + stem)
        w = float(weights[j, 0]) if j is not None else float("-inf")
        if w > best_w:
            best, best_w = t, w
    return best


def propose_events(doc: Doc) -> None:
    """Stage: add one proposed event when the gate left none."""
    if doc.events:
        return
    found = propose(doc, doc.layers.get("relevance"), load_models())
    if found is not None:
        ev, why = found
        doc.events = [ev]
        doc.layers.setdefault("scores", {})[id(ev)] = why
