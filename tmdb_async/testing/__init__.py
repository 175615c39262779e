"""``tmdb_async.testing``: a faithful fake TMDB to run apps, tests and demos offline.

:class:`Sandbox` is a stateful TMDB on ``127.0.0.1`` built on aiohttp.web (no extra
dependency). It speaks TMDB's wire format (see the project's WIRE notes and TMDB's OpenAPI
document): application auth by ``api_key`` or Bearer read token, request tokens with an
approval page, sessions, guest sessions, login with seeded users, logout, the v4 token
flow, account details, favourites, watchlist, ratings, lists, a generated catalogue of
thousands of movies, TV shows and people, search with paging, ``/configuration`` with
placeholder images served locally, a CDN-style rate limit and fault injection::

    from tmdb_async.testing import ManualClock, Sandbox

    async with Sandbox(clock=ManualClock()) as sb, sb.client() as tmdb:
        token = await tmdb.auth.create_request_token()
        print(tmdb.auth.approval_url(token))   # a real page with Approve / Deny buttons
        sb.approve(token)                      # ... or approve it from the test
        session = await tmdb.auth.create_session(token)
        account = await tmdb.for_user(session).account.details()

Standalone: ``tmdb-async sandbox --port 8765``. In pytest: the ``tmdb_sandbox`` fixture
(installed with the package; see :mod:`tmdb_async.testing.pytest_plugin`).
"""

from ._catalogue import Catalogue
from ._server import (
    DEFAULT_ACCESS_TOKEN,
    DEFAULT_API_KEY,
    Fault,
    RecordedRequest,
    Sandbox,
    SandboxRateLimit,
)
from ._state import DEFAULT_USERS, Failure, ManualClock, SandboxUser, system_clock

__all__ = [
    "DEFAULT_ACCESS_TOKEN",
    "DEFAULT_API_KEY",
    "DEFAULT_USERS",
    "Catalogue",
    "Failure",
    "Fault",
    "ManualClock",
    "SandboxRateLimit",
    "RecordedRequest",
    "Sandbox",
    "SandboxUser",
    "system_clock",
]
