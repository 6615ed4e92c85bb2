"""``marsad events``: formats, Arabic country names, and exit status 2 for every bad argument."""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "serve"))
import sample_db  # noqa: E402

from marsad.cli import main  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return str(sample_db.build(tmp_path_factory.mktemp("events-cli") / "s.db"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(["events", *args])
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_country_in_arabic_or_iso_code_is_the_english_one(db, capsys):
    _, english, _ = run(capsys, "--db", db, "--country", "Syria")
    for name in ("سوريا", "SYR", "sy"):
        code, out, _ = run(capsys, "--db", db, "--country", name)
        assert code == 0 and out == english and out.count("\n") == 2, name


def test_pretty_format_as_in_extract(db, capsys):
    code, out, err = run(capsys, "--db", db, "--format", "pretty", "--country", "Tunisia")
    assert code == 0 and out.count("● ") == 2 and "Tataouine" in out
    assert err.strip() == "fused events: 2 written"


def test_acled_csv_says_what_it_left_out(db, capsys, tmp_path):
    out_path = tmp_path / "e.csv"
    code, _, err = run(capsys, "--db", db, "--format", "acled-csv", "-o", str(out_path))
    rows = list(csv.DictReader(io.StringIO(out_path.read_text(encoding="utf-8"))))
    assert code == 0 and len(rows) == sample_db.N_EVENTS and f"{len(rows)} written" in err
    assert all(r["iso"] and r["region"] and r["timestamp"].isdigit() for r in rows)


@pytest.mark.parametrize("args, words", [
    (["--since", "2017-13-01"], "--since must be an ISO date"),
    (["--since", "2017-05-01", "--until", "2017-01-01"], "is after --until"),
    (["--limit", "-1"], "--limit must be 0 or more"),
    (["--bbox", "1,2,3"], "--bbox"),
    (["--format", "parquet"], "needs -o"),
    (["--format", "xml"], "invalid choice"),
])
def test_bad_arguments_exit_with_status_2(db, capsys, args, words):
    code, out, err = run(capsys, "--db", db, *args)
    assert code == 2 and words in err and out == ""


def test_every_option_has_help(capsys):
    with pytest.raises(SystemExit):
        main(["events", "--help"])
    text = capsys.readouterr().out
    for words in ("acled-csv: ACLED's columns", "Arabic (سوريا)", "first-level region", "Exit status"):
        assert words in text
