"""A matcher keeps, per first word, the lengths of its phrases' tails longest first, up to date as
phrases are added (``match_at`` tries them in that order)."""
from __future__ import annotations

from marsad.lexicon.actors import actor_lexicon
from marsad.lexicon.cues import load_cues
from marsad.lexicon.sources import source_lexicon
from marsad.text.matcher import PhraseMatcher


def recounted(m: PhraseMatcher) -> dict:
    return {w: tuple(sorted({len(t) for t in tails}, reverse=True)) for w, tails in m._tails.items()}


def test_tail_lengths_of_every_shipped_matcher():
    matchers = [m for lex in (actor_lexicon(), load_cues(), source_lexicon())
                for m in vars(lex).values() if isinstance(m, PhraseMatcher)]
    assert len(matchers) >= 4
    for m in matchers:
        assert m._lens == recounted(m)


def test_tail_lengths_as_phrases_are_added():
    m = PhraseMatcher([("قوات النظام", 1), ("قوات", 2), ("قوات سوريا الديمقراطية", 3), ("قوات النظام", 4)])
    assert m._lens == recounted(m) == {"قوات": (2, 1, 0)}
    m.add("قوات الدفاع الوطني السوري", 5)
    assert m._lens["قوات"] == (3, 2, 1, 0)
