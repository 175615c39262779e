"""``tmdb-async sandbox --json``: one JSON line a script can read, with working values."""

from __future__ import annotations

import asyncio
import io
import json

from tmdb_async import TMDBClient
from tmdb_async.cli import build_parser
from tmdb_async.cli import sandbox as sandbox_cli


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
