"""The sandbox's state: clock, users, tokens, sessions, and what each account and guest did.

Pure Python, no aiohttp: the server turns each method's result into a response and each
:class:`Failure` into TMDB's error envelope. Everything lives in memory while the sandbox
runs.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from typing import Any

import attrs

from ..errors import TMDB_CODES
from ._catalogue import JSON

__all__ = [
    "DEFAULT_USERS",
    "ERROR_MESSAGES",
    "LIST_SORTS",
    "Clock",
    "Failure",
    "ManualClock",
    "SandboxUser",
    "State",
    "format_expiry",
    "system_clock",
]

#: A clock: returns the current time as an aware UTC datetime.
Clock = Callable[[], dt.datetime]

#: How long a v3 request token lives (SESSID).
REQUEST_TOKEN_TTL = dt.timedelta(minutes=60)
#: How long a v4 request token lives (V4USER).
V4_REQUEST_TOKEN_TTL = dt.timedelta(minutes=15)
#: How long a guest session lives when unused.
GUEST_SESSION_TTL = dt.timedelta(hours=24)

#: TMDB's status codes: ``code -> (HTTP status, message)`` (the SDK's one table).
ERROR_MESSAGES = TMDB_CODES


class Failure(Exception):
    """A TMDB error answer: the server sends it as ``{"success": false, ...}``.

    Attributes:
        code: TMDB's ``status_code``.
        http_status: the HTTP status (TMDB's documented one unless given).
        message: the ``status_message``.
    """

    def __init__(self, code: int, *, http_status: int | None = None, message: str = "") -> None:
        default_status, default_message = ERROR_MESSAGES.get(code, (400, "Failed."))
        self.code = code
        self.http_status = http_status or default_status
        self.message = message or default_message
        super().__init__(f"TMDB code {code}")

    def body(self) -> JSON:
        """The error envelope."""
        out: JSON = {"success": False, "status_code": self.code, "status_message": self.message}
        if self.code in (17, 36):
            out["failure"] = True  # recorded live (WIRE.md section 5)
        return out


def format_expiry(when: dt.datetime) -> str:
    """TMDB's ``expires_at`` format: ``"2016-08-26 17:04:39 UTC"``."""
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


class ManualClock:
    """A clock that stands still until told to move: expiry without waiting.

    Call it for the time; :meth:`advance` moves it forward::

        clock = ManualClock()
        async with Sandbox(clock=clock) as sb:
            ...
            clock.advance(minutes=61)  # every request token is now expired

    Args:
        start: the initial time (aware; default 2026-01-01 00:00:00 UTC).
    """

    def __init__(self, start: dt.datetime | None = None) -> None:
        start = start or dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
        if start.tzinfo is None:
            raise ValueError("start must be an aware datetime")
        self._now = start

    def __call__(self) -> dt.datetime:
        return self._now

    def advance(
        self,
        delta: dt.timedelta | None = None,
        *,
        seconds: float = 0,
        minutes: float = 0,
        hours: float = 0,
    ) -> dt.datetime:
        """Move the clock forward; returns the new time."""
        step = (delta or dt.timedelta()) + dt.timedelta(
            seconds=seconds, minutes=minutes, hours=hours
        )
        if step < dt.timedelta():
            raise ValueError("a clock only moves forward")
        self._now += step
        return self._now

    def __repr__(self) -> str:
        return f"<ManualClock {self._now.isoformat()}>"


def system_clock() -> dt.datetime:
    """The current UTC time."""
    return dt.datetime.now(dt.timezone.utc)


def _hide(_: object) -> str:
    return "'***'"


@attrs.frozen(kw_only=True)
class SandboxUser:
    """A seeded TMDB user that can log in (``validate_with_login``) and approve tokens.

    Attributes:
        username: the login name.
        password: the password (never shown in ``repr``).
        id: the v3 account id (an integer).
        name: the display name.
        include_adult: the account's adult-content setting.
        iso_639_1: language, ``"en"``.
        iso_3166_1: country, ``"US"``.
        gravatar_hash: the avatar's Gravatar hash.
        avatar_path: the TMDB avatar path, or ``None`` (no uploaded avatar).
        v4_account_id: the v4 account object id (24 hex characters).
    """

    username: str
    password: str = attrs.field(repr=_hide)
    id: int
    name: str = ""
    include_adult: bool = False
    iso_639_1: str = "en"
    iso_3166_1: str = "US"
    gravatar_hash: str = attrs.field(default="")
    avatar_path: str | None = None
    v4_account_id: str = attrs.field(default="")

    def details(self) -> JSON:
        """The account as ``GET /3/account`` returns it."""
        return {
            "avatar": {
                "gravatar": {
                    "hash": self.gravatar_hash
                    or hashlib.md5(self.username.encode(), usedforsecurity=False).hexdigest()
                },
                "tmdb": {"avatar_path": self.avatar_path},
            },
            "id": self.id,
            "iso_639_1": self.iso_639_1,
            "iso_3166_1": self.iso_3166_1,
            "name": self.name,
            "include_adult": self.include_adult,
            "username": self.username,
        }

    def object_id(self) -> str:
        """The v4 account id: ``v4_account_id`` or one derived from the v3 id."""
        return self.v4_account_id or hashlib.sha256(f"v4:{self.id}".encode()).hexdigest()[:24]


#: The users every sandbox knows unless told otherwise. The first is TMDB's own example
#: account (``GET /3/account/{account_id}`` in the official document); the second has no
#: uploaded avatar, like most real accounts.
DEFAULT_USERS: tuple[SandboxUser, ...] = (
    SandboxUser(
        username="travisbell",
        password="sandbox-password",
        id=548,
        name="Travis Bell",
        iso_3166_1="CA",
        gravatar_hash="c9e9fc152ee756a900db85757c29815d",
        avatar_path="/xy44UvpbTgzs9kWmp4C3fEaCl5h.png",
        v4_account_id="4bc8892a017a3c0f92000002",
    ),
    SandboxUser(
        username="johnny_appleseed",
        password="test123",
        id=6089455,
        name="Johnny Appleseed",
        iso_3166_1="BE",
    ),
)


@attrs.define
class RequestTokenState:
    """A request token (v3 or v4) and what happened to it."""

    created_at: dt.datetime
    expires_at: dt.datetime
    approved_by: int | None = None
    denied: bool = False
    used: bool = False
    redirect_to: str | None = None


@attrs.define
class Ratings:
    """Ratings by one account or one guest session: key -> (value, when)."""

    movies: dict[int, tuple[float, dt.datetime]] = attrs.Factory(dict)
    tv: dict[int, tuple[float, dt.datetime]] = attrs.Factory(dict)
    episodes: dict[tuple[int, int, int], tuple[float, dt.datetime]] = attrs.Factory(dict)

    def table(self, kind: str) -> dict[Any, tuple[float, dt.datetime]]:
        """The ratings of ``kind``: "movie", "tv" or "episode"."""
        tables: dict[str, dict[Any, tuple[float, dt.datetime]]] = {
            "movie": self.movies,
            "tv": self.tv,
            "episode": self.episodes,
        }
        return tables[kind]


@attrs.define
class AccountState:
    """What one account did: favourites, watchlist (media_type -> id -> when), ratings."""

    favorite: dict[str, dict[int, dt.datetime]] = attrs.Factory(lambda: {"movie": {}, "tv": {}})
    watchlist: dict[str, dict[int, dt.datetime]] = attrs.Factory(lambda: {"movie": {}, "tv": {}})
    ratings: Ratings = attrs.Factory(Ratings)


@attrs.define
class GuestState:
    """One guest session: its expiry and its ratings."""

    expires_at: dt.datetime
    ratings: Ratings = attrs.Factory(Ratings)


#: The ``sort_by`` values TMDB accepts on a v4 list (V4.md section 4.2).
LIST_SORTS = frozenset(
    f"{field}.{way}"
    for field in ("original_order", "vote_average", "primary_release_date", "release_date", "title")
    for way in ("asc", "desc")
)


@attrs.define
class ListItem:
    """One entry of a list: what it is, when it was added and its comment (v4 only)."""

    media_type: str
    media_id: int
    added_at: dt.datetime
    comment: str | None = None

    @property
    def key(self) -> tuple[str, int]:
        """``(media_type, media_id)``."""
        return (self.media_type, self.media_id)


@attrs.define
class ListState:
    """A user's list, seen alike by the v3 (``/3/list``) and v4 (``/4/list``) routes."""

    id: int
    owner: int
    name: str
    description: str
    iso_639_1: str
    created_at: dt.datetime
    updated_at: dt.datetime
    iso_3166_1: str = "US"
    public: bool = True
    sort_by: str = "original_order.asc"
    items: list[ListItem] = attrs.Factory(list)

    def find(self, media_type: str, media_id: int) -> ListItem | None:
        """The entry for an item, or ``None``."""
        return next((i for i in self.items if i.key == (media_type, media_id)), None)

    def movie_ids(self) -> list[int]:
        """The ids of the movies on the list, in the order added."""
        return [i.media_id for i in self.items if i.media_type == "movie"]


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class State:
    """Users, tokens, sessions and per-account data of one sandbox.

    Args:
        users: the seeded users (usernames and ids must be unique).
        clock: returns the current aware UTC time.
        signing_key: signs the v4 JWTs this sandbox issues.
    """

    def __init__(self, *, users: tuple[SandboxUser, ...], clock: Clock, signing_key: str) -> None:
        self.clock = clock
        self.users_by_name: dict[str, SandboxUser] = {}
        self.users_by_id: dict[int, SandboxUser] = {}
        for user in users:
            if user.username in self.users_by_name or user.id in self.users_by_id:
                raise ValueError(f"duplicate sandbox user {user.username!r} / id {user.id}")
            self.users_by_name[user.username] = user
            self.users_by_id[user.id] = user
        self._signing_key = signing_key.encode()
        self.request_tokens: dict[str, RequestTokenState] = {}
        self.v4_request_tokens: dict[str, RequestTokenState] = {}
        self.v4_access_tokens: dict[str, int] = {}
        self.sessions: dict[str, int] = {}
        self.guest_sessions: dict[str, GuestState] = {}
        self.accounts: dict[int, AccountState] = {u.id: AccountState() for u in users}
        self.lists: dict[int, ListState] = {}
        self._next_list_id = 8_000_001

    def now(self) -> dt.datetime:
        """The clock's current time."""
        return self.clock()

    # ------------------------------------------------------------------ users

    def user(self, username: str | None) -> SandboxUser:
        """A seeded user by name; the first one when ``username`` is ``None``."""
        if username is None:
            if not self.users_by_id:
                raise LookupError("this sandbox has no users")
            return next(iter(self.users_by_id.values()))
        try:
            return self.users_by_name[username]
        except KeyError:
            raise LookupError(f"no sandbox user named {username!r}") from None

    # ------------------------------------------------------------------ v3 request tokens

    def new_request_token(self) -> tuple[str, RequestTokenState]:
        """A fresh, unapproved v3 request token (40 hex)."""
        token = secrets.token_hex(20)
        now = self.now()
        state = RequestTokenState(created_at=now, expires_at=now + REQUEST_TOKEN_TTL)
        self.request_tokens[token] = state
        return token, state

    def live_request_token(self, token: str) -> RequestTokenState:
        """A known, unexpired, unused v3 token, or code 33."""
        state = self.request_tokens.get(token)
        if state is None or state.used or self.now() >= state.expires_at:
            raise Failure(33)
        return state

    def approve(self, token: str, username: str | None = None) -> SandboxUser:
        """The user approves ``token`` (as on the approval page)."""
        state = self.live_request_token(token)
        user = self.user(username)
        state.approved_by = user.id
        state.denied = False
        return user

    def deny(self, token: str) -> None:
        """The user denies ``token``."""
        state = self.live_request_token(token)
        state.approved_by = None
        state.denied = True

    def validate_with_login(self, username: str, password: str, token: str) -> RequestTokenState:
        """Approve ``token`` with a username and password (codes 26, 30, 33)."""
        if not username or not password:
            raise Failure(26)
        state = self.live_request_token(token)
        user = self.users_by_name.get(username)
        # Compared as UTF-8 bytes: hmac.compare_digest refuses non-ASCII str, and a password
        # is any text (a lone surrogate from a JSON escape is kept, so it just fails to match).
        if user is None or not hmac.compare_digest(_utf8(user.password), _utf8(password)):
            raise Failure(30)
        state.approved_by = user.id
        state.denied = False
        return state

    def create_session(self, token: str) -> str:
        """Exchange an approved token for a session id (codes 17, 33)."""
        state = self.live_request_token(token)
        if state.approved_by is None:
            raise Failure(17)
        state.used = True
        return self._new_session(state.approved_by)

    def _new_session(self, account_id: int) -> str:
        session_id = secrets.token_hex(20)
        self.sessions[session_id] = account_id
        return session_id

    def delete_session(self, session_id: str) -> None:
        """Log out (code 37 for an unknown session)."""
        if self.sessions.pop(session_id, None) is None:
            raise Failure(37)

    def account_of(self, session_id: str | None) -> SandboxUser:
        """The user of a session id (code 3 when missing or unknown)."""
        account_id = self.sessions.get(session_id) if session_id else None
        if account_id is None:
            raise Failure(3)
        return self.users_by_id[account_id]

    # ------------------------------------------------------------------ guest sessions

    def new_guest_session(self) -> tuple[str, GuestState]:
        """A fresh guest session (32 hex)."""
        guest_id = secrets.token_hex(16)
        state = GuestState(expires_at=self.now() + GUEST_SESSION_TTL)
        self.guest_sessions[guest_id] = state
        return guest_id, state

    def guest(self, guest_id: str | None) -> GuestState:
        """A live guest session (code 3 when unknown or expired)."""
        state = self.guest_sessions.get(guest_id) if guest_id else None
        if state is None or self.now() >= state.expires_at:
            raise Failure(3)
        return state

    # ------------------------------------------------------------------ v4

    def _jwt(self, payload: JSON) -> str:
        header = _b64(json.dumps({"alg": "HS256"}, separators=(",", ":")).encode())
        body = _b64(json.dumps(payload, separators=(",", ":")).encode())
        signature = hmac.new(self._signing_key, f"{header}.{body}".encode(), "sha256")
        return f"{header}.{body}.{_b64(signature.digest())}"

    def new_v4_request_token(self, redirect_to: str | None) -> str:
        """A fresh v4 request token (a JWT) that lives 15 minutes."""
        now = self.now()
        token = self._jwt(
            {
                "jti": secrets.token_hex(8),
                "nbf": int(now.timestamp()),
                "scopes": ["pending_request_token"],
                "version": 2,
            }
        )
        self.v4_request_tokens[token] = RequestTokenState(
            created_at=now, expires_at=now + V4_REQUEST_TOKEN_TTL, redirect_to=redirect_to
        )
        return token

    def live_v4_request_token(self, token: str) -> RequestTokenState:
        """A known, unexpired, unused v4 request token, or code 33."""
        state = self.v4_request_tokens.get(token)
        if state is None or state.used or self.now() >= state.expires_at:
            raise Failure(33)
        return state

    def approve_v4(self, token: str, username: str | None = None) -> SandboxUser:
        """The user approves a v4 request token."""
        state = self.live_v4_request_token(token)
        user = self.user(username)
        state.approved_by = user.id
        state.denied = False
        return user

    def deny_v4(self, token: str) -> None:
        """The user denies a v4 request token."""
        state = self.live_v4_request_token(token)
        state.approved_by = None
        state.denied = True

    def create_access_token(self, token: str) -> tuple[str, SandboxUser]:
        """Exchange an approved v4 request token for a user access token (codes 33, 41)."""
        state = self.live_v4_request_token(token)
        if state.approved_by is None:
            raise Failure(41)
        state.used = True
        user = self.users_by_id[state.approved_by]
        access = self._jwt(
            {
                "jti": secrets.token_hex(8),
                "nbf": int(self.now().timestamp()),
                "sub": user.object_id(),
                "scopes": ["api_read", "api_write"],
                "version": 1,
            }
        )
        self.v4_access_tokens[access] = user.id
        return access, user

    def delete_access_token(self, access_token: str) -> None:
        """Revoke a v4 user access token (code 35 when unknown)."""
        if self.v4_access_tokens.pop(access_token, None) is None:
            raise Failure(35)

    def convert_v4(self, access_token: str) -> str:
        """A v3 session for a v4 user access token (code 35 when unknown)."""
        account_id = self.v4_access_tokens.get(access_token)
        if account_id is None:
            raise Failure(35)
        return self._new_session(account_id)

    # ------------------------------------------------------------------ lists

    def create_list(
        self,
        owner: int,
        name: str,
        description: str,
        language: str,
        *,
        country: str = "US",
        public: bool = True,
        sort_by: str = "original_order.asc",
    ) -> ListState:
        """A new, empty list owned by ``owner`` (code 5 without a name)."""
        if not name:
            raise Failure(5)
        now = self.now()
        state = ListState(
            id=self._next_list_id,
            owner=owner,
            name=name,
            description=description,
            iso_639_1=language or "en",
            iso_3166_1=country or "US",
            public=public,
            sort_by=sort_by,
            created_at=now,
            updated_at=now,
        )
        self._next_list_id += 1
        self.lists[state.id] = state
        return state

    def get_list(self, list_id: int) -> ListState:
        """A list by id (code 34 when unknown)."""
        state = self.lists.get(list_id)
        if state is None:
            raise Failure(34)
        return state

    def own_list(self, list_id: int, account_id: int) -> ListState:
        """A list the account may edit (codes 34, 38)."""
        state = self.get_list(list_id)
        if state.owner != account_id:
            raise Failure(38)
        return state

    def add_to_list(self, lst: ListState, media_type: str, media_id: int) -> bool:
        """Add an item; ``False`` when it is already there."""
        if lst.find(media_type, media_id) is not None:
            return False
        lst.items.append(ListItem(media_type=media_type, media_id=media_id, added_at=self.now()))
        lst.updated_at = self.now()
        return True

    def remove_from_list(self, lst: ListState, media_type: str, media_id: int) -> bool:
        """Remove an item; ``False`` when it was not there."""
        entry = lst.find(media_type, media_id)
        if entry is None:
            return False
        lst.items.remove(entry)
        lst.updated_at = self.now()
        return True

    def clear_list(self, lst: ListState) -> int:
        """Remove every item; returns how many there were."""
        count = len(lst.items)
        lst.items.clear()
        lst.updated_at = self.now()
        return count

    def delete_list(self, lst: ListState) -> None:
        """Forget a list (later reads answer 404 code 34)."""
        del self.lists[lst.id]

    # ------------------------------------------------------------------ v4 users

    def v4_user(self, access_token: str | None) -> SandboxUser | None:
        """The user of a v4 user access token this sandbox issued, else ``None``."""
        account_id = self.v4_access_tokens.get(access_token) if access_token else None
        return None if account_id is None else self.users_by_id[account_id]
