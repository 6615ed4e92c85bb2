"""Longest-match phrase lookup over tokens, clitic-aware on the first word.

Every lexicon (actors, sources, cues, places) compiles into a PhraseMatcher keyed by the
normalised words of its phrases, so وقوات النظام matches the entry قوات النظام.
"""
from __future__ import annotations

from itertools import chain, compress, filterfalse, repeat
from operator import attrgetter, itemgetter, not_
from typing import TYPE_CHECKING, Callable, Container, Generic, Iterable, Iterator, Mapping, Sequence, TypeVar

from ..records import Record
from .normalise import fold
from .segment import Token, word_forms

if TYPE_CHECKING:
    from ..doc import Doc

P = TypeVar("P")
_norm_of = attrgetter("norm")
_first = itemgetter(0)


class PhraseMatch(Record, Generic[P]):
    """A phrase found in a document's tokens; read-only by convention.

    Equal and hashed by its fields as a frozen dataclass is, but not frozen: a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__``, three times the cost of a plain one,
    and documents yield tens of thousands of matches per thousand articles. Written out rather than
    made by ``@dataclass`` (same init, equality, hash and repr), whose methods are compiled at every start.

    Fields: ``token_start``, ``token_end`` (exclusive), ``start`` and ``end`` (offsets in the original
    text, after any stripped proclitic), ``payload`` and ``key`` (the normalised phrase that matched)."""

    __slots__ = ("token_start", "token_end", "start", "end", "payload", "key")
    __match_args__ = _compared = __slots__

    def __init__(self, token_start: int, token_end: int, start: int, end: int, payload: P, key: str) -> None:
        self.token_start = token_start
        self.token_end = token_end
        self.start = start
        self.end = end
        self.payload = payload
        self.key = key

    def _fields(self) -> tuple:
        return self.token_start, self.token_end, self.start, self.end, self.payload, self.key

    def __hash__(self) -> int:
        return hash(self._fields())



class _StartsCache(dict):
    """word → the plan (``PhraseMatcher._plan``) of its clitic forms when any of them begins a phrase of
    one matcher, else None; filled on first sight.

    A token's forms are a function of its matching form alone, so the answer holds for every
    article: after a few articles the first-word test is one dict lookup per token, run in C by
    ``map``, and a token that passes it comes with what trying it needs. It stops growing at
    ``_STARTS_CACHE_MAX`` words (later new words are answered without being stored), so memory stays
    flat; it is rebuilt when the matcher's set of first words changes size (a phrase was added) and
    emptied with the matcher's plans. Not cleared when full: news vocabulary outgrows any such bound
    within a few thousand articles, and clearing then threw away the frequent words with the rare ones.
    """

    __slots__ = ("first_words", "size", "keys_view", "plan")

    def __init__(self, first_words: Container[str], plan: "Callable[[tuple[str, ...]], _Plan]") -> None:
        super().__init__()
        self.first_words = first_words
        self.size = len(first_words)  # type: ignore[arg-type]
        # a plain dict's live key view answers "does any form start a phrase" in one C call
        self.keys_view = first_words.keys() if type(first_words) is dict else None
        self.plan = plan

    def __missing__(self, word: str) -> "_Plan | None":
        forms = word_forms(word)
        keys = self.keys_view
        if keys is not None:
            hit = not keys.isdisjoint(forms)
        elif type(self.first_words) is LazyTails:
            hit = self.first_words.starts_any(forms)
        else:
            first_words = self.first_words
            hit = any(f in first_words for f in forms)
        plan = self.plan(forms) if hit else None
        if len(self) < _STARTS_CACHE_MAX:
            self[word] = plan
        return plan

    def fill(self, vocabulary: Iterable[str]) -> None:
        """Enter at once the words of ``vocabulary`` not yet known (what ``__missing__`` would, word by
        word): a document's new words are tested in C, ``map`` over their forms, and only the few that
        begin a phrase have their plan read in Python. Does nothing when they would not all fit."""
        new = list(filterfalse(self.__contains__, vocabulary))
        if not new or len(new) > _STARTS_CACHE_MAX - len(self):
            return
        forms = list(map(word_forms, new))
        keys = self.keys_view
        first_words = self.first_words
        starting = first_words.starting(set(chain.from_iterable(forms))) if type(first_words) is LazyTails else None
        if keys is not None:
            none = list(map(keys.isdisjoint, forms))
        elif starting is not None:
            none = list(map(starting.isdisjoint, forms))
        else:
            starts = first_words.starts_any if type(first_words) is LazyTails else (  # type: ignore[union-attr]
                lambda fs: any(f in first_words for f in fs))  # type: ignore[operator]
            none = [not starts(fs) for fs in forms]
        self.update(zip(compress(new, none), repeat(None)))
        some = list(map(not_, none))
        plan = self.plan
        for word, fs in zip(compress(new, some), compress(forms, some)):
            self[word] = plan(fs)


