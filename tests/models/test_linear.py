"""A model on disk is data: it saves, loads and scores the same, and training is deterministic."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from marsad.models.linear import LinearModel
from marsad.models.train import _matrix, fit_linear, train

SHARED_TRAIN = Path(__file__).resolve().parents[3] / "shared" / "train"


def test_saved_model_loads_and_scores_the_same(tmp_path: Path) -> None:
    feats = [{"w:قصف", "w:طيران"}, {"w:مباراة", "w:هدف"}, {"w:قصف", "w:مدفعية"}, {"w:هدف", "w:دوري"}] * 3
    y = [True, False, True, False] * 3
    model = fit_linear("status", feats, y, C=1.0, min_df=1)
    model.calibration, model.threshold = (1.2, -0.1), 0.4
    model.save(tmp_path)
    loaded = LinearModel.load(tmp_path, "status")
    for f in feats + [{"w:قصف", "w:هدف"}, set()]:
        assert loaded.probability(f) == pytest.approx(model.probability(f), abs=1e-6)
    assert loaded.threshold == 0.4 and loaded.calibration == (1.2, -0.1)
    assert loaded.probability({"w:قصف"}) > 0.5 > loaded.probability({"w:مباراة"})


def test_model_files_hold_no_pickle(tmp_path: Path) -> None:
    fit_linear("relevance", [{"a"}, {"b"}, {"a"}, {"b"}], [True, False, True, False], C=1.0, min_df=1).save(tmp_path)
    header = json.loads((tmp_path / "relevance.json").read_text(encoding="utf-8"))
    assert header["vocabulary"] == ["a", "b"]
    with np.load(tmp_path / "relevance.npz", allow_pickle=False) as arrays:  # would raise on object arrays
        assert arrays["weights"].shape == (2, 1)


def _tiny_labels(folder: Path) -> None:
    """A handful of real corpus sentences (not dev), each row carrying its own text."""
    types = ["Air/drone strike", "Attack", "Arrests", "Peaceful protest", "Shelling/artillery/missile attack",
             "Remote explosive/landmine/IED"]
    events = [
        "شنت طائرات التحالف غارات على مواقع للحوثيين في صعدة أمس.",
        "قتل ثلاثة جنود في هجوم مسلح على حاجز للجيش في سيناء اليوم.",
        "اعتقلت قوات الأمن خمسة أشخاص يشتبه بانتمائهم إلى تنظيم داعش.",
        "تظاهر المئات في بغداد احتجاجا على انقطاع الكهرباء.",
        "قصفت المدفعية التركية مواقع لحزب العمال الكردستاني شمال العراق.",
        "انفجرت عبوة ناسفة بدورية للشرطة في العريش مما أدى إلى مقتل شرطيين.",
    ]
    others = [
        "حقق مانشستر يونايتد بداية صعبة في سعيه لاستعادة لقب الدوري.",
        "أعلنت الشركة عن أرباح بلغت 21 مليون ريال بنهاية النصف الأول.",
        "ستخوض الحكومة الحرب على الفساد إلى نهايتها دون هوادة.",
        "وفي عام 2013 قتل أربعة مسلحين 67 شخصا في هجوم على مركز تجاري في نيروبي.",
        "يتوقع الخبراء ارتفاع أسعار النفط خلال العام المقبل.",
        "دعا الوزير إلى الحوار لحل الأزمة السياسية.",
    ]
    with (folder / "sentences.jsonl").open("w", encoding="utf-8") as fh:
        for i, s in enumerate(events + others):
            row = {"article_id": f"t{i}", "start": 0, "end": len(s), "sentence": s, "article_text": s,
                   "kind": "event" if i < len(events) else "none", "types": types[i:i + 1] if i < len(events) else []}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for i, s in enumerate(events + others):
            fh.write(json.dumps({"id": f"a{i}", "text": s, "relevant": i < len(events)}, ensure_ascii=False) + "\n")


def test_training_on_the_same_labels_gives_the_same_files(tmp_path: Path) -> None:
    labels = tmp_path / "labels"
    labels.mkdir()
    _tiny_labels(labels)
    settings = {"folds": 2, "min_df": 1}
    train(labels, tmp_path / "m1", settings=settings, evaluate=False)
    train(labels, tmp_path / "m2", settings=settings, evaluate=False)
    for name in ("relevance", "status", "subtype", "confidence"):
        for ext in ("json", "npz"):
            assert (tmp_path / "m1" / f"{name}.{ext}").read_bytes() == (tmp_path / "m2" / f"{name}.{ext}").read_bytes()


def test_the_training_matrix_does_not_depend_on_the_order_features_come_in() -> None:
    """A feature set iterates in string-hash order (PYTHONHASHSEED): the matrix the solver sums over must not."""
    vocab = {f: j for j, f in enumerate(["s:قصفت", "w:قصف", "w:طيران", "b:قصف طيران", "cue:Air/drone strike"])}
    words = ["w:طيران", "cue:Air/drone strike", "w:قصف", "not in the vocabulary", "s:قصفت", "b:قصف طيران"]
    a, b = _matrix([words, words[:3]], vocab), _matrix([words[::-1], words[2::-1]], vocab)
    for x, y in ((a.indptr, b.indptr), (a.indices, b.indices), (a.data, b.data)):
        assert x.tobytes() == y.tobytes()
    assert a.indices.tolist() == [0, 1, 2, 3, 4, 1, 2, 4]


def test_a_sub_type_distribution_does_not_depend_on_the_order_features_come_in() -> None:
    rng = np.random.default_rng(0)
    names = [f"w:{i}" for i in range(200)]
    model = LinearModel("subtype", ["Attack", "Arrests", "Peaceful protest"], {f: j for j, f in enumerate(names)},
                        rng.normal(size=(200, 3)), np.zeros(3))
    assert model.distribution(names) == model.distribution(names[::-1]) == model.distribution(sorted(names, key=hash))


def test_training_gives_the_same_files_whatever_the_string_hash_seed(tmp_path: Path) -> None:
    labels = tmp_path / "labels"
    labels.mkdir()
    _tiny_labels(labels)
    src = str(Path(__file__).resolve().parents[2] / "src")
    runs = [subprocess.Popen([sys.executable, "-m", "marsad", "train", "--labels", str(labels), "-o",
                              str(tmp_path / f"m{seed}"), "--no-evaluate"],
                             env=dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONPATH=src),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for seed in (1, 2)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    for name in ("relevance", "status", "subtype", "confidence"):
        for ext in ("json", "npz"):
            assert (tmp_path / "m1" / f"{name}.{ext}").read_bytes() == (tmp_path / "m2" / f"{name}.{ext}").read_bytes()


def test_relevance_reads_the_lead_without_segmenting_the_whole_article():
    """An article the relevance step rejects never pays for the whole text; its features are the same."""
    from marsad.doc import Doc
    from marsad.models.features import article_features

    lead = ("سيطرت قوات النظام بدعم روسي الخميس على أربعة أحياء على الأقل من مدينة الميادين التي تعد أحد آخر "
            "أبرز معاقل تنظيم الدولة الاسلامية في سوريا، وفق ما ذكر المرصد السوري لحقوق الانسان. ")
    text = lead * 12  # well past the lead, with a token straddling every cut point
    lazy = Doc(text, title="قوات النظام تسيطر على أحياء في الميادين")
    features = article_features(lazy)
    assert not lazy.is_segmented
    eager = Doc(text, title=lazy.title)
    assert eager.tokens and eager.is_segmented
    assert article_features(eager) == features


def _model_pair(names: list[str], columns: int) -> tuple["LinearModel", "LinearModel"]:
    """The same model given its vocabulary as a dict and as a ``Vocabulary`` (names and their hash table)."""
    import numpy as np

    from marsad.models.linear import LinearModel, Vocabulary

    rng = np.random.default_rng(7)
    weights, intercept = rng.normal(size=(len(names), columns)), rng.normal(size=columns)
    classes = ["no", "yes"] if columns == 1 else [f"c{i}" for i in range(columns)]
    as_dict = LinearModel("m", classes, dict(zip(names, range(len(names)))), weights, intercept, (1.5, -0.2))
    as_names = LinearModel("m", classes, Vocabulary.of(names, lookups=40), weights, intercept, (1.5, -0.2))
    return as_dict, as_names


def test_a_model_given_its_names_scores_as_one_given_the_row_dict():
    import numpy as np

    vector = np.linspace(-1, 1, 3, dtype=np.float32)
    tail = ["s:a", "w:b", "b:b c", "v:0", "v:1", "v:2"]  # vector rows last, as training lays them
    inside = ["v:0", "s:a", "v:1", "w:b", "v:2", "b:b c"]
    no_vector = ["s:a", "w:b", "b:b c"]
    many = [f"s:{i}" for i in range(200)] + ["v:0", "v:1", "v:2"]
    for names in (tail, inside, no_vector, many):
        for columns in (1, 4):
            a, b = _model_pair(names, columns)
            assert "vocab" not in b.__dict__  # not built by loading
            assert (a._dense is None) == (b._dense is None)
            if a._dense is not None:
                assert a._dense.tobytes() == b._dense.tobytes()
            v = vector if a._dense is not None else None
            for _ in range(30):  # past the 40 table lookups, after which the dicts are built
                feats = ["s:a", "b:b c", "unknown", "s:7", "s:150"]
                if columns == 1:
                    assert a.raw(feats, v) == b.raw(feats, v)
                    assert a.raw(dict.fromkeys(feats, 0.5), v) == b.raw(dict.fromkeys(feats, 0.5), v)
                else:
                    assert a.distribution(feats, v) == b.distribution(feats, v)
            if columns == 1:
                assert a.weight_dict() == b.weight_dict() and list(a.weight_dict()) == list(b.weight_dict())
                assert a.word_weights() == b.word_weights()
            assert b.vocab == a.vocab and b == a  # the row dict, built when first read
