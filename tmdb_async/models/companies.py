"""Company models: ``GET /3/company/{company_id}``, its alternative names and logos.

:class:`AlternativeNames` and :class:`LogoImages` are also what the network endpoints
answer (same shapes).
"""

from __future__ import annotations

import attrs

__all__ = [
    "AlternativeName",
    "AlternativeNames",
    "Company",
    "CompanyRef",
    "Logo",
    "LogoImages",
]


@attrs.frozen(kw_only=True)
class CompanyRef:
    """A parent company (``parent_company``)."""

    id: int
    name: str = ""
    logo_path: str | None = None
    origin_country: str | None = None


@attrs.frozen(kw_only=True)
class Company:
    """A company's details (``GET /3/company/{company_id}``)."""

    id: int
    name: str = ""
    description: str = ""
    headquarters: str | None = None
    homepage: str | None = None
    logo_path: str | None = None
    origin_country: str | None = None
    parent_company: CompanyRef | None = None


@attrs.frozen(kw_only=True)
class AlternativeName:
    """Another name of a company or network; ``type`` is often ``""``."""

    name: str
    type: str = ""


@attrs.frozen(kw_only=True)
class AlternativeNames:
    """A company's or network's other names (``/alternative_names``)."""

    id: int
    results: list[AlternativeName] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class Logo:
    """One logo file of a company or network.

    ``id`` is TMDB's 24-hex image id; ``file_type`` is the original upload's type
    (``".svg"``, ``".png"``), while ``file_path`` is what the image server delivers.
    """

    file_path: str
    id: str | None = None
    file_type: str | None = None
    aspect_ratio: float | None = None
    height: int | None = None
    width: int | None = None
    vote_average: float | None = None
    vote_count: int | None = None


@attrs.frozen(kw_only=True)
class LogoImages:
    """A company's or network's logos (``/images``)."""

    id: int
    logos: list[Logo] = attrs.Factory(list)
