"""The gazetteer and its name index in a packed file (``marsad.packed``), read in place at start-up.

``gazetteer.json.gz`` (the rows) and ``gazetteer_usage.json.gz`` (corpus usage) stay the artefacts
the gazetteer build writes. Parsing them and indexing ~100,000 names took about a second per process,
so ``python scripts/compile_data.py`` derives ``gazetteer.store`` from both (``build_store``). Nothing
is parsed up front: a name, a row or a first word is looked up in its section when first asked for.

Sections: the names (hashed; grouped by first word) with each name's rows (``postings``) and its
position in index order (``names.order``); the first words (hashed) with where each one's group of
names starts; the rows, zlib-compressed in blocks of ``ROWS_PER_BLOCK``; the usage counts (hashed); the
ids and alternative ids (hashed) with each one's row (``Gazetteer.id_index``, which otherwise reads every
row, inflating every block, on the first lookup of a place by id: 0.2-0.4 s per process). The header
adds the gazetteer's metadata and admin tables. A store that is missing, of another format, or built
from other sources is not used (``open_store`` gives None) and the gazetteer is read from its JSON;
``tests/geo/test_store.py`` fails when the shipped store is not what ``build_store`` makes of the
shipped sources.
"""
from __future__ import annotations

import zlib
from pathlib import Path
from collections.abc import Mapping
from typing import Any, Iterator, Sequence

from ..packed import HashedStrings, LazyStrings, PackedFile, PackedWriter, RawBlocks, StringTable, open_packed

MAGIC = b"MARSADGZ"
_UNSEEN = object()
STORE_FORMAT = 5
ROWS_PER_BLOCK = 16  # rows compressed together: ~1 KB to inflate (~20 us) for the first place asked of a block


class StoredNameIndex:
    """Folded name → gazetteer rows, as ``Gazetteer`` asks it (``get``, ``in``, ``keys()``).

    Answers are remembered: found rows once per name, absent names up to ``MISSES_KEPT`` of them (then
    looked up again each time), so memory stays bounded whatever text is read.
    """

    __slots__ = ("_names", "_post_off", "_post", "_order", "_found", "_misses_left")
    MISSES_KEPT = 100_000

    def __init__(self, names: HashedStrings, post_off: memoryview, post: memoryview, order: memoryview) -> None:
        self._names = names
        self._post_off = post_off
        self._post = post
        self._order = order  # the names' numbers in index order (they are stored grouped by first word)
        self._found: dict[str, list[int] | None] = {}  # None: not a name
        self._misses_left = self.MISSES_KEPT

    def get(self, key: str, default: Any = None) -> list[int] | Any:
        rows = self._found.get(key, _UNSEEN)
        if rows is _UNSEEN:
            rows = self._look_up(key)
        return default if rows is None else rows

    def _look_up(self, key: str) -> list[int] | None:
        i = self._names.find(key)
        if i >= 0:
            rows = self._found[key] = self._post[self._post_off[i]:self._post_off[i + 1]].tolist()
            return rows
        if self._misses_left > 0:
            self._misses_left -= 1
            self._found[key] = None
        return None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return len(self._names.strings)

    def __iter__(self) -> Iterator[str]:
        names = self._names.strings.all()
        return iter([names[i] for i in self._order])

    def keys(self) -> "StoredNameIndex":
        return self


class StoredNameGroups:
    """First word of a name → the names that start with it (in index order), for the place matcher.

    The names are stored grouped by first word, so a group is one slice of the name table."""

    __slots__ = ("_firsts", "_group_off", "_names", "max_words")

    def __init__(self, firsts: HashedStrings, group_off: memoryview, names: StringTable, max_words: int) -> None:
        self._firsts = firsts
        self._group_off = group_off
        self._names = names
        self.max_words = max_words

    def get(self, word: str, default: Any = None) -> list[str] | Any:
        i = self._firsts.find(word)
        if i < 0:
            return default
        return self._names.span(self._group_off[i], self._group_off[i + 1])

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._firsts.find(word) >= 0

    def loaded_words(self) -> "dict[str, int] | None":
        """The first words as a dict (to test many at once in C), once lookups have read them into one
        (``HashedStrings``), else None."""
        return self._firsts._numbers

    def __len__(self) -> int:
        return len(self._firsts.strings)

    def __iter__(self) -> Iterator[str]:
        return iter(self._firsts.strings.all())


class CompressedRows(LazyStrings):
    """The gazetteer's rows, zlib-compressed in blocks of ``per_block`` rows; a block is inflated the
    first time one of its rows is asked for (most rows never are), and a row decoded when asked for (a
    run asks for one or two rows of most blocks it opens: decoding the other fourteen cost a third as
    much again as inflating the block)."""

    __slots__ = ("_blocks", "_per_block", "_open")

    def __init__(self, blocks: RawBlocks, per_block: int, n: int) -> None:
        self._blocks = blocks
        self._per_block = per_block
        self._n = n
        self._open: dict[int, list[bytes]] = {}

    def _item(self, i: int) -> str:
        b, k = divmod(i, self._per_block)
        rows = self._open.get(b)
        if rows is None:
            rows = self._open[b] = zlib.decompress(self._blocks.raw(b)).split(b"\n")
        return rows[k].decode("utf-8")


