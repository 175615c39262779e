"""Search operations (``tmdb.search``)."""

from __future__ import annotations

from tmdb_async import TMDBClient

from . import Call


async def _movie(tmdb: TMDBClient) -> object:
    return await tmdb.search.movie("alien", year=1979)


async def _tv(tmdb: TMDBClient) -> object:
    return await tmdb.search.tv("breaking bad")


async def _person(tmdb: TMDBClient) -> object:
    return await tmdb.search.person("cranston")


async def _multi(tmdb: TMDBClient) -> object:
    return await tmdb.search.multi("jobs")


async def _collection(tmdb: TMDBClient) -> object:
    return await tmdb.search.collection("star wars")


async def _company(tmdb: TMDBClient) -> object:
    return await tmdb.search.company("lucasfilm")


async def _keyword(tmdb: TMDBClient) -> object:
    return await tmdb.search.keyword("hero")


CALLS: dict[str, Call] = {
    "GET /3/search/movie": _movie,
    "GET /3/search/tv": _tv,
    "GET /3/search/person": _person,
    "GET /3/search/multi": _multi,
    "GET /3/search/collection": _collection,
    "GET /3/search/company": _company,
    "GET /3/search/keyword": _keyword,
}
