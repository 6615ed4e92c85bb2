"""``marsad places``: show each place mention, its candidates, the chosen entry and why."""
from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("places", help="show the place mentions of an Arabic text and how they were resolved",
                       description="Find and resolve the place names of an Arabic text (argument, --file, or stdin).")
    p.add_argument("text", nargs="?", help="Arabic text (omit to read --file or stdin)")
    p.add_argument("--file", "-f", help="read the text from this file ('-' for stdin)")
    p.add_argument("--json", action="store_true", help="one JSON object per mention")
    p.add_argument("--candidates", type=int, default=3, help="how many candidates to show (default 3)")
    p.set_defaults(func=run)


def _read(args: argparse.Namespace) -> str | None:
    if args.text is not None:
        return args.text
    if args.file and args.file != "-":
        try:
            with open(args.file, encoding="utf-8") as fh:
                return fh.read()
        except OSError as exc:
            print(f"marsad places: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
            return None
        except UnicodeDecodeError:
            print(f"marsad places: {args.file} is not UTF-8 text", file=sys.stderr)
            return None
    return sys.stdin.read()


def run(args: argparse.Namespace) -> int:
    from ..doc import Doc
    from ..lexicon import DataFileError
    from ..mentions.places import find_places

    text = _read(args)
    if text is None:
        return 2
    if not text.strip():
        print("marsad places: empty text", file=sys.stderr)
        return 2
    try:
        doc = Doc(text)
        find_places(doc)
    except DataFileError as exc:
        print(f"marsad places: {exc}", file=sys.stderr)
        return 1
    out = sys.stdout
    for m in doc.mentions_of("place"):
        v = m.value
        if args.json:
            rec = {"text": m.text, "start": m.start, "end": m.end, **v.to_dict(),
                   "candidates": [{"id": c.place.id, "name_en": c.place.name_en, "country_code": c.place.country_code,
                                   "kind": c.place.kind, "score": c.score} for c in v.candidates[:args.candidates]]}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            continue
        p = v.place
        flag = "  [DATELINE: filing place, not an event place]" if v.is_dateline else ""
        out.write(f"«{m.text}» [{m.start}:{m.end}] → {p.name_en} ({p.name_ar}), {p.kind}, "
                  f"{', '.join(x for x in (p.admin2, p.admin1, p.country) if x)}{flag}\n")
        out.write(f"    {p.id}  {p.lat:.4f},{p.lon:.4f}  precision {v.precision}"
                  f"{' (' + v.qualifier + ')' if v.qualifier else ''}\n")
        if v.reasons:
            out.write(f"    why: {'; '.join(v.reasons)}\n")
        for c in v.candidates[1:args.candidates]:
            out.write(f"    also: {c.place.id} {c.place.name_en} {c.place.kind} {c.place.country_code} score {c.score}\n")
    if not args.json:
        out.write(f"article country: {doc.layers.get('country') or 'unknown'}\n")
    return 0
