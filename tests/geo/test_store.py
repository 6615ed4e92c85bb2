"""The gazetteer store (``gazetteer.store``): current with the shipped artefacts, the same gazetteer
as reading them, and never used when it was built from other files."""
from __future__ import annotations

import shutil

import pytest

from marsad.geo.gazetteer import (
    ARTEFACT, STORE, USAGE, load_gazetteer, read_artefact, read_store, read_usage, store_bytes,
)
from marsad.geo.store import StoredNameIndex

REBUILD = "python scripts/compile_data.py"


@pytest.fixture(scope="module")
def from_json():
    gaz = read_artefact(ARTEFACT)
    gaz.usage, gaz.after_cue, gaz.usage_meta = read_usage(USAGE)
    return gaz


@pytest.fixture(scope="module")
def from_store():
    gaz = read_store()
    assert gaz is not None, f"{STORE} is missing or stale: run {REBUILD}"
    return gaz


def test_shipped_store_is_current():
    """Fails when the artefacts, or the code that lays out the store, changed since it was built."""
    assert STORE.exists() and STORE.read_bytes() == store_bytes(), f"{STORE} is stale: run {REBUILD}"


def test_the_shipped_gazetteer_is_read_from_the_store():
    assert isinstance(load_gazetteer()._index, StoredNameIndex)


def test_store_holds_the_gazetteer_of_the_artefacts(from_json, from_store):
    keys = list(from_json.keys())
    assert list(from_store.keys()) == keys and len(from_store.keys()) == len(keys)
    assert all(from_store._index.get(k) == from_json._index[k] for k in keys)
    assert from_store._index.get("no such name") is None and "no such name" not in from_store.keys()
    assert len(from_store) == len(from_json)
    assert all(from_store._rows[i] == from_json._rows[i] for i in range(len(from_json)))
    assert from_store.admin_tables() == from_json.admin_tables()
    assert list(from_store.usage.items()) == list(from_json.usage.items())
    assert list(from_store.after_cue.items()) == list(from_json.after_cue.items())
    assert from_store.usage_meta == from_json.usage_meta
    assert from_store.usage_of("no such name") == (0, 0, 0) and "no such name" not in from_store.usage
    assert from_store.meta == from_json.meta and list(from_store.demonyms.items()) == list(from_json.demonyms.items())
    assert list(from_store.meta) == list(from_json.meta)  # in the artefact's order
    assert from_store._weak == from_json._weak


def test_store_groups_names_by_first_word_as_the_artefact_does(from_json, from_store):
    groups, stored = from_json.name_groups(), from_store.name_groups()
    assert list(stored) == list(groups) and len(stored) == len(groups)
    assert all(stored.get(w) == names for w, names in groups.items())
    assert stored._firsts._numbers is not None  # after many lookups the words were read into a dict
    assert stored.get("no-such-word") is None and "no-such-word" not in stored


def test_places_and_ids_read_from_the_store(from_json, from_store):
    for pid in ("geonames:173480", "opensyria:SY09", "user:eastern-ghouta"):
        assert from_store.get(pid).to_dict() == from_json.get(pid).to_dict()
    assert from_store._id == from_json._id
    may = from_store.lookup("الميادين")
    assert [p.id for p in may] == [p.id for p in from_json.lookup("الميادين")]
    assert from_store.admin1_of(from_store.get("geonames:173480")).id == "opensyria:SY09"


def test_a_place_is_found_by_id_without_reading_every_row():
    """The store holds the id index: the first lookup by id (as the place matcher's listed places make)
    reads the one block of rows that holds the place, not all of them to index their ids."""
    gaz = read_store()
    mayadin = gaz.get("geonames:173480")
    assert mayadin is not None and mayadin.id == "geonames:173480"
    assert len(gaz._rows._open) == 1  # type: ignore[attr-defined]
    assert gaz.get("geonames:0") is None and gaz.get("") is None


def test_a_store_of_other_artefacts_is_not_used(tmp_path):
    art, usage, store = tmp_path / "g.json.gz", tmp_path / "u.json.gz", tmp_path / "g.store"
    shutil.copy(ARTEFACT, art)
    shutil.copy(USAGE, usage)
    store.write_bytes(store_bytes(art, usage))
    assert read_store(store, art, usage) is not None
    usage.write_bytes(usage.read_bytes() + b"\0")  # any change to a source
    assert read_store(store, art, usage) is None
    shutil.copy(USAGE, usage)
    data = store.read_bytes()
    for bad in (b"", b"not a store", data[:1000], data[:16] + b"[" + data[17:], data[:8] + b"\xff" * 8 + data[16:]):
        store.write_bytes(bad)
        assert read_store(store, art, usage) is None


def test_a_source_fingerprint_changes_with_the_content(tmp_path):
    """gzip and zip sources are fingerprinted by their size and tail (where their content's CRC-32s are):
    a change anywhere inside, even to same-size content, changes it; other files are hashed whole."""
    import gzip as gz
    import zipfile

    from marsad.packed import source_fingerprint

    a, b = tmp_path / "a.gz", tmp_path / "b.gz"
    body = "".join(f"row {i}\n" for i in range(200_000))
    a.write_bytes(gz.compress(body.encode(), mtime=0))
    b.write_bytes(gz.compress(body.replace("row 7\n", "row 8\n", 1).encode(), mtime=0))
    assert a.stat().st_size > 2 * 65536 and source_fingerprint(a) != source_fingerprint(b)
    for name, text in (("a.npz", "x" * 300_000), ("b.npz", "x" * 299_999 + "y")):
        with zipfile.ZipFile(tmp_path / name, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("v.npy", text)
            z.writestr("w.npy", "w" * 100_000)
    assert source_fingerprint(tmp_path / "a.npz") != source_fingerprint(tmp_path / "b.npz")
    (tmp_path / "c.json").write_text("x" * 200_000)
    (tmp_path / "d.json").write_text("y" + "x" * 199_999)
    assert source_fingerprint(tmp_path / "c.json") != source_fingerprint(tmp_path / "d.json")
