"""The records written out by hand (not by ``@dataclass``, whose methods are compiled at every start-up)
behave as the dataclasses they replaced: the same init, equality, hash and repr, and frozen where they were."""
from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest

from marsad.doc import Doc, Mention
from marsad.mentions.dates import DateHit
from marsad.mentions.sources import SourceRef
from marsad.text.matcher import PhraseMatch
from marsad.text.normalise import NormText
from marsad.text.segment import Sentence, Token

# class, the dataclass it was (fields with defaults, options), arguments of two instances
CASES: list[tuple[type, list[Any], dict[str, Any], tuple, tuple]] = [
    (Token, ["start", "end", "norm", "norm_start", ("forms", tuple, dataclasses.field(default=())),
             ("sentence", int, dataclasses.field(default=0))], {"slots": True}, (0, 3, "قصف", 0, ("قصف",), 1),
     (0, 3, "قصف", 0)),
    (Sentence, ["start", "end", "token_start", "token_end"], {"slots": True}, (0, 9, 0, 2), (1, 9, 0, 2)),
    (PhraseMatch, ["token_start", "token_end", "start", "end", "payload", "key"], {"slots": True, "unsafe_hash": True},
     (0, 2, 0, 11, "SYR", "قوات النظام"), (0, 2, 0, 11, "SYR", "قوات")),
    (SourceRef, ["name", "kind", "key"], {"frozen": True, "slots": True}, ("AFP", "agency", "afp"),
     ("AFP", "agency", "afp2")),
    (NormText, ["text", "to_orig", "orig_len",
                ("shifts", Any, dataclasses.field(default=None, compare=False, repr=False))],
     {"frozen": True, "slots": True}, ("ab", (0, 1), 2, (1,)), ("ab", (0, 1), 2)),
    (Mention, ["kind", "start", "end", "text", "sentence", "token_start", "token_end",
               ("value", Any, dataclasses.field(default=None)), ("meta", dict, dataclasses.field(default_factory=dict))],
     {"slots": True}, ("place", 0, 5, "الرقة", 0, 0, 1, "RAQ", {"a": 1}), ("place", 0, 5, "الرقة", 0, 0, 1)),
    (DateHit, ["nstart", "nend", "expr", ("meta", dict, dataclasses.field(default_factory=dict)),
               ("priority", int, dataclasses.field(default=0))], {"slots": True}, (0, 4, "x", {"b": 2}, 3), (0, 4, "x")),
]


@pytest.mark.parametrize("cls, fields, options, args, other", CASES, ids=[c[0].__name__ for c in CASES])
def test_a_written_out_record_behaves_as_its_dataclass(cls, fields, options, args, other):
    ref = dataclasses.make_dataclass(cls.__name__, [f if isinstance(f, tuple) else (f, Any) for f in fields],
                                     **options)
    for a in (args, other):
        mine, theirs = cls(*a), ref(*a)
        assert repr(mine) == repr(theirs)
        assert cls.__match_args__[:len(ref.__match_args__)] == ref.__match_args__
        assert (mine == cls(*a)) is (theirs == ref(*a)) is True
        assert (mine == cls(*args)) is (theirs == ref(*args))
        if theirs.__hash__ is None:
            assert mine.__hash__ is None
        elif all(not isinstance(v, (list, dict)) for v in a):
            assert hash(mine) == hash(theirs)
        if options.get("frozen"):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(mine, ref.__match_args__[0], None)
            assert pickle.loads(pickle.dumps(mine)) == mine
    assert not hasattr(cls(*args), "__dict__")  # slots, as before


def test_doc_compares_and_prints_as_its_dataclass_did():
    a, b = Doc("قصف", id="1", title="t"), Doc("قصف", id="1", title="t")
    a.norm, a.tokens  # built layers take no part
    assert a == b and a.__hash__ is None and a.mentions == [] and a.mentions is not b.mentions
    assert repr(b) == ("Doc(text='قصف', id='1', published=None, source=None, title='t', url=None, mentions=[], "
                       "events=[], layers={})")
    assert Doc("قصف", id="2") != b
