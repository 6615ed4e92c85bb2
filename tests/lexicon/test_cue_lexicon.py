import pytest
import yaml

from marsad.events.model import SUB_TO_TYPE
from marsad.lexicon import DataFileError, data_path, load_yaml
from marsad.lexicon.cues import SPECIAL_SUBS, load_cues


def test_every_acled_sub_event_type_has_cues():
    subs = {entry["sub"] for entry in load_yaml("cues.yaml")["cues"]}
    # the two territory sub-types share the "territory" cues; the acting side decides which
    territory = {"Government regains territory", "Non-state actor overtakes territory"}
    assert set(SUB_TO_TYPE) - territory <= subs and "territory" in subs
    assert subs <= set(SUB_TO_TYPE) | SPECIAL_SUBS


def test_notes_cover_every_sub_event_type():
    assert set(load_cues().notes) == set(SUB_TO_TYPE)


def test_an_unknown_sub_type_is_a_clear_error(tmp_path, monkeypatch):
    bad = tmp_path / "cues.yaml"
    bad.write_text(yaml.safe_dump({"cues": [{"sub": "Skirmish", "phrases": ["اشتباك"]}]}), encoding="utf-8")
    monkeypatch.setattr("marsad.lexicon.DATA_DIR", tmp_path)
    load_yaml.cache_clear()
    load_cues.cache_clear()
    try:
        with pytest.raises(DataFileError, match="cues.yaml: cue entry 1 has unknown sub 'Skirmish'"):
            load_cues("cues.yaml")
    finally:
        load_yaml.cache_clear()
        load_cues.cache_clear()
    assert data_path("cues.yaml").exists()


def test_role_markers_the_event_builder_reads_are_in_the_data_file():
    markers = load_cues().markers
    for name in ("target", "air", "beneficiary", "person_title", "speaker", "speaker_link", "direction", "past",
                 "adjective_like", "noun_opener", "relative", "list_word", "locative", "toll_noun"):
        assert markers.get(name), name
    assert "مواقع" in markers["target"] and "المتحدث" in markers["speaker"]
