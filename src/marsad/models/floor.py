"""The confidence floor of published events, apart from the models so the command line reads it cheaply."""
from __future__ import annotations

# Events below this confidence are not written unless asked (--min-confidence 0): at this level about one
# published event in four is right on held-out labelled sentences (see the model card's reliability table).
DEFAULT_MIN_CONFIDENCE = 0.25