class _Plans(dict):
    """A matcher's plans by token forms; emptying it (a phrase was added) empties the per-word cache too."""

    __slots__ = ("words", "seconds", "generation")

    def __init__(self) -> None:
        super().__init__()
        self.words: dict | None = None  # the matcher's _StartsCache, whose entries hold these plans
        # first word → the second words of its phrases: a word's plan unites those of its forms, and many
        # words share a form (القريه، والقريه، بالقريه، للقريه: قريه), whose phrases are read once
        self.seconds: dict[str, frozenset[str]] = {}
        self.generation = 0  # how many times emptied: a ``MatcherGroup`` holding these plans checks it

    def clear(self) -> None:
        super().clear()
        self.seconds.clear()
        self.generation += 1
        if self.words is not None:
            self.words.clear()


_STARTS_CACHE_MAX = 50_000
_PLANS_MAX = 50_000  # distinct token forms whose plan a matcher keeps (later ones are read each time)
_Plan = tuple  # (steps, seconds, zero): see ``PhraseMatcher._plan``


_UNSEEN = object()


def _no_words() -> None:
    return None

_LAZY_MISSES_MAX = 100_000  # words known to start no name, remembered (then looked up again each time)


class LazyTails:
    """A matcher's ``first word → {remaining words: (name, name)}`` over names that are their own payload,
    built for a first word the first time a token asks for it (answering as ``dict.get`` would) from
    ``groups`` (first word → the folded, space-separated names it starts, in order); each build also
    fills the matcher's ``_lens``. The place matcher uses it: building all ~60,000 first words took a
    third of a second at every start, and an article asks for a few hundred. Words that start no name
    are remembered up to a bound, so memory stays flat."""

    __slots__ = ("_groups", "_lens", "_built", "_added", "_misses", "_hand")

    def __init__(self, groups: Mapping[str, Sequence[str]], lens: dict[str, tuple[int, ...]]) -> None:
        self._groups = groups
        self._lens = lens
        self._built: dict[str, dict[tuple[str, ...], tuple[object, str]] | None] = {}
        self._added = 0  # first words registered by hand (``add_words``) that start no gazetteer name
        self._misses = 0
        self._hand: set[str] | None = set()  # the words registered by hand (None: one was set to None)

    def get(self, word: str, default=None):
        tails = self._built.get(word, _UNSEEN)
        if tails is _UNSEEN:
            tails = self._build(word)
        return default if tails is None else tails

    def _build(self, word: str) -> dict[tuple[str, ...], tuple[object, str]] | None:
        names = self._groups.get(word)
        if names is None:
            if self._misses < _LAZY_MISSES_MAX:
                self._misses += 1
                self._built[word] = None
            return None
        tails: dict[tuple[str, ...], tuple[object, str]] = {}
        for name in names:
            rest = name.partition(" ")[2]
            tail = tuple(rest.split(" ")) if rest else ()
            if tail not in tails:
                tails[tail] = (name, name)
        self._built[word] = tails
        self._lens[word] = tuple(sorted({len(t) for t in tails}, reverse=True))
        return tails

    def __getitem__(self, word: str) -> dict[tuple[str, ...], tuple[object, str]]:
        tails = self.get(word)
        if tails is None:
            raise KeyError(word)
        return tails

    def __setitem__(self, word: str, tails: dict[tuple[str, ...], tuple[object, str]]) -> None:
        if word not in self:
            self._added += 1
        self._built[word] = tails
        if self._hand is not None:
            if tails is None:
                self._hand = None
            else:
                self._hand.add(word)

    def __contains__(self, word: object) -> bool:
        tails = self._built.get(word, _UNSEEN)  # type: ignore[arg-type]
        if tails is _UNSEEN:
            return word in self._groups
        return tails is not None

    def starts_any(self, forms: Iterable[str]) -> bool:
        """``any(f in self for f in forms)`` in one call (a new word's first-word test in a matcher)."""
        built, groups = self._built, self._groups
        for f in forms:
            tails = built.get(f, _UNSEEN)
            if tails is _UNSEEN:
                if f in groups:
                    return True
            elif tails is not None:
                return True
        return False

    def starting(self, forms: Iterable[str]) -> "set[str] | None":
        """Those of ``forms`` that start a name (each as ``starts_any`` answers for it), found in C; None
        when the groups offer no dict of their first words yet (then ask ``starts_any`` word by word)."""
        groups, hand = self._groups, self._hand
        words = groups if type(groups) is dict else getattr(groups, "loaded_words", _no_words)()
        if words is None or hand is None:
            return None
        hits = set(filter(words.__contains__, forms))
        if hand:  # first words registered by hand (a form is built, not None, exactly when it is one or a name's)
            hits.update(filter(hand.__contains__, forms))
        return hits

    def __len__(self) -> int:
        return len(self._groups) + self._added

    def __iter__(self):
        yield from self._groups
        yield from (w for w, t in list(self._built.items()) if t is not None and w not in self._groups)

    def values(self):
        return [self[w] for w in self]


