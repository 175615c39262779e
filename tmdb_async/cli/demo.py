"""``tmdb-async demo``: the whole story in a few seconds, offline by default.

Without ``TMDB_ACCESS_TOKEN`` / ``TMDB_API_KEY`` in the environment it starts the embedded
sandbox (:mod:`tmdb_async.testing`) and walks through a user's life: request token →
approval → session → account → favourite a movie → a guest rates a movie → a concurrent
fetch of 200 movie details over one client → logout. With credentials it runs the
read-only parts against the real TMDB (``TMDB_BASE_URL`` / ``TMDB_WEBSITE_URL`` override
where that is). It always says which of the two it uses.

The client keeps its real request budget (40 requests per second, bursts of 10: what a
program sharing TMDB's ~50/s per address should use), so the rate the demo reports is the
one a real job gets; ``--rate-limit 0`` switches it off to see the raw speed. A progress
bar (tqdm) shows while it fetches when the output is a terminal.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import Mapping
from typing import TextIO

from .._client import DEFAULT_BASE_URL, DEFAULT_WEBSITE_URL, TMDBClient
from .._ratelimit import RateLimit
from ..errors import AuthenticationError, NotFoundError
from ..models.movie import Movie
from ..testing import Sandbox
from ._common import EXIT_OK, EXIT_STOPPED, EXIT_USAGE, CliError, guard
from ._progress import Progress

__all__ = ["Progress", "fetch_movies", "register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``demo`` sub-command."""
    parser = subparsers.add_parser(
        "demo",
        help="the whole story: login flow, account, favourite, guest rating, batch fetch",
        description=(
            "Run the tmdb_async demo. With no TMDB_ACCESS_TOKEN / TMDB_API_KEY it uses the "
            "embedded sandbox (offline); with one it runs the read-only parts on TMDB."
        ),
    )
    parser.add_argument(
        "--count", type=int, default=200, help="movie details to fetch concurrently (200)"
    )
    parser.add_argument(
        "--concurrency", type=int, default=20, help="requests in flight at once (20)"
    )
    parser.add_argument(
        "--rate-limit",
        type=float,
        default=40.0,
        metavar="RPS",
        help="the client's request budget, requests per second (40, the default of "
        "TMDBClient; 0 switches it off)",
    )
    parser.set_defaults(func=run)


async def fetch_movies(
    tmdb: TMDBClient, ids: range, *, concurrency: int, progress: Progress
) -> tuple[list[Movie], int]:
    """Fetch many movie details over one client, ``concurrency`` at a time.

    Returns the movies found (in id order) and how many ids TMDB did not know.
    """
    gate = asyncio.Semaphore(concurrency)
    missing = 0
    done = 0

    async def one(movie_id: int) -> Movie | None:
        nonlocal missing
        async with gate:
            try:
                return await tmdb.movies.details(movie_id)
            except NotFoundError:
                missing += 1
                return None
            finally:
                nonlocal done
                done += 1
                progress.update(done)

    try:
        found = await asyncio.gather(*(one(i) for i in ids))
    finally:
        progress.close()
    return [m for m in found if m is not None], missing


def _short(secret: str) -> str:
    return f"{secret[:4]}…"


def _year(movie: Movie) -> str:
    return f"{movie.release_date:%Y}" if movie.release_date else "undated"


def _rate_limit(args: argparse.Namespace) -> RateLimit | None:
    return RateLimit(args.rate_limit) if args.rate_limit > 0 else None


def _budget(limit: RateLimit | None) -> str:
    if limit is None:
        return "no rate budget (--rate-limit 0)"
    return f"rate budget {limit.rate:g} requests/s, bursts of {limit.burst}"


async def _batch(
    step: int, tmdb: TMDBClient, args: argparse.Namespace, limit: RateLimit | None, out: TextIO
) -> None:
    count, concurrency = args.count, args.concurrency
    print(
        f"\n{step}. {count} movie details at once ({concurrency} in flight over one client, "
        f"{_budget(limit)})",
        file=out,
    )
    started = time.perf_counter()
    movies, missing = await fetch_movies(
        tmdb,
        range(1, count + 1),
        concurrency=concurrency,
        progress=Progress(out, total=count, unit="movie"),
    )
    took = time.perf_counter() - started
    rate = count / took if took > 0 else float("inf")
    note = f", {missing} ids unknown to TMDB" if missing else ""
    print(f"  fetched {len(movies)} movies in {took:.2f} s ({rate:.0f}/s){note}", file=out)
    if limit is not None:
        print(
            f"  the client kept to its budget of {limit.rate:g}/s (TMDB allows about 50/s "
            "per address)",
            file=out,
        )
    if movies:
        print(f"  e.g. #{movies[-1].id}: {movies[-1].title}", file=out)


