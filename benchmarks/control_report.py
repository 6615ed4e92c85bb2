"""Control periods of an ingested corpus: counts, a theatre check, an event-report check, a sample to judge.

    marsad ingest ../shared/corpus/articles.jsonl.gz --db /tmp/c2.db --workers 2
    python benchmarks/control_report.py --db /tmp/c2.db [--corpus ../shared/corpus/articles.jsonl.gz]
        [--sample 20 --seed 11] [--json report.json]

What it prints:

- how many control periods, places and holders (actors, families) the store yields, by status, and
  why claims were turned down;
- the theatre check: every period's holder (each side of a contested period) against an independent
  table written here (``THEATRE``), not against ``actor_families.yaml`` that the derivation itself uses,
  so a mistake in that file shows up: Houthis and AQAP only in Yemen, the Islamic State in Syria, Iraq,
  Libya, Egypt's north Sinai, Afghanistan ..., a state's forces in their own country or where that state
  sent troops in 2014-2017. A period of family ``other`` is a violation (no known holder);
- with ``--corpus``, the event-report check: each period's evidence sentence is extracted again from its
  article and must be judged an event report by the status model (statements: ``sentence_p`` at or above
  the threshold; territory events: the status score of the sentence the take was read from);
- a seeded random sample of periods with their evidence, to judge by hand.

Exit status 1 when a period fails the theatre or the event-report check.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import Any

# Family -> countries where that side held towns in 2014-2017 (independent of actor_families.yaml).
THEATRE: dict[str, set[str]] = {
    "houthis": {"Yemen"},
    "aqap": {"Yemen"},
    "islamic_state": {"Syria", "Iraq", "Libya", "Egypt", "Afghanistan", "Nigeria", "Niger", "Chad", "Cameroon",
                      "Lebanon", "Yemen", "Somalia", "Philippines", "Mali"},
    "kurdish": {"Syria", "Iraq", "Turkey"},
    "opposition": {"Syria"},
    "al_qaeda": {"Syria", "Lebanon", "Mali", "Algeria", "Libya", "Tunisia", "Niger", "Burkina Faso", "Mauritania"},
    "libya_east": {"Libya"},
    "libya_west": {"Libya"},
    "palestinian": {"Palestine", "Lebanon", "Syria"},
}
# Where the IS family held ground inside a country only in one region (governorate, as the gazetteer names it).
REGION: dict[tuple[str, str], set[str]] = {
    ("islamic_state", "Egypt"): {"North Sinai", "Shamal Sina'", "Shamal Sina"},
}
# A state's forces abroad: where its troops held ground (2014-2017).
STATE_ABROAD: dict[str, set[str]] = {
    "Turkey": {"Syria", "Iraq"}, "United Arab Emirates": {"Yemen"}, "Saudi Arabia": {"Yemen"},
    "Russia": {"Syria"}, "Iran": {"Syria", "Iraq"}, "United States": {"Syria", "Iraq"}, "France": {"Mali"},
    "Chad": {"Nigeria", "Cameroon", "Niger", "Mali"}, "Niger": {"Nigeria"}, "Cameroon": {"Nigeria"},
    "Kenya": {"Somalia"}, "Ethiopia": {"Somalia"}, "Israel": {"Palestine", "Syria"},
}
# Pro-government militias and other insurgents: the countries each may hold towns in.
ACTOR_THEATRE: dict[str, set[str]] = {
    "Hezbollah": {"Lebanon", "Syria"}, "Popular Resistance": {"Yemen"}, "NDF: National Defence Forces": {"Syria"},
    "Popular Mobilization Forces": {"Iraq"}, "Tribal Mobilization Forces (Iraq)": {"Iraq"},
    "Asaib Ahl al-Haq": {"Iraq", "Syria"}, "Kataib Hezbollah": {"Iraq", "Syria"}, "Badr Organisation": {"Iraq"},
    "Saraya al-Salam": {"Iraq"}, "Security Belt Forces": {"Yemen"}, "Hadrami Elite Forces": {"Yemen"},
    "Rapid Support Forces": {"Sudan"}, "Janjaweed Militia": {"Sudan"}, "Taliban": {"Afghanistan"},
    "TTP: Tehrik-i-Taliban Pakistan": {"Pakistan"}, "Haqqani Network": {"Afghanistan", "Pakistan"},
    "Al-Shabaab": {"Somalia", "Kenya"}, "Boko Haram": {"Nigeria", "Cameroon", "Niger", "Chad"},
}


def theatre_problem(actor: str, family: str, country: str | None, admin1: str | None) -> str | None:
    """Why ``actor`` (of ``family``) cannot plausibly hold a town in ``country``, or None."""
    from marsad.fusion.families import families

    if not country:
        return "place with no country"
    fams = families()
    state = fams.state_country(actor)
    if family in ("state", "foreign_forces") and state is not None:
        if state == country or country in STATE_ABROAD.get(state, set()):
            return None
        return f"{state}'s forces in {country}"
    if family in THEATRE:
        if country not in THEATRE[family]:
            return f"{family} in {country}"
        region = REGION.get((family, country))
        if region is not None and admin1 not in region:
            return f"{family} in {country} outside {sorted(region)} ({admin1})"
        return None
    if actor in ACTOR_THEATRE:
        return None if country in ACTOR_THEATRE[actor] else f"{actor} in {country}"
    if family in ("pro_government", "other_insurgents") and fams.home.get(actor) == country:
        return None
    return f"no theatre known for {actor} ({family}) in {country}"


def _admin1(place_id: str) -> str | None:
    from marsad.fusion.control import _gazetteer

    gp = _gazetteer().get(place_id)
    return gp.admin1 if gp is not None else None


def _sides(p: dict[str, Any]) -> list[dict[str, Any]]:
    return p["sides"] if p["sides"] else [{"actor": p["actor"], "family": p["family"], "evidence": p["evidence"]}]


def _articles(corpus: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with (gzip.open(corpus, "rt", encoding="utf-8") if corpus.suffix == ".gz" else corpus.open(encoding="utf-8")) as f:
        for line in f:
            if not line.strip():
                continue
            a = json.loads(line)
            if a.get("id") in ids:
                out[a["id"]] = a
    return out


def report_checks(periods: list[dict[str, Any]], corpus: Path) -> list[str]:
    """The evidence sentences of every period, judged again by the status model; the failures."""
    import marsad
    from marsad.models.features import sentence_of

    ids = {e["article_id"] for p in periods for e in p["evidence"] if e.get("article_id")}
    arts = _articles(corpus, ids)
    docs = {}
    for aid, a in arts.items():
        docs[aid] = marsad.extract_doc(a["text"], a.get("published"), a.get("source"), aid, title=a.get("title"),
                                       url=a.get("url"))
    fails = []
    for p in periods:
        for e in p["evidence"]:
            doc = docs.get(e.get("article_id"))
            if doc is None:
                fails.append(f"{p['place']}: article {e.get('article_id')} not in the corpus")
                continue
            if e.get("start") is None:
                fails.append(f"{p['place']}: evidence with no offsets in {doc.id}")
                continue
            s = sentence_of(doc, e["start"])
            if "statement_id" in e:
                st = [c for c in doc.layers.get("control", ()) if c.ev_start == e["start"]]
                ok = any(c.sentence_p is not None for c in st)  # set only when judged an event report
                score = doc.layers.get("sentence_status", {}).get(s)
                if not st:
                    fails.append(f"{p['place']}: the statement in {doc.id} is no longer extracted")
                elif not ok:
                    fails.append(f"{p['place']}: statement in {doc.id} not judged ({st[0].sentence_p})")
                elif score is not None and not score.is_event:
                    fails.append(f"{p['place']}: statement sentence {s} of {doc.id} below threshold ({score.probability})")
            else:
                score = doc.layers.get("sentence_status", {}).get(s)
                if score is None or not score.is_event:
                    fails.append(f"{p['place']}: take sentence {s} of {doc.id} not judged an event report "
                                 f"({score.probability if score else 'unscored'})")
    return fails


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--corpus", type=Path, help="articles JSONL(.gz): re-judge each period's evidence sentence")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--json", type=Path, help="write the figures and the sample here")
    args = ap.parse_args(argv)

    from marsad.fusion.control import all_periods

    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rejected: dict[str, int] = {}
    by_place = all_periods(conn, rejected)
    periods = [p for ps in by_place.values() for p in ps]
    holders = Counter(s["actor"] for p in periods for s in _sides(p))
    fams = Counter(s["family"] for p in periods for s in _sides(p))
    figures = {
        "periods": len(periods), "places": len(by_place), "holders": len(holders),
        "status": dict(Counter(p["status"] for p in periods)), "families": dict(fams.most_common()),
        "countries": dict(Counter(p["country"] for p in periods).most_common()),
        "statements": conn.execute("SELECT COUNT(*) FROM control_statements").fetchone()[0],
        "rejected": dict(sorted(rejected.items(), key=lambda kv: -kv[1])),
    }
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    print("holders:", dict(holders.most_common()))

    violations = []
    for p in periods:
        for s in _sides(p):
            why = theatre_problem(s["actor"], s["family"], p["country"], _admin1(p["place_id"]))
            if why:
                violations.append(f"{p['place']} ({p['place_id']}, {p['country']}) {p['valid_from']}: {s['actor']}: {why}")
    print(f"\ntheatre violations: {len(violations)}")
    for v in violations:
        print("  " + v)
    figures["theatre_violations"] = violations

    failures: list[str] = []
    if args.corpus:
        failures = report_checks(periods, args.corpus)
        print(f"\nevidence sentences not judged event reports: {len(failures)}")
        for f in failures:
            print("  " + f)
        figures["not_event_reports"] = failures

    rng = random.Random(args.seed)
    sample = rng.sample(periods, min(args.sample, len(periods)))
    print(f"\nsample of {len(sample)} periods (seed {args.seed}):")
    out_sample = []
    for i, p in enumerate(sample, 1):
        ev = p["evidence"][0]
        print(f"\n[{i}] {p['place']} / {p['place_ar']} ({p['country']}) {p['status']} {p['actor']} [{p['family']}] "
              f"{p['valid_from']} → {p['valid_until']} conf {p['confidence']} basis {p['basis']}")
        for e in p["evidence"][:2]:
            print(f"    {e.get('article_id')} ({e.get('claim')} {e.get('claim_date')}): {e.get('text', '')[:400]}")
        out_sample.append({k: p[k] for k in ("place", "place_ar", "country", "status", "actor", "family",
                                             "valid_from", "valid_until", "confidence", "basis")}
                          | {"article_id": ev.get("article_id"), "evidence": ev.get("text")})
    figures["sample"] = out_sample
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if violations or failures else 0


if __name__ == "__main__":
    sys.exit(main())
