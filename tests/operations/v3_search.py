"""Search operations (``tmdb.search``)."""

from __future__ import annotations

from . import Call, Context


async def _movie(c: Context) -> object:
    return await c.tmdb.search.movie("alien", year=1979)


async def _tv(c: Context) -> object:
    return await c.tmdb.search.tv("breaking bad")


async def _person(c: Context) -> object:
    return await c.tmdb.search.person("cranston")


async def _multi(c: Context) -> object:
    return await c.tmdb.search.multi("jobs")


async def _collection(c: Context) -> object:
    return await c.tmdb.search.collection("star wars")


async def _company(c: Context) -> object:
    return await c.tmdb.search.company("lucasfilm")


async def _keyword(c: Context) -> object:
    return await c.tmdb.search.keyword("hero")


CALLS: dict[str, Call] = {
    "GET /3/search/movie": _movie,
    "GET /3/search/tv": _tv,
    "GET /3/search/person": _person,
    "GET /3/search/multi": _multi,
    "GET /3/search/collection": _collection,
    "GET /3/search/company": _company,
    "GET /3/search/keyword": _keyword,
}
