"""``tmdb-async sandbox`` as another language's client sees it: a separate process on a port.

The command runs as a subprocess; plain HTTP requests (no SDK) check that it serves the v3
and v4 user API, the images behind the URLs it hands out, its rate limit and its options.
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp

from tmdb_async.testing import DEFAULT_ACCESS_TOKEN

BEARER = {"Authorization": f"Bearer {DEFAULT_ACCESS_TOKEN}"}


@asynccontextmanager
async def standalone(*options: str) -> AsyncIterator[str]:
    """Run ``tmdb-async sandbox --port 0 OPTIONS``; yields its base URL."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tmdb_async",
        "sandbox",
        "--port",
        "0",
        *options,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), timeout=30)
        found = re.search(r"on (http://127\.0\.0\.1:\d+)", line.decode())
        assert found is not None, line
        yield found.group(1)
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), timeout=10)


async def _json(resp: aiohttp.ClientResponse) -> tuple[int, object]:
    return resp.status, await resp.json()


async def test_the_standalone_sandbox_serves_users_lists_v4_and_images() -> None:
    async with standalone("--documented-list-delete") as base, aiohttp.ClientSession() as http:
        # a user logs in with a password (a seeded user), rates, makes a list
        status, token = await _json(
            await http.get(f"{base}/3/authentication/token/new", headers=BEARER)
        )
        assert status == 200
        assert isinstance(token, dict)
        login = {
            "username": "travisbell",
            "password": "sandbox-password",
            "request_token": token["request_token"],
        }
        url = f"{base}/3/authentication/token/validate_with_login"
        assert (await http.post(url, json=login, headers=BEARER)).status == 200
        status, session = await _json(
            await http.post(
                f"{base}/3/authentication/session/new",
                json={"request_token": token["request_token"]},
                headers=BEARER,
            )
        )
        assert isinstance(session, dict)
        user = {"session_id": session["session_id"]}
        status, rated = await _json(
            await http.post(
                f"{base}/3/movie/550/rating", params=user, json={"value": 9}, headers=BEARER
            )
        )
        assert (status, rated) == (
            201,
            {"success": True, "status_code": 1, "status_message": "Success."},
        )
        status, made = await _json(
            await http.post(f"{base}/3/list", params=user, json={"name": "Mine"}, headers=BEARER)
        )
        assert status == 201
        assert isinstance(made, dict)
        # the documented answer to a delete, as asked on the command line
        status, deleted = await _json(
            await http.delete(f"{base}/3/list/{made['list_id']}", params=user, headers=BEARER)
        )
        assert (status, deleted) == (
            200,
            {
                "success": True,
                "status_code": 13,
                "status_message": "The item/record was deleted successfully.",
            },
        )
        # v4 needs a user token: the read token may not write
        status, refused = await _json(
            await http.post(f"{base}/4/list", json={"name": "x", "iso_639_1": "en"}, headers=BEARER)
        )
        assert status == 401
        assert isinstance(refused, dict)
        assert refused["status_code"] == 36
        # the images behind /configuration's URLs
        status, config = await _json(await http.get(f"{base}/3/configuration", headers=BEARER))
        assert isinstance(config, dict)
        status, movie = await _json(await http.get(f"{base}/3/movie/11", headers=BEARER))
        assert isinstance(movie, dict)
        poster = f"{config['images']['secure_base_url']}w92{movie['poster_path']}"
        async with http.get(poster) as image:
            assert (image.status, image.content_type) == (200, "image/png")
            assert (await image.read())[:8] == b"\x89PNG\r\n\x1a\n"


async def test_the_standalone_sandbox_rate_limits_per_client() -> None:
    async with standalone("--rate-limit", "3") as base, aiohttp.ClientSession() as http:
        statuses = []
        for _ in range(6):
            async with http.get(f"{base}/3/authentication", headers=BEARER) as resp:
                statuses.append(resp.status)
                if resp.status == 429:
                    body = await resp.json()
                    assert body["status_code"] == 25
                    assert resp.headers["Retry-After"] == "1"
        assert statuses[:3] == [200, 200, 200]
        assert 429 in statuses[3:]