class PhraseMatcher(Generic[P]):
    """Map normalised phrases to payloads; find the longest non-overlapping matches in tokens.

    Phrases are indexed by first word, then by the tuple of their remaining words, so trying a
    token costs one dict lookup per phrase length that starts with one of its forms.
    """

    def __init__(self, phrases: Iterable[tuple[str, P]] = ()) -> None:
        # first word → {remaining words: (payload, key)}; and the lengths of those tails, longest first
        self._tails: dict[str, dict[tuple[str, ...], tuple[P, str]]] = {}
        self._lens: dict[str, tuple[int, ...]] = {}
        # keyed by the first word of every phrase; a subclass with its own index points this at it
        self._first_words: Container[str] = self._tails
        self._starts: _StartsCache | None = None
        # a token's forms → what trying them needs (see ``_plan``); emptied whenever a phrase is added
        self._plans: dict[tuple[str, ...], _Plan] = _Plans()
        self._plans_of: object = self._tails  # the index the plans were read from
        self._max_len = 1
        for phrase, payload in phrases:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: P) -> None:
        words = tuple(fold(phrase).replace("-", " ").split())
        if not words:
            return
        tails = self._tails.setdefault(words[0], {})
        if words[1:] not in tails:  # first registration of a phrase wins
            tails[words[1:]] = (payload, " ".join(words))
            if self._plans:  # (a lexicon being loaded has read no plan yet: nothing to forget)
                self._plans.clear()
            lens = self._lens.get(words[0], ())
            if len(words) - 1 not in lens:  # the tail lengths, longest first (kept up to date, not recounted)
                self._lens[words[0]] = tuple(sorted(lens + (len(words) - 1,), reverse=True))
            self._max_len = max(self._max_len, len(words))

    def __len__(self) -> int:
        return sum(len(v) for v in self._tails.values())

    def __contains__(self, phrase: str) -> bool:
        words = tuple(fold(phrase).split())
        return bool(words) and words[1:] in self._tails.get(words[0], {})

    def _plan(self, forms: tuple[str, ...]) -> "_Plan":
        """What trying a token with these clitic forms needs, read from the index once per distinct forms:
        ``(steps, seconds, zero)``: ``steps`` the ``(form, tails, tail lengths)`` of the forms that start
        a phrase, surface first; ``seconds`` the words that may follow the token in a longer phrase;
        ``zero`` the ``(form, (payload, key), cut)`` of the first form that is a phrase by itself, or None,
        with ``cut`` the characters of the surface form (``forms[0]``) before that form's phrase begins
        (what ``_start`` finds: 0 when it begins with the word)."""
        plans = self._plans
        if self._plans_of is not self._tails:  # the index was replaced (``_PlaceMatcher.from_groups``)
            plans.clear()
            self._plans_of = self._tails
        plan = plans.get(forms)
        if plan is None:
            steps = []
            parts: list[frozenset[str]] = []
            zero = None
            tails_of = self._tails
            seconds_of = plans.seconds if type(plans) is _Plans else {}
            for form in forms:
                tails = tails_of.get(form)
                if tails is None:
                    continue
                lens = self._lens[form]
                steps.append((form, tails, lens))
                if zero is None and 0 in lens:
                    zero = (form, tails[()], _cut(forms[0], form))
                if lens[0] > 0:
                    seconds = seconds_of.get(form)
                    if seconds is None:
                        seconds = frozenset(map(_first, filter(None, tails)))
                        if len(seconds_of) < _PLANS_MAX:
                            seconds_of[form] = seconds
                    parts.append(seconds)
            plan = (tuple(steps), parts[0] if len(parts) == 1 else frozenset().union(*parts), zero)
            if len(plans) < _PLANS_MAX:
                plans[forms] = plan
        return plan

    def match_at(
        self, tokens: Sequence[Token], i: int, end: int | None = None, to_orig: Sequence[int] | None = None
    ) -> PhraseMatch[P] | None:
        """The longest phrase starting at token ``i`` (not crossing token ``end``).

        Forms of the token are tried surface first; a later form wins only with a longer phrase.
        ``to_orig`` (the document's normalised-to-original offset map) lets the match start
        after a stripped proclitic even when the original carries diacritics.
        """
        end = len(tokens) if end is None else end
        tok = tokens[i]
        steps, seconds, zero = self._plan(tok.forms)
        if not (i + 1 < end and tokens[i + 1].norm in seconds):
            # no longer phrase can start here (the next word begins none): the first one-word phrase, if any
            if zero is None:
                return None
            form, hit, _ = zero
            return PhraseMatch(i, i + 1, _start(tok, form, to_orig), tok.end, hit[0], hit[1])
        return _longest(tokens, None, i, end, to_orig, steps)

    def _starts_cache(self) -> _StartsCache:
        cache = self._starts
        fw = self._first_words
        if self._plans_of is not self._tails:  # the index was replaced (``_PlaceMatcher.from_groups``)
            self._plans.clear()
            self._plans_of = self._tails
        if cache is None or cache.first_words is not fw or cache.size != len(fw):  # type: ignore[arg-type]
            cache = self._starts = _StartsCache(fw, self._plan)
            self._plans.words = cache  # type: ignore[attr-defined]
        return cache

    def finditer(
        self, tokens: Sequence[Token], start: int = 0, end: int | None = None, to_orig: Sequence[int] | None = None
    ) -> Iterator[PhraseMatch[P]]:
        """Longest non-overlapping matches, left to right."""
        end = len(tokens) if end is None else end
        # cheap test first: most tokens start no phrase at all
        flags = map(self._starts_cache().__getitem__, [t.norm for t in tokens[start:end]])
        nxt = start
        match_at = self.match_at
        for i in compress(range(start, end), flags):
            if i < nxt:
                continue
            m = match_at(tokens, i, end, to_orig)
            if m is not None:
                yield m
                nxt = m.token_end

    def finditer_doc(self, doc: "Doc", sentence: int | None = None) -> Iterator[PhraseMatch[P]]:
        """``finditer`` over each sentence of ``doc`` (or one), in one pass over the whole text.

        ``match_at`` inlined: a document's tokens carry the clitic forms of their matching form
        (``word_forms``), so the per-word cache that tells whether a token starts a phrase also hands
        over its plan, and the words after it are read from ``doc.token_norms()``."""
        sents = doc.sentences
        if not sents:
            return
        if sentence is None:
            lo, hi = 0, sents[-1].token_end  # tokens after the last sentence belong to none
        else:
            lo, hi = sents[sentence].token_start, sents[sentence].token_end
        norms = doc.token_norms()
        cache = self._starts_cache()
        cache.fill(doc.token_vocabulary())
        plans = list(map(cache.__getitem__, norms[lo:hi] if (lo, hi) != (0, len(norms)) else norms))
        yield from _scan_plans(doc, norms, plans, lo, hi)


