"""How many were killed: numbers and victim nouns next to a death cue, never the wounded."""
from __future__ import annotations

from typing import Any

from ..doc import Doc, Mention
from ..text.normalise import fold
from .index import MARKERS, Draft, MentionIndex, is_marked
from .model import SUB_TO_TYPE
from .timing import is_span_date


def is_singular_victim(form: str, victims: Any) -> bool:
    """Is this token form a singular victim noun, also in the accusative ("شخص", "شخصا")?"""
    return form in victims or form.endswith("ا") and form[:-1] in victims


def victim_count(doc: Doc, i: int, lex: Any) -> int | None:
    """1 for a singular victim noun at token i (also in the accusative, شخصا), 2 for its dual form."""
    tok = doc.tokens[i]
    for f in tok.forms:
        if is_singular_victim(f, lex.victims):
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
VAGUE_WINDOW = 2  # tokens between a vague amount (العشرات، الآلاف) and the death word it counts
# A toll this large in a sentence that names a long period anywhere, or no day at all, is a running
# figure, not one event's.
CUMULATIVE_AT_LEAST = 100
# "أكثر من ألفي عراقي بمحافظة نينوى أعدموا على يد تنظيم داعش": a thousand dead or more is a running
# figure even when the sentence names the day it was told (the deadliest single attacks of the corpus'
# years are in the hundreds)
NEVER_ONE_INCIDENT = 1000
WOUNDED_NOUNS = MARKERS["wounded_noun"]


COMPANIONS = MARKERS["companion"]
# the dual of "one killed": a count of two when indefinite ("سقط قتيلان"), the two already told when definite
DUAL_DEAD = MARKERS["dual_dead"]
DEAD_BESIDE_WOUNDED = MARKERS["dead_beside_wounded"]
DUAL_WOUNDED = MARKERS["dual_wounded"]
COUNTS_THE_TAKEN = frozenset({"Arrests", "Abduction/forced disappearance"})
LETHAL = MARKERS["lethal"]


def is_lethal(doc: Doc, cue: Mention) -> bool:
    """A cue of another type that tells deaths ("أعدم", "جثث", "اغتيال"): its count is a toll."""
    if cue.value.sub in ("kill", "wound"):
        return False
    return any(f in LETHAL for f in doc.tokens[cue.token_start].forms) or fold(cue.text) in LETHAL
COMPANION_WINDOW = 12
EVENT_REFS = MARKERS["event_ref"]


MET = MARKERS["met"]


def _met_death_count(doc: Doc, n: Mention) -> bool:
    """Is the count the subject of "لقي/لقوا" (met), whose object "مصرعهم/حتفهم" comes after the
    counted noun and its description?"""
    return n.token_start > 0 and doc.tokens[n.token_start - 1].forms[-1] in MET


