"""Loader for ``data/numbers.yaml``: number words, vague amounts, qualifiers, dual nouns, units."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ..text.normalise import fold
from . import DataFileError, load_yaml

FILE = "numbers.yaml"


@dataclass(frozen=True)
class NumberLexicon:
    """Every key is a folded (matching) form; multi-word phrases are tuples of folded words."""

    cardinals: dict[str, int]                 # "ثلاثه" → 3, "عشرين" → 20, "مئتين" → 200
    teen_tens: frozenset[str]                 # "عشر", "عشره" (ثلاثة عشر)
    scales: dict[str, int]                    # "الاف" → 1000 (multiplied by a preceding number)
    ordinals: dict[str, int]                  # "الاول" → 1, "الحادي والعشرين" → 21
    vague: dict[tuple[str, ...], int]         # ("عشرات",) → 10, ("عشرات", "الالاف") → 10000
    qualifiers: dict[tuple[str, ...], str]    # ("اكثر", "من") → "more_than"
    post_qualifiers: dict[tuple[str, ...], str]
    one_of: frozenset[str]                    # "احد", "احدي"
    dual_nouns: frozenset[str]                # singulars whose -ين/-ان form is a dual
    dual_nouns_ambiguous: frozenset[str]      # sound-plural nouns: dual only with اثنين
    singular_nouns: frozenset[str]            # indefinite singular counts one
    and_another: frozenset[str]
    dual_words: frozenset[str]
    dual_partners: frozenset[str]
    units: dict[str, str]                     # "كلم" → "measure", "دولار" → "money", "ساعه" → "duration"
    percent: tuple[tuple[str, ...], ...]
    year_words: frozenset[str]
    time_words: frozenset[str]
    name_words: frozenset[str]  # a number after these names a street or a gate ("شارع الستين")


def _phrases(mapping: dict[str, Any]) -> dict[tuple[str, ...], str]:
    return {tuple(fold(p).split()): str(label) for label, ps in mapping.items() for p in ps}


@lru_cache(maxsize=None)
def numbers() -> NumberLexicon:
    """The number lexicon, loaded and folded once per process."""
    d = load_yaml(FILE)
    try:
        card: dict[str, int] = {}
        for n, words in d["cardinals"].items():
            for w in words:
                card.setdefault(fold(w), int(n))
        ords: dict[str, int] = {}
        for n, words in d["ordinals"].items():
            for w in words:
                ords.setdefault(fold(w), int(n))
        return NumberLexicon(
            cardinals=card,
            teen_tens=frozenset(fold(w) for w in d["teen_tens"]),
            scales={fold(k): int(v) for k, v in d["scales"].items()},
            ordinals=ords,
            vague={tuple(fold(k).split()): int(v) for k, v in d["vague"].items()},
            qualifiers=_phrases(d["qualifiers"]),
            post_qualifiers=_phrases(d["post_qualifiers"]),
            one_of=frozenset(fold(w) for w in d["one_of"]),
            dual_nouns=frozenset(fold(w) for w in d["dual_nouns"]),
            dual_nouns_ambiguous=frozenset(fold(w) for w in d["dual_nouns_ambiguous"]),
            singular_nouns=frozenset(fold(w) for w in d["singular_nouns"]),
            and_another=frozenset(fold(w) for w in d["and_another"]),
            dual_words=frozenset(fold(w) for w in d["dual_words"]),
            dual_partners=frozenset(fold(w) for w in d["dual_partners"]),
            units={fold(w): kind for kind, ws in d["units"].items() for w in ws},
            percent=tuple(tuple(fold(p).split()) for p in d["percent"]),
            year_words=frozenset(fold(w) for w in d["year_words"]),
            time_words=frozenset(fold(w) for w in d["time_words"]),
            name_words=frozenset(fold(w) for w in d.get("name_words", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataFileError(f"{FILE}: unexpected structure ({exc!r}); rebuild with scripts/build_lexicons.py") from None


def with_clitics(words: Iterable[str]) -> frozenset[str]:
    """``words`` plus every proclitic spelling a token can carry (و/ف, ب/ل/ك, ال, لل): a
    superset of what ``Token.forms`` peels, for a C-speed set intersection over a document."""
    pre = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
    out: set[str] = set()
    for w in words:
        out.update(p + w for p in pre)
        if not w.startswith("ال"):
            out.update(p + "ال" + w for p in pre if not p.endswith("ل"))
            out.update(p + "لل" + w for p in ("", "و", "ف"))
    return frozenset(out)
