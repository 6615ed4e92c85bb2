"""Load and validate ``actors.yaml``: named actors, per-country templates, back-references, support.

The loaded :class:`ActorLexicon` holds one :class:`~marsad.text.matcher.PhraseMatcher` whose payloads
are tuples of :class:`Candidate` (one phrase can mean different actors in different countries) or a
:class:`SupportTrigger`. It is built once per process (:func:`actor_lexicon`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, Union

from ..text.matcher import PhraseMatcher
from ..text.normalise import fold
from . import DataFileError, data_path, load_yaml

KIND_INTER_DEFAULT: dict[str, int] = {
    "state": 1, "rebel": 2, "militia": 3, "identity": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external": 8,
}
WILDCARD = "*"


@dataclass(frozen=True, slots=True)
class Country:
    """A country the lexicon knows: ISO2 code, English names, Arabic names and adjective bases."""

    code: str
    name: str
    of_name: str
    ar: tuple[str, ...]
    capitals: tuple[str, ...]
    support_adj: bool = True
    forces_of: str | None = None  # whose army and police the story's unnamed forces are (PS: IL)


@dataclass(frozen=True, slots=True)
class ActorDef:
    """One actor entry. A template's name holds ``{country}``/``{of_country}`` placeholders."""

    key: str
    name: str
    inter: int
    kind: str
    country: str | None = None
    template: bool = False
    fallback_name: str | None = None
    classes: frozenset[str] = frozenset()
    coalition: bool = False
    pro_government: bool = False  # fights for the government: its gains are the government's


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a phrase.

    ``key`` is an actor key (named or template). ``country`` fixes a template's country (set for
    adjectival phrases). ``context`` limits the reading to articles about those countries (``*`` =
    any, lowest priority). ``backref`` marks an anaphor, resolved at run time (see BackrefSpec).
    ``needs_adjective``: the phrase names the actor only when a nationality adjective follows.
    """

    key: str | None
    context: frozenset[str] | None = None
    backref: "BackrefSpec | None" = None
    needs_adjective: bool = False


@dataclass(frozen=True, slots=True)
class BackrefSpec:
    """How to resolve an anaphor (التنظيم): antecedent classes/kinds, fallback, window in sentences."""

    classes: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    fallback: str | None = None
    default_if_mentioned: str | None = None
    window: int | None = None


@dataclass(frozen=True, slots=True)
class SupportTrigger:
    """A phrase that introduces a backer: بدعم (من), المدعومة من, بقيادة ..."""

    phrase: str
    leadership: bool = False


@dataclass(frozen=True, slots=True)
class NotActor:
    """A phrase that holds an actor alias but names no actor: ناقلة جنود (a troop carrier), مقذوف عسكري."""

    phrase: str


Payload = Union[tuple[Candidate, ...], SupportTrigger, NotActor]


@dataclass
class ActorLexicon:
    """Everything the actor stage needs, built once."""

    kinds: dict[str, int]
    countries: dict[str, Country]
    actors: dict[str, ActorDef]
    matcher: PhraseMatcher[Payload]
    adjectives: dict[str, str]  # folded nationality adjective form -> ISO2 (سوري, السورية, أتراك ...)
    support_words: dict[str, str]  # folded country/capital/adjective/adverb -> ISO2, for backers
    fillers: frozenset[str] = field(default_factory=frozenset)
    country_template: str = "military"
    first_words: frozenset[str] = field(default_factory=frozenset)  # quick pre-filter for the matcher
    _filled: dict[tuple[str, str | None], ActorDef] = field(default_factory=dict, repr=False)

    def forces_country(self, country: str | None) -> str | None:
        """The country whose forces a state force named without a nationality belongs to, in a story of
        ``country``: itself, except where the data says otherwise (in the Palestinian territories, Israel's)."""
        c = self.countries.get(country) if country else None
        return c.forces_of if c is not None and c.forces_of else country

    def fill(self, key: str, country: str | None) -> ActorDef | None:
        """The concrete actor for ``key`` in ``country``: named actors as they are, templates filled.

        A named actor keyed ``<template>:<ISO2>`` overrides the filled template.
        """
        a = self.actors.get(key)
        if a is None:
            return None
        if not a.template:
            return a
        filled = self._filled.get((key, country))
        if filled is None:
            filled = self._filled[(key, country)] = self._fill_template(a, country)
        return filled

    def _fill_template(self, a: ActorDef, country: str | None) -> ActorDef:
        key = a.key
        if country:
            named = self.actors.get(f"{key}:{country}")
            if named is not None:
                return named
            c = self.countries.get(country)
            cname = c.name if c else world_country_name(country)
            of_name = c.of_name if c else cname
            return ActorDef(f"{key}:{country}", a.name.format(country=cname, of_country=of_name), a.inter,
                            a.kind, country, False, None, a.classes, a.coalition)
        return ActorDef(key, a.fallback_name or a.name.format(country="unknown", of_country="unknown"),
                        a.inter, a.kind, None, False, None, a.classes, a.coalition)


class _Checker:
    """Collects the file name and entry label for clear error messages."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, msg: str) -> None:
        raise DataFileError(f"{self.source}: {where}: {msg}")

    def str_list(self, value: Any, where: str, what: str, allow_empty: bool = True) -> list[str]:
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(where, f"'{what}' must be a list of non-empty strings, got {value!r}")
        if not value and not allow_empty:
            self.fail(where, f"'{what}' must not be empty")
        return value


def _adjective_forms(base: str) -> list[str]:
    """Gender/number/definiteness forms of a nationality adjective base (سوري → السورية ...)."""
    forms = []
    for b in (base, "ال" + base):
        forms += [b, b + "ة", b + "ين", b + "ون"]
    return forms


def _variants(alias: str, spelling: list[list[str]]) -> list[str]:
    out = [alias]
    for group in spelling:
        for src in group:
            new = []
            for a in out:
                if src in a:
                    new += [a.replace(src, dst) for dst in group if dst != src]
            out += new
    return list(dict.fromkeys(out))


def parse_actor_lexicon(data: Any, source: str = "actors.yaml") -> ActorLexicon:
    """Validate the parsed YAML and build the lexicon; DataFileError names file and entry on problems."""
    ck = _Checker(source)
    if not isinstance(data, Mapping):
        ck.fail("top level", "expected a mapping with 'kinds', 'countries', 'actors'")
    for section in ("kinds", "countries", "actors"):
        if section not in data:
            ck.fail("top level", f"missing section '{section}'")

    kinds = data["kinds"]
    if not isinstance(kinds, Mapping) or not all(isinstance(v, int) and 1 <= v <= 8 for v in kinds.values()):
        ck.fail("kinds", "must map kind names to inter codes 1..8")
    kinds = dict(kinds)

    spelling = data.get("spelling") or []
    if not isinstance(spelling, list) or not all(isinstance(g, list) and len(g) >= 2 for g in spelling):
        ck.fail("spelling", "must be a list of lists of at least two spellings")

    countries: dict[str, Country] = {}
    adjectives: dict[str, str] = {}
    support_words: dict[str, str] = {}
    if not isinstance(data["countries"], Mapping):
        ck.fail("countries", "must map ISO2 codes to entries")
    for code, c in data["countries"].items():
        where = f"country {code!r}"
        if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
            ck.fail(where, "country keys must be ISO 3166-1 alpha-2 codes (e.g. SY)")
        if not isinstance(c, Mapping) or not isinstance(c.get("name"), str):
            ck.fail(where, "needs at least 'name' (English)")
        ar = ck.str_list(c.get("ar"), where, "ar")
        adj = ck.str_list(c.get("adj"), where, "adj")
        plural = ck.str_list(c.get("plural"), where, "plural")
        capitals = ck.str_list(c.get("capitals"), where, "capitals")
        sup = bool(c.get("support_adj", True))
        forces_of = c.get("forces_of")
        if forces_of is not None and not (isinstance(forces_of, str) and len(forces_of) == 2 and forces_of.isupper()):
            ck.fail(where, "'forces_of' must be an ISO2 code")
        countries[code] = Country(code, c["name"], c.get("of_name") or c["name"], tuple(ar), tuple(capitals), sup,
                                  forces_of)
        for base in adj:
            for f in _adjective_forms(base):
                adjectives.setdefault(fold(f), code)
                if sup:
                    support_words.setdefault(fold(f), code)
            if sup:
                support_words.setdefault(fold(base + "ا"), code)  # adverb: أمريكيا
        for p in plural:
            for f in (p, "ال" + p):
                adjectives.setdefault(fold(f), code)
        for name in ar + capitals:
            if " " not in name and sup:
                support_words.setdefault(fold(name), code)

    actors: dict[str, ActorDef] = {}
    phrases: dict[str, list[Candidate]] = {}
    order: list[str] = []

    def add_phrase(phrase: str, cand: Candidate) -> None:
        for variant in _variants(phrase, spelling):
            k = " ".join(fold(variant).replace("-", " ").split())
            if not k:
                continue
            if k not in phrases:
                phrases[k] = []
                order.append(k)
            if cand not in phrases[k]:
                phrases[k].append(cand)

    entries = data["actors"]
    if not isinstance(entries, list):
        ck.fail("actors", "must be a list of entries")
    for i, e in enumerate(entries):
        where = f"actor #{i + 1}"
        if not isinstance(e, Mapping):
            ck.fail(where, "entry must be a mapping")
        key = e.get("key")
        if not isinstance(key, str) or not key:
            ck.fail(where, "missing 'key'")
        where = f"actor #{i + 1} ({key})"
        if key in actors:
            ck.fail(where, "duplicate key")
        name = e.get("name")
        if not isinstance(name, str) or not name.strip():
            ck.fail(where, "missing English 'name'")
        kind = e.get("kind")
        if kind not in kinds:
            ck.fail(where, f"'kind' must be one of {sorted(kinds)}, got {kind!r}")
        inter = e.get("inter")
        if inter != kinds[kind]:
            ck.fail(where, f"'inter' {inter!r} does not match kind {kind!r} (inter {kinds[kind]})")
        template = bool(e.get("template", False))
        country = e.get("country")
        if template:
            if "{country}" not in name and "{of_country}" not in name:
                ck.fail(where, "a template name needs a {country} or {of_country} placeholder")
            try:
                name.format(country="X", of_country="X")
            except (KeyError, IndexError, ValueError) as exc:
                ck.fail(where, f"bad placeholder in name: {exc}")
        elif country is not None and country not in countries:
            ck.fail(where, f"unknown country {country!r} (add it under 'countries')")
        if ":" in key and not template:
            base, _, cc = key.partition(":")
            if cc != country:
                ck.fail(where, f"key {key!r} overrides template {base!r} for {cc!r} but country is {country!r}")
        classes = frozenset(ck.str_list(e.get("classes"), where, "classes"))
        actors[key] = ActorDef(key, name, inter, kind, country, template, e.get("fallback_name"), classes,
                               bool(e.get("coalition", False)), bool(e.get("pro_government", False)))
        aliases = ck.str_list(e.get("aliases"), where, "aliases")
        ctx_list = e.get("context_aliases") or []
        if not isinstance(ctx_list, list):
            ck.fail(where, "'context_aliases' must be a list of {countries, aliases}")
        if not aliases and not ctx_list and not template and ":" not in key:
            ck.fail(where, "needs 'aliases' or 'context_aliases'")
        for a in aliases:
            add_phrase(a, Candidate(key))
        for j, ctx in enumerate(ctx_list):
            w2 = f"{where} context_aliases #{j + 1}"
            if not isinstance(ctx, Mapping):
                ck.fail(w2, "must be a mapping with 'countries' and 'aliases'")
            cs = ck.str_list(ctx.get("countries"), w2, "countries", allow_empty=False)
            for c in cs:
                if c != WILDCARD and c not in countries:
                    ck.fail(w2, f"unknown country {c!r}")
            for a in ck.str_list(ctx.get("aliases"), w2, "aliases", allow_empty=False):
                add_phrase(a, Candidate(key, context=frozenset(cs)))
        adjectival = ck.str_list(e.get("adjectival"), where, "adjectival")
        if adjectival and not template:
            ck.fail(where, "'adjectival' heads are only allowed on templates")
        for a in adjectival:
            add_phrase(a, Candidate(key, needs_adjective=True))

    for key, a in actors.items():
        if ":" in key and not a.template:
            base = key.partition(":")[0]
            if base not in actors or not actors[base].template:
                ck.fail(f"actor {key!r}", f"key overrides template {base!r}, which is not defined")

    for i, b in enumerate(data.get("backrefs") or []):
        where = f"backref #{i + 1}"
        if not isinstance(b, Mapping):
            ck.fail(where, "entry must be a mapping")
        aliases = ck.str_list(b.get("aliases"), where, "aliases", allow_empty=False)
        classes = frozenset(ck.str_list(b.get("classes"), where, "classes"))
        bkinds = frozenset(ck.str_list(b.get("kinds"), where, "kinds"))
        if not classes and not bkinds:
            ck.fail(where, "needs 'classes' or 'kinds' to know what it can refer to")
        for k in bkinds:
            if k not in kinds:
                ck.fail(where, f"unknown kind {k!r}")
        for ref in ("fallback", "default_if_mentioned"):
            if b.get(ref) is not None and b[ref] not in actors:
                ck.fail(where, f"'{ref}' names unknown actor key {b[ref]!r}")
        window = b.get("window")
        if window is not None and (not isinstance(window, int) or window < 0):
            ck.fail(where, "'window' must be a non-negative number of sentences")
        spec = BackrefSpec(classes, bkinds, b.get("fallback"), b.get("default_if_mentioned"), window)
        for a in aliases:
            add_phrase(a, Candidate(None, backref=spec))

    matcher: PhraseMatcher[Payload] = PhraseMatcher()
    for k in order:
        matcher.add(k, tuple(phrases[k]))

    fillers: frozenset[str] = frozenset()
    country_template = "military"
    sup = data.get("support")
    if sup is not None:
        if not isinstance(sup, Mapping):
            ck.fail("support", "must be a mapping with 'triggers'")
        triggers = ck.str_list(sup.get("triggers"), "support", "triggers", allow_empty=False)
        lead = {fold(t) for t in ck.str_list(sup.get("leadership"), "support", "leadership")}
        fillers = frozenset(fold(f) for f in ck.str_list(sup.get("fillers"), "support", "fillers"))
        country_template = sup.get("country_template", "military")
        if country_template not in actors or not actors[country_template].template:
            ck.fail("support", f"'country_template' {country_template!r} is not a template actor")
        for t in triggers:
            ft = fold(t)
            if ft in phrases:
                ck.fail("support", f"trigger {t!r} is also an actor alias")
            matcher.add(ft, SupportTrigger(ft, ft in lead))

    not_actors = [fold(p) for p in ck.str_list(data.get("not_actors"), "not_actors", "phrases")]
    for p in not_actors:
        if p in phrases:
            ck.fail("not_actors", f"{p!r} is also an actor alias")
        if not any(f" {k} " in f" {p} " for k in order):
            ck.fail("not_actors", f"{p!r} holds no actor alias: it would block nothing")
        matcher.add(p, NotActor(p))
    first_words = frozenset(k.split()[0] for k in order) | frozenset(
        fold(t).split()[0] for t in (sup or {}).get("triggers", []) if fold(t)) | frozenset(p.split()[0] for p in not_actors)
    return ActorLexicon(kinds, countries, actors, matcher, adjectives, support_words, fillers, country_template,
                        first_words)


@lru_cache(maxsize=None)
def world_country_name(code: str) -> str:
    """The English name of any country (``countries.yaml``, the gazetteer's country table) for a country
    the actor lexicon does not list: "Police Forces of Sri Lanka", never "Police Forces of LK"."""
    rec = (load_yaml("countries.yaml").get("countries") or {}).get(code)
    return str(rec["name"]) if rec and rec.get("name") else code


@lru_cache(maxsize=None)
def actor_lexicon(name: str = "actors.yaml") -> ActorLexicon:
    """The shipped actor lexicon, loaded and validated once per process."""
    return parse_actor_lexicon(load_yaml(name), str(data_path(name)))
