"""Every catalogue (non-user) v3 operation the sandbox serves, called once or more.

Used by ``test_sandbox_conformance`` (each answer is validated against the official
document's schema there) with real entities (Fight Club 550, Game of Thrones 1399 ...) and
filler ones (id 2, which is not a real TMDB id in the data).
"""

from __future__ import annotations

from typing import Any, Protocol

MOVIE_SUBS = (
    "alternative_titles", "changes", "credits", "external_ids", "images", "keywords", "lists",
    "recommendations", "release_dates", "reviews", "similar", "translations", "videos",
    "watch/providers",
)  # fmt: skip
TV_SUBS = (
    "aggregate_credits", "alternative_titles", "changes", "content_ratings", "credits",
    "episode_groups", "external_ids", "images", "keywords", "lists", "recommendations",
    "reviews", "screened_theatrically", "similar", "translations", "videos", "watch/providers",
)  # fmt: skip
SEASON_SUBS = (
    "aggregate_credits", "credits", "external_ids", "images", "translations", "videos",
    "watch/providers",
)  # fmt: skip
EPISODE_SUBS = ("credits", "external_ids", "images", "translations", "videos")
PERSON_SUBS = (
    "changes", "combined_credits", "external_ids", "images", "movie_credits", "tagged_images",
    "translations", "tv_credits",
)  # fmt: skip


class Caller(Protocol):
    """What the walk needs from the conformance checker."""

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        status: int = 200,
        code: int | None = None,
    ) -> Any: ...


async def walk_catalogue(c: Caller, filler_movie: int = 2, filler_tv: int = 2) -> None:
    """Call every catalogue operation (real and filler entities, errors included)."""
    # movies
    # 13 (Forrest Gump) is known from lists only: completed with generated fields.
    for movie_id in (550, 11, 19995, 13, filler_movie):
        for name in MOVIE_SUBS:
            await c.call("GET", f"/3/movie/{movie_id}/{name}")
    everything = ",".join(MOVIE_SUBS)
    full = await c.call("GET", "/3/movie/550", params={"append_to_response": everything})
    assert full["credits"]["cast"][0]["name"] == "Edward Norton"
    await c.call(
        "GET",
        "/3/movie/550",
        params={"append_to_response": ",".join(["videos"] * 21)},
        status=400,
        code=27,
    )
    for chart in ("popular", "top_rated", "now_playing", "upcoming", "latest", "changes"):
        await c.call("GET", f"/3/movie/{chart}")
    # tv
    for tv_id in (1399, 1396, 217, filler_tv):  # 217: known from lists only
        await c.call("GET", f"/3/tv/{tv_id}", params={"append_to_response": ",".join(TV_SUBS)})
        for name in TV_SUBS:
            await c.call("GET", f"/3/tv/{tv_id}/{name}")
        await c.call("GET", f"/3/tv/{tv_id}/season/1")
        for name in SEASON_SUBS:
            await c.call("GET", f"/3/tv/{tv_id}/season/1/{name}")
        await c.call("GET", f"/3/tv/{tv_id}/season/1/episode/1")
        for name in EPISODE_SUBS:
            await c.call("GET", f"/3/tv/{tv_id}/season/1/episode/1/{name}")
    await c.call("GET", "/3/tv/1399/season/99", status=404, code=34)
    for chart in ("popular", "top_rated", "on_the_air", "airing_today", "latest", "changes"):
        await c.call("GET", f"/3/tv/{chart}")
    await c.call("GET", "/3/tv/season/3624/changes")
    await c.call("GET", "/3/tv/episode/63056/changes")
    await c.call("GET", "/3/tv/episode_group/5acf93e60e0a26346d0000ce")
    # listed by Game of Thrones' recorded episode groups, built from its seasons
    await c.call("GET", "/3/tv/episode_group/5e9077d2e640d600151f32bd")
    await c.call("GET", "/3/tv/episode_group/000000000000000000000000", status=404, code=34)
    # people
    for person_id in (31, 62, 17419, 48, 2):  # 48: known from credits only
        await c.call("GET", f"/3/person/{person_id}")
        for name in PERSON_SUBS:
            await c.call("GET", f"/3/person/{person_id}/{name}")
    for chart in ("popular", "latest", "changes"):
        await c.call("GET", f"/3/person/{chart}")
    # entities
    for path in (
        "/3/collection/10",
        "/3/collection/10/images",
        "/3/collection/10/translations",
        "/3/company/1",
        "/3/company/1/alternative_names",
        "/3/company/1/images",
        "/3/company/25",
        "/3/company/25/images",
        "/3/network/49",
        "/3/network/49/alternative_names",
        "/3/network/49/images",
        "/3/network/174",
        "/3/network/174/images",
        "/3/keyword/1701",
        "/3/keyword/4152",
        "/3/keyword/1701/movies",
        "/3/credit/6024a814c0ae36003d59cc3c",
        "/3/credit/52fe4250c3a36847f80149f3",
        "/3/review/640b2aeecaaca20079decdcc",
    ):
        await c.call("GET", path)
    # configuration and lookups
    for path in (
        "/3/configuration/countries",
        "/3/configuration/jobs",
        "/3/configuration/languages",
        "/3/configuration/primary_translations",
        "/3/configuration/timezones",
        "/3/genre/movie/list",
        "/3/genre/tv/list",
        "/3/certification/movie/list",
        "/3/certification/tv/list",
        "/3/watch/providers/regions",
        "/3/watch/providers/movie",
        "/3/watch/providers/tv",
    ):
        await c.call("GET", path)
    # search, discover, find, trending
    for kind, query in (
        ("movie", "fight club"),
        ("tv", "breaking bad"),
        ("person", "bryan cranston"),
        ("multi", "star wars"),
        ("collection", "star wars"),
        ("company", "lucasfilm"),
        ("keyword", "woman"),
    ):
        await c.call("GET", f"/3/search/{kind}", params={"query": query})
    await c.call("GET", "/3/discover/movie", params={"with_genres": "18", "sort_by": "title.desc"})
    await c.call("GET", "/3/discover/tv", params={"with_networks": "49"})
    await c.call("GET", "/3/find/tt0137523", params={"external_source": "imdb_id"})
    await c.call("GET", "/3/find/121361", params={"external_source": "tvdb_id"})
    await c.call("GET", "/3/find/3254641", params={"external_source": "tvdb_id"})
    for media in ("all", "movie", "tv", "person"):
        await c.call("GET", f"/3/trending/{media}/day")
