"""The sandbox's cache headers: TMDB's ``Cache-Control``/``ETag`` on public GETs, 304s."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from tmdb_async.testing import Sandbox


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(movie_count=20, tv_count=5, person_count=5) as sb:
        yield sb


async def test_public_gets_carry_cache_headers_and_answer_if_none_match(sandbox: Sandbox) -> None:
    auth = {"Authorization": f"Bearer {sandbox.access_token}"}
    url = f"{sandbox.base_url}/3/movie/550"
    async with aiohttp.ClientSession() as http:
        async with http.get(url, headers=auth) as resp:
            assert resp.status == 200
            assert resp.headers["Cache-Control"] == "public, max-age=28800"
            etag = resp.headers["ETag"]
            body = await resp.read()
        assert etag.startswith('W/"')
        assert etag.endswith('"')
        async with http.get(url, headers=auth) as resp:
            assert resp.headers["ETag"] == etag  # the same answer, the same tag
        async with http.get(url, headers={**auth, "If-None-Match": etag}) as resp:
            assert resp.status == 304
            assert resp.headers["ETag"] == etag
            assert await resp.read() == b""
        strong = etag.removeprefix("W/")
        async with http.get(url, headers={**auth, "If-None-Match": f'"other", {strong}'}) as r:
            assert r.status == 304  # compared weakly, in a list
        async with http.get(url, headers={**auth, "If-None-Match": '"other"'}) as resp:
            assert resp.status == 200
            assert await resp.read() == body
        async with http.get(url, params={"api_key": sandbox.api_key}) as resp:
            assert resp.headers["ETag"] == etag  # the credential does not change the answer


async def test_user_data_errors_and_writes_carry_none(sandbox: Sandbox) -> None:
    auth = {"Authorization": f"Bearer {sandbox.access_token}"}
    session = sandbox.login()
    base = sandbox.base_url
    async with aiohttp.ClientSession() as http:
        for path, params in [
            ("/3/movie/550", {"session_id": session.session_id}),
            ("/3/movie/550/account_states", {"session_id": session.session_id}),
            ("/3/account", {"session_id": session.session_id}),
            ("/3/authentication/token/new", {}),
            ("/3/movie/99999999", {}),  # 404
            ("/3/list/1", {}),
        ]:
            async with http.get(base + path, params=params, headers=auth) as resp:
                assert "Cache-Control" not in resp.headers, path
                assert "ETag" not in resp.headers, path
        async with http.post(
            f"{base}/3/movie/550/rating",
            params={"session_id": session.session_id},
            json={"value": 8},
            headers=auth,
        ) as resp:
            assert resp.status in (200, 201)
            assert "ETag" not in resp.headers


async def test_cache_headers_can_be_switched_off() -> None:
    async with Sandbox(movie_count=20, cache_max_age=None) as sb, aiohttp.ClientSession() as http:
        headers = {"Authorization": f"Bearer {sb.access_token}"}
        async with http.get(f"{sb.base_url}/3/movie/550", headers=headers) as resp:
            assert resp.status == 200
            assert "Cache-Control" not in resp.headers
            assert "ETag" not in resp.headers
