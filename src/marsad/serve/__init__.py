"""Serve the store: a REST API (FastAPI) and an offline web map (Leaflet), see ``marsad serve``."""
from __future__ import annotations

from .app import MAX_PAGE, create_app

__all__ = ["create_app", "MAX_PAGE"]
