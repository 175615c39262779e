"""A loopback TMDB answering every GET with one configured body (for tests that need
bodies larger than aioresponses can feed a response, or the real HTTP path)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web

from tests.conftest import READ_TOKEN
from tmdb_async import TMDBClient

__all__ = ["Served", "serve"]


class Served:
    """Answers every GET with ``status`` / ``body``; records each request's path and query."""

    def __init__(self) -> None:
        self.status = 200
        self.body: Any = {}
        self.paths: list[str] = []
        self.queries: list[dict[str, str]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.paths.append(request.path)
        self.queries.append(dict(request.query))
        assert request.headers["Authorization"] == f"Bearer {READ_TOKEN}"
        assert request.can_read_body is False
        return web.json_response(self.body, status=self.status)


@contextlib.asynccontextmanager
async def serve() -> AsyncIterator[tuple[TMDBClient, Served]]:
    """A :class:`Served` on 127.0.0.1 and a client (bearer token, no retries) pointed at it."""
    server = Served()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", server.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        async with TMDBClient(
            access_token=READ_TOKEN, base_url=f"http://127.0.0.1:{port}", retry=None
        ) as tmdb:
            yield tmdb, server
    finally:
        await runner.cleanup()