def kill_counts(doc: Doc, idx: MentionIndex, s: int, lex: Any) -> list[tuple[Mention, int, list[Mention]]]:
    """Each death cue of a sentence with the count it reports and the count's mentions."""
    kills = [c for c in idx.get(s, "cue") if c.value.sub == "kill" or is_lethal(doc, c)]
    if not kills:
        return []
    wounds = [c for c in idx.get(s, "cue") if c.value.sub == "wound"]
    # "قتلت مسلحا واعتقلت 16 آخرين": a count after an arrest or abduction verb counts who was taken
    taken = [c for c in idx.get(s, "cue") if c.value.sub in COUNTS_THE_TAKEN]
    numbers = [n for n in idx.get(s, "number") if n.meta.get("role", "count") == "count" and isinstance(n.value, int)]
    used: set[int] = set()
    out: list[tuple[Mention, int, list[Mention]]] = []
    first_period = min([idx.clause(m) for m in idx.get(s, "period")], default=None)
    dated = any(not m.meta.get("background") for m in idx.get(s, "date"))
    long_spans = period_clauses(doc, idx, s)
    references = [b for b in idx.get(s, "blocker") if b.value == "reference"]
    for kill in kills:
        clause = idx.clause(kill)
        if (first_period is not None and clause >= first_period) or clause in long_spans:
            continue  # "قتل 1592 مدنيا خلال ستة أشهر": a cumulative figure, no event's toll
        if any(0 <= kill.token_start - b.token_end <= 1 for b in references):
            continue  # "جاء ردا على مقتل مدنيين عراقيين في غارات": the deaths answered, told elsewhere
        if fold(kill.text) in DUAL_DEAD and doc.tokens[kill.token_start].norm.lstrip("وب").startswith("ال"):
            continue  # "أحد القتيلين ضابط": the two dead just counted, not two more
        if _kill_told_with_the_wounded(doc, kill):
            continue  # "بين قتيل وجريح": how many of them died is not told
        # (a comma may stand between: "مقتل القيادي فلان، أحد القادة الميدانيين، و7 من مرافقيه")
        companions = [n for n in numbers if id(n) not in used
                      and 0 <= n.token_start - kill.token_end <= COMPANION_WINDOW and with_companions(doc, n)]
        if companions:
            # "قتل القيادي أبو محمد مع 4 من مرافقيه": the one named and the four beside him
            n = companions[0]
            used.add(id(n))
            out.append((kill, n.value + 1, [n]))
            continue
        best: tuple[int, Mention] | None = None
        for n in numbers:
            if id(n) in used or idx.clause(n) != clause:
                continue
            dist = n.token_start - kill.token_end if n.start >= kill.end else kill.token_start - n.token_end
            if n.end <= kill.start and _met_death_count(doc, n) and dist <= TOLL_WINDOW:
                dist = 0  # "لقي 24 عنصرا من ميليشيات الحوثي … مصرعهم": the count of "met their death"
            if dist > (TOLL_WINDOW if kill.text and fold(kill.text) in TOLL_NOUNS else 5):
                continue
            if n.meta.get("vague") and dist > VAGUE_WINDOW and fold(kill.text) in TOLL_NOUNS:
                continue  # "شيّع الآلاف من أهالي المنطقة … الشهداء": the thousands mourn; "مقتل العشرات" counts
            if n.meta.get("form") != "implicit" and n.token_end < len(doc.tokens) and \
                    doc.tokens[n.token_end].forms[-1] in WOUNDED_NOUNS:
                continue  # "إن 21 مصابا من بين ضحايا هجوم جسر لندن": the number counts the wounded
            if _dead_and_wounded_together(doc, n):
                continue  # "سقوط العشرات بين قتيل وجريح": how many died is not told
            wdist = min((abs(n.token_start - w.token_start) for w in wounds), default=99)
            if wdist < dist:
                continue
            if any(kill.token_end <= w.token_start < n.token_start for w in wounds + taken):
                continue  # "إن شخصا قتل وأصيب 15": the number after the wounding is the wounded
            if best is None or dist < best[0]:
                best = (dist, n)
        count: int | None = None
        spans: list[Mention] = []
        end_tok = kill.token_end
        if best is not None:
            count = best[1].value
            spans.append(best[1])
            used.add(id(best[1]))
            if best[1].meta.get("form") == "implicit" and best[1].start > kill.end and doc.tokens[
                    best[1].token_start].norm.startswith("و"):
                # "مقتل نقيب ومجند": the victim nouns listed before the last one ("ومجند", counted one)
                count += sum(1 for i in range(kill.token_end, best[1].token_start)
                             if idx.clause_of[i] == clause and victim_count(doc, i, lex) == 1)
            end_tok = max(end_tok, best[1].token_end)
            # "12 متشددا وخمسة مدنيين قتلوا", "قتل 3 جنود و5 مدنيين": counts joined by و add up
            for other in joined_counts(doc, best[1], numbers, used, wounds):
                count += other.value
                spans.append(other)
                used.add(id(other))
                end_tok = max(end_tok, other.token_end)
            more = added_count(doc, end_tok, numbers, used, wounds)
            if more is not None:
                count += more.value
                spans.append(more)
                used.add(id(more))
                end_tok = max(end_tok, more.token_end)
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
        if count >= NEVER_ONE_INCIDENT or count >= CUMULATIVE_AT_LEAST and (long_spans or not dated):
            # "قتلت 3042 من تنظيم داعش … خلال 10 أشهر" (the period past a comma or bracket), "أعدم تنظيم
            # داعش أكثر من 2000 مواطن": a count this large told with no day is a running figure
            continue
        # "قتل 3 من أفراد الشرطة ومدني": each further victim noun joined by و adds one
        for i in range(end_tok, min(end_tok + 6, len(doc.tokens))):
            tok = doc.tokens[i]
            if idx.clause_of[i] != clause:
                break
            if any(w.token_start <= i < w.token_end for w in wounds):
                break  # "قتل شخص وأصيب آخر": who follows the wounding is wounded
            joined = tok.norm.startswith("و") or doc.tokens[i - 1].norm == "و"
            if joined and tok.norm in lex.another or (
                    tok.norm.startswith("و") and victim_count(doc, i, lex) == 1 and tok.norm[1:] in lex.victims):
                count += 1
        out.append((kill, count, spans or [kill]))
    if not out:
        # "الشهيد أحمد بن جعفر، الذي استشهد في منطقة نجران": the one person named died
        for kill in kills:
            if kill.token_start > 0 and doc.tokens[kill.token_start - 1].norm in SINGULAR_RELATIVES \
                    and fold(kill.text) in SINGULAR_DEATHS and idx.clause(kill) not in long_spans:
                out.append((kill, 1, [kill]))
                break
    return out


