"""``tmdb_async.testing``: a faithful fake TMDB to run apps, tests and demos offline.

:class:`Sandbox` is a stateful TMDB on ``127.0.0.1`` built on aiohttp.web (no extra
dependency). It speaks TMDB's wire format (see the project's WIRE notes and TMDB's OpenAPI
document): application auth by ``api_key`` or Bearer read token, request tokens with an
approval page, sessions, guest sessions, login with seeded users, logout, the v4 token
flow and the v4 account and list API, account details, favourites, watchlist, ratings,
account states, lists shared by v3 and v4; a catalogue of TMDB's real
entities (Fight Club 550, Game of Thrones 1399, Tom Hanks 31 ... with their credits, images,
translations: see :mod:`._catalogue`) plus generated filler up to the configured counts,
every read-only v3 operation (details and sub-resources, ``append_to_response``, charts,
search, discover, find, trending, changes, lookups), ``/configuration`` with generated
images (showing each title or name) served locally, a CDN-style rate limit and fault
injection::

    from tmdb_async.testing import ManualClock, Sandbox

    async with Sandbox(clock=ManualClock()) as sb, sb.client() as tmdb:
        token = await tmdb.auth.create_request_token()
        print(tmdb.auth.approval_url(token))   # a real page with Approve / Deny buttons
        sb.approve(token)                      # ... or approve it from the test
        session = await tmdb.auth.create_session(token)
        account = await tmdb.account.details(session)

Standalone: ``tmdb-async sandbox --port 8765``. In pytest: the ``tmdb_sandbox`` fixture
(installed with the package; see :mod:`tmdb_async.testing.pytest_plugin`).
"""

from ._catalogue import Catalogue
from ._server import (
    DEFAULT_ACCESS_TOKEN,
    DEFAULT_API_KEY,
    UNKNOWN_ROUTE_HEADER,
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
    "UNKNOWN_ROUTE_HEADER",
    "system_clock",
]
