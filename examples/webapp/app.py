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
* **TMDB session ids stay on the server.** The browser's cookie holds an opaque random key
  into an in-memory store (HttpOnly, SameSite=Lax, Secure over HTTPS); the TMDB session id
  never reaches the browser, the HTML or the logs.
* The approval round trip is bound to the browser that started it, so a sign-in link made
  by someone else cannot sign you into their account; forms that change something carry a
  CSRF token; every value on a page goes through ``html.escape``.

Only aiohttp and tmdb_async are used (plus the standard library).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hmac
import html
import logging
import os
import secrets
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import NoReturn
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from tmdb_async import (
    DEFAULT_BASE_URL,
    DEFAULT_WEBSITE_URL,
    AuthenticationError,
    InvalidRequestTokenError,
    SessionDeniedError,
    TMDBAPIError,
    TMDBClient,
    TMDBTransportError,
    TMDBUsageError,
)
from tmdb_async.models.auth import Session
from tmdb_async.models.configuration import ImageConfiguration
from tmdb_async.models.movie import MovieSummary
from tmdb_async.models.user import UserMovie
from tmdb_async.resources.user import UserView

__all__ = [
    "COOKIE_NAME",
    "STORE",
    "TMDB",
    "BrowserSession",
    "SessionStore",
    "TMDBFactory",
    "client_from_env",
    "create_app",
    "main",
    "sandbox_client",
]

log = logging.getLogger("tmdb_webapp")

#: The cookie that holds the browser's opaque session key (never a TMDB secret).
COOKIE_NAME = "webapp_session"
#: How long a browser session may sit unused before the store forgets it (seconds).
IDLE_TIMEOUT = 12 * 3600.0
#: The most browser sessions kept at once; the least recently used go first.
MAX_SESSIONS = 10_000
#: The poster size the pages ask for (when TMDB's configuration offers it).
POSTER_SIZE = "w185"
#: How many favourites the page lists.
MAX_FAVOURITES = 100

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


