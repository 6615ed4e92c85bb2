"""``marsad gazetteer``: build the offline gazetteer or show what it holds."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gazetteer", help="build or inspect the offline gazetteer")
    gsub = p.add_subparsers(dest="gazetteer_command", metavar="ACTION")
    b = gsub.add_parser("build", help="rebuild src/marsad/data/gazetteer.json.gz (needs ../shared and a source checkout)")
    b.add_argument("--shared", help="the shared data directory (default ../shared)")
    b.set_defaults(func=build)
    i = gsub.add_parser("info", help="size, entries per country and build inputs of the shipped gazetteer")
    i.set_defaults(func=info)
    p.set_defaults(func=lambda a: (p.print_help(), 2)[1])


def build(args: argparse.Namespace) -> int:
    """Run the gazetteer build, then compile its output into the form read at start-up."""
    import subprocess

    scripts = Path(__file__).resolve().parents[3] / "scripts"
    script = scripts / "build_gazetteer.py"
    if not script.exists():
        print(f"marsad gazetteer build: {script} not found (run from a source checkout)", file=sys.stderr)
        return 2
    cmd = [sys.executable, str(script)] + (["--shared", args.shared] if args.shared else [])
    return subprocess.call(cmd) or subprocess.call([sys.executable, str(scripts / "compile_data.py")])


def info(args: argparse.Namespace) -> int:
    from collections import Counter

    from ..geo.gazetteer import ARTEFACT, load_gazetteer
    from ..lexicon import DataFileError

    try:
        g = load_gazetteer()
    except DataFileError as exc:
        print(f"marsad gazetteer: {exc}", file=sys.stderr)
        return 1
    print(f"{ARTEFACT} ({ARTEFACT.stat().st_size / 1e6:.2f} MB), {len(g)} entries, {sum(1 for _ in g.keys())} names")
    print("built", g.meta.get("built"), "inputs", g.meta.get("inputs"))
    kinds = Counter(p.kind for p in g.places)
    print("kinds:", ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    cc = Counter(p.country_code for p in g.places if p.kind != "country")
    print("top countries:", ", ".join(f"{k} {n}" for k, n in cc.most_common(25)))
    return 0
