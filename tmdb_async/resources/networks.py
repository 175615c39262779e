"""``tmdb.networks``: TV networks (HBO, Netflix ...)."""

from __future__ import annotations

from ..models.companies import AlternativeNames, LogoImages
from ..models.networks import NetworkDetails
from ._base import Resource, check_id

__all__ = ["Networks"]


class Networks(Resource):
    """Network endpoints (``tmdb.networks``)."""

    __slots__ = ()

    async def details(self, network_id: int) -> NetworkDetails:
        """A network's details (``GET /3/network/{network_id}``).

        Args:
            network_id: TMDB's network id (``TVSeries.networks[i].id``).

        Returns:
            The :class:`~tmdb_async.NetworkDetails`.

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no network with that id.

        See https://developer.themoviedb.org/reference/network-details
        """
        nid = check_id(network_id, "network_id")
        return await self._core.request("GET", f"/3/network/{nid}", into=NetworkDetails)

    async def alternative_names(self, network_id: int) -> AlternativeNames:
        """A network's other names (``GET /3/network/{network_id}/alternative_names``).

        Args:
            network_id: TMDB's network id.

        Returns:
            :class:`~tmdb_async.AlternativeNames` (``results``: name and type).

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no network with that id.

        See https://developer.themoviedb.org/reference/details-copy
        """
        nid = check_id(network_id, "network_id")
        return await self._core.request(
            "GET", f"/3/network/{nid}/alternative_names", into=AlternativeNames
        )

    async def images(self, network_id: int) -> LogoImages:
        """A network's logos (``GET /3/network/{network_id}/images``).

        Args:
            network_id: TMDB's network id.

        Returns:
            :class:`~tmdb_async.LogoImages` (``logos``).

        Raises:
            TMDBUsageError: a bad id (before any I/O).
            ResourceNotFoundError: no network with that id.

        See https://developer.themoviedb.org/reference/alternative-names-copy
        """
        nid = check_id(network_id, "network_id")
        return await self._core.request("GET", f"/3/network/{nid}/images", into=LogoImages)
