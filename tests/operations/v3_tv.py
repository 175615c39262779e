"""TV operations: series (``tmdb.tv``), seasons (``tmdb.tv.seasons``), episodes
(``tmdb.tv.episodes``) and episode groups.

The account-state and rating calls belong to the user views; ``GET /3/tv/changes`` to the
changes lists.
"""

from __future__ import annotations

import datetime as dt

from . import Call, Context

SERIES = 1396
SEASON_PATH = "/3/tv/{series_id}/season/{season_number}"
EPISODE_PATH = SEASON_PATH + "/episode/{episode_number}"


async def _details(c: Context) -> object:
    return await c.tmdb.tv.details(SERIES)


async def _latest(c: Context) -> object:
    return await c.tmdb.tv.latest()


async def _airing_today(c: Context) -> object:
    return await c.tmdb.tv.airing_today()


async def _on_the_air(c: Context) -> object:
    return await c.tmdb.tv.on_the_air()


async def _popular(c: Context) -> object:
    return await c.tmdb.tv.popular()


async def _top_rated(c: Context) -> object:
    return await c.tmdb.tv.top_rated()


async def _aggregate_credits(c: Context) -> object:
    return await c.tmdb.tv.aggregate_credits(SERIES)


async def _alternative_titles(c: Context) -> object:
    return await c.tmdb.tv.alternative_titles(SERIES)


async def _changes(c: Context) -> object:
    return await c.tmdb.tv.changes(SERIES, start_date=dt.date(2024, 1, 1))


async def _content_ratings(c: Context) -> object:
    return await c.tmdb.tv.content_ratings(SERIES)


async def _credits(c: Context) -> object:
    return await c.tmdb.tv.credits(SERIES)


async def _episode_groups(c: Context) -> object:
    return await c.tmdb.tv.episode_groups(SERIES)


async def _episode_group(c: Context) -> object:
    return await c.tmdb.tv.episode_group("5acf93e60e0a26346d0000ce")


async def _external_ids(c: Context) -> object:
    return await c.tmdb.tv.external_ids(SERIES)


async def _images(c: Context) -> object:
    return await c.tmdb.tv.images(SERIES)


async def _keywords(c: Context) -> object:
    return await c.tmdb.tv.keywords(SERIES)


async def _lists(c: Context) -> object:
    return await c.tmdb.tv.lists(SERIES)


async def _recommendations(c: Context) -> object:
    return await c.tmdb.tv.recommendations(SERIES)


async def _reviews(c: Context) -> object:
    return await c.tmdb.tv.reviews(SERIES)


async def _screened_theatrically(c: Context) -> object:
    return await c.tmdb.tv.screened_theatrically(SERIES)


async def _similar(c: Context) -> object:
    return await c.tmdb.tv.similar(SERIES)


async def _translations(c: Context) -> object:
    return await c.tmdb.tv.translations(SERIES)


async def _videos(c: Context) -> object:
    return await c.tmdb.tv.videos(SERIES, include_video_language=["en", "null"])


async def _watch_providers(c: Context) -> object:
    return await c.tmdb.tv.watch_providers(SERIES)


async def _season(c: Context) -> object:
    return await c.tmdb.tv.seasons.details(SERIES, 1)


async def _season_aggregate_credits(c: Context) -> object:
    return await c.tmdb.tv.seasons.aggregate_credits(SERIES, 1)


async def _season_credits(c: Context) -> object:
    return await c.tmdb.tv.seasons.credits(SERIES, 1)


async def _season_external_ids(c: Context) -> object:
    return await c.tmdb.tv.seasons.external_ids(SERIES, 1)


async def _season_images(c: Context) -> object:
    return await c.tmdb.tv.seasons.images(SERIES, 1)


async def _season_translations(c: Context) -> object:
    return await c.tmdb.tv.seasons.translations(SERIES, 1)


async def _season_videos(c: Context) -> object:
    return await c.tmdb.tv.seasons.videos(SERIES, 1)


