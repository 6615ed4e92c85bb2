"""The word-vector store (``word_vectors.store``): current with ``word_vectors.npz``, the same vectors,
the same text vectors to the bit, and never used when derived from another artefact."""
from __future__ import annotations

import random
import shutil

import numpy as np

from marsad.models.vectors import ARTEFACT, STORE, load_word_vectors, read_store, store_bytes
from marsad.text.normalise import normalise
from marsad.text.segment import tokenise

REBUILD = "python scripts/compile_data.py"


def test_shipped_store_is_current():
    assert STORE.exists() and STORE.read_bytes() == store_bytes(), f"{STORE} is stale: run {REBUILD}"


def test_shipped_vectors_are_read_from_the_store():
    wv = load_word_vectors()
    assert wv.matrix.dtype == np.float32 and not wv.matrix.flags.owndata  # a view of the mapped file


def test_store_gives_the_vectors_and_text_vectors_of_the_artefact():
    stored, from_npz = read_store(), load_word_vectors(str(ARTEFACT))
    assert stored is not None and list(stored.index.items()) == list(from_npz.index.items())
    assert np.array_equal(stored.matrix, from_npz.matrix) and stored.matrix.dtype == np.float32
    words = list(stored.index)
    rng = random.Random(0)
    texts = [" ".join(rng.sample(words, rng.randint(1, 60))) for _ in range(300)]
    texts.append("قصفت الطائرات مواقع المسلحين في ريف دير الزور، ولا كلمة zzzq منها")
    for text in texts:
        toks = tokenise(normalise(text))
        a, b = stored.text_vector(toks), from_npz.text_vector(toks)
        assert a.dtype == b.dtype and a.tobytes() == b.tobytes()


def test_a_store_of_another_artefact_is_not_used(tmp_path):
    art, store = tmp_path / "v.npz", tmp_path / "v.store"
    shutil.copy(ARTEFACT, art)
    store.write_bytes(store_bytes(art))
    assert read_store(store, art) is not None
    art.write_bytes(art.read_bytes() + b"\0")
    assert read_store(store, art) is None
