"""What every ``tmdb-async`` sub-command shares: exit codes, one-line errors, credentials.

Exit codes (the same for every command, so scripts can rely on them):

* ``0`` (:data:`EXIT_OK`): everything asked for was done;
* ``1`` (:data:`EXIT_FAILED`): some items failed, or TMDB answered an error;
* ``2`` (:data:`EXIT_USAGE`): bad usage: arguments, paths, files, a missing or malformed
  credential, no stored session;
* ``3`` (:data:`EXIT_STOPPED`): stopped early because nothing else could succeed: TMDB
  refused the application's credential (HTTP 401, code 7 or 10) or could not be reached;
* ``130``: interrupted (Ctrl-C).

Every failure is reported as one line on standard error, never a traceback, and never with
a secret in it.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Mapping
from typing import Any, TextIO

from .._jsonlines import json_line
from ..errors import (
    InvalidAPIKeyError,
    SuspendedAPIKeyError,
    TMDBAPIError,
    TMDBConnectionError,
    TMDBError,
    TMDBTimeoutError,
    TMDBUsageError,
)

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_STOPPED",
    "EXIT_USAGE",
    "CliError",
    "app_credential_refused",
    "credentials",
    "describe",
    "guard",
    "print_json",
    "unreachable",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_STOPPED = 3
EXIT_INTERRUPTED = 130

#: How the application credential is passed (for messages: names, never values).
CREDENTIAL_HELP = "set TMDB_ACCESS_TOKEN (the API Read Access Token) or TMDB_API_KEY"


class CliError(Exception):
    """Ends a command with a one-line message on standard error and an exit code.

    Attributes:
        message: the line to print (no secrets).
        code: the exit code, :data:`EXIT_USAGE` unless said otherwise.
    """

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def credentials(env: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The application credential from ``env``: ``(access_token, api_key)``, one of them set.

    Raises:
        CliError: neither variable is set (exit code 2).
    """
    access_token = env.get("TMDB_ACCESS_TOKEN") or None
    api_key = None if access_token else (env.get("TMDB_API_KEY") or None)
    if access_token is None and api_key is None:
        raise CliError(f"no TMDB credential: {CREDENTIAL_HELP} in the environment")
    return access_token, api_key


def app_credential_refused(exc: BaseException) -> bool:
    """TMDB refused the application's own credential (code 7 invalid, 10 suspended)."""
    return isinstance(exc, (InvalidAPIKeyError, SuspendedAPIKeyError))


def unreachable(exc: BaseException) -> bool:
    """The connection to TMDB could not even be opened (after the client's retries)."""
    return isinstance(exc, TMDBConnectionError) and not exc.request_sent


def describe(exc: TMDBError) -> tuple[str, int]:
    """The one-line message and exit code for an error of the SDK."""
    if isinstance(exc, TMDBUsageError):
        return str(exc), EXIT_USAGE
    if app_credential_refused(exc):
        assert isinstance(exc, TMDBAPIError)
        return (
            f"TMDB refused the application credential (HTTP {exc.http_status}, code "
            f"{exc.tmdb_code}: {exc.tmdb_message or 'no message'}); check TMDB_ACCESS_TOKEN "
            "/ TMDB_API_KEY",
            EXIT_STOPPED,
        )
    if isinstance(exc, TMDBConnectionError):
        return f"cannot reach TMDB: {exc}", EXIT_STOPPED
    if isinstance(exc, TMDBTimeoutError):
        return f"TMDB did not answer in time: {exc}", EXIT_STOPPED
    return f"TMDB error: {exc}", EXIT_FAILED


def _one_line(text: str) -> str:
    return " ".join(text.split())


def report(exc: BaseException, err: TextIO) -> int | None:
    """Print ``exc`` as one line on ``err``; its exit code, or ``None`` if it is not ours."""
    if isinstance(exc, CliError):
        message, code = exc.message, exc.code
    elif isinstance(exc, TMDBError):
        message, code = describe(exc)
    elif isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        message, code = f"{where}{exc.strerror or type(exc).__name__}", EXIT_FAILED
    else:
        return None
    print(f"tmdb-async: error: {_one_line(message)}", file=err, flush=True)
    return code


async def guard(command: Awaitable[int], err: TextIO) -> int:
    """Await a command; any of our errors becomes a one-line message and its exit code."""
    try:
        return int(await command)
    except (CliError, TMDBError, OSError) as exc:
        code = report(exc, err)
        assert code is not None
        return code


def print_json(data: Any, out: TextIO, *, compact: bool = False) -> None:
    """Write ``data`` as JSON (one line when ``compact``) and a newline."""
    if compact:
        out.write(json_line(data))
    else:
        out.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    out.flush()
