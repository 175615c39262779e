"""``tmdb.auth``: request tokens, the approval URL, user sessions, guest sessions, key check."""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit

from ..errors import InvalidAPIKeyError, TMDBUsageError
from ..models.auth import GuestSession, RequestToken, Session
from ..models.common import StatusResponse
from ._base import Resource, check_token, segment

__all__ = ["Auth"]


def token_of(token: RequestToken | str) -> str:
    """The token string of a :class:`RequestToken` or a plain token string."""
    if isinstance(token, RequestToken):
        return token.request_token
    return check_token(token, "request_token")


def check_redirect(redirect_to: str) -> str:
    """``redirect_to`` must be an absolute URL (http(s), or an app's custom scheme)."""
    if not isinstance(redirect_to, str):
        raise TMDBUsageError(f"redirect_to must be a str, not {type(redirect_to).__name__}")
    parts = urlsplit(redirect_to)
    if not parts.scheme or (parts.scheme in ("http", "https") and not parts.netloc):
        raise TMDBUsageError(
            "redirect_to must be an absolute URL such as 'https://myapp.example/callback'"
        )
    if any(ch.isspace() for ch in redirect_to):
        raise TMDBUsageError("redirect_to must not contain whitespace")
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
        """
        return await self._core.request("GET", "/3/authentication/token/new", into=RequestToken)

    def approval_url(self, token: RequestToken | str, redirect_to: str | None = None) -> str:
        """The page where the user approves ``token``. Pure: no I/O.

        Args:
            token: a :class:`~tmdb_async.RequestToken` or its token string.
            redirect_to: where TMDB sends the browser after approval (absolute URL). TMDB
                appends ``request_token`` and ``approved`` to it. Percent-encoded whole, so
                its own query string survives.

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

        Raises:
            SessionDeniedError: the user has not approved the token (yet), code 17.
            InvalidRequestTokenError: the token expired, was used already, or is unknown,
                code 33.
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
        """
        return await self._core.request(
            "GET", "/3/authentication/guest_session/new", into=GuestSession
        )
