"""pytest plugin: the ``tmdb_sandbox`` fixture, a running :class:`Sandbox` and a client for it.

Installed with tmdb-async (a ``pytest11`` entry point), so a user's suite only needs
pytest-asyncio::

    async def test_favourite(tmdb_sandbox):
        tmdb, sb = tmdb_sandbox.tmdb, tmdb_sandbox.sandbox
        token = await tmdb.auth.create_request_token()
        sb.approve(token)
        session = await tmdb.auth.create_session(token)
        account = await tmdb.for_user(session).account.details()
        assert account.username == "travisbell"

Each test gets a fresh sandbox (empty state) on a free port, and the client is closed after
the test. Configure the sandbox with a marker; its keywords go to :class:`Sandbox`, except
``client``, a dict of keywords for the client::

    @pytest.mark.tmdb_sandbox(rate_limit=SandboxRateLimit(), client={"retry": None})
    async def test_rate_limit(tmdb_sandbox): ...

In pytest-asyncio's strict mode mark the tests ``@pytest.mark.asyncio`` as usual.

pytest loads this module in every run of every suite installed beside tmdb-async, so it
imports neither the sandbox nor the client (nor aiohttp): the fixture does, when a test
asks for it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .._client import TMDBClient
    from ._server import Sandbox

__all__ = ["SandboxFixture", "tmdb_sandbox"]

_MARKER = "tmdb_sandbox"


@dataclasses.dataclass(frozen=True)
class SandboxFixture:
    """What the ``tmdb_sandbox`` fixture gives a test.

    Attributes:
        sandbox: the running :class:`Sandbox` (approve tokens, inject faults, read its
            request log).
        tmdb: a :class:`~tmdb_async.TMDBClient` pointed at it (closed after the test).
    """

    sandbox: Sandbox
    tmdb: TMDBClient


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``tmdb_sandbox`` marker (so ``--strict-markers`` accepts it)."""
    config.addinivalue_line(
        "markers",
        f"{_MARKER}(**options): options for the tmdb_sandbox fixture's Sandbox "
        "(client={...} for its TMDBClient)",
    )


def _options(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    """The marker's Sandbox keywords and client keywords."""
    options: dict[str, Any] = {}
    marker = request.node.get_closest_marker(_MARKER)
    if marker is not None:
        if marker.args:
            raise pytest.UsageError("@pytest.mark.tmdb_sandbox takes keyword arguments only")
        options.update(marker.kwargs)
    client_options = dict(options.pop("client", {}))
    return options, client_options


async def _tmdb_sandbox(request: pytest.FixtureRequest) -> AsyncIterator[SandboxFixture]:
    """A fresh, running sandbox and a TMDBClient pointed at it (both closed after)."""
    from ._server import Sandbox

    options, client_options = _options(request)
    async with Sandbox(**options) as sandbox, sandbox.client(**client_options) as tmdb:
        yield SandboxFixture(sandbox=sandbox, tmdb=tmdb)


def _needs_pytest_asyncio() -> SandboxFixture:
    """Stands in for the fixture when pytest-asyncio is missing."""
    raise pytest.UsageError("the tmdb_sandbox fixture needs pytest-asyncio installed")


def _make_fixture() -> Any:
    # Loaded into every pytest run of an environment that has tmdb-async, so it must not
    # fail to import when pytest-asyncio is absent.
    try:
        import pytest_asyncio
    except ImportError:  # pragma: no cover - only without pytest-asyncio
        return pytest.fixture(name="tmdb_sandbox")(_needs_pytest_asyncio)
    return pytest_asyncio.fixture(name="tmdb_sandbox")(_tmdb_sandbox)


#: The fixture: a :class:`SandboxFixture` (``.sandbox``, ``.tmdb``) per test.
tmdb_sandbox = _make_fixture()
