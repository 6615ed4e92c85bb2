"""One Spark session for all the engine tests (starting Spark is the slow part), and the test slice."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1].parent / "shared" / "corpus" / "articles.jsonl.gz"


@pytest.fixture(scope="session")
def spark():
    """A local Spark session with two cores; a failed task is retried (up to 4 attempts), as on a cluster."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime")
    from marsad.engines.spark_job import spark_session

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = spark_session("local[2,4]", app_name="marsad-tests", conf={"spark.ui.enabled": "false"})
    yield s
    s.stop()


@pytest.fixture(scope="session")
def slice_rows() -> list[dict]:
    """The test slice (tests/engines/data/fusion_slice.txt) as JSONL records, in file order."""
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is missing (the shared corpus sits beside the project)")
    ids = [line.strip() for line in (HERE / "data" / "fusion_slice.txt").read_text().splitlines()
           if line.strip() and not line.startswith("#")]
    want = set(ids)
    rows = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            if '"id"' in line:
                rec = json.loads(line)
                if rec["id"] in want:
                    rows[rec["id"]] = {k: rec.get(k) for k in ("id", "text", "published", "source", "url", "title")}
    assert len(rows) == len(ids), "the corpus no longer holds every article of the slice"
    return [rows[i] for i in ids]
