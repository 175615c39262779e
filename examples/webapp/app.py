"""Sign in with TMDB: a small aiohttp.web app that acts for each of its users.

Run it from a clone of the repository (no credentials needed)::

    python -m examples.webapp            # or: python examples/webapp/app.py

It prints the URL to open. Without ``TMDB_ACCESS_TOKEN`` / ``TMDB_API_KEY`` in the
environment it starts tmdb_async's sandbox (a fake TMDB) in the same process and talks to
it; with one of them set it talks to the real TMDB.

The pattern it shows:

* **One** :class:`~tmdb_async.TMDBClient` for the whole app, created at start-up and closed at
  shutdown (``app.cleanup_ctx``). Every request of every user goes through its one
  connection pool.
* **One view per request**: ``tmdb.for_user(session, account_id=...)`` is cheap (no I/O, no
  connection) and acts for that user only.
* **TMDB session ids stay on the server.** The browser's cookie (HttpOnly, SameSite=Lax,
  Secure over HTTPS) holds an opaque random key into a server-side store (in memory, or
  Redis for several workers); the TMDB session id never reaches the browser, the HTML or
  the logs.
* The approval round trip is bound to the browser that started it, so a sign-in link made
  by someone else cannot sign you into their account; every form (sign-in included) carries
  a CSRF token; every value on a page goes through ``html.escape``; odd input (non-ASCII
  tokens, ``movie_id=²``) gets a 400 page, never a 500.
* Sign-in starts are limited per client address and kept apart from signed-in sessions, so
  a flood of them cannot push signed-in users out. TMDB's ``redirect_to`` comes from the
  configured ``--public-url`` (or, in local development, a loopback ``Host``), never from a
  stranger's ``Host`` header.
* Sign-out says what happened: when TMDB did not confirm the end of the session (5xx,
  unreachable, the app's key refused) the user stays signed in and is told so, with "Try
  again" and "Sign out of this app only" (see :func:`logout`).

* **Several workers** (``--workers 3 --redis redis://...``, see ``workers.py``): browser
  sessions move to Redis (``redis_store.py``, same rules) and every worker's client shares
  one rate budget through it (:class:`~tmdb_async.SharedRateLimit`), since TMDB counts
  requests per IP address.

Only aiohttp and tmdb_async are used (plus the standard library); with ``--redis``, also
``redis`` (``pip install tmdb-async[redis]``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hmac
import html
import ipaddress
import logging
import math
import os
import re
import secrets
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from tmdb_async import (
    DEFAULT_BASE_URL,
    DEFAULT_WEBSITE_URL,
    AuthenticationError,
    InvalidAPIKeyError,
    InvalidRequestTokenError,
    RateLimit,
    SessionDeniedError,
    SharedRateLimit,
    TMDBAPIError,
    TMDBClient,
    TMDBTransportError,
    TMDBUsageError,
)
from tmdb_async.errors import NotFoundError, SuspendedAPIKeyError
from tmdb_async.models.auth import Session
from tmdb_async.models.configuration import ImageConfiguration
from tmdb_async.models.movie import MovieSummary
from tmdb_async.models.user import UserMovie
from tmdb_async.resources.user import UserView

__all__ = [
    "COOKIE_NAME",
    "LOGIN_COOKIE",
    "STORE",
    "TMDB",
    "BrowserSession",
    "BrowserStore",
    "LIMITER",
    "LoginLimiter",
    "SessionStore",
    "StoreUnavailable",
    "TMDBFactory",
    "SUPERVISOR_ENV",
    "TMDB_CONNECTIONS",
    "TMDB_RATE",
    "app_from_env",
    "client_from_env",
    "rate_budget",
    "serve",
    "create_app",
    "main",
    "sandbox_client",
]

log = logging.getLogger("tmdb_webapp")

#: The cookie that holds the browser's opaque session key (never a TMDB secret).
COOKIE_NAME = "webapp_session"
#: How long a browser session may sit unused before the store forgets it (seconds).
IDLE_TIMEOUT = 12 * 3600.0
#: The most signed-in browser sessions kept at once; the least recently used go first.
MAX_SESSIONS = 10_000
#: How long a started sign-in waits for TMDB's approval (TMDB's request tokens live 60 min).
PENDING_TIMEOUT = 3600.0
#: The most sign-ins in progress kept at once (apart from signed-in sessions).
MAX_PENDING = 1_000
#: Sign-in starts one client may make at once, and then per minute.
LOGIN_BURST = 10
LOGIN_PER_MINUTE = 10.0
#: The cookie that carries the sign-in form's CSRF nonce (signed-out browsers have no session).
LOGIN_COOKIE = "webapp_login"
#: The poster size the pages ask for (when TMDB's configuration offers it).
POSTER_SIZE = "w185"
#: How many favourites the page lists.
MAX_FAVOURITES = 100
#: Connections TMDB allows one IP address: all the app's worker processes together.
TMDB_CONNECTIONS = 20
#: Requests a second to TMDB, all the app's worker processes together (with a burst of a
#: quarter of that: 40 and 10 are tmdb_async's defaults, inside TMDB's ~50 per IP address).
TMDB_RATE = 40.0
#: Set by the supervisor (``--workers``) to its pid: a worker stops when its parent is gone.
SUPERVISOR_ENV = "WEBAPP_SUPERVISOR_PID"

#: Something that opens (and on exit closes) the app's one TMDBClient.
TMDBFactory = Callable[[], AbstractAsyncContextManager[TMDBClient]]


# --------------------------------------------------------------------------- session store


@dataclass(eq=False)
class BrowserSession:
    """What the server keeps for one browser. Only :attr:`key` travels, in the cookie.

    Attributes:
        key: the opaque random id in the cookie.
        csrf: the token every state-changing form must send back.
        last_seen: the store clock's time of the last request.
        pending_token: the request token this browser is approving, if any.
        tmdb_session_id: the user's TMDB session id once signed in (a secret).
        account_id: the user's v3 account id once signed in.
        account_name: the name to greet the user with.
    """

    key: str = field(repr=False)
    csrf: str = field(repr=False)
    last_seen: float
    pending_token: str | None = field(default=None, repr=False)
    tmdb_session_id: str | None = field(default=None, repr=False)
    account_id: int | None = None
    account_name: str = ""

    @property
    def signed_in(self) -> bool:
        """Whether a TMDB session is attached."""
        return self.tmdb_session_id is not None


class StoreUnavailable(Exception):
    """The browser-session store cannot be reached (Redis down): the page says so (503).

    The message names the failure's type only (never a URL, a password or a key).
    """


class BrowserStore(Protocol):
    """Where the app keeps browser sessions: in memory (:class:`SessionStore`) or in Redis.

    Only :attr:`BrowserSession.key` travels to the browser; everything else stays here. A
    store raises :class:`StoreUnavailable` when it cannot answer (never "signed out").
    """

    async def login_secret(self) -> bytes:
        """The key that signs the sign-in form's CSRF token, the same for every worker."""

    async def new(self) -> BrowserSession:
        """A fresh, signed-out session in the pending pool (its cap evicts the oldest)."""

    async def get(self, key: str | None) -> BrowserSession | None:
        """The live session for a cookie value (its idle clock restarts), or ``None``."""

    async def save(self, session: BrowserSession) -> None:
        """Keep a change of ``pending_token`` (or the profile fields) of a live session."""

    async def take_pending(self, session: BrowserSession) -> bool:
        """Clear the pending request token: ``True`` for the one call that cleared it."""

    async def rotate(self, session: BrowserSession) -> BrowserSession:
        """Move a session to the signed-in pool under a new key and CSRF token; keep it."""

    async def drop(self, session: BrowserSession) -> None:
        """Forget a session."""

    async def close(self) -> None:
        """Release connections (at app shutdown)."""


class SessionStore:
    """Browser sessions in memory, keyed by an unguessable random id.

    Two pools with their own caps, so one cannot crowd out the other: sessions **waiting**
    for TMDB's approval (made by anyone who presses "Sign in", so cheap to create by the
    thousand) and **signed-in** sessions. A flood of sign-in starts only evicts other
    pending ones; a signed-in user is never pushed out by them.

    Good for one process (the default). Several worker processes share
    :class:`~examples.webapp.redis_store.RedisSessionStore` instead: the same
    :class:`BrowserStore` interface, the same caps and idle expiry, kept in Redis.

    Args:
        idle_timeout: seconds after which an unused signed-in session is forgotten.
        max_sessions: the cap on signed-in sessions; the least recently used go first.
        pending_timeout: seconds after which a sign-in that was started is forgotten.
        max_pending: the cap on sign-ins in progress; the oldest go first.
        clock: monotonic seconds (tests inject their own).
    """

    def __init__(
        self,
        *,
        idle_timeout: float = IDLE_TIMEOUT,
        max_sessions: int = MAX_SESSIONS,
        pending_timeout: float = PENDING_TIMEOUT,
        max_pending: int = MAX_PENDING,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_sessions < 1 or max_pending < 1:
            raise ValueError("max_sessions and max_pending must be at least 1")
        # Dicts keep insertion order: the least recently used come first.
        self._pending: dict[str, BrowserSession] = {}
        self._signed_in: dict[str, BrowserSession] = {}
        self._idle_timeout = idle_timeout
        self._max_sessions = max_sessions
        self._pending_timeout = pending_timeout
        self._max_pending = max_pending
        self._clock = clock
        self._login_secret = secrets.token_bytes(32)

    async def close(self) -> None:
        """Nothing to release in memory."""

    def __len__(self) -> int:
        return len(self._pending) + len(self._signed_in)

    def sessions(self) -> list[BrowserSession]:
        """Every live session (a copy): pending ones, then signed-in ones, each oldest first."""
        return [*self._pending.values(), *self._signed_in.values()]

    def pending(self) -> list[BrowserSession]:
        """The sessions whose sign-in has started but not finished (a copy)."""
        return list(self._pending.values())

    def signed_in(self) -> list[BrowserSession]:
        """The signed-in sessions (a copy), least recently used first."""
        return list(self._signed_in.values())

    async def login_secret(self) -> bytes:
        """The key that signs the sign-in form's CSRF token (random, per store)."""
        return self._login_secret

    async def new(self) -> BrowserSession:
        """A fresh, signed-out browser session (in the pending pool) with new random keys."""
        self._sweep(self._pending, self._pending_timeout, self._max_pending)
        session = BrowserSession(
            key=secrets.token_urlsafe(32),
            csrf=secrets.token_urlsafe(32),
            last_seen=self._clock(),
        )
        self._pending[session.key] = session
        return session

    async def get(self, key: str | None) -> BrowserSession | None:
        """The live session for a cookie value, or ``None``."""
        if not key:
            return None
        for pool, timeout in (
            (self._signed_in, self._idle_timeout),
            (self._pending, self._pending_timeout),
        ):
            session = pool.get(key)
            if session is None:
                continue
            now = self._clock()
            if now - session.last_seen > timeout:
                del pool[key]
                return None
            session.last_seen = now
            del pool[key]  # re-insert: most recently used last
            pool[key] = session
            return session
        return None

    async def save(self, session: BrowserSession) -> None:
        """Keep a change to a live session's fields (in memory: they are the stored object)."""

    async def take_pending(self, session: BrowserSession) -> bool:
        """Clear the session's pending request token: whether this call was the one to clear it."""
        had = session.pending_token is not None
        session.pending_token = None
        return had

    async def drop(self, session: BrowserSession) -> None:
        """Forget a session (sign-out)."""
        self._drop(session)

    def _drop(self, session: BrowserSession) -> None:
        self._pending.pop(session.key, None)
        self._signed_in.pop(session.key, None)

    async def rotate(self, session: BrowserSession) -> BrowserSession:
        """The same session under a new key and CSRF token, moved to the signed-in pool.

        Called at sign-in, once the TMDB fields are set: a new key means no session fixation.
        """
        self._drop(session)
        self._sweep(self._signed_in, self._idle_timeout, self._max_sessions)
        session.key = secrets.token_urlsafe(32)
        session.csrf = secrets.token_urlsafe(32)
        session.last_seen = self._clock()
        self._signed_in[session.key] = session
        return session

    def _sweep(self, pool: dict[str, BrowserSession], timeout: float, cap: int) -> None:
        now = self._clock()
        for key, session in list(pool.items()):
            if now - session.last_seen > timeout:
                del pool[key]
        while len(pool) >= cap:
            del pool[next(iter(pool))]


class LoginLimiter:
    """How many sign-ins each client may start: a token bucket per client address.

    Every start costs TMDB a request token and the app a pending session, so one client
    may start ``burst`` at once and then ``per_minute`` more a minute. At most
    ``max_clients`` addresses are remembered (the least recently seen are forgotten).

    Args:
        burst: starts allowed at once from a fresh client.
        per_minute: the refill rate, starts per minute.
        max_clients: addresses remembered at most.
        clock: monotonic seconds (tests inject their own).
    """

    def __init__(
        self,
        *,
        burst: int = LOGIN_BURST,
        per_minute: float = LOGIN_PER_MINUTE,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if burst < 1 or per_minute <= 0 or max_clients < 1:
            raise ValueError("burst, per_minute and max_clients must be positive")
        self.burst = burst
        self.per_minute = per_minute
        self._max_clients = max_clients
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, at)

    def acquire(self, client: str) -> float:
        """Take one start for ``client``: 0.0 when allowed, else seconds until the next one."""
        now = self._clock()
        tokens, at = self._buckets.pop(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - at) * self.per_minute / 60.0)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) * 60.0 / self.per_minute
        self._buckets[client] = (tokens, now)
        while len(self._buckets) > self._max_clients:
            del self._buckets[next(iter(self._buckets))]
        return wait