# a singular relative before a death verb that has no object: one person died
SINGULAR_RELATIVES = frozenset(fold(w) for w in ("الذي", "التي"))
SINGULAR_DEATHS = frozenset(fold(w) for w in ("استشهد", "استشهدت", "توفي", "توفيت", "لقي مصرعه", "لقيت مصرعها",
                                              "لقي حتفه", "لقيت حتفها", "قضى", "فارق الحياة"))


def joined_counts(doc: Doc, n: Mention, numbers: list[Mention], used: set[int],
                  wounds: list[Mention]) -> list[Mention]:
    """The counts coordinated with ``n`` as one list of victims: a count, one counted noun, then
    "و" and the next count ("12 متشددا وخمسة مدنيين"), in either direction, none of them the
    wounded ("مقتل 3 أشخاص و5 جرحى" counts the wounded after و)."""
    toks = doc.tokens

    def joined(a: Mention, b: Mention) -> bool:
        """b follows a's counted noun (inside a's mention, "39 متمردا على الأقل", or right after it),
        opening with و; not the two ends of a range ("ما بين 25 و30")."""
        if a.token_start > 0 and toks[a.token_start - 1].norm in ("بين", "مابين"):
            return False
        if b.token_start == a.token_end + 1:
            noun = toks[a.token_end]
            if any(w.token_start <= a.token_end < w.token_end for w in wounds):
                return False
            if not noun.norm or noun.norm[0].isdigit():
                return False
        elif not (a.token_start < b.token_start <= a.token_end and b.start > a.start):
            return False  # (a shared qualifier may open b's span: "39 متمردا على الأقل و17")
        opens_with_wa = doc.text[b.start - 1:b.start] == "و" or toks[b.token_start].norm.startswith("و")
        return opens_with_wa or any(t.norm.startswith("و") and t.norm[1:2].isdigit()
                                    for t in toks[b.token_start:b.token_end])

    def wounded(b: Mention) -> bool:
        """b counts the wounded: a wounding cue right after it, or a wounded noun ("و40 مصاباً")."""
        if b.token_end < len(toks) and toks[b.token_end].norm in WOUNDED_NOUNS:
            return True
        if toks[b.token_end - 1].forms[-1] in WOUNDED_NOUNS:
            return True  # the wounded noun is the count ("خمسة قتلى وجريحين")
        return any(b.token_end <= w.token_start <= b.token_end + 1 for w in wounds)

    out: list[Mention] = []

    def walk(linked: Any) -> None:
        """Follow the chain from n while ``linked(last, next)`` holds."""
        last = n
        while True:
            nxt = next((m for m in numbers if id(m) not in used and m is not n and m not in out
                        and linked(last, m)), None)
            if nxt is None:
                return
            out.append(nxt)
            last = nxt

    walk(lambda a, b: joined(a, b) and not wounded(b))  # forwards: "3 جنود و5 مدنيين و2 من الشرطة"
    walk(lambda a, b: joined(b, a) and not wounded(a))  # backwards: "12 متشددا وخمسة مدنيين"
    return out


