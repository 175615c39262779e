"""``tmdb.auth``: request tokens, approval URLs, user sessions (v3 and v4), guest sessions.

Also logging in with a username and password, logging out, and the v4 user tokens.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote, urlencode, urlsplit

import attrs

from .._checks import check_text
from ..errors import CredentialError, InvalidAPIKeyError, TMDBUsageError
from ..models.auth import GuestSession, RequestToken, Session
from ..models.common import StatusResponse
from ..models.user import V4_REQUEST_TOKEN_LIFETIME, V4AccessToken, V4RequestToken
from ._base import Resource, check_token, segment, session_id_of

__all__ = ["Auth"]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def v4_token_of(token: V4RequestToken | str) -> str:
    """The token string of a :class:`V4RequestToken` or a plain token string."""
    if isinstance(token, V4RequestToken):
        return token.request_token
    return check_token(token, "request_token")


def access_token_of(token: V4AccessToken | str) -> str:
    """The token string of a :class:`V4AccessToken` or a plain token string."""
    if isinstance(token, V4AccessToken):
        return token.access_token
    return check_token(token, "access_token")


def _check_login_field(value: object, name: str) -> str:
    # Never echo the value: it may be a password.
    if not isinstance(value, str):
        raise TMDBUsageError(f"{name} must be a str, not {type(value).__name__}")
    if not value:
        raise TMDBUsageError(f"{name} must not be empty (TMDB error 26)")
    return check_text(value, name)


def token_of(token: RequestToken | str) -> str:
    """The token string of a :class:`RequestToken` or a plain token string."""
    if isinstance(token, RequestToken):
        return token.request_token
    return check_token(token, "request_token")


#: A private-use URI scheme in reverse domain name notation (RFC 8252, section 7.1), such
#: as ``com.example.app``: what a native app registers for the v4 approval redirect.
_APP_SCHEME = re.compile(r"[a-z][a-z0-9+-]*(\.[a-z0-9][a-z0-9+-]*)+")


def check_redirect(redirect_to: str, *, app_schemes: bool = False) -> str:
    """``redirect_to`` must be an absolute ``http`` or ``https`` URL with a host.

    With ``app_schemes`` (the v4 flow) a native app's private-use scheme in reverse domain
    name notation (RFC 8252: ``com.example.app:/callback``) is accepted too. Anything
    else (``javascript:``, ``data:``, ``vbscript:``, ``file:``, a relative URL) is
    refused, as are whitespace, control characters and text UTF-8 cannot encode.
    """
    if not isinstance(redirect_to, str):
        raise TMDBUsageError(f"redirect_to must be a str, not {type(redirect_to).__name__}")
    check_text(redirect_to, "redirect_to")
    if any(ch.isspace() or not ch.isprintable() for ch in redirect_to):
        raise TMDBUsageError("redirect_to must not contain whitespace or control characters")
    try:
        parts = urlsplit(redirect_to)
    except ValueError:
        parts = None
    scheme = parts.scheme.lower() if parts is not None else ""
    web = scheme in ("http", "https") and parts is not None and bool(parts.hostname)
    app = app_schemes and _APP_SCHEME.fullmatch(scheme) is not None
    if not (web or app):
        allowed = "an absolute http(s) URL such as 'https://myapp.example/callback'"
        if app_schemes:
            allowed += " or an app scheme in reverse domain notation ('com.example.app:/cb')"
        raise TMDBUsageError(f"redirect_to must be {allowed}")
    return redirect_to


class Auth(Resource):
    """Application key check and the v3 user login flow.

    The flow: :meth:`create_request_token` → send the user to :meth:`approval_url` →
    after they approve, :meth:`create_session` → a :class:`~tmdb_async.Session` whose id
    authenticates the user's requests.
    """

    __slots__ = ()

    async def validate_key(self) -> bool:
        """Check the client's credential (``GET /3/authentication``).

        Returns:
            ``True`` when TMDB accepts the API key or read token, ``False`` when TMDB
            answers code 7 (invalid key).

        Raises:
            TMDBAPIError: any other TMDB error (for example a suspended key, code 10).

        See https://developer.themoviedb.org/reference/authentication-validate-key
        """
        try:
            await self._core.request("GET", "/3/authentication", into=StatusResponse)
        except InvalidAPIKeyError:
            return False
        return True

    async def create_request_token(self) -> RequestToken:
        """Create a v3 request token (``GET /3/authentication/token/new``).

        The token is valid for 60 minutes and can be exchanged for a session once, after
        the user approved it at :meth:`approval_url`.

        Returns:
            A :class:`~tmdb_async.RequestToken` (40 hex characters, with ``expires_at``).

        Raises:
            TMDBAPIError: TMDB's errors (no local checks: there are no arguments).

        See https://developer.themoviedb.org/reference/authentication-create-request-token
        """
        return await self._core.request("GET", "/3/authentication/token/new", into=RequestToken)

    def approval_url(self, token: RequestToken | str, redirect_to: str | None = None) -> str:
        """The page where the user approves ``token``. Pure: no I/O.

        Args:
            token: a :class:`~tmdb_async.RequestToken` or its token string.
            redirect_to: where TMDB sends the browser after approval: an absolute
                ``http(s)`` URL with a host (other schemes, such as ``javascript:``, are
                refused). TMDB appends ``request_token`` and ``approved`` to it.
                Percent-encoded whole, so its own query string survives.

        Returns:
            ``{website_url}/authenticate/{token}[?redirect_to=...]``; ``website_url`` is the
            client's setting (default ``https://www.themoviedb.org``).
        """
        url = f"{self._core.website_url}/authenticate/{segment(token_of(token))}"
        if redirect_to is not None:
            url += "?" + urlencode({"redirect_to": check_redirect(redirect_to)}, quote_via=quote)
        return url

    async def create_session(self, token: RequestToken | str) -> Session:
        """Exchange an approved request token for a user session.

        ``POST /3/authentication/session/new`` with the JSON body ``{"request_token": ...}``.
        Never retried after the request may have reached TMDB (a token is single use).

        Args:
            token: a :class:`~tmdb_async.RequestToken` or its token string.

        Returns:
            The user's :class:`~tmdb_async.Session`.

        Raises:
            TMDBUsageError: an empty token or one with whitespace (before any I/O).
            SessionDeniedError: the user has not approved the token (yet), code 17.
            InvalidRequestTokenError: the token expired, was used already, or is unknown,
                code 33.

        See https://developer.themoviedb.org/reference/authentication-create-session
        """
        value = token_of(token)
        return await self._core.request(
            "POST",
            "/3/authentication/session/new",
            json={"request_token": value},
            into=Session,
            idempotent=False,
        )

    async def create_guest_session(self) -> GuestSession:
        """Create a guest session (``GET /3/authentication/guest_session/new``).

        A guest can rate movies, TV shows and episodes without an account. TMDB deletes a
        guest session that is not used within 24 hours.

        Returns:
            A :class:`~tmdb_async.GuestSession` (with ``expires_at``).

        Raises:
            TMDBAPIError: TMDB's errors (no local checks: there are no arguments).

        See https://developer.themoviedb.org/reference/authentication-create-guest-session
        """
        return await self._core.request(
            "GET", "/3/authentication/guest_session/new", into=GuestSession
        )

    # ------------------------------------------------------------------ login / logout (v3)

    async def validate_with_login(
        self, token: RequestToken | str, username: str, password: str
    ) -> RequestToken:
        """Approve ``token`` with the user's TMDB username and password.

        ``POST /3/authentication/token/validate_with_login`` with the JSON body
        ``{"username", "password", "request_token"}``: the password travels in the body,
        never in a URL, and is redacted from every log record and error message. It is not
        kept anywhere. Then pass the returned token to :meth:`create_session`.

        Prefer the browser flow (:meth:`approval_url`) for other people's accounts: with
        it your application never sees their password.

        Returns:
            The same request token, now approved, with TMDB's ``expires_at``.

        Raises:
            TMDBUsageError: an empty username or password (before any I/O).
            InvalidLoginError: wrong username or password (code 30).
            InvalidRequestTokenError: the token expired or is unknown (code 33).
            AccountDisabledError, EmailNotVerifiedError: codes 31 and 32.

        See https://developer.themoviedb.org/reference/authentication-create-session-from-login
        """
        value = token_of(token)
        user = _check_login_field(username, "username")
        secret = _check_login_field(password, "password")
        return await self._core.request(
            "POST",
            "/3/authentication/token/validate_with_login",
            json={"username": user, "password": secret, "request_token": value},
            into=RequestToken,
            idempotent=False,
            secrets=(secret,),
        )

    async def login(self, username: str, password: str) -> Session:
        """Log in with a username and password: new token → validate → session.

        Three requests: :meth:`create_request_token`, :meth:`validate_with_login` and
        :meth:`create_session`. The password is used once and not kept.

        Raises:
            TMDBUsageError: an empty username or password (before any I/O).
            InvalidLoginError: wrong username or password (code 30).
        """
        _check_login_field(username, "username")
        _check_login_field(password, "password")
        token = await self.create_request_token()
        approved = await self.validate_with_login(token, username, password)
        return await self.create_session(approved)

    async def delete_session(self, session: Session | str) -> StatusResponse:
        """Log out: delete a v3 user session at TMDB.

        ``DELETE /3/authentication/session`` with the JSON body ``{"session_id": ...}``.
        After it, every request with that session id fails.

        Returns:
            TMDB's :class:`~tmdb_async.StatusResponse` (``success`` true).

        Raises:
            MissingSessionError: no user session given (a guest session cannot be deleted).
            TMDBAPIError: TMDB refused, for example an unknown session (code 6 or 37).

        See https://developer.themoviedb.org/reference/authentication-delete-session
        """
        sid = session_id_of(session)
        return await self._core.request(
            "DELETE",
            "/3/authentication/session",
            json={"session_id": sid},
            into=StatusResponse,
        )

    # ------------------------------------------------------------------ v4 user tokens

    def _require_bearer(self, what: str) -> None:
        if not self._core.credentials.is_bearer:
            raise CredentialError(
                f"{what} needs the API Read Access Token: TMDB's v4 auth endpoints refuse "
                "an api_key. Create the client with TMDBClient(access_token=<API Read "
                "Access Token>) (the long JWT on https://www.themoviedb.org/settings/api)"
            )

    async def create_v4_request_token(self, redirect_to: str | None = None) -> V4RequestToken:
        """Start the v4 user flow: ``POST /4/auth/request_token``.

        Args:
            redirect_to: where TMDB sends the browser after approval: an absolute
                ``http(s)`` URL, or a native app's private-use scheme in reverse domain
                notation (RFC 8252, e.g. ``com.example.app:/callback``). It goes in the
                JSON body.

        Returns:
            A :class:`~tmdb_async.models.user.V4RequestToken`; send the user to
            :meth:`v4_approval_url`. It expires 15 minutes after issue if unused.

        Raises:
            CredentialError: the client has an api_key, not the read access token (before
                any I/O).
            TMDBUsageError: an unacceptable ``redirect_to`` (before any I/O).

        See https://developer.themoviedb.org/v4/reference/auth-create-request-token
        """
        self._require_bearer("create_v4_request_token")
        body: dict[str, object] = {}
        if redirect_to is not None:
            body["redirect_to"] = check_redirect(redirect_to, app_schemes=True)
        issued = _utcnow()
        token = await self._core.request(
            "POST", "/4/auth/request_token", json=body, into=V4RequestToken, idempotent=True
        )
        if token.expires_at is None:
            token = attrs.evolve(token, expires_at=issued + V4_REQUEST_TOKEN_LIFETIME)
        return token

    def v4_approval_url(self, token: V4RequestToken | str) -> str:
        """The page where the user approves a v4 request token. Pure: no I/O.

        ``{website_url}/auth/access?request_token=...``; the ``redirect_to`` of the v4 flow
        was given to :meth:`create_v4_request_token` instead.
        """
        query = urlencode({"request_token": v4_token_of(token)}, quote_via=quote)
        return f"{self._core.website_url}/auth/access?{query}"

    async def create_v4_access_token(self, token: V4RequestToken | str) -> V4AccessToken:
        """Exchange an approved v4 request token for the user's access token.

        ``POST /4/auth/access_token`` with the JSON body ``{"request_token": ...}``. Not
        retried after the request may have reached TMDB (a token is single use).

        Returns:
            The user's :class:`~tmdb_async.models.user.V4AccessToken` with their v4
            ``account_id`` (24 hex characters).

        Raises:
            CredentialError: the client has an api_key (before any I/O).
            RequestTokenNotApprovedError: the user has not approved the token (code 41).
            InvalidRequestTokenError: the token expired or is unknown (code 33).

        See https://developer.themoviedb.org/v4/reference/auth-create-access-token
        """
        self._require_bearer("create_v4_access_token")
        value = v4_token_of(token)
        return await self._core.request(
            "POST",
            "/4/auth/access_token",
            json={"request_token": value},
            into=V4AccessToken,
            idempotent=False,
        )

    async def delete_v4_access_token(self, token: V4AccessToken | str) -> StatusResponse:
        """Log a v4 user out: ``DELETE /4/auth/access_token`` with ``{"access_token": ...}``.

        Returns:
            TMDB's :class:`~tmdb_async.StatusResponse` (``success`` true).

        Raises:
            CredentialError: the client has an api_key (before any I/O).
            TMDBAPIError: TMDB refused, for example an unknown token.

        See https://developer.themoviedb.org/v4/reference/auth-logout
        """
        self._require_bearer("delete_v4_access_token")
        value = access_token_of(token)
        return await self._core.request(
            "DELETE", "/4/auth/access_token", json={"access_token": value}, into=StatusResponse
        )

    async def convert_v4_session(self, token: V4AccessToken | str) -> Session:
        """Get a v3 session for a v4 user: ``POST /3/authentication/session/convert/4``.

        v3 account endpoints (favourites, watchlist, ratings, lists) take a ``session_id``;
        this gives one to a user who logged in with the v4 flow. The session lives until
        deleted with :meth:`delete_session`.

        Raises:
            CredentialError: the client has an api_key (before any I/O).
            InvalidTokenError: TMDB does not accept the access token (code 35).

        See https://developer.themoviedb.org/reference/authentication-create-session-from-v4-token
        """
        self._require_bearer("convert_v4_session")
        value = access_token_of(token)
        return await self._core.request(
            "POST",
            "/3/authentication/session/convert/4",
            json={"access_token": value},
            into=Session,
            idempotent=False,
        )
