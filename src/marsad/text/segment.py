"""Sentence and token segmentation with character offsets and clitic-free token forms."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, repeat
from typing import Sequence

from ..records import Record
from .normalise import NormText, ShiftedOffsets, _class

# Proclitics stack as: conjunction (و/ف), then preposition (ب/ل/ك), then the article (ال).
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_MIN_STEM = 3

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
# A sentence ends at a line break, or at . ! ? when not inside a number (3.5) and not an abbreviation dot.
# Written to start with a character class, so the regex engine skips straight to candidates
# (the same matches as \n+|(?<!\d)[.!?؟](?!\d)[\"'»”)]*|(?<=\d)[.!?؟](?=\s|$) on the whole corpus).
_SENT_END_RE = re.compile(r"[\n.!?؟](?:(?<=\n)\n*|(?<!\d[.!?؟])(?!\d)[\"'»”)]*|(?<=\d[.!?؟])(?=\s|$))")


class Token(Record):
    """A word: original offsets, its matching form, and its clitic-free forms (surface first).

    A slots class, not a named tuple: stages read token attributes millions of times, and
    Python 3.11 reads slots on a fast path that tuple field getters do not get. Written out rather
    than made by ``@dataclass(slots=True)`` (same init, equality and repr), whose methods are compiled
    at every start-up.
    """

    __slots__ = ("start", "end", "norm", "norm_start", "forms", "sentence")
    __match_args__ = _compared = __slots__

    def __init__(self, start: int, end: int, norm: str, norm_start: int, forms: tuple[str, ...] = (),
                 sentence: int = 0) -> None:
        self.start = start
        self.end = end
        self.norm = norm
        self.norm_start = norm_start
        self.forms = forms
        self.sentence = sentence

    def _fields(self) -> tuple:
        return self.start, self.end, self.norm, self.norm_start, self.forms, self.sentence


class Sentence(Record):
    """A sentence: original offsets and its tokens' range (a written-out slots record, as ``Token``)."""

    __slots__ = ("start", "end", "token_start", "token_end")
    __match_args__ = _compared = __slots__

    def __init__(self, start: int, end: int, token_start: int, token_end: int) -> None:
        self.start = start
        self.end = end
        self.token_start = token_start
        self.token_end = token_end

    def _fields(self) -> tuple:
        return self.start, self.end, self.token_start, self.token_end



@lru_cache(maxsize=200_000)
def clitic_forms(word: str) -> tuple[str, ...]:
    """Candidate stems of a normalised word with proclitics peeled off, most literal first.

    وبالميادين → (وبالميادين, بالميادين, الميادين, ميادين); للتنظيم → (للتنظيم, التنظيم, لتنظيم, تنظيم).
    """
    forms = [word]
    bases = [word]
    if word[:1] in _CONJ and len(word) - 1 >= _MIN_STEM:
        bases.append(word[1:])
    for base in bases:
        if base is not word:
            forms.append(base)
        if base[:2] == "لل" and len(base) - 2 >= _MIN_STEM:
            forms.append("ال" + base[2:])
        if base[:1] in _PREP and len(base) - 1 >= _MIN_STEM:
            forms.append(base[1:])
    for f in list(forms):
        if f[:2] == "ال" and len(f) - 2 >= _MIN_STEM - 1:
            forms.append(f[2:])
    seen: dict[str, None] = {}
    for f in forms:
        seen.setdefault(f, None)
    return tuple(seen)


class _FormCache(dict):
    """word → its clitic forms, filled on first sight; ``map(cache.__getitem__, words)`` runs in C.

    Stops growing at ``_FORM_CACHE_MAX`` words (later new words are answered without being stored),
    so memory stays flat on any input, and the frequent words, met first, stay in.
    """

    def __missing__(self, word: str) -> tuple[str, ...]:
        # a word that does not begin with a proclitic's letter (or with the article's alef) has no other form
        # (clitic_forms unwrapped: this dict is the cache; its own would only hold the same words twice)
        forms = (word,) if word[:1] not in _CLITIC_FIRST or word.isascii() else _clitic_forms(word)
        if len(self) < _FORM_CACHE_MAX:
            self[word] = forms
        return forms


_FORM_CACHE_MAX = 100_000
_clitic_forms = clitic_forms.__wrapped__
_CLITIC_FIRST = frozenset(_CONJ + _PREP + ("ا",))  # the letters clitic_forms strips a form after
_FORMS = _FormCache()
word_forms = _FORMS.__getitem__  # the clitic forms of a normalised word, as its Token carries them