ADDITION = MARKERS["addition"]
ADDITION_LINKS = MARKERS["addition_link"]
ADDITION_REACH = 6  # tokens from the end of the first count's phrase to the added count


def added_count(doc: Doc, end_tok: int, numbers: list[Mention], used: set[int],
                wounds: list[Mention]) -> Mention | None:
    """The count right after "إضافة إلى" / "فضلا عن" that follows a toll ("استشهاد 13 من منسوبي القوات،
    إضافة إلى ثلاثة من العاملين في الموقع"): more dead of the same event. Commas may stand between;
    a wounding cue before it ends the list ("وإصابة 9 آخرين")."""
    toks = doc.tokens
    for n in numbers:
        if id(n) in used or not 2 <= n.token_start - end_tok <= ADDITION_REACH:
            continue
        if n.token_start < 2 or toks[n.token_start - 1].norm not in ADDITION_LINKS:
            continue
        first = toks[n.token_start - 2]
        if first.norm not in ADDITION and first.forms[-1] not in ADDITION:
            continue
        if any(end_tok <= w.token_start < n.token_start or n.token_end <= w.token_start <= n.token_end + 1
               for w in wounds):
            return None
        return n
    return None


PERIOD_OPENERS = MARKERS["period_opener"]
PERIOD_UNITS = MARKERS["period_unit"]


def period_clauses(doc: Doc, idx: MentionIndex, s: int) -> set[int]:
    """Clauses of a sentence that name a long period: "خلال 3 أشهر", "في العامين الماضيين", or a
    date that is a background span ("منذ العام الماضي"); a count in such a clause is cumulative.
    Computed once per sentence (the tolls and the tally check both ask)."""
    cached = idx.period_cache.get(s)
    if cached is not None:
        return cached
    sent = doc.sentences[s]
    toks = doc.tokens
    out = {idx.clause(m) for m in idx.get(s, "date") if m.meta.get("background")}
    out |= {idx.clause(m) for m in idx.get(s, "date") if is_span_date(doc, m)}  # "خلال يوليو الماضي"
    for i in range(sent.token_start, sent.token_end):
        if toks[i].forms[-1] in PERIOD_UNITS or toks[i].norm in PERIOD_UNITS:
            before = toks[max(sent.token_start, i - 2):i]
            if any(is_marked(t, PERIOD_OPENERS) for t in before):
                out.add(idx.clause_of[i])
    idx.period_cache[s] = out
    return out


def is_tally(doc: Doc, idx: MentionIndex, d: Draft) -> bool:
    """A draft told only as a long period's total ("قتلت طائرات التحالف 3042 من تنظيم داعش … خلال 10
    أشهر"): its cue's clause names a long period and no day dates it. Statistics are no event."""
    if d.date_mention is not None and d.date is not None and d.date[2] == 1:
        return False
    spans = period_clauses(doc, idx, d.sentence)
    # the period's clause, or one before it that the tally opens with ("شنّ نظام الأسد خلال تسعة أشهر
    # 26350 غارة"); a period in a later clause dates something else ("… التي حولها الحوثيون منذ فترة")
    if not spans:
        return False
    if min(spans) <= idx.clause(d.cue):
        return True
    # … unless a running figure (a count of a hundred or more in the cue's clause) reaches it past mere
    # punctuation: no clause word, no other event word between ("قتلت 3042 من تنظيم ( داعش ) وجبهة النصرة
    # (تنظيم القاعدة في بلاد الشام) بينهم عشرات القياديين خلال 10 أشهر")
    clause = idx.clause(d.cue)
    if not any(isinstance(n.value, int) and n.value >= CUMULATIVE_AT_LEAST and idx.clause(n) == clause
               for n in idx.get(d.sentence, "number")):
        return False
    sent = doc.sentences[d.sentence]
    first = next(i for i in range(sent.token_start, sent.token_end) if idx.clause_of[i] == min(spans))
    between = range(d.cue.token_end, first)
    if any(b.token_start in between for b in idx.get(d.sentence, "clause_break")):
        return False
    return not any(c.token_start in between and c.value.sub not in ("kill", "wound") for c in idx.get(d.sentence, "cue"))


