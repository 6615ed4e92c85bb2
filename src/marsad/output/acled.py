"""What an ACLED row needs beyond the event itself: country codes and region, ACLED-style ids,
plain place spellings and the scale of the sources.

The facts live in data files (``countries.yaml``, built by ``scripts/build_countries.py``;
``place_spelling.yaml``; ``source_scale.yaml``), read once.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache
from typing import Any

from ..lexicon import load_yaml
from ..text.normalise import fold


def _data(name: str) -> Any:
    """A data file's content (shared by every caller: read it, never change it)."""
    return load_yaml(name)


@lru_cache(maxsize=1)
def countries() -> dict[str, dict[str, Any]]:
    """``{ISO2: {name, iso3, iso, region, ar}}`` for every country the gazetteer names."""
    return {str(cc): rec for cc, rec in _data("countries.yaml")["countries"].items()}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, dict[str, Any]]:
    """Every way to name a country (English name, ISO2, ISO3, Arabic names, all folded) -> its record."""
    out: dict[str, dict[str, Any]] = {}
    for cc, rec in countries().items():
        rec = dict(rec, iso2=cc)
        for key in [rec["name"], cc, rec["iso3"], *rec.get("ar", [])]:
            out.setdefault(fold(key).casefold(), rec)
            if fold(key).startswith("ال"):  # "اليمن" is also written "يمن" after a preposition's clitic
                out.setdefault(fold(key)[2:], rec)
    return out


def country(name: str | None) -> dict[str, Any] | None:
    """The record of a country named in English (as events carry it), Arabic, or by ISO code; else None."""
    if not name or not name.strip():
        return None
    return _by_name().get(fold(name.strip()).casefold())


def country_name(query: str) -> str:
    """The English country name events carry, for a name in English or Arabic or an ISO code.

    Unknown names come back unchanged, so a filter on them finds nothing rather than failing.
    """
    rec = country(query)
    return rec["name"] if rec else query.strip()


@lru_cache(maxsize=1)
def _spelling() -> tuple[dict[int, str | None], ...]:
    d = _data("place_spelling.yaml")
    table: dict[int, str | None] = {ord(c): None for c in d.get("drop", [])}
    table.update({ord(k): v for k, v in (d.get("replace") or {}).items()})
    return (table,)


def plain_spelling(name: str | None) -> str:
    """A place name as ACLED writes it: GeoNames' transliteration without marks ("Aḑ Ḑāli‘" -> "Ad Dali")."""
    if not name:
        return ""
    if name.isascii():
        return name
    (table,) = _spelling()
    text = unicodedata.normalize("NFKD", name.translate(table))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.translate(table).split())


@lru_cache(maxsize=1)
def _scales() -> tuple[dict[str, str], dict[str, str], list[str]]:
    d = _data("source_scale.yaml")
    kinds = d.get("kinds") or {}
    by_name: dict[str, str] = {}
    for s in _data("sources.yaml").get("sources") or []:  # the named sources' kinds
        if s.get("kind") in kinds and s.get("name"):
            by_name[s["name"]] = kinds[s["kind"]]
    by_name.update(d.get("names") or {})
    return by_name, kinds, list(d.get("order") or [])


def source_scale(sources: str | None) -> str:
    """ACLED's source_scale for a "; "-joined list of sources and outlets ("National-International")."""
    if not sources:
        return ""
    by_name, _, order = _scales()
    found = {by_name[s.strip()] for s in sources.split(";") if s.strip() in by_name}
    return "-".join(sorted(found, key=lambda s: order.index(s) if s in order else len(order)))


def event_id_cnty(fused_id: str | None, iso3: str | None) -> str:
    """ACLED-style id: the country's ISO3 and a number that stays the same for the same fused event.

    The number is the fused id's hash read as a decimal (12 digits: collisions are unlikely below
    about a million events per country); ``XXX`` stands in for an event without a country.
    """
    if not fused_id:
        return ""
    digits = fused_id.lstrip("F")
    try:
        number = int(digits, 16) % 10**12
    except ValueError:
        number = int.from_bytes(fused_id.encode("utf-8")[-8:], "big") % 10**12
    return f"{iso3 or 'XXX'}{number}"


def unix_timestamp(iso: str | None) -> int | None:
    """An ISO date-time (as ``articles.ingested_at``) as Unix seconds, ACLED's ``timestamp``."""
    if not iso:
        return None
    try:
        t = dt.datetime.fromisoformat(str(iso).replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.timezone.utc)
    return int(t.timestamp())