# The last of ``clitic_forms(word)`` (a token's stem) is the word less one prefix, read off by cases: a
# conjunction when 3 letters follow it, then, in this order of preference, a preposition with the article
# when 2 letters follow them, "لل" when 3 follow, the article when 2 follow, a preposition when 3 follow.
# As one pattern over "\n"-joined words (each line break before a word: the regex engine looks for the line
# breaks alone, and only the words that lose a prefix are matched), ``stems`` finds the stems of many words
# in C. ``tests/text/test_segment.py`` checks it against ``clitic_forms`` on every proclitic stack.
_STEM_AFTER_CONJ = "[بلك]ال(?=[^\n]{2})|لل(?=[^\n]{3})|ال(?=[^\n]{2})|[بلك](?=[^\n]{3})"
_STEM_PREFIX_RE = re.compile(f"\n(?:[وف](?=[^\n]{{3}})(?:{_STEM_AFTER_CONJ})?|{_STEM_AFTER_CONJ})")


def stems(words: Sequence[str]) -> list[str]:
    """``[word_forms(w)[-1] for w in words]`` (normalised words, no line break in them), without a call per
    word and without filling the form cache."""
    if not words:
        return []
    return _STEM_PREFIX_RE.sub("\n", "\n" + "\n".join(words))[1:].split("\n")
_WORD_SPLIT_RE = re.compile(r"([^\W_]+)", re.UNICODE)  # _TOKEN_RE with a group: split keeps the words
# The same split spelled out over the blocks news text is written in (Basic Latin to the Arabic Supplement,
# General Punctuation): the regex engine tests a spelled-out class with one bitmap lookup per character,
# ``[^\W_]`` with several Unicode-database lookups. It is exact on a text made only of those blocks (one
# search says), which nearly every article is; any other text takes ``_WORD_SPLIT_RE``.
_BLOCKS = "".join(map(chr, [*range(0x0000, 0x0780), *range(0x2000, 0x2070)]))
_BLOCK_WORD_SPLIT_RE = re.compile("([" + _class("".join(_TOKEN_RE.findall(_BLOCKS))) + "]+)")
_OUTSIDE_BLOCKS_RE = re.compile("[^" + _class(_BLOCKS) + "]")
_BLOCK_WORD_RE = re.compile(_BLOCK_WORD_SPLIT_RE.pattern[1:-1])  # without the group: what findall returns
_MAX_SHIFTS = 64  # dropped characters up to which token offsets are mapped by shifts, not through the map
_plus_one = (1).__add__
_minus_one = (-1).__add__


def _split_words(text: str) -> list[str]:
    """``_WORD_SPLIT_RE.split(text)``: separators and words alternately, separators first and last."""
    if _OUTSIDE_BLOCKS_RE.search(text) is None:
        return _BLOCK_WORD_SPLIT_RE.split(text)
    return _WORD_SPLIT_RE.split(text)


def _plus_counts(values: list[int], bounds: Sequence[int], strict: bool) -> list[int]:
    """Each of the ascending ``values`` plus the number of ``bounds`` (ascending) at or below it (below it
    when ``strict``): whole slices shifted at once between consecutive bounds."""
    cut = bisect_right if strict else bisect_left  # the first value that a bound counts for
    out = []
    prev = 0
    for k, b in enumerate(bounds):
        c = cut(values, b, prev)
        if c > prev:
            out.extend(map(k.__add__, values[prev:c]) if k else values[prev:c])
            prev = c
    out.extend(map(len(bounds).__add__, values[prev:]))
    return out


