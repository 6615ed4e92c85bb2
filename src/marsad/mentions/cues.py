"""Event cues (words that signal an event of a sub-type), clause blockers and clause breaks."""
from __future__ import annotations

from ..doc import Doc
from ..lexicon.cues import load_cues


def find_cues(doc: Doc) -> None:
    """Add ``cue`` mentions (value: Cue), ``blocker`` mentions (value: category) and ``clause_break``."""
    lex = load_cues()
    for m in doc.match(lex.cues):
        if m.payload.sub != "none":
            doc.add(doc.mention_from_match("cue", m))
    for m in doc.match(lex.blockers):
        doc.add(doc.mention_from_match("blocker", m))
    for m in doc.match(lex.clause_breaks):
        doc.add(doc.mention_from_match("clause_break", m))
