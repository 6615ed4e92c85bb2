"""Actor families for territorial control: the side an actor belongs to, its map colour, its theatre.

The map colours holders by family (state forces, Islamic State, Kurdish forces, opposition, Houthis,
AQAP ...), not one colour per name, and a control claim is only believed where its holder's family
can plausibly hold towns (no "Islamic State holds Moscow", no Egyptian army holding a Syrian town).
All of it is data: ``marsad/data/actor_families.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lexicon import DataFileError, load_yaml

FILE = "actor_families.yaml"


@dataclass(frozen=True)
class Family:
    """One side: its key, English label, map colour and theatre (countries where it can hold towns)."""

    key: str
    label: str
    colour: str
    theatre: frozenset[str]


@dataclass(frozen=True)
class Families:
    """Everything in actor_families.yaml, indexed."""

    families: dict[str, Family]
    by_actor: dict[str, str]                    # exact actor name -> family key
    actor_theatre: dict[str, frozenset[str]]    # actor name -> extra countries
    by_country: dict[str, dict[str, str]]       # actor name -> {country: family key}
    state_patterns: tuple[str, ...]
    interventions: dict[str, frozenset[str]]    # state country -> countries its forces may hold
    never: tuple[str, ...]
    contested: dict[str, str]
    home: dict[str, str]                        # actor name -> home country (English), from actors.yaml
    of_names: dict[str, str]                    # "the United States" -> "United States"
    alliances: dict[str, tuple[frozenset[str], ...]]  # country -> groups of family keys / actor names

    def side(self, actor: str, country: str | None) -> str:
        """The side ``actor`` is on at a place in ``country``: allies share one side (they do not
        contest a town they hold together), otherwise its family."""
        fam = self.family_of(actor, country)
        for i, group in enumerate(self.alliances.get(country or "", ())):
            if actor in group or (fam in group and not (fam == "foreign_forces" and actor not in group)):
                return f"{country}:{i}"
        return fam if fam not in ("other", "foreign_forces") else actor

    def state_country(self, actor: str) -> str | None:
        """The country of a "Military Forces of X" / "Police Forces of X (faction)" actor, else None."""
        for pat in self.state_patterns:
            if actor.startswith(pat):
                rest = actor[len(pat):].split(" (")[0].strip()
                return self.of_names.get(rest, rest)
        return None

    def holds_places(self, actor: str | None) -> bool:
        """False for names that never hold a town (unidentified groups, civilians, crowds ...)."""
        if not actor:
            return False
        return not any(actor == n or actor.startswith(n + " (") or actor.startswith(n) for n in self.never)

    def family_of(self, actor: str, country: str | None = None) -> str:
        """The family key of ``actor`` holding a place in ``country``."""
        special = self.by_country.get(actor, {})
        if country in special:
            return special[country]
        if actor in self.by_actor:
            return self.by_actor[actor]
        state = self.state_country(actor)
        if state is not None:
            return "state" if country is None or state == country else "foreign_forces"
        return "other"

    def plausible(self, actor: str, country: str | None) -> bool:
        """Can ``actor`` hold a town in ``country``? Its family's theatre, its own country, or a listed
        intervention for a state's forces abroad."""
        if not country or not self.holds_places(actor):
            return False
        state = self.state_country(actor)
        if state is not None and actor not in self.by_actor:
            return country == state or country in self.interventions.get(state, frozenset())
        fam = self.families.get(self.family_of(actor, country))
        if fam is not None and country in fam.theatre:
            return True
        if country in self.actor_theatre.get(actor, frozenset()):
            return True
        return self.home.get(actor) == country

    def describe(self, key: str) -> dict[str, str]:
        """``{family, family_label, colour}`` for the API and the map."""
        if key == "contested":
            return {"family": "contested", "family_label": self.contested["label"], "colour": self.contested["colour"]}
        fam = self.families.get(key) or self.families["other"]
        return {"family": fam.key, "family_label": fam.label, "colour": fam.colour}

    def palette(self) -> list[dict[str, str]]:
        """Every family (and ``contested``) with its label and colour, in legend order."""
        return [self.describe(k) for k in self.families] + [self.describe("contested")]


def _strs(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{FILE}: {where} must be a list of strings")
    return value


def parse_families(data: Any) -> Families:
    """Validate and index the parsed YAML; a clear DataFileError names the faulty entry."""
    if not isinstance(data, dict) or not isinstance(data.get("families"), dict):
        raise DataFileError(f"{FILE}: needs a `families` mapping")
    families: dict[str, Family] = {}
    by_actor: dict[str, str] = {}
    for key, f in data["families"].items():
        if not isinstance(f, dict) or not isinstance(f.get("colour"), str) or not f["colour"].startswith("#"):
            raise DataFileError(f"{FILE}: family {key!r} needs a label and a #hex colour")
        families[key] = Family(key, str(f.get("label") or key), f["colour"],
                               frozenset(_strs(f.get("theatre"), f"families.{key}.theatre")))
        for a in _strs(f.get("actors"), f"families.{key}.actors"):
            if a in by_actor:
                raise DataFileError(f"{FILE}: actor {a!r} is in two families ({by_actor[a]}, {key})")
            by_actor[a] = key
    for need in ("state", "foreign_forces", "other"):
        if need not in families:
            raise DataFileError(f"{FILE}: family {need!r} is required")
    by_country = {a: dict(m) for a, m in (data.get("by_country") or {}).items()}
    for a, m in by_country.items():
        for c, k in m.items():
            if k not in families:
                raise DataFileError(f"{FILE}: by_country.{a}.{c}: unknown family {k!r}")
    state = data.get("state") or {}
    contested = data.get("contested") or {}
    if "colour" not in contested:
        raise DataFileError(f"{FILE}: `contested` needs a colour")
    home, of_names = _lexicon_countries()
    return Families(
        families=families, by_actor=by_actor,
        actor_theatre={a: frozenset(_strs(v, f"actor_theatre.{a}")) for a, v in (data.get("actor_theatre") or {}).items()},
        by_country=by_country,
        state_patterns=tuple(_strs(state.get("patterns"), "state.patterns")),
        interventions={c: frozenset(_strs(v, f"state.interventions.{c}")) for c, v in (state.get("interventions") or {}).items()},
        never=tuple(_strs((data.get("holders") or {}).get("never"), "holders.never")),
        contested={"label": str(contested.get("label") or "Contested"), "colour": contested["colour"]},
        home=home, of_names=of_names,
        alliances={c: tuple(frozenset(_strs(g, f"alliances.{c}")) for g in groups)
                   for c, groups in (data.get("alliances") or {}).items()},
    )


def _lexicon_countries() -> tuple[dict[str, str], dict[str, str]]:
    """Each named actor's home country and the "of" form of country names, from actors.yaml."""
    from ..lexicon.actors import actor_lexicon

    lex = actor_lexicon()
    home = {a.name: lex.countries[a.country].name for a in lex.actors.values()
            if not a.template and a.country in lex.countries}
    of_names = {c.of_name: c.name for c in lex.countries.values() if c.of_name}
    return home, of_names


@lru_cache(maxsize=None)
def families() -> Families:
    """The shipped actor families (loaded once)."""
    return parse_families(load_yaml(FILE))
