"""``tmdb-async api METHOD PATH``: any TMDB request with your credentials, the answer as JSON.

::

    tmdb-async api GET /3/movie/11
    tmdb-async api GET "/3/search/movie?query=alien" -p page=2
    tmdb-async api GET /3/account --session            # adds the stored session id
    tmdb-async api POST /3/movie/11/rating --session --data '{"value": 8.5}'
    tmdb-async api GET /3/configuration --compact | jq .images

It goes through :meth:`tmdb_async.TMDBClient.request_json`: the application credential
from ``TMDB_ACCESS_TOKEN`` (or ``TMDB_API_KEY``), retries, typed errors and redaction.
``--session`` adds the session stored by ``tmdb-async login`` (or ``guest``) as
``session_id`` (or ``guest_session_id``). The JSON goes to standard output; an error is one
line on standard error with the exit code of every command (1: TMDB answered an error; 2:
bad usage; 3: credential refused or TMDB unreachable).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, TextIO, cast
from urllib.parse import parse_qsl, urlsplit

from .._client import DEFAULT_BASE_URL, TMDBClient
from ._common import EXIT_OK, CliError, credentials, guard, print_json

__all__ = ["register", "run"]

_METHODS = ("GET", "POST", "DELETE", "PUT")


def register(subparsers: Any) -> None:
    """Add ``api`` to the ``tmdb-async`` parser."""
    parser = subparsers.add_parser(
        "api",
        help="send any request to TMDB with your credentials and print the JSON",
        description="Send one request to TMDB (through TMDBClient.request_json, with "
        "TMDB_ACCESS_TOKEN or TMDB_API_KEY) and print the JSON answer.",
    )
    parser.add_argument("method", type=str.upper, choices=_METHODS, help="the HTTP method")
    parser.add_argument(
        "path", help="the path with its version, e.g. /3/movie/11 (a ?query is allowed)"
    )
    parser.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a query parameter (repeatable)",
    )
    parser.add_argument(
        "--data",
        metavar="JSON",
        help="the JSON body: an object, @FILE to read it from a file, or - for standard input",
    )
    parser.add_argument(
        "--session",
        action="store_true",
        help="add the stored session (tmdb-async login / guest) as session_id or guest_session_id",
    )
    parser.add_argument("--compact", action="store_true", help="print the JSON on one line")
    parser.add_argument(
        "--base-url",
        help="API host without a version (default: $TMDB_BASE_URL, the host stored at "
        f"login with --session, or {DEFAULT_BASE_URL})",
    )
    parser.set_defaults(func=run)


def _params(args: argparse.Namespace) -> tuple[str, dict[str, str]]:
    parts = urlsplit(args.path)
    if parts.scheme or parts.netloc or parts.fragment:
        raise CliError("api: PATH is a path such as /3/movie/11, not a URL")
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise CliError(f"api: --param takes NAME=VALUE, got {item[:40]!r}")
        params[name] = value
    return parts.path, params


def _body(data: str | None, stdin: TextIO) -> Mapping[str, object] | None:
    if data is None:
        return None
    if data == "-":
        text, source = stdin.read(), "standard input"
    elif data.startswith("@"):
        path = Path(data[1:])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "unreadable"
            raise CliError(f"api: --data {data}: {reason}") from None
        source = str(path)
    else:
        text, source = data, "--data"
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(f"api: {source} is not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(body, dict):
        raise CliError(f"api: {source} must be a JSON object")
    return cast("dict[str, object]", body)


async def run(
    args: argparse.Namespace,
    *,
    env: Mapping[str, str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """The ``api`` command; returns the exit code (errors are one line on ``err``)."""
    return await guard(
        _run(args, os.environ if env is None else env, out or sys.stdout, stdin or sys.stdin),
        err or sys.stderr,
    )


async def _run(args: argparse.Namespace, env: Mapping[str, str], out: TextIO, stdin: TextIO) -> int:
    path, params = _params(args)
    body = _body(args.data, stdin)
    access_token, api_key = credentials(env)
    secrets: list[str] = []
    stored_base: str | None = None
    if args.session:
        from .auth import load_session

        stored = load_session()
        name = "guest_session_id" if stored["kind"] == "guest" else "session_id"
        params[name] = str(stored[name])
        secrets.append(params[name])
        base = stored.get("base_url")
        stored_base = base if isinstance(base, str) else None
    base_url = args.base_url or env.get("TMDB_BASE_URL") or stored_base or DEFAULT_BASE_URL
    async with TMDBClient(access_token=access_token, api_key=api_key, base_url=base_url) as tmdb:
        method = cast('Literal["GET", "POST", "DELETE", "PUT"]', args.method)
        data = await tmdb.request_json(method, path, params=params, json=body, secrets=secrets)
    print_json(data, out, compact=args.compact)
    return EXIT_OK
