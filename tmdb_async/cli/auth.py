"""``tmdb-async login | whoami | logout | guest``: TMDB user sessions from the command line.

The application credential comes from the environment (``TMDB_ACCESS_TOKEN``, the API Read
Access Token, or ``TMDB_API_KEY``); ``--base-url`` / ``--website-url`` (or
``TMDB_BASE_URL`` / ``TMDB_WEBSITE_URL``) point the commands at another TMDB, such as a
local sandbox.

The session is stored in ``$XDG_CONFIG_HOME/tmdb-async/session.json`` (default
``~/.config/tmdb-async/session.json``), created with mode 0600 in a directory of mode 0700
so only its owner can read it. As ssh does with ``~/.ssh``, a file others can read, or a
directory others can write to (where anyone could swap the file), is refused when read;
saving a new session tightens the directory to 0700. Session ids and tokens are never
printed in full. ``--json`` prints a JSON object on standard output instead of sentences
(never with a secret in it).

``logout`` deletes the local file only once TMDB confirmed the session ended (or said it
no longer exists); when TMDB refuses the application's key or does not answer, the file
stays and the message says the session is still valid on TMDB (``--local`` forgets it
anyway).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import getpass
import json
import os
import stat
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TextIO

from .._client import DEFAULT_BASE_URL, DEFAULT_WEBSITE_URL, TMDBClient
from ..errors import (
    AuthenticationError,
    NotFoundError,
    TMDBAPIError,
    TMDBTransportError,
    TMDBUsageError,
)
from ..models.auth import GuestSession, Session
from ..models.user import V4AccessToken
from ._common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_STOPPED,
    CliError,
    app_credential_refused,
    credentials,
    print_json,
    unreachable,
)

__all__ = ["SessionStoreError", "load_session", "register", "save_session", "session_path"]

_FILE_MODE = 0o600
_DIR_MODE = 0o700


class SessionStoreError(TMDBUsageError):
    """The stored session file is missing, unreadable, malformed or readable by others."""


def session_path() -> Path:
    """Where the session lives: ``$XDG_CONFIG_HOME/tmdb-async/session.json``.

    ``XDG_CONFIG_HOME`` is used when set to an absolute path (as the XDG spec says);
    otherwise ``~/.config``.
    """
    base = os.environ.get("XDG_CONFIG_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return root / "tmdb-async" / "session.json"


def save_session(data: dict[str, Any], path: Path | None = None) -> Path:
    """Write ``data`` as JSON to the session file, readable and writable by its owner only.

    The file is written under a temporary name created with mode 0600 and then renamed over
    the old one, so it is never readable by others, not even for a moment.
    """
    target = path or session_path()
    target.parent.mkdir(mode=_DIR_MODE, parents=True, exist_ok=True)
    _tighten_directory(target.parent)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.unlink(missing_ok=True)  # left over by a crashed run with the same pid
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags, _FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, _FILE_MODE)  # whatever the umask
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
            handle.write("\n")
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _tighten_directory(directory: Path) -> None:
    """Make our config directory 0700 before writing a secret into it (as ssh-keygen does).

    Raises:
        SessionStoreError: the directory belongs to another user.
    """
    if os.name != "posix":
        return
    info = directory.stat()
    if info.st_uid != os.geteuid():
        raise SessionStoreError(
            f"{directory} belongs to another user; refusing to store a session there"
        )
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(directory, _DIR_MODE)


def _check_private(target: Path) -> None:
    """Refuse a session file others could read or swap (ssh's rules for ``~/.ssh``)."""
    if os.name != "posix":
        return
    directory = target.parent
    try:
        dir_info = directory.stat()
        info = target.stat()
    except FileNotFoundError:
        raise SessionStoreError(
            f"not logged in (no {target}); run `tmdb-async login` or `tmdb-async guest`"
        ) from None
    except OSError as exc:
        raise SessionStoreError(
            f"cannot read {target}: {exc.strerror or type(exc).__name__}"
        ) from None
    me = os.geteuid()
    if dir_info.st_uid != me or stat.S_IMODE(dir_info.st_mode) & 0o022:
        raise SessionStoreError(
            f"{directory} is writable by other users (mode "
            f"{stat.S_IMODE(dir_info.st_mode):o}), so anyone could replace the session file; "
            f"run `chmod 700 {directory}` and log in again"
        )
    if info.st_uid != me:
        raise SessionStoreError(f"{target} belongs to another user; remove it and log in again")
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise SessionStoreError(
            f"{target} is readable by other users (mode {stat.S_IMODE(info.st_mode):o}); "
            f"run `chmod 600 {target}` or log in again"
        )


# The fields each kind of record needs, and their types.
_REQUIRED: dict[str, dict[str, type]] = {
    "session": {"session_id": str},
    "v4": {"session_id": str, "access_token": str},
    "guest": {"guest_session_id": str},
}


def load_session(path: Path | None = None) -> dict[str, Any]:
    """Read the session file, refusing one that others can read or swap.

    Raises:
        SessionStoreError: no file, a file with group or other permissions, a directory
            others can write to, or a file that is not a tmdb-async session (the message
            says what to do, in one line).
    """
    target = path or session_path()
    _check_private(target)
    fix = f"delete it (`rm {target}`) and log in again with `tmdb-async login`"
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        reason = "not valid JSON" if isinstance(exc, ValueError) else type(exc).__name__
        raise SessionStoreError(f"{target} is corrupted ({reason}): {fix}") from None
    if not isinstance(data, dict) or data.get("kind") not in _REQUIRED:
        raise SessionStoreError(f"{target} is not a tmdb-async session file: {fix}")
    for name, kind in _REQUIRED[data["kind"]].items():
        if not isinstance(data.get(name), kind) or not data[name]:
            raise SessionStoreError(f"{target} is corrupted (no {name}): {fix}")
    account_id = data.get("account_id")
    expires = data.get("expires_at")
    if (
        account_id is not None and (isinstance(account_id, bool) or not isinstance(account_id, int))
    ) or (expires is not None and not isinstance(expires, str)):
        raise SessionStoreError(f"{target} is corrupted (bad account_id or expires_at): {fix}")
    if isinstance(expires, str):
        try:
            aware = dt.datetime.fromisoformat(expires).tzinfo is not None
        except ValueError:
            aware = False
        if not aware:
            raise SessionStoreError(f"{target} is corrupted (bad expires_at): {fix}")
    return data


def mask(secret: str) -> str:
    """The first four characters of a secret, then an ellipsis: enough to tell them apart."""
    return f"{secret[:4]}…" if secret else "…"


def _client(args: argparse.Namespace, stored: dict[str, Any] | None = None) -> TMDBClient:
    base_url = args.base_url or os.environ.get("TMDB_BASE_URL") or None
    if base_url is None and stored is not None:
        base_url = stored.get("base_url")
    website_url = args.website_url or os.environ.get("TMDB_WEBSITE_URL") or DEFAULT_WEBSITE_URL
    access_token, api_key = credentials(os.environ)
    return TMDBClient(
        access_token=access_token,
        api_key=api_key,
        base_url=base_url or DEFAULT_BASE_URL,
        website_url=website_url,
    )


def _talk(args: argparse.Namespace) -> TextIO:
    """Where sentences go: standard output, or standard error when ``--json`` owns stdout."""
    return sys.stderr if args.json else sys.stdout


async def _wait_for_user(prompt: str, out: TextIO) -> bool:
    try:
        if out is sys.stdout:
            await asyncio.to_thread(input, prompt)
        else:
            out.write(prompt)
            out.flush()
            if not await asyncio.to_thread(sys.stdin.readline):
                raise EOFError
    except EOFError:
        print("\nno answer on standard input; nothing saved", file=out)
        return False
    return True


def _read_password(args: argparse.Namespace) -> str:
    if not args.password_stdin:
        return getpass.getpass("TMDB password: ")
    line = sys.stdin.readline()
    password = line[:-1] if line.endswith("\n") else line
    password = password[:-1] if password.endswith("\r") else password
    if not password:
        raise CliError("--password-stdin: standard input held no password (one line expected)")
    return password


async def _login(args: argparse.Namespace) -> int:
    if args.password_stdin and not args.username:
        raise CliError("--password-stdin needs --username")
    talk = _talk(args)
    async with _client(args) as tmdb:
        record: dict[str, Any]
        if args.v4:
            request_token = await tmdb.auth.create_v4_request_token()
            print("Open this page in a browser and approve the request:", file=talk)
            print(f"  {tmdb.auth.v4_approval_url(request_token)}", file=talk)
            if not await _wait_for_user("Press Enter once you have approved it... ", talk):
                return EXIT_FAILED
            access = await tmdb.auth.create_v4_access_token(request_token)
            session = await tmdb.auth.convert_v4_session(access)
            record = {
                "kind": "v4",
                "access_token": access.access_token,
                "v4_account_id": access.account_id,
                "session_id": session.session_id,
            }
        elif args.username:
            password = await asyncio.to_thread(_read_password, args)
            session = await tmdb.auth.login(args.username, password)
            del password
            record = {"kind": "session", "session_id": session.session_id}
        else:
            token = await tmdb.auth.create_request_token()
            print("Open this page in a browser and approve the request:", file=talk)
            print(f"  {tmdb.auth.approval_url(token)}", file=talk)
            if not await _wait_for_user("Press Enter once you have approved it... ", talk):
                return EXIT_FAILED
            session = await tmdb.auth.create_session(token)
            record = {"kind": "session", "session_id": session.session_id}
        account = await tmdb.for_user(session).account.details()
        record.update(
            account_id=account.id,
            username=account.username,
            base_url=tmdb.base_url,
        )
        path = save_session(record)
    if args.json:
        print_json(
            {
                "kind": record["kind"],
                "account_id": account.id,
                "username": account.username,
                "name": account.name,
                "base_url": record["base_url"],
                "session_file": str(path),
            },
            sys.stdout,
        )
        return EXIT_OK
    shown = account.name or account.username
    print(f"Logged in as {shown} (account id {account.id}).")
    print(f"Session {mask(session.session_id)} saved to {path} (readable only by you).")
    return EXIT_OK


async def _whoami(args: argparse.Namespace) -> int:
    stored = load_session()
    path = session_path()
    if stored["kind"] == "guest":
        guest = _guest_of(stored)
        if args.json:
            print_json(
                {
                    "kind": "guest",
                    "expires_at": guest.expires_at.isoformat() if guest.expires_at else None,
                    "expired": guest.is_expired(),
                    "base_url": stored.get("base_url"),
                    "session_file": str(path),
                },
                sys.stdout,
            )
            return EXIT_OK
        when = guest.expires_at.isoformat() if guest.expires_at else "unknown"
        state = " (expired)" if guest.is_expired() else ""
        print(f"Guest session {mask(guest.guest_session_id)}, expires at {when}{state}.")
        return EXIT_OK
    async with _client(args, stored) as tmdb:
        account_id = stored.get("account_id")
        view = tmdb.for_user(
            Session(session_id=str(stored["session_id"])),
            account_id=account_id if isinstance(account_id, int) else None,
        )
        account = await view.account.details()
        base_url = tmdb.base_url
    if args.json:
        print_json(
            {
                "kind": stored["kind"],
                "account_id": account.id,
                "username": account.username,
                "name": account.name,
                "base_url": base_url,
                "session_file": str(path),
            },
            sys.stdout,
        )
        return EXIT_OK
    kind = "v4 user token" if stored["kind"] == "v4" else "session"
    name = f" ({account.name})" if account.name else ""
    print(f"{account.username}{name}, account id {account.id}")
    print(f"{kind} {mask(str(stored['session_id']))} from {path}")
    return EXIT_OK


def _guest_of(stored: dict[str, Any]) -> GuestSession:
    expires = stored.get("expires_at")
    return GuestSession(
        guest_session_id=str(stored["guest_session_id"]),
        expires_at=dt.datetime.fromisoformat(expires) if isinstance(expires, str) else None,
    )


def _gone(exc: TMDBAPIError) -> bool:
    """TMDB's answer means the session (or token) no longer exists there."""
    return isinstance(exc, (AuthenticationError, NotFoundError)) and not app_credential_refused(exc)


async def _end_at_tmdb(
    steps: list[tuple[str, Callable[[], Awaitable[object]]]],
) -> tuple[list[str], list[str], list[tuple[str, Exception]]]:
    """Run each deletion; which TMDB confirmed, which were gone already, which failed."""
    ended: list[str] = []
    gone: list[str] = []
    failed: list[tuple[str, Exception]] = []
    for what, step in steps:
        try:
            await step()
        except TMDBAPIError as exc:
            if _gone(exc):
                gone.append(f"{what} (TMDB code {exc.tmdb_code})")
            else:
                failed.append((what, exc))
        except TMDBTransportError as exc:
            failed.append((what, exc))
        else:
            ended.append(what)
    return ended, gone, failed


def _why(exc: Exception) -> str:
    if app_credential_refused(exc):
        assert isinstance(exc, TMDBAPIError)
        return (
            f"TMDB refused the application credential (HTTP {exc.http_status}, code "
            f"{exc.tmdb_code}); fix TMDB_ACCESS_TOKEN / TMDB_API_KEY"
        )
    if isinstance(exc, TMDBAPIError):
        return f"TMDB answered HTTP {exc.http_status} (code {exc.tmdb_code})"
    return f"TMDB could not be reached ({type(exc).__name__})"


async def _logout(args: argparse.Namespace) -> int:
    stored = load_session()
    path = session_path()
    talk = _talk(args)
    result: dict[str, Any] = {"kind": stored["kind"], "session_file": str(path)}
    if args.local or stored["kind"] == "guest":
        path.unlink(missing_ok=True)
        result.update(removed=True, ended_at_tmdb=False)
        if stored["kind"] == "guest":
            note = "TMDB deletes guest sessions itself once unused"
        else:
            note = (
                "TMDB was not told: the session stays valid there until it expires or you "
                "revoke it in your TMDB account settings"
            )
        result["note"] = note
        if args.json:
            print_json(result, sys.stdout)
        else:
            print(f"Removed {path}; {note}.")
        return EXIT_OK
    async with _client(args, stored) as tmdb:
        steps: list[tuple[str, Callable[[], Awaitable[object]]]] = [
            ("session", lambda: tmdb.auth.delete_session(str(stored["session_id"]))),
        ]
        if stored["kind"] == "v4":
            token = V4AccessToken(
                access_token=str(stored["access_token"]),
                account_id=str(stored.get("v4_account_id", "")),
            )
            steps.append(("v4 user token", lambda: tmdb.auth.delete_v4_access_token(token)))
        ended, gone, failed = await _end_at_tmdb(steps)
    result.update(ended=ended, already_gone=gone)
    if failed:
        # Not confirmed: the session is still valid on TMDB. Keep the file, so that
        # `logout` can be run again once the cause is fixed.
        reasons = "; ".join(f"{what}: {_why(exc)}" for what, exc in failed)
        result.update(
            removed=False,
            ended_at_tmdb=False,
            failed=[{"what": what, "reason": _why(exc)} for what, exc in failed],
        )
        if args.json:
            print_json(result, sys.stdout)
        print(
            f"tmdb-async: error: not logged out: {reasons}. The session is still valid on "
            f"TMDB and still saved in {path}; run `tmdb-async logout` again, or "
            "`tmdb-async logout --local` to forget it here only.",
            file=sys.stderr,
        )
        refused = any(app_credential_refused(exc) or unreachable(exc) for _, exc in failed)
        return EXIT_STOPPED if refused else EXIT_FAILED
    path.unlink(missing_ok=True)
    result.update(removed=True, ended_at_tmdb=True)
    if args.json:
        print_json(result, sys.stdout)
        return EXIT_OK
    for what in gone:
        print(f"TMDB no longer knew the {what}.", file=talk)
    print(f"Logged out; removed {path}.", file=talk)
    return EXIT_OK


async def _guest(args: argparse.Namespace) -> int:
    async with _client(args) as tmdb:
        guest = await tmdb.auth.create_guest_session()
        record = {
            "kind": "guest",
            "guest_session_id": guest.guest_session_id,
            "expires_at": guest.expires_at.isoformat() if guest.expires_at else None,
            "base_url": tmdb.base_url,
        }
    path = save_session(record)
    if args.json:
        print_json(
            {
                "kind": "guest",
                "expires_at": record["expires_at"],
                "base_url": record["base_url"],
                "session_file": str(path),
            },
            sys.stdout,
        )
        return EXIT_OK
    when = guest.expires_at.isoformat() if guest.expires_at else "unknown"
    print(f"Guest session {mask(guest.guest_session_id)} saved to {path}.")
    print(f"It can rate titles; TMDB deletes it if unused by {when}.")
    return EXIT_OK


def register(subparsers: Any) -> None:
    """Add ``login``, ``whoami``, ``logout`` and ``guest`` to the ``tmdb-async`` parser."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--base-url",
        help="TMDB API host without a version (default: $TMDB_BASE_URL, the host stored at "
        f"login, or {DEFAULT_BASE_URL})",
    )
    common.add_argument(
        "--website-url",
        help=f"TMDB website for approval pages (default: $TMDB_WEBSITE_URL or "
        f"{DEFAULT_WEBSITE_URL})",
    )
    common.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object on standard output (never a secret); messages go to "
        "standard error",
    )
    login = subparsers.add_parser(
        "login",
        parents=[common],
        help="log in to TMDB and store the session",
        description="Print the approval URL, wait for you to approve it in a browser, then "
        "create the session and store it (mode 0600). Credentials: TMDB_ACCESS_TOKEN or "
        "TMDB_API_KEY.",
    )
    mode = login.add_mutually_exclusive_group()
    mode.add_argument("--v4", action="store_true", help="use TMDB's v4 user flow")
    mode.add_argument(
        "--username", help="log in with a username; the password is asked for, not echoed"
    )
    login.add_argument(
        "--password-stdin",
        action="store_true",
        help="with --username: read the password from the first line of standard input "
        "(for scripts: `pass show tmdb | tmdb-async login --username me --password-stdin`)",
    )
    login.set_defaults(func=_login)
    whoami = subparsers.add_parser(
        "whoami", parents=[common], help="show the account of the stored session"
    )
    whoami.set_defaults(func=_whoami)
    logout = subparsers.add_parser(
        "logout",
        parents=[common],
        help="end the stored session at TMDB, then forget it here",
        description="Delete the stored session at TMDB and then the local file. The file "
        "is kept when TMDB did not confirm (the session is then still valid there), unless "
        "--local is given.",
    )
    logout.add_argument(
        "--local",
        action="store_true",
        help="only forget the session here, without asking TMDB (it stays valid there)",
    )
    logout.set_defaults(func=_logout)
    guest = subparsers.add_parser(
        "guest", parents=[common], help="create a guest session and store it"
    )
    guest.set_defaults(func=_guest)
