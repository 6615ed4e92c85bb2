"""A run killed with SIGKILL mid-ingest, then re-run, stores exactly what an uninterrupted run stores."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))
import ingest_resume  # noqa: E402

if not ingest_resume.CORPUS.exists():
    pytest.skip("corpus not available", allow_module_level=True)


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(db)
        n = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        conn.close()
        return n
    except sqlite3.Error:
        return 0


def _kill_mid_run(cmd: list[str], db: Path, env: dict, at_least: int) -> int:
    p = subprocess.Popen(cmd, env=env, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while p.poll() is None and _stored(db) < at_least and time.time() < deadline:
        time.sleep(0.02)
    assert p.poll() is None, "the run finished before it could be killed"
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    return _stored(db)


def _run_to_end(cmd: list[str], env: dict, engine: str) -> None:
    rc = subprocess.run(cmd, env=env, stderr=subprocess.DEVNULL).returncode
    # the sample's one broken line: the CLI's "partial" status (3); the benchmark worker exits 0
    assert rc == (3 if engine == "real" else 0)


def _check(tmp_path: Path, engine: str, n: int, batch: int, env_extra: dict) -> None:
    inp = ingest_resume.sample(n, tmp_path / "articles.jsonl")
    env = dict(os.environ, PYTHONPATH=str(BENCH.parent / "src"), **env_extra)
    ref, killed = tmp_path / "ref.db", tmp_path / "killed.db"
    _run_to_end(ingest_resume.command(ref, inp, engine, batch), env, engine)
    at_kill = _kill_mid_run(ingest_resume.command(killed, inp, engine, batch), killed, env, at_least=2 * batch)
    assert 0 < at_kill < n
    if engine == "synthetic":
        assert at_kill % batch == 0  # whole batches only
    _run_to_end(ingest_resume.command(killed, inp, engine, batch), env, engine)
    a, b = ingest_resume.fingerprint(ref), ingest_resume.fingerprint(killed)
    assert a["articles"][0] == n  # the broken line is reported, no article lost
    assert a == b


def test_sigkill_then_rerun_equals_uninterrupted_run(tmp_path):
    _check(tmp_path, "synthetic", 400, 20, {"MARSAD_RESUME_DELAY": "0.05"})



def test_sigkill_then_rerun_with_the_real_cli(tmp_path):
    _check(tmp_path, "real", 300, 20, {})
