"""Linear models stored as data: a JSON header (classes, vocabulary, calibration, threshold, provenance)
beside an ``.npz`` of weights. Loading never executes code from the model files (no pickle), so a
model trained by someone else is as safe to load as a CSV.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from ..lexicon import DATA_DIR, DataFileError
from ..packed import HashedStrings, hashed_strings

SHIPPED_MODEL_DIR = DATA_DIR / "models"
FORMAT_VERSION = 1


VECTOR_PREFIX = "v:"  # vocabulary names of the dense inputs' weights


def model_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The model folder in use: ``path``, else ``$MARSAD_MODEL``, else the one shipped in the package."""
    chosen = path or os.environ.get("MARSAD_MODEL") or SHIPPED_MODEL_DIR
    return Path(chosen)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def write_npz(path: Path, **arrays: np.ndarray) -> None:
    """``np.savez_compressed`` with a fixed entry date, so the same weights give the same bytes."""
    import io
    import zipfile  # (with threading and binascii) only when training: ~2.5 ms of every start otherwise

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key, arr in arrays.items():
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arr), allow_pickle=False)
            zf.writestr(info, buf.getvalue())


class WordWeights:
    """A binary model's weights of the word features (``features.token_features``), keyed by what a text
    gives without building the feature strings: the surface form (``s:``), the stem (``w:``) and the
    pair of stems (``b:``). Features the model does not know are absent, as they weigh nothing.

    A plain class (not a dataclass, whose methods are compiled at every start-up): built once per model,
    read by attribute."""

    __slots__ = ("surface", "stem", "bigram")

    def __init__(self, surface: dict[str, float], stem: dict[str, float], bigram: dict[tuple[str, str], float]) -> None:
        self.surface = surface
        self.stem = stem
        self.bigram = bigram

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.surface, self.stem, self.bigram) == (other.surface, other.stem, other.bigram)  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # its dicts are mutable, as the frozen dataclass's were unhashable

    def __repr__(self) -> str:
        return f"WordWeights(surface={self.surface!r}, stem={self.stem!r}, bigram={self.bigram!r})"

    @classmethod
    def of(cls, weights: Mapping[str, float]) -> "WordWeights":
        surface: dict[str, float] = {}
        stem: dict[str, float] = {}
        bigram: dict[tuple[str, str], float] = {}
        for name, w in weights.items():
            kind, body = name[:2], name[2:]
            if kind == "s:":
                surface[body] = w
            elif kind == "w:":
                stem[body] = w
            elif kind == "b:":
                pair = body.split(" ")
                if len(pair) == 2:  # words hold no space: "b:a b" is only ever built from the pair (a, b)
                    bigram[(pair[0], pair[1])] = w
        return cls(surface, stem, bigram)


class Vocabulary:
    """A model's distinct feature names in row order, given to ``LinearModel`` in place of the name → row
    dict: a name's row is read from a hash table over the names (``packed.HashedStrings``, as the compiled
    store holds them), so loading builds no dict. Loading the shipped models decoded ~74,000 names into
    ~130,000 dict entries (~14 ms) of which a one-article run reads a few hundred per model.

    After ``lookups`` rows were asked for (a table lookup costs ~50 dict lookups), the name → row dict is
    built (``rows``; it becomes ``LinearModel.vocab``) and answers from then on: a long run pays what
    loading paid before, once, and a few hundred table lookups."""

    __slots__ = ("table", "left", "_rows")

    LOOKUPS = 1_000  # a one-article run asks each shipped model for 400-600 rows

    def __init__(self, table: HashedStrings, lookups: int = LOOKUPS) -> None:
        self.table = table
        self.left = lookups
        self._rows: dict[str, int] | None = None

    @classmethod
    def of(cls, names: Sequence[str], lookups: int = LOOKUPS) -> "Vocabulary":
        """The vocabulary of ``names`` (distinct), with its hash table built in memory."""
        return cls(hashed_strings(names, builds_dict=False), lookups)

    @property
    def exhausted(self) -> bool:
        """Whether rows are now read from the dict (built, or due to be built at the next lookup)."""
        return self._rows is not None or self.left <= 0

    def row(self, name: str) -> int:
        """The row of feature ``name``, -1 when the model does not know it."""
        rows = self._rows
        if rows is None:
            self.left -= 1
            if self.left >= 0:
                return self.table.find(name)
            rows = self.rows()
        return rows.get(name, -1)

    def rows(self) -> dict[str, int]:
        """Name → row, built once (in row order)."""
        if self._rows is None:
            names = self.table.strings.all()
            self._rows = dict(zip(names, range(len(names))))
        return self._rows

    def __len__(self) -> int:
        return len(self.table.strings)


