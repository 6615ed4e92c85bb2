"""End to end through the command line: ingest real articles, export, explain, control; idempotent re-runs."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fusion"))
from fusion_reports import SANA_TEXT, seed_text  # noqa: E402

from marsad.cli import main  # noqa: E402





@pytest.fixture()
def inputs(tmp_path):
    p = tmp_path / "reports.jsonl"
    rows = [{"id": "afp-seed", "text": seed_text(), "published": "2017-10-12", "source": "AFP"},
            {"id": "sana-1", "text": SANA_TEXT, "published": "2017-10-12", "source": "SANA"}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows[:1]) + "\n{not json\n"
                 + json.dumps(rows[1], ensure_ascii=False) + "\n", encoding="utf-8")
    return p


def dump(db: Path) -> list:
    conn = sqlite3.connect(db)
    out = [sorted(conn.execute(f"SELECT * FROM {t}").fetchall()) for t in ("events", "fused_events", "fusion_links")]
    conn.close()
    return out


def test_ingest_is_idempotent_and_reports_bad_lines(inputs, tmp_path, capsys):
    db = tmp_path / "m.db"
    # the malformed line is reported and skipped, the rest stored: the "partial" status
    assert main(["ingest", str(inputs), "--db", str(db), "--no-progress"]) == 3
    err = capsys.readouterr().err
    assert f"{inputs}:2" in err and "2 added" in err
    first = dump(db)
    assert first[0], "the seed article has events"
    assert len(first[1]) <= len(first[0])
    assert main(["ingest", str(inputs), "--db", str(db), "--no-progress"]) == 3
    assert "2 already stored" in capsys.readouterr().err
    assert dump(db) == first


def test_export_formats_and_explain(inputs, tmp_path, capsys):
    db = tmp_path / "m.db"
    main(["ingest", str(inputs), "--db", str(db), "--no-progress"])
    capsys.readouterr()
    assert main(["events", "--db", str(db)]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert events and all(e["article_ids"] and e["evidence"] for e in events)
    for e in events:
        assert set(e["article_ids"]) <= {"afp-seed", "sana-1"} and e["n_articles"] == len(e["article_ids"])
    assert main(["events", "--db", str(db), "--format", "acled-csv", "--since", "2017-10-12", "--until", "2017-10-12"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(r["event_date"] == "2017-10-12" for r in rows)
    assert main(["events", "--db", str(db), "--format", "geojson", "--bbox", "40,34,41,36"]) == 0
    gj = json.loads(capsys.readouterr().out)
    assert all(34 <= f["geometry"]["coordinates"][1] <= 36 for f in gj["features"])
    out = tmp_path / "e.parquet"
    assert main(["events", "--db", str(db), "--format", "parquet", "-o", str(out)]) == 0
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == len(events)
    assert main(["events", "--db", str(db), "--explain", events[0]["fused_id"]]) == 0
    text = capsys.readouterr().out
    assert events[0]["fused_id"] in text and "evidence" in text
    assert main(["events", "--db", str(db), "--explain", "nope"]) == 1
    assert main(["events", "--db", str(db), "--bbox", "1,2,3"]) == 2


def test_control_command(inputs, tmp_path, capsys):
    db = tmp_path / "m.db"
    main(["ingest", str(inputs), "--db", str(db), "--no-progress"])
    capsys.readouterr()
    rc = main(["control", "الميادين", "--db", str(db), "--at", "2017-10-15"])
    out = capsys.readouterr().out
    if rc == 0:  # depends on the extractor coding the capture of Al Mayadin
        assert "Military Forces of Syria" in out
    assert main(["control", "--geojson", "--at", "2017-10-15", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)["type"] == "FeatureCollection"
    assert main(["control", "x", "--at", "15/10/2017", "--db", str(db)]) == 2
    assert main(["control", "x", "--db", str(tmp_path / "missing.db")]) == 2
