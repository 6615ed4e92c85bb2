"""The gazetteer and its name index in a plain binary layout, read in place at start-up.

``gazetteer.json.gz`` (the rows) and ``gazetteer_usage.json.gz`` (corpus usage) stay the artefacts
the gazetteer build writes. Parsing them and indexing ~100,000 names took about a second per process,
so ``python scripts/compile_data.py`` derives ``gazetteer.store`` from both (``build_store``). The
store is mapped into memory and nothing is parsed up front: a name, a row or a first word is looked
up in its section when first asked for.

Layout: the magic bytes, the header length (8 bytes, little-endian), a JSON header (format, byte
order, SHA-256 of both sources, the gazetteer's metadata, the admin tables and where each section
lies), then the sections, each 8-byte aligned: UTF-8 string tables (a blob and uint32 offsets),
uint32 arrays, open-addressing hash tables (int32 slots holding a string's number, the slot found
from the CRC-32 of the UTF-8 string, linear probing) and the rows, zlib-compressed in blocks of
``ROWS_PER_BLOCK``. Nothing in the file is executed or unpickled.
A store that is missing, of another format or byte order, or built from other sources is not used
(``open_store`` gives None) and the gazetteer is read from its JSON; ``tests/geo/test_store.py``
fails when the shipped store is not what ``build_store`` makes of the shipped sources.
"""
from __future__ import annotations

import hashlib
import json
import mmap
import struct
import sys
import zlib
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

MAGIC = b"MARSADGZ"
STORE_FORMAT = 1
_ALIGN = 8
ROWS_PER_BLOCK = 64  # rows compressed together: ~3 KB to inflate for the first place asked of a block


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ----------------------------------------------------------------------------------------- reading
class StringTable(Sequence[str]):
    """The i-th string of a section, decoded when asked for.

    The strings are stored joined by "\n"; ``offsets[i]`` is where string i starts and the last
    offset is one past the blob's end, so string i ends one byte before the next one starts.
    """

    __slots__ = ("_buf", "_base", "_off", "_n")

    def __init__(self, buf: Any, base: int, offsets: memoryview) -> None:
        self._buf = buf
        self._base = base
        self._off = offsets
        self._n = len(offsets) - 1

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        return self.raw(i).decode("utf-8")

    def raw(self, i: int) -> bytes:
        base = self._base
        return self._buf[base + self._off[i]:base + self._off[i + 1] - 1]

    def span(self, a: int, b: int) -> list[str]:
        """Strings a to b - 1 (one decode and one split)."""
        if a >= b:
            return []
        base = self._base
        return self._buf[base + self._off[a]:base + self._off[b] - 1].decode("utf-8").split("\n")

    def all(self) -> list[str]:
        """Every string, in order."""
        return self.span(0, self._n)


class HashedStrings:
    """A string table with its hash table: the number of a string, or -1."""

    __slots__ = ("strings", "_slots", "_mask")

    def __init__(self, strings: StringTable, slots: memoryview) -> None:
        self.strings = strings
        self._slots = slots
        self._mask = len(slots) - 1

    def find(self, text: str) -> int:
        raw = text.encode("utf-8")
        slots, mask, raw_of = self._slots, self._mask, self.strings.raw
        h = zlib.crc32(raw) & mask
        while True:
            i = slots[h]
            if i < 0:
                return -1
            if raw_of(i) == raw:
                return i
            h = (h + 1) & mask


class StoredNameIndex:
    """Folded name → gazetteer rows, as ``Gazetteer`` asks it (``get``, ``in``, ``keys()``).

    Found rows are remembered (at most one entry per name); absent names are looked up again, so
    memory stays bounded whatever text is read.
    """

    __slots__ = ("_names", "_post_off", "_post", "_order", "_found")

    def __init__(self, names: HashedStrings, post_off: memoryview, post: memoryview, order: memoryview) -> None:
        self._names = names
        self._post_off = post_off
        self._post = post
        self._order = order  # the names' numbers in index order (they are stored grouped by first word)
        self._found: dict[str, list[int]] = {}

    def get(self, key: str, default: Any = None) -> list[int] | Any:
        rows = self._found.get(key)
        if rows is None:
            i = self._names.find(key)
            if i < 0:
                return default
            rows = self._found[key] = self._post[self._post_off[i]:self._post_off[i + 1]].tolist()
        return rows

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self._found or self._names.find(key) >= 0)

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

    def __len__(self) -> int:
        return len(self._firsts.strings)

    def __iter__(self) -> Iterator[str]:
        return iter(self._firsts.strings.all())


