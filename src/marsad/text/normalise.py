"""Arabic normalisation for matching, with a map back to the original text.

The matching form folds what Arabic spelling varies on (diacritics, tatweel, alef/hamza
seats, ta marbuta, alef maqsura, Eastern Arabic digits) so that a lexicon entry written one
way matches text written another. It is never shown to users: every character of the
normalised string remembers the index of the original character it came from.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from itertools import accumulate, chain, repeat
from operator import sub
from typing import Iterable, Sequence

from ..records import FrozenRecord

# Characters removed entirely: harakat, shadda, sukun, superscript alef, tatweel, bidi marks.
_DROP = set(
    chr(c) for c in list(range(0x064B, 0x0660)) + [0x0670, 0x0640, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF]
)
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ى": "ي", "ی": "ي", "ي": "ي", "ک": "ك", "ؤ": "و", "ئ": "ي",
    # letters for sounds Arabic lacks, as Maghrebi and Persian names are written: ڤ is the g of
    # "بن ڤردان" (Ben Gardane, elsewhere بن قردان), گ/پ/چ the g/p/ch of Persian and Kurdish names
    "ڤ": "ق", "گ": "ك", "پ": "ب", "چ": "ج",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
    "،": ",", "؛": ";", "؟": "?", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}


def _fold_char(ch: str) -> str:
    if ch in _DROP:
        return ""
    if ch in _FOLD:
        return _FOLD[ch]
    if ch.isascii():
        return ch.lower()
    if unicodedata.category(ch) == "Mn":
        return ""
    return ch


def _fold_any(ch: str) -> str:
    """Fold any character, expanding presentation forms and ligatures (ﻻ → لا) via NFKC; memoised."""
    expanded = unicodedata.normalize("NFKC", ch) if ord(ch) >= 0xFB00 else ch
    r = "".join(_fold_char(c) for c in expanded)
    if len(_TABLE) < 200_000:
        _TABLE[ord(ch)] = r
    return r


# Precomputed table for the Basic Multilingual Plane keeps normalisation a single pass.
_TABLE: dict[int, str] = {}
for _c in range(0x0000, 0x0700):
    _TABLE[_c] = _fold_char(chr(_c))
for _c in list(range(0x0750, 0x0780)) + list(range(0x06F0, 0x06FA)) + [0x06A9, 0x06CC, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF, 0x00A0, 0x2009, 0x202F, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E]:
    _TABLE[_c] = _fold_char(chr(_c))


def fold(text: str) -> str:
    """Return the matching form of ``text`` (no offset map): for lexicon keys and queries.

    Loading the gazetteer folds tens of thousands of names, so text made only of characters of
    the precomputed table takes whole-string replacements (as ``normalise`` does). The stages fold the
    same few thousand words and names again and again (an actor's name, a word next to a cue): short
    texts are remembered, up to ``_FOLDED_MAX`` of them.
    """
    folded = _FOLDED.get(text)
    if folded is None:
        folded = _fold(text)
        if len(text) <= _FOLDED_LEN and len(_FOLDED) < _FOLDED_MAX:
            _FOLDED[text] = folded
    return folded


_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 20_000  # texts remembered (then the others are folded each time: memory stays flat)
_FOLDED_LEN = 64  # characters of the longest text remembered


def _fold(text: str) -> str:
    """``fold`` without the memo."""
    text = unicodedata.normalize("NFKC", text) if not text.isascii() else text
    if not _OUTSIDE_TABLE_RE.search(text):
        for ch in set(_FOLDED_RE.findall(text)):
            text = text.replace(ch, _REPLACE[ch])
        return " ".join(text.split())
    out = []
    for ch in text:
        o = ord(ch)
        r = _TABLE.get(o)
        out.append(r if r is not None else _fold_any(ch))
    return " ".join("".join(out).split())


def _class(chars: Iterable[str]) -> str:
    """The body of a regex character class holding exactly ``chars``, runs of consecutive code points
    written as ranges (the classes below hold hundreds of characters: compiled at every start-up, a
    range costs the regex compiler what one character does)."""
    codes = sorted(set(map(ord, chars)))
    # a run starts at a code that does not follow the one before it, and ends at one the next does not follow
    firsts = [c for c, before in zip(codes, [-2] + codes) if c != before + 1]
    lasts = [c for c, after in zip(codes, codes[1:] + [-2]) if after != c + 1]
    esc = re.escape
    return "".join(esc(chr(a)) if a == b else esc(chr(a)) + "-" + esc(chr(b)) for a, b in zip(firsts, lasts))


_TRANSLATE: dict[int, str | None] = {o: (r if r else None) for o, r in _TABLE.items() if r != chr(o)}
_DROP_RE = re.compile("[" + _class(chr(o) for o, r in _TRANSLATE.items() if r is None) + "]")
# every character the table changes, and what it becomes ("" when dropped)
_REPLACE: dict[str, str] = {chr(o): (r or "") for o, r in _TRANSLATE.items()}
_FOLDED_RE = re.compile("[" + _class(_REPLACE) + "]")
if set("".join(_REPLACE.values())) & set(_REPLACE):  # guards the one-replace-per-character fast path
    raise RuntimeError("a folded character folds again: normalise() would depend on replacement order")
# any character the table did not cover when it was built (those fold one by one, memoised)
_OUTSIDE_TABLE_RE = re.compile("[^" + _class(map(chr, _TABLE)) + "]")
_OUTSIDE_RUN_RE = re.compile(_OUTSIDE_TABLE_RE.pattern + "+")  # a run of such characters
_SLOW_RE = re.compile("[\ufb00-\ufeff\u0300-\u036f]")  # presentation forms, ligatures, Latin combining marks
_SLOW_CHARS = frozenset(map(chr, [*range(0xFB00, 0xFF00), *range(0x0300, 0x0370)]))  # what _SLOW_RE matches
# Folded characters that nearly every Arabic article holds (ta marbuta, hamza seats, alef maqsura, the
# Arabic comma, tanween fath, tatweel, guillemets): replaced in every text without first finding out
# whether they occur (a ``str.replace`` of an absent character is one fast scan, cheaper than the
# per-occurrence strings a regex search for them allocates). Only the other folded characters are searched.
_COMMON_FOLDED = tuple("ةأىإئ،ؤآًـ«»")
_RARE_FOLDED_RE = re.compile("[" + _class(set(_REPLACE) - set(_COMMON_FOLDED)) + "]")
# one pass finds both the rarer folded characters present and whether any calls for the slow path
_SCAN_RE = re.compile(_RARE_FOLDED_RE.pattern[:-1] + "\ufb00-\ufeff\u0300-\u036f]")
if not set(_COMMON_FOLDED) <= set(_REPLACE):
    raise RuntimeError("a character of _COMMON_FOLDED is not folded by the table")


class ShiftedOffsets(Sequence[int]):
    """The offset map of a text whose normalisation only dropped characters (one each), read from where
    they were dropped: ``p`` plus the number of ``shifts`` at or before ``p`` (see ``NormText.shifts``).

    Most normalised texts are only tokenised (an article's lead for the relevance step), and tokens are
    mapped from the shifts themselves: the list of every character's offset is built only when the map
    is iterated or sliced (``as_list``); a single offset is found by bisection."""

    __slots__ = ("shifts", "_n", "_runs", "_list")

    def __init__(self, shifts: Sequence[int], n: int, runs: Sequence[int]) -> None:
        self.shifts = shifts
        self._n = n
        self._runs = runs  # the lengths of the kept runs around the dropped characters, in order
        self._list: list[int] | None = None

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return self.as_list()[i]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("offset map index out of range")
        return i + bisect_right(self.shifts, i)

    def __iter__(self):
        return iter(self.as_list())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ShiftedOffsets):
            return self.as_list() == other.as_list()
        return isinstance(other, list) and self.as_list() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self.as_list())

    def bisect_left(self, offset: int) -> int:
        """``bisect.bisect_left(self, offset)``: the first normalised position that maps to ``offset`` of the
        original text or beyond; without a Python call per probe. The ``k``-th dropped character sat at
        ``shifts[k] + k`` in the original (strictly increasing), so the kept characters before ``offset``
        are ``offset`` less the dropped ones before it."""
        shifts = self.shifts
        dropped = bisect_left(range(len(shifts)), offset, key=lambda k: shifts[k] + k)
        return max(0, min(offset - dropped, self._n))

    def as_list(self) -> list[int]:
        """Every offset, as a list (built once)."""
        if self._list is None:
            # run k ends where the running total of (run length + 1) minus one says, and starts its
            # length before that
            lens = self._runs
            ends = list(map(_minus_one, accumulate(map(_plus_one, lens))))
            self._list = list(chain.from_iterable(map(range, map(sub, ends, lens), ends)))
        return self._list


class NormText(FrozenRecord):
    """A normalised string plus, for each of its characters, the index in the original text.

    ``text``, ``to_orig`` (the map) and ``orig_len``; and when known (the fast path of ``normalise``),
    ``shifts``: the normalised offsets at which the map's lead over them grows by one, one per dropped
    character, ascending; ``to_orig[p]`` is then ``p`` plus the number of them at or before ``p`` (how
    ``segment`` maps token offsets without reading the map). ``shifts`` takes no part in equality or repr.

    Immutable, equal and hashed as the frozen dataclass it was; written out, since a dataclass's methods
    are compiled at every start-up."""

    __slots__ = ("text", "to_orig", "orig_len", "shifts")
    __match_args__ = ("text", "to_orig", "orig_len", "shifts")
    _compared = ("text", "to_orig", "orig_len")  # the shifts are a derived shortcut

    def __init__(self, text: str, to_orig: Sequence[int], orig_len: int, shifts: Sequence[int] | None = None) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "to_orig", to_orig)
        object.__setattr__(self, "orig_len", orig_len)
        object.__setattr__(self, "shifts", shifts)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        if start >= len(self.to_orig):
            return self.orig_len, self.orig_len
        o_start = self.to_orig[start]
        o_end = self.to_orig[end - 1] + 1 if end > start else o_start
        return o_start, o_end


def normalise(text: str) -> NormText:
    """Normalise ``text`` for matching, keeping an offset map back to ``text``.

    Fast path: find which of the rarer folded characters occur (one regex pass, which also finds the
    characters that call for the slow path), then one ``str.replace`` per such character and per
    common folded character (``_COMMON_FOLDED``, present in nearly every article): every folded character maps to at most one character and no result is itself
    folded, so this equals a ``str.translate`` over the table, at a quarter of its cost on Arabic
    text. Dropped marks are found by a regex to build the offset map. Texts with presentation
    forms or ligatures, which NFKC expands, take the per-character path.
    """
    present = set(_SCAN_RE.findall(text))
    if not _SLOW_CHARS.isdisjoint(present):
        return _normalise_slow(text)
    norm, to_orig, shifts = _fold_run(text, present)
    return NormText(norm, to_orig, len(text), shifts)


_plus_one = (1).__add__
_minus_one = (-1).__add__


def _fold_run(text: str, present: Iterable[str]) -> tuple[str, Sequence[int], list[int]]:
    """Fold ``text``, made only of characters of the table as built at import, given the folded
    characters ``present`` in it besides ``_COMMON_FOLDED``: one ``str.replace`` per such character and
    per common one, the offset map (a ``range`` when no character was dropped) and its ``shifts``
    (``NormText``)."""
    norm = text
    for ch in _COMMON_FOLDED:
        norm = norm.replace(ch, _REPLACE[ch])
    for ch in present:
        norm = norm.replace(ch, _REPLACE[ch])
    if len(norm) == len(text):
        return norm, range(len(text)), []
    # the kept runs between dropped characters (one character each); in the normalised text run k + 1
    # starts where the first k + 1 runs end: the map's lead over the offsets grows by one there
    lens = list(map(len, _DROP_RE.split(text)))
    shifts = list(accumulate(lens[:-1]))
    return norm, ShiftedOffsets(shifts, len(norm), lens), shifts


def _normalise_slow(text: str) -> NormText:
    """``normalise`` for a text with characters the table did not cover when built (presentation forms,
    ligatures, other combining marks): those fold one by one (``_fold_any``: NFKC, then the table, so
    one may become several characters, each mapped to it), the runs between them as ``normalise`` does.
    """
    parts: list[str] = []
    idx: list[int] = []
    table = _TABLE
    pos = 0
    for m in _OUTSIDE_RUN_RE.finditer(text):
        if m.start() > pos:
            _append_run(text[pos:m.start()], pos, parts, idx)
        for i, ch in enumerate(m.group(), m.start()):
            r = table.get(ord(ch))
            if r is None:
                r = _fold_any(ch)
            parts.append(r)
            idx.extend(repeat(i, len(r)))
        pos = m.end()
    if pos < len(text):
        _append_run(text[pos:], pos, parts, idx)
    return NormText("".join(parts), idx, len(text))


def _append_run(run: str, offset: int, parts: list[str], idx: list[int]) -> None:
    """Fold a run of table characters that starts at ``offset`` onto ``parts`` and ``idx``."""
    norm, to_orig, _ = _fold_run(run, set(_RARE_FOLDED_RE.findall(run)))
    if isinstance(to_orig, ShiftedOffsets):
        to_orig = to_orig.as_list()
    parts.append(norm)
    idx.extend(map(offset.__add__, to_orig))
