"""The data YAML files compiled to JSON (``data/yaml.json``): current, complete, exactly the YAML's
data, and never used for a YAML file edited since."""
from __future__ import annotations

import shutil

import pytest
import yaml

import marsad.lexicon as lexicon
from marsad.lexicon import DATA_DIR, load_yaml
from marsad.lexicon.compiled import Unsupported, _files, compile_yaml, compiled_data, compiled_path, same

REBUILD = "python scripts/compile_data.py"


def test_compiled_yaml_is_current():
    path = compiled_path(DATA_DIR)
    assert path.exists() and path.read_bytes() == compile_yaml(DATA_DIR), f"{path} is stale: run {REBUILD}"


@pytest.mark.parametrize("name", sorted(p.name for p in DATA_DIR.glob("*.yaml")))
def test_every_data_file_reads_back_exactly(name):
    _files.cache_clear()
    raw = (DATA_DIR / name).read_bytes()
    data = compiled_data(DATA_DIR, name, raw)
    assert data is not None, f"{name} is not in {compiled_path(DATA_DIR).name}: run {REBUILD}"
    assert same(data, yaml.load(raw.decode("utf-8"), Loader=yaml.CSafeLoader))
    _files.cache_clear()


def test_integer_keys_come_back_as_integers():
    _files.cache_clear()
    raw = (DATA_DIR / "calendar.yaml").read_bytes()
    months = compiled_data(DATA_DIR, "calendar.yaml", raw)["gregorian_months"]
    assert months and all(type(k) is int for k in months)
    _files.cache_clear()


def test_an_edited_yaml_file_is_parsed_not_taken_from_the_json(tmp_path, monkeypatch):
    for p in DATA_DIR.glob("*.yaml"):
        shutil.copy(p, tmp_path / p.name)
    shutil.copy(compiled_path(DATA_DIR), compiled_path(tmp_path))
    with (tmp_path / "control.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\nadded_by_a_test: 1\n")
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    load_yaml.cache_clear()
    _files.cache_clear()
    try:
        assert load_yaml("control.yaml")["added_by_a_test"] == 1
        assert same(load_yaml("cues.yaml"), yaml.safe_load((DATA_DIR / "cues.yaml").read_text(encoding="utf-8")))
    finally:
        load_yaml.cache_clear()
        _files.cache_clear()


def test_data_json_cannot_carry_is_refused(tmp_path):
    (tmp_path / "dated.yaml").write_text("day: 2017-10-12\n", encoding="utf-8")
    with pytest.raises(Unsupported):
        compile_yaml(tmp_path)
