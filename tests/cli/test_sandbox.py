"""``tmdb-async sandbox``: its start-up message, and ``--json``: one JSON line a script can read,
with working values."""

from __future__ import annotations

import asyncio
import io
import json

from tmdb_async import TMDBClient
from tmdb_async.cli import build_parser
from tmdb_async.cli import sandbox as sandbox_cli
from tmdb_async.testing import Catalogue, Sandbox


class _Lines(io.StringIO):
    """Captured output that says when something was printed."""

    def __init__(self) -> None:
        super().__init__()
        self.printed = asyncio.Event()

    def write(self, text: str) -> int:
        self.printed.set()
        return super().write(text)


async def test_sandbox_json_is_one_line_with_working_values() -> None:
    args = build_parser(["sandbox"]).parse_args(
        ["sandbox", "--port", "0", "--json", "--movies", "30", "--api-key", "2" * 32]
    )
    stop, out = asyncio.Event(), _Lines()
    task = asyncio.create_task(sandbox_cli.run(args, stop=stop, out=out))
    try:
        await asyncio.wait_for(out.printed.wait(), timeout=10)
        text = out.getvalue()
        assert text.endswith("\n")
        assert text.count("\n") == 1
        info = json.loads(text)
        base = info["base_url"]
        assert base.startswith("http://127.0.0.1:")
        assert info["api_key"] == "2" * 32
        assert info["catalogue"]["movies"] == 30
        real = len(Catalogue.real_ids("movie"))
        above = sum(1 for i in Catalogue.real_ids("movie") if i > 30)
        assert info["catalogue"]["real"]["movies"] == real > 500
        assert info["catalogue"]["total"]["movies"] == 30 + above
        assert {"username": "travisbell", "password": "sandbox-password", "account_id": 548} in (
            info["users"]
        )
        assert info["env"] == {
            "TMDB_BASE_URL": base,
            "TMDB_WEBSITE_URL": info["website_url"],
            "TMDB_ACCESS_TOKEN": info["access_token"],
        }
        env = info["env"]
        async with TMDBClient(
            access_token=env["TMDB_ACCESS_TOKEN"], base_url=env["TMDB_BASE_URL"], rate_limit=None
        ) as tmdb:
            assert (await tmdb.movies.details(30)).id == 30
    finally:
        stop.set()
        assert await task == 0


async def test_start_up_message_tells_the_real_catalogue_and_the_filler() -> None:
    async with Sandbox(movie_count=30, tv_count=5, person_count=2000) as sb:
        out = io.StringIO()
        sandbox_cli.describe(sb, out)
    text = out.getvalue()
    real = {kind: len(Catalogue.real_ids(kind)) for kind in ("movie", "tv", "person")}
    assert (
        f"TMDB's real data: {real['movie']} movies, {real['tv']} series, {real['person']} people"
    ) in text
    assert "filler for the other ids up to 30 / 5 / 2000" in text
    total = (sb.catalogue.total("movie"), sb.catalogue.total("tv"), sb.catalogue.total("person"))
    assert f"= {total[0]} movies, {total[1]} series, {total[2]} people in all" in text
    assert total[0] == 30 + sum(1 for i in Catalogue.real_ids("movie") if i > 30)
