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
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Container

from ..doc import Doc, Mention
from ..lexicon import DataFileError, load_yaml
from ..geo.gazetteer import Gazetteer, NameGroups, Place, haversine, is_big, load_gazetteer
from ..geo.resolve import (
    ADMIN1_CUES, ADMIN2_CUES, ADMIN3_CUES, AREA_CUES, CAMP_CUES, DIRECTION_ADJ, NEAR_CUES, TOWN_CUES,
    KIND_FIT, AnchorGrid, Candidate, Context, ResolvedPlace, country_focus, rank,
)
from ..text.matcher import LazyTails, PhraseMatch, PhraseMatcher, _start as _form_start
from ..text.normalise import fold
from ..text.segment import Token, word_forms

_PART_WIDE = frozenset({"احياء", "حي", "حيي", "الاحياء"})
_NATURAL_HEADS = frozenset({"وادي", "جبل", "جبال", "سهل", "تلال", "هضبه"})
_PART_NEAR = frozenset({"داخل", "وسط", "اطراف", "الاطراف", "ضواحي", "مداخل", "شوارع", "قلب"})
_NEAR_IMMEDIATE = NEAR_CUES | frozenset({"محيط"})
_KM = frozenset({"كيلومترا", "كيلومتر", "كيلومترات", "كلم", "كم", "كيلو", "ميلا", "اميال", "متر"})
_UNKNOWN_CUES = (TOWN_CUES | CAMP_CUES) - {"مدن", "قري"}
_PLURAL_CUES = frozenset({"مدينتي", "بلدتي", "قريتي", "بلدات", "قري", "مدن", "بلدتا", "قريتا", "مدينتا", "منطقتي", "مخيمي"})
# Words that follow بلدة/قرية but are not names.
_NOT_NAMES = frozenset({
    "في", "من", "علي", "الي", "عن", "التي", "الذي", "واحده", "اخري", "اخرى", "صغيره", "كبيره", "مجاوره", "قريبه",
    "حدوديه", "ثانيه", "جديده", "تابعه", "استراتيجيه", "سوريه", "عراقيه", "لبنانيه", "تركيه", "فلسطينيه",
    "معينه", "معين", "محدده", "محدد", "بعينها", "بعينه",  # "ببلدة معيّنة": a certain town
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
_CUES_ANY = TOWN_CUES | CAMP_CUES | ADMIN1_CUES | ADMIN2_CUES | ADMIN3_CUES | AREA_CUES | {"ريف"}
_NEAR_OR_PART = frozenset({"ريف"}) | NEAR_CUES | frozenset({"محيط", "داخل", "وسط", "اطراف", "الاطراف", "ضواحي", "مداخل",
                                                             "شوارع", "قلب", "وادي", "جبل", "جبال", "سهل", "تلال", "هضبه"})
_SKELETON_DROP = str.maketrans("", "", "اوي")
# Continents, regions across countries and water bodies (places_world.yaml): no populated place, named
# like a country (a proper name whose other uses, "أسواق أوروبا", "أمن الخليج العربي", are still the place)
WORLD_KINDS = frozenset({"continent", "world_region", "water"})
_BIG_KINDS = frozenset({"country", "governorate", "region"}) | WORLD_KINDS


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


USAGE_COUNT_VERSION = 4  # bump when the counting rule of locative_context changes


@dataclass(frozen=True)
class PlaceContext:
    """Folded word lists of ``places_context.yaml`` (see that file for what each list means)."""

    locative_weak: frozenset[str]
    locative_before: frozenset[str]
    locative_after: frozenset[str]
    not_place_before: frozenset[str]
    not_place_after: frozenset[str]
    not_names: frozenset[str]
    person_titles: frozenset[str]
    given_names: frozenset[str]
    speaker_verbs: frozenset[str]
    short_heads: frozenset[str]
    told_to: frozenset[str]
    age_words: frozenset[str]
    construct_nouns: frozenset[str]
    adjective_names: frozenset[str]
    territory_nouns: frozenset[str]
    prepositions: frozenset[str]
    world_region_names: frozenset[str]
    origin_people: frozenset[str]
    institution_nouns: frozenset[str]
    # the given names as written, final ى / ئ kept apart from ي (see ``spelling``): "على" is no "علي"
    given_spellings: frozenset[str] = frozenset()

    def locative_digest(self) -> str:
        """A hash of the lists that define a locative use: the usage statistics are stale when it changes."""
        import hashlib

        words = [USAGE_COUNT_VERSION, sorted(self.locative_weak), sorted(self.locative_before), sorted(self.locative_after)]
        return hashlib.sha256(repr(words).encode("utf-8")).hexdigest()


@lru_cache(maxsize=None)
def place_context(name: str = "places_context.yaml") -> PlaceContext:
    data = load_yaml(name)
    lists = {}
    for f in PlaceContext.__dataclass_fields__:
        if f == "given_spellings":
            continue
        words = data.get(f) if isinstance(data, dict) else None
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise DataFileError(f"{name}: '{f}' must be a list of words")
        lists[f] = frozenset(fold(w) for w in words)
    return PlaceContext(**lists, given_spellings=frozenset(spelling(w) for w in data["given_names"]))


# Final alif maqsura and ya-hamza fold to ya for matching, which merges words: the preposition على
# with the name علي, the adjective هادئ with the name هادي. Persian ی, at a word end in this corpus,
# stands for ى (علی مستوی).
_KEEP_YA = str.maketrans({"ى": "\ue000", "ی": "\ue000", "ئ": "\ue001"})
_BACK_YA = str.maketrans({"\ue000": "ى", "\ue001": "ئ"})


def spelling(word: str) -> str:
    """The folded form of a word as written, with ى and ئ kept apart from ي (على ≠ علي, هادئ ≠ هادي)."""
    return fold(unicodedata.normalize("NFKC", word).translate(_KEEP_YA)).translate(_BACK_YA)


def _has_bare(tok: Token, words: frozenset[str]) -> str | None:
    """A form of the token in ``words`` that keeps its article (بالمدينة → المدينة, never مدينة)."""
    forms = tok.forms
    for f in forms:
        if f in words and ("ال" + f not in forms or f == tok.norm):
            return f
    return None


def locative_context(doc: Doc, tok0: int, tok1: int, ctx: PlaceContext | None = None, clitic: bool = False) -> int:
    """How the name at tokens [tok0, tok1) is written: 2 as a place, 1 maybe as a place, 0 not.

    2 right after a place word, a direction or "near" (بمدينة حلب، ريف إدلب، قرب تدمر) or right
    before a direction or area (تدمر شرق حمص، دوما بريف دمشق); 1 after a preposition any noun may
    follow (في دوما، داخل السجن; with ``clitic`` also بالميادين, which the corpus counts leave out:
    "باللوم"، "بزخم" would make words look like places); within the sentence.
    """
    ctx = ctx or place_context()
    toks = doc.tokens
    sent = doc.sentences[toks[tok0].sentence]
    if tok0 > sent.token_start:
        prev = toks[tok0 - 1]
        if _has_bare(prev, ctx.locative_before):
            return 2
    if tok1 < sent.token_end and _has_bare(toks[tok1], ctx.locative_after):
        return 2  # "تدمر شرق حمص", "دوما بريف دمشق"; not "25 درجة بالشمال" (in the north)
    if tok0 > sent.token_start and _has_bare(toks[tok0 - 1], ctx.locative_weak):
        return 1
    if not clitic:
        return 0
    w = toks[tok0].norm
    if w[:1] == "و":
        w = w[1:]
    # بالميادين: in al-Mayadin; ببن قردان: in Ben Gardane (no clitic is peeled off a two-letter word)
    return 1 if w[:1] == "ب" and (w[1:] in toks[tok0].forms or w[1:] in ctx.short_heads) else 0


def blocked_context(doc: Doc, tok0: int, ctx: PlaceContext | None = None, country: bool = False,
                    after_place: bool = False) -> str | None:
    """The word before the name when it makes the name a person, team, paper or government
    ("الرئيس عون", "نادي برشلونة", "حكومة بغداد", "أعلنت موسكو", "محمد الحلبي", "علي الأحمدي"), else None.

    A given name is read in the original spelling: "على تدمر" (the preposition, spelled with ى)
    and "الهادئ" (calm) fold to the names علي and هادي, yet block nothing. Nor does it block a
    family name that cannot be one: after punctuation ("بن علي، بحي العنود"), after a given name that
    ends a place name (``after_place``: "جبل علي ونابولي", "دار سعد وكريتر"), with a preposition and
    the article ("بن علي بالدمام"), or a ``country`` (a family name says المصري, not مصر:
    "العقوبات علي إيران" is the preposition spelled with ي).
    """
    ctx = ctx or place_context()
    toks = doc.tokens
    if tok0 <= doc.sentences[toks[tok0].sentence].token_start:
        return None
    prev = toks[tok0 - 1]
    hit = _has_bare(prev, ctx.not_place_before)
    if hit:
        return hit
    if not ctx.speaker_verbs.isdisjoint(prev.forms[:2]):
        return prev.norm  # "أعلنت موسكو", "نسبته أنقرة": the government speaking
    name = _has_bare(prev, ctx.given_names)
    if name is None or country or after_place or doc.text[prev.end:toks[tok0].start].strip():
        return None
    w = toks[tok0].norm
    if w[:1] == "و":
        w = w[1:]
    if w[:3] in ("بال", "لل") and len(w) > 4:
        return None  # "بن علي بالدمام": a preposition
    written = spelling(doc.text[prev.start:prev.end])
    stem = written[len(written) - len(name):]  # clitics are prefixes: وعلي → علي
    return name if stem in ctx.given_spellings else None


_QUOTED = re.compile(r"^[\sـ]*[\"«“'ـ]")


_OPEN_QUOTES, _CLOSE_QUOTES = "«\"“'", "»\"”'"


def _quoted_alone(doc: Doc, start: int, end: int) -> bool:
    """The name is all that stands between quotes: «الشرق الأوسط», "الخليج" (a title)."""
    before = doc.text[max(0, start - 2):start].rstrip("ـ ")
    after = doc.text[end:end + 2].lstrip("ـ ")
    return bool(before) and before[-1] in _OPEN_QUOTES and bool(after) and after[0] in _CLOSE_QUOTES


def _continues_blocked_name(doc: Doc, tok0: int, key: str, ctx: PlaceContext) -> bool:
    """The name is the second word of a name that a word of ``not_place_before`` heads, with nothing between:
    "وكالة تونس أفريقيا", "فريق ستيوا بوخارست", "نادي ريال مدريد" (a club, an agency, not a place). Not
    after a preposition or a direction ("فريق إلى لندن", "فريق شمال لندن"), nor written with a proclitic
    ("فريق الإنقاذ بحلب": in Aleppo)."""
    toks = doc.tokens
    k = tok0 - 2
    if k < doc.sentences[toks[tok0].sentence].token_start or toks[tok0].norm != key.split(" ", 1)[0]:
        return False
    prev, head = toks[tok0 - 1], toks[k]
    if doc.text[head.end:toks[tok0].start].split() != [doc.text[prev.start:prev.end]]:
        return False  # punctuation between: "صحيفة الحياة، لندن"
    if not ctx.prepositions.isdisjoint(prev.forms) or prev.norm[:1] == "ل":
        return False  # "فريق في تونس", "نادي لخدمة الرياض"
    return bool(_has_bare(head, _NAME_HEADS))


# Heads of the names of clubs, teams, papers, agencies and channels, which run over two words ("نادي ريال
# مدريد", "وكالة تونس أفريقيا"); not a person's title, whose second word is an office of the place ("رئيس بلدية
# صيدا", "وزير خارجية إيران": the place itself)
_NAME_HEADS = frozenset({"نادي", "النادي", "فريق", "صحيفه", "جريده", "مجله", "قناه", "وكاله", "شبكه"})


def told_to(doc: Doc, tok0: int, ctx: PlaceContext | None = None) -> bool:
    """The name is the paper or channel a source spoke to: a lone ل, then a quote or a tatweel
    ('وقالت مصادر محلية ل"الرياض"', 'لـ«الشرق الأوسط»')."""
    ctx = ctx or place_context()
    toks = doc.tokens
    if tok0 <= doc.sentences[toks[tok0].sentence].token_start or toks[tok0 - 1].norm not in ctx.told_to:
        return False
    return bool(_QUOTED.match(doc.text[toks[tok0 - 1].end:toks[tok0].start + 1]))


_AGE = re.compile(r"\s*(?:[^\s()]+\s+){0,2}\(\s*([0-9٠-٩]{1,3})\s*([^\s()]+)\s*\)")


def age_after(doc: Doc, tok1: int, ctx: PlaceContext | None = None) -> bool:
    """An age in brackets within two words after the name: a person ("صالح حسين بارجه (22 عاما)")."""
    ctx = ctx or place_context()
    toks = doc.tokens
    if tok1 >= len(toks) or toks[tok1].sentence != toks[tok1 - 1].sentence:
        return False
    m = _AGE.match(doc.text, toks[tok1 - 1].end, min(len(doc.text), toks[tok1 - 1].end + 60))
    return bool(m) and fold(m.group(2)) in ctx.age_words


def construct_noun(doc: Doc, key: str, tok0: int, tok1: int, ctx: PlaceContext | None = None) -> bool:
    """A bare name of ``construct_nouns`` followed by a definite noun is that noun in a construct ("حماة الوطن":
    the nation's protectors; "حماة المتهم": the accused's mother-in-law), not the city. A direction, a word
    that locates ("المجاورة"), a nationality adjective or a weekday after it, or في before it, keep the city."""
    from ..lexicon.calendar import calendar

    ctx = ctx or place_context()
    toks = doc.tokens
    if key not in ctx.construct_nouns or tok1 >= len(toks) \
            or toks[tok1].sentence != toks[tok0].sentence or doc.text[toks[tok1 - 1].end:toks[tok1].start].strip():
        return False
    nxt = toks[tok1].norm
    if not nxt.startswith("ال") or nxt in DIRECTION_ADJ or nxt in ctx.not_names or nxt in calendar().weekdays:
        return False
    if nxt in place_index().gaz.demonyms or nxt[2:] in place_index().gaz.demonyms:
        return False  # "حماة السورية"
    return not locative_context(doc, tok0, tok1, ctx)


def ordinal_after(doc: Doc, tok1: int, ctx: PlaceContext | None = None) -> bool:
    """An ordinal right after the name ("الباب الثالث"): a common noun, not a place."""
    ctx = ctx or place_context()
    toks = doc.tokens
    return tok1 < len(toks) and toks[tok1].sentence == toks[tok1 - 1].sentence and toks[tok1].norm in ctx.not_place_after


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
        self.add_words(tuple(fold(phrase).replace("-", " ").split()), payload)

    def add_words(self, words: tuple[str, ...], payload) -> None:
        """Register an already folded phrase, split into words (first registration wins)."""
        if not words:
            return
        tails = self._tails.get(words[0])
        if tails is None:
            tails = self._tails[words[0]] = {}
        if words[1:] not in tails:
            tails[words[1:]] = (payload, " ".join(words))
            self._plans.clear()
            lens = self._lens.get(words[0], ())
            if len(words) - 1 not in lens:
                self._lens[words[0]] = tuple(sorted(lens + (len(words) - 1,), reverse=True))
            if len(words) > self._max_len:
                self._max_len = len(words)

    @classmethod
    def from_groups(cls, groups: NameGroups) -> "_PlaceMatcher":
        """A matcher over folded names grouped by first word (``Gazetteer.name_groups``), each name its own
        payload; a first word's names are indexed the first time a token asks for them (``LazyTails``)."""
        m = cls()
        m._tails = m._first_words = LazyTails(groups, m._lens)  # type: ignore[assignment]
        m._max_len = getattr(groups, "max_words", None) or 1 + max(
            (k.count(" ") for names in groups.values() for k in names), default=0)  # type: ignore[union-attr]
        return m

    def __len__(self) -> int:
        return sum(len(v) for v in self._tails.values())

    def __contains__(self, phrase: str) -> bool:
        words = tuple(fold(phrase).split())
        return bool(words) and words[1:] in self._tails.get(words[0], {})


@dataclass
class _Index:
    gaz: Gazetteer
    matcher: PhraseMatcher
    _skeleton: dict[str, list[str]] | None = None  # built on first use: see ``skeleton``
    words: Container[str] = frozenset()  # names the corpus uses as ordinary words: a place only after a place word
    needs: dict[str, int] = field(default_factory=dict)  # see _needs

    @property
    def skeleton(self) -> dict[str, list[str]]:
        """Consonant skeleton → the one-word keys that have it (spelling variants of unknown names).

        Built the first time a name after بلدة / قرية is missing from the gazetteer, not at start-up:
        folding every key into its skeleton is a fifth of the index's build time.
        """
        if self._skeleton is None:
            keys = [key for key in self.gaz.keys() if len(key) >= 5 and " " not in key]
            skel: dict[str, list[str]] = defaultdict(list)
            for sk, key in zip(_skeletons(keys), keys):
                skel[sk].append(key)
            self._skeleton = dict(skel)
        return self._skeleton


def _skeletons(keys: list[str]) -> list[str]:
    """``[_skeleton(k) for k in keys]`` with the long vowels dropped from all keys at once: the keys' tails
    joined into one string, three ``str.replace`` over it, split again (a third of a second saved on the
    first unknown name of a run, over ~100,000 keys). Keys holding the separator take the one-by-one way."""
    bare = [k[2:] if k.startswith("ال") else k for k in keys]
    tails = "\x00".join(b[1:] for b in bare)
    for vowel in "اوي":
        tails = tails.replace(vowel, "")
    parts = tails.split("\x00")
    if len(parts) != len(keys):
        return [_skeleton(k) for k in keys]
    return [b[:1] + t for b, t in zip(bare, parts)]


@lru_cache(maxsize=None)
def place_index() -> _Index:
    """Matchers over every gazetteer name, built once per process.

    The ~100,000 long-lived index objects are then frozen out of the garbage collector
    (``gc.freeze``): otherwise every full collection walks them, which made place finding
    several times slower.
    """
    import gc

    idx = build_index(load_gazetteer())
    gc.freeze()
    return idx


def build_index(gaz: Gazetteer) -> _Index:
    """The name matcher and spelling-variant index of a gazetteer (also used by the build's usage count)."""
    matcher = _PlaceMatcher.from_groups(gaz.name_groups())
    for k, v in gaz.demonyms.items():  # after the places: سورية stays the country name
        matcher.add(k, _Demonym(v))
    return _Index(gaz, matcher, None, _CommonWords(gaz, place_context()))


class _CommonWords:
    """``_Index.words``: the names the corpus seldom writes as places (usage statistics) and those that
    are never a name by themselves (``key_is_not_a_name``). Decided for a name the first time it is
    matched, not for all ~100,000 names at every start; no more answers are kept than there are names."""

    __slots__ = ("_gaz", "_ctx", "_seen")

    def __init__(self, gaz: Gazetteer, ctx: PlaceContext) -> None:
        self._gaz = gaz
        self._ctx = ctx
        self._seen: dict[str, bool] = {}

    def __contains__(self, key: object) -> bool:
        word = self._seen.get(key)  # type: ignore[arg-type]
        if word is None:
            n, loc, _ = self._gaz.usage.get(key, (0, 0, 0))  # type: ignore[arg-type]
            word = (n >= USAGE_MIN_USES and (loc + 1) / (n + 3) < USAGE_DOUBT_SHARE
                    or key in self._gaz.keys() and key_is_not_a_name(key, self._ctx))  # type: ignore[arg-type]
            if len(self._seen) < len(self._gaz.keys()):
                self._seen[key] = word  # type: ignore[index]
        return word


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
    list_cue: bool = False  # named after a plural area word (محافظتي، محافظات) that also covers the names listed next
    doubt: bool = False  # mostly a word in the corpus: kept only if the article's other places support it
    proclitic: str = ""  # peeled off a word that is itself another place's name (``_stripped_reading``)
    natural: bool = False  # after a mountain or valley word (جبل، وادي): named as a place, maybe unknown
    home: str | None = None  # made unknown for having places only abroad: placed only in this country's areas
    town: Place | None = None  # made unknown as a quarter of this town, named later in its sentence


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


_CUE_KIND = {}
for _kind, _cues in (("area", AREA_CUES), ("admin3", ADMIN3_CUES), ("admin2", ADMIN2_CUES), ("admin1", ADMIN1_CUES),
                     ("camp", CAMP_CUES), ("town", TOWN_CUES)):  # later kinds win, as in the order of checks
    _CUE_KIND.update(dict.fromkeys(_cues, _kind))
_CUE_RANK = {"town": 0, "camp": 1, "admin1": 2, "admin2": 3, "admin3": 4, "area": 5}


def _cue_of(tok: Token) -> str | None:
    """The kind of place word this token is (بمدينة → town, محافظة → admin1), without the article."""
    best = None
    forms = tok.forms
    for f in forms:
        kind = _CUE_KIND.get(f)
        if kind is not None and ("ال" + f) not in forms and (best is None or _CUE_RANK[kind] < _CUE_RANK[best]):
            best = kind
    return best


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
    coordinated = toks[raw.tok0].norm[:1] == "و" and toks[raw.tok0].norm[1:] in toks[raw.tok0].forms
    if raw.qualifier is None and i >= s0 and not (coordinated and i == raw.tok0 - 1):
        t = toks[i]
        if _has_form(t, _PART_NEAR):
            raw.qualifier = "part_of"
        elif _bare_cue(t, _NATURAL_HEADS):
            raw.qualifier = "near"  # وادي خبش، جبل الشيخ: a valley or mountain named after the village
            raw.natural = True
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


# How the corpus uses a name decides whether a bare mention of it (no place word before it) is a place.
USAGE_MIN_USES = 5  # fewer uses than this: too rare to judge, the name is taken as a place
USAGE_PLACE_SHARE = 0.25  # a name written as a place at least this often is a place anywhere
USAGE_LOCAL_SHARE = 0.04  # ... at least this often, only where this mention is written as a place
USAGE_STRONG_SHARE = 0.03  # a village name must sometimes follow a place word (مدينة X) or precede a direction
SHORT_PEELED_LETTERS = 3  # a small place's name this short, read off a word by peeling one proclitic, is no place
USAGE_COUNTRY_MIN_USES = 30  # a country or capital needs this many uses for its low share to be trusted
USAGE_DOUBT_SHARE = 0.02  # below this a bare name is a word; above, the article's other places decide
USAGE_WORD_AFTER_CUE = 0.1  # even after مدينة/بلدة: "مدينة صناعية" (an industrial city) is no place
BIG_PLACE_POP = 100_000
DOUBT_SUPPORT_KM = 150.0
LISTED_ANCHOR_KM = 50.0  # a village this close to a place the article names is no homonym of a listed town's area
_TANWEEN = frozenset("\u064b\u064c\u064d")


def usage_verdict(gaz: Gazetteer, key: str, cands: list[Place], local: int) -> tuple[str, str]:
    """Is a bare name (no place word before it) a place here? ("place" | "doubt" | "word", why).

    ``local`` is how this mention itself is written (:func:`locative_context`: 2 as a place, 1 after
    في). Big places (capitals, governorate seats, countries, areas) need less evidence than
    villages, and a village needs strong uses (مدينة X، X شرق Y), not only "في X", which any noun
    takes (في موقع). A "doubt" is kept only when the article's other places support it.
    """
    n, loc, strong = gaz.usage_of(key)
    if n < USAGE_MIN_USES:
        return "place", "rarely used word"
    share, sshare = (loc + 1) / (n + 3), (strong + 0.5) / (n + 3)
    why = f"{share:.0%} of {n} corpus uses are as a place ({sshare:.0%} with a place word)"
    if not _all_small(cands):
        if share >= USAGE_PLACE_SHARE / 2:
            return "place", why
        if " " in key and all(p.kind == "country" for p in cands):
            return "place", why + ", a country's full name"  # "الجمهورية التونسية", "العربية السعودية"
        if " " in key and all(p.kind in WORLD_KINDS for p in cands):
            return "place", why + ", a sea's or region's full name"  # "البحر الأحمر", "الشرق الأوسط"
        if n >= USAGE_COUNTRY_MIN_USES and share >= USAGE_LOCAL_SHARE and any(
                p.kind == "country" or p.kind in WORLD_KINDS or p.feature_code == "PPLC" for p in cands):
            # a country or a capital is a proper name: its other uses are as a subject or an owner ("رفضت
            # إيران", "سفير إيران لدى"), still the country (a government speaking is told apart by
            # ``blocked_context``, a nationality adjective by ``adjective_use``)
            return "place", why + ", a country or capital"
        if local and share >= USAGE_DOUBT_SHARE and (loc or local == 2):
            # a name the corpus never writes as a place needs a place word: "بلومه" is "by blaming him"
            return "place", why + ", and this one is written as a place"
        return ("doubt" if share >= USAGE_DOUBT_SHARE else "word"), why
    if share >= USAGE_PLACE_SHARE and sshare >= USAGE_STRONG_SHARE:
        return "place", why
    if key.count(" ") >= 2 and share >= USAGE_PLACE_SHARE / 2 and sshare >= USAGE_STRONG_SHARE \
            and not any(p.kind == "camp" for p in cands):  # a base is named as the launch site too ("قاعدة إنجرليك الجوية")
        return "place", why + ", a name of three words"  # "وساقية سيدي يوسف": seldom anything but the town
    if sshare >= USAGE_STRONG_SHARE and (local == 2 and share >= USAGE_LOCAL_SHARE or local == 1
                                         and share >= 2 * USAGE_LOCAL_SHARE):
        return "place", why + ", and this one is written as a place"
    if share >= 2 * USAGE_LOCAL_SHARE and sshare >= USAGE_STRONG_SHARE:
        return "doubt", why
    return "word", why


def _seldom_named_capital(gaz: Gazetteer, key: str, cands: list[Place]) -> bool:
    """A capital (or a continent or sea) the corpus names fewer than ``USAGE_COUNTRY_MIN_USES`` times."""
    return gaz.usage_of(key)[0] < USAGE_COUNTRY_MIN_USES and any(
        p.feature_code == "PPLC" or p.kind in WORLD_KINDS for p in cands)


def _needs(idx: "_Index", key: str) -> int:
    """How a bare mention of ``key`` must at least be written to be kept (0 anyhow, 1 after في, 2
    after a place word, 3 never): :func:`usage_verdict` on all its places, cached per key."""
    need = idx.needs.get(key)
    if need is None:
        cands = idx.gaz.lookup_key(key)
        need = next((lv for lv in (0, 1, 2) if usage_verdict(idx.gaz, key, cands, lv)[0] != "word"), 3)
        idx.needs[key] = need
    return need


def key_is_not_a_name(key: str, ctx: PlaceContext) -> bool:
    """A one-word name that is a title, a given name or a generic place noun (الملك، محمد، الحي) is never
    a place by itself, nor a longer one that starts with a title (الملك فهد)."""
    if " " in key:
        return key.split(" ", 1)[0] in ctx.person_titles  # الملك عبدالعزيز، الأمير سلطان
    return key in ctx.not_place_before or key in ctx.given_names or key in ctx.not_names


def _joined(doc: Doc, a: _Raw, b: _Raw) -> bool:
    """b follows a in a list: "حلب والباب"، "حلب، الباب" (not "صيف ينبع")."""
    return doc.tokens[b.tok0].norm[:1] == "و" or "،" in doc.text[a.end:b.start] or "," in doc.text[a.end:b.start]


def _support_doubts(doc: Doc, gaz: Gazetteer, raws: list[_Raw], weights: dict[str, float]) -> list[_Raw]:
    """Keep a doubtful name (mostly a word in the corpus) only when the article backs it as a place:
    listed with a place ("حلب والباب"), or a same-name place in a country the article names lies
    near a place the article names without doubt (الميادين in a Deir ez-Zor story, not in
    "الشوارع والميادين" in a Cairo one). A big town read without its "ب" ("بنابل": in Nabeul) is also
    backed by lying in the article's country; a name read without
    its "و" ("وجدة": and Jeddah) only by a list. Its candidates shrink to the supported ones."""
    sure = [r for r in raws if not r.doubt and not r.unknown and not r.dateline]
    if not any(r.doubt for r in raws):
        return raws
    anchors = [p for r in sure for p in r.cands if p.kind != "country" and len({q.country_code for q in r.cands}) == 1]
    focus = country_focus(weights)
    out = []
    for r in raws:
        if not r.doubt:
            out.append(r)
            continue
        listed = any(r2.sent == r.sent and (r2.tok1 == r.tok0 and _joined(doc, r2, r) or r2.tok0 == r.tok1
                                            and _joined(doc, r, r2)) for r2 in sure)
        if r.proclitic and not _LOCATIVE_PROCLITICS.intersection(r.proclitic):
            near = []  # "وجده أهله" (his family found him): only a list makes "و" + a name "and Jeddah"
        else:
            near = [p for p in r.cands if weights.get(p.country_code, 0) > 0 and any(
                haversine(p.lat, p.lon, a.lat, a.lon) < (DOUBT_SUPPORT_KM if is_big(p) else DOUBT_SUPPORT_KM / 5)
                for a in anchors if a.country_code == p.country_code and a is not p)]
            if r.proclitic and not near and focus:
                # "الإدارة الجهوية للتجارة بنابل" in a Tunisian paper: "in" a town of the article's country
                near = [p for p in r.cands if p.country_code == focus and is_big(p)]
        owner = all(p.kind == "country" for p in r.cands) and any(
            r2.sent == r.sent and r2.tok1 == r.tok0 and not doc.text[r2.end:r.start].strip() for r2 in sure)
        if near:
            r.cands = near
            r.reasons.append("supported by the places around it")
            out.append(r)
        elif owner:
            r.reasons.append("the country of the place named right before it (كردستان إيران)")
            out.append(r)
        elif listed:
            r.reasons.append("listed with a place")
            out.append(r)
    return out


def _all_small(cands: list[Place]) -> bool:
    """No candidate is a big place (a city of 100,000, a capital or governorate seat, a country,
    governorate or named region, a continent, world region or sea): a sub-district named after its town
    does not make it big."""
    return all((p.population < BIG_PLACE_POP or p.is_admin) and p.kind not in _BIG_KINDS
               and p.feature_code not in ("PPLC", "PPLA") for p in cands)


_BORDER_WORDS = frozenset({"الحدود", "حدود", "الحدوديه", "الحدودي", "حدوديه", "حدودي", "الشريط", "المحاذيه", "المحاذي",
                           "المتاخمه", "المتاخم"})


def _across_border(doc: Doc, r: _Raw, other: _Raw) -> bool:
    """"X على الحدود مع Y", "X الحدودية مع Y": Y, after "مع" and a border word, is X's neighbour."""
    toks = doc.tokens
    k = other.span_tok0 - 1
    if k > r.tok1 and not _CUES_ANY.isdisjoint(toks[k].forms):
        k -= 1  # "الحدودية مع محافظة كركوك"
    if k < r.tok1 or toks[k].norm != "مع":
        return False
    return any(_has_form(toks[j], _BORDER_WORDS) for j in range(r.tok1, k))


def _directly_in(doc: Doc, r: _Raw, other: _Raw) -> bool:
    """``other`` follows ``r`` as the place it lies in: "X بY", "X في Y", "X بمحافظة Y", "X في مدينة Y"."""
    toks = doc.tokens
    k = other.tok0
    if k - 1 >= r.tok1 and _cue_of(toks[k - 1]):
        k -= 1  # the place word before the name
    if k == r.tok1:
        w = toks[k].norm
        return w[:1] == "ب" and w[1:] in toks[k].forms
    return k == r.tok1 + 1 and toks[r.tok1].norm == "في"


def _coordinated(doc: Doc, r: _Raw) -> bool:
    """The mention starts with the conjunction و ("وجدة"، "وريف حماة"), not a name's own و (واسط، وادي السير)."""
    w = doc.tokens[r.span_tok0].norm
    return w[:1] == "و" and (r.span_tok0 != r.tok0 or not r.key.startswith("و"))


def _in_country(doc: Doc, r: _Raw, country: _Raw) -> bool:
    """"X في الكويت" / "X بالكويت" / "X، الكويت" / "كردستان إيران": the country right after the name is where
    it lies (a country in construct after a region's name is its owner: "كردستان إيران" is Iran's Kurdistan)."""
    gap = country.tok0 - r.tok1
    if gap == 0:
        between = doc.text[r.end:country.start]
        return (country.start > 0 and doc.text[country.start - 1] in "بو،," or "في" in between
                or not between.strip() and country.span_tok0 == country.tok0)
    return gap == 1 and doc.tokens[r.tok1].norm == "في"


_SHORT_HEAD_CLITICS = ("و", "ب", "ف", "وب", "فب")  # not ل: "لبن" is milk, "لأم" for a mother
_CLITIC_LETTERS = frozenset("وفبل")
_LOCATIVE_PROCLITICS = frozenset("بل")  # "بنابل" is "in Nabeul"; "و" / "ف" say nothing of place


def _matches(doc: Doc, idx: _Index, pctx: PlaceContext) -> list[PhraseMatch]:
    """The name matches of the article, left to right: the shared matcher's, plus names whose two-letter
    first word carries a proclitic (``_short_head_matches``: "ببن قردان", "وتل رفعت"), which the
    tokeniser leaves unpeeled (it peels no clitic off a word shorter than three letters)."""
    found = list(doc.match(idx.matcher))
    extra = _short_head_matches(doc, idx, pctx)
    if not extra:
        return found
    keep = []
    for e in extra:
        if any(m.token_start <= e.token_start and m.token_end >= e.token_end for m in found):
            continue  # a longer name already holds these words
        found = [m for m in found if m.token_end <= e.token_start or m.token_start >= e.token_end]
        keep.append(e)
    return sorted(found + keep, key=lambda m: m.token_start)


def _short_head_matches(doc: Doc, idx: _Index, pctx: PlaceContext) -> list[PhraseMatch]:
    """Names of two words or more whose first word is a short head (``short_heads``: تل، أم، بن، ذي)
    written with a proclitic: "ببن قردان" (in Ben Gardane), "وتل رفعت", "بأم قصر"."""
    heads = _short_head_forms(pctx.short_heads)
    toks = doc.tokens
    norms = doc.token_norms()
    out = []
    for i in [k for k, w in enumerate(norms) if w in heads]:
        stem = heads[norms[i]]
        tails = idx.matcher._tails.get(stem)
        if not tails:
            continue
        end = doc.sentences[toks[i].sentence].token_end
        for n in idx.matcher._lens.get(stem, ()):
            if n == 0 or i + 1 + n > end:
                continue
            hit = tails.get(tuple(norms[i + 1:i + 1 + n]))
            if hit is not None:
                out.append(PhraseMatch(i, i + 1 + n, _stem_start(doc, toks[i], stem), toks[i + n].end, hit[0], hit[1]))
                break
    return out


@lru_cache(maxsize=4)
def _short_head_forms(heads: frozenset[str]) -> dict[str, str]:
    """Written form → short head: وتل → تل, ببن → بن."""
    return {c + h: h for h in heads for c in _SHORT_HEAD_CLITICS}


_DIRECTION_WORDS = frozenset({"شرقي", "غربي", "شمالي", "جنوبي"})


def _ends_in_direction(doc: Doc, idx: _Index, m: PhraseMatch) -> bool:
    """A name of two words or more whose last word is a bare direction ("east of") followed right away by
    a place name ("الباب شرقي حلب"): the direction locates the first words relative to that place. Not
    شرق alone, which ends names ("القنطرة شرق", "سوق شرق")."""
    if m.token_end - m.token_start < 2 or m.key.rpartition(" ")[2] not in _DIRECTION_WORDS:
        return False
    toks = doc.tokens
    j = m.token_end
    if j >= doc.sentences[toks[j - 1].sentence].token_end or doc.text[toks[j - 1].end:toks[j].start].strip():
        return False
    nxt = toks[j]
    return nxt.norm[:1] != "و" and any(idx.matcher._tails.get(f) for f in nxt.forms)


def _shorter_match(doc: Doc, idx: _Index, m: PhraseMatch) -> PhraseMatch | None:
    """The longest name shorter than ``m`` that starts at its first token (any clitic form), or None."""
    toks = doc.tokens
    i = m.token_start
    norms = doc.token_norms()
    for n in range(m.token_end - i - 1, 0, -1):
        rest = tuple(norms[i + 1:i + n])
        for form in toks[i].forms:
            tails = idx.matcher._tails.get(form)
            hit = tails.get(rest) if tails else None
            if hit is not None and not isinstance(hit[0], _Demonym):
                return PhraseMatch(i, i + n, _form_start(toks[i], form, doc.norm.to_orig), toks[i + n - 1].end,
                                   hit[0], hit[1])
    return None


# The stem of a word read without its proclitic must be a name the corpus often writes as a place.
STRIPPED_MIN_SHARE = 0.125


def _surely_a_place(gaz: Gazetteer, key: str) -> bool:
    """The corpus writes the name as a place anywhere (a share of ``USAGE_PLACE_SHARE`` of at least
    ``USAGE_MIN_USES`` uses) and often with a place word before it (مدينة نابل، محافظة أبين)."""
    n, loc, strong = gaz.usage_of(key)
    return n >= USAGE_MIN_USES and (loc + 1) / (n + 3) >= USAGE_PLACE_SHARE and (strong + 0.5) / (n + 3) >= USAGE_STRONG_SHARE


def _stripped_reading(doc: Doc, idx: _Index, m: PhraseMatch) -> tuple[PhraseMatch, str] | None:
    """A one-word match read as written (the whole word is a gazetteer key) read again without its
    proclitic, when that is a gazetteer key too and one the corpus often writes as a place (a share of
    ``STRIPPED_MIN_SHARE`` of at least five uses): (the match of the stem, the proclitic), else None.
    Only proclitics are peeled (و ف ب ل), not the article: بالحسكة is handled as written."""
    if m.token_end - m.token_start != 1:
        return None
    tok = doc.tokens[m.token_start]
    if m.key != tok.norm:
        return None
    for f in tok.forms[1:]:
        cut = len(tok.norm) - len(f)
        prefix = tok.norm[:cut]
        if (0 < cut <= 2 and tok.norm.endswith(f) and _CLITIC_LETTERS.issuperset(prefix)
                and (cut == 1 or prefix[0] in "وف" and prefix[1] in "بل") and idx.gaz.lookup_key(f)):
            n, loc, _ = idx.gaz.usage_of(f)
            if n < USAGE_MIN_USES or (loc + 1) / (n + 3) < STRIPPED_MIN_SHARE:
                return None  # "بداية" (beginning) is no "in Dayah", "بالوجه المأمول" no "in al-Wajh"
            return PhraseMatch(m.token_start, m.token_end, _stem_start(doc, tok, f), m.end, f, f), prefix
    return None


def _accept(doc: Doc, idx: _Index, m: PhraseMatch, raws: list[_Raw], pctx: PlaceContext,
            listed: bool = False) -> _Raw | None:
    """The place a name match stands for in its context (cue, qualifiers, candidates), or None when it
    is no place here (a word, a person's name, a nationality adjective ...). ``raws``: those found before;
    ``listed``: the name continues a list of towns after a plural place word (``_listed_after_plural``)."""
    gaz = idx.gaz
    tok = doc.tokens[m.token_start]
    no_cue = (m.token_start == doc.sentences[tok.sentence].token_start
              or _CUES_ANY.isdisjoint(doc.tokens[m.token_start - 1].forms))
    if no_cue and not listed and (m.key in idx.words or _needs(idx, m.key) > locative_context(doc, m.token_start, m.token_end, pctx, True)
                   and not _NEAR_OR_PART.intersection(doc.tokens[m.token_start - 1].forms)):
        return None  # a word (زخم، اللوم، الري) with no place word before it: skip it cheaply
    if (not no_cue and m.key in gaz.demonyms
            and any(f in _CUES_ANY and not f.startswith("ال") for f in doc.tokens[m.token_start - 1].forms)):
        return None  # "بولايات تركية", "مدينة سورية": a nationality adjective of an indefinite place noun
    if (m.key in _IDAFA_HEADS and m.token_end < doc.sentences[tok.sentence].token_end
            and doc.tokens[m.token_end].norm.startswith("ال") and doc.tokens[m.token_end].norm not in DIRECTION_ADJ):
        return None  # خراب الشحم، تل جورة: the first word of a longer name, not the village خراب
    if told_to(doc, m.token_start, pctx):
        return None  # 'قالت مصادر ل"الرياض"': the paper the source spoke to
    if (m.token_end < doc.sentences[tok.sentence].token_end and doc.tokens[m.token_end].norm in _SON_OF
            and not doc.text[doc.tokens[m.token_end - 1].end:doc.tokens[m.token_end].start].strip()):
        return None  # "سيدي علي بن سالم", "محمد بن سلمان": the first words of a longer name, a person's or named after one
    cands = gaz.lookup_key(m.key)
    capital = _capital_city(gaz, m.key) if m.token_end - m.token_start > 1 else None
    if capital:
        # "العاصمة صنعاء": the capital city named in apposition, though a source names its governorate so
        m = PhraseMatch(m.token_start + 1, m.token_end, doc.tokens[m.token_start + 1].start, m.end,
                        m.key.split(" ", 1)[1], m.key.split(" ", 1)[1])
        tok, cands = doc.tokens[m.token_start], capital
    raw = _Raw(m.start, m.end, m.token_start, m.token_end, tok.sentence, m.key, list(cands))
    if capital:
        raw.cue = "town"
        raw.reasons.append("العاصمة X: the city X")
    w0 = m.key.split(" ", 1)[0]
    if not w0.startswith("ال") and ("ال" + w0) in tok.forms:
        # written with the article, indexed without it: only trust that for well-known places whose Arabic
        # name takes the article ("الخرطوم"); a foreign name never does ("منتصف الليل" is midnight, not Lille)
        raw.cands = [p for p in raw.cands if (p.population >= 50000 or p.kind in ("governorate", "country")
                     or p.feature_code in ("PPLC", "PPLA", "PPLA2")) and _takes_article(p)]
        if not raw.cands:
            return None
        raw.reasons.append("matched without the article ال")
    _context(doc, raw, doc.sentences[tok.sentence].token_start)
    if raw.cue == "town" and raw.tok0 > 0 and _bare_cue(doc.tokens[raw.tok0 - 1], _VILLAGE_CUES):
        small = [p for p in raw.cands if _all_small([p]) and not p.is_admin]
        if small and len(small) < len(raw.cands):
            # "قرية دوما": news calls a city of 100,000 a city, so the village is the West Bank's Douma
            raw.cands = small
            raw.reasons.append("a village word: not the big town of that name")
    cue_cc = _country_of_cue(doc, raw)
    if cue_cc:
        there = [p for p in raw.cands if p.country_code == cue_cc]
        if not there:
            # "بمعتمدية العيون من ولاية القصرين": a Tunisian delegation the gazetteer lacks, not Laayoune in
            # Algeria; placed in the area named next to it
            raw.unknown, raw.cands, raw.home = True, [], cue_cc
            raw.reasons.append(f"a place word of {cue_cc} only; no such place there")
            raw.dateline = _is_dateline(doc, raw.start, raw.end)
            return raw
        raw.cands = there
    if listed and raw.cue is None and raw.qualifier is None:
        raw.cue, raw.list_cue = "town", True
        raw.reasons.append("listed after a plural place word (قريتي، بلدات ...)")
    if (raw.cue is None and raw.qualifier is None and len(m.key) <= SHORT_PEELED_LETTERS and " " not in m.key
            and len(tok.norm) == len(m.key) + 1 and tok.norm[0] in "بلكف" and all(p.population < 1000 and p.kind in ("village", "neighbourhood") for p in raw.cands)):
        return None  # "بشري" (human), "لقاح" (vaccine), "بنوك" (banks): a word, not "in"/"to" a hamlet شري، قاح، نوك
    if key_is_not_a_name(m.key, pctx) or not _TANWEEN.isdisjoint(doc.text[m.start:m.end + 2]):
        return None  # الملك، الأمير (a title, not a place); دوماً (an adverb: names take no tanween)
    if (no_cue and not listed and " " in m.key and m.key.split(" ", 1)[0] in pctx.given_names
            and spelling(doc.text[tok.start:tok.end]).endswith(tuple(pctx.given_spellings))
            and locative_context(doc, m.token_start, m.token_end, pctx) < 2):
        return None  # "وأحمد العبد الواحد" in a list of players: a person named like the hamlet أحمد العبد
    if raw.cue not in _STRONG_CUES and raw.qualifier != "rural":
        strong = [p for p in raw.cands if not gaz.is_weak(m.key, p)]
        if not strong:
            return None
        raw.cands = strong
        if raw.qualifier is None and (blocked_context(doc, m.token_start, pctx, all(p.kind == "country" for p in raw.cands),
                                                           _ends_place(raws, m.token_start, pctx)) or ordinal_after(doc, m.token_end, pctx)
                                       or age_after(doc, m.token_end, pctx) or construct_noun(doc, m.key, m.token_start, m.token_end, pctx)):
            return None  # الرئيس عون، نادي برشلونة، حكومة بغداد، محمد الحلبي، الباب الثالث، X (22 عاما)، حماة الوطن
        if raw.qualifier is None and all(p.kind in WORLD_KINDS for p in raw.cands) and _quoted_alone(doc, m.start, m.end):
            return None  # "مع «الشرق الأوسط»", "التقتها «الشرق الأوسط»": the paper, a title in quotes
        if raw.qualifier is None and _continues_blocked_name(doc, m.token_start, m.key, pctx):
            return None  # "وكالة تونس أفريقيا للأنباء", "فريق ستيوا بوخارست": the second word of a club's or agency's name
        verdict, why = usage_verdict(gaz, m.key, raw.cands, 2 if raw.qualifier is not None else
                                     locative_context(doc, m.token_start, m.token_end, pctx, True))
        if verdict == "doubt" and _seldom_named_capital(gaz, m.key, raw.cands) \
                and locative_context(doc, m.token_start, m.token_end, pctx) > 0:
            # "في هلسنكي", "إلى بوخارست": a capital the corpus names too seldom for its share to say it is a word
            # (its few uses are clubs: "ستيوا بوخارست"), after a preposition of its own (not a proclitic ب: "بلومه"
            # is "by blaming him", not Lomé)
            verdict, why = "place", why + ", a capital after a preposition"
        if verdict == "word":
            return None
        raw.doubt = verdict == "doubt"
        raw.reasons.append(why)
    if raw.cue == "admin2" and _bare_cue(doc.tokens[m.token_start - 1], _BRIGADE_WORDS) \
            and not any(p.kind in KIND_FIT["admin2"] or p.feature_code == "PPLA2" for p in raw.cands):
        return None  # "لواء النصر"، "لواء اليرموك"، "لواء الجفرة": a brigade, unless a district (or its seat) has the name
    if raw.cue in ("admin2", "admin3") and not any(p.kind in KIND_FIT[raw.cue] or p.kind == "city" for p in raw.cands):
        n, loc, _ = gaz.usage_of(m.key)
        if n >= 30 and (loc + 1) / (n + 3) < USAGE_PLACE_SHARE:
            return None  # لواء العدل، مديرية التعليم: no district of that name, and mostly a word
    if raw.cue is not None and raw.cue != "admin1" and not m.key.startswith("ال") and _all_small(raw.cands):
        n, loc, _ = gaz.usage_of(m.key)
        if n >= 30 and (loc + 1) / (n + 3) < USAGE_WORD_AFTER_CUE:
            return None  # مدينة صناعية، مدينة ذكية: an indefinite adjective after the place word
    raw.dateline = _is_dateline(doc, raw.start, raw.end)
    return raw


@lru_cache(maxsize=None)
def country_cues(name: str = "places_context.yaml") -> dict[str, str]:
    """Folded place words used by one country only (``country_cues`` in places_context.yaml) → its ISO code."""
    cues = load_yaml(name).get("country_cues")
    if not isinstance(cues, dict) or not all(isinstance(v, str) and len(v) == 2 for v in cues.values()):
        raise DataFileError(f"{name}: 'country_cues' must map place words to ISO country codes")
    return {fold(k): v for k, v in cues.items()}


def _country_of_cue(doc: Doc, raw: _Raw) -> str | None:
    """The country of the one-country place word right before the name ("بمعتمدية العيون": Tunisia)."""
    if raw.cue is None or raw.tok0 <= doc.sentences[raw.sent].token_start:
        return None
    cues = country_cues()
    return next((cues[f] for f in doc.tokens[raw.tok0 - 1].forms if f in cues), None)


@lru_cache(maxsize=None)
def article_optional_countries(name: str = "places_context.yaml") -> frozenset[str]:
    """ISO codes of the countries whose place names news writes with or without the article
    (``article_optional_countries`` in places_context.yaml)."""
    codes = load_yaml(name).get("article_optional_countries")
    if not isinstance(codes, list) or not all(isinstance(c, str) and len(c) == 2 for c in codes):
        raise DataFileError(f"{name}: 'article_optional_countries' must be a list of ISO country codes")
    return frozenset(codes)


def _takes_article(p: Place) -> bool:
    """The place may be written with the article ال though the gazetteer holds its name without: a country
    ("الأراضي السورية" reads سورية with the adjective's article), a place whose own Arabic name has the
    article, or one of a country whose names news writes either way (``article_optional_countries``)."""
    return (p.kind == "country" or p.country_code in article_optional_countries()
            or fold(p.name_ar).startswith("ال") or any(k.startswith("ال") for k in p.names))


def _collect(doc: Doc, idx: _Index) -> tuple[list[_Raw], list[str]]:
    gaz = idx.gaz
    pctx = place_context()
    raws: list[_Raw] = []
    covered: set[int] = set()
    demonyms: list[str] = []
    feminine_adjective: dict[int, str] = {}  # token → country of the feminine nationality adjective it starts
    for m in _matches(doc, idx, pctx):
        if isinstance(m.payload, _Demonym):
            demonyms.append(m.payload.country)
            if m.key.endswith("ه"):
                feminine_adjective[m.token_start] = m.payload.country
            continue
        if _ends_in_direction(doc, idx, m):
            # "مدينة الباب شرقي حلب" is al-Bab east of Aleppo, not Bab Sharqi (a district of Alexandria)
            m = _shorter_match(doc, idx, m) or m
        raw = _accept(doc, idx, m, raws, pctx, _listed_after_plural(doc, raws, m))
        # checked only on names taken as places and on nationality adjectives (most matches are words: they
        # cost nothing)
        if raw is not None and _in_world_region(doc, m, pctx):
            continue  # "منطقة الشرق الأوسط", "دول المغرب العربي": part of a world region's name
        if raw is not None or (m.key[2:] if m.key.startswith("ال") else m.key) in gaz.demonyms:
            adj = adjective_use(doc, gaz, m, raws, pctx)
            if adj is not None:
                if adj:
                    demonyms.append(adj)  # "القوات السعودية", "الطائرات التركية": evidence for the country, no place
                continue
        if raw is None or not any(is_big(p) for p in raw.cands):
            # "بنابل" is a Syrian village to the gazetteer but "in Nabeul" to a Tunisian paper, "وجدة" the
            # Moroccan city or "and Jeddah", "بأبين" the Yemeni village Babin or "in Abyan": when the word
            # as written is no place here, or only a village while without its proclitic it is a town or
            # an area, read it without, kept only where the article backs it (``_support_doubts``)
            stripped = _stripped_reading(doc, idx, m)
            if stripped is not None:
                alt = _accept(doc, idx, stripped[0], raws, pctx)
                if alt is not None and (raw is None or any(is_big(p) for p in alt.cands)):
                    # "الحرس الوطني بنابل": "in" a town the corpus writes as a place with a place word (مدينة
                    # نابل) needs no other place of the article to back it; "و" + a name ("وجدة") always does
                    alt.doubt = alt.doubt or not (_LOCATIVE_PROCLITICS.intersection(stripped[1])
                                                  and _surely_a_place(idx.gaz, stripped[0].key))
                    alt.proclitic = stripped[1]
                    alt.reasons.append(f"read without the proclitic {stripped[1]}")
                    raw = alt
        if raw is None:
            # the word before is tested first: most matches turned down have none of those words before them,
            # and their places are then not read
            if (m.token_start > doc.sentences[doc.tokens[m.token_start].sentence].token_start
                    and _has_bare(doc.tokens[m.token_start - 1], pctx.not_place_before)):
                countries = {p.country_code for p in gaz.lookup_key(m.key) if p.kind == "country"}
                if len(countries) == 1:
                    # "النائب عن نداء تونس", "منتخب مصر": a country inside a party's, team's or paper's name is
                    # no place, yet the story is about that country (evidence as a nationality adjective)
                    demonyms.extend(countries)
            continue
        raws.append(raw)
        covered.update(range(raw.tok0, m.token_end))
    for a, b in zip(raws, raws[1:]):
        # "محافظتي لحج والضالع", "محافظات تعز والضالع وإب": the plural area word covers the whole list
        if (a.list_cue or a.cue in _ADMIN_CUE_KINDS and a.tok0 > 0 and _has_form(doc.tokens[a.tok0 - 1], _PLURAL_ADMIN)) and (
                b.cue is None and b.qualifier is None and b.sent == a.sent and b.tok0 == a.tok1 and _joined(doc, a, b)):
            b.cue, b.list_cue = a.cue, True
            b.reasons.append("listed after a plural area word")
    for r in raws:
        # "قرية دوما الفلسطينية", "مدينة سوروتش التركية": a feminine nationality adjective right after a town's
        # name says its country (a masculine one belongs to a noun before it: "قصف حلب الروسي")
        cc = feminine_adjective.get(r.tok1)
        if cc is not None and len({p.country_code for p in r.cands}) > 1:
            there = [p for p in r.cands if p.country_code == cc]
            if there:
                r.cands = there
                r.reasons.append(f"a {cc} nationality adjective follows the name")
    raws.extend(_unknown_after_cues(doc, idx, covered))
    raws.extend(_short_names_found(doc, idx, covered, pctx))
    raws.sort(key=lambda r: r.tok0)
    return raws, demonyms


def _listed_after_plural(doc: Doc, raws: list[_Raw], m: PhraseMatch) -> bool:
    """The name continues a list of towns that a plural place word opens ("قريتي أم شرشوح والهلالية", "بلدات
    طعوم وسرمين وتفتناز"): the town named right before it, joined by و or a comma, follows a plural town
    word or continues such a list. A name without the article must end the list or precede a definite
    word ("قريتي الفوعة وكفريا المواليتين"), as in ``_unknown_after_cues``: "وقتل" ends no list of towns."""
    toks = doc.tokens
    k = m.token_start - 1
    if k - 1 >= doc.sentences[toks[m.token_start].sentence].token_start and toks[k].norm in _SUCH_AS \
            and _bare_cue(toks[k - 1], _PLURAL_CUES):
        return True  # "قرى مثل حزارين وكفرسجنة": the first town of a list of examples
    if not raws:
        return False
    prev = raws[-1]
    if prev.tok1 != m.token_start or prev.sent != toks[m.token_start].sentence or prev.cue != "town":
        return False
    if not (prev.list_cue or prev.tok0 > 0 and _bare_cue(toks[prev.tok0 - 1], _PLURAL_CUES)):
        return False
    tok = toks[m.token_start]
    if tok.norm[:1] != "و" and "،" not in doc.text[prev.end:m.start] and "," not in doc.text[prev.end:m.start]:
        return False
    if m.key.startswith("ال"):
        return True
    nxt = m.token_end
    return _list_end(doc, toks[m.token_end - 1]) or (
        nxt < len(toks) and toks[nxt].sentence == tok.sentence and toks[nxt].norm.startswith("ال"))


# "such as" between a plural town word and its list ("قرى مثل X وY", "بلدات منها X وY")
_SUCH_AS = frozenset({"مثل", "منها", "بينها", "ومنها", "اهمها", "ابرزها", "وهي", "هي"})
_VILLAGE_CUES = frozenset({"قريه", "قريتي", "قري", "قريتا"})
_ADMIN_CUE_KINDS = frozenset({"admin1", "admin2", "admin3"})
_SON_OF = frozenset({"بن", "ابن"})
# "لواء" is a district (liwa) of Jordan, but in war news first a brigade: a name after it is a place only when
# a district or a district seat has that name ("لواء الرمثا") (all four brigade names after it in 1,147 slice conflict articles
# were read as villages, camps or governorates)
_BRIGADE_WORDS = frozenset({"لواء", "الوية"})
_PLURAL_ADMIN = frozenset({"محافظتي", "محافظات", "ولايتي", "ولايات", "مديريتي", "مديريات", "ناحيتي", "معتمديات", "معتمديتي"})
_CAPITAL_WORDS = frozenset({"العاصمه"})


def _capital_city(gaz: Gazetteer, key: str) -> list[Place] | None:
    """The towns X of a matched name "العاصمة X" when X is a town: the news means the city, not the
    area some source names so (GeoNames gives "العاصمة صنعاء" to the Amanat al-Asimah governorate)."""
    head, _, rest = key.partition(" ")
    if head not in _CAPITAL_WORDS or not rest:
        return None
    towns = [p for p in gaz.lookup_key(rest) if p.kind == "city"]
    return towns or None


def _ends_place(raws: list[_Raw], tok0: int, ctx: PlaceContext) -> bool:
    """A place name ends right before token ``tok0`` ("دار سعد" before "وكريتر"), and is not itself a
    man's name the gazetteer happens to hold ("محمد محمود" before "الزبيري")."""
    return bool(raws) and raws[-1].tok1 == tok0 and raws[-1].key.split(" ", 1)[0] not in ctx.given_names


def _unknown_after_cues(doc: Doc, idx: _Index, covered: set[int]) -> list[_Raw]:
    """Names after بلدة / قرية / مخيم (and منطقة before a known place) that the gazetteer lacks.

    Try a spelling variant (same consonant skeleton); else mark the name unknown so that it resolves
    to the enclosing area named next to it. After a plural cue (بلدتي X وY، قرى X وY وZ) every
    name of the list is taken.
    """
    out = []
    toks = doc.tokens
    all_cues = TOWN_CUES | CAMP_CUES | AREA_CUES
    not_names = place_context().not_names  # "منطقة الأمن الوطني", "قرية الحدود": generic nouns, no names
    person_titles = place_context().person_titles | place_context().not_place_before
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
            if plural and j < s.token_end - 1 and toks[j].norm in _SUCH_AS:
                j += 1  # "قرى مثل X وY"
            first = True
            while j < s.token_end and (first or (plural and toks[j].norm.startswith("و"))):
                nt = toks[j]
                stem = nt.norm if first else nt.norm[1:]
                if not first and not stem.startswith("ال") and not _list_end(doc, nt) and not (
                        j + 1 < s.token_end and toks[j + 1].norm.startswith("ال")):
                    break
                first = False
                if j in covered:
                    while j < s.token_end and j in covered:
                        j += 1  # a known name, of one word or more ("قريتي أم شرشوح والهلالية")
                    continue
                if stem in _NOT_NAMES or stem in not_names or not stem.isalpha() or len(stem) < 3 or stem.isascii():
                    break
                if stem == nt.norm and stem[:1] == "و" and stem[1:] in nt.forms and not stem[1:].startswith("ال"):
                    break  # "سيطر على بضع بلدات وأعدم أجانب": "and executed", the list never began
                if stem in person_titles or _in_world_region(doc, j, place_context()):
                    break  # "مدينة الملك عبدالعزيز للعلوم", "منطقة الشيخ رضوان": named after a person, and no
                    # spelling variant of the title (الشيخ is not the town الشيوخ)
                if idx.gaz.adjective_after_cue(stem):
                    break  # مدينة صناعية، مدينة ذكية: the corpus uses the word mostly elsewhere
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
                variants = [v for v in idx.skeleton.get(_skeleton(key), ()) if _one_vowel_apart(v, key)
                            # "منطقة ترابية" (earthen, territorial): the nisba adjective of a word, not Turabah
                            and not (key.endswith("يه") and v == key[:-2] + "ه")] if " " not in key else []
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


_OR = frozenset({"او", "ام"})


def adjective_use(doc: Doc, gaz: Gazetteer, m: PhraseMatch, raws: list["_Raw"], ctx: PlaceContext | None = None) -> str | None:
    """The name is an adjective here, not a place: returns the country of the nationality adjective it
    is ("" for another adjective), else None.

    A country name that is also a feminine nationality adjective (سورية، السعودية), written with the
    article right after a definite word, agrees with that word: "الأزمة السورية", "القوات السعودية"
    (not "في السعودية", "زار السعودية", "مصر والسعودية"). The names of ``adjective_names`` are also
    adjectives after an indefinite word ("مبلغ مالي", "فساد مالي": financial, not Mali). A word of
    ``territory_nouns`` before it keeps the country ("الأراضي السورية": Syrian territory).
    """
    ctx = ctx or place_context()
    if m.token_end - m.token_start != 1:
        return None
    toks = doc.tokens
    tok = toks[m.token_start]
    key = m.key
    stem = key[2:] if key.startswith("ال") else key
    definite = key.startswith("ال") or ("ال" + key) in tok.forms
    demonym = gaz.demonyms.get(stem) if definite or key in ctx.adjective_names else None  # "عائلة سورية": Syrian
    if demonym is None and key not in ctx.adjective_names:
        return None
    written = tok.norm
    if written[:1] == "و" and written[1:] in tok.forms:
        written = written[1:]
    if written.startswith(("بال", "لل")) or (not definite and written[:1] in "بل" and written[1:] == key):
        return None  # "بالسعودية", "للسعودية", "بمالي": a preposition makes it the country
    if any(r.tok1 == m.token_start and r.sent == tok.sentence for r in raws):
        return None  # "مصر والسعودية": listed after a place
    if m.token_start <= doc.sentences[tok.sentence].token_start:
        return None
    prev = toks[m.token_start - 1]
    if doc.text[prev.end:tok.start].strip() or not prev.norm.isalpha() or not ctx.prepositions.isdisjoint(prev.forms):
        return None
    if not ctx.territory_nouns.isdisjoint(prev.forms) or not _CUES_ANY.isdisjoint(prev.forms):
        return None
    if prev.norm in _OR and m.token_start - 2 >= doc.sentences[tok.sentence].token_start:
        # "بالأزمة العراقية أو السورية": one of several adjectives of the same noun
        before = toks[m.token_start - 2]
        if definite and before.norm.startswith("ال") and before.norm.endswith("يه") and before.norm[2:] in gaz.demonyms:
            return demonym or ""
        return None
    prev_definite = any(f.startswith("ال") for f in prev.forms)
    if definite != prev_definite:
        return None
    return demonym or ""


@lru_cache(maxsize=4)
def _world_regions(names: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for n in names:
        w = tuple(n.split())
        out[w[0]].append(w[1:])
    return dict(out)


def _in_world_region(doc: Doc, m: PhraseMatch | int, ctx: PlaceContext, length: int = 1) -> bool:
    """The match (or the ``length`` tokens from a token index) is the first words of a longer world region's
    name (``world_region_names``): "الشرق" of "الشرق الأوسط", "المغرب" of "المغرب العربي" (the Maghreb,
    not Morocco)."""
    start, length = (m.token_start, m.token_end - m.token_start) if isinstance(m, PhraseMatch) else (m, length)
    regions = _world_regions(ctx.world_region_names)
    toks = doc.tokens
    tails = [t for f in toks[start].forms for t in regions.get(f, ())]
    if not tails:
        return False
    end = doc.sentences[toks[start].sentence].token_end
    for tail in tails:
        n = len(tail)
        if start + 1 + n <= end and n >= length and tuple(toks[k].norm for k in range(start + 1, start + 1 + n)) == tail:
            return True
    return False


@dataclass(frozen=True)
class ShortName:
    """A two-letter place name of ``short_names`` (places_context.yaml): its folded key, gazetteer ids, and
    whether this spelling (the hamza-less one) counts only after a place word."""

    key: str
    places: tuple[str, ...]
    after_place_word_only: bool = False


@lru_cache(maxsize=None)
def short_names(name: str = "places_context.yaml") -> dict[str, ShortName]:
    """Written spelling (as in the text, hamza kept) → :class:`ShortName`."""
    data = load_yaml(name).get("short_names")
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: 'short_names' must map spellings to {{places: [...], bare: ...}}")
    out: dict[str, ShortName] = {}
    for spelled, rec in data.items():
        ids = rec.get("places") if isinstance(rec, dict) else None
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
            raise DataFileError(f"{name}: short_names[{spelled}] needs a list of gazetteer ids under 'places'")
        out[spelled] = ShortName(fold(spelled), tuple(ids))
        if rec.get("bare"):
            out[rec["bare"]] = ShortName(fold(spelled), tuple(ids), True)
    return out


_SHORT_NAME_CLITICS = ("وب", "فب", "و", "ب", "ف", "ل", "")


def _short_names_found(doc: Doc, idx: _Index, covered: set[int], pctx: PlaceContext) -> list[_Raw]:
    """Mentions of the two-letter names of ``short_names`` ("محافظة إب", "وإب"), read on the text as written:
    the token, less at most one or two proclitics, is the spelling, and no hyphen joins it to a longer word."""
    table = short_names()
    longest = max((len(k) for k in table), default=0) + 2
    spelled = short_spellings()
    out = []
    toks = doc.tokens
    for i in _short_name_tokens(doc, table):
        tok = toks[i]
        if tok.end - tok.start > longest or i in covered:
            continue
        hit = spelled.get(doc.text[tok.start:tok.end])
        if hit is None or doc.text[tok.start - 1:tok.start] == "-" or doc.text[tok.end:tok.end + 1] == "-":
            continue
        pre, entry = hit
        s0 = doc.sentences[tok.sentence].token_start
        if entry.after_place_word_only and (i == s0 or not _cue_of(toks[i - 1])):
            continue
        places = [p for p in (idx.gaz.get(pid) for pid in entry.places) if p is not None]
        if not places:
            continue
        raw = _Raw(tok.start + len(pre), tok.end, i, i + 1, tok.sentence, entry.key, places)
        _context(doc, raw, s0)
        raw.reasons.append("a two-letter name, as written")
        if raw.cue is None and raw.qualifier is None and not locative_context(doc, i, i + 1, pctx) and pre[-1:] != "ب":
            raw.doubt = True  # "تعز ولحج وإب": kept where the article backs it
        raw.dateline = _is_dateline(doc, raw.start, raw.end)
        out.append(raw)
    return out


@lru_cache(maxsize=None)
def short_spellings(name: str = "places_context.yaml") -> dict[str, tuple[str, ShortName]]:
    """Each way a short name may be written as a token (a proclitic of ``_SHORT_NAME_CLITICS``, in that
    order, then a spelling of ``short_names``) → ``(the proclitic, the name)``, the first proclitic that
    fits winning, as testing a token's prefixes in order finds it: one lookup per token."""
    spelled: dict[str, tuple[str, ShortName]] = {}
    for pre in _SHORT_NAME_CLITICS:
        for key, entry in short_names(name).items():
            spelled.setdefault(pre + key, (pre, entry))
    return spelled


_token_end = attrgetter("end")


def _short_name_tokens(doc: Doc, table: dict[str, ShortName]) -> list[int]:
    """The tokens whose text ends with a spelling of ``table``, in order: the only ones that can be a short
    name (its spelling ends the token). Found by searching the text for each spelling (overlapping hits
    too), in C, instead of reading every token's text in Python."""
    if "" in table:  # an empty spelling: a lone proclitic would be one, any token may be
        return list(range(len(doc.tokens)))
    text = doc.text
    ends: set[int] = set()
    for key in table:
        k = text.find(key)
        while k >= 0:
            ends.add(k + len(key))
            k = text.find(key, k + 1)
    if not ends:
        return []
    tok_ends = list(map(_token_end, doc.tokens))
    found = []
    for e in sorted(ends):
        i = bisect_left(tok_ends, e)
        if i < len(tok_ends) and tok_ends[i] == e:
            found.append(i)
    return found


def _list_end(doc: Doc, tok: Token) -> bool:
    """The token ends a list: punctuation, a line end or the end of the text follows it."""
    rest = doc.text[tok.end:tok.end + 3].lstrip(" ")
    return not rest or rest[0] in ".,،؛;:()\n«»\"'-–"


def generic_region(key: str, ctx: PlaceContext | None = None) -> bool:
    """A region named by a place noun and a direction ("المنطقة الجنوبية", "المنطقة الشرقية"): a name
    several countries give a region (Israel's Southern District, Saudi Arabia's Eastern Province), which
    says nothing of the article's country by itself."""
    head, _, rest = key.partition(" ")
    return rest in DIRECTION_ADJ and head in (ctx or place_context()).not_names


def _vote(r: _Raw) -> tuple[str, float] | None:
    """The country a mention says the article is about, and how strongly (None: it says nothing)."""
    if r.dateline or r.unknown or r.reasons and r.reasons[0].startswith("spelling"):
        return None  # a spelling variant is a guess (المشنية → the Yemeni district المشنة): no evidence of a country
    if generic_region(r.key):
        return None  # "المنطقة الجنوبية" in a Yemeni story is no evidence for Israel
    # small same-name villages elsewhere (Who's On First has a الكويت in Yemen) do not blur the evidence, nor
    # a district or sub-district abroad a governorate or its seat (سيدي بوزيد: the Tunisian governorate, an
    # Algerian commune): the countries of the largest kind of place the name has. After an area word only
    # the areas of that kind vote ("معتمديات ... والناظور": the Tunisian delegation and the Moroccan
    # province, not the Moroccan city).
    fit = KIND_FIT.get(r.cue or "") if (r.cue or "").startswith("admin") else None
    cands = [p for p in r.cands if p.kind in fit] if fit else []
    big = set()
    for tier in (lambda p: p.kind == "country",
                 lambda p: p.kind in ("governorate", "region") or p.population >= 100000
                 or p.feature_code in ("PPLC", "PPLA"),
                 lambda p: p.is_admin):
        big = {p.country_code for p in cands or r.cands if tier(p)}
        if big:
            break
    if len(big) != 1:
        return None
    # a country named outright says more than a big town that may be a homonym (دوما)
    return next(iter(big)), 1.5 if any(p.kind == "country" for p in r.cands) else 1.0


def _evidence(raws: list[_Raw], demonyms: list[str]) -> dict[str, float]:
    w: dict[str, float] = defaultdict(float)
    for r in raws:
        vote = _vote(r)
        if vote is not None:
            w[vote[0]] += vote[1]
    for cc in demonyms:
        w[cc] += 0.5
    return w


def _others_evidence(raws: list[_Raw], weights: dict[str, float]) -> dict[str, dict[str, float]]:
    """Per name, the country evidence of the article without that name's own mentions when only small
    places bear it (``_all_small``): a district or village name is no evidence for itself ("خان بني سعد" in an Iraqi
    report must not name Yemen through the Yemeni district بني سعد); عسير still names Saudi Arabia, but "منطقة
    بوسان" in a Yemeni story names no South Korea, nor "جبل عريش" Egypt."""
    own: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in raws:
        vote = _vote(r)
        if vote is not None and (_all_small(r.cands) or (r.cue == "area" or r.natural) and not any(
                p.kind in ("governorate", "region", "country") for p in r.cands)):
            own[r.key][vote[0]] += vote[1]  # nor an "area" (منطقة بوسان) for its own far-off city; منطقة عسير is one
    out = {}
    for key, votes in own.items():
        rest = dict(weights)
        for cc, v in votes.items():
            rest[cc] = rest.get(cc, 0.0) - v
        out[key] = {cc: v for cc, v in rest.items() if v > 1e-9}
    return out


def _village_abroad_among_home_places(doc: Doc, gaz: Gazetteer, r: _Raw, raws: list[_Raw], focus: str) -> bool:
    """The name (bare or after منطقة) has only small places, all abroad, while its sentence names a place of
    the article's country and nothing of theirs (no place, no nationality adjective): "في تعز ... في الضباب"
    (Ad Dabab, a Saudi hamlet), "في منطقة السجر شمال غرب القضاء ... الفلوجة" (Sukkar, a Syrian village)."""
    if r.cue not in (None, "area") or not r.cands or not _all_small(r.cands):
        return False
    abroad = {p.country_code for p in r.cands}
    if focus in abroad:
        return False
    mates = [r2 for r2 in raws if r2 is not r and r2.sent == r.sent and not r2.dateline and not r2.doubt and r2.cands]
    if not any(all(p.country_code == focus for p in r2.cands) for r2 in mates):
        return False
    if any(p.country_code in abroad for r2 in mates for p in r2.cands):
        return False
    sent = doc.sentences[r.sent]
    return not any(gaz.demonyms.get(f) in abroad for t in doc.tokens[sent.token_start:sent.token_end] for f in t.forms)


def _resolve_all(doc: Doc, idx: _Index, raws: list[_Raw], weights: dict[str, float]) -> None:
    gaz = idx.gaz
    focus = country_focus(weights)
    neighbours = set((gaz.meta.get("neighbours") or {}).get(focus, ())) if focus else set()
    evidence = _others_evidence([r for r in raws if not r.doubt], weights)
    for r in raws:
        if focus and len(r.cands) > 0 and not r.unknown:
            # the countries the rest of the article names ("خان بني سعد" names no Yemen by itself)
            named = {cc for cc, w in evidence.get(r.key, weights).items() if w > 0} | {focus}
            allowed = named | neighbours
            variant = bool(r.reasons) and r.reasons[0].startswith("spelling")
            # a village of a neighbouring country the article never names is a homonym, not the place; a
            # metropolis abroad is named anywhere, but not as a local "area" ("في منطقة بوسان بالمديرية" in a
            # Yemeni story is no Busan)
            keep = [p for p in r.cands if (p.country_code == focus if variant else p.country_code in (
                    allowed if is_big(p) else named)) or (not variant and (
                    p.kind == "country" or p.kind in WORLD_KINDS
                    or r.cue != "area" and (p.population >= 1000000 or p.feature_code == "PPLC")))]
            if not keep:
                if variant or r.cue in ("town", "camp", "area") or r.natural:
                    # placed in the area named next to it, if any ("بجبل المغيلة بسيدي بوزيد": a mountain
                    # named like a Yemeni village, in a Tunisian story)
                    r.unknown, r.cands, r.home = True, [], focus
                    continue
            r.cands = keep
            if _village_abroad_among_home_places(doc, gaz, r, raws, focus):
                # "معارك في تعز ... في الضباب": a Saudi hamlet in a sentence about Taiz is a homonym of a place the
                # gazetteer lacks; placed in the area of the home place named with it
                r.unknown, r.cands, r.home = True, [], focus
                r.reasons.append("its only same-name places are villages abroad, in a sentence about home places")
    known = [r for r in raws if not r.unknown and r.cands]
    ctx = Context(focus=focus, countries=dict(weights))
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
    by_edge: dict[tuple[int, int], _Raw] = {}  # (sentence, token) -> the name ending / starting there
    for r2 in known:
        if r2.result and r2.result[0].place.kind != "country" and not r2.result[0].place.is_admin:
            by_edge[(r2.sent, r2.tok1)] = r2
            by_edge[(r2.sent, -1 - r2.tok0)] = r2
    for k, r in enumerate(known):
        within = []
        listed = []  # the next towns of a list ("في مدن الرياض وجدة"): near it, but not the area it lies in
        inside: list[Place] = []  # the place named right after it as where it lies ("حي القابل بنجران")
        owners: set[str] = set()  # the country it lies in, named right after it ("كردستان إيران", "X في الكويت")
        for r2 in known[k + 1:]:
            if r2.sent != r.sent or r2.tok0 - r.tok1 > 6:
                break
            if r2.result:
                p2 = r2.result[0].place
                if p2.kind == "country" and not _in_country(doc, r, r2):
                    continue  # "البوكمال الحدودية مع العراق": a country named nearby is not where it lies
                if p2.kind == "country" and not _coordinated(doc, r2):
                    owners.add(p2.country_code)
                if _across_border(doc, r, r2):
                    continue  # "رفح على الحدود مع قطاع غزة": the neighbour, not the area it lies in
                (listed if _coordinated(doc, r2) else within).append(
                    gaz.admin1_of(p2) or p2 if r2.qualifier == "rural" else p2)
                if p2.kind != "country" and _directly_in(doc, r, r2):
                    inside.append(p2)
        if not within and not listed and r.qualifier == "part_of":
            town = _quarter_town(doc, r, known[k + 1:])
            if town is not None and all(haversine(p.lat, p.lon, town.lat, town.lon) >= QUARTER_TOWN_KM for p in r.cands):
                # "قصف مناطق في حي الجورة الذي تسيطر عليه قوات النظام، والمحاصر … في مدينة دير الزور": a quarter
                # lies in the town its sentence names; the same-name village 340 km off is a homonym
                r.unknown, r.result, r.town = True, [], town
                r.reasons.append(f"a quarter of {town.name_en}, named later in the sentence")
                continue
        if within or listed:
            # a village named next to an area lies in that area: drop same-name villages elsewhere
            near = [p for p in r.cands if p.kind not in ("village",) or any(
                a.country_code == p.country_code and (a.kind == "country" or a.admin1_code == p.admin1_code)
                for a in within + listed)]
            towns_after = [a for a in within if a.kind in ("city", "village", "neighbourhood")]
            if r.qualifier == "part_of" and towns_after:
                # "حيي اليرموك والاملاك في بعقوبة": a quarter lies in the town named after it, not 500 km off
                near = [p for p in near if any(haversine(p.lat, p.lon, a.lat, a.lon) < DOUBT_SUPPORT_KM
                                               for a in towns_after)]
            if owners and any(p.country_code in owners for p in near):
                near = [p for p in near if p.country_code in owners]  # not Iraq's Kurdistan region: Iran's
            if inside:
                # a town no big place, far from the place the text says it lies in, is a homonym: "حي القابل
                # بنجران" is a quarter of Najran, not the Omani town al-Qabil
                near = [p for p in near if not _all_small([p]) or any(
                    haversine(p.lat, p.lon, a.lat, a.lon) < (2 if a.is_admin else 1) * DOUBT_SUPPORT_KM
                    for a in inside)]
            if not near and not within:
                # only a town listed next disagrees, so one of the two is a homonym: this one is not when it lies
                # by a place the article names ("تلبيسة ... قريتي أم شرشوح والهلالية", the Hilaliyah of the
                # gazetteer is in Hasakah), else it is the one the gazetteer lacks ("مناطق الجدعان والجفينة")
                near = [p for p in r.cands if any(a.id != p.id and haversine(p.lat, p.lon, a.lat, a.lon) < LISTED_ANCHOR_KM
                                                  for a in anchor_ids.values())]
            if not near:
                r.unknown, r.result = True, []
                continue
            r.cands = near
        before = by_edge.get((r.sent, r.tok0))
        if r.list_cue and r.cue == "town" and before is not None and before.result and _all_small(r.cands) and not any(
                haversine(p.lat, p.lon, before.result[0].place.lat, before.result[0].place.lon) < DOUBT_SUPPORT_KM
                for p in r.cands):
            # "قريتي أم شرشوح والهلالية": a village taken as one only for following another in a list lies near
            # it; a same-name village far away is a homonym, and the name is one the gazetteer lacks
            r.unknown, r.result = True, []
            continue
        partners = [r2.result[0].place for r2 in (by_edge.get((r.sent, r.tok0)), by_edge.get((r.sent, -1 - r.tok1)))
                    if r2 is not None and r2 is not r and r2.result]
        if len(r.cands) > 1 or within or listed:
            others = grid.without(c.place.id for c in r.result)
            r.result = rank(gaz, r.cands, r.cue, Context(focus, dict(weights), others, within, partners))


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
    if p.kind in WORLD_KINDS:
        return p, 3, None, why + ["a continent, world region or water: its label point"]
    if p.feature_code in ("ADM3",):
        return p, 3, "admin", why + ["large commune: its centroid"]
    if r.qualifier in ("part_of", "near"):
        return p, 2, r.qualifier, why
    if p.feature_code == "BASE":
        return p, 2, "near", why + ["a base or camp: placed at the town beside it"]
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
    weights = _evidence([r for r in raws if not r.doubt], demonyms)
    raws = _support_doubts(doc, gaz, raws, weights)
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
        rp = _enclosing(gaz, r, [resolved[i] for i in near], doc)
        if rp is not None:
            by_sent[r.sent].append(len(resolved))
            resolved.append((r, rp))
    resolved = _same_name_same_area(resolved)
    resolved = _capitals_listed_with_towns(doc, gaz, resolved)
    resolved = _capitals_of_institutions(doc, gaz, resolved)
    resolved = _drop_foreign_governments(doc, gaz, resolved, weights)
    resolved = _drop_lone_foreign_towns(doc, gaz, resolved, weights)
    resolved = _compass_parts(doc, resolved)
    covered = {k for r, _ in resolved for k in range(r.span_tok0, r.tok1)}
    resolved.extend(_references(doc, resolved, covered))
    resolved.sort(key=lambda x: x[0].span_start)
    for r, rp in resolved:
        if not rp.is_dateline and rp.place.country_code:  # a continent or a sea is in no one country
            final[rp.place.country_code] += 1.0
        # a continent, world region or sea is a place, and its kind tells the events stage it is no event's place
        doc.add(Mention("place", r.span_start, r.end, doc.text[r.span_start:r.end], r.sent, r.span_tok0, r.tok1, rp,
                        {"qualifier": rp.qualifier, "precision": rp.precision, "dateline": rp.is_dateline}))
    for cc in demonyms:
        final[cc] += 0.5
    doc.layers["country"] = country_focus(final)


# Place references: "المدينة" / "البلدة" / "القرية" standing for the town named just before, "المحافظة"
# for the governorate.
# Reference nouns ("في المدينة") → the place kinds they may stand for (also read by events.control)
REFERENCE_NOUNS = {"المدينه": ("city",), "البلده": ("city", "village"), "القريه": ("village", "city"),
                   "المحافظه": ("governorate",), "المطار": ("camp",)}
_REF_BEFORE = frozenset({"في", "علي", "الي", "داخل", "وسط", "قرب", "اطراف", "محيط", "مداخل", "شرق", "غرب", "شمال", "جنوب"})
REFERENCE_SENTENCES = 2
# "البلدة الواقعة على الحدود": the participle says where the town lies, it names no other town
_REF_LOCATED = frozenset({"الواقعه", "الواقع"})


class _RefKinds(dict):
    """token norm → the place kinds it may refer to (from the first of its first two forms in
    ``REFERENCE_NOUNS``), or None; a function of the word alone, cached. Stops growing at 50,000 words."""

    def __missing__(self, norm: str) -> tuple[str, ...] | None:
        kinds = None
        for f in word_forms(norm)[:2]:
            kinds = REFERENCE_NOUNS.get(f)
            if kinds:
                break
        if len(self) < 50_000:
            self[norm] = kinds
        return kinds


_REF_KINDS = _RefKinds()


def _references(doc: Doc, resolved: list[tuple[_Raw, ResolvedPlace]], covered: set[int]) -> list[tuple[_Raw, ResolvedPlace]]:
    """"في المدينة" / "بالبلدة" / "داخل القرية": the last town of that kind named in this or the two
    sentences before (not the dateline), at the same point; never when an adjective or a name
    follows (المدينة المنورة، المدينة الرياضية) or no such town was named. "الواقعة" (lying) is no
    such adjective: "على البلدة الواقعة على الحدود" is the town named before."""
    toks = doc.tokens
    towns = sorted(((r, rp) for r, rp in resolved if not rp.is_dateline and (
        rp.precision <= 2 and rp.place.kind in ("city", "village", "camp") or rp.place.kind == "governorate")),
        key=lambda x: x[0].tok0)
    gaz = load_gazetteer()
    for r, rp in list(towns):  # "وفي مأرب، شن طيران التحالف غارات … في المحافظة": the seat names its governorate
        area = gaz.admin1_of(rp.place) if rp.place.feature_code in ("PPLA", "PPLC") else None
        if area is not None and area.kind == "governorate":
            towns.append((r, ResolvedPlace(area, 3, [], rp.reasons, "admin", False, rp.name)))
    towns.sort(key=lambda x: x[0].tok0)
    if not towns:
        return []
    out = []
    kinds_of = _REF_KINDS.__getitem__
    for i in compress(range(len(toks)), map(kinds_of, doc.token_norms())):  # tokens that may refer
        t = toks[i]
        kinds = kinds_of(t.norm)
        if i in covered:
            continue
        prefixed = t.norm[:1] in "بل" and t.norm[1:] in REFERENCE_NOUNS or t.norm[:2] in ("وب", "ول") and t.norm[2:] in REFERENCE_NOUNS
        before = i > doc.sentences[t.sentence].token_start and _has_form(toks[i - 1], _REF_BEFORE)
        if not (prefixed or before):
            continue
        if i + 1 < len(toks) and toks[i + 1].sentence == t.sentence and (
                toks[i + 1].norm.startswith("ال") and toks[i + 1].norm not in _REF_LOCATED or (i + 1) in covered
        ) and doc.text[t.end:toks[i + 1].start].strip() == "":
            continue  # المدينة المنورة، المدينة الرياضية، البلدة القديمة? (an adjective or a name follows)
        prior = [(r, rp) for r, rp in towns if r.tok1 <= i and t.sentence - r.sent <= REFERENCE_SENTENCES
                 and rp.place.kind in kinds]
        if not prior:
            continue
        r0, rp0 = prior[-1]
        if rp0.place.kind == "governorate" and any(
                _bare_cue(toks[k], ADMIN1_CUES) and k + 1 not in covered for k in range(r0.tok1, i)):
            continue  # "… محافظة إب … عاصمة المحافظة": a governorate named since, the gazetteer lacks it
        stem = t.norm[len(t.norm) - len(next(f for f in t.forms if f in REFERENCE_NOUNS)):]
        start = _stem_start(doc, t, stem)
        raw = _Raw(start, t.end, i, i + 1, t.sentence, stem, [rp0.place])
        raw.span_tok0, raw.span_start = i, start
        rp = ResolvedPlace(rp0.place, rp0.precision, [], [f"{doc.text[start:t.end]}: the {rp0.place.kind} named before "
                                                          f"({rp0.place.name_en})"], rp0.qualifier, False, stem)
        out.append((raw, rp))
    return out


@lru_cache(maxsize=None)
def compass_words(name: str = "places_context.yaml") -> dict[str, str]:
    """Folded compass word → the part of a country it names (``compass_words`` in places_context.yaml)."""
    data = load_yaml(name).get("compass_words")
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise DataFileError(f"{name}: 'compass_words' must map words to compass parts")
    return {fold(k): v for k, v in data.items()}


@lru_cache(maxsize=None)
def country_part(code: str, part: str) -> Place | None:
    """The part of a country a compass word names, as an area (kind ``region``) at the point
    ``countries.yaml`` gives it; None for a country without parts."""
    rec = (load_yaml("countries.yaml").get("countries") or {}).get(code) or {}
    point = (rec.get("parts") or {}).get(part)
    country = load_gazetteer().country_of(code)
    if not point or country is None:
        return None
    return Place(f"part:{code}:{part}", f"{country.name_en} ({part})", country.name_ar, float(point[0]),
                 float(point[1]), country.country, code, "", "", "", "region", 0, "PART")


# Between a place and the part of its country that locates it ("قرب كيليس (جنوب تركيا)", "بمحافظة المنيا في
# جنوب مصر", "في حلب، شمالي سوريا", "الحديدة الواقعة غرب اليمن", "دجلة في أقصى جنوب شرق تركيا"): punctuation
# and these words only.
_LOCATING_GAP = frozenset({"في", "الواقعه", "الواقع", "التي", "الذي", "تقع", "يقع", "وتقع", "ويقع", "اقصي", "باقصي"})
_GAP_PUNCT = re.compile(r"[\s(),،\-–—:«»\"']+")


def _compass_parts(doc: Doc, resolved: list[tuple[_Raw, ResolvedPlace]]) -> list[tuple[_Raw, ResolvedPlace]]:
    """Each country named after a compass word becomes that part of it (``_compass_part``), unless it
    only locates the place named right before it, in the same country."""
    out: list[tuple[_Raw, ResolvedPlace]] = []
    prev: tuple[_Raw, ResolvedPlace] | None = None
    for r, rp in sorted(resolved, key=lambda x: x[0].span_start):
        part = _compass_part(doc, r, rp)
        if part is not None and prev is not None and prev[0].sent == r.sent \
                and prev[1].place.country_code == rp.place.country_code and prev[1].place.kind != "country" \
                and prev[0].end <= part[0].span_start:
            gap = _GAP_PUNCT.split(doc.text[prev[0].end:part[0].span_start])
            if all(fold(w) in _LOCATING_GAP for w in gap if w):
                part = None
        out.append(part or (r, rp))
        prev = out[-1]
    return out


def _compass_part(doc: Doc, r: _Raw, rp: ResolvedPlace) -> tuple[_Raw, ResolvedPlace] | None:
    """A country right after a compass word ("في شمال العراق", "بجنوب شرق تركيا") is that part of it:
    the mention grows over the word(s) and resolves to the part (precision 3), or None."""
    if rp.place.kind != "country" or rp.is_dateline or r.span_tok0 != r.tok0:
        return None
    words = compass_words()
    toks = doc.tokens
    s0 = doc.sentences[r.sent].token_start
    i = r.tok0 - 1
    part = next((words[f] for f in toks[i].forms if f in words), None) if i >= s0 else None
    if part is None:
        return None
    if part in ("east", "west") and i - 1 >= s0 and toks[i].norm in words \
            and words.get(toks[i - 1].norm if toks[i - 1].norm in words else toks[i - 1].forms[-1]) in ("north", "south"):
        i -= 1  # "شمال شرق سوريا", "بجنوب غربي البلاد": one part
        part = f"{words.get(toks[i].norm) or words[toks[i].forms[-1]]}-{part}"
    cc = rp.place.country_code
    if any(p.kind == "city" and p.country_code == cc for p in load_gazetteer().lookup_key(r.key)):
        return None  # "شرق الكويت", "جنوب تونس": east of the capital the country is named after, maybe
    place = country_part(cc, part)
    if place is None:
        return None
    word = next(f for f in toks[i].forms if f in words)
    start = _stem_start(doc, toks[i], word)
    raw = _Raw(start, r.end, r.tok0, r.tok1, r.sent, r.key, [place], r.cue, "admin")
    raw.span_tok0, raw.span_start = i, start
    why = rp.reasons + [f"{doc.text[start:r.end]}: the {part} of {rp.place.name_en}"]
    return raw, ResolvedPlace(place, 3, rp.candidates, why, "admin", False, rp.name)


LONE_FOREIGN_MAX_POP = 100_000
# A far-away place whose name the corpus writes as a place less often than this is, alone in its country
# and with no place word, read as the ordinary word it also is (الليل "the night" → Lille).
FOREIGN_WORD_MAX_SHARE = STRIPPED_MIN_SHARE


def _word_like(gaz: Gazetteer, key: str) -> bool:
    """The corpus uses the name mostly as an ordinary word: at least ``USAGE_MIN_USES`` uses, under
    ``FOREIGN_WORD_MAX_SHARE`` of them as a place (بخاري، نوك، فأس، ليل)."""
    n, loc, _ = gaz.usage_of(key)
    return n >= USAGE_MIN_USES and (loc + 1) / (n + 3) < FOREIGN_WORD_MAX_SHARE


def _drop_foreign_governments(doc: Doc, gaz: Gazetteer, resolved: list[tuple[_Raw, ResolvedPlace]],
                              weights: dict[str, float]) -> list[tuple[_Raw, ResolvedPlace]]:
    """A foreign capital named bare, with no preposition, place word or direction before it and not in a list
    of places, stands for its government ("مقاتلين دربتهم واشنطن", "تدريب واشنطن لمقاتلي المعارضة",
    "الألغام التي أرسلتها طهران لحليفها الحوثي"): not a place of the story. Foreign: neither the
    article's country nor its neighbour."""
    focus = country_focus(weights)
    if not focus:
        return resolved
    near = {focus, *((gaz.meta.get("neighbours") or {}).get(focus, ()))}
    out = []
    for k, (r, rp) in enumerate(resolved):
        p = rp.place
        bare = (p.feature_code == "PPLC" and p.country_code not in near and not rp.is_dateline and r.cue is None
                and rp.qualifier is None and r.span_tok0 == r.tok0
                and not locative_context(doc, r.tok0, r.tok1, clitic=True)
                and not _after_capital_word(doc, r))  # "في العاصمة طرابلس", "بالعاصمة اليمنية صنعاء"
        if bare:
            listed = any(r2.sent == r.sent and (r2.tok1 == r.tok0 and _joined(doc, r2, r) or r2.tok0 == r.tok1
                                                 and _joined(doc, r, r2)) for r2, _ in resolved if r2 is not r)
            if not listed:
                continue
        out.append((r, rp))
    return out


def _after_capital_word(doc: Doc, r: _Raw) -> bool:
    """The name follows العاصمة, maybe with a nationality adjective between ("في العاصمة طرابلس", "بالعاصمة
    اليمنية صنعاء", "في العاصمة الأفغانية كابول"): the city named as a capital, a place."""
    s0 = doc.sentences[r.sent].token_start
    k = r.tok0 - 1
    if k > s0 and doc.tokens[k].norm.startswith("ال") and doc.tokens[k].norm.endswith("يه"):
        k -= 1  # the feminine nationality adjective of العاصمة
    return k >= s0 and bool(_CAPITAL_WORDS.intersection(doc.tokens[k].forms))


def _capitals_listed_with_towns(doc: Doc, gaz: Gazetteer, resolved: list[tuple[_Raw, ResolvedPlace]]
                                ) -> list[tuple[_Raw, ResolvedPlace]]:
    """A country named like its capital (تونس، الكويت، الجزائر) listed with towns of its own ("كليات الطب بتونس
    وسوسة والمنستير وصفاقس") is the capital city, a town among towns, not the whole country."""
    towns = [(r, rp) for r, rp in resolved if rp.place.kind in ("city", "village") and not rp.is_dateline]
    if not towns:
        return resolved
    out = []
    for r, rp in resolved:
        if rp.place.kind == "country" and not rp.is_dateline:
            cc = rp.place.country_code
            listed = any(rp2.place.country_code == cc and r2.sent == r.sent and (
                r2.tok1 == r.tok0 and _joined(doc, r2, r) or r2.tok0 == r.tok1 and _joined(doc, r, r2)) for r2, rp2 in towns)
            capital = next((p for p in gaz.lookup_key(r.key) if p.feature_code == "PPLC" and p.country_code == cc), None)
            between = r.tok0 > 0 and doc.tokens[r.tok0 - 1].norm == "بين"  # "السكة الرابطة بين تونس وصفاقس": the line's ends
            if listed and capital is not None and not between:
                why = rp.reasons + [f"listed with towns of {rp.place.name_en}: its capital {capital.name_en}"]
                rp = ResolvedPlace(capital, 1, rp.candidates, why, None, False, rp.name)
        out.append((r, rp))
    return out


INSTITUTION_WINDOW = 3  # words from an institution noun to the country named like its capital ("كلية الطب بتونس")


def _capitals_of_institutions(doc: Doc, gaz: Gazetteer, resolved: list[tuple[_Raw, ResolvedPlace]]
                              ) -> list[tuple[_Raw, ResolvedPlace]]:
    """A country named like its capital (تونس، الكويت، الجزائر) right after an institution and "ب" or "في"
    ("كلية الطب بتونس", "سفارة الولايات المتحدة بالكويت", "مستشفى شارل نيكول في تونس") is the capital city:
    a faculty, an embassy or a hospital stands in a town (``institution_nouns`` of places_context.yaml)."""
    nouns = place_context().institution_nouns
    toks = doc.tokens
    out = []
    for r, rp in resolved:
        if rp.place.kind == "country" and not rp.is_dateline and r.cue is None and rp.qualifier in (None, "admin"):
            w = toks[r.tok0].norm
            prep = w[:1] == "ب" and w[1:] in toks[r.tok0].forms or (
                r.tok0 > 0 and toks[r.tok0 - 1].norm == "في" and toks[r.tok0 - 1].sentence == r.sent)
            first = r.tok0 - (0 if w[:1] == "ب" else 1)
            inst = prep and any(not nouns.isdisjoint(toks[k].forms[:2]) for k in range(max(doc.sentences[r.sent].token_start,
                                first - INSTITUTION_WINDOW), first))
            if inst and not any(c in doc.text[toks[max(0, first - INSTITUTION_WINDOW)].end:r.start] for c in "،,.:؛;"):
                capital = next((p for p in gaz.lookup_key(r.key) if p.feature_code == "PPLC"
                                and p.country_code == rp.place.country_code), None)
                if capital is not None:
                    why = rp.reasons + [f"an institution in {rp.place.name_en}: its capital {capital.name_en}"]
                    rp = ResolvedPlace(capital, 1, rp.candidates, why, None, False, rp.name)
        out.append((r, rp))
    return out


def _same_name_same_area(resolved: list[tuple[_Raw, ResolvedPlace]]) -> list[tuple[_Raw, ResolvedPlace]]:
    """A name the gazetteer lacks where the article places it ("بجبل المغيلة بسيدي بوزيد": placed in the
    area named next to it) is that same place where the article names it again without that area ("في
    سفح جبل المغيلة"), not a same-name village of another country."""
    enclosed: dict[str, ResolvedPlace] = {}
    for r, rp in resolved:
        if rp.qualifier == "enclosing" and r.key not in enclosed:
            enclosed[r.key] = rp
    if not enclosed:
        return resolved
    out = []
    for r, rp in resolved:
        first = enclosed.get(r.key)
        if first is not None and rp is not first and r.cue is None and rp.qualifier != "enclosing" \
                and rp.place.country_code != first.place.country_code:
            why = [f"{r.key} is placed in {first.place.name_en} where the article names it before or after"]
            rp = ResolvedPlace(first.place, first.precision, [], why, first.qualifier, rp.is_dateline, rp.name)
        out.append((r, rp))
    return out


def _peeled(doc: Doc, r: _Raw) -> bool:
    """The name was matched inside a longer written word, a proclitic or the article peeled off ("وبنوك"
    read as نوك): the written word is first of all that longer word ("and banks")."""
    return doc.tokens[r.tok0].norm != r.key.split(" ", 1)[0]


def _drop_lone_foreign_towns(doc: Doc, gaz: Gazetteer, resolved: list[tuple[_Raw, ResolvedPlace]],
                             weights: dict[str, float]) -> list[tuple[_Raw, ResolvedPlace]]:
    """A place named without a place word (مدينة، بلدة …), alone in its country and far from the
    article's country, is much more likely a common word than a place the story is about: drop it when
    it is a small town (سويا "together" → Sevilla, ينقل "carries" → Yanqul), or any town whose name the
    corpus mostly writes as a word (``_word_like``: "ويواجه بخاري" is President Buhari, not Bukhara;
    "منتصف الليل" is midnight, not Lille; "بفأس" is "with an axe", not "in Fès"), unless a direction or
    an area right after it says it is a place ("ليل شمال فرنسا"). The article's country is the one most
    of its places lie in; on a tie, the one its place evidence (``weights``) points to."""
    counts: dict[str, int] = defaultdict(int)
    for _, rp in resolved:
        if not rp.is_dateline and rp.place.kind not in WORLD_KINDS:
            counts[rp.place.country_code] += 1
    if not counts:
        return resolved
    top = max(counts.values())
    focus = {cc for cc, n in counts.items() if n == top}
    neighbours = gaz.meta.get("neighbours") or {}
    near = set(focus)
    for cc in focus:
        near |= set(neighbours.get(cc, ()))
    by_weight = country_focus(weights) if top < 2 else None
    near_weight = {by_weight, *neighbours.get(by_weight, ())} if by_weight else set()
    out = []
    for r, rp in resolved:
        p = rp.place
        bare = (r.cue is None and rp.qualifier is None and counts[p.country_code] <= 1 and p.kind != "country"
                and p.kind not in WORLD_KINDS)  # a continent or a sea is named from anywhere
        lone = (bare and p.country_code not in near and not p.is_admin
                and p.population < LONE_FOREIGN_MAX_POP and top >= 2)
        word = (bare and not lone and not rp.is_dateline and _word_like(gaz, r.key)
                and (top >= 2 and p.country_code not in near or by_weight and p.country_code not in near_weight
                     or _peeled(doc, r) and by_weight is None)
                and locative_context(doc, r.tok0, r.tok1) < 2)
        if not (lone or word):
            out.append((r, rp))
    return out


# How far a quarter may lie from the town its sentence names (a big city's quarters are within ~15 km).
QUARTER_TOWN_KM = 30.0
# How far after a quarter's name its town may be named ("حي الجورة الذي تسيطر عليه قوات النظام، والمحاصر من قبل
# التنظيم في مدينة دير الزور": 13 words).
QUARTER_TOWN_REACH = 16


def _quarter_town(doc: Doc, r: _Raw, later: list[_Raw]) -> Place | None:
    """The city a quarter ("حي X", "أحياء X") lies in: the first city named with its place word (مدينة)
    later in the sentence, within ``QUARTER_TOWN_REACH`` words; None when the name follows no quarter word."""
    toks = doc.tokens
    if r.tok0 == 0 or not _has_form(toks[r.tok0 - 1], _PART_WIDE):
        return None
    for r2 in later:
        if r2.sent != r.sent or r2.tok0 - r.tok1 > QUARTER_TOWN_REACH:
            return None
        if r2.result and r2.cue == "town" and r2.result[0].place.kind == "city":
            return r2.result[0].place
    return None


def _enclosing(gaz: Gazetteer, r: _Raw, resolved: list[tuple[_Raw, ResolvedPlace]], doc: Doc | None = None
               ) -> ResolvedPlace | None:
    if r.town is not None:
        return ResolvedPlace(r.town, 2, [], r.reasons + [f"{r.key} is not in the gazetteer as a quarter of "
                                                         f"{r.town.name_en}; placed in it"], "part_of", False, r.key)
    # a continent, world region or sea encloses no village ("يثلج الصدر أن بعض دول الخليج")
    after = [(r2, rp) for r2, rp in resolved if r2.sent == r.sent and 0 <= r2.tok0 - r.tok1 <= 6 and not rp.is_dateline
             and rp.place.kind not in WORLD_KINDS and not (doc is not None and _across_border(doc, r, r2))]
    before = [(r2, rp) for r2, rp in resolved if r.sent - 2 <= r2.sent <= r.sent and r2.tok1 <= r.tok0
              and not rp.is_dateline and rp.place.kind != "country" and rp.place.kind not in WORLD_KINDS]
    if r.home:
        # its own places lie abroad only: it is in the article's country ("جبل مغيلة" in a Tunisian story is
        # not in the Algerian village named before it)
        after = [(r2, rp) for r2, rp in after if rp.place.country_code == r.home]
        before = [(r2, rp) for r2, rp in before if rp.place.country_code == r.home]
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
    if p.kind in ("city", "village") and r2 in [a for a, _ in after] and (
            rp2.qualifier == "near" or rp2.qualifier != "rural" and r2.cue is not None):
        # "بوادي الربايع من مدينة بن قردان": a town named (with its place word) right after the unknown
        # name is where it lies, closer than the governorate around both
        return ResolvedPlace(p, 2, [], why, "near", False, r.key)
    if not p.is_admin:
        p = gaz.admin1_of(p) or p
    return ResolvedPlace(p, 3, [], why, "enclosing", False, r.key)