class StoredCounts(Mapping[str, tuple[int, ...]]):
    """Name → its usage counts (a tuple of ``width`` ints), read from the store when first asked for."""

    __slots__ = ("_keys", "_values", "_width", "_seen")

    def __init__(self, keys: HashedStrings, values: memoryview, width: int) -> None:
        self._keys = keys
        self._values = values
        self._width = width
        self._seen: dict[str, tuple[int, ...] | None] = {}  # None: not counted (bounded by the keys asked)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        counts = self._seen.get(key, _UNSEEN)
        if counts is _UNSEEN:
            i = self._keys.find(key)
            w = self._width
            counts = None if i < 0 else tuple(self._values[i * w:(i + 1) * w].tolist())
            if counts is not None or len(self._seen) < 4 * len(self):
                self._seen[key] = counts
        return default if counts is None else counts

    def __getitem__(self, key: str) -> tuple[int, ...]:
        counts = self.get(key)
        if counts is None:
            raise KeyError(key)
        return counts

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return len(self._keys.strings)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys.strings.all())


class StoredIds(Mapping[str, int]):
    """Place id (or alternative source id) → its row, as ``Gazetteer.id_index`` gives it."""

    __slots__ = ("_ids", "_rows")

    def __init__(self, ids: HashedStrings, rows: memoryview) -> None:
        self._ids = ids
        self._rows = rows

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        i = self._ids.find(key) if isinstance(key, str) else -1
        return default if i < 0 else self._rows[i]

    def __getitem__(self, key: str) -> int:
        row = self.get(key)
        if row is None:
            raise KeyError(key)
        return row

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self._ids.strings)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids.strings.all())


class PlaceStore:
    """An opened gazetteer store (see the module docstring)."""

    def __init__(self, packed: PackedFile) -> None:
        self.packed = packed
        self.header = packed.header

    def rows(self) -> CompressedRows:
        return CompressedRows(self.packed.blocks("rows"), int(self.header["rows_per_block"]), int(self.header["rows"]))

    def name_index(self) -> StoredNameIndex:
        p = self.packed
        return StoredNameIndex(p.hashed("names"), p.array("postings.off"), p.array("postings"), p.array("names.order"))

    def name_groups(self) -> StoredNameGroups:
        p = self.packed
        return StoredNameGroups(p.hashed("firsts"), p.array("groups.off"), p.strings("names"),
                                int(self.header["max_words"]))

    def id_index(self) -> StoredIds:
        return StoredIds(self.packed.hashed("ids"), self.packed.array("ids.row"))

    def usage(self) -> tuple[StoredCounts, StoredCounts]:
        """The usage statistics as ``read_usage`` gives them, looked up when asked for: name → (uses,
        locative uses, strongly locative uses); unknown word → (uses after a town word, all uses)."""
        p = self.packed
        return (StoredCounts(p.hashed("usage"), p.array("usage.values"), 3),
                StoredCounts(p.hashed("after_cue"), p.array("after_cue.values"), 2))


def open_store(path: Path, sources: dict[str, Path]) -> PlaceStore | None:
    """The store at ``path`` when it is usable and was built from exactly ``sources`` (name → file), else None."""
    packed = open_packed(path, MAGIC, STORE_FORMAT, sources)
    return None if packed is None else PlaceStore(packed)


def build_store(meta: dict[str, Any], rows: Sequence[str], index: dict[str, list[int]], tables: dict[str, Any],
                usage: dict[str, tuple[int, int, int]], after_cue: dict[str, tuple[int, int]], usage_meta: dict[str, Any],
                sources: dict[str, str], ids: dict[str, int]) -> bytes:
    """The bytes of a store (deterministic: the same inputs give the same bytes).

    ``index`` maps each folded name to its rows in the gazetteer's index order; ``tables`` holds the
    admin tables as columns (``Gazetteer.admin_tables``); ``ids`` each id to its row (``Gazetteer.id_index``).
    """
    # names grouped by first word (groups in order of first appearance, index order within a group)
    groups: dict[str, list[str]] = {}
    for name in index:
        groups.setdefault(name.partition(" ")[0], []).append(name)
    firsts = list(groups)
    names = [name for w in firsts for name in groups[w]]
    number = {name: j for j, name in enumerate(names)}
    w = PackedWriter()
    w.strings("names", names, hashed=True)
    w.uints("names.order", (number[name] for name in index))
    post_off = [0]
    for name in names:
        post_off.append(post_off[-1] + len(index[name]))
    w.uints("postings.off", post_off)
    w.uints("postings", (r for name in names for r in index[name]))
    w.strings("firsts", firsts, hashed=True)
    group_off = [0]
    for first in firsts:
        group_off.append(group_off[-1] + len(groups[first]))
    w.uints("groups.off", group_off)
    if any("\n" in r for r in rows):
        raise ValueError("a row of the gazetteer holds a line break")
    w.blocks("rows", [zlib.compress("\n".join(rows[b:b + ROWS_PER_BLOCK]).encode("utf-8"), 9)
                      for b in range(0, len(rows), ROWS_PER_BLOCK)])
    w.strings("usage", list(usage), hashed=True)
    w.uints("usage.values", (v for counts in usage.values() for v in counts))
    w.strings("after_cue", list(after_cue), hashed=True)
    w.uints("after_cue.values", (v for counts in after_cue.values() for v in counts))
    w.strings("ids", list(ids), hashed=True)
    w.uints("ids.row", ids.values())
    header = {"meta": meta, "usage_meta": usage_meta, "tables": tables, "rows": len(rows),
              "rows_per_block": ROWS_PER_BLOCK, "max_words": max((n.count(" ") + 1 for n in names), default=1)}
    return w.to_bytes(MAGIC, STORE_FORMAT, sources, header)