def _scan_plans(doc: "Doc", norms: list[str], plans: list, lo: int, hi: int) -> Iterator[PhraseMatch]:
    """The longest non-overlapping matches over tokens ``lo`` to ``hi`` of ``doc``, never across a sentence,
    given each token's plan there (``plans[i - lo]``, None for a token that starts no phrase)."""
    sents = doc.sentences
    tokens = doc.tokens
    to_orig = doc.norm.to_orig
    nxt = lo
    for i in compress(range(lo, hi), plans):
        if i < nxt:
            continue
        steps, seconds, zero = plans[i - lo]
        end = sents[tokens[i].sentence].token_end
        if not (i + 1 < end and norms[i + 1] in seconds):
            if zero is None:
                continue
            # the plan was read for the forms of ``norms[i]``, the token's own matching form: its cut is
            # the token's (``_start`` without a call)
            tok = tokens[i]
            cut = zero[2]
            hit = zero[1]
            m = PhraseMatch(i, i + 1, to_orig[tok.norm_start + cut] if cut else tok.start, tok.end, hit[0], hit[1])
        else:
            m = _longest(tokens, norms, i, end, to_orig, steps)
            if m is None:
                continue
        yield m
        nxt = m.token_end


class MatcherGroup:
    """Several phrase matchers run over the same documents (the cue lexicon's cues, blockers, clause
    breaks ...): what ``PhraseMatcher.finditer_doc`` gives for each, with one per-word cache for all.

    word → the tuple of its plans in each matcher (what each matcher's own per-word cache would hold),
    filled for a document's new words at once: a word is entered once, not once per matcher, and a
    document's tokens are looked up once; each matcher's plans are then a column of those tuples
    (``itemgetter``, in C). The cache is emptied when a matcher's phrases change (a phrase added, the
    index replaced), and stops growing at ``_STARTS_CACHE_MAX`` words (later new words are answered
    without being stored), so memory stays flat."""

    def __init__(self, matchers: Sequence[PhraseMatcher]) -> None:
        self.matchers = tuple(matchers)
        self._words = _GroupWords(self)
        self._state: tuple | None = None  # what the cached plans were read against
        self._columns = tuple(map(itemgetter, range(len(self.matchers))))

    def _caches(self) -> list[_StartsCache]:
        """Each matcher's per-word cache, brought up to date (``PhraseMatcher._starts_cache``); the group's
        words are forgotten when any matcher's index or plans changed since they were read."""
        caches = [m._starts_cache() for m in self.matchers]
        state = tuple((c.first_words, c.size, m._plans.generation if type(m._plans) is _Plans else None,
                       m._plans_of) for m, c in zip(self.matchers, caches))
        if state != self._state:
            self._words.clear()
            self._state = state
            # every matcher's first words at once, when all are plain dicts: one set tells the words that
            # begin no phrase of any
            fws = [m._first_words for m in self.matchers]
            self._words.firsts = frozenset().union(*fws) if all(type(fw) is dict for fw in fws) else None
        return caches

    def finditer_doc(self, doc: "Doc") -> list[Iterator[PhraseMatch]]:
        """Per matcher, in order, ``matcher.finditer_doc(doc)``."""
        sents = doc.sentences
        if not sents:
            return [iter(()) for _ in self.matchers]
        self._caches()
        words = self._words
        words.fill(doc.token_vocabulary())
        norms = doc.token_norms()
        hi = sents[-1].token_end  # tokens after the last sentence belong to none
        rows = list(map(words.__getitem__, norms[:hi] if hi != len(norms) else norms))
        return [_scan_plans(doc, norms, list(map(column, rows)), 0, hi) for column in self._columns]