def _token_columns(norm: NormText) -> tuple[list[str], list[int], list[int], list[int]]:
    """Words of the normalised text with their normalised starts and original [start, end).

    Whole-list operations instead of a Python loop per word: ``re.split`` with a group returns
    separators and words alternately, so running sums of their lengths are the word offsets. The
    original offsets are the normalised ones when nothing was dropped; else, with few characters
    dropped, they are shifted by the dropped characters before them (``NormText.shifts``: a word
    starts at ``to_orig[start]``, ends one past ``to_orig[end - 1]``), else read from the map.
    """
    parts = _split_words(norm.text)
    words = parts[1::2]
    cum = list(accumulate(map(len, parts)))
    nstarts = cum[0:-1:2]
    nends = cum[1::2]
    to_orig = norm.to_orig
    if isinstance(to_orig, range) and to_orig.start == 0 and to_orig.step == 1:
        return words, nstarts, nstarts, nends
    shifts = norm.shifts
    if shifts is not None and len(shifts) <= _MAX_SHIFTS:
        return words, nstarts, _plus_counts(nstarts, shifts, False), _plus_counts(nends, shifts, True)
    if isinstance(to_orig, ShiftedOffsets):
        to_orig = to_orig.as_list()
    starts = list(map(to_orig.__getitem__, nstarts))
    ends = list(map(_plus_one, map(to_orig.__getitem__, map(_minus_one, nends))))
    return words, nstarts, starts, ends


def tokenise(norm: NormText) -> list[Token]:
    """Words of the normalised text, each mapped back to original offsets (sentence 0: see ``segment``)."""
    words, nstarts, starts, ends = _token_columns(norm)
    return list(map(Token, starts, ends, words, nstarts, map(_FORMS.__getitem__, words), repeat(0)))


def _word_re(text: str, end: int | None = None) -> re.Pattern[str]:
    """The pattern whose matches are the words of ``text[:end]`` (``_split_words``'s choice, as a findall)."""
    if _OUTSIDE_BLOCKS_RE.search(text, 0, len(text) if end is None else end) is None:
        return _BLOCK_WORD_RE
    return _TOKEN_RE


def words(norm: NormText) -> list[str]:
    """The matching forms of the words of ``norm``: ``[t.norm for t in tokenise(norm)]`` without a Token each."""
    return _word_re(norm.text).findall(norm.text)


def lead_words(norm: NormText, limit: int, max_words: int | None = None) -> list[str]:
    """The matching forms of the words of ``norm`` that start before offset ``limit`` of the original text,
    at most ``max_words`` of them: ``[t.norm for t in tokenise(norm)[:max_words] if t.start < limit]``
    without building a Token per word (what a step needs that reads only the words of an opening, as
    the relevance model does; the clitic forms of a word are ``word_forms(word)``)."""
    text = norm.text
    # the offset map never decreases: a word starts before ``limit`` in the original when it starts
    # before the first normalised character that maps to ``limit`` or beyond
    to_orig = norm.to_orig
    cut = to_orig.bisect_left(limit) if isinstance(to_orig, ShiftedOffsets) else bisect_left(to_orig, limit)
    end = cut
    if 0 < cut < len(text):
        pattern = _word_re(text)
        if pattern.match(text, cut - 1) is not None:  # a word starts before the cut and runs on: read it whole
            run = pattern.match(text, cut)
            if run is not None:
                end = run.end()
    else:
        pattern = _word_re(text, end)
    found = pattern.findall(text, 0, end)
    return found if max_words is None or max_words >= len(found) else found[:max(max_words, 0)]


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence: split on line breaks and sentence-final punctuation, with
    surrounding whitespace trimmed so evidence quotes are clean; blank stretches are no sentence."""
    bounds = []
    pos = 0
    for m in _SENT_END_RE.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        rest = text[pos:end].lstrip()
        if rest:
            bounds.append((end - len(rest), end - len(rest) + len(rest.rstrip())))
        pos = m.end()
    rest = text[pos:].lstrip()
    if rest:
        bounds.append((len(text) - len(rest), len(text) - len(rest) + len(rest.rstrip())))
    return bounds


def segment(text: str, norm: NormText) -> tuple[list[Token], list[Sentence]]:
    """Tokens and sentences of ``text`` (``norm`` is its normalised form).

    A sentence owns the tokens that start before its end and after the previous sentence's
    tokens; each token carries the number of its sentence.
    """
    words, nstarts, starts, ends = _token_columns(norm)
    sentences = []
    sent_ids: list[int] = []
    t0 = 0
    for si, (s, e) in enumerate(_sentence_bounds(text)):
        t1 = max(t0, bisect_left(starts, e))
        sentences.append(Sentence(s, e, t0, t1))
        sent_ids.extend(repeat(si, t1 - t0))
        t0 = t1
    sent_ids.extend(repeat(0, len(words) - t0))
    tokens = list(map(Token, starts, ends, words, nstarts, map(_FORMS.__getitem__, words), sent_ids))
    return tokens, sentences
