"""The example web app as several worker processes sharing one Redis and one sandbox.

Each worker is ``python -m examples.webapp --redis ...`` in its own process, pointed at the
sandbox running in this test's loop through ``TMDB_*`` (as ``tmdb-async sandbox`` tells a
shell to). In Debian's Chromium (as test_browser.py): signed in through worker A, the
browser is recognised by worker B (cookies are not port-scoped), can rate there, signs out
there, and A no longer knows it; the TMDB session id is never in the cookie jar or a page.
Then the supervisor: ``--workers 2`` on one port, stopped by SIGTERM, and its workers
stopping by themselves when it is killed; and the same app under gunicorn's aiohttp worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
import redis.asyncio
from playwright.async_api import Page, expect

from examples.webapp.app import app_from_env, main
from tests.redis_server import free_port
from tests.webapp.helpers import (
    ROOT,
    app_process,
    chromium,
    fresh_page,
    login_csrf,
    stop_process,
    worker_env,
)
from tmdb_async.testing import Sandbox, SandboxRateLimit

TRAVIS = 548
STAR_WARS = 11
#: The whole of one scenario (s).
SCENARIO_S = 60.0


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    """One fake TMDB for every worker, in this loop (its state is inspected)."""
    async with Sandbox() as sb:
        yield sb


@pytest.fixture
async def page() -> AsyncIterator[Page]:
    """A page in a fresh Chromium context (own cookies), every wait bounded."""
    async with chromium() as browser, fresh_page(browser) as fresh:
        yield fresh


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def _gone(pids: list[int], seconds: float = 20.0) -> bool:
    """Whether every pid has exited within ``seconds`` (polled: they are not our children)."""
    for _ in range(int(seconds * 10)):
        if not any(_alive(p) for p in pids):
            return True
        await asyncio.sleep(0.1)
    return False


async def _sign_in_over_fresh_connections(url: str, sandbox: Sandbox) -> None:
    """A whole sign-in at ``url``, then pages; a new connection for every request, so that
    each may reach any worker behind the address."""
    timeout = aiohttp.ClientTimeout(total=15)
    async with aiohttp.ClientSession(
        cookie_jar=aiohttp.CookieJar(unsafe=True),
        timeout=timeout,
        connector=aiohttp.TCPConnector(force_close=True),
    ) as http:
        form = {"csrf": await login_csrf(http, url)}
        async with http.post(f"{url}/login", data=form, allow_redirects=False) as resp:
            assert resp.status == 303
            token = resp.headers["Location"].split("?")[0].rsplit("/", 1)[1]
        sandbox.approve(token)
        async with http.get(f"{url}/callback?request_token={token}&approved=true") as resp:
            assert resp.status == 200
            assert "<strong id='account-name'>Travis Bell</strong>" in await resp.text()
        for _ in range(6):
            async with http.get(f"{url}/") as resp:
                assert resp.status == 200
                assert "<strong id='account-name'>Travis Bell</strong>" in await resp.text()


async def _budget_in(redis_url: str) -> bool:
    """Whether TMDB requests drew on the shared budget in Redis (its bucket key exists)."""
    shared = redis.asyncio.Redis.from_url(redis_url, decode_responses=True)
    try:
        return bool(await shared.exists("tmdb_async:bucket"))
    finally:
        await shared.aclose()


async def test_signed_in_on_one_worker_process_recognised_by_another_in_chromium(
    page: Page, sandbox: Sandbox, redis_url: str
) -> None:
    env = worker_env(sandbox, redis_url)
    async with (
        app_process(env, "--port", "0") as a,
        app_process(env, "--port", "0") as b,
    ):
        assert a.url != b.url

        async def scenario() -> None:
            # Sign in through A, approving on the sandbox's TMDB page.
            await page.goto(a.url + "/")
            await page.click("#sign-in")
            await page.wait_for_url(f"{sandbox.website_url}/authenticate/**")
            assert f"redirect_to={a.url}/callback" in page.url
            await page.get_by_role("button", name="Approve").click()
            await page.wait_for_url(a.url + "/")
            await expect(page.locator("#account-name")).to_have_text("Travis Bell")
            (session_id,) = sandbox.state.sessions

            # Worker B: the same browser, the same user, who can rate there.
            await page.goto(f"{b.url}/?q=Star+Wars")
            await expect(page.locator("#account-name")).to_have_text("Travis Bell")
            hit = page.locator(f"#results li[data-movie-id='{STAR_WARS}']")
            await hit.locator("input[name=value]").fill("9")
            await hit.get_by_role("button", name="Rate").click()
            await expect(hit.locator(".rating")).to_have_text("Your rating: 9")
            assert sandbox.state.accounts[TRAVIS].ratings.movies[STAR_WARS][0] == 9.0
            rated = sandbox.requests_to(f"/3/movie/{STAR_WARS}/rating", "POST")
            assert [r.query.get("session_id") for r in rated] == [session_id]

            # The TMDB session id is nowhere in the browser: cookies, A's and B's pages.
            cookies = await page.context.cookies()
            assert [c["name"] for c in cookies if c["name"] == "webapp_session"] == [
                "webapp_session"
            ]
            assert all(session_id not in str(c.get("value")) for c in cookies)
            assert session_id not in await page.content()
            await page.goto(a.url + "/")
            await expect(page.locator("#account-name")).to_have_text("Travis Bell")
            assert session_id not in await page.content()

            # Sign out on B: TMDB's session ends, and A no longer recognises the browser.
            await page.goto(b.url + "/")
            await page.click("#sign-out")
            await expect(page.locator("#notice")).to_have_text("You are signed out.")
            assert sandbox.state.sessions == {}
            await page.goto(a.url + "/")
            await expect(page.locator("#sign-in")).to_be_visible()
            assert await page.locator("#account-name").count() == 0

        await asyncio.wait_for(scenario(), SCENARIO_S)
        assert await stop_process(a.process) == 0  # SIGTERM: a clean stop
        assert await stop_process(b.process) == 0


async def test_workers_flag_serves_one_port_and_sigterm_stops_every_worker(
    sandbox: Sandbox, redis_url: str
) -> None:
    env = worker_env(sandbox)
    env["WEBAPP_REDIS_URL"] = redis_url
    async with app_process(env, "--workers", "2", "--port", "0") as running:
        found = re.search(r"\(2 workers, pids (\d+), (\d+); sessions in Redis", running.line)
        assert found is not None, running.line
        pids = [int(found[1]), int(found[2])]
        assert all(_alive(p) for p in pids)
        assert redis_url not in running.line

        for _ in range(2):
            await _sign_in_over_fresh_connections(running.url, sandbox)
        assert len(sandbox.state.sessions) == 2
        assert await _budget_in(redis_url)

        running.process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(running.process.wait(), 30) == 0
        assert await _gone(pids)


async def test_workers_stop_by_themselves_when_the_supervisor_is_killed(
    sandbox: Sandbox, redis_url: str
) -> None:
    env = worker_env(sandbox, redis_url)
    async with app_process(env, "--workers", "2", "--port", "0") as running:
        found = re.search(r"pids (\d+), (\d+);", running.line)
        assert found is not None, running.line
        running.process.kill()
        await running.process.wait()
        assert await _gone([int(found[1]), int(found[2])])


async def test_several_workers_need_redis() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMDB_", "WEBAPP_"))}
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "examples.webapp",
        "--workers",
        "3",
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(child.communicate(), 60)
    assert child.returncode == 2
    assert out == b""
    assert "--workers above 1 needs --redis" in err.decode()


async def test_under_gunicorns_aiohttp_worker(
    sandbox: Sandbox, redis_url: str, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**worker_env(sandbox, redis_url), "WEBAPP_WORKERS": "2"}
    with (tmp_path / "gunicorn.log").open("wb") as log:
        server = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "gunicorn",
            "examples.webapp.app:app_from_env",
            "--worker-class",
            "aiohttp.GunicornWebWorker",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--graceful-timeout",
            "5",
            cwd=ROOT,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
        try:
            assert await _answers(url), (tmp_path / "gunicorn.log").read_text()
            for _ in range(2):
                await _sign_in_over_fresh_connections(url, sandbox)
            assert len(sandbox.state.sessions) == 2
            assert await _budget_in(redis_url)
            server.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(server.wait(), 30) == 0
        finally:
            await stop_process(server)
    assert "Traceback" not in (tmp_path / "gunicorn.log").read_text()


async def _answers(url: str, seconds: float = 60.0) -> bool:
    """Whether ``url`` answers 200 within ``seconds`` (the server starting up)."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as http:
        for _ in range(int(seconds * 5)):
            with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                async with http.get(f"{url}/") as resp:
                    if resp.status == 200:
                        return True
            await asyncio.sleep(0.2)
    return False


