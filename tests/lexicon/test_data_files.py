"""The shipped YAML data files are well formed: no mapping defines a key twice (YAML keeps the last
silently, so a word list written twice loses the first; it happened to cues.yaml's ``relative``)."""
from pathlib import Path

import pytest
import yaml

from marsad.lexicon import DATA_DIR


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a mapping key defined twice."""


def _no_duplicates(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"key {key!r} defined twice", key_node.start_mark)
        seen[key] = True
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


@pytest.mark.parametrize("path", sorted(DATA_DIR.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA_DIR)))
def test_no_key_is_defined_twice(path: Path):
    yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)


def test_the_strict_loader_catches_a_key_written_twice():
    with pytest.raises(yaml.constructor.ConstructorError, match="defined twice"):
        yaml.load("markers:\n  relative: [الذين]\n  relative: [التي]\n", Loader=_StrictLoader)
