"""Shared helpers for the mention tests."""
from __future__ import annotations

from typing import Callable

import pytest

from marsad.doc import Doc
from marsad.mentions.places import find_places


@pytest.fixture
def places() -> Callable[[str], dict]:
    """Find the places of a text: each place mention's text mapped to its resolved value."""
    def read(text: str) -> dict:
        doc = Doc(text)
        find_places(doc)
        return {m.text: m.value for m in doc.mentions_of("place")}
    return read
