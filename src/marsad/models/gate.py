"""Pipeline stage: publish only events told by a sentence judged an event report; give each a
calibrated confidence.

The rule builder drafts events from cues (type, actors, place, date, toll); this stage keeps those whose
evidence lies in a sentence the status model accepts, lets the sub-type model correct a rule sub-type
it finds very unlikely (when the event's actors fit the new sub-type, in their order or the other:
``events.model.fitting_order``), and sets ``confidence`` from the confidence model: P(the event is a
real, recent event of this sub-type) from the article and sentence scores and the rule evidence,
calibrated on held-out labelled sentences. Dropped drafts are kept in ``doc.layers["gated"]`` with the reason.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..doc import Doc
from ..events.control import one_per_claim
from ..events.model import SUB_TO_TYPE, fitting_order
from .features import sentence_of
from .linear import ModelBundle, load_models
from .relevance import ArticleScore
from .floor import DEFAULT_MIN_CONFIDENCE  # noqa: F401  (the floor, re-exported where it was defined)
from .status import SentenceScore, logit, sentence_probability


@dataclass
class Gated:
    """Why an event was published or dropped: the scores behind the decision."""

    relevance: float | None
    sentence: float | None
    rule_subtype: str
    model_subtype: str
    model_subtype_p: float
    confidence: float | None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def confidence_features(relevance: float | None, sentence: float, subtype_p: float, event: Any,
                        subtype: str | None = None) -> dict[str, float]:
    """Inputs of the confidence model (names shared with training). ``subtype``: the event's sub-type when
    it is not yet ``event.sub_event_type`` (training scores a rule draft under its corrected sub-type).

    The sub-type itself is an input: the rules are surer of some sub-types than of others (held out on
    the labelled sentences, a drafted "Armed clash", "Attack" or roadside bomb is right less often than
    its scores alone say, a drafted arrest or air strike more often)."""
    sub = subtype or getattr(event, "sub_event_type", "") or ""
    return {
        "sub:" + sub: 1.0,
        "logit_relevance": logit(relevance if relevance is not None else 0.5),
        "logit_sentence": logit(sentence),
        "subtype_p": subtype_p,
        "has_actor1": float(bool(getattr(event, "actor1", None))),
        "has_actor2": float(bool(getattr(event, "actor2", None))),
        "has_point": float(getattr(event, "latitude", None) is not None),
        "has_date": float(bool(getattr(event, "event_date", None))),
        "has_toll": float((getattr(event, "fatalities", 0) or 0) > 0),
    }


def override_candidate(dist: dict[str, float], rule_sub: str, inter1: Any, inter2: Any) -> tuple[str, float]:
    """The sub-type the model could put in place of the rule's: its most likely other sub-type whose roles
    the event's actors can fill (in their order or the other), and its probability; ("", 0.0) if none."""
    best, best_p = "", 0.0
    for sub, p in dist.items():
        if sub != rule_sub and sub in SUB_TO_TYPE and p > best_p and fitting_order(sub, inter1, inter2) is not None:
            best, best_p = sub, p
    return best, best_p


def override_features(dist: dict[str, float], rule_sub: str, candidate: str) -> dict[str, float]:
    """Inputs of the override model (names shared with training): how sure the sub-type model is of the
    candidate and of the rule's sub-type, whether both are of one event type, and which two they are
    (the rules confuse some pairs often: a bombing the text calls suicide typed as a roadside bomb)."""
    return {
        "log_p_candidate": math.log(dist.get(candidate, 0.0) + 1e-6),
        "log_p_rule": math.log(dist.get(rule_sub, 0.0) + 1e-6),
        "same_type": float(SUB_TO_TYPE.get(candidate) == SUB_TO_TYPE.get(rule_sub)),
        "rule:" + rule_sub: 1.0,
        "candidate:" + candidate: 1.0,
    }