def _dead_and_wounded_together(doc: Doc, n: Mention) -> bool:
    """Is the count told as killed and wounded together ("العشرات بين قتيل وجريح", "15 قتيلا وجريحا",
    "العشرات من القتلى والجرحى"), or is it the "قتيل" of that phrase itself? Then the dead alone are not
    counted."""
    toks = doc.tokens
    window = [t.forms[-1] for t in toks[max(0, n.token_start - 2):min(len(toks), n.token_end + 5)]]
    return any(_dead_beside_wounded(a, b) for a, b in zip(window, window[1:]))


def _dead_beside_wounded(dead: str, wounded: str) -> bool:
    """"قتيل" + "وجريح": a dead noun and a wounded noun joined as one phrase (not a dual, counted apart)."""
    wounded = wounded.removeprefix("و")
    return dead in DEAD_BESIDE_WOUNDED and wounded in WOUNDED_NOUNS and wounded not in DUAL_WOUNDED


def _kill_told_with_the_wounded(doc: Doc, kill: Mention) -> bool:
    """Is the death word itself the first noun of "قتيل وجريح" ("سقط 30 شخصا بين قتيل وجريح")?"""
    toks = doc.tokens
    i = kill.token_end
    return i < len(toks) and toks[i].sentence == toks[kill.token_start].sentence and \
        _dead_beside_wounded(toks[kill.token_end - 1].forms[-1], toks[i].forms[-1])


def with_companions(doc: Doc, n: Mention) -> bool:
    """'مع 4 من مرافقيه', 'و7 من مرافقيه': the count is of those beside someone also killed."""
    toks = doc.tokens
    joined = doc.text[n.start - 1:n.start] == "و" or toks[n.token_start].norm.startswith("و")  # "و7 من مرافقيه"
    if not joined and (n.token_start == 0 or toks[n.token_start - 1].norm != "مع"):
        return False
    after = toks[n.token_end:n.token_end + 2]
    return any(is_marked(t, COMPANIONS) for t in after)


def assign_fatalities(doc: Doc, idx: MentionIndex, s: int, drafts: list[Draft], lex: Any) -> None:
    """Put each toll of the sentence on the draft of its clause (else the nearest one). The deaths
    of a road or sea accident told beside an event are not its toll ("أغلقوا الطريق بعد وقوع حادث
    مرور أسفر عن وفاة شخص")."""
    if idx.get(s, "accident"):
        return
    last_kill: dict[int, Mention] = {}
    for kill, count, spans in kill_counts(doc, idx, s, lex):
        target = draft_for_kill(idx, drafts, kill)
        if target is not None and target.sub not in NO_TOLL_SUBS:
            if target.fatalities and is_running_total(doc, spans[0]):
                target.fatalities = max(target.fatalities, count)  # the toll rose to it: the same dead
            elif target.fatalities and id(target) in last_kill and other_source(doc, last_kill[id(target)], kill):
                target.fatalities = min(target.fatalities, count)  # sources differ: the lower figure
            else:
                target.fatalities = (target.fatalities or 0) + count
            target.fatality_spans.extend(spans)
            last_kill[id(target)] = kill


CONTRAST = MARKERS["contrast"]
ANNOUNCE = MARKERS["announce"]
ANOTHER = MARKERS["additional"]


def other_source(doc: Doc, before: Mention, kill: Mention) -> bool:
    """Is ``kill`` another source's figure for the dead ``before`` counted? "أعلنت سلطات الإقليم عن ستة
    قتلى، فيما تحدثت وسائل إعلام تركية عن «مجزرة» راح ضحيتها تسعة قتلى": a contrast ("بينما/فيما"),
    then a verb of saying, then a noun naming the same event or its toll (GUIDELINES: the lower figure)."""
    toks = doc.tokens[before.token_end:kill.token_end]
    contrast = next((i for i, t in enumerate(toks) if t.norm in CONTRAST), None)
    if contrast is None:
        return False
    rest = toks[contrast + 1:]
    said = next((i for i, t in enumerate(rest[:3]) if is_marked(t, ANNOUNCE)), None)
    if said is None:
        return False
    if any(t.norm in ANOTHER for t in doc.tokens[kill.token_start:kill.token_end + 4]):
        return False  # "جنديين آخرين": more dead, not another figure for the same
    return any(is_marked(t, EVENT_REFS) or t.norm in TOLL_NOUNS for t in rest[said + 1:])


