"""Genre list model: ``GET /3/genre/movie/list`` and ``/3/genre/tv/list``."""

from __future__ import annotations

import attrs

from .common import Genre

__all__ = ["GenreList"]


@attrs.frozen(kw_only=True)
class GenreList:
    """The genre list (``GET /3/genre/movie/list``, ``/3/genre/tv/list``)."""

    genres: list[Genre] = attrs.Factory(list)
