"""Print an article's sentences with the mentions each stage found and the events built.

    .venv/bin/python scripts/show_doc.py ARTICLES.jsonl [ARTICLE_ID...]

A development aid for reading what the pipeline saw; it changes nothing.
"""
from __future__ import annotations

import json
import sys

import marsad


def show(rec: dict) -> None:
    doc = marsad.extract_doc(rec["text"], rec.get("published"), rec.get("source"), rec["id"])
    print(f"=== {rec['id']} published={rec.get('published')} country={doc.layers.get('country')}")
    for i, s in enumerate(doc.sentences):
        print(f"[{i}] {doc.text[s.start:s.end]}")
        for m in sorted(doc.mentions_of_sentence(i) if hasattr(doc, "mentions_of_sentence") else
                        [m for m in doc.mentions if m.sentence == i], key=lambda m: m.start):
            v = m.value
            desc = getattr(v, "name", None) or getattr(getattr(v, "place", None), "name_en", None) or getattr(v, "sub", None) or v
            extra = ""
            if m.kind == "place":
                extra = f" prec={getattr(v, 'precision', None)} q={getattr(v, 'qualifier', None)} dl={getattr(v, 'is_dateline', None)} kind={getattr(v.place, 'kind', None)}"
            print(f"     {m.kind:12} {m.text!r:30} -> {desc}{extra} {m.meta if m.meta else ''}")
    for e in doc.events:
        print(" EVENT", e.event_date, e.sub_event_type, "|", e.actor1, "vs", e.actor2, "|", e.location, e.geo_precision, "| fat", e.fatalities)


def main() -> None:
    path, ids = sys.argv[1], set(sys.argv[2:])
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        if not ids or rec["id"] in ids:
            show(rec)


if __name__ == "__main__":
    main()
