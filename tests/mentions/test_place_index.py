"""The place index is built lazily (per first word, per matched name): it must answer exactly as the
index built whole from every gazetteer name did."""
from __future__ import annotations

from marsad.geo.gazetteer import load_gazetteer
from marsad.mentions.places import (
    USAGE_DOUBT_SHARE, USAGE_MIN_USES, _Demonym, build_index, key_is_not_a_name, place_context,
)


def eager_tails(keys):
    """The specification: every name indexed by its first word, then by the tuple of its other words."""
    tails: dict[str, dict] = {}
    for key in keys:
        w0, _, rest = key.partition(" ")
        tails.setdefault(w0, {}).setdefault(tuple(rest.split(" ")) if rest else (), (key, key))
    return tails


def test_lazy_place_matcher_equals_the_whole_index():
    gaz = load_gazetteer()
    idx = build_index(gaz)
    m = idx.matcher
    expected = eager_tails(gaz.keys())
    for k, country in gaz.demonyms.items():
        words = tuple(k.split())
        expected.setdefault(words[0], {}).setdefault(words[1:], (_Demonym(country), " ".join(words)))
    assert len(m._first_words) == len(expected)
    for w, tails in expected.items():
        assert w in m._first_words
        assert m._tails.get(w) == tails, w
        assert m._lens[w] == tuple(sorted({len(t) for t in tails}, reverse=True))
    for word in ("قصفت", "xyz", "الطائرات"):
        assert (m._tails.get(word) is None) == (word not in expected) == (word not in m._first_words)
    assert m._max_len == max(len(t) for tails in expected.values() for t in tails) + 1


def test_common_words_are_decided_as_for_the_whole_index():
    gaz = load_gazetteer()
    idx, ctx = build_index(gaz), place_context()
    words = {k for k, (n, loc, _) in gaz.usage.items() if n >= USAGE_MIN_USES and (loc + 1) / (n + 3) < USAGE_DOUBT_SHARE}
    words |= {k for k in gaz.keys() if key_is_not_a_name(k, ctx)}
    assert all((k in idx.words) == (k in words) for k in list(gaz.keys()) + list(gaz.usage))
    assert 1000 < len(words) < 10_000 and "حلب" not in idx.words


def test_skeletons_of_many_keys_equal_one_by_one():
    """The spelling-variant index folds all keys at once; each skeleton is the one-by-one one (long vowels
    dropped after the first letter, the article ignored), also for a key holding the join separator."""
    from marsad.mentions.places import _skeleton, _skeletons

    keys = ["الميادين", "الميادن", "ابوكمال", "يبرود", "وادي", "ال", "", "ا", "اليرموك", "دير\x00الزور", "القوريه"]
    assert _skeletons(keys) == [_skeleton(k) for k in keys]
    assert _skeletons(keys[:2]) == ["مدن", "مدن"]  # الميادين ~ الميادن
    assert _skeletons(keys[:9]) == [_skeleton(k) for k in keys[:9]]  # no separator: the joined way
