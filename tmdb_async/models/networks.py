"""Network models: ``GET /3/network/{network_id}``.

A network's alternative names and logos have the company shapes
(:class:`~tmdb_async.AlternativeNames`, :class:`~tmdb_async.LogoImages`).
"""

from __future__ import annotations

import attrs

__all__ = ["NetworkDetails"]


@attrs.frozen(kw_only=True)
class NetworkDetails:
    """A TV network's details (``GET /3/network/{network_id}``).

    A series lists its networks in the shorter :class:`~tmdb_async.Network`.
    """

    id: int
    name: str = ""
    headquarters: str | None = None
    homepage: str | None = None
    logo_path: str | None = None
    origin_country: str | None = None
