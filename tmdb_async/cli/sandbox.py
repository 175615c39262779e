"""``tmdb-async sandbox``: run the local fake TMDB until interrupted.

It prints the addresses and the credentials it accepts, ready to paste::

    tmdb-async sandbox --port 8765
    export TMDB_BASE_URL=http://127.0.0.1:8765 TMDB_WEBSITE_URL=http://127.0.0.1:8765
    export TMDB_ACCESS_TOKEN=eyJ...   # or TMDB_API_KEY=...

The other commands (``login``, ``whoami`` ...) and the examples then talk to it.
``--json`` prints the same as one JSON object on one line instead (for scripts that start
it in the background and read its first line).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any, TextIO

from ..testing import (
    DEFAULT_ACCESS_TOKEN,
    DEFAULT_API_KEY,
    Fault,
    Sandbox,
    SandboxRateLimit,
)
from ._common import print_json

__all__ = ["register", "run"]

DEFAULT_PORT = 8765


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``sandbox`` sub-command."""
    parser = subparsers.add_parser(
        "sandbox",
        help="run a local fake TMDB (API, approval pages, images) until Ctrl-C",
        description=(
            "Run tmdb_async's sandbox: a stateful fake TMDB on this machine. It prints the "
            "URLs and the credentials it accepts."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port ({DEFAULT_PORT}; 0 = any free)"
    )
    parser.add_argument("--api-key", default=DEFAULT_API_KEY, help="the v3 API key to accept")
    parser.add_argument(
        "--access-token", default=DEFAULT_ACCESS_TOKEN, help="the API Read Access Token to accept"
    )
    parser.add_argument("--movies", type=int, default=5000, help="movies in the catalogue")
    parser.add_argument("--tv", type=int, default=2000, help="TV shows in the catalogue")
    parser.add_argument("--people", type=int, default=2000, help="people in the catalogue")
    parser.add_argument("--seed", type=int, default=0, help="seed for the catalogue and faults")
    parser.add_argument(
        "--rate-limit",
        type=int,
        metavar="RPS",
        help="answer 429 (code 25) above RPS requests per second per client (off by default)",
    )
    parser.add_argument(
        "--max-connections",
        type=int,
        default=20,
        help="with --rate-limit: requests in flight per client (20, TMDB's CDN limit)",
    )
    parser.add_argument(
        "--retry-after",
        type=int,
        default=1,
        help="with --rate-limit: Retry-After seconds on a 429; -1 sends no header",
    )
    parser.add_argument(
        "--fault-rate",
        type=float,
        default=0.0,
        metavar="FRACTION",
        help="fail this fraction of API requests (0-1) with --fault-kind",
    )
    parser.add_argument(
        "--fault-kind",
        choices=("error", "hang", "reset", "truncate", "garbage"),
        default="error",
        help="what a failed request does (error = HTTP 500 code 11)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the addresses, credentials and users as one JSON line",
    )
    parser.add_argument(
        "--documented-list-delete",
        action="store_true",
        help=(
            "answer a successful DELETE /3/list/{id} with the documented 200 (code 13) instead "
            "of TMDB's real 500 (code 11)"
        ),
    )
    parser.set_defaults(func=run)


def _sandbox(args: argparse.Namespace) -> Sandbox:
    rate_limit = None
    if args.rate_limit is not None:
        rate_limit = SandboxRateLimit(
            requests_per_second=args.rate_limit,
            max_connections=args.max_connections,
            retry_after=None if args.retry_after < 0 else args.retry_after,
        )
    faults = []
    if args.fault_rate > 0:
        faults.append(Fault(kind=args.fault_kind, probability=args.fault_rate))
    return Sandbox(
        api_key=args.api_key,
        access_token=args.access_token,
        host=args.host,
        port=args.port,
        movie_count=args.movies,
        tv_count=args.tv,
        person_count=args.people,
        seed=args.seed,
        rate_limit=rate_limit,
        faults=faults,
        documented_list_delete=args.documented_list_delete,
    )


def describe(sb: Sandbox, out: TextIO) -> None:
    """Print where the sandbox is and what it accepts."""
    cat = sb.catalogue
    kinds = ("movie", "tv", "person")
    real = {kind: len(cat.real_ids(kind)) for kind in kinds}
    total = {kind: cat.total(kind) for kind in kinds}
    lines = [
        f"tmdb_async sandbox (a local fake TMDB) on {sb.base_url}",
        f"  API:        {sb.base_url}/3/ and {sb.base_url}/4/",
        f"  approvals:  {sb.website_url}/authenticate/<request_token>",
        f"  images:     {sb.image_base_url}  (PNGs showing each title or name)",
        f"  catalogue:  TMDB's real data: {real['movie']} movies, {real['tv']} series, "
        f"{real['person']} people",
        "              (Fight Club 550, Game of Thrones 1399, Tom Hanks 31 ...)",
        f"              + generated filler for the other ids up to {cat.movie_count} / "
        f"{cat.tv_count} / {cat.person_count}",
        f"              = {total['movie']} movies, {total['tv']} series, "
        f"{total['person']} people in all",
        f"  api_key:      {sb.api_key}",
        f"  access_token: {sb.access_token}",
        "  users (for validate_with_login):",
    ]
    lines += [
        f"    {u.username} / {u.password} (account {u.id})" for u in sb.state.users_by_id.values()
    ]
    if sb.rate_limit is not None:
        lines.append(
            f"  rate limit: {sb.rate_limit.requests_per_second}/s, "
            f"{sb.rate_limit.max_connections} in flight"
        )
    lines += [
        "Use it from a shell:",
        f"  export TMDB_BASE_URL={sb.base_url} TMDB_WEBSITE_URL={sb.website_url}",
        f"  export TMDB_ACCESS_TOKEN={sb.access_token}",
        "Press Ctrl-C to stop.",
    ]
    print("\n".join(lines), file=out, flush=True)


def describe_json(sb: Sandbox) -> dict[str, Any]:
    """What :func:`describe` prints, as a JSON-ready mapping (the fake credentials included)."""
    cat = sb.catalogue
    return {
        "base_url": sb.base_url,
        "website_url": sb.website_url,
        "image_base_url": sb.image_base_url,
        "api_key": sb.api_key,
        "access_token": sb.access_token,
        "catalogue": {
            "movies": cat.movie_count,
            "tv": cat.tv_count,
            "people": cat.person_count,
            "real": {
                "movies": len(cat.real_ids("movie")),
                "tv": len(cat.real_ids("tv")),
                "people": len(cat.real_ids("person")),
            },
            "total": {
                "movies": cat.total("movie"),
                "tv": cat.total("tv"),
                "people": cat.total("person"),
            },
        },
        "users": [
            {"username": u.username, "password": u.password, "account_id": u.id}
            for u in sb.state.users_by_id.values()
        ],
        "env": {
            "TMDB_BASE_URL": sb.base_url,
            "TMDB_WEBSITE_URL": sb.website_url,
            "TMDB_ACCESS_TOKEN": sb.access_token,
        },
    }


async def run(
    args: argparse.Namespace, *, stop: asyncio.Event | None = None, out: TextIO | None = None
) -> int:
    """Serve until ``stop`` is set (or the process is interrupted); returns the exit code."""
    async with _sandbox(args) as sb:
        if getattr(args, "json", False):
            print_json(describe_json(sb), out or sys.stdout, compact=True)
        else:
            describe(sb, out or sys.stdout)
        await (stop or asyncio.Event()).wait()
    return 0
