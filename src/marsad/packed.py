"""A plain binary layout for data read in place at start-up (the gazetteer, word-vector and model stores).

A packed file is: 8 magic bytes naming its kind, the header's length (8 bytes, little-endian), a JSON
header, then sections, each 8-byte aligned: UTF-8 string tables (the strings joined by "\\n" and
uint32 offsets), uint32 / int32 / float arrays, open-addressing hash tables over a string table
(int32 slots holding a string's number, the slot found from the CRC-32 of the UTF-8 string, linear
probing), and opaque byte runs. The header holds the format, the byte order, a fingerprint of every
source the file was derived from (``source_fingerprint``), where each section lies, and whatever its
kind adds.

The file is memory-mapped and read where it lies: nothing is parsed up front beyond the header, and
nothing in it is executed or unpickled. ``open_packed`` refuses (gives None for) a file of another
kind, format or byte order, a truncated one, or one derived from other sources, and the caller then
reads the sources themselves.
"""
from __future__ import annotations

import hashlib
import json
import mmap
import struct
import sys
import zlib
from pathlib import Path
from typing import Any, Iterable, Sequence

_ALIGN = 8
_TAIL = 1 << 16  # bytes at the end of a gzip or zip file that hold the checksums of its content


def source_fingerprint(path: Path) -> str:
    """A digest of a source file that changes whenever its content does, read cheaply.

    A gzip file ends with the CRC-32 and length of what it holds, and a zip file (``.npz``) with a
    central directory giving each member's CRC-32 and sizes: for those the file's size and its tail
    from there on are hashed (the multi-megabyte gazetteer and vectors are not read through at every
    start). Any other file is hashed whole.
    """
    with path.open("rb") as fh:
        magic = fh.read(4)
        size = fh.seek(0, 2)
        if magic[:2] == b"\x1f\x8b" or magic == b"PK\x03\x04":
            start = max(0, size - _TAIL)
            fh.seek(start)
            tail = fh.read()
            if magic == b"PK\x03\x04":
                end = tail.rfind(b"PK\x05\x06")  # end of central directory: where the directory starts
                directory = int.from_bytes(tail[end + 16:end + 20], "little") if end >= 0 else 0
                if directory < start:
                    fh.seek(directory)
                    tail = fh.read()
            return f"{size}:" + hashlib.sha256(tail).hexdigest()
        fh.seek(0)
        return hashlib.sha256(fh.read()).hexdigest()


# ----------------------------------------------------------------------------------------- reading
class LazyStrings(Sequence[str]):
    """A read-only sequence of ``_n`` strings, each made by ``_item(i)`` when asked for: indexing, negative
    indices and slices handled once for every lazily decoded table."""

    __slots__ = ("_n",)

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        return self._item(i)

    def _item(self, i: int) -> str:
        raise NotImplementedError


class StringTable(LazyStrings):
    """The i-th string of a section, decoded when asked for.

    ``offsets[i]`` is where string i starts; the last offset is one past the blob's end, so string i
    ends one byte (the "\\n") before the next one starts.
    """

    __slots__ = ("_buf", "_base", "_off")

    def __init__(self, buf: Any, base: int, offsets: memoryview) -> None:
        self._buf = buf
        self._base = base
        self._off = offsets
        self._n = len(offsets) - 1

    def _item(self, i: int) -> str:
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
    """A string table with its hash table: the number of a string, or -1.

    A lookup probes the file's hash table. A long run asks for many strings, most of them once: after
    as many lookups as a tenth of the strings (about what building a dict of them all costs in probes),
    the strings are read into a dict and looked up there, so a short run builds nothing and a long one
    pays no probe per new word."""

    __slots__ = ("strings", "_slots", "_mask", "_probes_left", "_numbers")

    def __init__(self, strings: StringTable, slots: memoryview, builds_dict: bool = True) -> None:
        self.strings = strings
        self._slots = slots
        self._mask = len(slots) - 1
        # a caller that keeps its own dict of the strings (``models.linear.Vocabulary``) has it never built here
        self._probes_left = len(strings) // 10 if builds_dict else float("inf")
        self._numbers: dict[str, int] | None = None

    def find(self, text: str) -> int:
        numbers = self._numbers
        if numbers is not None:
            return numbers.get(text, -1)
        self._probes_left -= 1
        if self._probes_left < 0:
            all_strings = self.strings.all()
            self._numbers = dict(zip(all_strings, range(len(all_strings))))
            return self._numbers.get(text, -1)
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


def hashed_strings(values: Sequence[str], builds_dict: bool = True) -> HashedStrings:
    """``values`` (distinct) as a hashed string table in memory, laid out as a packed file holds one."""
    w = PackedWriter()
    w.strings("table", values, hashed=True)
    data = w.to_bytes(b"MARSADHS", 1, {}, {})
    (head_len,) = struct.unpack("<Q", data[8:16])
    return PackedFile(data, json.loads(data[16:16 + head_len])).hashed("table", builds_dict)


class RawBlocks:
    """Byte runs of a section laid end to end, with their offsets (no separator)."""

    __slots__ = ("_buf", "_base", "_off")

    def __init__(self, buf: Any, base: int, offsets: memoryview) -> None:
        self._buf = buf
        self._base = base
        self._off = offsets

    def __len__(self) -> int:
        return len(self._off) - 1

    def raw(self, i: int) -> bytes:
        return self._buf[self._base + self._off[i]:self._base + self._off[i + 1]]


