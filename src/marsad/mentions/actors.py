"""Actor mentions: who acts, as written in the Arabic text, mapped to ACLED-style actors.

Stage ``find_actors(doc)`` adds

* ``Mention(kind="actor", value=ActorRef)`` for every actor phrase (قوات النظام, داعش, الجيش التركي,
  مسلحين مجهولين, مدنيين ...). Country templates (Civilians (X), Military Forces of X ...) take X
  from a nationality adjective in the phrase (جندي تركي), else from ``doc.layers["country"]``.
  Back-references (التنظيم, الحركة, المسلحين ...) are resolved to the nearest preceding named actor
  of a compatible class/kind: ``value.backref`` is True and ``meta["resolved_from"]`` holds the
  index in ``doc.mentions`` of the antecedent (None when a default/fallback was used).
* ``Mention(kind="support", value=ActorRef of the backer)`` for "بدعم روسي", "المدعومة من واشنطن",
  "بقيادة القوات الروسية"; ``meta["supported"]`` is the index in ``doc.mentions`` of the supported
  actor mention and ``meta["supported_span"]`` its (start, end). The supported actor mention gets
  ``meta["supported_by"]`` (list of ActorRef).

Actor meta keys: ``alias`` (normalised phrase matched), ``template`` (True for generic country
templates), ``adjective`` (ISO2 read from a nationality adjective, if any), ``resolved_from``,
``resolution`` (antecedent | default | fallback), ``supported_by``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..doc import Doc, Mention
from ..lexicon.actors import ActorDef, ActorLexicon, BackrefSpec, Candidate, NotActor, SupportTrigger, WILDCARD, actor_lexicon
from ..text.matcher import PhraseMatch
from ..text.segment import Token

__all__ = ["ActorRef", "find_actors", "SUPPORT_WINDOW"]

SUPPORT_WINDOW = 8  # tokens between a supported actor and its support phrase
_MAX_FILLERS = 2
_FOLLOW_WINDOW = 3  # tokens after a sentence-initial support phrase


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved actor.

    name: English ACLED-style name (template country filled); inter: ACLED inter code 1..8;
    country: ISO2 or None; kind: state|rebel|militia|identity|rioters|protesters|civilians|external
    (a state actor outside the article's country is external/8); backref: read from an anaphor;
    key: stable id ("islamic-state", "military:SY", "civilians:IQ").
    """

    name: str
    inter: int
    country: str | None
    kind: str
    backref: bool
    key: str


_REFS: dict[tuple[str, str, str | None, bool], ActorRef] = {}


def _ref(lex: ActorLexicon, a: ActorDef, doc_cc: str | None, backref: bool = False) -> ActorRef:
    ck = (a.key, a.name, doc_cc, backref)
    ref = _REFS.get(ck)
    if ref is None:
        kind, inter = a.kind, a.inter
        if kind == "state" and doc_cc and a.country and a.country != doc_cc:
            kind, inter = "external", lex.kinds.get("external", 8)
        ref = _REFS[ck] = ActorRef(a.name, inter, a.country, kind, backref, a.key)
    return ref


def _choose(cands: Sequence[Candidate], doc_cc: str | None, adj_cc: str | None) -> Candidate | None:
    """Pick the reading of a phrase: article-country context first, then plain, then wildcard."""
    plain = wild = None
    for c in cands:
        if c.needs_adjective and not adj_cc:
            continue
        if c.context is None:
            if plain is None:
                plain = c
        elif doc_cc is not None and doc_cc in c.context:
            return c
        elif WILDCARD in c.context and wild is None:
            wild = c
    return plain or wild


class _Found:
    __slots__ = ("m", "ref", "adef", "spec", "meta", "drop")

    def __init__(self, m: Mention, ref: ActorRef | None, adef: ActorDef | None,
                 spec: BackrefSpec | None = None) -> None:
        self.m = m
        self.ref = ref
        self.adef = adef
        self.spec = spec
        self.drop = False


def _resolve_at(doc: Doc, lex: ActorLexicon, i: int, end: int, doc_cc: str | None
                ) -> tuple[PhraseMatch, Candidate | SupportTrigger | NotActor, str | None, int] | None:
    """Longest phrase at token i that has a reading here; retries shorter phrases when needed.

    Returns (match, chosen candidate or trigger, adjective ISO2 or None, end token incl. adjective).
    """
    tokens = doc.tokens
    limit = end
    while limit > i:
        m = lex.matcher.match_at(tokens, i, limit, doc.norm.to_orig)
        if m is None:
            return None
        if isinstance(m.payload, (SupportTrigger, NotActor)):
            return m, m.payload, None, m.token_end
        adj_cc = lex.adjectives.get(tokens[m.token_end].norm) if m.token_end < end else None
        c = _choose(m.payload, doc_cc, adj_cc)
        if c is not None:
            if c.backref is None and adj_cc and lex.actors[c.key].template:
                return m, c, adj_cc, m.token_end + 1
            return m, c, None, m.token_end
        limit = m.token_end - 1
    return None