async def _sandbox_story(args: argparse.Namespace, out: TextIO) -> None:
    limit = _rate_limit(args)
    async with Sandbox() as sb, sb.client(rate_limit=limit) as tmdb:
        print(
            f"No TMDB_ACCESS_TOKEN or TMDB_API_KEY set: using the embedded sandbox, a local "
            f"fake TMDB at {sb.base_url} (offline, nothing leaves this machine).\n",
            file=out,
        )
        print("1. The login flow (v3 request token -> approval -> session)", file=out)
        token = await tmdb.auth.create_request_token()
        print(
            f"   request token {_short(token.request_token)} expires {token.expires_at:%H:%M} UTC",
            file=out,
        )
        print(f"   approval page: {tmdb.auth.approval_url(token)}", file=out)
        user = sb.approve(token)
        print(f"   approved as {user.username} (what clicking Approve there does)", file=out)
        session = await tmdb.auth.create_session(token)
        print(f"   session {_short(session.session_id)} created", file=out)

        print("\n2. The account", file=out)
        me = tmdb.for_user(session)
        account = await me.account.details()
        print(f"   account {account.id}: {account.username} ({account.name})", file=out)

        print("\n3. Favourite a movie", file=out)
        movie = await tmdb.movies.details(11)
        result = await me.favorites.add("movie", movie.id)
        favourites = await me.favorites.movies()
        print(
            f"   favourite: {movie.title} ({_year(movie)}) -> TMDB code "
            f"{result.status_code}; favourites now: {[m.title for m in favourites.results]}",
            file=out,
        )

        print("\n4. A guest session rates a movie", file=out)
        guest_session = await tmdb.auth.create_guest_session()
        guest = tmdb.for_user(guest_session)
        rated_movie = await tmdb.movies.details(550)
        rated = await guest.ratings.rate_movie(rated_movie.id, 8.5)
        ratings = await guest.ratings.movies()
        print(
            f"   guest {_short(guest_session.guest_session_id)} rated {rated_movie.title!r} "
            f"8.5 -> TMDB code {rated.status_code}; its ratings: "
            f"{[(m.title, m.rating) for m in ratings.results]}",
            file=out,
        )

        await _batch(5, tmdb, args, limit, out)

        print("\n6. Logout", file=out)
        await me.logout()
        try:
            await tmdb.for_user(session).account.details()
        except AuthenticationError as exc:
            print(f"   session deleted; using it now fails: TMDB code {exc.tmdb_code}", file=out)
        served = len(sb.requests)
    print(f"\nDone: the sandbox answered {served} requests.", file=out)


async def _real_story(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> None:
    token_env = env.get("TMDB_ACCESS_TOKEN")
    name = "TMDB_ACCESS_TOKEN" if token_env else "TMDB_API_KEY"
    base_url = env.get("TMDB_BASE_URL") or DEFAULT_BASE_URL
    website_url = env.get("TMDB_WEBSITE_URL") or DEFAULT_WEBSITE_URL
    limit = _rate_limit(args)
    if token_env:
        client = TMDBClient(
            access_token=token_env, base_url=base_url, website_url=website_url, rate_limit=limit
        )
    else:
        client = TMDBClient(
            api_key=env["TMDB_API_KEY"],
            base_url=base_url,
            website_url=website_url,
            rate_limit=limit,
        )
    async with client as tmdb:
        print(
            f"{name} is set: using TMDB at {base_url} (read-only parts of the demo).\n",
            file=out,
        )
        print("1. The credential", file=out)
        if not await tmdb.auth.validate_key():
            print(f"   TMDB refuses the {name} value (code 7): check it.", file=out)
            raise CliError(
                f"TMDB refused the application credential in {name} (HTTP 401, code 7)",
                EXIT_STOPPED,
            )
        print("   accepted", file=out)
        print("\n2. The login flow starts with a request token (not approved here)", file=out)
        token = await tmdb.auth.create_request_token()
        print(f"   a user would approve it at: {tmdb.auth.approval_url(token)}", file=out)
        print("\n3. A movie", file=out)
        movie = await tmdb.movies.details(11)
        print(f"   #{movie.id}: {movie.title} ({_year(movie)}), {movie.runtime} min", file=out)
        await _batch(4, tmdb, args, limit, out)
    print("\nDone. Unset the variable to run the whole story on the sandbox.", file=out)


async def run(
    args: argparse.Namespace,
    *,
    env: Mapping[str, str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the demo; returns the exit code (errors are one line on ``err``)."""
    return await guard(_run(args, env, out or sys.stdout), err or sys.stderr)


async def _run(args: argparse.Namespace, env: Mapping[str, str] | None, out: TextIO) -> int:
    env = os.environ if env is None else env
    if args.count < 1 or args.concurrency < 1 or args.rate_limit < 0:
        raise CliError(
            "--count and --concurrency must be at least 1, --rate-limit at least 0", EXIT_USAGE
        )
    if env.get("TMDB_ACCESS_TOKEN") or env.get("TMDB_API_KEY"):
        await _real_story(args, env, out)
    else:
        await _sandbox_story(args, out)
    return EXIT_OK
