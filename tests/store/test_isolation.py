"""A failure in one article stays with that article: it is rolled back alone, recorded in the
``errors`` table with its file, line and reason, and the rest of the batch is stored (issue 12)."""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fusion"))
from fusion_reports import ARIHA_ECO, ARIHA_JAZ, SANA_TEXT, afp, ariha, sana  # noqa: E402

from marsad.cli import main  # noqa: E402
from marsad.engines import iter_results  # noqa: E402
from marsad.ingest import Article  # noqa: E402
from marsad.store import Store  # noqa: E402
from marsad.store.ingest import ingest  # noqa: E402


def test_an_article_that_fails_to_store_is_rolled_back_alone(tmp_path):
    bad = Article("broken", "نص\ud800", "2017-10-12", "X")  # a lone surrogate: not encodable, not storable
    with Store(tmp_path / "t.db") as store:
        stats = store.add_articles([afp(), (bad, []), sana()])
        assert stats.articles_added == 2 and [a.id for a, _ in stats.failed] == ["broken"]
        assert "UnicodeEncodeError" in stats.failed[0][1]
        assert store.stats()["articles"] == 2 and store.count_events() >= 1


def test_an_event_that_breaks_fusion_does_not_sink_the_batch(tmp_path):
    a, events = sana()
    broken = [dict(e.to_dict(), event_date={"not": "a date"}) for e in events]  # what a buggy engine could send
    with Store(tmp_path / "t.db") as store:
        stats = store.add_articles([(a, broken), afp(), *ariha()])
        assert [x.id for x, _ in stats.failed] == [a.id]
        ids = {r[0] for r in store.conn.execute("SELECT article_id FROM articles")}
        assert a.id not in ids and len(ids) == 4
        # counts are those of the stored articles only
        assert stats.articles_added == 4
        assert stats.events_added == store.stats()["events"]


def _jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_one_poisoned_batch_no_longer_blocks_the_run_for_good(tmp_path, capsys):
    """The attack of issue 12: a placeholder date, a lone surrogate and a 1,000-deep line in one batch
    made every run roll back at the same place. Now they are reported and everything else lands."""
    rows = [{"id": f"a{i}", "text": (ARIHA_ECO, ARIHA_JAZ, SANA_TEXT)[i % 3], "published": "2015-08-03"}
            for i in range(12)]
    rows[2]["published"] = "0001-01-01"
    rows[4]["published"] = "9999-12-31"
    rows[5]["text"] = rows[5]["text"] + "\ud800"
    rows.insert(7, "[" * 1000 + "]" * 1000)
    rows.insert(8, json.dumps({"id": "a3", "text": "نص آخر بالمعرف نفسه", "published": "2015-08-03"},
                              ensure_ascii=False))
    inp = _jsonl(tmp_path / "in.jsonl", rows)
    db = tmp_path / "m.db"
    errs = tmp_path / "errors.jsonl"
    assert main(["ingest", str(inp), "--db", str(db), "--batch-size", "50", "--errors", str(errs)]) == 3
    err = capsys.readouterr().err
    assert f"{inp}:8: JSON nested too deeply" in err
    assert f"{inp}:9: article a3: duplicate id: {inp}:4 has the same id" in err
    conn = sqlite3.connect(db)
    stored = {r[0] for r in conn.execute("SELECT article_id FROM articles")}
    assert stored == {f"a{i}" for i in range(12)}  # the placeholder-dated and the mended ones too
    assert conn.execute("SELECT published FROM articles WHERE article_id = 'a2'").fetchone() == (None,)
    problems = conn.execute("SELECT stage, location, article_id, reason FROM errors ORDER BY id").fetchall()
    stages = [p[0] for p in problems]
    assert stages.count("read") == 2 and stages.count("warning") == 3
    assert ("read", f"{inp}:9", "a3") == problems[[p[2] for p in problems].index("a3")][:3]
    assert [json.loads(line)["location"] for line in errs.read_text(encoding="utf-8").splitlines()] == \
        [p[1] for p in problems]
    assert "2 article(s) have no usable publication date" in err and "a2" in err
    # the run is repeatable: nothing new, the same partial status, nothing stored twice
    assert main(["ingest", str(inp), "--db", str(db)]) == 3
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 12


def test_exit_status_contract(tmp_path, capsys):
    good = _jsonl(tmp_path / "good.jsonl", [{"id": "g", "text": ARIHA_ECO, "published": "2015-08-03"}])
    bad = _jsonl(tmp_path / "bad.jsonl", ["{oops", {"id": [1], "text": "x"}])
    db = str(tmp_path / "m.db")
    assert main(["ingest", str(good), "--db", db]) == 0
    assert main(["ingest", str(bad), "--db", db]) == 1  # nothing could be read
    assert main(["ingest", str(tmp_path / "missing.jsonl"), "--db", db]) == 1
    assert main(["ingest", str(good), str(tmp_path / "missing.jsonl"), "--db", db]) == 3
    assert main(["ingest", str(good), "--db", db, "--published", "12/10/2017"]) == 2
    assert main(["ingest", str(good), "--db", db, "--published-from", "moon"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_extraction_failure_is_recorded_with_file_and_line(tmp_path):
    inp = _jsonl(tmp_path / "in.jsonl", [{"id": "ok", "text": ARIHA_ECO}, {"id": "boom", "text": ARIHA_JAZ}])

    def engine(articles):
        for a in articles:
            if a.id == "boom":
                yield a, None, "extraction failed: ValueError: simulated extractor bug"
            else:
                yield from iter_results([a])

    from marsad.ingest.readers import read_inputs

    with Store(tmp_path / "m.db") as store:
        rep = ingest(store, read_inputs([str(inp)]), engine, report=lambda m: None)
        assert rep.exit_status == 3 and rep.extraction_errors == 1
        (row,) = store.errors()
        assert (row["stage"], row["location"], row["article_id"]) == ("extract", f"{inp}:2", "boom")
        assert store.stats()["articles"] == 1


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1970-01-01", "2017-02-30"])
def test_extreme_publication_dates_never_reach_date_arithmetic(published):
    """0001-01-01 made 77 % of articles fail (OverflowError resolving "yesterday" against it): now
    such a value is no date at all, and the article reads as an undated one."""
    (_, records, err) = next(iter_results([Article("x", SANA_TEXT, published)]))
    (_, undated, _) = next(iter_results([Article("x", SANA_TEXT, None)]))
    assert err is None and records and records == undated
    assert all(r.get("event_date") is None for r in records if r.get("record") != "control")