class PackedFile:
    """An opened packed file: its header and typed views of its sections."""

    def __init__(self, buf: Any, header: dict[str, Any]) -> None:
        self.header = header
        self.buffer = buf
        self._view = memoryview(buf)

    def offset(self, name: str) -> int:
        return int(self.header["sections"][name][0])

    def array(self, name: str) -> memoryview:
        """A section as a memoryview of its item type (uint32 "I", int32 "i", bytes "B", ...)."""
        off, size, code = self.header["sections"][name]
        return self._view[off:off + size].cast(code)

    def strings(self, name: str) -> StringTable:
        return StringTable(self.buffer, self.offset(name + ".blob"), self.array(name + ".off"))

    def hashed(self, name: str, builds_dict: bool = True) -> HashedStrings:
        return HashedStrings(self.strings(name), self.array(name + ".hash"), builds_dict)

    def blocks(self, name: str) -> RawBlocks:
        return RawBlocks(self.buffer, self.offset(name + ".blocks"), self.array(name + ".off"))


def open_packed(path: Path, magic: bytes, version: int, sources: dict[str, Path]) -> PackedFile | None:
    """The packed file at ``path`` when it is of kind ``magic`` and format ``version``, intact, and derived
    from exactly ``sources`` (name → file, compared by ``source_fingerprint``); else None."""
    try:
        with path.open("rb") as fh:
            try:
                buf: Any = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # an empty file, or no memory map on this system
                buf = fh.read()
    except OSError:
        return None
    try:
        if buf[:8] != magic:
            return None
        (head_len,) = struct.unpack("<Q", buf[8:16])
        header = json.loads(bytes(buf[16:16 + head_len]).decode("utf-8"))
        if (header.get("format") != version or header.get("byteorder") != sys.byteorder
                or header.get("itemsize") != [struct.calcsize("I"), struct.calcsize("i")]):
            return None
        if header.get("sources") != {name: source_fingerprint(p) for name, p in sources.items()}:
            return None
        if max((off + size for off, size, _ in header["sections"].values()), default=0) > len(buf):
            return None
        return PackedFile(buf, header)
    except (ValueError, KeyError, TypeError, AttributeError, struct.error, OSError):
        return None


# ----------------------------------------------------------------------------------------- writing
class PackedWriter:
    """Collects sections, then lays out the file (deterministic: the same sections give the same bytes)."""

    def __init__(self) -> None:
        if sys.byteorder != "little":
            raise RuntimeError("packed files are written little-endian; build them on a little-endian machine")
        self.sections: dict[str, tuple[bytes, str]] = {}

    def raw(self, name: str, data: bytes, code: str = "B") -> None:
        self.sections[name] = (data, code)

    def uints(self, name: str, values: Iterable[int]) -> None:
        values = list(values)
        self.raw(name, struct.pack(f"<{len(values)}I", *values), "I")

    def strings(self, name: str, values: Sequence[str], hashed: bool = False) -> None:
        """A string table (``name.blob``, ``name.off``) and, if asked, its hash table (``name.hash``)."""
        if any("\n" in s for s in values):
            raise ValueError(f"{name}: a string holds a line break")
        raw = [s.encode("utf-8") for s in values]
        offsets = [0]
        for r in raw:
            offsets.append(offsets[-1] + len(r) + 1)
        self.raw(name + ".blob", b"\n".join(raw))
        self.uints(name + ".off", offsets)
        if hashed:
            self.raw(name + ".hash", _hash_table(raw), "i")

    def blocks(self, name: str, runs: Sequence[bytes]) -> None:
        """Byte runs laid end to end (``name.blocks``) with their offsets (``name.off``)."""
        offsets = [0]
        for r in runs:
            offsets.append(offsets[-1] + len(r))
        self.raw(name + ".blocks", b"".join(runs))
        self.uints(name + ".off", offsets)

    def to_bytes(self, magic: bytes, version: int, sources: dict[str, str], header: dict[str, Any]) -> bytes:
        """The file: ``header`` plus the format, byte order, sources and section layout."""
        if len(magic) != 8:
            raise ValueError("the magic is 8 bytes")
        head_doc = dict(header, format=version, byteorder="little", itemsize=[4, 4], sources=sources)
        head_len = 0
        while True:  # section offsets depend on the header's length, which depends on the offsets
            pos = _aligned(16 + head_len)
            layout = {}
            for name, (data, code) in self.sections.items():
                layout[name] = [pos, len(data), code]
                pos = _aligned(pos + len(data))
            head_doc["sections"] = layout
            # keys in the order given (not sorted): a mapping's order can matter to its reader (first one wins)
            head = json.dumps(head_doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            if len(head) == head_len:
                break
            head_len = len(head)
        out = bytearray(magic + struct.pack("<Q", head_len) + head)
        for name, (data, _) in self.sections.items():
            out += b"\0" * (layout[name][0] - len(out))
            out += data
        return bytes(out)


def _hash_table(raw: Sequence[bytes]) -> bytes:
    if len(set(raw)) != len(raw):
        raise ValueError("a hashed string table holds a string twice")
    size = 16
    while size < 2 * len(raw):
        size *= 2
    slots = [-1] * size
    mask = size - 1
    for i, r in enumerate(raw):
        h = zlib.crc32(r) & mask
        while slots[h] != -1:
            h = (h + 1) & mask
        slots[h] = i
    return struct.pack(f"<{size}i", *slots)


def _aligned(n: int) -> int:
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN
