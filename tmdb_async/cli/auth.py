"""``tmdb-async login | whoami | logout | guest``: TMDB user sessions from the command line.

The application credential comes from the environment (``TMDB_ACCESS_TOKEN``, the API Read
Access Token, or ``TMDB_API_KEY``); ``--base-url`` / ``--website-url`` (or
``TMDB_BASE_URL`` / ``TMDB_WEBSITE_URL``) point the commands at another TMDB, such as a
local sandbox.

The session is stored in ``$XDG_CONFIG_HOME/tmdb-async/session.json`` (default
``~/.config/tmdb-async/session.json``), created with mode 0600 so only its owner can read
it; a file others can read is refused. Session ids and tokens are never printed in full.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import getpass
import json
import os
import stat
from pathlib import Path
from typing import Any

from .._client import DEFAULT_BASE_URL, DEFAULT_WEBSITE_URL, TMDBClient
from ..errors import AuthenticationError, NotFoundError, TMDBUsageError
from ..models.auth import GuestSession, Session
from ..models.user import V4AccessToken

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


def load_session(path: Path | None = None) -> dict[str, Any]:
    """Read the session file, refusing one that others can read.

    Raises:
        SessionStoreError: no file, a file with group or other permissions, or bad JSON.
    """
    target = path or session_path()
    try:
        info = target.stat()
    except FileNotFoundError:
        raise SessionStoreError(
            f"not logged in (no {target}); run `tmdb-async login` or `tmdb-async guest`"
        ) from None
    if os.name == "posix" and stat.S_IMODE(info.st_mode) & 0o077:
        raise SessionStoreError(
            f"{target} is readable by other users (mode {stat.S_IMODE(info.st_mode):o}); "
            f"run `chmod 600 {target}` or log in again"
        )
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SessionStoreError(f"cannot read {target}: {type(exc).__name__}") from None
    if not isinstance(data, dict) or data.get("kind") not in ("session", "guest", "v4"):
        raise SessionStoreError(f"{target} is not a tmdb-async session file")
    return data


def mask(secret: str) -> str:
    """The first four characters of a secret, then an ellipsis: enough to tell them apart."""
    return f"{secret[:4]}…" if secret else "…"


def _client(args: argparse.Namespace, stored: dict[str, Any] | None = None) -> TMDBClient:
    base_url = args.base_url or os.environ.get("TMDB_BASE_URL") or None
    if base_url is None and stored is not None:
        base_url = stored.get("base_url")
    website_url = args.website_url or os.environ.get("TMDB_WEBSITE_URL") or DEFAULT_WEBSITE_URL
    access_token = os.environ.get("TMDB_ACCESS_TOKEN") or None
    api_key = None if access_token else (os.environ.get("TMDB_API_KEY") or None)
    return TMDBClient(
        access_token=access_token,
        api_key=api_key,
        base_url=base_url or DEFAULT_BASE_URL,
        website_url=website_url,
    )


async def _wait_for_user(prompt: str) -> bool:
    try:
        await asyncio.to_thread(input, prompt)
    except EOFError:
        print("\nno answer on standard input; nothing saved")
        return False
    return True


async def _login(args: argparse.Namespace) -> int:
    async with _client(args) as tmdb:
        record: dict[str, Any]
        if args.v4:
            request_token = await tmdb.auth.create_v4_request_token()
            print("Open this page in a browser and approve the request:")
            print(f"  {tmdb.auth.v4_approval_url(request_token)}")
            if not await _wait_for_user("Press Enter once you have approved it... "):
                return 1
            access = await tmdb.auth.create_v4_access_token(request_token)
            session = await tmdb.auth.convert_v4_session(access)
            record = {
                "kind": "v4",
                "access_token": access.access_token,
                "v4_account_id": access.account_id,
                "session_id": session.session_id,
            }
        elif args.username:
            password = await asyncio.to_thread(getpass.getpass, "TMDB password: ")
            session = await tmdb.auth.login(args.username, password)
            del password
            record = {"kind": "session", "session_id": session.session_id}
        else:
            token = await tmdb.auth.create_request_token()
            print("Open this page in a browser and approve the request:")
            print(f"  {tmdb.auth.approval_url(token)}")
            if not await _wait_for_user("Press Enter once you have approved it... "):
                return 1
            session = await tmdb.auth.create_session(token)
            record = {"kind": "session", "session_id": session.session_id}
        account = await tmdb.for_user(session).account.details()
        record.update(
            account_id=account.id,
            username=account.username,
            base_url=tmdb.base_url,
        )
        path = save_session(record)
    shown = account.name or account.username
    print(f"Logged in as {shown} (account id {account.id}).")
    print(f"Session {mask(session.session_id)} saved to {path} (readable only by you).")
    return 0


async def _whoami(args: argparse.Namespace) -> int:
    stored = load_session()
    if stored["kind"] == "guest":
        guest = _guest_of(stored)
        when = guest.expires_at.isoformat() if guest.expires_at else "unknown"
        state = " (expired)" if guest.is_expired() else ""
        print(f"Guest session {mask(guest.guest_session_id)}, expires at {when}{state}.")
        return 0
    async with _client(args, stored) as tmdb:
        account_id = stored.get("account_id")
        view = tmdb.for_user(
            Session(session_id=str(stored["session_id"])),
            account_id=account_id if isinstance(account_id, int) else None,
        )
        account = await view.account.details()
    kind = "v4 user token" if stored["kind"] == "v4" else "session"
    name = f" ({account.name})" if account.name else ""
    print(f"{account.username}{name}, account id {account.id}")
    print(f"{kind} {mask(str(stored['session_id']))} from {session_path()}")
    return 0


def _guest_of(stored: dict[str, Any]) -> GuestSession:
    expires = stored.get("expires_at")
    return GuestSession(
        guest_session_id=str(stored["guest_session_id"]),
        expires_at=dt.datetime.fromisoformat(expires) if isinstance(expires, str) else None,
    )


async def _logout(args: argparse.Namespace) -> int:
    stored = load_session()
    path = session_path()
    if stored["kind"] != "guest":
        async with _client(args, stored) as tmdb:
            try:
                await tmdb.auth.delete_session(str(stored["session_id"]))
                if stored["kind"] == "v4":
                    await tmdb.auth.delete_v4_access_token(
                        V4AccessToken(
                            access_token=str(stored["access_token"]),
                            account_id=str(stored.get("v4_account_id", "")),
                        )
                    )
            except (AuthenticationError, NotFoundError) as exc:
                # The session is dead already: forgetting it is all that is left to do.
                print(f"TMDB no longer knew this session (TMDB code {exc.tmdb_code}).")
    path.unlink(missing_ok=True)
    print(f"Logged out; removed {path}.")
    return 0


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
    when = guest.expires_at.isoformat() if guest.expires_at else "unknown"
    print(f"Guest session {mask(guest.guest_session_id)} saved to {path}.")
    print(f"It can rate titles; TMDB deletes it if unused by {when}.")
    return 0


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
    login.set_defaults(func=_login)
    whoami = subparsers.add_parser(
        "whoami", parents=[common], help="show the account of the stored session"
    )
    whoami.set_defaults(func=_whoami)
    logout = subparsers.add_parser(
        "logout", parents=[common], help="delete the stored session at TMDB and locally"
    )
    logout.set_defaults(func=_logout)
    guest = subparsers.add_parser(
        "guest", parents=[common], help="create a guest session and store it"
    )
    guest.set_defaults(func=_guest)
