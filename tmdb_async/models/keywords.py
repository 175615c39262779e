"""Keyword models: ``GET /3/keyword/{keyword_id}/movies`` (details are a
:class:`~tmdb_async.Keyword`)."""

from __future__ import annotations

import attrs

from .common import Page
from .movie import MovieSummary

__all__ = ["KeywordMovies"]


@attrs.frozen(kw_only=True)
class KeywordMovies(Page[MovieSummary]):
    """A page of the movies tagged with a keyword; ``id`` is the keyword's."""

    id: int | None = None
