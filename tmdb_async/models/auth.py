"""Authentication models: request tokens, user sessions and guest sessions.

Tokens and session ids are secrets: their ``repr`` and ``str`` show ``'***'``.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ._base import secret_field

__all__ = ["GuestSession", "RequestToken", "Session"]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@attrs.frozen(kw_only=True)
class RequestToken:
    """A v3 request token (``GET /3/authentication/token/new``).

    Send the user to :meth:`tmdb_async.resources.Auth.approval_url` to approve it, then
    exchange it for a :class:`Session`. TMDB lets an unused token expire 60 minutes after
    it was created, and a token can be exchanged once only.

    Attributes:
        request_token: the token (40 hex characters); a secret.
        expires_at: when TMDB stops accepting it (aware, UTC).
    """

    request_token: str = secret_field()
    expires_at: dt.datetime | None = None

    def is_expired(self, now: dt.datetime | None = None) -> bool:
        """Whether ``expires_at`` has passed at ``now`` (default: the current UTC time)."""
        if self.expires_at is None:
            return False
        return (now or _now()) >= self.expires_at


@attrs.frozen(kw_only=True)
class Session:
    """A v3 user session (``POST /3/authentication/session/new``).

    The session id acts for the user until they revoke it or it is deleted: keep it as
    secret as a password.

    Attributes:
        session_id: the session id (40 hex characters); a secret.
    """

    session_id: str = secret_field()


@attrs.frozen(kw_only=True)
class GuestSession:
    """A guest session (``GET /3/authentication/guest_session/new``): rate without an account.

    TMDB deletes a guest session that is not used within 24 hours of its creation.

    Attributes:
        guest_session_id: the guest session id (32 hex characters); a secret.
        expires_at: when TMDB will delete it if unused (aware, UTC).
    """

    guest_session_id: str = secret_field()
    expires_at: dt.datetime | None = None

    def is_expired(self, now: dt.datetime | None = None) -> bool:
        """Whether ``expires_at`` has passed at ``now`` (default: the current UTC time)."""
        if self.expires_at is None:
            return False
        return (now or _now()) >= self.expires_at