class _WeightsByName:
    """A binary model's weight of a feature by its name, with ``dict.get``'s signature, read through the
    vocabulary's hash table and the weight column while the vocabulary reads rows from its table; then
    the model's plain weight dict is built and takes this one's place."""

    __slots__ = ("model", "vocabulary", "column")

    def __init__(self, model: "LinearModel", vocabulary: Vocabulary, column: np.ndarray) -> None:
        self.model = model
        self.vocabulary = vocabulary
        self.column = column

    def get(self, name: str, default: float | None = None) -> float | None:
        if self.vocabulary.exhausted:
            return self.model.weight_dict().get(name, default)
        i = self.vocabulary.row(name)
        return default if i < 0 else self.column.item(i)  # the float that column.tolist() gives

    def as_dict(self) -> dict[str, float]:
        return dict(zip(self.vocabulary.rows(), self.column.tolist()))  # the rows dict's keys: names in row order


@dataclass
class LinearModel:
    """A (binary or multi-class) linear classifier over string features.

    Binary models have one weight column and ``classes == [negative, positive]``; ``calibration``
    (Platt's ``a, b``) maps the raw score to a probability fitted on out-of-fold scores.
    """

    name: str
    classes: list[str]
    vocab: dict[str, int]  # feature -> row; given a Vocabulary instead, built when first read
    weights: np.ndarray  # (n_features, n_columns)
    intercept: np.ndarray  # (n_columns,)
    calibration: tuple[float, float] | None = None
    threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        vocabulary = self.vocab if isinstance(self.vocab, Vocabulary) else None
        if vocabulary is not None:  # the row dict waits for its first reader (__getattr__)
            del self.vocab
            self._vocabulary = vocabulary
        # binary models score with a plain dict: one lookup and one float add per feature (a model given a
        # Vocabulary reads its names' weights through the vocabulary's table until it builds that dict)
        self._binary = self.weights.shape[1] == 1
        if self._binary:
            self._w: Any = (dict(zip(self.vocab, self.weights[:, 0].tolist())) if vocabulary is None
                            else _WeightsByName(self, vocabulary, self.weights[:, 0]))
            self._b = float(self.intercept[0])
        # the dense inputs (a text's word vector) are the vocabulary's "v:0", "v:1", … rows
        rows = []
        if vocabulary is None:
            while f"{VECTOR_PREFIX}{len(rows)}" in self.vocab:
                rows.append(self.vocab[f"{VECTOR_PREFIX}{len(rows)}"])
        else:
            while (row := vocabulary.row(f"{VECTOR_PREFIX}{len(rows)}")) >= 0:
                rows.append(row)
        self._dense = self.weights[rows] if rows else None

    def __getattr__(self, name: str) -> Any:
        # asked only for an attribute not set: ``vocab`` of a model given a Vocabulary, built on first read
        if name == "vocab":
            vocabulary = self.__dict__.get("_vocabulary")
            if vocabulary is not None:
                vocab = self.vocab = vocabulary.rows()
                return vocab
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _known_rows(self, features: Iterable[str]) -> list[int]:
        """The rows of the features the model knows, in the order given (through the vocabulary's hash
        table while it reads rows there: a one-article run's few sub-type scores build no dict)."""
        vocab = self.__dict__.get("vocab")
        if vocab is None:
            vocabulary: Vocabulary = self._vocabulary
            if not vocabulary.exhausted:
                return [i for i in map(vocabulary.row, features) if i >= 0]
            vocab = self.vocab
        return [i for i in map(vocab.get, features) if i is not None]

    def weight_dict(self) -> dict[str, float]:
        """A binary model's weights by feature name (built once, when given a Vocabulary)."""
        w = self._w
        if isinstance(w, _WeightsByName):
            w = self._w = w.as_dict()
        return w

    # -- inference -----------------------------------------------------------------------
    def raw(self, features: Iterable[str] | Mapping[str, float], vector: np.ndarray | None = None) -> float:
        """The binary decision value (before calibration); features are present strings, or values;
        ``vector`` the text's dense word vector, for a model trained with one."""
        w = self._w
        # math.fsum is exact, so the score does not depend on the order a set of features is iterated
        # in (which follows the process's string-hash seed): the same article scores the same in every run
        if isinstance(features, Mapping):
            s = self._b + math.fsum(w.get(f, 0.0) * v for f, v in features.items())
        else:
            s = self._b + math.fsum(map(w.get, features, repeat(0.0)))
        if vector is not None and self._dense is not None:
            s += float(vector @ self._dense[:, 0])
        return s

    def word_weights(self) -> WordWeights:
        """The binary model's word-feature weights by surface form, stem and stem pair (built once)."""
        ww = self.__dict__.get("_word_weights")
        if ww is None:
            ww = self._word_weights = WordWeights.of(self.weight_dict())
        return ww

    def raw_terms(self, terms: Iterable[float], vector: np.ndarray | None = None) -> float:
        """``raw`` of distinct features whose known weights are ``terms``: summed by ``math.fsum``, which is
        exact, so leaving out the features the model does not know (weight 0.0) gives the same float."""
        s = self._b + math.fsum(terms)
        if vector is not None and self._dense is not None:
            s += float(vector @ self._dense[:, 0])
        return s

    def calibrated(self, s: float) -> float:
        """The probability of the raw score ``s`` (``probability`` of features whose ``raw`` is ``s``)."""
        if self.calibration:
            a, b = self.calibration
            return _sigmoid(a * s + b)
        return _sigmoid(s)

    def probability(self, features: Iterable[str] | Mapping[str, float], vector: np.ndarray | None = None) -> float:
        """P(positive class), calibrated when the model carries a calibration."""
        s = self.raw(features, vector)
        if self.calibration:
            a, b = self.calibration
            return _sigmoid(a * s + b)
        return _sigmoid(s)

    def distribution(self, features: Iterable[str], vector: np.ndarray | None = None) -> dict[str, float]:
        """Multi-class: softmax over classes."""
        # the rows in sorted order: a set of features iterates in string-hash order, which changes from one
        # process to the next (PYTHONHASHSEED), and a float sum depends on its order
        idx = sorted(self._known_rows(features))
        z = self.intercept + (self.weights[idx].sum(axis=0) if idx else 0.0)
        if vector is not None and self._dense is not None:
            z = z + vector @ self._dense
        z = np.exp(z - z.max())
        z /= z.sum()
        return dict(zip(self.classes, z.tolist()))

    # -- storage -------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        header = {
            "format": FORMAT_VERSION, "name": self.name, "classes": self.classes,
            "vocabulary": list(self.vocab), "calibration": list(self.calibration) if self.calibration else None,
            "threshold": self.threshold, "meta": self.meta,
        }
        (folder / f"{self.name}.json").write_text(json.dumps(header, ensure_ascii=False, sort_keys=True) + "\n",
                                                  encoding="utf-8")
        write_npz(folder / f"{self.name}.npz", weights=self.weights.astype(np.float32),
                  intercept=self.intercept.astype(np.float32))

    @classmethod
    def load(cls, folder: Path, name: str) -> "LinearModel":
        head_path, npz_path = folder / f"{name}.json", folder / f"{name}.npz"
        try:
            header = json.loads(head_path.read_text(encoding="utf-8"))
            with np.load(npz_path, allow_pickle=False) as arrays:
                weights, intercept = arrays["weights"], arrays["intercept"]
        except FileNotFoundError as exc:
            raise DataFileError(f"{exc.filename}: model file missing; train one with `marsad train` "
                                f"or point --model/MARSAD_MODEL at a model folder") from None
        except (ValueError, KeyError, OSError) as exc:
            raise DataFileError(f"{folder}: cannot read model {name!r}: {exc}") from None
        if header.get("format") != FORMAT_VERSION:
            raise DataFileError(f"{head_path}: model format {header.get('format')!r}, this Marsad reads {FORMAT_VERSION}")
        names = header["vocabulary"]
        vocab = dict(zip(names, range(len(names))))  # feature -> row, built in C (a fifth of the load time was here)
        if weights.shape[0] != len(vocab):
            raise DataFileError(f"{npz_path}: {weights.shape[0]} weight rows for {len(vocab)} features")
        cal = header.get("calibration")
        return cls(name, header["classes"], vocab, weights.astype(np.float64), intercept.astype(np.float64),
                   tuple(cal) if cal else None, float(header.get("threshold", 0.5)), header.get("meta") or {})


