"""Run the example web app (examples/webapp) on a free loopback port against a sandbox."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import attrs
from aiohttp import web

from examples.webapp.app import STORE, TMDB, SessionStore, create_app
from tmdb_async import TMDBClient
from tmdb_async.testing import Sandbox


@attrs.frozen
class RunningApp:
    """The example app serving on ``url`` (``http://127.0.0.1:PORT``)."""

    app: web.Application
    url: str

    @property
    def tmdb(self) -> TMDBClient:
        """The app's one TMDB client."""
        return self.app[TMDB]

    @property
    def store(self) -> SessionStore:
        """The app's browser-session store."""
        return self.app[STORE]


@contextlib.asynccontextmanager
async def running_app(
    sandbox: Sandbox, *, public_url: str | None = None, **client_kwargs: Any
) -> AsyncIterator[RunningApp]:
    """Start the app on 127.0.0.1 (a free port) with one client pointed at ``sandbox``."""
    app = create_app(lambda: sandbox.client(**client_kwargs), public_url=public_url)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = int(runner.addresses[0][1])
        yield RunningApp(app, f"http://127.0.0.1:{port}")
    finally:
        await runner.cleanup()