# --------------------------------------------------------------------------- app state

#: The app's one TMDB client (``request.app[TMDB]``).
TMDB = web.AppKey("tmdb", TMDBClient)
#: The browser session store (``request.app[STORE]``).
STORE = web.AppKey[BrowserStore]("store")
#: The per-client limit on sign-in starts (``request.app[LIMITER]``).
LIMITER = web.AppKey("login_limiter", LoginLimiter)
_FACTORY = web.AppKey[TMDBFactory]("tmdb_factory")
_PUBLIC_URL = web.AppKey("public_url", str)
_ALLOWED_HOSTS = web.AppKey[frozenset[str]]("allowed_hosts")


class Problem(Exception):
    """Ends a request with a message page (never a stack trace)."""

    def __init__(self, status: int, title: str, text: str) -> None:
        super().__init__(title)
        self.status = status
        self.title = title
        self.text = text


# --------------------------------------------------------------------------- templates

_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;color:#032541;background:#f5f7f9}
header{background:#032541;color:#fff;padding:.8rem 1.5rem;display:flex;align-items:center;
gap:1rem}header h1{font-size:1.2rem;margin:0;flex:1}main{max-width:60rem;margin:1.5rem auto;
padding:0 1rem}form.inline{display:inline}button{cursor:pointer;padding:.3rem .8rem}
ul.movies{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,
minmax(12rem,1fr));gap:1rem}ul.movies li{background:#fff;border-radius:.4rem;padding:.6rem}
ul.movies img{width:100%;height:auto;border-radius:.3rem;background:#dde}
.title{font-weight:600;margin:.3rem 0}.muted{color:#667}input[type=number]{width:4rem}
"""


def e(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def _layout(title: str, body: str, *, who: BrowserSession | None = None) -> str:
    account = ""
    if who is not None and who.signed_in:
        account = (
            f"<span>Signed in as <strong id='account-name'>{e(who.account_name)}</strong></span>"
            "<form class='inline' method='post' action='/logout'>"
            f"<input type='hidden' name='csrf' value='{e(who.csrf)}'>"
            "<button type='submit' id='sign-out'>Sign out</button></form>"
        )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{e(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1><a href='/' style='color:inherit'>Movies with TMDB</a></h1>{account}"
        f"</header><main>{body}</main></body></html>"
    )


def _message_page(title: str, text: str) -> str:
    body = (
        f"<h2 id='message-title'>{e(title)}</h2><p id='message'>{e(text)}</p>"
        "<p><a href='/'>Back to the start page</a></p>"
    )
    return _layout(title, body)


def _signed_out_page(notice: str | None, csrf: str) -> str:
    note = f"<p id='notice'>{e(notice)}</p>" if notice else ""
    body = (
        f"{note}<p>Sign in with your TMDB account to see your favourite movies, add new ones "
        "and rate what you watched. You approve the access on TMDB; this app never sees "
        "your password.</p>"
        "<form method='post' action='/login'>"
        f"<input type='hidden' name='csrf' value='{e(csrf)}'>"
        "<button type='submit' id='sign-in'>Sign in with TMDB</button></form>"
    )
    return _layout("Movies with TMDB", body)


def _logout_failed_page(who: BrowserSession, what: str) -> str:
    hidden = f"<input type='hidden' name='csrf' value='{e(who.csrf)}'>"
    body = (
        "<h2 id='message-title'>Not signed out</h2>"
        f"<p id='message'>TMDB did not end your session: {e(what)}. You are still signed in "
        "here and at TMDB.</p>"
        f"<form class='inline' method='post' action='/logout'>{hidden}"
        "<button type='submit' id='sign-out-again'>Try again</button></form> "
        f"<form class='inline' method='post' action='/logout'>{hidden}"
        "<input type='hidden' name='scope' value='local'>"
        "<button type='submit' id='sign-out-here'>Sign out of this app only</button></form>"
        "<p class='muted'>Signing out of this app only forgets the session here; TMDB keeps it "
        "valid until you revoke this app in your TMDB account settings.</p>"
    )
    return _layout("Not signed out", body, who=who)


@dataclass(frozen=True)
class MovieCard:
    """One movie as the page shows it."""

    id: int
    title: str
    year: str
    poster: str | None
    favourite: bool
    rating: float | None


def _hidden(who: BrowserSession, query: str) -> str:
    return (
        f"<input type='hidden' name='csrf' value='{e(who.csrf)}'>"
        f"<input type='hidden' name='q' value='{e(query)}'>"
    )


def _card(movie: MovieCard, who: BrowserSession, query: str) -> str:
    poster = (
        f"<img src='{e(movie.poster)}' alt='Poster of {e(movie.title)}' width='185' "
        "height='278' loading='lazy'>"
        if movie.poster
        else "<div class='muted'>(no poster)</div>"
    )
    action, label = ("remove", "Unfavourite") if movie.favourite else ("add", "Favourite")
    rating = (
        f"<span class='rating'>Your rating: {movie.rating:g}</span>"
        if movie.rating is not None
        else "<span class='rating muted'>Not rated</span>"
    )
    year = f" ({e(movie.year)})" if movie.year else ""
    return (
        f"<li class='movie' data-movie-id='{movie.id}'>{poster}"
        f"<div class='title'>{e(movie.title)}{year}</div>"
        f"<form class='inline' method='post' action='/favourite'>{_hidden(who, query)}"
        f"<input type='hidden' name='movie_id' value='{movie.id}'>"
        f"<input type='hidden' name='action' value='{action}'>"
        f"<button type='submit' class='favourite-button'>{label}</button></form>"
        f"<form method='post' action='/rate'>{_hidden(who, query)}"
        f"<input type='hidden' name='movie_id' value='{movie.id}'>"
        "<label>Rate <input type='number' name='value' min='0.5' max='10' step='0.5' "
        "required></label> <button type='submit' class='rate-button'>Rate</button></form>"
        f"<div>{rating}</div></li>"
    )


def _cards(movies: list[MovieCard], who: BrowserSession, query: str) -> str:
    return "<ul class='movies'>" + "".join(_card(m, who, query) for m in movies) + "</ul>"


def _home_page(
    who: BrowserSession,
    favourites: list[MovieCard],
    query: str,
    results: list[MovieCard] | None,
    total_results: int,
) -> str:
    search = (
        "<form method='get' action='/' role='search'>"
        f"<input type='search' name='q' id='search' value='{e(query)}' "
        "placeholder='Search movies' aria-label='Search movies'> "
        "<button type='submit' id='search-button'>Search</button></form>"
    )
    found = ""
    if results is not None:
        if results:
            found = (
                f"<section id='results'><h2>Results for “{e(query)}” "
                f"<small class='muted'>({total_results} found)</small></h2>"
                f"{_cards(results, who, query)}</section>"
            )
        else:
            found = f"<section id='results'><p>No movie matches “{e(query)}”.</p></section>"
    if favourites:
        favs = _cards(favourites, who, query)
    else:
        favs = "<p class='muted' id='no-favourites'>No favourites yet: search and add some.</p>"
    body = f"{search}{found}<section id='favourites'><h2>Your favourite movies</h2>{favs}</section>"
    return _layout("Your movies", body, who=who)


# --------------------------------------------------------------------------- helpers


def _poster_size(images: ImageConfiguration) -> str:
    sizes = images.sizes("poster")
    if POSTER_SIZE in sizes:
        return POSTER_SIZE
    return sizes[0] if sizes else "original"


async def _browser(request: web.Request) -> BrowserSession | None:
    return await request.app[STORE].get(request.cookies.get(COOKIE_NAME))


def _secure(request: web.Request) -> bool:
    # Behind a TLS-terminating proxy the request looks like plain HTTP: trust public_url.
    return request.secure or request.app[_PUBLIC_URL].startswith("https://")


def _set_cookie(request: web.Request, response: web.StreamResponse, who: BrowserSession) -> None:
    response.set_cookie(
        COOKIE_NAME,
        who.key,
        httponly=True,
        samesite="Lax",
        secure=_secure(request),
        path="/",
    )


def _clear_cookie(request: web.Request, response: web.StreamResponse) -> None:
    response.del_cookie(
        COOKIE_NAME, path="/", httponly=True, samesite="Lax", secure=_secure(request)
    )


def _home_url(query: str = "") -> str:
    query = query.strip()
    return "/?" + urlencode({"q": query}) if query else "/"


def _view(request: web.Request, who: BrowserSession) -> UserView:
    """A view acting for this browser's user: cheap, made per request, shares the pool."""
    assert who.tmdb_session_id is not None
    return request.app[TMDB].for_user(
        Session(session_id=who.tmdb_session_id), account_id=who.account_id
    )


async def _signed_in(request: web.Request) -> BrowserSession:
    who = await _browser(request)
    if who is None or not who.signed_in:
        raise Problem(401, "Not signed in", "Your session ended. Sign in with TMDB again.")
    return who


async def _checked_form(request: web.Request) -> tuple[BrowserSession, dict[str, str]]:
    """The signed-in browser and its form, after the CSRF check."""
    who = await _signed_in(request)
    raw = await request.post()
    form = {k: v for k, v in raw.items() if isinstance(v, str)}
    if not _same(form.get("csrf", ""), who.csrf):
        raise Problem(
            403, "Form expired", "This form is out of date. Go back, reload and try again."
        )
    return who, form


def _same(given: str, expected: str) -> bool:
    """Constant-time comparison of any two strings (non-ASCII or not: never a TypeError)."""
    return hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass")
    )


_MOVIE_ID = re.compile(r"[0-9]{1,10}")
_NONCE = re.compile(r"[A-Za-z0-9_-]{32}")


def _movie_id(form: dict[str, str]) -> int:
    raw = form.get("movie_id", "")
    # ASCII digits only: str.isdigit() also accepts "²" and other digits int() refuses.
    if not _MOVIE_ID.fullmatch(raw) or not 1 <= int(raw) <= 2**31 - 1:
        raise Problem(400, "Unknown movie", "That is not a movie id.")
    return int(raw)


async def _login_csrf(request: web.Request, nonce: str) -> str:
    """The sign-in form's CSRF token: the login cookie's nonce signed with the app's secret.

    Signed-out browsers have no server-side session (so that showing the start page costs
    no memory); a cross-site form can neither read the cookie nor compute its signature.
    The key comes from the store, so that every worker process checks the same signature.
    """
    key = await request.app[STORE].login_secret()
    return hmac.new(key, nonce.encode("utf-8", "surrogatepass"), "sha256").hexdigest()


def _is_local(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _callback_url(request: web.Request) -> str:
    """Where TMDB sends the browser back: the configured public URL, never a stranger's Host.

    Without ``public_url`` only a loopback address (local development) or a host in
    ``allowed_hosts`` may name it; any other ``Host`` header is refused.
    """
    public = request.app[_PUBLIC_URL]
    if public:
        return public.rstrip("/") + "/callback"
    try:
        origin = request.url.origin()
        host = (request.url.host or "").lower()
    except ValueError:
        host = ""
    if host and (_is_local(host) or host in request.app[_ALLOWED_HOSTS]):
        return f"{origin}/callback"
    log.warning("sign-in refused for a Host not configured (set --public-url)")
    raise Problem(
        400,
        "Unknown address",
        "This app is not configured to be reached at this address, so it cannot sign you "
        "in here. (Its operator sets the public URL with --public-url.)",
    )


def _app_credential_refused(exc: TMDBAPIError) -> bool:
    """TMDB refused the app's own key (code 7 / 10): says nothing about the user's session."""
    return isinstance(exc, (InvalidAPIKeyError, SuspendedAPIKeyError))


# --------------------------------------------------------------------------- handlers


async def home(request: web.Request) -> web.Response:
    """The start page: sign-in button, or the user's favourites and the search box."""
    who = await _browser(request)
    if who is None or not who.signed_in:
        notice = "You are signed out." if request.query.get("signed_out") else None
        nonce = request.cookies.get(LOGIN_COOKIE, "")
        fresh = not _NONCE.fullmatch(nonce)
        if fresh:
            nonce = secrets.token_urlsafe(24)
        response = _html(_signed_out_page(notice, await _login_csrf(request, nonce)), private=True)
        if fresh:
            response.set_cookie(
                LOGIN_COOKIE,
                nonce,
                httponly=True,
                samesite="Lax",
                secure=_secure(request),
                path="/",
            )
        return response
    tmdb = request.app[TMDB]
    view = _view(request, who)
    query = request.query.get("q", "").strip()[:200]

    async def favourites() -> list[UserMovie]:
        pages = tmdb.paginate(view.favorites.movies, sort_by="created_at.desc")
        return [m async for m in pages.limit(max_items=MAX_FAVOURITES)]

    async def ratings() -> dict[int, float]:
        pages = tmdb.paginate(view.ratings.movies).limit(max_items=MAX_FAVOURITES)
        return {m.id: m.rating async for m in pages if m.rating is not None}

    async def search() -> tuple[list[MovieSummary], int]:
        if not query:
            return [], 0
        page = await tmdb.search.movie(query)
        return list(page.results), page.total_results

    # Independent reads for one user, at once; all through the app's one pool.
    images, favs, rated, (found, total) = await asyncio.gather(
        tmdb.images.config(), favourites(), ratings(), search()
    )
    size = _poster_size(images)
    fav_ids = {m.id for m in favs}

    def card(movie: UserMovie | MovieSummary) -> MovieCard:
        return MovieCard(
            id=movie.id,
            title=movie.title,
            year=str(movie.release_date.year) if movie.release_date else "",
            poster=images.url(movie.poster_path, size, kind="poster"),
            favourite=movie.id in fav_ids,
            rating=rated.get(movie.id),
        )

    results = [card(m) for m in found] if query else None
    page = _home_page(who, [card(m) for m in favs], query, results, total)
    return _html(page, private=True)


async def login(request: web.Request) -> web.Response:
    """Start "Sign in with TMDB": a request token bound to this browser, then off to TMDB.

    The form carries a CSRF token like every other form (a forged cross-site POST would
    otherwise replace the victim's cookie and so sign them out). Each client may start
    only so many sign-ins a minute (:class:`LoginLimiter`), and pending sign-ins are kept
    apart from signed-in sessions (:class:`SessionStore`).
    """
    store = request.app[STORE]
    tmdb = request.app[TMDB]
    raw = await request.post()
    sent = raw.get("csrf")
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    if not isinstance(sent, str) or not nonce or not _same(sent, await _login_csrf(request, nonce)):
        raise Problem(
            403,
            "Form expired",
            "This sign-in form is out of date or was sent from another site. Go back to the "
            "start page and press “Sign in with TMDB” there.",
        )
    who = await _browser(request)
    if who is not None and who.signed_in:
        raise web.HTTPSeeOther("/")
    callback_url = _callback_url(request)
    wait = request.app[LIMITER].acquire(request.remote or "")
    if wait > 0:
        log.info("sign-in start refused: too many from one client")
        response = _html(
            _message_page(
                "Too many sign-ins",
                "Too many sign-ins were started from your address. Wait a minute and try again.",
            ),
            status=429,
        )
        response.headers["Retry-After"] = str(math.ceil(wait))
        return response
    token = await tmdb.auth.create_request_token()
    who = who or await store.new()
    who.pending_token = token.request_token
    await store.save(who)
    url = tmdb.auth.approval_url(token, redirect_to=callback_url)
    response = web.HTTPSeeOther(url)
    _set_cookie(request, response, who)
    raise response


async def callback(request: web.Request) -> web.Response:
    """TMDB sends the browser back here: ``?request_token=...&approved=true`` (or denied)."""
    store = request.app[STORE]
    tmdb = request.app[TMDB]
    token = request.query.get("request_token", "")
    who = await _browser(request)
    if who is None or who.pending_token is None or not token:
        raise Problem(
            400,
            "Sign-in link expired",
            "This sign-in link has expired or was not started in this browser. "
            "Start again with “Sign in with TMDB”.",
        )
    if not _same(token, who.pending_token):
        raise Problem(
            400,
            "Sign-in link not recognised",
            "This sign-in link does not belong to the sign-in started in this browser. "
            "Start again with “Sign in with TMDB”.",
        )
    if not await store.take_pending(who):  # one use, whatever happens next
        raise Problem(
            400,
            "Sign-in link already used",
            "This sign-in link was already used. Start again with “Sign in with TMDB”.",
        )
    if request.query.get("denied") == "true" or request.query.get("approved") != "true":
        raise Problem(
            403,
            "Sign-in cancelled",
            "You did not allow this app to use your TMDB account, so you are not signed in.",
        )
    try:
        session = await tmdb.auth.create_session(token)
    except SessionDeniedError:
        raise Problem(
            403,
            "Sign-in not approved",
            "TMDB says the request was not approved. Start again with “Sign in with TMDB”.",
        ) from None
    except InvalidRequestTokenError:
        raise Problem(
            400,
            "Sign-in request expired",
            "The sign-in request expired or was already used (TMDB keeps them for 60 "
            "minutes). Start again with “Sign in with TMDB”.",
        ) from None
    account = await tmdb.for_user(session).account.details()
    who.tmdb_session_id = session.session_id
    who.account_id = account.id
    who.account_name = account.name or account.username or f"account {account.id}"
    who = await store.rotate(who)  # a new key once signed in: no session fixation
    response = web.HTTPSeeOther("/")
    _set_cookie(request, response, who)
    raise response


async def favourite(request: web.Request) -> web.Response:
    """Add a movie to the user's favourites, or remove it (``action=add|remove``)."""
    who, form = await _checked_form(request)
    movie_id = _movie_id(form)
    await _view(request, who).favorites.set("movie", movie_id, form.get("action") != "remove")
    raise web.HTTPSeeOther(_home_url(form.get("q", "")))


async def rate(request: web.Request) -> web.Response:
    """Rate a movie (0.5 to 10 in steps of 0.5)."""
    who, form = await _checked_form(request)
    movie_id = _movie_id(form)
    try:
        value = float(form.get("value", ""))
    except ValueError:
        raise Problem(400, "Not a rating", "A rating is a number from 0.5 to 10.") from None
    await _view(request, who).ratings.rate_movie(movie_id, value)
    raise web.HTTPSeeOther(_home_url(form.get("q", "")))


async def logout(request: web.Request) -> web.Response:
    """Sign out: end the TMDB session, forget it here, clear the cookie; say what happened.

    * TMDB ended the session: signed out (redirect to the start page).
    * TMDB no longer knew the session (revoked or expired there, HTTP 404 or a 401 about the
      session): nothing is left to end, so the browser is signed out here too.
    * TMDB did not confirm (a 5xx, a 429, a 401 refusing the *app's* key, or TMDB could not
      be reached): the session is still valid at TMDB, so the app **keeps** it and says so
      (HTTP 502), offering "Try again" and "Sign out of this app only". Forgetting it
      silently would leave a live TMDB session that this app can no longer end for the user.
    * ``scope=local`` ("Sign out of this app only"): forgotten here without asking TMDB; the
      page says the TMDB session stays valid until revoked in TMDB's settings.
    """
    who, form = await _checked_form(request)
    store = request.app[STORE]
    if form.get("scope") == "local":
        await store.drop(who)
        response = _html(
            _message_page(
                "Signed out of this app",
                "You are signed out here. TMDB was not told: your TMDB session stays valid "
                "until you revoke this app in your TMDB account settings.",
            ),
            private=True,
        )
        _clear_cookie(request, response)
        return response
    try:
        await _view(request, who).logout()
    except TMDBAPIError as exc:
        if isinstance(exc, (AuthenticationError, NotFoundError)) and not (
            _app_credential_refused(exc)
        ):
            await store.drop(who)
            log.info("TMDB session already gone: %s", type(exc).__name__)
            response = _html(
                _message_page(
                    "Signed out",
                    "TMDB had already ended this session (revoked or expired there). You are "
                    "signed out here too.",
                ),
                private=True,
            )
            _clear_cookie(request, response)
            return response
        log.warning("TMDB did not end the session: %s (code %s)", type(exc).__name__, exc.tmdb_code)
        what = f"TMDB answered HTTP {exc.http_status} (code {exc.tmdb_code})"
        return _html(_logout_failed_page(who, what), status=502, private=True)
    except TMDBTransportError as exc:
        log.warning("TMDB session deletion failed: %s", type(exc).__name__)
        return _html(
            _logout_failed_page(who, "TMDB could not be reached"), status=502, private=True
        )
    await store.drop(who)
    redirect = web.HTTPSeeOther("/?signed_out=1")
    _clear_cookie(request, redirect)
    raise redirect


# --------------------------------------------------------------------------- middleware


def _html(text: str, *, status: int = 200, private: bool = False) -> web.Response:
    response = web.Response(text=text, status=status, content_type="text/html")
    if private:
        response.headers["Cache-Control"] = "no-store"
    return response


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every failure becomes a message page; details go to the log, never to the page."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Problem as problem:
        response = _html(_message_page(problem.title, problem.text), status=problem.status)
    except TMDBUsageError as exc:
        # Local checks (a rating out of range, an empty search): safe to show.
        response = _html(_message_page("That did not work", str(exc)), status=400)
    except AuthenticationError as exc:
        return await _authentication_failed(request, exc)
    except StoreUnavailable as exc:
        return _store_unavailable(exc)
    except TMDBAPIError as exc:
        log.warning("TMDB error: %s (code %s)", type(exc).__name__, exc.tmdb_code)
        response = _html(
            _message_page("TMDB said no", f"TMDB refused the request: {exc.tmdb_message}"),
            status=502,
        )
    except TMDBTransportError as exc:
        log.warning("TMDB unreachable: %s", type(exc).__name__)
        response = _html(
            _message_page("TMDB is unreachable", "Could not reach TMDB. Try again shortly."),
            status=502,
        )
    except Exception:
        log.exception("unexpected error in %s %s", request.method, request.path)
        response = _html(
            _message_page("Something went wrong", "Sorry, that failed. Try again."),
            status=500,
        )
    return response


async def _authentication_failed(request: web.Request, exc: AuthenticationError) -> web.Response:
    if _app_credential_refused(exc):
        # TMDB refused the app's own key: the user's session is not the problem.
        log.error("TMDB refused the app's credential (code %s)", exc.tmdb_code)
        return _html(
            _message_page(
                "TMDB refused this app", "TMDB does not accept this app's key right now."
            ),
            status=502,
        )
    # The TMDB session was deleted or revoked elsewhere: sign this browser out.
    try:
        who = await _browser(request)
        if who is not None and who.signed_in:
            await request.app[STORE].drop(who)
    except StoreUnavailable as unavailable:
        return _store_unavailable(unavailable)
    log.info("TMDB refused the user's session: %s", type(exc).__name__)
    response = _html(
        _message_page("Signed out", "TMDB ended your session. Sign in with TMDB again."),
        status=401,
    )
    _clear_cookie(request, response)
    return response


def _store_unavailable(exc: StoreUnavailable) -> web.Response:
    # Never "signed out": the session may well be there once the store answers again.
    log.warning("session store unavailable: %s", exc)
    response = _html(
        _message_page(
            "Sessions unavailable",
            "This app cannot reach its session store right now, so it cannot tell whether "
            "you are signed in. Nothing was changed. Try again in a moment.",
        ),
        status=503,
        private=True,
    )
    response.headers["Retry-After"] = "5"
    return response


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    images = ""
    config = request.app[TMDB].configuration.cached if TMDB in request.app else None
    if config is not None:
        parts = urlsplit(config.images.secure_base_url or config.images.base_url)
        if parts.scheme and parts.netloc:
            images = f" {parts.scheme}://{parts.netloc}"
    response.headers.setdefault(
        "Content-Security-Policy",
        f"default-src 'none'; img-src 'self'{images}; style-src 'unsafe-inline'; "
        "form-action 'self' " + _form_targets(request) + "; frame-ancestors 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    # The callback URL carries a request token: never send it on as a Referer.
    response.headers.setdefault("Referrer-Policy", "no-referrer")


def _form_targets(request: web.Request) -> str:
    # The sign-in form's POST is answered with a redirect to TMDB's website: allow it.
    if TMDB not in request.app:
        return ""
    parts = urlsplit(request.app[TMDB].website_url)
    return f"{parts.scheme}://{parts.netloc}"


# --------------------------------------------------------------------------- the app


def create_app(
    tmdb: TMDBFactory,
    *,
    public_url: str | None = None,
    allowed_hosts: Iterable[str] = (),
    store: BrowserStore | None = None,
    login_limiter: LoginLimiter | None = None,
) -> web.Application:
    """The web app.

    Args:
        tmdb: opens the app's one TMDBClient at start-up and closes it at shutdown, e.g.
            ``lambda: TMDBClient(access_token=...)`` (a client is its own context manager)
            or :func:`sandbox_client`.
        public_url: the app's address as browsers reach it (for TMDB's redirect back),
            e.g. ``https://movies.example``. Required outside local development: without it
            the redirect is built from the request's ``Host`` only for loopback addresses
            (``127.0.0.1``, ``localhost``, ``::1``) and ``allowed_hosts``.
        allowed_hosts: host names (no port) trusted in the ``Host`` header when there is
            no ``public_url``.
        store: the browser-session store (default: a :class:`SessionStore` in memory, for
            one process; several workers share a
            :class:`~examples.webapp.redis_store.RedisSessionStore`). The app closes it at
            shutdown.
        login_limiter: the per-client limit on sign-in starts (default:
            :class:`LoginLimiter` with ``LOGIN_BURST`` and ``LOGIN_PER_MINUTE``).

    Raises:
        ValueError: ``public_url`` is not an absolute http(s) URL.
    """
    if public_url:
        parts = urlsplit(public_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("public_url must be an absolute http:// or https:// URL")
    app = web.Application(middlewares=[errors])
    app[_FACTORY] = tmdb
    app[_PUBLIC_URL] = public_url or ""
    app[_ALLOWED_HOSTS] = frozenset(h.strip().lower() for h in allowed_hosts if h.strip())
    app[STORE] = store if store is not None else SessionStore()
    app[LIMITER] = login_limiter if login_limiter is not None else LoginLimiter()
    app.cleanup_ctx.append(_tmdb_client)
    app.on_cleanup.append(_close_store)
    app.on_response_prepare.append(_security_headers)
    app.router.add_get("/", home)
    app.router.add_post("/login", login)
    app.router.add_get("/callback", callback)
    app.router.add_post("/favourite", favourite)
    app.router.add_post("/rate", rate)
    app.router.add_post("/logout", logout)
    return app


async def _tmdb_client(app: web.Application) -> AsyncIterator[None]:
    """One TMDBClient for the app's lifetime: opened at start-up, closed at shutdown."""
    async with app[_FACTORY]() as client:
        app[TMDB] = client
        yield


async def _close_store(app: web.Application) -> None:
    await app[STORE].close()


@contextlib.asynccontextmanager
async def sandbox_client() -> AsyncIterator[TMDBClient]:
    """Start tmdb_async's sandbox (a fake TMDB) in this process; a client pointed at it."""
    from tmdb_async.testing import Sandbox

    async with Sandbox() as sandbox, sandbox.client() as client:
        yield client


def client_from_env(
    *,
    redis_url: str | None = None,
    max_connections: int = TMDB_CONNECTIONS,
    processes: int = 1,
    rate: float = TMDB_RATE,
) -> TMDBFactory | None:
    """A factory for the real TMDB from ``TMDB_ACCESS_TOKEN`` or ``TMDB_API_KEY``, else None.

    ``TMDB_BASE_URL`` and ``TMDB_WEBSITE_URL`` override TMDB's addresses. With ``redis_url``
    the client's rate budget is the one all ``processes`` workers share (:func:`rate_budget`);
    ``max_connections`` caps the client's pool (TMDB allows 20 per IP address in all, so
    N workers take ``20 // N`` each).
    """
    base_url = os.environ.get("TMDB_BASE_URL", DEFAULT_BASE_URL)
    website_url = os.environ.get("TMDB_WEBSITE_URL", DEFAULT_WEBSITE_URL)
    token = os.environ.get("TMDB_ACCESS_TOKEN")
    key = os.environ.get("TMDB_API_KEY")
    if not token and not key:
        return None

    def factory() -> TMDBClient:
        return TMDBClient(
            access_token=token or None,
            api_key=None if token else key,
            base_url=base_url,
            website_url=website_url,
            rate_limit=rate_budget(redis_url, processes=processes, rate=rate),
            max_connections=max_connections,
        )

    return factory


async def app_from_env() -> web.Application:
    """The app configured from the environment: for servers that import an app factory.

    Under gunicorn's aiohttp worker, N processes on one address::

        WEBAPP_REDIS_URL=redis://localhost:6379/0 WEBAPP_WORKERS=3 TMDB_ACCESS_TOKEN=... \\
        gunicorn examples.webapp.app:app_from_env --worker-class aiohttp.GunicornWebWorker \\
            --workers 3 --bind 0.0.0.0:8080

    Reads ``TMDB_ACCESS_TOKEN`` or ``TMDB_API_KEY`` (and ``TMDB_BASE_URL`` /
    ``TMDB_WEBSITE_URL``), ``WEBAPP_REDIS_URL``, ``WEBAPP_WORKERS`` (how many processes
    share the budget and the 20 connections; keep it equal to gunicorn's ``--workers``),
    ``WEBAPP_TMDB_RATE`` (requests a second, all workers together), ``WEBAPP_PUBLIC_URL``
    and ``WEBAPP_ALLOWED_HOSTS`` (comma-separated).

    Raises:
        RuntimeError: no TMDB credentials (each worker would start a sandbox of its own),
            several workers without ``WEBAPP_REDIS_URL``, or a value out of range.
    """
    redis_url = os.environ.get("WEBAPP_REDIS_URL") or None
    raw_workers = os.environ.get("WEBAPP_WORKERS", "1")
    workers = int(raw_workers) if raw_workers.isdigit() else 0
    if not 1 <= workers <= 64:
        raise RuntimeError("WEBAPP_WORKERS must be a whole number from 1 to 64")
    if workers > 1 and not redis_url:
        raise RuntimeError("WEBAPP_WORKERS above 1 needs WEBAPP_REDIS_URL (shared sessions)")
    try:
        rate = float(os.environ.get("WEBAPP_TMDB_RATE", TMDB_RATE))
    except ValueError:
        rate = 0.0
    if not 0.1 <= rate <= 1000:
        raise RuntimeError("WEBAPP_TMDB_RATE must be a number from 0.1 to 1000")
    factory = client_from_env(
        redis_url=redis_url,
        max_connections=max(1, TMDB_CONNECTIONS // workers),
        processes=workers,
        rate=rate,
    )
    if factory is None:
        raise RuntimeError(
            "set TMDB_ACCESS_TOKEN or TMDB_API_KEY (for the sandbox: run `tmdb-async sandbox` "
            "and export what it prints)"
        )
    store: BrowserStore | None = None
    if redis_url:
        from examples.webapp.redis_store import RedisSessionStore

        store = RedisSessionStore(redis_url)
    hosts = [h for h in os.environ.get("WEBAPP_ALLOWED_HOSTS", "").split(",") if h]
    return create_app(
        factory,
        public_url=os.environ.get("WEBAPP_PUBLIC_URL") or None,
        allowed_hosts=hosts,
        store=store,
    )


def rate_budget(
    redis_url: str | None, *, processes: int = 1, rate: float = TMDB_RATE
) -> RateLimit | SharedRateLimit:
    """The app's TMDB rate budget: its own, or with ``redis_url`` one shared by every worker.

    TMDB counts requests per IP address, so worker processes behind one address share one
    :class:`~tmdb_async.SharedRateLimit` (TMDB's 40 requests a second, and one 429 cooldown)
    or together they overrun it. Its key is the library's default, so other tmdb_async
    programs on the same machine and Redis (a batch job) share it too. While Redis is
    unreachable each of the ``processes`` workers keeps to its share of the budget.
    ``rate`` is requests a second for all of them together, with a burst of ``rate / 4``.
    """
    burst = max(1, round(rate / 4))
    if not redis_url:
        return RateLimit(rate, burst)
    return SharedRateLimit(redis_url, rate=rate, burst=burst, processes=processes)


async def serve(
    host: str,
    port: int,
    public_url: str | None,
    allowed_hosts: Iterable[str] = (),
    *,
    redis_url: str | None = None,
    reuse_port: bool = False,
    max_connections: int = TMDB_CONNECTIONS,
    processes: int = 1,
    rate: float = TMDB_RATE,
) -> None:
    """Run the app until interrupted (Ctrl+C, SIGTERM), printing its URL.

    With ``redis_url`` browser sessions live in Redis (:class:`RedisSessionStore`) and the
    rate budget is shared, so several processes can serve the app; ``reuse_port`` lets them
    listen on one port (``SO_REUSEPORT``: the kernel spreads connections over them).
    ``max_connections`` caps this process's connections to TMDB, ``processes`` says how many
    share the budget (each keeps to its share while Redis is unreachable), ``rate`` is the
    budget (requests a second, all processes together).
    """
    real = client_from_env(
        redis_url=redis_url, max_connections=max_connections, processes=processes, rate=rate
    )
    allowed_hosts = list(allowed_hosts)
    store: BrowserStore | None = None
    if redis_url:
        from examples.webapp.redis_store import RedisSessionStore

        store = RedisSessionStore(redis_url)
    app = create_app(
        real or sandbox_client, public_url=public_url, allowed_hosts=allowed_hosts, store=store
    )
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    # SIGTERM (a process manager, the --workers supervisor) stops cleanly; not on Windows.
    with contextlib.suppress(NotImplementedError):
        loop.add_signal_handler(signal.SIGTERM, stop.set)
    try:
        site = web.TCPSite(runner, host, port, reuse_port=reuse_port or None)
        await site.start()
        bound_host, bound_port = runner.addresses[0][:2]
        where = "the real TMDB" if real else f"the embedded sandbox at {app[TMDB].base_url}"
        print(f"Sign in with TMDB: open http://{bound_host}:{bound_port}/  (using {where})")
        if redis_url:
            print("Browser sessions and the TMDB rate budget are shared through Redis.")
        if not public_url and not allowed_hosts and not _is_local(host):
            print(
                "Note: no --public-url, so sign-in works only from loopback addresses "
                "(localhost); pass --public-url (or --allowed-host) to serve others."
            )
        print("Press Ctrl+C to stop.", flush=True)
        async with asyncio.TaskGroup() as tasks:
            orphaned = tasks.create_task(_watch_supervisor(stop))
            await stop.wait()  # until SIGTERM, the supervisor's end, or cancelled (Ctrl+C)
            orphaned.cancel()
    finally:
        with contextlib.suppress(NotImplementedError):
            loop.remove_signal_handler(signal.SIGTERM)
        await runner.cleanup()


async def _watch_supervisor(stop: asyncio.Event) -> None:
    """Under ``--workers``: set ``stop`` when the supervisor is gone (killed, not stopping us)."""
    supervisor = os.environ.get(SUPERVISOR_ENV, "")
    if not supervisor.isdigit():
        return
    while True:
        await asyncio.sleep(1.0)  # polled: no event tells a process its parent is gone
        if os.getppid() != int(supervisor):
            break
    log.warning("the supervisor is gone: stopping")
    stop.set()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Sign in with TMDB: an aiohttp.web example.")
    parser.add_argument("--host", default=os.environ.get("WEBAPP_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEBAPP_PORT", "8080")))
    parser.add_argument(
        "--public-url",
        default=os.environ.get("WEBAPP_PUBLIC_URL"),
        help="the app's address as browsers see it, e.g. https://movies.example (required "
        "outside local development)",
    )
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[h for h in os.environ.get("WEBAPP_ALLOWED_HOSTS", "").split(",") if h],
        metavar="HOST",
        help="without --public-url: a host name besides localhost that browsers may use "
        "(repeatable; $WEBAPP_ALLOWED_HOSTS, comma-separated)",
    )
    parser.add_argument(
        "--redis",
        default=os.environ.get("WEBAPP_REDIS_URL"),
        metavar="URL",
        help="keep browser sessions in Redis and share the TMDB rate budget through it, e.g. "
        "redis://localhost:6379/0 ($WEBAPP_REDIS_URL; prefer it when the URL has a password)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.environ.get("WEBAPP_WORKERS", "1"),  # type= converts it
        help="worker processes serving one port (more than 1 needs --redis)",
    )
    parser.add_argument(
        "--tmdb-connections",
        type=int,
        default=None,
        metavar="N",
        help=f"connections to TMDB per worker (default: {TMDB_CONNECTIONS} // workers: TMDB "
        f"allows {TMDB_CONNECTIONS} per IP address)",
    )
    parser.add_argument(
        "--tmdb-rate",
        type=float,
        default=os.environ.get("WEBAPP_TMDB_RATE", str(TMDB_RATE)),  # type= converts it
        metavar="PER_SECOND",
        help=f"requests a second to TMDB, all workers together (default {TMDB_RATE:g}, "
        "$WEBAPP_TMDB_RATE)",
    )
    # Set by the supervisor for its workers: how many processes share the budget.
    parser.add_argument("--budget-processes", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--reuse-port",
        action="store_true",
        help="listen with SO_REUSEPORT, so that several processes can share the port",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """``python -m examples.webapp [--host H] [--port P] [--public-url URL] [--redis URL
    --workers N]``."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not 1 <= args.workers <= 64:
        parser.error("--workers must be from 1 to 64")
    if args.tmdb_connections is None:
        args.tmdb_connections = max(1, TMDB_CONNECTIONS // args.workers)
    if not 1 <= args.tmdb_connections <= TMDB_CONNECTIONS:
        parser.error(f"--tmdb-connections must be from 1 to {TMDB_CONNECTIONS}")
    if not 0.1 <= args.tmdb_rate <= 1000:
        parser.error("--tmdb-rate must be from 0.1 to 1000 requests a second")
    if args.workers > 1 and not args.redis:
        parser.error(
            "--workers above 1 needs --redis: every worker must see the same sign-ins "
            "(start one with: redis-server --port 6379)"
        )
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.workers > 1:
        from examples.webapp.workers import supervise

        with contextlib.suppress(KeyboardInterrupt):
            return asyncio.run(supervise(args))
        return 0
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(
            serve(
                args.host,
                args.port,
                args.public_url,
                args.allowed_host,
                redis_url=args.redis,
                reuse_port=args.reuse_port,
                max_connections=args.tmdb_connections,
                processes=max(1, args.budget_processes or args.workers),
                rate=args.tmdb_rate,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