class SessionStore:
    """Browser sessions in memory, keyed by an unguessable random id.

    Good for one process. Several processes behind a load balancer need a shared store
    (Redis, a database table) with the same shape: key -> TMDB session id and a little
    profile data; the cookie still carries only the key.

    Args:
        idle_timeout: seconds after which an unused session is forgotten.
        max_sessions: the cap; the least recently used sessions are dropped past it.
        clock: monotonic seconds (tests inject their own).
    """

    def __init__(
        self,
        *,
        idle_timeout: float = IDLE_TIMEOUT,
        max_sessions: int = MAX_SESSIONS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions: dict[str, BrowserSession] = {}
        self._idle_timeout = idle_timeout
        self._max_sessions = max_sessions
        self._clock = clock

    def __len__(self) -> int:
        return len(self._sessions)

    def sessions(self) -> list[BrowserSession]:
        """Every live session (a copy), least recently used first."""
        return list(self._sessions.values())

    def new(self) -> BrowserSession:
        """A fresh, signed-out browser session with new random key and CSRF token."""
        self._sweep()
        session = BrowserSession(
            key=secrets.token_urlsafe(32),
            csrf=secrets.token_urlsafe(32),
            last_seen=self._clock(),
        )
        self._sessions[session.key] = session
        return session

    def get(self, key: str | None) -> BrowserSession | None:
        """The live session for a cookie value, or ``None``."""
        if not key:
            return None
        session = self._sessions.get(key)
        if session is None:
            return None
        now = self._clock()
        if now - session.last_seen > self._idle_timeout:
            del self._sessions[key]
            return None
        session.last_seen = now
        # Re-insert: dicts keep insertion order, so the oldest-used come first.
        del self._sessions[key]
        self._sessions[key] = session
        return session

    def drop(self, session: BrowserSession) -> None:
        """Forget a session (sign-out)."""
        self._sessions.pop(session.key, None)

    def rotate(self, session: BrowserSession) -> BrowserSession:
        """The same session under a new key and CSRF token (at sign-in: no fixation)."""
        self._sessions.pop(session.key, None)
        session.key = secrets.token_urlsafe(32)
        session.csrf = secrets.token_urlsafe(32)
        session.last_seen = self._clock()
        self._sessions[session.key] = session
        return session

    def _sweep(self) -> None:
        now = self._clock()
        for key, session in list(self._sessions.items()):
            if now - session.last_seen > self._idle_timeout:
                del self._sessions[key]
        while len(self._sessions) >= self._max_sessions:
            del self._sessions[next(iter(self._sessions))]


# --------------------------------------------------------------------------- app state

#: The app's one TMDB client (``request.app[TMDB]``).
TMDB = web.AppKey("tmdb", TMDBClient)
#: The browser session store (``request.app[STORE]``).
STORE = web.AppKey("store", SessionStore)
_FACTORY = web.AppKey[TMDBFactory]("tmdb_factory")
_PUBLIC_URL = web.AppKey("public_url", str)


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


def _signed_out_page(notice: str | None) -> str:
    note = f"<p id='notice'>{e(notice)}</p>" if notice else ""
    body = (
        f"{note}<p>Sign in with your TMDB account to see your favourite movies, add new ones "
        "and rate what you watched. You approve the access on TMDB; this app never sees "
        "your password.</p>"
        "<form method='post' action='/login'>"
        "<button type='submit' id='sign-in'>Sign in with TMDB</button></form>"
    )
    return _layout("Movies with TMDB", body)


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


def _browser(request: web.Request) -> BrowserSession | None:
    return request.app[STORE].get(request.cookies.get(COOKIE_NAME))


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


def _signed_in(request: web.Request) -> BrowserSession:
    who = _browser(request)
    if who is None or not who.signed_in:
        raise Problem(401, "Not signed in", "Your session ended. Sign in with TMDB again.")
    return who


async def _checked_form(request: web.Request) -> tuple[BrowserSession, dict[str, str]]:
    """The signed-in browser and its form, after the CSRF check."""
    who = _signed_in(request)
    raw = await request.post()
    form = {k: v for k, v in raw.items() if isinstance(v, str)}
    if not hmac.compare_digest(form.get("csrf", ""), who.csrf):
        raise Problem(
            403, "Form expired", "This form is out of date. Go back, reload and try again."
        )
    return who, form


def _movie_id(form: dict[str, str]) -> int:
    raw = form.get("movie_id", "")
    if not raw.isdigit() or int(raw) < 1:
        raise Problem(400, "Unknown movie", "That is not a movie id.")
    return int(raw)


# --------------------------------------------------------------------------- handlers


async def home(request: web.Request) -> web.Response:
    """The start page: sign-in button, or the user's favourites and the search box."""
    who = _browser(request)
    if who is None or not who.signed_in:
        notice = "You are signed out." if request.query.get("signed_out") else None
        return _html(_signed_out_page(notice))
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

    No CSRF token here: a forged POST only sends the victim to TMDB's approval page, and
    the token it creates is bound to the victim's own browser session.
    """
    store = request.app[STORE]
    tmdb = request.app[TMDB]
    who = _browser(request) or store.new()
    if who.signed_in:
        raise web.HTTPSeeOther("/")
    token = await tmdb.auth.create_request_token()
    who.pending_token = token.request_token
    redirect_to = request.app[_PUBLIC_URL] or str(request.url.origin())
    url = tmdb.auth.approval_url(token, redirect_to=redirect_to.rstrip("/") + "/callback")
    response = web.HTTPSeeOther(url)
    _set_cookie(request, response, who)
    raise response


async def callback(request: web.Request) -> web.Response:
    """TMDB sends the browser back here: ``?request_token=...&approved=true`` (or denied)."""
    store = request.app[STORE]
    tmdb = request.app[TMDB]
    token = request.query.get("request_token", "")
    who = _browser(request)
    if who is None or who.pending_token is None or not token:
        raise Problem(
            400,
            "Sign-in link expired",
            "This sign-in link has expired or was not started in this browser. "
            "Start again with “Sign in with TMDB”.",
        )
    if not hmac.compare_digest(token, who.pending_token):
        raise Problem(
            400,
            "Sign-in link not recognised",
            "This sign-in link does not belong to the sign-in started in this browser. "
            "Start again with “Sign in with TMDB”.",
        )
    who.pending_token = None  # one use, whatever happens next
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
    who = store.rotate(who)  # a new key once signed in: no session fixation
    who.tmdb_session_id = session.session_id
    who.account_id = account.id
    who.account_name = account.name or account.username or f"account {account.id}"
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
    """Sign out: delete the TMDB session, forget it here, clear the cookie."""
    who, _ = await _checked_form(request)
    view = _view(request, who)
    request.app[STORE].drop(who)  # forget it here whatever TMDB says
    try:
        await view.logout()
    except TMDBAPIError as exc:
        # Already ended at TMDB (deleted elsewhere, revoked): signed out all the same.
        log.info("TMDB session already gone: %s", type(exc).__name__)
    except TMDBTransportError as exc:
        log.warning("TMDB session deletion failed: %s", type(exc).__name__)
        response = _html(
            _message_page(
                "Signed out here",
                "You are signed out of this app, but TMDB could not be reached to end the "
                "session there. You can revoke the app in your TMDB account settings.",
            ),
            status=502,
        )
        _clear_cookie(request, response)
        return response
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
        # The TMDB session was deleted or revoked elsewhere: sign this browser out.
        who = _browser(request)
        if who is not None and who.signed_in:
            request.app[STORE].drop(who)
        log.info("TMDB refused the user's session: %s", type(exc).__name__)
        response = _html(
            _message_page("Signed out", "TMDB ended your session. Sign in with TMDB again."),
            status=401,
        )
        _clear_cookie(request, response)
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


def create_app(tmdb: TMDBFactory, *, public_url: str | None = None) -> web.Application:
    """The web app.

    Args:
        tmdb: opens the app's one TMDBClient at start-up and closes it at shutdown, e.g.
            ``lambda: TMDBClient(access_token=...)`` (a client is its own context manager)
            or :func:`sandbox_client`.
        public_url: the app's address as browsers reach it (for TMDB's redirect back),
            e.g. ``https://movies.example``; default: taken from each request.
    """
    app = web.Application(middlewares=[errors])
    app[_FACTORY] = tmdb
    app[_PUBLIC_URL] = public_url or ""
    app[STORE] = SessionStore()
    app.cleanup_ctx.append(_tmdb_client)
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


@contextlib.asynccontextmanager
async def sandbox_client() -> AsyncIterator[TMDBClient]:
    """Start tmdb_async's sandbox (a fake TMDB) in this process; a client pointed at it."""
    from tmdb_async.testing import Sandbox

    async with Sandbox() as sandbox, sandbox.client() as client:
        yield client


