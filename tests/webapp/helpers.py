"""Run the example web app (examples/webapp) against a sandbox: in this loop on a free
loopback port, or as its own process (``python -m examples.webapp``); drive Chromium."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sys
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any

import aiohttp
import attrs
import pytest
from aiohttp import web
from playwright.async_api import Browser, BrowserContext, Page, async_playwright

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


# --------------------------------------------------------------------------- processes

ROOT = Path(__file__).resolve().parents[2]
_URL = re.compile(r"open (http://127\.0\.0\.1:\d+)/")
#: How long a worker process may take to print its URL.
START_S = 60.0


def worker_env(sandbox: Sandbox, redis_url: str | None = None) -> dict[str, str]:
    """The environment of an app process pointed at ``sandbox`` (and Redis, if given)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMDB_", "WEBAPP_"))}
    env.update(
        TMDB_ACCESS_TOKEN=sandbox.access_token,
        TMDB_BASE_URL=sandbox.base_url,
        TMDB_WEBSITE_URL=sandbox.website_url,
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
    )
    if redis_url is not None:
        env["WEBAPP_REDIS_URL"] = redis_url
    return env


@attrs.frozen
class AppProcess:
    """``python -m examples.webapp ...`` running: its process, its URL and first line."""

    process: asyncio.subprocess.Process
    url: str
    line: str


async def stop_process(process: asyncio.subprocess.Process) -> int:
    """SIGTERM, then SIGKILL after 15 s; the exit status."""
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 15)
        except TimeoutError:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode


@contextlib.asynccontextmanager
async def app_process(env: dict[str, str], *args: str) -> AsyncIterator[AppProcess]:
    """Start ``python -m examples.webapp *args`` and wait for its URL; stop it after."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "examples.webapp",
        *args,
        cwd=ROOT,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    try:
        line = (await asyncio.wait_for(process.stdout.readline(), START_S)).decode()
        found = _URL.search(line)
        assert found is not None, line
        drain = asyncio.ensure_future(process.stdout.read())
        try:
            yield AppProcess(process, found[1], line)
        finally:
            drain.cancel()
    finally:
        await stop_process(process)


# --------------------------------------------------------------------------- chromium

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Every single browser wait (ms).
STEP_MS = 15_000


@contextlib.asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """Debian's headless Chromium; a clear failure (not a skip) when it is missing."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests need Debian's chromium "
            "(apt-get install -y chromium chromium-driver; .ci/run installs it)",
            pytrace=False,
        )
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=STEP_MS * 2
        )
        try:
            yield browser
        finally:
            await browser.close()


@contextlib.asynccontextmanager
async def fresh_page(browser: Browser) -> AsyncIterator[Page]:
    """A page in a fresh browser context (own cookies), every wait bounded by STEP_MS."""
    context: BrowserContext = await browser.new_context()
    context.set_default_timeout(STEP_MS)
    context.set_default_navigation_timeout(STEP_MS)
    try:
        yield await context.new_page()
    finally:
        await context.close()