def _mention(doc: Doc, kind: str, t0: int, t1: int, start: int, value: object, **meta: object) -> Mention:
    end = doc.tokens[t1 - 1].end
    return Mention(kind, start, end, doc.text[start:end], doc.tokens[t0].sentence, t0, t1, value, dict(meta))


def _supporter_at(doc: Doc, lex: ActorLexicon, j: int, end: int, doc_cc: str | None
                  ) -> tuple[ActorRef, int] | None:
    """The backer named at token j (after fillers): an actor phrase, or a country word/adjective."""
    tokens: list[Token] = doc.tokens
    skipped = 0
    while j < end:
        # a filler may open the backer's own name ("المدعومة بمقاتلي العشائر": مقاتلي العشائر is the
        # actor), so the actor is looked for before each filler is skipped
        r = _resolve_at(doc, lex, j, end, doc_cc)
        if r is not None and isinstance(r[1], Candidate) and r[1].backref is None:
            _, cand, adj_cc, t_end = r
            a = lex.fill(cand.key, adj_cc or doc_cc)
            if a is not None and a.kind not in ("civilians", "protesters", "rioters"):
                return _ref(lex, a, doc_cc), t_end
        if tokens[j].norm not in lex.fillers or skipped >= _MAX_FILLERS:
            break
        j += 1
        skipped += 1
    if j >= end:
        return None
    for form in tokens[j].forms:
        cc = lex.support_words.get(form)
        if cc:
            a = lex.fill(lex.country_template, cc)
            if a is not None:
                return _ref(lex, a, doc_cc), j + 1
    return None


FORCE_REACH = 1  # sentences a nationality carries to the same force named bare


