#!/usr/bin/env python3
"""Compile the shipped data into the forms Marsad reads at start-up (needs no ../shared).

    python scripts/compile_data.py [--check]

Writes, each derived deterministically from files in ``src/marsad/data`` and recording their
fingerprints (a copy whose sources changed is not used):

- ``gazetteer.store``: ``gazetteer.json.gz`` and ``gazetteer_usage.json.gz`` with their name index, in a
  layout read in place (``marsad.geo.store``);
- ``yaml.json``: the data of every ``*.yaml`` there, as JSON (``marsad.lexicon.compiled``);
- ``word_vectors.store``: the words and rows of ``word_vectors.npz``, uncompressed and widened to
  float32, read in place (``marsad.models.vectors``);
- ``models.store``: the shipped models (``models/*.json``, ``*.npz``), their vocabularies and float64
  weights read in place (``marsad.models.compiled``).

Run it after ``scripts/build_gazetteer.py``, ``scripts/build_lexicons.py``,
``scripts/build_word_vectors.py`` or ``scripts/train_models.py``, or after editing a data YAML file;
until then the package reads the changed sources the slow way and the staleness tests fail.
``--check`` exits 1 when a compiled file is not what this would write.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.geo.gazetteer import STORE, store_bytes  # noqa: E402
from marsad.lexicon import DATA_DIR  # noqa: E402
from marsad.lexicon.compiled import compile_yaml, compiled_path  # noqa: E402
from marsad.models import compiled as compiled_models  # noqa: E402
from marsad.models import vectors  # noqa: E402

COMPILED: dict[Path, Callable[[], bytes]] = {
    STORE: store_bytes,
    compiled_path(DATA_DIR): lambda: compile_yaml(DATA_DIR),
    vectors.STORE: vectors.store_bytes,
    compiled_models.STORE: compiled_models.store_bytes,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a compiled file is stale")
    args = ap.parse_args(argv)
    stale = []
    for path, build in COMPILED.items():
        t0 = time.time()
        data = build()
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path.name)
            continue
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        print(f"wrote {path}: {len(data) / 1e6:.1f} MB ({time.time() - t0:.1f}s)", file=sys.stderr)
    if stale:
        print(f"compile_data: stale: {', '.join(stale)}; run python scripts/compile_data.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
