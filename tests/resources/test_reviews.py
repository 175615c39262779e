"""``tmdb.reviews``: details: the exact request and the exact model."""

from __future__ import annotations

import datetime as dt

from tests.catalogue_helpers import check_get
from tests.conftest import load
from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    ReviewAuthor,
    ReviewDetails,
    TMDBClient,
)

UTC = dt.timezone.utc


REC = "recorded/tmdblib"


async def test_review_details(tmdb_local: TMDBClient, tmdb_server: TMDBServer) -> None:
    body = load(f"{REC}/review-details-5010553819c2952d1b000451.200.json")
    tmdb_server.get("/3/review/5010553819c2952d1b000451", payload=body)
    review = await tmdb_local.reviews.details("5010553819c2952d1b000451")
    check_get(tmdb_server, "/3/review/5010553819c2952d1b000451")
    assert review == ReviewDetails(
        id="5010553819c2952d1b000451",
        author="Travis Bell",
        author_details=ReviewAuthor(
            name="Travis Bell",
            username="travisbell",
            avatar_path="/xy44UvpbTgzs9kWmp4C3fEaCl5h.png",
            rating=9.0,
        ),
        content=body["content"],
        created_at=dt.datetime(2012, 7, 25, 20, 21, 12, tzinfo=UTC),
        updated_at=dt.datetime(2021, 6, 23, 15, 57, 17, tzinfo=UTC),
        url="https://www.themoviedb.org/review/5010553819c2952d1b000451",
        iso_639_1="en",
        media_id=49026,
        media_title="The Dark Knight Rises",
        media_type="movie",
    )
