"""``tmdb-async demo`` in-process: the sandbox story, and the read-only story with credentials."""

from __future__ import annotations

import argparse
import io
import re
from collections.abc import AsyncIterator

import pytest

from tmdb_async.cli import build_parser, main
from tmdb_async.cli.demo import Progress, fetch_movies, run
from tmdb_async.testing import DEFAULT_ACCESS_TOKEN, ManualClock, Sandbox


def _args(*extra: str) -> argparse.Namespace:
    return build_parser().parse_args(["demo", *extra])


async def test_demo_tells_the_whole_story_on_the_sandbox() -> None:
    out = io.StringIO()
    # 40 movies at the real budget (40/s, bursts of 10): about 0.75 s of waiting.
    assert await run(_args("--count", "40"), env={}, out=out) == 0
    text = out.getvalue()
    lines = text.splitlines()
    assert re.fullmatch(
        r"No TMDB_ACCESS_TOKEN or TMDB_API_KEY set: using the embedded sandbox, a local fake "
        r"TMDB at http://127\.0\.0\.1:\d+ \(offline, nothing leaves this machine\)\.",
        lines[0],
    )
    base = re.search(r"http://127\.0\.0\.1:\d+", lines[0])
    assert base is not None
    approval = [line for line in lines if "approval page:" in line]
    assert len(approval) == 1
    assert re.fullmatch(
        rf"   approval page: {re.escape(base.group())}/authenticate/[0-9a-f]{{40}}", approval[0]
    )
    expected_in_order = [
        "1. The login flow (v3 request token -> approval -> session)",
        "   approved as travisbell (what clicking Approve there does)",
        "2. The account",
        "   account 548: travisbell (Travis Bell)",
        "3. Favourite a movie",
        "   favourite: Star Wars (1977) -> TMDB code 1; favourites now: ['Star Wars']",
        "4. A guest session rates a movie",
        "5. 40 movie details at once (20 in flight over one client, rate budget 40 "
        "requests/s, bursts of 10)",
        "  the client kept to its budget of 40/s (TMDB allows about 50/s per address)",
        "6. Logout",
        "   session deleted; using it now fails: TMDB code 3",
        "Done: the sandbox answered 52 requests.",
    ]
    positions = [lines.index(line) for line in expected_in_order]
    assert positions == sorted(positions)
    assert any(re.fullmatch(r"   session [0-9a-f]{4}… created", line) for line in lines)
    guest = next(line for line in lines if line.startswith("   guest "))
    assert re.fullmatch(
        r"   guest [0-9a-f]{4}… rated '([^']+)' 8\.5 -> TMDB code 1; its ratings: "
        r"\[\('\1', 8\.5\)\]",
        guest,
    )
    (fetched,) = [line for line in lines if line.startswith("  fetched ")]
    found = re.fullmatch(r"  fetched 40 movies in ([\d.]+) s \((\d+)/s\)", fetched)
    assert found is not None
    # The rate budget was on: 10 at once, then 40 a second for the other 30 (>= 0.75 s).
    assert float(found.group(1)) >= 0.7
    assert int(found.group(2)) <= 57
    assert "movie/s" not in text  # not a terminal: no progress bar
    # Session and guest ids are only ever shown shortened; the request token only in the
    # approval URL the user needs.
    assert len(re.findall(r"[0-9a-f]{32,}", text)) == 1


def test_demo_from_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TMDB_ACCESS_TOKEN", raising=False)
    monkeypatch.delenv("TMDB_API_KEY", raising=False)
    assert main(["demo", "--count", "40", "--concurrency", "4", "--rate-limit", "0"]) == 0
    out = capsys.readouterr().out
    assert "using the embedded sandbox" in out
    assert (
        "5. 40 movie details at once (4 in flight over one client, no rate budget "
        "(--rate-limit 0))" in out
    )
    assert "kept to its budget" not in out
    assert "Done: the sandbox answered 52 requests." in out


@pytest.fixture
async def tmdb_like() -> AsyncIterator[Sandbox]:
    async with Sandbox(clock=ManualClock(), movie_count=20) as sb:
        yield sb


