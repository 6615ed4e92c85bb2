"""Place mentions: find every place name in the article and resolve it to a gazetteer entry.

Pipeline stage ``find_places(doc)``. For each place mention it adds ``Mention(kind="place")`` whose
``value`` is a :class:`marsad.geo.resolve.ResolvedPlace` (entry, geo precision, ranked candidates,
reasons, qualifier, dateline flag), and sets ``doc.layers["country"]`` to the ISO2 code of the
article's main country. Context rules (all on normalised tokens, within one sentence):

- ``ريف X [الشرقي]``: the rural area of X → X's governorate, precision 3, qualifier ``rural``;
- ``أحياء من مدينة X``, ``وسط X``, ``أطراف X``: part of X, precision 2 (``part_of``);
- ``شرق X``, ``قرب X``, ``على بعد 80 كيلومتراً من X``: near X, precision 2 (``near``);
- ``مدينة / بلدة / قرية / مخيم / محافظة / ناحية / منطقة / قضاء / مديرية`` before a name selects the kind;
- an unknown name after ``بلدة / قرية / مخيم`` resolves to the enclosing area named next to it
  (precision 3), never to a guessed point;
- a place at the head of the text followed by ":" or "-" ("بيروت:", "دمشق - (ا ف ب) -") or
  after a source name ("عين اليوم – بغداد") is a dateline: flagged, not used for the country.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc, Mention
from ..geo.gazetteer import Gazetteer, Place, load_gazetteer
from ..geo.resolve import (
    ADMIN1_CUES, ADMIN2_CUES, ADMIN3_CUES, AREA_CUES, CAMP_CUES, DIRECTION_ADJ, NEAR_CUES, TOWN_CUES,
    AnchorGrid, Candidate, Context, ResolvedPlace, country_focus, rank,
)
from ..text.matcher import PhraseMatch, PhraseMatcher
from ..text.normalise import fold
from ..text.segment import Token

_PART_WIDE = frozenset({"احياء", "حي", "حيي", "الاحياء"})
_PART_NEAR = frozenset({"داخل", "وسط", "اطراف", "الاطراف", "ضواحي", "مداخل", "شوارع", "قلب"})
_NEAR_IMMEDIATE = NEAR_CUES | frozenset({"محيط"})
_KM = frozenset({"كيلومترا", "كيلومتر", "كيلومترات", "كلم", "كم", "كيلو", "ميلا", "اميال", "متر"})
_UNKNOWN_CUES = (TOWN_CUES | CAMP_CUES) - {"مدن", "قري"}
_PLURAL_CUES = frozenset({"مدينتي", "بلدتي", "قريتي", "بلدات", "قري", "مدن", "بلدتا", "قريتا", "مدينتا", "منطقتي", "مخيمي"})
# Words that follow بلدة/قرية but are not names.
_NOT_NAMES = frozenset({
    "في", "من", "علي", "الي", "عن", "التي", "الذي", "واحده", "اخري", "اخرى", "صغيره", "كبيره", "مجاوره", "قريبه",
    "حدوديه", "ثانيه", "جديده", "تابعه", "استراتيجيه", "سوريه", "عراقيه", "لبنانيه", "تركيه", "فلسطينيه",
    "كانت", "كان", "تقع", "يقطنها", "يسكنها", "المحاصره", "المحاصرتين", "المحاصرتان", "المجاوره", "القريبه", "الحدوديه", "الواقعه", "نفسها", "ذاتها", "اخري",
}) | NEAR_CUES | DIRECTION_ADJ
_DATELINE_AFTER = re.compile(r"^\s*(?:\(|[:\-–—ـ/|]|\d{1,2}\s)")
_DATELINE_BEFORE = re.compile(r"^\s*(?:\S+\s+){0,3}?\S*\s*[\-–—ـ:|]\s*$")
_STRONG_CUES = frozenset({"town", "camp", "admin1", "admin2", "admin3"})
_IDAFA_HEADS = frozenset({
    "خربه", "خراب", "تل", "عين", "كفر", "دير", "بيت", "ساقيه", "جسر", "ام", "ابو", "بير", "راس", "جبل", "وادي", "سوق",
    "قصر", "مزرعه", "حقل", "سد", "معبر", "مطار", "قلعه", "برج", "باب", "بني", "حي", "شيخ", "سيدي", "تله", "نهر", "قريه",
})
_ALL_CUE_FORMS = _UNKNOWN_CUES | frozenset({"منطقه", "منطقتي"})
_SKELETON_DROP = str.maketrans("", "", "اوي")


def _skeleton(key: str) -> str:
    """Consonant skeleton of a name (long vowels dropped after the first letter): الميادن ~ الميادين."""
    if key.startswith("ال"):
        key = key[2:]
    return key[:1] + key[1:].translate(_SKELETON_DROP)


def _one_vowel_apart(a: str, b: str) -> bool:
    """True when one long vowel (ا و ي) added to the shorter gives the longer: الميادن / الميادين."""
    if abs(len(a) - len(b)) != 1 or len(min(a, b, key=len)) < 4:
        return False
    short, long_ = sorted((a, b), key=len)
    return any(long_[k] in "اوي" and long_[:k] + long_[k + 1:] == short for k in range(1, len(long_)))


@dataclass(frozen=True, slots=True)
class _Demonym:
    """Payload of a nationality adjective in the shared matcher: evidence for a country, not a place."""

    country: str


class _PlaceMatcher(PhraseMatcher):
    """PhraseMatcher with a hashed tail index: tens of thousands of names sharing first words
    (عين، تل، ابو ...) cost one dict lookup per candidate length instead of a scan of the bucket."""

    def __init__(self) -> None:
        super().__init__()
        self._tails: dict[str, dict[tuple[str, ...], tuple[object, str]]] = {}
        self._first_words = self._tails  # the base finditer skips tokens that start no name
        self._lens: dict[str, tuple[int, ...]] = {}

    def add(self, phrase: str, payload) -> None:  # type: ignore[override]
        words = tuple(fold(phrase).replace("-", " ").split())
        if not words:
            return
        tails = self._tails.setdefault(words[0], {})
        if words[1:] not in tails:  # first registration of a phrase wins
            tails[words[1:]] = (payload, " ".join(words))
            self._lens[words[0]] = tuple(sorted({len(t) for t in tails}, reverse=True))
            self._max_len = max(self._max_len, len(words))

    def __len__(self) -> int:
        return sum(len(v) for v in self._tails.values())

    def __contains__(self, phrase: str) -> bool:
        words = tuple(fold(phrase).split())
        return bool(words) and words[1:] in self._tails.get(words[0], {})

    def match_at(self, tokens, i, end=None, to_orig=None):
        end = len(tokens) if end is None else end
        tok = tokens[i]
        best = None
        best_n = -1
        for form in tok.forms:
            tails = self._tails.get(form)
            if tails is None:
                continue
            for n in self._lens[form]:
                if n <= best_n:
                    break
                if i + 1 + n > end:
                    continue
                hit = tails.get(tuple(tokens[i + 1 + k].norm for k in range(n)))
                if hit is not None:
                    stem = form[2:] if form.startswith("ال") and not tok.norm.endswith(form) else form
                    cut = len(tok.norm) - len(stem) if tok.norm.endswith(stem) else 0
                    start = (to_orig[tok.norm_start + cut] if to_orig is not None else tok.start + cut) if cut else tok.start
                    best = PhraseMatch(i, i + 1 + n, start, tokens[i + n].end, hit[0], hit[1])
                    best_n = n
                    break
        return best


@dataclass
class _Index:
    gaz: Gazetteer
    matcher: PhraseMatcher
    skeleton: dict[str, list[str]] = field(default_factory=dict)


@lru_cache(maxsize=None)
def place_index() -> _Index:
    """Matchers over every gazetteer name, built once per process."""
    gaz = load_gazetteer()
    matcher = _PlaceMatcher()
    skel: dict[str, list[str]] = defaultdict(list)
    for key in gaz.keys():
        matcher.add(key, key)
        if " " not in key and len(key) >= 5:
            skel[_skeleton(key)].append(key)
    for k, v in gaz.demonyms.items():  # after the places: سورية stays the country name
        matcher.add(k, _Demonym(v))
    return _Index(gaz, matcher, dict(skel))


@dataclass
class _Raw:
    start: int
    end: int
    tok0: int  # first token of the name (after any cue)
    tok1: int  # exclusive
    sent: int
    key: str
    cands: list[Place]
    cue: str | None = None
    qualifier: str | None = None
    span_tok0: int = 0
    span_start: int = 0
    dateline: bool = False
    reasons: list[str] = field(default_factory=list)
    result: list[Candidate] = field(default_factory=list)
    unknown: bool = False
    meta_area: bool = False  # found after منطقة: only kept when a known place follows it


def _stem_start(doc: Doc, tok: Token, stem: str) -> int:
    """Original offset where ``stem`` (a clitic-free form of ``tok``) starts."""
    if tok.norm.endswith(stem) and len(stem) < len(tok.norm):
        return doc.norm.to_orig[tok.norm_start + len(tok.norm) - len(stem)]
    return tok.start


def _bare_cue(tok: Token, cues: frozenset[str]) -> str | None:
    """The cue word this token is, without the article (بمدينة yes, بالمدينة no)."""
    for f in tok.forms:
        if f in cues and ("ال" + f) not in tok.forms:
            return f
    return None


def _cue_of(tok: Token) -> str | None:
    for kind, cues in (("town", TOWN_CUES), ("camp", CAMP_CUES), ("admin1", ADMIN1_CUES), ("admin2", ADMIN2_CUES),
                       ("admin3", ADMIN3_CUES), ("area", AREA_CUES)):
        if _bare_cue(tok, cues):
            return kind
    return None


def _has_form(tok: Token, words: frozenset[str]) -> bool:
    return any(f in words for f in tok.forms)


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    if start > 60:
        return False
    line_end = doc.text.find("\n")
    if 0 <= line_end < start:
        return False
    before, after = doc.text[:start], doc.text[end:end + 12]
    if not before.strip():
        return bool(_DATELINE_AFTER.match(after))
    return bool(_DATELINE_BEFORE.match(before)) and len(before) < 40


def _context(doc: Doc, raw: _Raw, s0: int) -> None:
    """Read the cue, rural / part-of / near qualifiers from the tokens before (and after) the name."""
    toks = doc.tokens
    i = raw.tok0 - 1
    raw.span_tok0, raw.span_start = raw.tok0, raw.start
    if i >= s0:
        t = toks[i]
        if "ريف" in t.forms:
            raw.qualifier = "rural"
            raw.span_tok0, raw.span_start = i, _stem_start(doc, t, "ريف")
            # extend over الشرقي / الشمالي الغربي
            j = raw.tok1
            sent_end = doc.sentences[raw.sent].token_end
            while j < sent_end and j < raw.tok1 + 2 and toks[j].norm in DIRECTION_ADJ:
                j += 1
            if j > raw.tok1:
                raw.end = toks[j - 1].end
                raw.tok1 = j
            i -= 1
        else:
            cue = _cue_of(t)
            if cue:
                raw.cue = cue
                i -= 1
    # skip direction adjectives (الأطراف الغربية للميادين)
    while i >= s0 and toks[i].norm in DIRECTION_ADJ:
        i -= 1
    if raw.qualifier is None and i >= s0:
        t = toks[i]
        if _has_form(t, _PART_NEAR):
            raw.qualifier = "part_of"
        elif _has_form(t, _NEAR_IMMEDIATE) or (t.norm in ("من", "عن") and i - 1 >= s0 and _has_form(toks[i - 1], _NEAR_IMMEDIATE | _KM)):
            raw.qualifier = "near"
        elif t.norm in ("من", "عن") and any(_has_form(toks[k], _KM) for k in range(max(s0, i - 3), i)):
            raw.qualifier = "near"
        elif raw.cue == "town" or raw.cue is None:
            for k in range(max(s0, i - 5), i + 1):
                if _has_form(toks[k], _PART_WIDE):
                    raw.qualifier = "part_of"
                    break
    if raw.cue == "camp" and raw.qualifier is None:
        raw.qualifier = "camp"


def _collect(doc: Doc, idx: _Index) -> tuple[list[_Raw], list[str]]:
    gaz = idx.gaz
    raws: list[_Raw] = []
    covered: set[int] = set()
    demonyms: list[str] = []
    for m in doc.match(idx.matcher):
        if isinstance(m.payload, _Demonym):
            demonyms.append(m.payload.country)
            continue
        tok = doc.tokens[m.token_start]
        cands = gaz.lookup_key(m.key)
        raw = _Raw(m.start, m.end, m.token_start, m.token_end, tok.sentence, m.key, list(cands))
        w0 = m.key.split(" ", 1)[0]
        if not w0.startswith("ال") and ("ال" + w0) in tok.forms:
            # written with the article, indexed without it: only trust that for well-known places
            raw.cands = [p for p in raw.cands if p.population >= 10000 or p.is_admin
                         or p.feature_code in ("PPLC", "PPLA", "PPLA2")]
            if not raw.cands:
                continue
            raw.reasons.append("matched without the article ال")
        _context(doc, raw, doc.sentences[tok.sentence].token_start)
        if raw.cue not in _STRONG_CUES and raw.qualifier != "rural":
            strong = [p for p in raw.cands if not gaz.is_weak(m.key, p)]
            if not strong:
                continue
            raw.cands = strong
        raw.dateline = _is_dateline(doc, raw.start, raw.end)
        raws.append(raw)
        covered.update(range(m.token_start, m.token_end))
    raws.extend(_unknown_after_cues(doc, idx, covered))
    raws.sort(key=lambda r: r.tok0)
    return raws, demonyms


def _unknown_after_cues(doc: Doc, idx: _Index, covered: set[int]) -> list[_Raw]:
    """Names after بلدة / قرية / مخيم (and منطقة before a known place) that the gazetteer lacks.

    Try a spelling variant (same consonant skeleton); else mark the name unknown so that it resolves
    to the enclosing area named next to it. After a plural cue (بلدتي X وY، قرى X وY وZ) every
    name of the list is taken.
    """
    out = []
    toks = doc.tokens
    all_cues = TOWN_CUES | CAMP_CUES | AREA_CUES
    for s in doc.sentences:
        i = s.token_start
        while i < s.token_end - 1:
            t = toks[i]
            if _ALL_CUE_FORMS.isdisjoint(t.forms):
                i += 1
                continue
            cue = _bare_cue(t, _UNKNOWN_CUES) or _bare_cue(t, frozenset({"منطقه", "منطقتي"}))
            if not cue:
                i += 1
                continue
            j = i + 1
            while j < s.token_end and _bare_cue(toks[j], all_cues):  # بلدات وقرى X
                if _bare_cue(toks[j], _PLURAL_CUES):
                    cue = _bare_cue(toks[j], _PLURAL_CUES) or cue
                j += 1
            plural = cue in _PLURAL_CUES
            first = True
            while j < s.token_end and (first or (plural and toks[j].norm.startswith("و"))):
                nt = toks[j]
                stem = nt.norm if first else nt.norm[1:]
                if not first and not stem.startswith("ال") and not _list_end(doc, nt) and not (
                        j + 1 < s.token_end and toks[j + 1].norm.startswith("ال")):
                    break
                first = False
                if j in covered:
                    j += 1
                    continue
                if stem in _NOT_NAMES or not stem.isalpha() or len(stem) < 3 or stem.isascii():
                    break
                end_tok = j + 1
                if (stem in _IDAFA_HEADS and end_tok < s.token_end and end_tok not in covered
                        and toks[end_tok].norm.startswith("ال") and toks[end_tok].norm not in DIRECTION_ADJ):
                    end_tok += 1  # خراب الشحم, ساقية الكرت
                key = " ".join([stem] + [toks[k].norm for k in range(j + 1, end_tok)])
                start = _stem_start(doc, nt, stem)
                raw = _Raw(start, toks[end_tok - 1].end, j, end_tok, nt.sentence, key, [],
                           cue="camp" if cue in CAMP_CUES else "town")
                raw.span_tok0, raw.span_start = j, start
                if cue in ("منطقه", "منطقتي"):
                    raw.cue = "area"
                    raw.meta_area = True
                variants = [v for v in idx.skeleton.get(_skeleton(key), ()) if _one_vowel_apart(v, key)] if " " not in key else []
                cands = [p for v in variants for p in idx.gaz.lookup_key(v) if p.kind != "country"]
                if cands:
                    raw.cands = cands
                    raw.reasons.append(f"spelling variant of {', '.join(variants)}")
                else:
                    raw.unknown = True
                out.append(raw)
                covered.update(range(j, end_tok))
                j = end_tok
            i = max(i + 1, j)
    return out


def _list_end(doc: Doc, tok: Token) -> bool:
    """The token ends a list: punctuation, a line end or the end of the text follows it."""
    rest = doc.text[tok.end:tok.end + 3].lstrip(" ")
    return not rest or rest[0] in ".,،؛;:()\n«»\"'-–"


def _evidence(raws: list[_Raw], demonyms: list[str]) -> dict[str, float]:
    w: dict[str, float] = defaultdict(float)
    for r in raws:
        if r.dateline or r.unknown:
            continue
        ccs = {p.country_code for p in r.cands}
        big = any(p.kind == "country" or p.population >= 100000 or p.feature_code in ("PPLC", "PPLA") or p.is_admin
                  for p in r.cands)
        if len(ccs) == 1 and big:
            w[next(iter(ccs))] += 1.0
    for cc in demonyms:
        w[cc] += 0.5
    return w


def _resolve_all(doc: Doc, idx: _Index, raws: list[_Raw], weights: dict[str, float]) -> None:
    gaz = idx.gaz
    focus = country_focus(weights)
    ctx = Context(focus=focus, countries=dict(weights))
    allowed = {cc for cc, w in weights.items() if w > 0}
    if focus:
        allowed |= set((gaz.meta.get("neighbours") or {}).get(focus, ()))
    for r in raws:
        if focus and len(r.cands) > 0 and not r.unknown:
            variant = bool(r.reasons) and r.reasons[0].startswith("spelling")
            keep = [p for p in r.cands if (p.country_code == focus if variant else p.country_code in allowed) or (not variant and (
                    p.kind == "country" or p.population >= 1000000 or p.feature_code == "PPLC"))]
            if not keep:
                if variant:
                    r.unknown, r.cands = True, []
                    continue
            r.cands = keep
    known = [r for r in raws if not r.unknown and r.cands]
    for r in known:
        r.result = rank(gaz, r.cands, r.cue, ctx)
    # anchors: confidently resolved places (clear margin or a single candidate), not datelines
    anchor_ids: dict[str, Place] = {}  # in order of first mention; keyed: membership in constant time
    for r in known:
        if r.dateline or not r.result:
            continue
        if len(r.result) == 1 or r.result[0].score - r.result[1].score >= 2.0:
            if r.result[0].place.kind != "country":
                anchor_ids.setdefault(r.result[0].place.id, r.result[0].place)
    grid = AnchorGrid(anchor_ids.values())
    for k, r in enumerate(known):
        within = []
        for r2 in known[k + 1:]:
            if r2.sent != r.sent or r2.tok0 - r.tok1 > 6:
                break
            if r2.result:
                p2 = r2.result[0].place
                within.append(gaz.admin1_of(p2) or p2 if r2.qualifier == "rural" else p2)
        if within:
            # a village named next to an area lies in that area: drop same-name villages elsewhere
            near = [p for p in r.cands if p.kind not in ("village",) or any(
                a.country_code == p.country_code and (a.kind == "country" or a.admin1_code == p.admin1_code) for a in within)]
            if not near:
                r.unknown, r.result = True, []
                continue
            r.cands = near
        if len(r.cands) > 1 or within:
            others = grid.without(c.place.id for c in r.result)
            r.result = rank(gaz, r.cands, r.cue, Context(focus, dict(weights), others, within))


def _precision(gaz: Gazetteer, r: _Raw) -> tuple[Place, int, str | None, list[str]]:
    best = r.result[0]
    p = best.place
    why = list(r.reasons) + best.reasons
    if r.qualifier == "rural":
        area = gaz.admin1_of(p) if p.kind != "country" else p
        if area is not None and area is not p:
            why.append(f"ريف: the rural area of {p.name_en} → {area.name_en}")
            return area, 3, "rural", why
        return p, 3, "rural", why + ["ريف: the area itself"]
    if p.kind == "country" or p.is_admin:
        return p, 3, "admin", why
    if p.feature_code in ("ADM3",):
        return p, 3, "admin", why + ["large commune: its centroid"]
    if r.qualifier in ("part_of", "near"):
        return p, 2, r.qualifier, why
    if r.qualifier == "camp" and r.key not in p.names[:0] and p.kind == "city" and "مخيم" not in " ".join(p.names):
        return p, 2, "part_of", why + ["camp in or by the town"]
    if p.feature_code == "ADM4C":
        return p, 2, "near", why + ["OCHA community: point is its sub-district centroid"]
    return p, 1, None, why


def find_places(doc: Doc) -> None:
    """Add a place Mention for every place name; set ``doc.layers['country']``."""
    idx = place_index()
    gaz = idx.gaz
    raws, demonyms = _collect(doc, idx)
    weights = _evidence(raws, demonyms)
    _resolve_all(doc, idx, raws, weights)
    final: dict[str, float] = defaultdict(float)
    resolved: list[tuple[_Raw, ResolvedPlace]] = []
    for r in raws:
        if r.unknown:
            continue
        if not r.result:
            continue
        place, prec, qual, why = _precision(gaz, r)
        rp = ResolvedPlace(place, prec, r.result[:5], why, qual, r.dateline, r.key)
        resolved.append((r, rp))
    # unknown names: the enclosing area named next to them, else the area of the place named before
    by_sent: dict[int, list[int]] = defaultdict(list)  # sentence -> positions in ``resolved``
    for i, (r, _) in enumerate(resolved):
        by_sent[r.sent].append(i)
    for r in raws:
        if not r.unknown:
            continue
        near = sorted(i for s in range(r.sent - 2, r.sent + 1) for i in by_sent.get(s, ()))
        rp = _enclosing(gaz, r, [resolved[i] for i in near])
        if rp is not None:
            by_sent[r.sent].append(len(resolved))
            resolved.append((r, rp))
    resolved = _drop_lone_foreign_towns(gaz, resolved)
    resolved.sort(key=lambda x: x[0].span_start)
    for r, rp in resolved:
        if not rp.is_dateline:
            final[rp.place.country_code] += 1.0
        doc.add(Mention("place", r.span_start, r.end, doc.text[r.span_start:r.end], r.sent, r.span_tok0, r.tok1, rp,
                        {"qualifier": rp.qualifier, "precision": rp.precision, "dateline": rp.is_dateline}))
    for cc in demonyms:
        final[cc] += 0.5
    doc.layers["country"] = country_focus(final)


LONE_FOREIGN_MAX_POP = 100_000


def _drop_lone_foreign_towns(gaz: Gazetteer, resolved: list[tuple[_Raw, ResolvedPlace]]
                             ) -> list[tuple[_Raw, ResolvedPlace]]:
    """A small town named without a place word (مدينة، بلدة …), alone in its country and far from
    the article's country, is much more likely a common word (سويا "together" → Sevilla, ينقل
    "carries" → Yanqul) than a place the story is about: drop it."""
    counts: dict[str, int] = defaultdict(int)
    for _, rp in resolved:
        if not rp.is_dateline:
            counts[rp.place.country_code] += 1
    if not counts:
        return resolved
    top = max(counts.values())
    focus = {cc for cc, n in counts.items() if n == top}
    near = set(focus)
    for cc in focus:
        near |= set((gaz.meta.get("neighbours") or {}).get(cc, ()))
    out = []
    for r, rp in resolved:
        p = rp.place
        lone = (r.cue is None and rp.qualifier is None and counts[p.country_code] <= 1
                and p.country_code not in near and not p.is_admin and p.kind != "country"
                and p.population < LONE_FOREIGN_MAX_POP and top >= 2)
        if not lone:
            out.append((r, rp))
    return out


def _enclosing(gaz: Gazetteer, r: _Raw, resolved: list[tuple[_Raw, ResolvedPlace]]) -> ResolvedPlace | None:
    after = [(r2, rp) for r2, rp in resolved if r2.sent == r.sent and 0 <= r2.tok0 - r.tok1 <= 6 and not rp.is_dateline]
    before = [(r2, rp) for r2, rp in resolved if r.sent - 2 <= r2.sent <= r.sent and r2.tok1 <= r.tok0
              and not rp.is_dateline and rp.place.kind != "country"]
    if r.meta_area and not after:
        return None
    if after:
        r2, rp2 = min(after, key=lambda x: x[0].tok0)
        why = [f"{r.key} is not in the gazetteer; placed in {rp2.place.name_en} named next to it"]
    elif before:
        r2, rp2 = max(before, key=lambda x: x[0].tok0)
        why = [f"{r.key} is not in the gazetteer; placed in the area of {rp2.place.name_en} named before it"]
    else:
        return None
    p = rp2.place
    if rp2.qualifier == "near" and p.kind in ("city", "village") and r2 in [a for a, _ in after]:
        return ResolvedPlace(p, 2, [], why, "near", False, r.key)
    if not p.is_admin:
        p = gaz.admin1_of(p) or p
    return ResolvedPlace(p, 3, [], why, "enclosing", False, r.key)
