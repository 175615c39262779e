"""Certification models: ``GET /3/certification/movie/list`` and ``/3/certification/tv/list``."""

from __future__ import annotations

import attrs

__all__ = ["Certification", "Certifications"]


@attrs.frozen(kw_only=True)
class Certification:
    """One age rating of a country (``"PG-13"``), its meaning and its rank."""

    certification: str
    meaning: str = ""
    order: int = 0


@attrs.frozen(kw_only=True)
class Certifications:
    """Age ratings by country code (``certifications["US"]``)."""

    certifications: dict[str, list[Certification]] = attrs.Factory(dict)
