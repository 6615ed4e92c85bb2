"""Word vectors built from the news corpus: what they hold, and that the shipped ones are current."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from marsad.models.vectors import ARTEFACT, VECTOR_SETTINGS, artefact_hash, load_word_vectors
from marsad.text.normalise import normalise
from marsad.text.segment import tokenise

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "articles.jsonl.gz"


def nearest(word: str, n: int = 15) -> list[str]:
    wv = load_word_vectors()
    words = list(wv.index)
    sims = wv.matrix @ wv.matrix[wv.index[word]]
    return [words[i] for i in np.argsort(-sims)[1:n + 1]]


def test_words_of_violence_sit_together_and_apart_from_sport() -> None:
    assert {"غارات", "قصفت", "غاره"} & set(nearest("قصف"))
    wv = load_word_vectors()
    shelling = wv.text_vector(tokenise(normalise("قصفت الطائرات مواقع المسلحين")))
    match = wv.text_vector(tokenise(normalise("فاز الفريق في المباراة بهدفين")))
    raid = wv.text_vector(tokenise(normalise("شنت المقاتلات غارات على مواقع التنظيم")))
    assert float(shelling @ raid) > float(shelling @ match)


def test_a_text_of_unknown_words_has_a_zero_vector() -> None:
    assert not load_word_vectors().text_vector(tokenise(normalise("zzzq qqqz"))).any()


def test_a_text_vector_is_the_normalised_mean_of_its_stems_rows_to_the_bit() -> None:
    """The models were trained on vectors made with ``mean`` and ``linalg.norm``; the ufunc calls that
    stand for them give the same float32 bits."""
    wv = load_word_vectors()
    text = "قصفت الطائرات الحربية مواقع المسلحين في ريف الرقة وقتل خمسة مدنيين بينهم طفلان"
    tokens = tokenise(normalise(text))
    for i, j in ((0, len(tokens)), (0, 1), (2, 7), (5, 6)):
        rows = [wv.index[t.forms[-1]] for t in tokens[i:j] if t.forms[-1] in wv.index]
        expected = wv.matrix[rows].mean(axis=0)
        expected = expected / float(np.linalg.norm(expected))
        got = wv.text_vector(tokens[i:j])
        assert got.dtype == np.float32 and got.tobytes() == expected.tobytes()
        assert wv.rows_vector(np.array(rows, dtype=np.intp)).tobytes() == expected.tobytes()


def test_shipped_vectors_are_current() -> None:
    info = json.loads(ARTEFACT.with_suffix(".json").read_text(encoding="utf-8"))
    assert info["settings"] == VECTOR_SETTINGS, "settings changed: run scripts/build_word_vectors.py"
    assert info["sha256"] == artefact_hash(), "artefact edited by hand: run scripts/build_word_vectors.py"
    if not CORPUS.exists():
        pytest.skip("../shared/corpus not beside the project")
    assert info["corpus_sha256"] == hashlib.sha256(CORPUS.read_bytes()).hexdigest()[:16], \
        "corpus changed: run scripts/build_word_vectors.py"
