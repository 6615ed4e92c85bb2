"""The coded event: ACLED-style fields plus the evidence that ties it to the Arabic text."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

# The ACLED taxonomy, spelled exactly as in the guidelines.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon",
    ),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
SUB_TO_TYPE: dict[str, str] = {sub: t for t, subs in EVENT_TYPES.items() for sub in subs}


def actors_fit(sub_event_type: str, inter1: int | None, inter2: int | None) -> bool:
    """Do the actors' kinds (ACLED inter codes) fit the sub-event type? (``data/subtype_actors.yaml``)

    An air strike by protesters or a government regaining territory by a rebel group is no ACLED
    record; an unknown actor fits every sub-type.
    """
    from ..lexicon import load_yaml

    rule = load_yaml("subtype_actors.yaml").get(sub_event_type) or {}
    return all(code is None or int(code) in rule.get(role, (int(code),))
               for role, code in (("actor1", inter1), ("actor2", inter2)))


def fitting_order(sub_event_type: str, inter1: int | None, inter2: int | None) -> str | None:
    """"as is" when the actors fit the sub-type, "swapped" when only the other order does (both named),
    else None: how a sub-type chosen apart from the roles can be taken."""
    if actors_fit(sub_event_type, inter1, inter2):
        return "as is"
    if inter1 and inter2 and actors_fit(sub_event_type, inter2, inter1):
        return "swapped"
    if inter1 and not inter2 and SUB_TO_TYPE.get(sub_event_type) not in ("Protests", "Riots") \
            and actors_fit(sub_event_type, None, inter1):
        return "swapped"  # the one side named is the one hit (police beside a suicide bombing)
    return None


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two actor-type codes, lower first (10×inter1 when alone)."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    a, b = sorted((int(inter1), int(inter2)))
    return a * 10 + b


@dataclass
class Span:
    """A highlighted piece of evidence: which field it supports and where it is in the text."""

    role: str  # actor1 | actor2 | assoc_actor_1 | assoc_actor_2 | location | date | fatalities | source | cue
    start: int
    end: int
    text: str


@dataclass
class Evidence:
    text: str
    start: int
    end: int


@dataclass
class Event:
    article_id: str
    event_type: str
    sub_event_type: str
    event_date: str | None = None
    event_date_end: str | None = None
    time_precision: int | None = None
    actor1: str | None = None
    actor1_ar: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    actor2_ar: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    location: str | None = None
    location_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    location_id: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    fatalities: int = 0
    source: str | None = None
    notes: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    event_id: str = ""

    def swap_actors(self) -> None:
        """Exchange the two sides (names, Arabic, associates, inter codes and their evidence spans)."""
        self.actor1, self.actor2 = self.actor2, self.actor1
        self.interaction = interaction_code(self.inter2, self.inter1)
        self.actor1_ar, self.actor2_ar = self.actor2_ar, self.actor1_ar
        self.assoc_actor_1, self.assoc_actor_2 = self.assoc_actor_2, self.assoc_actor_1
        self.inter1, self.inter2 = self.inter2, self.inter1
        other = {"actor1": "actor2", "actor2": "actor1", "assoc_actor_1": "assoc_actor_2",
                 "assoc_actor_2": "assoc_actor_1"}
        for sp in self.spans:
            sp.role = other.get(sp.role, sp.role)

    def drop_implied_actor2(self) -> None:
        """Forget a side acted on that no words name (a default "Civilians (X)" put in by a rule for a
        sub-type that needs one), when the event is retyped to one it does not fit."""
        self.actor2 = self.actor2_ar = self.assoc_actor_2 = None
        self.inter2 = None
        self.interaction = interaction_code(self.inter1, None)
        self.spans = [sp for sp in self.spans if sp.role not in ("actor2", "assoc_actor_2")]

    def compute_id(self) -> str:
        """A stable id from the article and the event's unit (type, place, day, actors)."""
        key = "|".join(str(x) for x in (
            self.article_id, self.sub_event_type, self.event_date, self.location_id or self.location_ar,
            self.actor1, self.actor2, self.evidence[0].start if self.evidence else "",
        ))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The event as plain JSON-ready values, in field order (what ``dataclasses.asdict`` gives, without
        its deep copy of every value: the output writer calls this for every event)."""
        d = {name: getattr(self, name) for name in _EVENT_FIELDS}
        d["evidence"] = [{"text": e.text, "start": e.start, "end": e.end} for e in self.evidence]
        d["spans"] = [{"role": sp.role, "start": sp.start, "end": sp.end, "text": sp.text} for sp in self.spans]
        if not d["event_id"]:
            d["event_id"] = self.compute_id()
        return d


_EVENT_FIELDS = tuple(f.name for f in fields(Event))


@dataclass
class ControlStatement:
    """An explicit statement that an actor holds a place ("ولا يزال التنظيم يسيطر على مدينة الرقة"),
    true at the article's date; the store builds control timelines from these and territory changes."""

    article_id: str
    place_id: str
    place: str | None
    place_ar: str | None
    actor: str
    actor_ar: str | None
    date: str
    evidence: str
    ev_start: int
    ev_end: int
    kind: str = "holds"
    sentence_p: float | None = None  # the status model's P(event report) for the evidence sentence (None: rules only)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def write_note(ev: Event, lex: Any | None = None) -> str:
    """The event's notes (ACLED's one-line summary) from its final fields: sub-type, actors, place, date, toll
    and sources."""
    if lex is None:
        from ..lexicon.cues import load_cues

        lex = load_cues()
    template = lex.notes.get(ev.sub_event_type, "{actor1}: " + ev.sub_event_type + " in {location} on {date}.")
    text = template.format(
        actor1=ev.actor1 or "Unidentified forces", actor2=ev.actor2 or "others",
        location=", ".join(x for x in (ev.location, ev.admin1, ev.country) if x) or "an unnamed place",
        date=ev.event_date or "an unknown date", fatalities=ev.fatalities,
    )
    if ev.fatalities:
        text += f" {ev.fatalities} reported killed."
    if ev.source:
        text += f" Reported by {ev.source}."
    return text
