"""Load and validate ``sources.yaml``: reporting sources, attribution triggers, source back-references."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from ..text.matcher import PhraseMatcher
from ..text.normalise import fold
from . import DataFileError, data_path, load_yaml

SOURCE_KINDS = frozenset({"agency", "monitor", "media", "official", "ngo", "generic"})


@dataclass(frozen=True, slots=True)
class SourceDef:
    """One source entry; a template's name holds ``{country}``/``{of_country}``."""

    key: str
    name: str
    kind: str
    template: bool = False
    fallback_name: str | None = None


@dataclass(frozen=True, slots=True)
class SourceCandidate:
    """A reading of a phrase: the source ``key``; ``weak`` ones count only after a trigger;
    ``backref_kinds`` set for short forms (المرصد) resolved to the last source of those kinds."""

    key: str | None
    weak: bool = False
    backref_kinds: frozenset[str] = frozenset()
    window: int | None = None


@dataclass
class SourceLexicon:
    sources: dict[str, SourceDef]
    matcher: PhraseMatcher[SourceCandidate]
    triggers: PhraseMatcher[str]
    trigger_window: int
    actor_kinds: frozenset[str]
    actor_triggers: PhraseMatcher[str]
    first_words: frozenset[str] = frozenset()  # quick pre-filter for ``matcher``


def parse_source_lexicon(data: Any, source: str = "sources.yaml") -> SourceLexicon:
    """Validate the parsed YAML; DataFileError names the file and the entry on any problem."""

    def fail(where: str, msg: str) -> None:
        raise DataFileError(f"{source}: {where}: {msg}")

    def str_list(v: Any, where: str, what: str, allow_empty: bool = True) -> list[str]:
        v = [] if v is None else v
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            fail(where, f"'{what}' must be a list of non-empty strings, got {v!r}")
        if not v and not allow_empty:
            fail(where, f"'{what}' must not be empty")
        return v

    if not isinstance(data, Mapping) or "sources" not in data or "triggers" not in data:
        fail("top level", "expected a mapping with 'triggers' and 'sources'")
    triggers: PhraseMatcher[str] = PhraseMatcher()
    for t in str_list(data["triggers"], "triggers", "triggers", allow_empty=False):
        triggers.add(t, fold(t))
    window = data.get("trigger_window", 6)
    if not isinstance(window, int) or window < 1:
        fail("trigger_window", "must be a positive number of tokens")

    sources: dict[str, SourceDef] = {}
    matcher: PhraseMatcher[SourceCandidate] = PhraseMatcher()
    first: set[str] = set()
    if not isinstance(data["sources"], list):
        fail("sources", "must be a list of entries")
    for i, e in enumerate(data["sources"]):
        where = f"source #{i + 1}"
        if not isinstance(e, Mapping) or not isinstance(e.get("key"), str):
            fail(where, "entry must be a mapping with a 'key'")
        key = e["key"]
        where = f"source #{i + 1} ({key})"
        if key in sources:
            fail(where, "duplicate key")
        name, kind = e.get("name"), e.get("kind")
        if not isinstance(name, str) or not name.strip():
            fail(where, "missing English 'name'")
        if kind not in SOURCE_KINDS:
            fail(where, f"'kind' must be one of {sorted(SOURCE_KINDS)}, got {kind!r}")
        template = bool(e.get("template", False))
        if template and "{country}" not in name and "{of_country}" not in name:
            fail(where, "a template name needs a {country} or {of_country} placeholder")
        sources[key] = SourceDef(key, name, kind, template, e.get("fallback_name"))
        aliases = str_list(e.get("aliases"), where, "aliases")
        weak = str_list(e.get("weak_aliases"), where, "weak_aliases")
        if not aliases and not weak:
            fail(where, "needs 'aliases' or 'weak_aliases'")
        for a in aliases:
            matcher.add(a, SourceCandidate(key))
        for a in weak:
            matcher.add(a, SourceCandidate(key, weak=True))
        first.update(fold(a).replace("-", " ").split()[0] for a in aliases + weak)

    for i, b in enumerate(data.get("backrefs") or []):
        where = f"backref #{i + 1}"
        if not isinstance(b, Mapping):
            fail(where, "entry must be a mapping")
        kinds = frozenset(str_list(b.get("kinds"), where, "kinds", allow_empty=False))
        bad = kinds - SOURCE_KINDS
        if bad:
            fail(where, f"unknown kinds {sorted(bad)}")
        w = b.get("window")
        for a in str_list(b.get("aliases"), where, "aliases", allow_empty=False):
            matcher.add(a, SourceCandidate(None, backref_kinds=kinds, window=w))
            first.add(fold(a).split()[0])

    actor_kinds = frozenset(str_list(data.get("actor_sources"), "actor_sources", "actor_sources"))
    actor_triggers: PhraseMatcher[str] = PhraseMatcher()
    for t in str_list(data.get("actor_triggers"), "actor_triggers", "actor_triggers"):
        actor_triggers.add(t, fold(t))
    return SourceLexicon(sources, matcher, triggers, window, actor_kinds, actor_triggers, frozenset(first))


@lru_cache(maxsize=None)
def source_lexicon(name: str = "sources.yaml") -> SourceLexicon:
    """The shipped source lexicon, loaded and validated once per process."""
    return parse_source_lexicon(load_yaml(name), str(data_path(name)))
