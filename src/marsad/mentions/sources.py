"""Source mentions: who the article says reports what (المرصد السوري, فرانس برس, مصدر أمني ...).

Stage ``find_sources(doc)`` adds ``Mention(kind="source", value=SourceRef)``. Meta keys:
``attributed`` (an attribution word such as وفق/بحسب/قال/لوكالة precedes it, or it carries the
preposition ل: "لفرانس برس"), ``trigger`` (the normalised trigger, if any), ``dateline`` (an
agency tag at the very top, "دمشق - (ا ف ب) -"), ``resolved_from`` (for المرصد/الوكالة: index in
doc.mentions of the source it refers to). When an attribution verb is followed directly by an
actor mention ("أعلن الجيش التركي"), that actor is a source of kind "actor" (needs find_actors first).
The event builder picks sources per sentence and falls back to the article's sources.
"""
from __future__ import annotations

from ..doc import Doc, Mention
from ..lexicon.actors import actor_lexicon
from ..lexicon.sources import SourceLexicon, source_lexicon
from ..records import FrozenRecord

__all__ = ["SourceRef", "find_sources"]

_DATELINE_CHARS = 60
_ACTOR_GAP = 1  # tokens allowed between a trigger and an actor-as-source


class SourceRef(FrozenRecord):
    """A reporting source: English ``name``, ``kind`` (agency | monitor | media | official | ngo |
    generic | actor) and stable ``key``.

    Immutable, equal and hashed by its fields, as the frozen dataclass it was; written out, since a
    dataclass's methods are compiled at every start-up."""

    __slots__ = ("name", "kind", "key")
    __match_args__ = _compared = __slots__

    def __init__(self, name: str, kind: str, key: str) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "key", key)


def _trigger_before(doc: Doc, lex: SourceLexicon, t0: int, sent_start: int) -> str | None:
    """The attribution trigger ending within the window before token t0, if any."""
    lo = max(sent_start, t0 - lex.trigger_window)
    for j in range(t0 - 1, lo - 1, -1):
        m = lex.triggers.match_at(doc.tokens, j, t0)
        if m is not None:
            return m.payload
    return None


def _matches(doc: Doc, lex: SourceLexicon, i: int, end: int, first_words: frozenset[str]):
    """Longest non-overlapping source phrases in tokens [i, end), skipping hopeless tokens fast."""
    tokens = doc.tokens
    while i < end:
        if first_words.isdisjoint(tokens[i].forms):
            i += 1
            continue
        m = lex.matcher.match_at(tokens, i, end, doc.norm.to_orig)
        if m is None:
            i += 1
        else:
            yield m
            i = m.token_end


def find_sources(doc: Doc) -> None:
    """Add source mentions to ``doc`` (see module docstring)."""
    lex = source_lexicon()
    alex = actor_lexicon()
    doc_cc = doc.layers.get("country")
    tokens = doc.tokens
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    first_words = lex.first_words
    for s_index, s in enumerate(doc.sentences):
        for m in _matches(doc, lex, s.token_start, s.token_end, first_words):
            cand = m.payload
            trig = _trigger_before(doc, lex, m.token_start, s.token_start)
            first = tokens[m.token_start]
            with_li = first.norm != m.key.split()[0] and first.norm.lstrip("وف")[:1] == "ل"
            if cand.weak and trig is None and not with_li:
                continue
            t_end = m.token_end
            if cand.key is not None:
                sdef = lex.sources[cand.key]
                if sdef.template:
                    adj = alex.adjectives.get(tokens[t_end].norm) if t_end < s.token_end else None
                    if adj:
                        t_end += 1
                    cc = adj or doc_cc
                    if cc:
                        c = alex.countries.get(cc)
                        name = sdef.name.format(country=c.name if c else cc, of_country=c.of_name if c else cc)
                        ref = SourceRef(name, sdef.kind, f"{sdef.key}:{cc}")
                    else:
                        ref = SourceRef(sdef.fallback_name or sdef.name, sdef.kind, sdef.key)
                else:
                    ref = SourceRef(sdef.name, sdef.kind, sdef.key)
            else:
                ref = None
            end = tokens[t_end - 1].end
            men = Mention("source", m.start, end, doc.text[m.start:end], s_index, m.token_start, t_end, ref,
                          {"attributed": trig is not None or with_li, "trigger": trig,
                           "dateline": s_index == 0 and m.start - s.start < _DATELINE_CHARS and trig is None})
            if ref is None:
                men.meta["backref_kinds"] = cand.backref_kinds
                men.meta["window"] = cand.window
            out.append(men)
            spans.append((m.start, end))

    # Actors named right after an attribution verb report too: "وأعلن الجيش التركي".
    if lex.actor_kinds:
        for a in doc.mentions_of("actor"):
            if a.value is None or a.value.kind not in lex.actor_kinds:
                continue
            if a.meta.get("template") and a.value.kind == "militia":  # "قال مسلحون" is no source
                continue
            if any(st < a.end and a.start < en for st, en in spans):
                continue
            s = doc.sentences[a.sentence]
            lo = max(s.token_start, a.token_start - 1 - _ACTOR_GAP)
            trig = None
            for j in range(a.token_start - 1, lo - 1, -1):
                m = lex.actor_triggers.match_at(tokens, j, a.token_start)
                if m is not None and m.token_end >= a.token_start - _ACTOR_GAP:
                    trig = m.payload
                    break
            if trig is None:
                continue
            out.append(Mention("source", a.start, a.end, a.text, a.sentence, a.token_start, a.token_end,
                               SourceRef(a.value.name, "actor", a.value.key),
                               {"attributed": True, "trigger": trig, "dateline": False}))
    out.sort(key=lambda x: x.start)

    base = len(doc.mentions)
    kept: list[Mention] = []
    for men in out:
        if men.value is None:  # back-reference: the last named source of a matching kind
            kinds, window = men.meta.pop("backref_kinds"), men.meta.pop("window")
            ante = None
            for k in range(len(kept) - 1, -1, -1):
                p = kept[k]
                if window is not None and men.sentence - p.sentence > window:
                    break
                if p.value.kind in kinds:
                    ante = k
                    break
            if ante is None:
                ante = next((k for k, p in enumerate(out) if p.value is not None and p.value.kind in kinds), None)
                if ante is None:
                    continue
                target = out[ante]
                men.value = target.value
                men.meta["resolved_from"] = None
            else:
                men.value = kept[ante].value
                men.meta["resolved_from"] = base + ante
        kept.append(men)
    for men in kept:
        doc.add(men)
