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
        account = await tmdb.for_user(session).account.details()

Standalone: ``tmdb-async sandbox --port 8765``. In pytest: the ``tmdb_sandbox`` fixture
(installed with the package; see :mod:`tmdb_async.testing.pytest_plugin`).

Its modules (and aiohttp.web) are imported on first use of a name, so the pytest plugin
that lives in this package costs nothing in test runs that do not use its fixture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

# Each public name and the module of this package that defines it.
_EXPORTS: dict[str, str] = {
    "Catalogue": "._catalogue",
    "DEFAULT_ACCESS_TOKEN": "._server",
    "DEFAULT_API_KEY": "._server",
    "Fault": "._server",
    "RecordedRequest": "._server",
    "Sandbox": "._server",
    "SandboxRateLimit": "._server",
    "UNKNOWN_ROUTE_HEADER": "._server",
    "DEFAULT_USERS": "._state",
    "Failure": "._state",
    "ManualClock": "._state",
    "SandboxUser": "._state",
    "system_clock": "._state",
}

__all__ = list(_EXPORTS)


# Hidden from type checkers, which see the TYPE_CHECKING imports below instead: a module
# __getattr__ would make them accept any name (a typo included) as Any.
if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:  # what type checkers and IDEs see: the same names, imported eagerly
    from ._catalogue import Catalogue as Catalogue
    from ._server import DEFAULT_ACCESS_TOKEN as DEFAULT_ACCESS_TOKEN
    from ._server import DEFAULT_API_KEY as DEFAULT_API_KEY
    from ._server import UNKNOWN_ROUTE_HEADER as UNKNOWN_ROUTE_HEADER
    from ._server import Fault as Fault
    from ._server import RecordedRequest as RecordedRequest
    from ._server import Sandbox as Sandbox
    from ._server import SandboxRateLimit as SandboxRateLimit
    from ._state import DEFAULT_USERS as DEFAULT_USERS
    from ._state import Failure as Failure
    from ._state import ManualClock as ManualClock
    from ._state import SandboxUser as SandboxUser
    from ._state import system_clock as system_clock
