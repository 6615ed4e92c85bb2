"""The data YAML files as JSON, read at start-up instead of parsing the YAML.

Parsing the lexicons' YAML (and importing the YAML library) took ~0.1 s of every ``marsad extract``;
Python's JSON reader reads the same data twenty times faster. ``python scripts/compile_data.py``
writes ``yaml.json`` beside the YAML files: for each file, its SHA-256 and its data. JSON has no
integer keys, so the paths of the mappings whose keys are integers (``calendar.yaml``'s months) are
listed and turned back. A file goes in only when the data read back is exactly what the YAML
gives, types and key order included.

``load_yaml`` takes a file's data from here only while the file's hash is the one recorded: an
edited YAML file is parsed as before until the JSON is compiled again (``tests/lexicon/test_compiled.py``
fails meanwhile).
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

COMPILED_FORMAT = 1
_NOT_HERE = object()


def compiled_path(data_dir: Path) -> Path:
    return data_dir / "yaml.json"


@lru_cache(maxsize=None)
def _files(path: Path) -> dict[str, Any]:
    """File name → {"sha256", "data", "int_keys"} of a compiled file, or {} when it cannot be used."""
    try:
        doc = json.loads(path.read_bytes())
        return doc["files"] if doc.get("format") == COMPILED_FORMAT and isinstance(doc["files"], dict) else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def compiled_data(data_dir: Path, name: str, raw: bytes) -> Any:
    """The data of YAML file ``name`` whose bytes are ``raw``, from the compiled JSON; ``None`` when the
    JSON does not hold this version of the file. Each file's data is handed out once (``load_yaml``
    caches it), so no caller shares or alters another's."""
    entry = _files(compiled_path(data_dir)).pop(name, None)
    if not isinstance(entry, dict) or entry.get("sha256") != hashlib.sha256(raw).hexdigest():
        return None
    return _with_int_keys(entry.get("data"), entry.get("int_keys") or [])


def _with_int_keys(data: Any, paths: list[list[Any]]) -> Any:
    """Turn the mappings at ``paths`` (outermost first) back into integer-keyed ones."""
    for path in paths:
        if not path:
            data = {int(k): v for k, v in data.items()}
            continue
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = {int(k): v for k, v in parent[path[-1]].items()}
    return data


# ----------------------------------------------------------------------------------------- writing
class Unsupported(ValueError):
    """A value JSON cannot carry exactly (a date, a float key, mixed key types)."""


def _to_json(value: Any, path: list[Any], int_keys: list[list[Any]]) -> Any:
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is list:
        return [_to_json(v, path + [i], int_keys) for i, v in enumerate(value)]
    if type(value) is dict:
        kinds = {type(k) for k in value}
        if kinds == {int}:
            int_keys.append(path)
            return {str(k): _to_json(v, path + [k], int_keys) for k, v in value.items()}
        if kinds <= {str}:
            return {k: _to_json(v, path + [k], int_keys) for k, v in value.items()}
    raise Unsupported(f"{'/'.join(map(str, path)) or 'top'}: {type(value).__name__} is not carried exactly by JSON")


def same(a: Any, b: Any) -> bool:
    """Equal with the same types and the same key order all the way down (1 is not True, 1.0 not 1)."""
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if type(a) is list:
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b or (a != a and b != b)  # NaN


def compile_yaml(data_dir: Path) -> bytes:
    """The compiled JSON of every ``*.yaml`` in ``data_dir`` (deterministic); raises ``Unsupported`` when
    a file's data would not read back exactly."""
    import yaml

    files: dict[str, Any] = {}
    for path in sorted(data_dir.glob("*.yaml")):
        raw = path.read_bytes()
        data = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        int_keys: list[list[Any]] = []
        encoded = _to_json(data, [], int_keys)
        back = _with_int_keys(json.loads(json.dumps(encoded, ensure_ascii=False)), int_keys)
        if not same(back, data):
            raise Unsupported(f"{path}: its data does not read back from JSON exactly")
        files[path.name] = {"sha256": hashlib.sha256(raw).hexdigest(), "int_keys": int_keys, "data": encoded}
    doc = {"format": COMPILED_FORMAT, "files": files}
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
