"""``tmdb.find``: look titles and people up by an IMDb, TheTVDB, Wikidata ... id."""

from __future__ import annotations

import re
from typing import Literal

from .._core import Params
from ..errors import TMDBUsageError
from ..models.search import FindResults
from ._base import Resource, language_param, segment
from ._params import check_choice, choices

__all__ = ["ExternalSource", "Find"]

#: Where an external id comes from.
ExternalSource = Literal[
    "imdb_id",
    "facebook_id",
    "instagram_id",
    "tvdb_id",
    "tiktok_id",
    "twitter_id",
    "wikidata_id",
    "youtube_id",
]
_SOURCES = choices(ExternalSource)
_SHAPES = {
    "imdb_id": re.compile(r"(tt|nm|co|ev|ch|ni)\d+"),
    "tvdb_id": re.compile(r"\d+"),
    "wikidata_id": re.compile(r"Q\d+"),
}


class Find(Resource):
    """The find endpoint (``tmdb.find``)."""

    __slots__ = ()

    async def by_id(
        self,
        external_id: str | int,
        *,
        external_source: ExternalSource,
        language: str | None = None,
    ) -> FindResults:
        """Everything TMDB knows under an external id (``GET /3/find/{external_id}``).

        Args:
            external_id: the id on the other site (``"tt0076759"``, a TheTVDB number ...).
            external_source: which site: ``imdb_id``, ``tvdb_id``, ``wikidata_id``,
                ``facebook_id``, ``instagram_id``, ``tiktok_id``, ``twitter_id``,
                ``youtube_id``.
            language: ``en-US`` style language; default: the client's.

        Returns:
            :class:`~tmdb_async.FindResults`: movies, TV series, people, episodes and
            seasons found (usually one item in one list).

        Raises:
            TMDBUsageError: an empty id, an unknown source, or an id whose form does not
                fit the source (``imdb_id`` is ``tt...``/``nm...``, ``tvdb_id`` digits,
                ``wikidata_id`` ``Q...``), before any I/O.

        See https://developer.themoviedb.org/reference/find-by-id
        """
        source = check_choice(external_source, "external_source", _SOURCES)
        if isinstance(external_id, int) and not isinstance(external_id, bool):
            external_id = str(external_id)
        if not isinstance(external_id, str) or not external_id.strip():
            raise TMDBUsageError("external_id must be a non-empty str")
        shape = _SHAPES.get(source)
        if shape is not None and not shape.fullmatch(external_id):
            raise TMDBUsageError(f"{external_id!r} is not a valid {source}")
        params: Params = {
            "external_source": source,
            "language": language_param(self._core, language),
        }
        return await self._core.request(
            "GET", f"/3/find/{segment(external_id)}", params=params, into=FindResults
        )
