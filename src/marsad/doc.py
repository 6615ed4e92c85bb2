"""The document that flows through the pipeline: original text plus layers that point into it."""
from __future__ import annotations

import datetime as dt
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Iterator

from .records import Record
from .text.matcher import PhraseMatch, PhraseMatcher
from .text.normalise import NormText, normalise
from .text.segment import Sentence, Token, segment

_norm_of = attrgetter("norm")


class Mention(Record):
    """A typed span of the original text with the lexicon/gazetteer value it matched.

    kind: actor | place | date | number | source | cue | ... (each mentions module owns one kind).
    value: the entry or parsed value; ``meta`` holds stage-specific detail (role hints, qualifiers).

    A slots record written out (same init, equality and repr as ``@dataclass(slots=True)``, whose
    methods are compiled at every start-up).
    """

    __slots__ = ("kind", "start", "end", "text", "sentence", "token_start", "token_end", "value", "meta")
    __match_args__ = _compared = __slots__

    def __init__(self, kind: str, start: int, end: int, text: str, sentence: int, token_start: int, token_end: int,
                 value: Any = None, meta: dict[str, Any] | None = None) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.sentence = sentence
        self.token_start = token_start
        self.token_end = token_end
        self.value = value
        self.meta = {} if meta is None else meta

    def _fields(self) -> tuple:
        return (self.kind, self.start, self.end, self.text, self.sentence, self.token_start, self.token_end,
                self.value, self.meta)


class _TextLayer:
    """A text layer of :class:`Doc` built on first read, then kept as the instance's own attribute.

    A non-data descriptor (no ``__set__``), so once the value sits in the instance's ``__dict__`` the
    descriptor is no longer consulted: a later read costs what reading a plain attribute costs.
    """

    __slots__ = ("build", "name")

    def __init__(self, build: Any) -> None:
        self.build = build
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, doc: Any, owner: type | None = None) -> Any:
        if doc is None:
            return self
        value = doc.__dict__[self.name] = self.build(doc)
        return value


class Doc(Record):
    """One article. ``text`` never changes; every layer holds offsets into it.

    ``layers`` holds free-form per-stage annotations (e.g. the article's country focus), each key owned
    by one stage. Init, equality and repr are those of the dataclass it was (the text layers and caches
    take no part), written out: a dataclass's methods are compiled at every start-up.
    """

    __match_args__ = _compared = ("text", "id", "published", "source", "title", "url", "mentions", "events", "layers")

    def __init__(self, text: str, id: str = "", published: dt.date | None = None, source: str | None = None,
                 title: str | None = None, url: str | None = None, mentions: list[Mention] | None = None,
                 events: list[Any] | None = None, layers: dict[str, Any] | None = None) -> None:
        self.text = text
        self.id = id
        self.published = published
        self.source = source
        self.title = title
        self.url = url
        self.mentions: list[Mention] = [] if mentions is None else mentions
        self.events: list[Any] = [] if events is None else events
        self.layers: dict[str, Any] = {} if layers is None else layers
        self._norms: list[str] | None = None
        self._vocabulary: set[str] | None = None
        self._norm: NormText | None = None
        self._segmented: tuple[list[Token], list[Sentence]] | None = None

    def _fields(self) -> tuple:
        return (self.text, self.id, self.published, self.source, self.title, self.url, self.mentions, self.events,
                self.layers)

    # The text layers are built on first use: an article the relevance step rejects from its title and
    # lead never pays for normalising and segmenting the whole text. Built, they are stored on the
    # instance, where they shadow the class's _TextLayer: stages read ``doc.tokens`` hundreds of times
    # per article, each then a plain attribute read instead of a property call.
    if TYPE_CHECKING:
        @property
        def norm(self) -> NormText: ...

        @property
        def tokens(self) -> list[Token]: ...

        @property
        def sentences(self) -> list[Sentence]: ...
    else:  # not annotated: class attributes, not dataclass fields
        norm = _TextLayer(lambda doc: doc._normalised())
        tokens = _TextLayer(lambda doc: doc._segments()[0])
        sentences = _TextLayer(lambda doc: doc._segments()[1])

    def _normalised(self) -> NormText:
        if self._norm is None:
            self._norm = normalise(self.text)
        return self._norm

    def _segments(self) -> tuple[list[Token], list[Sentence]]:
        if self._segmented is None:
            self._segmented = segment(self.text, self.norm)
        return self._segmented

    @property
    def is_segmented(self) -> bool:
        """Whether the whole text has been normalised and segmented yet."""
        return self._segmented is not None

    def token_norms(self) -> list[str]:
        """The matching form of every token, in order (built once, for whole-list lookups)."""
        if self._norms is None:
            self._norms = list(map(_norm_of, self.tokens))
        return self._norms

    def token_vocabulary(self) -> set[str]:
        """The distinct matching forms of the tokens (built once: each phrase matcher enters a document's
        new words at once, ``_StartsCache.fill``)."""
        if self._vocabulary is None:
            self._vocabulary = set(self.token_norms())
        return self._vocabulary

    # -- helpers for stages -------------------------------------------------------------
    def match(self, matcher: PhraseMatcher, sentence: int | None = None) -> Iterator[PhraseMatch]:
        """Run a phrase matcher over the whole doc or one sentence, never across sentences."""
        return matcher.finditer_doc(self, sentence)

    def mention_from_match(self, kind: str, m: PhraseMatch, value: Any = None, **meta: Any) -> Mention:
        return Mention(
            kind, m.start, m.end, self.text[m.start:m.end], self.tokens[m.token_start].sentence,
            m.token_start, m.token_end, m.payload if value is None else value, dict(meta),
        )

    def add(self, mention: Mention) -> Mention:
        self.mentions.append(mention)
        return mention

    def mentions_of(self, kind: str, sentence: int | None = None) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind and (sentence is None or m.sentence == sentence)]

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start:s.end]