async def _season_watch_providers(c: Context) -> object:
    return await c.tmdb.tv.seasons.watch_providers(SERIES, 1)


async def _season_changes(c: Context) -> object:
    return await c.tmdb.tv.seasons.changes(3572)


async def _episode(c: Context) -> object:
    return await c.tmdb.tv.episodes.details(SERIES, 1, 1)


async def _episode_credits(c: Context) -> object:
    return await c.tmdb.tv.episodes.credits(SERIES, 1, 1)


async def _episode_external_ids(c: Context) -> object:
    return await c.tmdb.tv.episodes.external_ids(SERIES, 1, 1)


async def _episode_images(c: Context) -> object:
    return await c.tmdb.tv.episodes.images(SERIES, 1, 1)


async def _episode_translations(c: Context) -> object:
    return await c.tmdb.tv.episodes.translations(SERIES, 1, 1)


async def _episode_videos(c: Context) -> object:
    return await c.tmdb.tv.episodes.videos(SERIES, 1, 1)


async def _episode_changes(c: Context) -> object:
    return await c.tmdb.tv.episodes.changes(62085)


CALLS: dict[str, Call] = {
    "GET /3/tv/{series_id}": _details,
    "GET /3/tv/latest": _latest,
    "GET /3/tv/airing_today": _airing_today,
    "GET /3/tv/on_the_air": _on_the_air,
    "GET /3/tv/popular": _popular,
    "GET /3/tv/top_rated": _top_rated,
    "GET /3/tv/{series_id}/aggregate_credits": _aggregate_credits,
    "GET /3/tv/{series_id}/alternative_titles": _alternative_titles,
    "GET /3/tv/{series_id}/changes": _changes,
    "GET /3/tv/{series_id}/content_ratings": _content_ratings,
    "GET /3/tv/{series_id}/credits": _credits,
    "GET /3/tv/{series_id}/episode_groups": _episode_groups,
    "GET /3/tv/episode_group/{tv_episode_group_id}": _episode_group,
    "GET /3/tv/{series_id}/external_ids": _external_ids,
    "GET /3/tv/{series_id}/images": _images,
    "GET /3/tv/{series_id}/keywords": _keywords,
    "GET /3/tv/{series_id}/lists": _lists,
    "GET /3/tv/{series_id}/recommendations": _recommendations,
    "GET /3/tv/{series_id}/reviews": _reviews,
    "GET /3/tv/{series_id}/screened_theatrically": _screened_theatrically,
    "GET /3/tv/{series_id}/similar": _similar,
    "GET /3/tv/{series_id}/translations": _translations,
    "GET /3/tv/{series_id}/videos": _videos,
    "GET /3/tv/{series_id}/watch/providers": _watch_providers,
    f"GET {SEASON_PATH}": _season,
    f"GET {SEASON_PATH}/aggregate_credits": _season_aggregate_credits,
    f"GET {SEASON_PATH}/credits": _season_credits,
    f"GET {SEASON_PATH}/external_ids": _season_external_ids,
    f"GET {SEASON_PATH}/images": _season_images,
    f"GET {SEASON_PATH}/translations": _season_translations,
    f"GET {SEASON_PATH}/videos": _season_videos,
    f"GET {SEASON_PATH}/watch/providers": _season_watch_providers,
    "GET /3/tv/season/{season_id}/changes": _season_changes,
    f"GET {EPISODE_PATH}": _episode,
    f"GET {EPISODE_PATH}/credits": _episode_credits,
    f"GET {EPISODE_PATH}/external_ids": _episode_external_ids,
    f"GET {EPISODE_PATH}/images": _episode_images,
    f"GET {EPISODE_PATH}/translations": _episode_translations,
    f"GET {EPISODE_PATH}/videos": _episode_videos,
    "GET /3/tv/episode/{episode_id}/changes": _episode_changes,
}
