"""The actor and source lexicons load, validate, and reject bad entries with clear messages."""
from __future__ import annotations

import copy

import pytest

from marsad.lexicon import DataFileError, load_yaml
from marsad.lexicon.actors import actor_lexicon, parse_actor_lexicon
from marsad.lexicon.sources import parse_source_lexicon, source_lexicon


def test_shipped_actor_lexicon_loads_and_fills_templates():
    lex = actor_lexicon()
    assert lex.fill("civilians", "SY").name == "Civilians (Syria)"
    assert lex.fill("military", "US").name == "Military Forces of the United States"
    assert lex.fill("military", "SY").key == "military:SY"  # named override of the template
    assert lex.fill("police", "TN").name == "Police Forces of Tunisia"
    assert lex.fill("unidentified", None).name == "Unidentified Armed Group"
    assert lex.adjectives["التركيه"] == "TR" and lex.adjectives["اتراك"] == "TR"
    assert "مالي" not in lex.support_words  # "دعم مالي" is financial support, not Mali
    for a in lex.actors.values():
        assert a.inter == lex.kinds[a.kind]


def test_required_regions_are_covered():
    lex = actor_lexicon()
    covered = {a.country for a in lex.actors.values()}
    for cc in "SY IQ YE LY LB PS IL EG SD SO ML NG TN DZ TR AF".split():
        assert cc in covered or f"military:{cc}" in lex.actors or cc in lex.countries, cc


def _data():
    return copy.deepcopy(load_yaml("actors.yaml"))


def test_inter_must_match_kind():
    data = _data()
    entry = next(e for e in data["actors"] if e["key"] == "houthis")
    entry["inter"] = 1
    with pytest.raises(DataFileError, match=r"actors\.yaml: actor #\d+ \(houthis\): 'inter' 1 does not match"):
        parse_actor_lexicon(data, "actors.yaml")


def test_unknown_country_and_missing_name_are_reported():
    data = _data()
    data["actors"].append({"key": "x", "name": "X", "inter": 2, "kind": "rebel", "country": "ZZ", "aliases": ["س"]})
    with pytest.raises(DataFileError, match=r"\(x\): unknown country 'ZZ'"):
        parse_actor_lexicon(data, "actors.yaml")
    data = _data()
    data["actors"].append({"key": "y", "inter": 2, "kind": "rebel", "aliases": ["ص"]})
    with pytest.raises(DataFileError, match=r"\(y\): missing English 'name'"):
        parse_actor_lexicon(data, "actors.yaml")


def test_template_needs_placeholder_and_backref_needs_target():
    data = _data()
    data["actors"].append({"key": "t", "template": True, "name": "Militia", "inter": 3, "kind": "militia",
                           "aliases": ["ميليشيا محلية"]})
    with pytest.raises(DataFileError, match="placeholder"):
        parse_actor_lexicon(data, "actors.yaml")
    data = _data()
    data["backrefs"].append({"aliases": ["الفصيل"]})
    with pytest.raises(DataFileError, match=r"backref #\d+: needs 'classes' or 'kinds'"):
        parse_actor_lexicon(data, "actors.yaml")


def test_shipped_source_lexicon_and_bad_kind():
    lex = source_lexicon()
    assert lex.sources["sohr"].name == "Syrian Observatory for Human Rights"
    data = copy.deepcopy(load_yaml("sources.yaml"))
    data["sources"][0]["kind"] = "blog"
    with pytest.raises(DataFileError, match=r"sources\.yaml: source #1 \(afp\): 'kind' must be one of"):
        parse_source_lexicon(data, "sources.yaml")


def test_a_not_actor_phrase_must_hold_an_alias():
    data = _data()
    data["not_actors"].append("ناقلة نفط")  # an oil tanker: no actor alias inside, so it would block nothing
    with pytest.raises(DataFileError, match=r"not_actors: 'ناقله نفط' holds no actor alias"):
        parse_actor_lexicon(data, "actors.yaml")
    data = _data()
    data["not_actors"].append("قوات النظام")
    with pytest.raises(DataFileError, match=r"is also an actor alias"):
        parse_actor_lexicon(data, "actors.yaml")