class CompressedRows(Sequence[str]):
    """The gazetteer's rows, stored zlib-compressed in blocks of ``per_block`` rows; a block is
    decompressed the first time one of its rows is asked for (most rows never are)."""

    __slots__ = ("_blocks", "_per_block", "_n", "_open")

    def __init__(self, blocks: StringTable | "_RawBlocks", per_block: int, n: int) -> None:
        self._blocks = blocks
        self._per_block = per_block
        self._n = n
        self._open: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        b, k = divmod(i, self._per_block)
        rows = self._open.get(b)
        if rows is None:
            rows = self._open[b] = zlib.decompress(self._blocks.raw(b)).decode("utf-8").split("\n")
        return rows[k]


class _RawBlocks:
    """Byte strings of a section laid end to end, with their offsets (no separator)."""

    __slots__ = ("_buf", "_base", "_off")

    def __init__(self, buf: Any, base: int, offsets: memoryview) -> None:
        self._buf = buf
        self._base = base
        self._off = offsets

    def raw(self, i: int) -> bytes:
        return self._buf[self._base + self._off[i]:self._base + self._off[i + 1]]


class PlaceStore:
    """An opened store: its header and sections (see the module docstring)."""

    def __init__(self, buf: Any, header: dict[str, Any]) -> None:
        self.header = header
        self._buf = buf
        self._view = memoryview(buf)

    def _array(self, name: str) -> memoryview:
        off, size, code = self.header["sections"][name]
        return self._view[off:off + size].cast(code)

    def _strings(self, name: str) -> StringTable:
        return StringTable(self._buf, self.header["sections"][name + ".blob"][0], self._array(name + ".off"))

    def _hashed(self, name: str) -> HashedStrings:
        return HashedStrings(self._strings(name), self._array(name + ".hash"))

    def rows(self) -> CompressedRows:
        blocks = _RawBlocks(self._buf, self.header["sections"]["rows.blocks"][0], self._array("rows.off"))
        return CompressedRows(blocks, int(self.header["rows_per_block"]), int(self.header["rows"]))

    def name_index(self) -> StoredNameIndex:
        return StoredNameIndex(self._hashed("names"), self._array("postings.off"), self._array("postings"),
                               self._array("names.order"))

    def name_groups(self) -> StoredNameGroups:
        return StoredNameGroups(self._hashed("firsts"), self._array("groups.off"), self._strings("names"),
                                int(self.header["max_words"]))

    def usage(self) -> tuple[dict[str, tuple[int, int, int]], dict[str, tuple[int, int]]]:
        """The usage statistics as ``read_usage`` gives them (name → counts; unknown word → counts)."""
        out = []
        for name, width in (("usage", 3), ("after_cue", 2)):
            keys = self._strings(name).all()
            values = iter(self._array(name + ".values").tolist())
            out.append(dict(zip(keys, zip(*([values] * width)))))
        return out[0], out[1]  # type: ignore[return-value]


def open_store(path: Path, sources: dict[str, Path]) -> PlaceStore | None:
    """The store at ``path`` when it is usable and was built from exactly ``sources`` (name → file), else None."""
    try:
        with path.open("rb") as fh:
            try:
                buf: Any = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # an empty file, or no memory map on this system
                buf = fh.read()
    except OSError:
        return None
    try:
        if buf[:len(MAGIC)] != MAGIC:
            return None
        (head_len,) = struct.unpack("<Q", buf[len(MAGIC):len(MAGIC) + 8])
        header = json.loads(bytes(buf[len(MAGIC) + 8:len(MAGIC) + 8 + head_len]).decode("utf-8"))
        if (header.get("format") != STORE_FORMAT or header.get("byteorder") != sys.byteorder
                or header.get("itemsize") != [struct.calcsize("I"), struct.calcsize("i")]):
            return None
        if header.get("sources") != {name: file_sha256(p) for name, p in sources.items()}:
            return None
        if max((off + size for off, size, _ in header["sections"].values()), default=0) > len(buf):
            return None
        return PlaceStore(buf, header)
    except (ValueError, KeyError, TypeError, AttributeError, struct.error, OSError):
        return None


# ----------------------------------------------------------------------------------------- writing
def _string_table(strings: Sequence[str]) -> tuple[bytes, bytes]:
    """A blob of the strings joined by "\n" and the offset where each starts (plus one past the end)."""
    if any("\n" in s for s in strings):
        raise ValueError("a string of the store holds a line break")
    raw = [s.encode("utf-8") for s in strings]
    offsets = [0]
    for r in raw:
        offsets.append(offsets[-1] + len(r) + 1)
    return b"\n".join(raw), _uints(offsets)


