"""The confidence model's real-news rows: events the held-out pipeline publishes from labelled articles
judged not relevant are wrong events; a relevant article gives no such row."""
from __future__ import annotations

import numpy as np

from marsad.models import load_models
from marsad.models.linear import SHIPPED_MODEL_DIR
from marsad.models.train import ArticleLabel, article_doc, real_news_errors

# A real report (../shared/corpus), labelled here both ways.
REPORT = "قتل اليوم القيادي ابو يحي الحوثي في منطقة العلم بعدن، بعد هجوم كاسح للمقاومة الشعبية اليمنية."
MATCH = "حقق مانشستر يونايتد بداية صعبة في سعيه لاستعادة لقب الدوري."


def _rows(relevant: bool, text: str = REPORT) -> list[tuple[int, dict[str, float]]]:
    bundle = load_models(SHIPPED_MODEL_DIR)
    art = ArticleLabel("a1", text, None, "2015-08-01", relevant)
    return real_news_errors([art], [article_doc(art)], [np.array([0])], [bundle.relevance], bundle)


def test_an_event_published_from_an_article_labelled_not_relevant_is_a_confidence_row() -> None:
    rows = _rows(relevant=False)
    assert rows, "the pipeline publishes an event from this report"
    fold, x = rows[0]
    assert fold == 0
    assert x["logit_sentence"] > 0 and "logit_relevance" in x and any(k.startswith("sub:") for k in x)


def test_a_relevant_article_or_one_without_events_gives_no_row() -> None:
    assert _rows(relevant=True) == []
    assert _rows(relevant=False, text=MATCH) == []
