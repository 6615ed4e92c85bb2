"""Base classes of the written-out slots records (``Token``, ``Mention``, ``Doc`` …).

They behave as the ``@dataclass`` records they replaced (equality and repr over their fields, frozen ones
immutable and hashed), without a dataclass's methods being compiled at every start-up. A record lists
the fields that take part in equality and repr in ``_compared`` (its init arguments, in order); a hot
record may override ``_fields`` with a written-out tuple.
"""
from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any


class Record:
    """Mutable: equal by its compared fields, unhashable, shown as ``Name(field=value, …)``."""

    __slots__ = ()
    _compared: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]

    def _fields(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._compared)
        return f"{type(self).__qualname__}({shown})"


class FrozenRecord(Record):
    """Immutable (set its fields with ``object.__setattr__`` in ``__init__``) and hashed by its fields."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._fields())

    def __reduce__(self) -> tuple:
        return type(self), tuple(getattr(self, name) for name in type(self).__slots__)
