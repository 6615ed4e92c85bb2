#!/usr/bin/env python3
"""Build Marsad's calendar and number lexicons from open reference data.

Reads ``../shared/data/lexicon-sources`` (CLDR Gregorian months for every ar-XX locale, CLDR Hijri
months, weekdays and relative-day words; dateparser's Arabic data; num2words' Arabic word lists,
taken as data only) plus the hand-written supplements in ``src/marsad/data/supplementary/`` and
writes the generated artefacts ``src/marsad/data/calendar.yaml`` and ``src/marsad/data/numbers.yaml``.

    python scripts/build_lexicons.py [--shared ../shared] [--check]

``--check`` rebuilds in memory and exits 1 when the committed artefacts are stale.
Entries are de-duplicated on their folded (matching) form, first spelling kept, so the output is
deterministic for a given input.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterable

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.text.normalise import fold  # noqa: E402

DATA_DIR = ROOT / "src" / "marsad" / "data"
SUPP_DIR = DATA_DIR / "supplementary"
DEFAULT_SHARED = ROOT.parent / "shared"
SOURCES_REL = Path("data") / "lexicon-sources"

_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index = date.weekday()
_DP_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DP_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")


class BuildError(RuntimeError):
    """A source file is missing or not in the expected shape; the message names it."""


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"{path}: source file missing") from None
    except json.JSONDecodeError as exc:
        raise BuildError(f"{path}: not valid JSON: {exc}") from None


def _read_yaml(path: Path) -> Any:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"{path}: file missing") from None
    except yaml.YAMLError as exc:
        raise BuildError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise BuildError(f"{path}: expected a mapping at top level")
    return data


def _dedup(words: Iterable[str]) -> list[str]:
    """Keep the first spelling of each folded form; drop empties and stray whitespace."""
    seen: set[str] = set()
    out: list[str] = []
    for w in words:
        w = " ".join(str(w).split())
        key = fold(w)
        if w and key not in seen:
            seen.add(key)
            out.append(w)
    return out


def _merge_lists(*maps: dict[Any, list[str]]) -> dict[int, list[str]]:
    merged: dict[int, list[str]] = {}
    for m in maps:
        for k, words in (m or {}).items():
            merged.setdefault(int(k), []).extend(words)
    return {k: _dedup(v) for k, v in sorted(merged.items())}


# --------------------------------------------------------------------------- calendar
def build_calendar(src: Path, supp: dict[str, Any]) -> dict[str, Any]:
    cldr = src / "unicode-cldr-ar"
    greg: dict[int, list[str]] = {}
    families: dict[str, list[str]] = {}
    locale_files = sorted((cldr / "cldr-dates-full" / "main").glob("ar*/ca-gregorian.json"))
    if not locale_files:
        raise BuildError(f"{cldr}/cldr-dates-full/main: no ar*/ca-gregorian.json files")
    # "ar" first so the MSA names lead each list, then locales in name order.
    locale_files.sort(key=lambda p: (p.parent.name != "ar", p.parent.name))
    for path in locale_files:
        loc = path.parent.name
        try:
            cal = _read_json(path)["main"][loc]["dates"]["calendars"]["gregorian"]
            months = cal["months"]
        except KeyError as exc:
            raise BuildError(f"{path}: missing key {exc}") from None
        names: list[str] = []
        for form in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for k, v in months.get(form, {}).get(width, {}).items():
                    greg.setdefault(int(k), []).append(v)
                    if form == "format" and width == "wide":
                        names.append(v)
        families.setdefault(" ".join(names[:2]), []).append(loc)
    dp = _read_json(src / "dateparser-ar" / "ar.merged.json")
    for i, key in enumerate(_DP_MONTHS, 1):
        greg.setdefault(i, []).extend(dp.get(key, []))
        for loc_data in dp.get("locale_specific", {}).values():
            greg[i].extend(loc_data.get(key, []))
    gregorian_months = _merge_lists(greg, supp.get("gregorian_months", {}))
    month_families = {
        "msa": families.get("يناير فبراير", []),
        "levantine": families.get("كانون الثاني شباط", []),
        "maghreb": families.get("جانفي فيفري", []),
        "other": sorted(l for k, v in families.items() if k not in ("يناير فبراير", "كانون الثاني شباط", "جانفي فيفري") for l in v),
    }

    hijri: dict[int, list[str]] = {}
    era: list[str] = []
    for name in ("ca-islamic.json", "ca-islamic-umalqura.json"):
        path = cldr / "cldr-cal-islamic-full" / "main" / "ar" / name
        try:
            cal = _read_json(path)["main"]["ar"]["dates"]["calendars"]
            isl = next(iter(cal.values()))
        except (KeyError, StopIteration) as exc:
            raise BuildError(f"{path}: missing calendar data ({exc})") from None
        for form in ("format", "stand-alone"):
            for k, v in isl["months"].get(form, {}).get("wide", {}).items():
                hijri.setdefault(int(k), []).append(v)
        for key in ("eraAbbr", "eraNames", "eraNarrow"):
            era.extend(isl.get("eras", {}).get(key, {}).values())
    hijri_months = _merge_lists(hijri, supp.get("hijri_months", {}))

    greg_ar = _read_json(cldr / "cldr-dates-full" / "main" / "ar" / "ca-gregorian.json")["main"]["ar"]["dates"]["calendars"]["gregorian"]
    wd: dict[int, list[str]] = {}
    for form in ("format", "stand-alone"):
        for i, key in enumerate(_WEEKDAY_KEYS):
            wd.setdefault(i, []).append(greg_ar["days"][form]["wide"][key])
    for i, key in enumerate(_DP_WEEKDAYS):
        wd[i].extend(dp.get(key, []))
    weekdays = _merge_lists(wd, supp.get("weekdays", {}))

    fields = _read_json(cldr / "cldr-dates-full" / "main" / "ar" / "dateFields.json")["main"]["ar"]["dates"]["fields"]
    excluded = {fold(w) for w in supp.get("exclude_relative", [])}
    rel: dict[str, int] = {}

    def add_rel(phrase: str, offset: int) -> None:
        phrase = " ".join(phrase.split())
        if fold(phrase) not in excluded and fold(phrase) not in {fold(p) for p in rel}:
            rel[phrase] = offset

    for k in ("-2", "-1", "0", "1", "2"):
        v = fields["day"].get(f"relative-type-{k}")
        if v:
            add_rel(v, int(k))
    dp_rel = dp.get("relative-type", {})
    for key, offset in (("0 day ago", 0), ("1 day ago", -1), ("in 1 day", 1)):
        for phrase in dp_rel.get(key, []):
            add_rel(phrase, offset)
    for phrase, offset in (supp.get("relative_days") or {}).items():
        add_rel(phrase, int(offset))

    windows: dict[str, list[str]] = {}
    for name, field, k in (("previous_week", "week", "-1"), ("current_week", "week", "0"),
                           ("previous_month", "month", "-1"), ("current_month", "month", "0")):
        windows[name] = [fields[field][f"relative-type-{k}"]]
    for name, key in (("previous_week", "1 week ago"), ("current_week", "0 week ago"),
                      ("previous_month", "1 month ago"), ("current_month", "0 month ago")):
        windows[name].extend(dp_rel.get(key, []))
    for name, words in (supp.get("windows") or {}).items():
        windows.setdefault(name, []).extend(words)
    windows = {k: _dedup(v) for k, v in windows.items()}

    out: dict[str, Any] = {
        "gregorian_months": gregorian_months,
        "month_families": month_families,
        "hijri_months": hijri_months,
        "weekdays": weekdays,
        "relative_days": rel,
        "day_parts": supp.get("day_parts", {}),
        "today_not_after": _dedup(supp.get("today_not_after", [])),
        "today_not_before": _dedup(supp.get("today_not_before", [])),
        "windows": windows,
        "window_closers": _dedup(supp.get("window_closers", [])),
        "background": {
            "phrases": _dedup(supp.get("background", {}).get("phrases", [])),
            "since": _dedup(supp.get("background", {}).get("since", [])),
        },
        "month_past": _dedup(supp.get("month_past", [])),
        "month_current": _dedup(supp.get("month_current", [])),
        "month_next": _dedup(supp.get("month_next", [])),
        "month_parts": supp.get("month_parts", {}),
        "bare_month_unsafe": _dedup(supp.get("bare_month_unsafe", [])),
        "year_words": _dedup(list(dp.get("year", [])) + list(supp.get("year_words", []))),
        "bare_year_followers": _dedup(supp.get("bare_year_followers", [])),
        "hijri_era": _dedup(era + list(supp.get("hijri_era", []))),
        "gregorian_era": _dedup(supp.get("gregorian_era", [])),
        "twin_links": _dedup(supp.get("twin_links", [])),
    }
    return out


# --------------------------------------------------------------------------- numbers
def build_numbers(src: Path, supp: dict[str, Any]) -> dict[str, Any]:
    n2w = _read_json(src / "num2words-ar" / "ar_number_words.json")
    try:
        lists = n2w["lists"]
        ones, fem, tens = lists["ARABIC_ONES"], lists["arabicFeminineOnes"], lists["arabicTens"]
        hundreds, twos, app_twos = lists["arabicHundreds"], lists["arabicTwos"], lists["arabicAppendedTwos"]
        group, plural_groups, ordinals = lists["arabicGroup"], lists["arabicPluralGroups"], lists["arabicOrdinal"]
    except KeyError as exc:
        raise BuildError(f"{src}/num2words-ar/ar_number_words.json: missing list {exc}") from None

    card: dict[int, list[str]] = {}
    teen_words: list[str] = []
    for lst in (ones, fem):
        for n, w in enumerate(lst):
            if not w:
                continue
            parts = w.split()
            if len(parts) == 1:
                card.setdefault(n, []).append(w)
            else:  # teens: "ثلاثة عشر" → unit word for 3, ten-marker عشر
                card.setdefault(n - 10, []).append(parts[0])
                teen_words.append(parts[1])
    for i, w in enumerate(tens):
        n = (i + 2) * 10
        card.setdefault(n, []).append(w)
        if w.endswith("ون"):  # oblique case: عشرون → عشرين
            card[n].append(w[:-2] + "ين")
    for i, w in enumerate(hundreds):
        if w:
            card.setdefault(i * 100, []).append(w)
            if "مائة" in w:
                card[i * 100].append(w.replace("مائة", "مئة"))
    for scale, two, app in zip((100, 1000, 1000000, 1000000000), twos, app_twos):
        card.setdefault(2 * scale, []).extend([two.strip(), app.strip()])
    cardinals = _merge_lists(card, supp.get("cardinals", {}))

    scales: dict[str, int] = {}
    for w, v in zip(group[:4], (100, 1000, 1000000, 1000000000)):
        scales[w] = v
    for w, v in zip(plural_groups[1:4], (1000, 1000000, 1000000000)):
        scales[w] = v
    for w, v in (supp.get("scales") or {}).items():
        if fold(w) not in {fold(k) for k in scales}:
            scales[w] = int(v)

    # Ordinals with the article, masculine and feminine (for "الأول من تشرين الأول", "المرة الثالثة").
    ords: dict[int, list[str]] = {1: ["الأول", "الأولى"]}
    for n, w in enumerate(ordinals):
        if n < 2 or not w:
            continue
        parts = w.split()
        if len(parts) == 1:
            ords[n] = ["ال" + w, "ال" + w + "ة"]
        else:  # حادي عشر → الحادي عشر / الحادية عشرة
            ords[n] = ["ال" + parts[0] + " " + parts[1], "ال" + parts[0] + "ة " + parts[1] + "ة"]
    ords[11] = _dedup(ords.get(11, []) + ["الحادي عشر", "الحادية عشرة"])
    unit_ords = {1: "الحادي", 2: "الثاني", 3: "الثالث", 4: "الرابع", 5: "الخامس", 6: "السادس",
                 7: "السابع", 8: "الثامن", 9: "التاسع"}
    for t, ten in ((20, "العشرين"), (30, "الثلاثين")):
        ords[t] = [ten]
        for u, uw in unit_ords.items():
            if t + u <= 31:
                ords[t + u] = [f"{uw} و{ten[2:]}", f"{uw} وال{ten[2:]}"]
    ordinals_out = {k: _dedup(v) for k, v in sorted(ords.items())}

    vague: dict[str, int] = {}
    for w, v in (supp.get("vague") or {}).items():
        vague[w] = int(v)
        if not w.startswith("ال") and " " not in w and not w.startswith("بضع"):
            vague["ال" + w] = int(v)

    return {
        "cardinals": cardinals,
        "teen_tens": _dedup(teen_words),
        "scales": scales,
        "ordinals": ordinals_out,
        "vague": vague,
        "qualifiers": {k: _dedup(v) for k, v in (supp.get("qualifiers") or {}).items()},
        "post_qualifiers": {k: _dedup(v) for k, v in (supp.get("post_qualifiers") or {}).items()},
        "one_of": _dedup(supp.get("one_of", [])),
        "dual_nouns": _dedup(supp.get("dual_nouns", [])),
        "dual_nouns_ambiguous": _dedup(supp.get("dual_nouns_ambiguous", [])),
        "singular_nouns": _dedup(supp.get("singular_nouns", [])),
        "and_another": _dedup(supp.get("and_another", [])),
        "dual_words": _dedup(supp.get("dual_words", [])),
        "dual_partners": _dedup(supp.get("dual_partners", [])),
        "units": {k: _dedup(v) for k, v in (supp.get("units") or {}).items()},
        "percent": _dedup(supp.get("percent", [])),
        "year_words": _dedup(supp.get("year_words", [])),
        "time_words": _dedup(supp.get("time_words", [])),
        "name_words": _dedup(supp.get("name_words", [])),
    }


# --------------------------------------------------------------------------- output
_HEADER = """\
# GENERATED by scripts/build_lexicons.py - do not edit by hand.
# Edit src/marsad/data/supplementary/{name} instead and run: python scripts/build_lexicons.py
# Sources: {sources}
#   and the hand-written supplement src/marsad/data/supplementary/{name} (Marsad, Apache-2.0).
# Licences and provenance: src/marsad/data/PROVENANCE.md (section "Calendar and number lexicons").
"""
_SOURCES = {
    "calendar.yaml": "Unicode CLDR (cldr-json b08a82b5, Unicode-3.0): Gregorian months of all ar-XX locales,\n"
                     "#   Hijri months and era (ca-islamic), weekdays, relative day/week/month words (dateFields);\n"
                     "#   dateparser (scrapinghub/dateparser 315e396b, BSD-3-Clause): Arabic months, weekdays, relative words.",
    "numbers.yaml": "num2words (savoirfairelinux/num2words 07814cb1, LGPL-2.1-or-later): Arabic number word lists,\n"
                    "#   taken as data only (no code).",
}


def _dump(name: str, data: dict[str, Any]) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120, default_flow_style=None)
    return _HEADER.format(name=name, sources=_SOURCES[name]) + body


def build(shared: Path = DEFAULT_SHARED, supp_dir: Path = SUPP_DIR) -> dict[str, str]:
    """Return {artefact file name: YAML text} built from ``shared`` and the supplements."""
    src = shared / SOURCES_REL
    if not src.is_dir():
        raise BuildError(f"{src}: lexicon sources not found (pass --shared PATH to the shared data folder)")
    cal = build_calendar(src, _read_yaml(supp_dir / "calendar.yaml"))
    num = build_numbers(src, _read_yaml(supp_dir / "numbers.yaml"))
    return {"calendar.yaml": _dump("calendar.yaml", cal), "numbers.yaml": _dump("numbers.yaml", num)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (default ../shared)")
    ap.add_argument("--out", type=Path, default=DATA_DIR, help="where to write the artefacts")
    ap.add_argument("--check", action="store_true", help="exit 1 if the written artefacts are stale")
    args = ap.parse_args(argv)
    try:
        built = build(args.shared)
    except BuildError as exc:
        print(f"build_lexicons: {exc}", file=sys.stderr)
        return 2
    stale = []
    for name, text in built.items():
        path = args.out / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({text.count(chr(10))} lines)")
    if stale:
        print(f"build_lexicons: stale artefacts: {', '.join(stale)}; run python scripts/build_lexicons.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
