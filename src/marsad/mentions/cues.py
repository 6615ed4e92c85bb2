"""Event cues (words that signal an event of a sub-type), clause blockers and clause breaks."""
from __future__ import annotations

from ..doc import Doc
from ..lexicon.cues import load_cues


def find_cues(doc: Doc) -> None:
    """Add ``cue`` mentions (value: Cue), ``blocker`` mentions (value: category), ``clause_break`` and
    ``topic_shift`` (a sentence opening "من جهة أخرى") and ``control`` (value: which side of the
    phrase names the holder: "holder_first" | "holder_after"), and the sentence-level phrases
    ``claim``, ``summary``, ``period`` and ``distinct`` (see data/cues.yaml)."""
    lex = load_cues()
    for m in doc.match(lex.cues):
        if m.payload.sub != "none":
            doc.add(doc.mention_from_match("cue", m))
    for m in doc.match(lex.blockers):
        doc.add(doc.mention_from_match("blocker", m))
    for m in doc.match(lex.clause_breaks):
        doc.add(doc.mention_from_match("clause_break", m))
    for m in doc.match(lex.control):
        doc.add(doc.mention_from_match("control", m))
    if lex.sentence_phrases is not None:
        # claims of responsibility, roundups and long-period figures, "another incident" markers:
        # mention kind = the data section ("claim", "summary", "period", "distinct")
        for m in doc.match(lex.sentence_phrases):
            doc.add(doc.mention_from_match(m.payload, m))
    for s in doc.sentences:  # only at the start of a sentence
        m = lex.topic_shifts.match_at(doc.tokens, s.token_start, s.token_end, doc.norm.to_orig) if s.token_end > s.token_start else None
        if m is not None:
            doc.add(doc.mention_from_match("topic_shift", m))
