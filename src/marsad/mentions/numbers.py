"""Numbers: ``Mention(kind="number", value=int, meta=...)``.

Reads digits in both scripts (12, ١٢, 1,400, 1.5 مليون), number words with either gender and case
(ثلاثة/ثلاث, عشرون/عشرين, واحد وعشرين, مئة/مائة, ثلاثة آلاف), the dual of a noun counting two
(جنديين, شخصين, جثتين, عسكريين اثنين, لقيا مصرعهما), vague amounts at their low end (عشرات = 10,
مئات = 100, آلاف = 1000), "أحد العناصر" = 1, an indefinite singular person noun = 1 ("مقتل شخص";
"قتل جندي تركي وآخر" = 2), and the qualifiers around a figure (نحو, قرابة, أكثر من, ما لا يقل عن,
... على الأقل).

Every mention's ``meta`` has:
  ``approx``    bool: the figure is qualified or vague
  ``vague``     bool: a vague amount (عشرات)
  ``qualifier`` None | about | more_than | at_least | less_than | at_most
  ``role``      count | year | time | name | percent | measure | money | duration | decimal | code
  ``form``      digits | words | vague | dual | one_of | implicit
and, where relevant, ``gender`` (m/f, for 3-10 in words), ``noun`` (the singular a dual or
implicit count counts), ``definite`` (الـ48).
Digits inside date expressions (see ``marsad.mentions.dates``) are skipped, not counted.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any, Sequence

from ..doc import Doc, Mention
from ..lexicon.calendar import calendar
from ..lexicon.numbers import NumberLexicon, numbers, with_clitics
from ..text.segment import Token
from .dates import scan as scan_dates

_DIGITS = re.compile(r"\d[\d,.٫٬]*")  # a cheap scan; the figure is then read by _FIGURE
_FIGURE = re.compile(r"\d{1,3}(?:[,٬]\d{3})+(?![\d.٫])|\d+(?:[.٫]\d+)?")
_TIME_TAIL = re.compile(r"\s*:\s*\d{2}")
_PREFIXES = ("و", "ف", "ب", "ل")


def _strip1(w: str) -> list[str]:
    """w and w without one proclitic (وثلاثة, بثلاثة, لثلاثة)."""
    return [w, w[1:]] if len(w) > 2 and w[0] in _PREFIXES else [w]


def _cardinal(w: str, lex: NumberLexicon, first: bool) -> int | None:
    for f in (_strip1(w) if first else [w]):
        v = lex.cardinals.get(f)
        if v is not None:
            return v
        if f.startswith("ال"):  # "القتلى الثلاثة": the article only on 2-10 and tens
            v = lex.cardinals.get(f[2:])
            if v is not None and (2 <= v <= 10 or (v < 100 and v % 10 == 0)) and f[2:] not in ("اثنين", "احد"):
                return v
    return None


@lru_cache(maxsize=None)
def _triggers() -> frozenset[str]:
    """Every clitic-free token form that can start a number word, vague amount, dual or singular count."""
    lex = numbers()
    t: set[str] = set(lex.cardinals) | set(lex.one_of) | set(lex.singular_nouns) | set(lex.dual_words)
    t |= {p[0] for p in lex.vague} | {w for w, v in lex.scales.items() if v >= 1000}
    for stem in lex.dual_nouns | lex.dual_nouns_ambiguous:
        if stem.endswith("ه"):
            t |= {stem[:-1] + "تين", stem[:-1] + "تان", stem[:-1] + "تي"}
        t |= {stem + "ين", stem + "ان"}
    return frozenset(t)


@lru_cache(maxsize=None)
def _surface_triggers() -> frozenset[str]:
    return with_clitics(_triggers())


def dual_noun(token: Token, next_token: Token | None = None) -> str | None:
    """The singular a dual noun counts (جنديين → جندي, جثتين/جثتي → جثه), else None.

    Nouns with a sound plural (عسكريين, مدنيين) count two only when ``next_token`` is اثنين/اثنان.
    The returned singular is in matching (folded) form.
    """
    lex = numbers()
    for form in token.forms:
        if len(form) < 4:
            continue
        stem = None
        if form.endswith(("تين", "تان")):
            stem = form[:-3] + "ه"
        elif form.endswith("تي") and len(form) > 4:
            stem = form[:-2] + "ه"
        if stem is not None and stem in lex.dual_nouns:
            return stem
        if form.endswith(("ين", "ان")):
            stem = form[:-2]
            if stem in lex.dual_nouns:
                return stem
            if stem in lex.dual_nouns_ambiguous and next_token is not None and next_token.norm in lex.dual_partners:
                return stem
    return None


def _match_phrase(tokens: Sequence[Token], i: int, phrase: tuple[str, ...], lo: int, hi: int) -> bool:
    """``phrase`` on tokens[i:i+len]; the first word may carry a proclitic (بأكثر من)."""
    n = len(phrase)
    if i < lo or i + n > hi:
        return False
    for k, w in enumerate(phrase):
        t = tokens[i + k].norm
        if t != w and not (k == 0 and t[:1] in _PREFIXES and t[1:] == w):
            return False
    return True


class _Ctx:
    __slots__ = ("doc", "lex", "tokens", "starts", "lo", "hi", "out")

    def __init__(self, doc: Doc, lex: NumberLexicon) -> None:
        self.doc, self.lex, self.tokens = doc, lex, doc.tokens
        self.starts = [t.norm_start for t in doc.tokens]
        # (token_start, token_end, value, meta, norm offset where the figure starts or -1)
        self.out: list[tuple[int, int, int, dict[str, Any], int]] = []

    def sent_bounds(self, i: int) -> tuple[int, int]:
        s = self.doc.sentences[self.tokens[i].sentence]
        return s.token_start, s.token_end


@lru_cache(maxsize=None)
def _qualifier_index() -> tuple[dict[str, list[tuple[tuple[str, ...], str]]], dict[str, list[tuple[tuple[str, ...], str]]]]:
    """Pre-qualifiers keyed by their last word, post-qualifiers by their first (longest first)."""
    lex = numbers()
    pre: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, label in lex.qualifiers.items():
        keys = {phrase[-1]} | ({p + phrase[0] for p in _PREFIXES} if len(phrase) == 1 else set())
        for k in keys:
            pre.setdefault(k, []).append((phrase, label))
    post: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, label in lex.post_qualifiers.items():
        post.setdefault(phrase[0], []).append((phrase, label))
    for d in (pre, post):
        for v in d.values():
            v.sort(key=lambda e: -len(e[0]))
    return pre, post


def _qualify(ctx: _Ctx, i: int, j: int, meta: dict[str, Any]) -> tuple[int, int]:
    """Attach a pre- or post-qualifier; return the widened (token_start, token_end)."""
    toks = ctx.tokens
    lo, hi = ctx.sent_bounds(i)
    pre, post = _qualifier_index()
    if i - 1 >= lo:
        for phrase, label in pre.get(toks[i - 1].norm, ()):
            if _match_phrase(toks, i - len(phrase), phrase, lo, hi):
                meta["qualifier"] = label
                return i - len(phrase), j
    for k in range(j, min(j + 3, hi)):
        for phrase, label in post.get(toks[k].norm, ()):
            if _match_phrase(toks, k, phrase, lo, hi):
                meta["qualifier"] = label
                return i, k + len(phrase)
    return i, j


def _role(ctx: _Ctx, i: int, j: int, value: int, meta: dict[str, Any], digits: str | None, nend: int) -> str:
    lex, toks, text = ctx.lex, ctx.tokens, ctx.doc.norm.text
    prev = toks[i - 1].norm if i > 0 else ""
    nxt = toks[j].norm if j < len(toks) else ""
    prev_forms = _strip1(prev)
    if any(p in lex.time_words for p in prev_forms) or (digits and _TIME_TAIL.match(text, nend)):
        return "time"
    if any(p in lex.name_words for p in prev_forms):
        return "name"
    cal = calendar()
    if any(p in lex.year_words for p in prev_forms) or (digits and nxt in cal.hijri_era | cal.gregorian_era and len(digits) == 4):
        return "year"
    rest = text[nend:nend + 12].lstrip()
    if rest.startswith("%") or any(_match_phrase(toks, j, p, 0, len(toks)) for p in lex.percent):
        return "percent"
    unit = lex.units.get(nxt) or (lex.units.get(nxt[2:]) if nxt.startswith("ال") else None)
    if unit:
        return unit
    if digits and "." not in digits and "," not in digits and len(digits) == 4 and 1940 <= value <= 2030 \
            and not meta.get("qualifier"):
        return "year"
    if digits and "." in digits:
        return "decimal"
    if digits and (len(digits) >= 7 and digits.isdigit() or (digits[0] == "0" and len(digits) > 1)):
        return "code"  # phone numbers, identifiers
    return "count"


def _emit(ctx: _Ctx, i: int, j: int, value: int, meta: dict[str, Any], nstart: int = -1) -> None:
    ctx.out.append((i, j, value, meta, nstart))


def _word_start(tok: Token, lex: NumberLexicon) -> int:
    """Norm offset of a number word inside its token, after a proclitic (وثلاثة → ثلاثة)."""
    w = tok.norm
    if len(w) > 2 and w[0] in _PREFIXES and w not in lex.cardinals and (w,) not in lex.vague and w not in lex.one_of:
        return tok.norm_start + 1
    return tok.norm_start


def _words_at(ctx: _Ctx, i: int) -> tuple[int, int, dict[str, Any]] | None:
    """A written number starting at token i: (value, end token, meta)."""
    lex, toks = ctx.lex, ctx.tokens
    _, hi = ctx.sent_bounds(i)
    w = toks[i].norm
    # vague amounts, two words first: عشرات الآلاف
    for f in _strip1(w):
        if i + 1 < hi and (f, toks[i + 1].norm) in lex.vague:
            return lex.vague[(f, toks[i + 1].norm)], i + 2, {"vague": True, "form": "vague"}
    for f in _strip1(w):
        if (f,) in lex.vague:
            return lex.vague[(f,)], i + 1, {"vague": True, "form": "vague"}
    # أحد عشر / إحدى عشرة, else "أحد العناصر" = one of
    for f in ([] if (w in lex.cardinals and w not in lex.one_of) else _strip1(w)):
        if f in lex.one_of:
            if i + 1 < hi and toks[i + 1].norm in lex.teen_tens:
                return 11, i + 2, {"form": "words"}
            if i > 0 and toks[i - 1].norm in ("لا", "ولا"):  # "لا أحد": nobody
                return None
            if i + 1 < hi and toks[i + 1].norm[:1].isalpha() and not toks[i + 1].norm[:1].isdigit():
                return 1, i + 1, {"form": "one_of"}
            return None
    v = _cardinal(w, lex, True)
    scale_first = None
    if v is None:
        for f in _strip1(w):
            if f in lex.scales and lex.scales[f] >= 1000 and f not in ("الاف", "ملايين", "مليارات"):
                scale_first = lex.scales[f]
        if scale_first is None:
            return None
        total, cur, last, j = scale_first, 0, "scale", i + 1
    else:
        total, cur, j = 0, v, i + 1
        last = "unit" if v < 10 else "ten" if v < 100 else "hundred" if v < 1000 else "scale"
        if v >= 1000:
            total, cur = v, 0
    meta: dict[str, Any] = {"form": "words"}
    if v is not None and 3 <= v <= 10:
        meta["gender"] = "m" if w.endswith("ه") else "f"
    while j < hi:
        t = toks[j].norm
        if last == "unit" and t in lex.teen_tens and cur < 10:
            cur += 10
            last = "teen"
        elif t in lex.scales and last != "scale":
            s = lex.scales[t]
            if s == 100:
                cur = (cur or 1) * 100
                last = "hundred"
            else:
                total += (cur or 1) * s
                cur = 0
                last = "scale"
        elif t.startswith("و") and len(t) > 2 and (u := lex.cardinals.get(t[1:])) is not None and u < 1000:
            if last == "unit" and 20 <= u < 100 and u % 10 == 0:
                cur += u
                last = "ten"
            elif last in ("hundred", "scale", "teen_after") or (last == "ten" and False):
                if last == "scale":
                    cur = u
                else:
                    cur += u
                last = "unit" if u < 10 else "ten" if u < 100 else "hundred"
            else:
                break
        else:
            break
        j += 1
    return total + cur, j, meta


def _in_dates(ranges: list[tuple[int, int]], pos: int) -> bool:
    k = bisect_right(ranges, (pos, 1 << 30)) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


def find_numbers(doc: Doc) -> None:
    """Pipeline stage: add ``number`` mentions (value: int) for figures, number words, duals, vague amounts."""
    lex = numbers()
    ctx = _Ctx(doc, lex)
    toks = ctx.tokens
    if not toks:
        return
    ranges = sorted((h.nstart, h.nend) for h in scan_dates(doc))
    text = doc.norm.text
    taken = [False] * len(toks)
    skip_to = -1

    # digits (the tokeniser splits 1,400 and 20.6, so digits are read from the text)
    for m in _DIGITS.finditer(text):
        ns = m.start()
        if ns < skip_to or _in_dates(ranges, ns):
            continue
        m = _FIGURE.match(text, ns, m.end())
        ne = m.end()
        i = max(0, bisect_right(ctx.starts, ns) - 1)
        if any(taken[i:i + 1]):
            continue
        raw = m.group()
        j = bisect_right(ctx.starts, ne - 1)
        try:
            value_f = float(raw.replace(",", "").replace("٬", "").replace("٫", "."))
        except ValueError:
            continue
        meta: dict[str, Any] = {"form": "digits"}
        if toks[i].norm.startswith("ال") or (i > 0 and toks[i - 1].norm == "ال"):
            meta["definite"] = True
        _, hi = ctx.sent_bounds(i)
        if j < hi and toks[j].norm in lex.scales:  # 3 آلاف, 1.5 مليون
            value_f *= lex.scales[toks[j].norm]
            j += 1
            digits_for_role = None
        else:
            digits_for_role = raw
        value = int(value_f)
        start_i = i - 1 if (i > 0 and toks[i - 1].norm == "ال") else i
        qi, qj = _qualify(ctx, start_i, j, meta)
        meta["role"] = _role(ctx, i, j, value, meta, digits_for_role, ne)
        if meta["role"] == "time" and (tail := _TIME_TAIL.match(text, ne)):
            skip_to = tail.end()
            j = max(j, bisect_right(ctx.starts, skip_to - 1))
        for k in range(i, j):
            taken[k] = True
        _emit(ctx, qi, qj, value, meta, ns if qi == start_i and start_i == i else -1)

    # words, duals, implicit singulars
    triggers = _triggers()
    norms = [t.norm for t in toks]
    found = _surface_triggers().intersection(norms)
    candidates = [k for k, w in enumerate(norms) if w in found] if found else []
    i = 0
    for c in candidates:
        if c < i:
            continue
        i = c
        tok = toks[i]
        if triggers.isdisjoint(tok.forms) or taken[i] or _in_dates(ranges, tok.norm_start):
            continue
        w = tok.norm
        got = _words_at(ctx, i)
        if got is not None:
            value, j, meta = got
            qi, qj = _qualify(ctx, i, j, meta)
            meta["role"] = _role(ctx, i, j, value, meta, None, toks[j - 1].norm_start + len(toks[j - 1].norm))
            for k in range(i, j):
                taken[k] = True
            _emit(ctx, qi, qj, value, meta, _word_start(tok, lex) if qi == i else -1)
            i = j
            continue
        lo, hi = ctx.sent_bounds(i)
        nxt = toks[i + 1] if i + 1 < hi else None
        if w in lex.dual_words:
            _emit(ctx, i, i + 1, 2, {"form": "dual", "role": "count"})
            i += 1
            continue
        stem = dual_noun(tok, nxt)
        if stem is not None:
            j = i + 2 if nxt is not None and nxt.norm in lex.dual_partners else i + 1
            meta = {"form": "dual", "noun": stem}
            qi, qj = _qualify(ctx, i, j, meta)
            meta["role"] = "count"
            _emit(ctx, qi, qj, 2, meta)
            for k in range(i, j):
                taken[k] = True
            i = j
            continue
        base = next((f for f in _strip1(w) if f in lex.singular_nouns), None)
        if base is not None and (i == lo or (not taken[i - 1] and toks[i - 1].norm not in ("كل", "لكل", "اي", "باي"))) \
                and not (nxt is not None and lex.cardinals.get(nxt.norm) == 1):
            value, j = 1, i + 1
            for k in range(i + 1, min(i + 4, hi)):
                t = toks[k].norm
                if t[:1] == "و" and t[1:] in lex.and_another:
                    value, j = 2, k + 1
                    break
            _emit(ctx, i, j, value, {"form": "implicit", "noun": base, "role": "count"})
            i = j

    ctx.out.sort(key=lambda r: r[0])
    for ti, tj, value, meta, nstart in ctx.out:
        q = meta.get("qualifier")
        meta.setdefault("qualifier", None)
        meta.setdefault("vague", False)
        meta["approx"] = bool(q) or meta["vague"]
        a, b = toks[ti], toks[tj - 1]
        start = doc.norm.to_orig[nstart] if nstart >= 0 else a.start
        end = b.end
        doc.add(Mention("number", start, end, doc.text[start:end], a.sentence, ti, tj, value, meta))
