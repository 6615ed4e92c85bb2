"""benchmarks/analyst_check.py on a slice of the corpus: the exports pass an analyst's checks."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl.gz"

pytestmark = pytest.mark.slow


def _load():
    spec = importlib.util.spec_from_file_location("analyst_check", ROOT / "benchmarks" / "analyst_check.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_exports_pass_the_analysts_checks(tmp_path, capsys):
    pytest.importorskip("pandas")
    pytest.importorskip("shapely")
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is missing (the shared corpus sits beside the project)")
    _load().main(["-n", "300", "--db", str(tmp_path / "a.db"), "--keep"])
    out = capsys.readouterr().out
    lines = {ln.split(":")[0].split(None, 1)[1]: ln.split()[0] for ln in out.splitlines() if ln[:4] in ("OK  ", "FAIL", "SKIP")}
    assert lines["ACLED CSV in pandas"] == "OK", out
    assert lines["Parquet types"] == "OK", out
    assert lines["GeoJSON"] == "OK", out
    assert lines["event dates"] in ("OK", "FAIL") and "undated" in out  # reported either way (the dates stage's work)
    assert lines["datasette"] in ("OK", "SKIP"), out
    assert (tmp_path / "events.csv").stat().st_size > 0
