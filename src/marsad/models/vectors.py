"""Word vectors learned from the news corpus itself, for the learned steps' inputs.

The labelled rows are few (1,500 articles, 2,400 sentences); a word a coder never saw in a labelled row
still has neighbours in 9.7 million words of unlabelled news ("قصف" sits beside "غارات" and "قتلت").
The vectors are the classic count-based kind: positive pointwise mutual information of stems within
three words of each other, reduced by a truncated SVD, rows normalised. No download, no pretrained
model: ``scripts/build_word_vectors.py`` builds them from ``../shared/corpus`` with the project's own
normaliser and tokeniser, and the artefact (``data/word_vectors.npz``, float16) ships with the package.
A text's vector is the normalised mean of its stems' vectors (``text_vector``).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from ..text.segment import Token

ARTEFACT = Path(__file__).resolve().parent.parent / "data" / "word_vectors.npz"
# Part of the artefact's identity (written beside it, checked by tests/models/test_vectors.py).
VECTOR_SETTINGS: dict[str, Any] = {
    "window": 3,  # stems within this many words count as co-occurring
    "min_count": 10,  # stems seen fewer times get no vector
    "rows": 40_000,  # most frequent stems whose co-occurrences are counted
    "contexts": 10_000,  # most frequent stems used as contexts
    "context_smoothing": 0.75,  # context counts raised to this power (smoothed PMI)
    "dims": 100,
    "kept": 20_000,  # most frequent stems shipped
    "chars_per_article": 6000,  # an article's opening read for counting
    "seed": 0,
}


def stem(t: Token) -> str:
    """The form a vector is looked up by: the clitic-free stem, as the sparse features use."""
    return t.forms[-1] if t.forms else t.norm


@dataclass(frozen=True)
class WordVectors:
    index: dict[str, int]
    matrix: np.ndarray  # (words, dims) float32, rows of unit length (read in place from the store, or loaded)

    @property
    def dims(self) -> int:
        return int(self.matrix.shape[1])

    def text_vector(self, tokens: Iterable[Token]) -> np.ndarray:
        """Normalised mean vector of the tokens' stems (zeros when none has a vector)."""
        # the stems (``stem``) looked up in one pass: this runs for every sentence scored
        return self.stems_vector([t.forms[-1] if t.forms else t.norm for t in tokens])

    def stems_vector(self, stems: Iterable[str]) -> np.ndarray:
        """``text_vector`` of tokens with these stems (``stem``), in order."""
        return self.rows_vector([i for i in map(self.index.get, stems) if i is not None])

    def rows_vector(self, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """The normalised mean of these rows of the matrix, in order (zeros when there are none)."""
        if not len(rows):
            return np.zeros(self.dims, dtype=np.float32)
        # ``self.matrix[rows].mean(axis=0)`` and ``np.linalg.norm`` spelled as the ufunc calls they make
        # (numpy's _methods._mean, linalg.norm of a vector), without their Python-level argument handling
        v = np.add.reduce(self.matrix[rows], 0)
        np.true_divide(v, np.intp(len(rows)), out=v, casting="unsafe", subok=False)
        n = float(np.sqrt(v.dot(v)))
        return v / n if n > 0 else v


@lru_cache(maxsize=None)
def load_word_vectors(path: str | None = None) -> WordVectors:
    """The shipped vectors (from ``word_vectors.store`` while it matches the artefact), or those at ``path``."""
    if path is None:
        wv = read_store()
        if wv is not None:
            return wv
    p = Path(path) if path else ARTEFACT
    try:
        with np.load(p, allow_pickle=False) as z:
            words = z["words"].tolist()  # Python str, as str(w) of each
            matrix = z["vectors"].astype(np.float32)
    except FileNotFoundError:
        from ..lexicon import DataFileError

        raise DataFileError(f"{p}: word vectors missing; rebuild with scripts/build_word_vectors.py") from None
    return WordVectors(dict(zip(words, range(len(words)))), matrix)


# The artefact is deflate-compressed: inflating it and widening 2 million float16 to float32 was most of
# the vectors' load time. ``word_vectors.store`` (written by scripts/compile_data.py) holds the same words
# and the rows already widened to float32 (exactly: every float16 is a float32), uncompressed, in a packed
# file (``marsad.packed``) read in place; widening rows as texts ask for them cost more over a long run.
STORE = ARTEFACT.with_name("word_vectors.store")
STORE_MAGIC = b"MARSADWV"
STORE_FORMAT = 2


def read_store(path: Path = STORE, artefact: Path = ARTEFACT) -> WordVectors | None:
    """The vectors from a store derived from ``artefact``, else None."""
    from ..packed import open_packed

    packed = open_packed(path, STORE_MAGIC, STORE_FORMAT, {"word_vectors": artefact})
    if packed is None:
        return None
    words = packed.strings("words").all()
    n, dims = packed.header["shape"]
    matrix = np.frombuffer(packed.buffer, dtype="<f4", count=n * dims, offset=packed.offset("vectors")).reshape(n, dims)
    return WordVectors(dict(zip(words, range(len(words)))), matrix)


def store_bytes(artefact: Path = ARTEFACT) -> bytes:
    """What ``word_vectors.store`` must hold for ``artefact`` (deterministic)."""
    from ..packed import PackedWriter, source_fingerprint

    with np.load(artefact, allow_pickle=False) as z:
        words = z["words"].tolist()
        vectors = z["vectors"]
    if vectors.ndim != 2 or len(words) != vectors.shape[0]:
        raise ValueError(f"{artefact}: expected one row of vectors per word")
    w = PackedWriter()
    w.strings("words", words)
    w.raw("vectors", vectors.astype("<f4").tobytes(), "f")
    return w.to_bytes(STORE_MAGIC, STORE_FORMAT, {"word_vectors": source_fingerprint(artefact)}, {"shape": list(vectors.shape)})


def artefact_hash(path: Path = ARTEFACT) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.exists() else "missing"


# ------------------------------------------------------------------------------------------ building
def _log(msg: str) -> None:
    print(f"marsad vectors: {msg}", file=sys.stderr, flush=True)


def build(corpus: Path, settings: dict[str, Any] | None = None) -> tuple[list[str], np.ndarray]:
    """(stems, unit vectors) from a corpus of JSONL articles (``title``, ``text``); deterministic."""
    from collections import Counter

    from scipy.sparse import coo_matrix
    from sklearn.decomposition import TruncatedSVD

    from ..text.normalise import normalise
    from ..text.segment import tokenise

    S = dict(VECTOR_SETTINGS, **(settings or {}))
    opener = gzip.open if str(corpus).endswith(".gz") else open
    seqs: list[list[str]] = []
    counts: Counter[str] = Counter()
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                a = json.loads(line)
            except json.JSONDecodeError:
                continue
            text = (a.get("title") or "") + "\n" + (a.get("text") or "")
            stems = [stem(t) for t in tokenise(normalise(text[: S["chars_per_article"]]))]
            seqs.append(stems)
            counts.update(stems)
            if n % 10_000 == 0:
                _log(f"{n} articles read")
    vocab = [w for w, c in counts.most_common(S["rows"]) if c >= S["min_count"]]
    vid = {w: i for i, w in enumerate(vocab)}
    n_ctx = S["contexts"]
    rows, cols = [], []
    for s in seqs:
        ids = np.array([vid.get(w, -1) for w in s], dtype=np.int64)
        for off in range(1, S["window"] + 1):
            a, b = ids[:-off], ids[off:]
            m = (a >= 0) & (b >= 0) & (b < n_ctx)
            rows.append(a[m]); cols.append(b[m])
            m = (a >= 0) & (b >= 0) & (a < n_ctx)
            rows.append(b[m]); cols.append(a[m])
    r, c = np.concatenate(rows), np.concatenate(cols)
    M = coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(len(vocab), n_ctx)).tocsr().tocoo()
    total = M.sum()
    row_sum = np.asarray(M.sum(axis=1)).ravel()
    ctx = np.asarray(M.sum(axis=0)).ravel() ** S["context_smoothing"]
    ctx /= ctx.sum()
    pmi = np.log((M.data / total) / ((row_sum[M.row] / total) * ctx[M.col]))
    keep = pmi > 0
    P = coo_matrix((pmi[keep], (M.row[keep], M.col[keep])), shape=M.shape).tocsr()
    _log(f"{len(vocab)} stems, {P.nnz} positive PMI cells; SVD to {S['dims']} dimensions")
    U = TruncatedSVD(S["dims"], random_state=S["seed"]).fit_transform(P)
    U /= np.linalg.norm(U, axis=1, keepdims=True) + 1e-12
    kept = min(S["kept"], len(vocab))
    return vocab[:kept], U[:kept]


def write(words: Sequence[str], vectors: np.ndarray, path: Path, corpus: Path) -> dict[str, Any]:
    """Write the artefact (float16) and its provenance JSON beside it; return the provenance."""
    np.savez_compressed(path, words=np.array(list(words)), vectors=vectors.astype(np.float16))
    info = {
        "built_by": "scripts/build_word_vectors.py (marsad.models.vectors.build)",
        "corpus": corpus.name,
        "corpus_sha256": hashlib.sha256(corpus.read_bytes()).hexdigest()[:16],
        "settings": VECTOR_SETTINGS,
        "words": len(words),
        "sha256": artefact_hash(path),
    }
    path.with_suffix(".json").write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return info
