"""Run the example web app (examples/webapp) on a free loopback port against a sandbox."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Iterable
from typing import Any

import aiohttp
import attrs
from aiohttp import web

from examples.webapp.app import STORE, TMDB, BrowserStore, LoginLimiter, SessionStore, create_app
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
        """The app's in-memory browser-session store (the default)."""
        store = self.app[STORE]
        assert isinstance(store, SessionStore)
        return store


@contextlib.asynccontextmanager
async def running_app(
    sandbox: Sandbox,
    *,
    public_url: str | None = None,
    allowed_hosts: Iterable[str] = (),
    store: BrowserStore | None = None,
    login_limiter: LoginLimiter | None = None,
    **client_kwargs: Any,
) -> AsyncIterator[RunningApp]:
    """Start the app on 127.0.0.1 (a free port) with one client pointed at ``sandbox``."""
    app = create_app(
        lambda: sandbox.client(**client_kwargs),
        public_url=public_url,
        allowed_hosts=allowed_hosts,
        store=store,
        login_limiter=login_limiter,
    )
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = int(runner.addresses[0][1])
        yield RunningApp(app, f"http://127.0.0.1:{port}")
    finally:
        await runner.cleanup()


_LOGIN_CSRF = re.compile(r"action='/login'><input type='hidden' name='csrf' value='([0-9a-f]+)'>")


async def login_csrf(http: aiohttp.ClientSession, url: str) -> str:
    """Open the start page as a signed-out browser; the sign-in form's CSRF token.

    The page also sets the login cookie the token is bound to (in ``http``'s jar).
    """
    async with http.get(f"{url}/") as resp:
        assert resp.status == 200
        page = await resp.text()
    (csrf,) = _LOGIN_CSRF.findall(page)
    return str(csrf)