def _hash_table(strings: Sequence[str]) -> bytes:
    size = 16
    while size < 2 * len(strings):
        size *= 2
    slots = [-1] * size
    mask = size - 1
    for i, s in enumerate(strings):
        h = zlib.crc32(s.encode("utf-8")) & mask
        while slots[h] != -1:
            h = (h + 1) & mask
        slots[h] = i
    return struct.pack(f"<{size}i", *slots)


def _uints(values: Iterable[int]) -> bytes:
    values = list(values)
    return struct.pack(f"<{len(values)}I", *values)


def build_store(meta: dict[str, Any], rows: Sequence[str], index: dict[str, list[int]], tables: dict[str, Any],
                usage: dict[str, tuple[int, int, int]], after_cue: dict[str, tuple[int, int]], usage_meta: dict[str, Any],
                sources: dict[str, str]) -> bytes:
    """The bytes of a store (deterministic: the same inputs give the same bytes).

    ``index`` maps each folded name to its rows in the gazetteer's index order; ``tables`` holds the
    admin tables (``admin1``, ``seats``, ``country``: lists of [key parts..., row]).
    """
    if sys.byteorder != "little":
        raise RuntimeError("the store is written little-endian; build it on a little-endian machine")
    # names grouped by first word (groups in order of first appearance, index order within a group)
    groups: dict[str, list[str]] = {}
    for name in index:
        groups.setdefault(name.partition(" ")[0], []).append(name)
    firsts = list(groups)
    names = [name for w in firsts for name in groups[w]]
    number = {name: j for j, name in enumerate(names)}
    sections: dict[str, tuple[bytes, str]] = {}

    def strings(name: str, values: Sequence[str], hashed: bool = False) -> None:
        blob, off = _string_table(values)
        sections[name + ".blob"] = (blob, "B")
        sections[name + ".off"] = (off, "I")
        if hashed:
            sections[name + ".hash"] = (_hash_table(values), "i")

    strings("names", names, hashed=True)
    sections["names.order"] = (_uints(number[name] for name in index), "I")
    post_off = [0]
    for name in names:
        post_off.append(post_off[-1] + len(index[name]))
    sections["postings.off"] = (_uints(post_off), "I")
    sections["postings"] = (_uints(r for name in names for r in index[name]), "I")
    strings("firsts", firsts, hashed=True)
    group_off = [0]
    for w in firsts:
        group_off.append(group_off[-1] + len(groups[w]))
    sections["groups.off"] = (_uints(group_off), "I")
    blocks = [zlib.compress("\n".join(rows[b:b + ROWS_PER_BLOCK]).encode("utf-8"), 9)
              for b in range(0, len(rows), ROWS_PER_BLOCK)]
    if any("\n" in r for r in rows):
        raise ValueError("a row of the store holds a line break")
    sections["rows.blocks"] = (b"".join(blocks), "B")
    block_off = [0]
    for blk in blocks:
        block_off.append(block_off[-1] + len(blk))
    sections["rows.off"] = (_uints(block_off), "I")
    strings("usage", list(usage))
    sections["usage.values"] = (_uints(v for counts in usage.values() for v in counts), "I")
    strings("after_cue", list(after_cue))
    sections["after_cue.values"] = (_uints(v for counts in after_cue.values() for v in counts), "I")

    header: dict[str, Any] = {
        "format": STORE_FORMAT, "byteorder": "little", "itemsize": [4, 4], "sources": sources, "meta": meta,
        "usage_meta": usage_meta, "tables": tables, "rows": len(rows), "rows_per_block": ROWS_PER_BLOCK,
        "max_words": max((n.count(" ") + 1 for n in names), default=1), "sections": {},
    }
    # section offsets depend on the header's length, which depends on the offsets: fix the point
    head_len = 0
    while True:
        pos = _aligned(len(MAGIC) + 8 + head_len)
        layout = {}
        for name, (data, code) in sections.items():
            layout[name] = [pos, len(data), code]
            pos = _aligned(pos + len(data))
        header["sections"] = layout
        head = json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        if len(head) == head_len:
            break
        head_len = len(head)
    out = bytearray(MAGIC + struct.pack("<Q", head_len) + head)
    for name, (data, _) in sections.items():
        out += b"\0" * (layout[name][0] - len(out))
        out += data
    return bytes(out)


def _aligned(n: int) -> int:
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN
