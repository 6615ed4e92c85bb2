"""Loader for ``data/cues.yaml``: event cues, clause blockers, clause breaks and victim nouns."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..events.model import SUB_TO_TYPE
from ..text.matcher import PhraseMatcher
from ..text.normalise import fold
from . import DataFileError, data_path, load_yaml

SPECIAL_SUBS = {"kill", "wound", "territory", "attack", "none"}
# "ه" is left out: verb + ه folds to the same string as a noun in ة (سيطره = سيطرة).
PRONOUN_SUFFIXES = ("ها", "هم", "هما")


@dataclass(frozen=True, slots=True)
class Cue:
    sub: str  # an ACLED sub-event type or one of SPECIAL_SUBS
    priority: int
    needs_actor: bool

    @property
    def event_type(self) -> str | None:
        return SUB_TO_TYPE.get(self.sub)


@dataclass(frozen=True)
class CueLexicon:
    cues: PhraseMatcher[Cue]
    blockers: PhraseMatcher[str]
    clause_breaks: PhraseMatcher[str]
    topic_shifts: PhraseMatcher[str]
    control: PhraseMatcher[str]  # payload: "holder_first" | "holder_after"
    victims: frozenset[str]
    another: frozenset[str]
    notes: dict[str, str]
    markers: dict[str, frozenset[str]]  # role/place marker word lists, folded
    # sentence-level phrases (claim, summary, distinct); payload: the section name
    sentence_phrases: PhraseMatcher[str] | None = None


FUTURE_VERBS = "future_verbs.yaml"


@lru_cache(maxsize=None)
def load_cues(name: str = "cues.yaml") -> CueLexicon:
    data = load_yaml(name)
    where = data_path(name)
    cues: PhraseMatcher[Cue] = PhraseMatcher()
    for i, entry in enumerate(data.get("cues") or []):
        sub = entry.get("sub")
        if sub not in SUB_TO_TYPE and sub not in SPECIAL_SUBS:
            raise DataFileError(f"{where}: cue entry {i + 1} has unknown sub {sub!r}")
        cue = Cue(sub, int(entry.get("priority", 0)), bool(entry.get("needs_actor", False)))
        for phrase in entry.get("phrases") or []:
            cues.add(phrase, cue)
            if entry.get("verb") and " " not in phrase.strip():
                for suffix in PRONOUN_SUFFIXES:
                    cues.add(phrase + suffix, cue)
    blockers: PhraseMatcher[str] = PhraseMatcher(
        (p, kind) for kind, phrases in (data.get("blockers") or {}).items() for p in phrases
    )
    # future verbs, learned from the corpus (data/future_verbs.yaml, scripts/build_future_verbs.py); a form
    # the hand-written blockers already list ("سيتم", "ستشن": plan) keeps its hand-written kind
    listed = {fold(p) for phrases in (data.get("blockers") or {}).values() for p in phrases}
    for verb in load_yaml(FUTURE_VERBS).get("future") or []:
        if fold(verb) not in listed:
            blockers.add(verb, "future")
    breaks: PhraseMatcher[str] = PhraseMatcher((p, "break") for p in data.get("clause_breaks") or [])
    shifts: PhraseMatcher[str] = PhraseMatcher((p, "shift") for p in data.get("topic_shifts") or [])
    control: PhraseMatcher[str] = PhraseMatcher(
        (p, side) for side in ("holder_first", "holder_after") for p in (data.get("control") or {}).get(side) or []
    )
    sentence_phrases: PhraseMatcher[str] = PhraseMatcher(
        (p, kind) for kind, phrases in (data.get("sentence_phrases") or {}).items() for p in phrases or []
    )
    return CueLexicon(
        cues=cues, blockers=blockers, clause_breaks=breaks, topic_shifts=shifts, control=control,
        victims=frozenset(fold(v) for v in data.get("victims") or []),
        another=frozenset(fold(v) for v in data.get("another") or []),
        notes=dict(data.get("notes") or {}),
        markers={name: frozenset(fold(w) for w in words) for name, words in (data.get("markers") or {}).items()},
        sentence_phrases=sentence_phrases,
    )
