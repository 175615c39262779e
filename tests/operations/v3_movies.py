"""Movie operations (``tmdb.movies``).

``account_states`` and the rating calls belong to the user views (``v3_user`` areas), and
``GET /3/movie/changes`` to the changes lists.
"""

from __future__ import annotations

import datetime as dt

from tests.conftest import load

from . import Call, Context

MOVIE = 550


async def _details(c: Context) -> object:
    return await c.tmdb.movies.details(MOVIE)


async def _credits(c: Context) -> object:
    return await c.tmdb.movies.credits(MOVIE)


async def _latest(c: Context) -> object:
    return await c.tmdb.movies.latest()


async def _now_playing(c: Context) -> object:
    return await c.tmdb.movies.now_playing(region="US")


async def _popular(c: Context) -> object:
    return await c.tmdb.movies.popular(page=2)


async def _top_rated(c: Context) -> object:
    return await c.tmdb.movies.top_rated()


async def _upcoming(c: Context) -> object:
    return await c.tmdb.movies.upcoming()


async def _alternative_titles(c: Context) -> object:
    return await c.tmdb.movies.alternative_titles(MOVIE, country="US")


async def _changes(c: Context) -> object:
    return await c.tmdb.movies.changes(MOVIE, start_date=dt.date(2024, 1, 1))


async def _external_ids(c: Context) -> object:
    return await c.tmdb.movies.external_ids(MOVIE)


async def _images(c: Context) -> object:
    return await c.tmdb.movies.images(MOVIE, include_image_language=["en", "null"])


async def _keywords(c: Context) -> object:
    return await c.tmdb.movies.keywords(MOVIE)


async def _lists(c: Context) -> object:
    return await c.tmdb.movies.lists(MOVIE)


async def _recommendations(c: Context) -> object:
    return await c.tmdb.movies.recommendations(MOVIE)


async def _release_dates(c: Context) -> object:
    return await c.tmdb.movies.release_dates(MOVIE)


async def _reviews(c: Context) -> object:
    return await c.tmdb.movies.reviews(MOVIE)


async def _similar(c: Context) -> object:
    return await c.tmdb.movies.similar(MOVIE)


async def _translations(c: Context) -> object:
    return await c.tmdb.movies.translations(MOVIE)


async def _videos(c: Context) -> object:
    return await c.tmdb.movies.videos(MOVIE)


async def _watch_providers(c: Context) -> object:
    return await c.tmdb.movies.watch_providers(MOVIE)


CALLS: dict[str, Call] = {
    "GET /3/movie/{movie_id}": _details,
    "GET /3/movie/{movie_id}/credits": _credits,
    "GET /3/movie/latest": _latest,
    "GET /3/movie/now_playing": _now_playing,
    "GET /3/movie/popular": _popular,
    "GET /3/movie/top_rated": _top_rated,
    "GET /3/movie/upcoming": _upcoming,
    "GET /3/movie/{movie_id}/alternative_titles": _alternative_titles,
    "GET /3/movie/{movie_id}/changes": _changes,
    "GET /3/movie/{movie_id}/external_ids": _external_ids,
    "GET /3/movie/{movie_id}/images": _images,
    "GET /3/movie/{movie_id}/keywords": _keywords,
    "GET /3/movie/{movie_id}/lists": _lists,
    "GET /3/movie/{movie_id}/recommendations": _recommendations,
    "GET /3/movie/{movie_id}/release_dates": _release_dates,
    "GET /3/movie/{movie_id}/reviews": _reviews,
    "GET /3/movie/{movie_id}/similar": _similar,
    "GET /3/movie/{movie_id}/translations": _translations,
    "GET /3/movie/{movie_id}/videos": _videos,
    "GET /3/movie/{movie_id}/watch/providers": _watch_providers,
}

#: The official example of recommendations is ``{}``: answer with a recorded page instead.
ANSWERS: dict[str, tuple[int, object]] = {
    "GET /3/movie/{movie_id}/recommendations": (
        200,
        load("recorded/tmdblib/movie-recommendations-47964.200.json"),
    ),
}