async def test_app_from_env_refuses_what_cannot_work(
    monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox
) -> None:
    for name in ("TMDB_ACCESS_TOKEN", "TMDB_API_KEY", "WEBAPP_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WEBAPP_WORKERS", "2")
    with pytest.raises(RuntimeError, match="needs WEBAPP_REDIS_URL"):
        await app_from_env()
    monkeypatch.setenv("WEBAPP_WORKERS", "two")
    with pytest.raises(RuntimeError, match="WEBAPP_WORKERS must be"):
        await app_from_env()
    monkeypatch.setenv("WEBAPP_WORKERS", "1")
    for rate in ("0", "fast"):
        monkeypatch.setenv("WEBAPP_TMDB_RATE", rate)
        with pytest.raises(RuntimeError, match="WEBAPP_TMDB_RATE must be"):
            await app_from_env()
    monkeypatch.delenv("WEBAPP_TMDB_RATE")
    with pytest.raises(RuntimeError, match="set TMDB_ACCESS_TOKEN or TMDB_API_KEY"):
        await app_from_env()


async def test_a_port_taken_by_another_program_is_a_clear_error(
    sandbox: Sandbox, redis_url: str
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "examples.webapp",
            "--workers",
            "2",
            "--port",
            str(port),
            cwd=ROOT,
            env=worker_env(sandbox, redis_url),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(child.communicate(), 60)
    assert child.returncode == 1
    assert out == b""
    assert f"Cannot listen on 127.0.0.1:{port}: Address already in use" in err.decode()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--workers", "0"], "--workers must be from 1 to 64"),
        (["--workers", "65", "--redis", "redis://127.0.0.1:1/0"], "--workers must be from 1 to 64"),
        (["--tmdb-connections", "21"], "--tmdb-connections must be from 1 to 20"),
        (["--tmdb-connections", "0"], "--tmdb-connections must be from 1 to 20"),
        (["--tmdb-rate", "0"], "--tmdb-rate must be from 0.1 to 1000"),
        (["--tmdb-rate", "fast"], "argument --tmdb-rate: invalid float value: 'fast'"),
    ],
)
def test_bad_worker_options_are_refused_before_anything_starts(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


async def test_two_workers_keep_to_one_budget_so_tmdb_answers_no_429(redis_url: str) -> None:
    # The sandbox refuses a 17th request within any one second from one address. Each
    # worker alone may send 8 a second (burst 2), so two with budgets of their own would
    # send up to 20 in the first second; sharing one, they send at most 10.
    limit = SandboxRateLimit(requests_per_second=16)
    async with Sandbox(rate_limit=limit) as sandbox:
        env = worker_env(sandbox, redis_url)
        options = ["--port", "0", "--tmdb-rate", "8", "--budget-processes", "2"]
        options += ["--tmdb-connections", "10"]
        async with (
            app_process(env, *options) as a,
            app_process(env, *options) as b,
            aiohttp.ClientSession(
                cookie_jar=aiohttp.CookieJar(unsafe=True),
                timeout=aiohttp.ClientTimeout(total=SCENARIO_S),
            ) as http,
        ):
            form = {"csrf": await login_csrf(http, a.url)}
            async with http.post(f"{a.url}/login", data=form, allow_redirects=False) as r:
                token = r.headers["Location"].split("?")[0].rsplit("/", 1)[1]
            sandbox.approve(token)
            async with http.get(f"{a.url}/callback?request_token={token}&approved=true"):
                pass

            async def search(url: str) -> tuple[int, str]:
                async with http.get(f"{url}/?q=Star+Wars") as resp:
                    return resp.status, await resp.text()

            pages = await asyncio.wait_for(
                asyncio.gather(*(search(w.url) for w in (a, b) for _ in range(10))),
                SCENARIO_S,
            )
        assert [status for status, _ in pages] == [200] * 20
        assert all("<strong id='account-name'>Travis Bell</strong>" in p for _, p in pages)
        api = [r for r in sandbox.requests if r.path.startswith("/3/")]
        assert len(api) >= 60  # 20 pages of 3 reads at least: the demand outran the budget
        assert [r.status for r in api if r.status == 429] == []
