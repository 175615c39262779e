"""Certification operations (``tmdb.certifications``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _movie(tmdb: TMDBClient) -> object:
    return await tmdb.certifications.movie()


async def _tv(tmdb: TMDBClient) -> object:
    return await tmdb.certifications.tv()


CALLS: dict[str, Call] = {
    "GET /3/certification/movie/list": _movie,
    "GET /3/certification/tv/list": _tv,
}
