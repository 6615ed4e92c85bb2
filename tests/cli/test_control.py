"""`marsad control` end to end: ingest real articles, then ask the timeline, one day, the map layer."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from marsad.cli import main

FACTS = yaml.safe_load((Path(__file__).resolve().parents[1] / "fusion" / "control_facts.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def db(tmp_path_factory, control_fact_articles):
    d = tmp_path_factory.mktemp("control")
    src = d / "articles.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for a in control_fact_articles:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    assert main(["ingest", str(src), "--db", str(d / "m.db"), "--no-progress"]) == 0
    return str(d / "m.db")


def test_timeline_with_evidence_and_confidence(db, capsys):
    assert main(["control", "المكلا", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "AQAP: Al Qaeda in the Arabian Peninsula" in out and "confidence" in out
    assert "snn-okaz-f3d007eb4e52" in out and "يسيطرون عليها" in out


def test_one_day_answers_a_holder_or_unknown(db, capsys):
    assert main(["control", "المكلا", "--at", "2015-08-15", "--db", db]) == 0
    assert "AQAP" in capsys.readouterr().out
    assert main(["control", "المكلا", "--at", "2016-06-01", "--db", db]) == 0  # claims expired
    assert "unknown" in capsys.readouterr().out
    assert main(["control", "الميادين", "--at", "2015-08-10", "--db", db]) == 1  # Egypt's squares: no record
    assert "unknown" in capsys.readouterr().out
    assert main(["control", "الحديدة", "--at", "2015-09-01", "--db", db, "--json"]) == 0
    p = json.loads(capsys.readouterr().out)
    assert p["family"] == "houthis" and p["status"] == "held" and p["evidence"]


def test_map_layer_is_coloured_by_family(db, capsys):
    assert main(["control", "--geojson", "--at", "2015-08-15", "--db", db]) == 0
    fc = json.loads(capsys.readouterr().out)
    fams = {f["properties"]["place_ar"]: (f["properties"]["family"], f["properties"]["colour"]) for f in fc["features"]}
    assert fams["المكلا"] == ("aqap", "#8C564B") and fams["الحديدة"][0] == "houthis"
    assert {p["family"] for p in fc["palette"]} >= {"state", "islamic_state", "kurdish", "opposition", "houthis", "aqap"}


def test_summary_and_palette(db, capsys):
    assert main(["control", "--summary", "--json", "--db", db]) == 0
    s = json.loads(capsys.readouterr().out)
    held = {f["place"] for f in FACTS["facts"] if "holder" in f}  # every place a fact says is held
    assert s["places"] >= len(held) and s["periods"] >= s["places"] and "by_family" in s
    assert main(["control", "--palette"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["family"] == "state"
