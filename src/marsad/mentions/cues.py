"""Event cues (words that signal an event of a sub-type), clause blockers and clause breaks."""
from __future__ import annotations

from ..doc import Doc
from ..lexicon.cues import CueLexicon, load_cues
from ..text.matcher import MatcherGroup, PhraseMatch


def _word_follows(doc: Doc, start: int, sentence: int, words: frozenset[str]) -> bool:
    """One of ``words`` among the two tokens from ``start``, inside the sentence."""
    tokens = doc.tokens
    return any(tokens[i].sentence == sentence and not words.isdisjoint(tokens[i].forms)
               for i in range(start, min(start + 2, len(tokens))))


def _object_missing(doc: Doc, m: PhraseMatch, markers: dict[str, frozenset[str]]) -> bool:
    """A cue that names a death only by what it is done to ("القضاء على" 5 إرهابيين / على الفساد): true
    when its first word is a ``kill_object_cue`` and neither a count nor a ``kill_object`` noun follows
    within two words."""
    tokens = doc.tokens
    if not set(tokens[m.token_start].forms) & markers["kill_object_cue"]:
        return False
    sentence = tokens[m.token_start].sentence
    if _word_follows(doc, m.token_end, sentence, markers["kill_object"]):
        return False
    follow = range(m.token_end, min(m.token_end + 2, len(tokens)))
    return not any(n.token_start in follow for n in doc.mentions_of("number", sentence))


def _seizes_things(doc: Doc, m: PhraseMatch, markers: dict[str, frozenset[str]]) -> bool:
    """A territory cue whose object is a thing, not ground ("السيطرة على عربة", "على الحريق"): true when
    one of the two words after it (past "على", which may follow the verb's subject: "سيطرت المقاومة على
    عربتين للحوثيين") is a ``territory_non_place`` noun."""
    if m.payload.sub != "territory":
        return False
    tokens, sentence = doc.tokens, doc.tokens[m.token_start].sentence
    i = m.token_end
    for k in range(i, min(i + SUBJECT_REACH + 1, len(tokens))):
        if tokens[k].sentence != sentence:
            break
        if tokens[k].norm == "علي":
            i = k + 1
            break
    return _word_follows(doc, i, sentence, markers["territory_non_place"])


SUBJECT_REACH = 3  # words of a subject between a territory verb and its "على"


def _stops_things(doc: Doc, m: PhraseMatch, markers: dict[str, frozenset[str]]) -> bool:
    """An arrest word of the وقف root whose object is an activity, not a person ("أوقفت الاحتفال قرب مدينة
    غزني", "إيقاف العمل", "إيقاف اللاعب"): stopping or suspending, no arrest. True when the word right
    after it is a ``stopped_thing``."""
    if m.payload.sub != "Arrests" or m.token_end - m.token_start != 1:
        return False
    tokens = doc.tokens
    if markers["stop_verb"].isdisjoint(tokens[m.token_start].forms):
        return False
    i = m.token_end
    return i < len(tokens) and tokens[i].sentence == tokens[m.token_start].sentence and \
        not markers["stopped_thing"].isdisjoint(tokens[i].forms)


_groups: dict[int, tuple[CueLexicon, MatcherGroup]] = {}


def _group(lex: CueLexicon) -> MatcherGroup:
    """The lexicon's phrase matchers run in ``find_cues``, as one group (one per-word cache for all)."""
    got = _groups.get(id(lex))
    if got is None or got[0] is not lex:
        matchers = [lex.cues, lex.blockers, lex.clause_breaks, lex.control]
        if lex.sentence_phrases is not None:
            matchers.append(lex.sentence_phrases)
        got = _groups[id(lex)] = (lex, MatcherGroup(matchers))
    return got[1]


def find_cues(doc: Doc) -> None:
    """Add ``cue`` mentions (value: Cue), ``blocker`` mentions (value: category), ``clause_break`` and
    ``topic_shift`` (a sentence opening "من جهة أخرى") and ``control`` (value: which side of the
    phrase names the holder: "holder_first" | "holder_after"), and the sentence-level phrases
    ``claim``, ``summary``, ``period`` and ``distinct`` (see data/cues.yaml)."""
    lex = load_cues()
    cues, blockers, breaks, control, *sentence_phrases = _group(lex).finditer_doc(doc)
    for m in cues:
        if m.payload.sub != "none" and not _object_missing(doc, m, lex.markers) and not _seizes_things(doc, m, lex.markers) \
                and not _stops_things(doc, m, lex.markers):
            doc.add(doc.mention_from_match("cue", m))
    for m in blockers:
        if m.payload != "none":
            doc.add(doc.mention_from_match("blocker", m))
    for m in breaks:
        doc.add(doc.mention_from_match("clause_break", m))
    for m in control:
        doc.add(doc.mention_from_match("control", m))
    if sentence_phrases:
        # claims of responsibility, roundups and long-period figures, "another incident" markers:
        # mention kind = the data section ("claim", "summary", "period", "distinct")
        for m in sentence_phrases[0]:
            doc.add(doc.mention_from_match(m.payload, m))
    for s in doc.sentences:  # only at the start of a sentence
        m = lex.topic_shifts.match_at(doc.tokens, s.token_start, s.token_end, doc.norm.to_orig) if s.token_end > s.token_start else None
        if m is not None:
            doc.add(doc.mention_from_match("topic_shift", m))
