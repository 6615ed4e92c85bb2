"""Longest-match phrase lookup over tokens, clitic-aware on the first word.

Every lexicon (actors, sources, cues, places) compiles into a PhraseMatcher keyed by the
normalised words of its phrases, so وقوات النظام matches the entry قوات النظام.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Container, Generic, Iterable, Iterator, Sequence, TypeVar

from .normalise import fold
from .segment import Token

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[P]):
    token_start: int
    token_end: int  # exclusive
    start: int  # offset in the original text (after any stripped proclitic)
    end: int
    payload: P
    key: str  # the normalised phrase that matched


class PhraseMatcher(Generic[P]):
    """Map normalised phrases to payloads; find the longest non-overlapping matches in tokens."""

    def __init__(self, phrases: Iterable[tuple[str, P]] = ()) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], P, str]]] = {}
        # keyed by the first word of every phrase; a subclass with its own index points this at it
        self._first_words: Container[str] = self._index
        self._max_len = 1
        for phrase, payload in phrases:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: P) -> None:
        words = tuple(fold(phrase).replace("-", " ").split())
        if not words:
            return
        key = " ".join(words)
        bucket = self._index.setdefault(words[0], [])
        for _tail, _, k in bucket:
            if k == key:
                return  # first registration of a phrase wins
        bucket.append((words[1:], payload, key))
        bucket.sort(key=lambda e: -len(e[0]))
        self._max_len = max(self._max_len, len(words))

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def __contains__(self, phrase: str) -> bool:
        words = tuple(fold(phrase).split())
        return any(k == " ".join(words) for _, _, k in self._index.get(words[0], ())) if words else False

    def match_at(
        self, tokens: Sequence[Token], i: int, end: int | None = None, to_orig: Sequence[int] | None = None
    ) -> PhraseMatch[P] | None:
        """The longest phrase starting at token ``i`` (not crossing token ``end``).

        ``to_orig`` (the document's normalised-to-original offset map) lets the match start
        after a stripped proclitic even when the original carries diacritics.
        """
        end = len(tokens) if end is None else end
        tok = tokens[i]
        best: PhraseMatch[P] | None = None
        for form in tok.forms:
            bucket = self._index.get(form)
            if not bucket:
                continue
            for tail, payload, key in bucket:
                n = len(tail)
                if i + 1 + n > end:
                    continue
                if best is not None and best.token_end - best.token_start >= n + 1:
                    break
                if all(tokens[i + 1 + k].norm == tail[k] for k in range(n)):
                    stem = form[2:] if form.startswith("ال") and not tok.norm.endswith(form) else form
                    cut = len(tok.norm) - len(stem) if tok.norm.endswith(stem) else 0
                    start = (to_orig[tok.norm_start + cut] if to_orig is not None else tok.start + cut) if cut else tok.start
                    best = PhraseMatch(i, i + 1 + n, start, tokens[i + n].end, payload, key)
                    break
        return best

    def finditer(
        self, tokens: Sequence[Token], start: int = 0, end: int | None = None, to_orig: Sequence[int] | None = None
    ) -> Iterator[PhraseMatch[P]]:
        """Longest non-overlapping matches, left to right."""
        end = len(tokens) if end is None else end
        # cheap test first: most tokens start no phrase at all
        first_words = self._first_words
        i = start
        while i < end:
            for form in tokens[i].forms:
                if form in first_words:
                    break
            else:
                i += 1
                continue
            m = self.match_at(tokens, i, end, to_orig)
            if m is None:
                i += 1
            else:
                yield m
                i = m.token_end
