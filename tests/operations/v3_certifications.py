"""Certification operations (``tmdb.certifications``)."""

from __future__ import annotations

from . import Call, Context


async def _movie(c: Context) -> object:
    return await c.tmdb.certifications.movie()


async def _tv(c: Context) -> object:
    return await c.tmdb.certifications.tv()


CALLS: dict[str, Call] = {
    "GET /3/certification/movie/list": _movie,
    "GET /3/certification/tv/list": _tv,
}
