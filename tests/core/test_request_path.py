"""How a request's URL and body decoding are built on the quick path.

Paths our endpoints build are already percent-encoded and are joined to the base URL as
they are; anything else is parsed (and normalised) by yarl as before. The default JSON
decoder reads UTF-8 directly and falls back to ``json.loads`` for anything else.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.loopback_tmdb import TMDBServer
from tmdb_async import TMDBClient, TMDBUsageError
from tmdb_async._core import decode_json
from tmdb_async._sansio import _check_path
from tmdb_async.resources._base import segment


@pytest.mark.parametrize(
    ("path", "encoded"),
    [
        ("/3/movie/11", True),
        ("/3/tv/1399/season/1/episode/2", True),
        ("/3/guest_session/abc-123/rated/movies", True),
        ("/3/find/%40someone%2Fx", True),
        ("/3/find/a:b@c!$&'()*,;=", True),
        ("/3/find/é", False),
        ("/3/find/a b", False),
        ("/3/find/100%", False),
        ("/3/find/%zz", False),
        ("/3/find/a|b", False),
    ],
)
def test_which_paths_count_as_encoded(path: str, encoded: bool) -> None:
    assert _check_path(path) is encoded


def test_segment_quotes_like_yarl_and_refuses_dot_segments() -> None:
    assert segment("@someone/x") == "@someone%2Fx"
    assert segment("a+b c?d#e%") == "a%2Bb%20c%3Fd%23e%25"
    assert segment("é") == "%C3%A9"
    for dots in (".", ".."):
        with pytest.raises(TMDBUsageError, match="not a valid path segment"):
            segment(dots)


async def test_an_unencoded_escape_hatch_path_is_encoded(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get("/3/keyword/%C3%A9", payload={"id": 1, "name": "é"})
    assert await tmdb_local.request_json("GET", "/3/keyword/é") == {"id": 1, "name": "é"}
    call = tmdb_server.only_call()
    assert (call.method, call.raw_path, call.path) == ("GET", "/3/keyword/%C3%A9", "/3/keyword/é")


@pytest.mark.parametrize("path", ["/3/movie/../tv/1", "/3/./movie/1", "/3/movie/.."])
async def test_dot_segments_are_refused_before_any_io(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, path: str
) -> None:
    with pytest.raises(TMDBUsageError, match=r"'\.\.' segments"):
        await tmdb_local.request_json("GET", path)
    assert tmdb_server.calls() == []


def test_decode_json_reads_utf8_and_falls_back_to_json_loads() -> None:
    doc = {"title": "Amélie", "id": 194}
    assert decode_json(json.dumps(doc, ensure_ascii=False).encode()) == doc
    assert decode_json(b"\xef\xbb\xbf" + json.dumps(doc).encode()) == doc  # a BOM
    assert decode_json(json.dumps(doc).encode("utf-16")) == doc
    with pytest.raises(ValueError):
        decode_json(b"<html>bad gateway</html>")
    with pytest.raises(ValueError):
        decode_json(b"\xff\xfe\xfa")


# Issue 13, defect 3: the '..' guard of the escape hatch was bypassed with encoded dot
# segments: DELETE movie/.%2e/.%2e/4/auth/access_token reached /4/auth/access_token.
ENCODED_DOTS = [
    "/3/movie/.%2e/.%2e/4/auth/access_token",
    "/3/movie/%2E%2E/%2e%2E/4/auth/access_token",
    "/3/movie/%2e/11",
    "/3/movie/%2e.",
    "/3/movie/%252e%252e/x",  # decoded once more by a proxy
    "/3/movie/a%2F..%2Fb",
    "/3/movie/a\\..\\b",
]


@pytest.mark.parametrize("path", ENCODED_DOTS)
@pytest.mark.parametrize("method", ["GET", "DELETE"])
async def test_encoded_dot_segments_are_refused_before_any_io(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, path: str, method: Any
) -> None:
    with pytest.raises(TMDBUsageError, match=r"'\.\.' segments \(encoded or not\)"):
        await tmdb_local.request_json(method, path)
    assert tmdb_server.calls() == []


@pytest.mark.parametrize("path", ENCODED_DOTS)
async def test_the_request_path_itself_refuses_encoded_dot_segments(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer, path: str
) -> None:
    # Below the escape hatch too: every resource method builds its path and sends it
    # through the same request path.
    with pytest.raises(TMDBUsageError, match=r"'\.' or '\.\.' segments, encoded or not"):
        await tmdb_local._core.request_json("GET", path)
    assert tmdb_server.calls() == []


@pytest.mark.parametrize("value", [".%2e", "%2E%2E", "%2e", "%2e.", "%252E%252e", "..%2f", "a/.."])
def test_segment_refuses_encoded_dot_segments(value: str) -> None:
    with pytest.raises(TMDBUsageError, match="not a valid path segment") as info:
        segment(value)
    assert value not in str(info.value)


async def test_a_resource_refuses_an_encoded_dot_segment_before_any_io(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError, match="not a valid path segment"):
        await tmdb_local.find.by_id(".%2e", external_source="twitter_id")
    assert tmdb_server.calls() == []


def test_dots_inside_a_segment_are_fine() -> None:
    assert segment("a.b") == "a.b"
    assert segment("...") == "..."
    assert segment("%2e%2e%2e") == "%252e%252e%252e"
