"""The ``tmdb_sandbox`` pytest plugin, run from a user's test files with ``pytester``."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from tmdb_async.testing import pytest_plugin

pytest_plugins = ["pytester"]

USER_TESTS = """
import pytest
from tmdb_async import Movie, SessionDeniedError
from tmdb_async.testing.pytest_plugin import SandboxFixture

pytestmark = pytest.mark.asyncio


async def test_login_flow(tmdb_sandbox):
    assert isinstance(tmdb_sandbox, SandboxFixture)
    tmdb, sb = tmdb_sandbox.tmdb, tmdb_sandbox.sandbox
    assert tmdb.base_url == sb.base_url
    token = await tmdb.auth.create_request_token()
    with pytest.raises(SessionDeniedError):
        await tmdb.auth.create_session(token)
    sb.approve(token, "johnny_appleseed")
    session = await tmdb.auth.create_session(token)
    account = await tmdb.for_user(session).account.details()
    assert account.username == "johnny_appleseed"


async def test_fresh_state_per_test(tmdb_sandbox):
    assert [r.path for r in tmdb_sandbox.sandbox.requests] == []
    movie = await tmdb_sandbox.tmdb.movies.details(11)
    assert isinstance(movie, Movie) and movie.title == "Star Wars"


@pytest.mark.tmdb_sandbox(movie_count=10, client={"language": "de-DE"})
async def test_marker_configures(tmdb_sandbox):
    assert tmdb_sandbox.sandbox.catalogue.movie_count == 10
    await tmdb_sandbox.tmdb.movies.details(10)
    assert tmdb_sandbox.sandbox.requests[-1].query["language"] == "de-DE"


async def test_this_one_fails_on_purpose(tmdb_sandbox):
    await tmdb_sandbox.tmdb.movies.details(11)
    assert False, "expected failure"
"""


# What a user's pytest-asyncio configuration says (else pytest-asyncio warns).
INI = "[pytest]\nasyncio_default_fixture_loop_scope = function\n"


def test_entry_point_is_declared() -> None:
    found = [ep for ep in entry_points(group="pytest11") if ep.name == "tmdb_async"]
    assert [ep.value for ep in found] == ["tmdb_async.testing.pytest_plugin"]
    assert found[0].load() is pytest_plugin


def test_fixture_from_a_users_test_file(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest("-W", "error", "-p", "no:cacheprovider", "--strict-markers")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*test_this_one_fails_on_purpose*", "*expected failure*"])
    result.stdout.no_fnmatch_line("*Unclosed*")


def test_fixture_in_asyncio_auto_mode(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI + "asyncio_mode = auto\n")
    pytester.makepyfile(
        test_auto="""
async def test_guest(tmdb_sandbox):
    guest = await tmdb_sandbox.tmdb.auth.create_guest_session()
    assert len(guest.guest_session_id) == 32
"""
    )
    result = pytester.runpytest("-W", "error", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_marker_rejects_positional_arguments(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    pytester.makepyfile(
        test_bad="""
import pytest

@pytest.mark.asyncio
@pytest.mark.tmdb_sandbox(42)
async def test_bad(tmdb_sandbox):
    pass
"""
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*tmdb_sandbox takes keyword arguments only*"])


def test_marker_is_registered(pytester: pytest.Pytester) -> None:
    pytester.makeini(INI)
    result = pytester.runpytest("--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.tmdb_sandbox(**options)*"])
