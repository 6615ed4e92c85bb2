"""How many were killed: numbers and victim nouns next to a death cue, never the wounded."""
from __future__ import annotations

from typing import Any

from ..doc import Doc, Mention
from ..text.normalise import fold
from .index import MARKERS, Draft, MentionIndex


def victim_count(doc: Doc, i: int, lex: Any) -> int | None:
    """1 for a singular victim noun at token i, 2 for its dual form."""
    tok = doc.tokens[i]
    for f in tok.forms:
        if f in lex.victims:
            return 1
        for suffix in ("ين", "ان"):
            if f.endswith(suffix) and f[: -len(suffix)] in lex.victims:
                return 2
            if f.endswith(suffix) and (f[: -len(suffix)] + "ه") in lex.victims:
                return 2
    return None

# A toll noun can sit far from its number: "ارتفع إلى 9 … عدد القتلى الذين قضوا".
TOLL_NOUNS = MARKERS["toll_noun"]

TOLL_WINDOW = 14


def assign_fatalities(doc: Doc, idx: MentionIndex, s: int, drafts: list[Draft], lex: Any) -> None:
    kills = [c for c in idx.get(s, "cue") if c.value.sub == "kill"]
    if not kills:
        return
    wounds = [c for c in idx.get(s, "cue") if c.value.sub == "wound"]
    numbers = [n for n in idx.get(s, "number") if n.meta.get("role") != "year" and isinstance(n.value, int)]
    used: set[int] = set()
    for kill in kills:
        clause = idx.clause(kill)
        best: tuple[int, Mention] | None = None
        for n in numbers:
            if id(n) in used or idx.clause(n) != clause:
                continue
            dist = n.token_start - kill.token_end if n.start >= kill.end else kill.token_start - n.token_end
            if dist > (TOLL_WINDOW if kill.text and fold(kill.text) in TOLL_NOUNS else 5):
                continue
            wdist = min((abs(n.token_start - w.token_start) for w in wounds), default=99)
            if wdist < dist:
                continue
            if best is None or dist < best[0]:
                best = (dist, n)
        count: int | None = None
        spans: list[Mention] = []
        end_tok = kill.token_end
        if best is not None:
            count = best[1].value
            spans.append(best[1])
            used.add(id(best[1]))
            end_tok = max(end_tok, best[1].token_end)
        else:
            for i in list(range(kill.token_end, min(kill.token_end + 2, len(doc.tokens)))) + list(
                    range(max(0, kill.token_start - 2), kill.token_start)):
                if idx.clause_of[i] != clause:
                    continue
                v = victim_count(doc, i, lex)
                if v:
                    count = v
                    end_tok = max(end_tok, i + 1)
                    break
        if count is None:
            continue
        # "قتل 3 من أفراد الشرطة ومدني": each further victim noun joined by و adds one
        for i in range(end_tok, min(end_tok + 6, len(doc.tokens))):
            tok = doc.tokens[i]
            if idx.clause_of[i] != clause:
                break
            if tok.norm in lex.another or (tok.norm.startswith("و") and victim_count(doc, i, lex) == 1 and tok.norm[1:] in lex.victims):
                count += 1
        target = draft_for_kill(idx, drafts, kill)
        if target is not None:
            target.fatalities = (target.fatalities or 0) + count
            target.fatality_spans.extend(spans or [kill])


def draft_for_kill(idx: MentionIndex, drafts: list[Draft], m: Mention) -> Draft | None:
    clause = idx.clause(m)
    same = [d for d in drafts if d.clause == clause]
    if same:
        return same[0]
    return min(drafts, key=lambda d: abs(d.cue.token_start - m.token_start)) if drafts else None