def override_probability(spec: dict[str, Any], features: dict[str, float]) -> float:
    """P(the candidate is right where the rule's sub-type is wrong), from the override model's weights."""
    w = spec["weights"]
    z = float(spec["intercept"]) + sum(w.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def wants_override(meta: dict[str, Any], dist: dict[str, float], rule_sub: str, candidate: str) -> bool:
    """Does the sub-type model's metadata say to replace ``rule_sub`` by ``candidate``? With an override
    model (``meta["override_model"]``) its probability decides; else the older thresholds (the rule's
    sub-type below ``override_below`` and the candidate at least ``override_above``)."""
    if not candidate:
        return False
    spec = meta.get("override_model")
    if spec:
        return override_probability(spec, override_features(dist, rule_sub, candidate)) >= float(spec["threshold"])
    low, high = float(meta.get("override_below", 0.0)), float(meta.get("override_above", 1.1))
    return dist.get(rule_sub, 0.0) < low and dist.get(candidate, 0.0) >= high and candidate == max(dist, key=dist.get)


# The labelled sentences the sub-type model learned from are 25-450 characters (../shared/train/README.md)
LONGEST_LABELLED_SENTENCE = 450


def apply_gate(doc: Doc, events: list[Any], relevance: ArticleScore | None,
               status: dict[int, SentenceScore], models: ModelBundle) -> tuple[list[Any], list[tuple[Any, Gated]]]:
    """Split drafted events into (kept, [(dropped, why)]); kept events get their sub-type and confidence.

    Pure: CV evaluation calls it with fold models; the stage calls it with the loaded ones.
    """
    meta = models.subtype.meta
    kept: list[Any] = []
    dropped: list[tuple[Any, Gated]] = []
    p_rel = relevance.probability if relevance else None
    for ev in events:
        scored = [(status[i], i) for i in sorted({sentence_of(doc, x.start) for x in ev.evidence}) if i in status]
        best, best_i = max(scored, key=lambda s: s[0].probability, default=(None, -1))
        rule_sub = ev.sub_event_type
        top, top_p = best.top_subtype() if best else ("", 0.0)
        why = Gated(p_rel, best.probability if best else None, rule_sub, top, round(top_p, 4), None)
        if best is None or not best.is_event:
            why.reason = "no sentence judged an event report"
            dropped.append((ev, why))
            continue
        sub_p = best.subtypes.get(rule_sub, 0.0)
        # a side acted on that no words name (the rule's default civilians of a killing) does not
        # bind the sub-type: "تصفية آخر جيوب المتمردين" retyped as ground regained loses it
        implied2 = bool(ev.actor2) and not ev.actor2_ar
        cand, cand_p = override_candidate(best.subtypes, rule_sub, ev.inter1, None if implied2 else ev.inter2)
        sent = doc.sentences[best_i]
        # a sentence longer than any the model learned from (a paragraph of clauses told as one) has a
        # sub-type distribution about the whole paragraph, not about this event's clause: the rule keeps it
        if sent.end - sent.start <= LONGEST_LABELLED_SENTENCE and wants_override(meta, best.subtypes, rule_sub, cand):
            if implied2 and fitting_order(cand, ev.inter1, ev.inter2) is None:
                ev.drop_implied_actor2()
            order = fitting_order(cand, ev.inter1, ev.inter2)
            ev.sub_event_type, ev.event_type = cand, SUB_TO_TYPE[cand]
            sub_p = cand_p
            why.reason = f"sub-type {rule_sub} -> {cand} (model)"
            if order == "swapped":  # "Houthis / Hadi's forces" regaining territory: Hadi's forces regain it
                ev.swap_actors()
                why.reason += ", actors swapped to fit it"
        conf = models.confidence.probability(confidence_features(p_rel, best.probability, sub_p, ev))
        ev.confidence = why.confidence = round(conf, 3)
        kept.append(ev)
        ev_gate = why
        doc.layers.setdefault("scores", {})[id(ev)] = ev_gate
    return kept, dropped


def gate_events(doc: Doc) -> None:
    """Stage: replace drafted ``doc.events`` by the published ones.

    Explicit control statements ("صنعاء التي يسيطر عليها الحوثيون") are not events and are not gated
    here; the control step scores their sentences with the same status model (``events.control``).
    """
    models = load_models()
    status: dict[int, SentenceScore] = doc.layers.get("sentence_status", {})
    if "control_candidates" in doc.layers:  # judged before the drafts are replaced: their sentences' features
        doc.layers["control"] = judge_statements(doc, doc.layers["control_candidates"], status, models)
    kept, dropped = apply_gate(doc, doc.events, doc.layers.get("relevance"), status, models)
    doc.events = kept
    doc.layers["gated"] = dropped


def judge_statements(doc: Doc, statements: list[Any], status: dict[int, SentenceScore],
                     models: ModelBundle) -> list[Any]:
    """Control statements whose sentence is judged an event report (``sentence_p`` set), one per claim.

    A sentence with rule drafts has its score already; one without is scored with the same features
    and no rule draft: the status model's training sentences include such sentences
    (``train/README.md``: "other sentences of articles with events"), and they seldom reach the bar.
    """
    scores: dict[int, SentenceScore] = {}
    kept = []
    for st in statements:
        s = sentence_of(doc, st.ev_start)
        if s not in scores:
            scores[s] = status[s] if s in status else sentence_probability(doc, s, models)
        if scores[s].is_event:
            st.sentence_p = scores[s].probability
            kept.append(st)
    return one_per_claim(kept)


def explained(doc: Doc, event: Any) -> dict[str, Any]:
    """The event's dict with ``explain``: the model scores behind it (for ``--explain`` and ``pretty``)."""
    d = event.to_dict()
    why = doc.layers.get("scores", {}).get(id(event))
    if why is not None:
        d["explain"] = why.to_dict()
    return d