class _GroupWords(dict):
    """A ``MatcherGroup``'s cache: word → its plans in each matcher (``_StartsCache`` for several)."""

    __slots__ = ("group", "none", "firsts")

    def __init__(self, group: MatcherGroup) -> None:
        super().__init__()
        self.group = group
        self.none = (None,) * len(group.matchers)  # the row of a word that starts no phrase of any
        self.firsts: frozenset[str] | None = None  # the first words of all the matchers (see ``_caches``)

    def _row(self, forms: tuple[str, ...], starts: Sequence[bool]) -> tuple:
        return tuple(m._plan(forms) if hit else None for m, hit in zip(self.group.matchers, starts))

    def __missing__(self, word: str) -> tuple:
        forms = word_forms(word)
        starts = [_starts_any(m._first_words, forms) for m in self.group.matchers]
        row = self._row(forms, starts) if any(starts) else self.none
        if len(self) < _STARTS_CACHE_MAX:
            self[word] = row
        return row

    def fill(self, vocabulary: Iterable[str]) -> None:
        """Enter at once the words of ``vocabulary`` not yet known (``_StartsCache.fill`` for the group):
        whether a word's forms begin a phrase is tested in C, matcher by matcher, and only the words that
        begin one have their plans read in Python. Does nothing when they would not all fit."""
        new = list(filterfalse(self.__contains__, vocabulary))
        if not new or len(new) > _STARTS_CACHE_MAX - len(self):
            return
        forms = list(map(word_forms, new))
        firsts = self.firsts
        if firsts is not None:  # most words begin no phrase of any matcher: one test each, in C
            some = list(map(not_, map(firsts.isdisjoint, forms)))
            self.update(zip(compress(new, map(not_, some)), repeat(self.none)))
            new, forms = list(compress(new, some)), list(compress(forms, some))
        starts = []
        for m in self.group.matchers:
            fw = m._first_words
            if type(fw) is dict:
                starts.append(list(map(not_, map(fw.keys().isdisjoint, forms))))
            else:
                starts.append([_starts_any(fw, fs) for fs in forms])
        rows_starts = list(zip(*starts))
        some = list(map(any, rows_starts))
        self.update(zip(compress(new, map(not_, some)), repeat(self.none)))
        row = self._row
        for word, fs, st in zip(compress(new, some), compress(forms, some), compress(rows_starts, some)):
            self[word] = row(fs, st)