TOLL_RISE = MARKERS["toll_rise"]
RISE_REACH = 6  # tokens from "ارتفعت" to the "إلى" before the count
ILA = fold("إلى")


def is_running_total(doc: Doc, count: Mention) -> bool:
    """A count after "ارتفع(ت) … إلى" ("وارتفعت الحصيلة لاحقا إلى 9 قتلى"): the toll so far, which
    includes the dead already counted in the sentence."""
    toks = doc.tokens
    i = count.token_start
    if count.kind != "number" or i == 0 or toks[i - 1].norm != ILA:
        return False
    return any(t.forms[-1] in TOLL_RISE or t.norm in TOLL_RISE for t in toks[max(0, i - 1 - RISE_REACH):i - 1])


def carried_toll(doc: Doc, idx: MentionIndex, s: int, prev: Draft, lex: Any) -> tuple[int | None, list[Mention]]:
    """The toll a sentence gives for the event told before it, or (None, []).

    Only when the sentence points back at that event — a definite noun for it ("الهجوم",
    "الانفجار") or a bare consequence ("وأسفر عن مقتل …") — and names no other place, and is not
    told as another incident ("في وقت سابق")."""
    if idx.get(s, "distinct") or idx.get(s, "summary") or idx.get(s, "accident"):
        return None, []
    counts = kill_counts(doc, idx, s, lex)
    if not counts:
        return None, []
    sent = doc.sentences[s]
    refers = any(is_marked(t, EVENT_REFS) for t in doc.tokens[sent.token_start:sent.token_end])
    first = counts[0][0]
    opens = (first.token_start - sent.token_start <= 2
             and any(f.startswith(CONSEQUENCE_OPENERS) for f in doc.tokens[first.token_start].forms))
    if not (refers or opens):
        return None, []
    # the sentence's own event words must fit the event told before ("الغارات" does not retell a bombing)
    from .roles import family_of_sub
    prev_family = family_of_sub(prev.sub)
    for c in idx.get(s, "cue"):
        if c.value.sub in ("kill", "wound", "attack") or c.value.needs_actor:
            continue
        if family_of_sub(c.value.sub) != prev_family:
            return None, []
    from .index import is_event_place, mention_place_key
    other = [p for p in idx.get(s, "place") if is_event_place(idx, p)
             and (prev.place is None or mention_place_key(p) != mention_place_key(prev.place))]
    if other:
        return None, []
    kill, count, spans = max(counts, key=lambda k: k[1])
    return count, spans

# Death phrases whose subject is the event itself ("وأسفر عن مقتل …", "وأدى إلى مقتل …").
CONSEQUENCE_OPENERS = tuple(fold(w) for w in ("أسفر", "أسفرت", "أدى", "أدت", "أودى", "أودت"))


# Event types whose events have no dead of their own: a toll near a truce or an arrest belongs to the
# violent event of the sentence ("الهجوم … واوقع 32 قتيلا …، لتنتهي بذلك هدنة").
NO_TOLL_TYPES = frozenset({"Strategic developments", "Protests"})
# Sub-types that never carry a toll even alone in their sentence: the dead beside an arrest are those of
# the crime it is for ("القبض على المشتبه به … على خلفية جريمة قتل العقيد")
NO_TOLL_SUBS = frozenset({"Arrests", "Agreement"})


def draft_for_kill(idx: MentionIndex, drafts: list[Draft], m: Mention) -> Draft | None:
    clause = idx.clause(m)
    same = [d for d in drafts if d.clause == clause]
    if same:
        return same[0]
    violent = [d for d in drafts if SUB_TO_TYPE.get(d.sub) not in NO_TOLL_TYPES]
    return min(violent or drafts, key=lambda d: abs(d.cue.token_start - m.token_start)) if drafts else None
