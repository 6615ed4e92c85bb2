"""Loader for ``data/alliances.yaml``: which actors fight on one side."""
from __future__ import annotations

from functools import lru_cache

from . import DataFileError, data_path, load_yaml


@lru_cache(maxsize=None)
def load_alliances(name: str = "alliances.yaml") -> dict[str, frozenset[int]]:
    """Actor key → the numbers of the sides it stands on (two keys are allies when these meet)."""
    data = load_yaml(name) or {}
    sides: dict[str, set[int]] = {}
    for n, side in enumerate(data.get("sides") or []):
        actors = side.get("actors") if isinstance(side, dict) else None
        if not actors:
            raise DataFileError(f"{data_path(name)}: side {n + 1} lists no actors")
        for key in actors:
            sides.setdefault(str(key), set()).add(n)
    return {k: frozenset(v) for k, v in sides.items()}