class ModelBundle:
    """The models one pipeline run uses, and the folder they came from (a plain class: see ``WordWeights``)."""

    __slots__ = ("folder", "relevance", "status", "subtype", "confidence")

    def __init__(self, folder: Path, relevance: LinearModel, status: LinearModel, subtype: LinearModel,
                 confidence: LinearModel) -> None:
        self.folder = folder
        self.relevance = relevance
        self.status = status
        self.subtype = subtype
        self.confidence = confidence

    def _fields(self) -> tuple[Any, ...]:
        return self.folder, self.relevance, self.status, self.subtype, self.confidence

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"ModelBundle(folder={self.folder!r}, relevance={self.relevance!r}, status={self.status!r}, "
                f"subtype={self.subtype!r}, confidence={self.confidence!r})")


MODEL_NAMES = ("relevance", "status", "subtype", "confidence")


@lru_cache(maxsize=4)
def _load(folder: str) -> ModelBundle:
    path = Path(folder)
    if not path.is_dir():
        raise DataFileError(f"{path}: model folder not found (from --model, MARSAD_MODEL or the package)")
    from .compiled import read_compiled  # the shipped models, from their compiled copy while it is current

    return read_compiled(path) or ModelBundle(path, *(LinearModel.load(path, n) for n in MODEL_NAMES))


@lru_cache(maxsize=16)
def _folder_of(chosen: str | os.PathLike[str]) -> str:
    return str(Path(chosen))


def load_models(path: str | os.PathLike[str] | None = None) -> ModelBundle:
    """Load (once per process and folder) the models of ``model_dir(path)``."""
    # model_dir(path) without building a Path per call (stages ask for the models several times per article)
    return _load(_folder_of(path or os.environ.get("MARSAD_MODEL") or SHIPPED_MODEL_DIR))
