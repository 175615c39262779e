"""Watch provider models: ``GET /3/watch/providers/regions``, ``/movie`` and ``/tv``.

Where a given title can be watched is the title's own ``watch_providers`` call
(:class:`~tmdb_async.WatchProviders`); these are TMDB's lists of regions and services.
"""

from __future__ import annotations

import attrs

from .configuration import Country

__all__ = ["WatchProviderEntry", "WatchProviderList", "WatchRegions"]


@attrs.frozen(kw_only=True)
class WatchRegions:
    """The countries TMDB has watch provider data for (``GET /3/watch/providers/regions``)."""

    results: list[Country] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class WatchProviderEntry:
    """A streaming, rental or purchase service as listed by ``/3/watch/providers/movie``.

    ``display_priorities`` ranks it per country code (lower first);
    ``display_priority`` is its rank in the requested ``watch_region``, or overall.
    """

    provider_id: int
    provider_name: str = ""
    logo_path: str | None = None
    display_priority: int | None = None
    display_priorities: dict[str, int] = attrs.Factory(dict)


@attrs.frozen(kw_only=True)
class WatchProviderList:
    """The watch providers TMDB knows for movies or TV (``GET /3/watch/providers/movie``)."""

    results: list[WatchProviderEntry] = attrs.Factory(list)
