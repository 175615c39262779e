"""The one request loop (Core.request): what happens between attempts."""

from __future__ import annotations

import pytest

from tests.conftest import READ_TOKEN
from tests.loopback_tmdb import TMDBServer
from tmdb_async import ClientClosedError, TMDBClient

API = "https://api.themoviedb.org"


async def test_a_client_closed_during_a_retry_wait_stops_the_retries(
    tmdb_server: TMDBServer,
) -> None:
    clients: list[TMDBClient] = []
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        await clients[0].close()

    tmdb_server.get("/3/genre/movie/list", status=500, payload={"status_code": 11}, repeat=True)
    async with TMDBClient(
        access_token=READ_TOKEN, base_url=tmdb_server.base_url, sleep=sleep, rate_limit=None
    ) as tmdb:
        clients.append(tmdb)
        with pytest.raises(ClientClosedError, match="closed"):
            await tmdb.request_json("GET", "/3/genre/movie/list")
    assert len(waits) == 1
    assert len(tmdb_server.calls()) == 1  # no attempt after the close