def _starts_any(first_words: Container[str], forms: tuple[str, ...]) -> bool:
    """Whether one of ``forms`` begins a phrase of a matcher whose first words are ``first_words``
    (``_StartsCache.__missing__``'s test)."""
    if type(first_words) is dict:
        return not first_words.keys().isdisjoint(forms)
    if type(first_words) is LazyTails:
        return first_words.starts_any(forms)
    return any(f in first_words for f in forms)


def _cut(norm: str, form: str) -> int:
    """The characters of the word ``norm`` before a phrase whose first word is ``form`` (one of its clitic
    forms) begins: the stripped proclitic, 0 when the phrase begins with the word."""
    stem = form[2:] if form.startswith("ال") and not norm.endswith(form) else form
    return len(norm) - len(stem) if norm.endswith(stem) else 0


def _start(tok: Token, form: str, to_orig: Sequence[int] | None) -> int:
    """Where a phrase whose first word is ``form`` (a clitic form of ``tok``) starts in the original text:
    after the stripped proclitic."""
    cut = _cut(tok.norm, form)
    return (to_orig[tok.norm_start + cut] if to_orig is not None else tok.start + cut) if cut else tok.start


def _longest(tokens: Sequence[Token], norms: Sequence[str] | None, i: int, end: int, to_orig: Sequence[int] | None,
             steps: tuple) -> PhraseMatch | None:
    """The longest phrase starting at token ``i`` whose next word may continue one (``match_at``): the
    forms' ``steps`` of its plan tried surface first, a later form winning only with a longer phrase.
    ``norms`` (the tokens' matching forms, or None to read them off ``tokens``) gives the words after it."""
    best: PhraseMatch | None = None
    best_n = -1
    for form, tails, lens in steps:
        for n in lens:
            if n <= best_n:
                break
            if i + 1 + n > end:
                continue
            if n == 0:
                hit = tails.get(())
            elif n == 1:
                hit = tails.get((norms[i + 1] if norms is not None else tokens[i + 1].norm,))
            elif norms is not None:
                hit = tails.get(tuple(norms[i + 1:i + 1 + n]))
            else:
                hit = tails.get(tuple(map(_norm_of, tokens[i + 1:i + 1 + n])))
            if hit is not None:
                best = PhraseMatch(i, i + 1 + n, _start(tokens[i], form, to_orig), tokens[i + n].end, hit[0], hit[1])
                best_n = n
                break
    return best
