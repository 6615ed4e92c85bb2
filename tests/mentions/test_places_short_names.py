"""The two-letter place names (إب): the fast way of finding their tokens gives what testing every token does."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.mentions.places import _SHORT_NAME_CLITICS, _short_name_tokens, short_names, short_spellings


def _naive(doc: Doc) -> list[tuple[int, str, object]]:
    """Each token whose text is a proclitic (tried in order) and a spelling: the definition, token by token."""
    table = short_names()
    out = []
    for i, tok in enumerate(doc.tokens):
        written = doc.text[tok.start:tok.end]
        hit = next(((pre, table[written[len(pre):]]) for pre in _SHORT_NAME_CLITICS
                    if written.startswith(pre) and written[len(pre):] in table), None)
        if hit is not None:
            out.append((i, *hit))
    return out


def _fast(doc: Doc) -> list[tuple[int, str, object]]:
    spelled = short_spellings()
    out = []
    for i in _short_name_tokens(doc, short_names()):
        tok = doc.tokens[i]
        hit = spelled.get(doc.text[tok.start:tok.end])
        if hit is not None:
            out.append((i, *hit))
    return out


@pytest.mark.parametrize("text", [
    "قصف في محافظة إب وسط اليمن، وفي إب وذمار",
    "مدن البيضاء، وإب، وذمار وبإب وفبإب ولإب",
    "الباب والكتاب والشباب واب وباب واب-رع",  # "اب" ends many words: only whole tokens count
    "إبَ وإبّ إب.إب",  # marks inside a token: the token's text is no spelling
    "واح-إب-رع",
    "",
])
def test_short_name_tokens_find_what_each_token_tested_finds(text: str) -> None:
    doc = Doc(text)
    assert _fast(doc) == _naive(doc)


def test_short_spellings_take_the_first_proclitic_that_fits() -> None:
    table = short_names()
    for pre in _SHORT_NAME_CLITICS:
        for key in table:
            written = pre + key
            first = next(p for p in _SHORT_NAME_CLITICS if written.startswith(p) and written[len(p):] in table)
            assert short_spellings()[written][0] == first
