"""Fixtures for the server tests: a sample database, live servers on loopback, headless Chromium."""
from __future__ import annotations

import os
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_db  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "test-token-0123456789"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving an app in a thread on a free loopback port."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def sample_db_path(tmp_path_factory) -> Path:
    return sample_db.build(tmp_path_factory.mktemp("serve") / "sample.db")


@pytest.fixture(scope="session")
def live(sample_db_path) -> Iterator[LiveServer]:
    """The read-only server (no token) over the sample database."""
    from marsad.serve import create_app

    with LiveServer(create_app(sample_db_path)) as srv:
        yield srv


@pytest.fixture(scope="session")
def live_token(tmp_path_factory) -> Iterator[LiveServer]:
    """A server with ingest enabled, over its own copy of the sample database."""
    from marsad.serve import create_app

    path = sample_db.build(tmp_path_factory.mktemp("serve-ingest") / "ingest.db")
    with LiveServer(create_app(path, token=TOKEN)) as srv:
        yield srv


@pytest.fixture(scope="session")
def real_db_path(tmp_path_factory) -> Path:
    """The seed report and the dev articles run through the real pipeline with ``marsad ingest``."""
    from marsad.cli import main

    if not sample_db.DEV.exists():
        pytest.skip(f"{sample_db.DEV} is missing (the shared corpus sits beside the project)")
    path = tmp_path_factory.mktemp("serve-real") / "real.db"
    assert main(["ingest", str(sample_db.SEED), str(sample_db.DEV), "--db", str(path), "--no-progress"]) == 0
    return path


@pytest.fixture(scope="session")
def live_real(real_db_path) -> Iterator[LiveServer]:
    from marsad.serve import create_app

    with LiveServer(create_app(real_db_path)) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("MARSAD_REQUIRE_BROWSER"):  # set by .ci/run: in CI a missing browser is a failure
            pytest.fail(f"{CHROMIUM} is missing but MARSAD_REQUIRE_BROWSER is set; see docs/ci-browser.md")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); see docs/ci-browser.md")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records console errors, dialogs and any request off loopback (aborted)."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    pg = ctx.new_page()
    pg.errors = []
    pg.offsite = []
    pg.dialogs = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(("http://127.0.0.1:", "data:")):
            r.continue_()
        else:
            pg.offsite.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    yield pg
    ctx.close()


def pytest_configure(config) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
