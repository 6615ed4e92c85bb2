"""Per-article digests of everything the pipeline produces, to prove a speed change is pure.

    nice .venv/bin/python benchmarks/output_digest.py -o /tmp/before.json [--limit N]
    ... change the code ...
    nice .venv/bin/python benchmarks/output_digest.py -o /tmp/after.json --compare /tmp/before.json

For every article (its text, date, source, id, title and URL, as ``marsad extract`` reads a record)
the digest covers the event and control records (as ``marsad ingest`` stores them) and the span of
every mention (kind, offsets, tokens, sentence), so a change that only makes extraction faster must
leave every digest, and the whole-corpus digest, unchanged.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# what of each record is extracted: as ``marsad extract`` reads it (the title is read by the relevance step)
INPUTS = "text, published, source, id, title, url"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl.gz"


def article_digest(text: str, published: str | None, source: str | None, article_id: str,
                   title: str | None = None, url: str | None = None) -> str:
    """A hex digest of one article's records and mention spans."""
    from marsad import extract_doc

    doc = extract_doc(text, published, source, article_id, title=title, url=url)
    records = [e.to_dict() for e in doc.events]
    records += [dict(c.to_dict(), record="control") for c in doc.layers.get("control", ())]
    spans = [(m.kind, m.start, m.end, m.sentence, m.token_start, m.token_end) for m in doc.mentions]
    blob = json.dumps([records, spans], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("-o", "--output", type=Path, required=True, help="JSON of {article id: digest}")
    ap.add_argument("--compare", type=Path, help="an earlier output to compare with")
    args = ap.parse_args()

    digests: dict[str, str] = {}
    t0 = time.perf_counter()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if args.limit is not None and i >= args.limit:
                break
            a = json.loads(line)
            digests[a["id"]] = article_digest(a["text"], a.get("published"), a.get("source"), a["id"],
                                              a.get("title"), a.get("url"))
    secs = time.perf_counter() - t0
    whole = hashlib.sha1("".join(f"{k}{v}" for k, v in digests.items()).encode()).hexdigest()
    args.output.write_text(json.dumps({"inputs": INPUTS, "whole": whole, "articles": digests}, indent=0))
    print(f"{len(digests)} articles in {secs:.1f} s ({len(digests) / secs:,.0f}/s); whole-corpus digest {whole}")
    if args.compare:
        before = json.loads(args.compare.read_text())
        if before.get("inputs") != INPUTS:
            print(f"{args.compare} was made from other fields of the records ({before.get('inputs', 'text, published, source, id')}): "
                  "make it again with this script to compare", file=sys.stderr)
            return 2
        changed = [k for k, v in digests.items() if before["articles"].get(k) != v]
        print(f"compared with {args.compare}: {'IDENTICAL' if whole == before['whole'] else 'DIFFERENT'}; "
              f"{len(changed)} article(s) differ{': ' + ', '.join(changed[:10]) if changed else ''}")
        return 1 if changed or whole != before["whole"] else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