def adjective_focus(doc: Doc, lex: ActorLexicon) -> str | None:
    """The country an article names most by nationality adjective ("رئيسة الوزراء البريطانية",
    "الشرطة البريطانية"), for an article whose places name no country: its bare "الشرطة" is then that
    country's police, not "Police Forces (unknown country)". None when no country leads.
    Adjectives that are also common words (مالي "financial") are left out: they name no country."""
    counts: dict[str, int] = {}
    for t in doc.tokens:
        cc = next((lex.adjectives[f] for f in t.forms if f in lex.adjectives), None)  # والبريطانية too
        if cc and lex.countries[cc].support_adj:
            counts[cc] = counts.get(cc, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    best = max(counts, key=counts.__getitem__)
    if len(ranked) > 1 and ranked[1] == ranked[0]:
        return None
    return best


def find_actors(doc: Doc) -> None:
    """Add actor and support mentions to ``doc`` (see module docstring)."""
    lex = actor_lexicon()
    # templates need a country: with none from the places, the one the article's adjectives name
    doc_cc = doc.layers.get("country") or adjective_focus(doc, lex)
    tokens = doc.tokens
    first_words = lex.first_words
    found: list[_Found] = []
    supports: list[tuple[Mention, int | None, bool]] = []  # (support mention, index in found, leadership)

    # a state force just named with its nationality ("قيادة الجيش اللبناني"): template key -> (country,
    # sentence); the same force named bare next ("قوة من الجيش أوقفت") is that country's, not the article's
    named_force: dict[str, tuple[str, int]] = {}
    for sn, s in enumerate(doc.sentences):
        i, end = s.token_start, s.token_end
        sent_first = len(found)
        last_support_end = -10
        while i < end:
            if first_words.isdisjoint(tokens[i].forms):
                i += 1
                continue
            r = _resolve_at(doc, lex, i, end, doc_cc)
            if r is None:
                i += 1
                continue
            m, cand, adj_cc, t_end = r
            if isinstance(cand, NotActor):
                i = m.token_end  # ناقلة جنود، مقذوف عسكري: the alias inside names no actor
                continue
            if isinstance(cand, SupportTrigger):
                sup = _supporter_at(doc, lex, m.token_end, end, doc_cc)
                if sup is not None and cand.leadership and m.token_start - last_support_end <= 1:
                    sup = None  # "بدعم من طائرات التحالف الذي تقوده السعودية": describes the backer
                if sup is None:
                    i = m.token_end
                    continue
                ref, t_end = sup
                target = None
                if len(found) > sent_first and m.token_start - found[-1].m.token_end <= SUPPORT_WINDOW:
                    target = len(found) - 1
                elif len(found) == sent_first:
                    target = -1  # nothing before it in the sentence: the next actor, if close
                men = _mention(doc, "support", m.token_start, t_end, m.start, ref, trigger=cand.phrase)
                supports.append((men, target, cand.leadership))
                last_support_end = t_end
                i = t_end
                continue
            if cand.backref is not None:
                men = _mention(doc, "actor", m.token_start, t_end, m.start, None, alias=m.key)
                found.append(_Found(men, None, None, cand.backref))
            else:
                tdef = lex.actors.get(cand.key)
                carried = None  # the nationality a bare state force takes from the same force named just before
                if tdef is not None and tdef.template and tdef.kind == "state":
                    if adj_cc:
                        named_force[cand.key] = (adj_cc, sn)
                    elif cand.key in named_force and sn - named_force[cand.key][1] <= FORCE_REACH \
                            and named_force[cand.key][0] != doc_cc:
                        carried = named_force[cand.key][0]
                home = lex.forces_country(doc_cc) if tdef is not None and tdef.template and tdef.kind == "state" else doc_cc
                a = lex.fill(cand.key, adj_cc or carried or home)
                if a is not None:
                    tmpl = lex.actors[cand.key].template
                    extra = {"country_from": carried} if carried else {}
                    men = _mention(doc, "actor", m.token_start, t_end, m.start, _ref(lex, a, doc_cc),
                                   alias=m.key, template=tmpl, adjective=adj_cc, **extra)
                    found.append(_Found(men, men.value, a))
            i = t_end

    # Back-references: nearest preceding named actor of a compatible class or kind.
    named_keys = {f.adef.key for f in found if f.adef is not None and not f.m.meta.get("template")}
    for n, f in enumerate(found):
        spec = f.spec
        if spec is None:
            continue
        ante = None
        for k in range(n - 1, -1, -1):
            g = found[k]
            if g.adef is None or g.m.meta.get("template") or g.spec is not None:
                continue
            if spec.window is not None and f.m.sentence - g.m.sentence > spec.window:
                break
            if (g.adef.classes & spec.classes) or (g.adef.kind in spec.kinds):
                ante = k
                break
        if ante is not None:
            g = found[ante]
            f.adef = g.adef
            f.ref = _ref(lex, g.adef, doc_cc, backref=True)
            f.m.meta.update(resolved_from=ante, resolution="antecedent")
        elif spec.default_if_mentioned and spec.default_if_mentioned in named_keys:
            f.adef = lex.actors[spec.default_if_mentioned]
            f.ref = _ref(lex, f.adef, doc_cc, backref=True)
            f.m.meta.update(resolved_from=None, resolution="default")
        elif spec.fallback:
            a = lex.fill(spec.fallback, doc_cc)
            if a is not None:
                f.adef = a
                f.ref = _ref(lex, a, doc_cc, backref=True)
                f.m.meta.update(resolved_from=None, resolution="fallback", template=True)
        if f.ref is None:
            f.drop = True
        else:
            f.m.value = f.ref

    # A generic armed-group word right before a named group ("مسلحين من تنظيم داعش") is that group.
    for n in range(len(found) - 1):
        f, g = found[n], found[n + 1]
        if (f.adef is not None and f.m.meta.get("template") and f.adef.kind == "militia"
                and g.adef is not None and not g.m.meta.get("template")
                and g.m.sentence == f.m.sentence and g.m.token_start - f.m.token_end <= 1):
            f.drop = True

    # Emit in text order; indices into doc.mentions are stable from here on.
    base = len(doc.mentions)
    index_of: dict[int, int] = {}
    kept = [f for f in found if not f.drop]
    for n, f in enumerate(found):
        if not f.drop:
            index_of[n] = base + len(index_of)
    for n, f in enumerate(found):
        rf = f.m.meta.get("resolved_from")
        if isinstance(rf, int):
            f.m.meta["resolved_from"] = index_of.get(rf)
    for f in kept:
        doc.add(f.m)
    for men, target, leadership in supports:
        if target == -1:  # "وسيطرت بدعم روسي قوات النظام": the supported actor follows closely
            target = next((n for n, f in enumerate(found) if f.m.sentence == men.sentence
                           and 0 <= f.m.token_start - men.token_end <= _FOLLOW_WINDOW), None)
        if target is None or found[target].drop:
            continue
        supported = found[target]
        if leadership and supported.adef is not None and supported.adef.coalition:
            continue
        if supported.ref is not None and supported.ref.name == men.value.name:
            continue
        men.meta["supported"] = index_of[target]
        men.meta["supported_span"] = (supported.m.start, supported.m.end)
        supported.m.meta.setdefault("supported_by", []).append(men.value)
        doc.add(men)
