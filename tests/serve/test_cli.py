"""``marsad serve`` from the command line."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx

from conftest import free_port
from marsad.cli import main


def test_serve_without_a_database_says_how_to_make_one(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    err = capsys.readouterr().err
    assert "no database" in err and "marsad ingest" in err


def test_serve_refuses_a_file_that_is_not_a_database(tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_text("not sqlite")
    assert main(["serve", "--db", str(bad)]) == 2
    assert "cannot open" in capsys.readouterr().err


def test_marsad_serve_answers_on_loopback(sample_db_path):
    port = free_port()
    env = dict(os.environ, MARSAD_TOKEN="")
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(sample_db_path),
                             "--port", str(port), "--log-level", "warning"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "marsad serve did not start"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["ingest_enabled"] is False
        assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    finally:
        proc.terminate()
        proc.wait(10)
    assert "read-only" in proc.stderr.read().decode()
