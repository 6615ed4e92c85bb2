"""Sentence and token segmentation with character offsets and clitic-free token forms."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .normalise import NormText

# Proclitics stack as: conjunction (و/ف), then preposition (ب/ل/ك), then the article (ال).
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_MIN_STEM = 3

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
# A sentence ends at a line break, or at . ! ? when not inside a number (3.5) and not an abbreviation dot.
_SENT_END_RE = re.compile(r"\n+|(?<!\d)[.!?؟](?!\d)[\"'»”)]*|(?<=\d)[.!?؟](?=\s|$)")


@dataclass(slots=True)
class Token:
    """A word: original offsets, its matching form, and its clitic-free forms (surface first)."""

    start: int
    end: int
    norm: str
    norm_start: int
    forms: tuple[str, ...] = field(default=())
    sentence: int = 0


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    token_start: int
    token_end: int


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


def tokenise(norm: NormText) -> list[Token]:
    """Words of the normalised text, each mapped back to original offsets."""
    tokens = []
    to_orig = norm.to_orig
    append = tokens.append
    for m in _TOKEN_RE.finditer(norm.text):
        s, e = m.span()
        word = m.group()
        append(Token(to_orig[s], to_orig[e - 1] + 1, word, s, clitic_forms(word) if not word.isascii() else (word,)))
    return tokens


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Split on line breaks and sentence-final punctuation; assign each token its sentence."""
    bounds = []
    pos = 0
    for m in _SENT_END_RE.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        if text[pos:end].strip():
            bounds.append((pos, end))
        pos = m.end()
    if text[pos:].strip():
        bounds.append((pos, len(text)))
    sentences = []
    ti = 0
    for si, (s, e) in enumerate(bounds):
        # trim surrounding whitespace so evidence quotes are clean
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        t0 = ti
        while ti < len(tokens) and tokens[ti].start < e:
            tokens[ti].sentence = si
            ti += 1
        sentences.append(Sentence(s, e, t0, ti))
    return sentences