def client_from_env() -> TMDBFactory | None:
    """A factory for the real TMDB from ``TMDB_ACCESS_TOKEN`` or ``TMDB_API_KEY``, else None.

    ``TMDB_BASE_URL`` and ``TMDB_WEBSITE_URL`` override TMDB's addresses.
    """
    base_url = os.environ.get("TMDB_BASE_URL", DEFAULT_BASE_URL)
    website_url = os.environ.get("TMDB_WEBSITE_URL", DEFAULT_WEBSITE_URL)
    token = os.environ.get("TMDB_ACCESS_TOKEN")
    key = os.environ.get("TMDB_API_KEY")
    if token:
        return lambda: TMDBClient(access_token=token, base_url=base_url, website_url=website_url)
    if key:
        return lambda: TMDBClient(api_key=key, base_url=base_url, website_url=website_url)
    return None


async def serve(host: str, port: int, public_url: str | None) -> NoReturn:
    """Run the app until interrupted, printing its URL."""
    real = client_from_env()
    app = create_app(real or sandbox_client, public_url=public_url)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound_host, bound_port = runner.addresses[0][:2]
        where = "the real TMDB" if real else f"the embedded sandbox at {app[TMDB].base_url}"
        print(f"Sign in with TMDB: open http://{bound_host}:{bound_port}/  (using {where})")
        print("Press Ctrl+C to stop.", flush=True)
        await asyncio.Event().wait()  # until cancelled (Ctrl+C)
        raise AssertionError("unreachable")
    finally:
        await runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    """``python -m examples.webapp [--host H] [--port P] [--public-url URL]``."""
    parser = argparse.ArgumentParser(description="Sign in with TMDB: an aiohttp.web example.")
    parser.add_argument("--host", default=os.environ.get("WEBAPP_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEBAPP_PORT", "8080")))
    parser.add_argument(
        "--public-url",
        default=os.environ.get("WEBAPP_PUBLIC_URL"),
        help="the app's address as browsers see it (default: from each request)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.host, args.port, args.public_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