async def test_fetch_movies_counts_unknown_ids(tmdb_like: Sandbox) -> None:
    out = io.StringIO()
    async with tmdb_like.client() as tmdb:
        movies, missing = await fetch_movies(
            tmdb, range(15, 25), concurrency=3, progress=Progress(out, total=10, unit="movie")
        )
    assert [m.id for m in movies] == [15, 16, 17, 18, 19, 20]
    assert missing == 4
    assert out.getvalue() == ""  # not a terminal
    assert len(tmdb_like.requests_to("/3/movie/*")) == 10


async def test_demo_with_credentials_runs_read_only_parts(tmdb_like: Sandbox) -> None:
    sb = tmdb_like
    env = {"TMDB_API_KEY": sb.api_key, "TMDB_BASE_URL": sb.base_url}
    out = io.StringIO()
    # 8 ids stay inside the client's default burst: no rate-limit wait.
    assert await run(_args("--count", "8"), env=env, out=out) == 0
    assert {r.method for r in sb.requests} == {"GET"}
    assert all(r.query["api_key"] == sb.api_key for r in sb.requests)
    assert not sb.state.sessions
    assert not sb.state.guest_sessions
    text = out.getvalue()
    assert text.splitlines()[0] == (
        f"TMDB_API_KEY is set: using TMDB at {sb.base_url} (read-only parts of the demo)."
    )
    assert "   accepted" in text.splitlines()
    assert "   #11: Star Wars (1977), 121 min" in text
    assert re.search(
        r"a user would approve it at: https://www\.themoviedb\.org/authenticate/", text
    )
    assert "  fetched 8 movies in " in text
    assert text.splitlines()[-1] == (
        "Done. Unset the variable to run the whole story on the sandbox."
    )


async def test_demo_with_a_read_token(tmdb_like: Sandbox) -> None:
    env = {"TMDB_ACCESS_TOKEN": DEFAULT_ACCESS_TOKEN, "TMDB_BASE_URL": tmdb_like.base_url}
    out = io.StringIO()
    assert await run(_args("--count", "2"), env=env, out=out) == 0
    assert out.getvalue().startswith("TMDB_ACCESS_TOKEN is set: using TMDB at ")
    assert DEFAULT_ACCESS_TOKEN not in out.getvalue()
    auth = {r.headers["Authorization"] for r in tmdb_like.requests}
    assert auth == {f"Bearer {DEFAULT_ACCESS_TOKEN}"}


async def test_demo_with_a_refused_key(tmdb_like: Sandbox) -> None:
    env = {"TMDB_API_KEY": "f" * 32, "TMDB_BASE_URL": tmdb_like.base_url}
    out = io.StringIO()
    err = io.StringIO()
    assert await run(_args(), env=env, out=out, err=err) == 3
    assert "   TMDB refuses the TMDB_API_KEY value (code 7): check it." in out.getvalue()
    assert err.getvalue() == (
        "tmdb-async: error: TMDB refused the application credential in TMDB_API_KEY "
        "(HTTP 401, code 7)\n"
    )
    assert "f" * 32 not in out.getvalue() + err.getvalue()
    assert [r.path for r in tmdb_like.requests] == ["/3/authentication"]


async def test_demo_rejects_bad_counts() -> None:
    for argv in (["--count", "0"], ["--concurrency", "0"], ["--rate-limit", "-1"]):
        err = io.StringIO()
        assert await run(_args(*argv), env={}, out=io.StringIO(), err=err) == 2
        assert err.getvalue() == (
            "tmdb-async: error: --count and --concurrency must be at least 1, --rate-limit "
            "at least 0\n"
        )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


async def test_progress_on_a_terminal_shows_count_rate_and_eta(tmdb_like: Sandbox) -> None:
    out = _Terminal()
    async with tmdb_like.client() as tmdb:
        await fetch_movies(
            tmdb, range(1, 21), concurrency=4, progress=Progress(out, total=20, unit="movie")
        )
    drawn = out.getvalue()
    assert drawn.count("\r") >= 2  # redrawn in place
    final = drawn.rstrip("\n").rsplit("\r", 1)[1]
    assert re.fullmatch(r"100%\|[#█]+\| 20/20 \[\d\d:\d\d<00:00, +[\d.]+movie/s\]", final)
    assert drawn.endswith("\n")


def test_progress_can_be_switched_off_on_a_terminal() -> None:
    out = _Terminal()
    bar = Progress(out, total=3, enabled=False)
    bar.update(3)
    bar.close()
    assert not bar.shown
    assert out.getvalue() == ""
