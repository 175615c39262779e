"""Credentials: the read token goes in a Bearer header, the api key in the query; mix-ups fail."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import API_KEY, READ_TOKEN
from tests.loopback_tmdb import TMDBServer
from tmdb_async import CredentialError, Movie, TMDBClient, TMDBUsageError
from tmdb_async._credentials import Credentials

MOVIE_BODY = {"id": 11, "title": "Star Wars"}


async def test_access_token_is_sent_as_bearer_header_only(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get("/3/movie/11", payload=MOVIE_BODY)
    assert await tmdb_local.movies.details(11) == Movie(id=11, title="Star Wars")
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("GET", "/3/movie/11")
    headers = call.headers
    assert headers["Authorization"] == f"Bearer {READ_TOKEN}"
    assert headers["Accept"] == "application/json"
    assert headers["User-Agent"].startswith("tmdb-async/")
    assert call.query == {}
    assert call.body == b""


async def test_api_key_is_sent_as_query_parameter_only(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        "/3/movie/11", query={"api_key": API_KEY, "language": "en-US"}, payload=MOVIE_BODY
    )
    assert await tmdb_local_key.movies.details(11, language="en-US") == Movie(
        id=11, title="Star Wars"
    )
    call = tmdb_server.only_call()
    assert (call.method, call.path) == ("GET", "/3/movie/11")
    assert call.query == {"api_key": API_KEY, "language": "en-US"}
    assert "Authorization" not in call.headers
    assert call.headers["Accept"] == "application/json"


async def test_api_key_is_in_the_query_of_a_post_too(
    tmdb_local_key: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.post(
        "/3/authentication/session/new",
        query={"api_key": API_KEY},
        payload={"success": True, "session_id": "c" * 40},
    )
    await tmdb_local_key.auth.create_session("d" * 40)
    call = tmdb_server.only_call()
    assert call.query == {"api_key": API_KEY}
    assert call.json == {"request_token": "d" * 40}
    assert "api_key" not in call.json
    assert "Authorization" not in call.headers


def test_surrounding_whitespace_is_stripped() -> None:
    assert Credentials.from_arguments(api_key=f"  {API_KEY}\n", access_token=None) == Credentials(
        "api_key", API_KEY
    )
    assert Credentials.from_arguments(api_key=None, access_token=f"\t{READ_TOKEN} ") == Credentials(
        "bearer", READ_TOKEN
    )


async def test_stripped_token_is_what_is_sent(tmdb_server: TMDBServer) -> None:
    tmdb_server.get("/3/movie/11", payload=MOVIE_BODY)
    async with TMDBClient(access_token=f" {READ_TOKEN}\n", base_url=tmdb_server.base_url) as tmdb:
        await tmdb.movies.details(11)
    assert tmdb_server.only_call().headers["Authorization"] == f"Bearer {READ_TOKEN}"


# ---------------------------------------------------------------------------- mix-ups

# Shaped like real credentials, and distinctive, so a leak into a message is visible.
JWT_VALUE = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtaXh1cC10ZXN0In0.U0VDUkVUU0lHTkFUVVJFWFla"
HEX_VALUE = "feedfacecafebeef0123456789abcdef"


def _assert_value_absent(message: str, value: str) -> None:
    assert value not in message
    # Not even a recognisable chunk of it.
    for start in range(0, len(value) - 12, 6):
        assert value[start : start + 12] not in message


def test_jwt_passed_as_api_key_says_which_is_which() -> None:
    with pytest.raises(CredentialError) as info:
        TMDBClient(api_key=JWT_VALUE)
    message = str(info.value)
    assert "api_key=" in message
    assert "access_token=" in message
    assert "Read Access Token" in message
    assert "32-hex" in message or "32 hex" in message
    _assert_value_absent(message, JWT_VALUE)
    _assert_value_absent(repr(info.value), JWT_VALUE)


@pytest.mark.parametrize("value", [HEX_VALUE, HEX_VALUE.upper()])
def test_hex_key_passed_as_access_token_says_which_is_which(value: str) -> None:
    with pytest.raises(CredentialError) as info:
        TMDBClient(access_token=value)
    message = str(info.value)
    assert "access_token=" in message
    assert "api_key=" in message
    assert "API Key" in message
    assert "32 hex" in message
    _assert_value_absent(message, value)
    _assert_value_absent(repr(info.value), value)


def test_credential_error_is_a_usage_error() -> None:
    assert issubclass(CredentialError, TMDBUsageError)
    assert issubclass(CredentialError, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "needs a credential"),
        ({"api_key": None, "access_token": None}, "needs a credential"),
        ({"api_key": API_KEY, "access_token": READ_TOKEN}, "not both"),
        ({"api_key": "", "access_token": READ_TOKEN}, "not both"),
        ({"api_key": ""}, "api_key is empty"),
        ({"access_token": ""}, "access_token is empty"),
        ({"api_key": "   \t\n"}, "api_key is empty"),
        ({"access_token": " "}, "access_token is empty"),
        ({"api_key": "0123456789abcdef 0123456789abcdef"}, "api_key contains whitespace"),
        ({"access_token": "eyJhbGc iOiJ.x.y"}, "access_token contains whitespace"),
        ({"api_key": b"0123456789abcdef0123456789abcdef"}, "api_key must be a str"),
        ({"access_token": 12345}, "access_token must be a str"),
    ],
)
def test_bad_credentials_fail_at_construction(kwargs: dict[str, Any], expected: str) -> None:
    with pytest.raises(CredentialError, match=expected) as info:
        TMDBClient(**kwargs)
    for value in kwargs.values():
        if isinstance(value, str) and value.strip():
            assert value.strip() not in str(info.value)


def test_no_credential_message_says_where_to_get_one() -> None:
    with pytest.raises(CredentialError) as info:
        TMDBClient()
    message = str(info.value)
    assert "access_token=" in message
    assert "api_key=" in message
    assert "https://www.themoviedb.org/settings/api" in message


def test_other_shapes_are_accepted_as_given() -> None:
    # Only the two well-known confusions are refused; other values pass through untouched.
    assert TMDBClient(api_key="custom-key-for-a-proxy")._core.credentials == Credentials(
        "api_key", "custom-key-for-a-proxy"
    )
    assert TMDBClient(access_token="opaque.proxy.token")._core.credentials == Credentials(
        "bearer", "opaque.proxy.token"
    )
    # A 31-hex value is not the api-key shape.
    assert TMDBClient(access_token=HEX_VALUE[:31])._core.credentials.is_bearer


def test_credentials_repr_hides_the_secret() -> None:
    for creds in (Credentials("bearer", READ_TOKEN), Credentials("api_key", API_KEY)):
        for text in (repr(creds), str(creds), f"{creds}", f"{creds!r}"):
            assert creds.secret not in text
            assert "***" in text
    assert repr(Credentials("api_key", API_KEY)) == "Credentials(kind='api_key', secret='***')"
