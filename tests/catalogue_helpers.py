"""Helpers for the catalogue endpoint tests: spec examples, strict structuring, request checks."""

from __future__ import annotations

import functools
import json
from typing import Any, TypeVar

from tests.conftest import API_KEY, READ_TOKEN, SHARED
from tests.loopback_tmdb import TMDBServer
from tmdb_async import make_converter
from tmdb_async._convert import CONVERTER

T = TypeVar("T")

STRICT = make_converter(forbid_extra_keys=True)


@functools.cache
def _operations() -> dict[str, tuple[str, dict[str, Any]]]:
    spec = json.loads((SHARED / "tmdb-api-v3.openapi.json").read_text(encoding="utf-8"))
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for path, ops in spec["paths"].items():
        for op in ops.values():
            out[op["operationId"]] = (path, op)
    return out


def spec_path(operation_id: str) -> str:
    """The path template of an operation of the official spec."""
    return _operations()[operation_id][0]


def spec_examples(operation_id: str) -> list[Any]:
    """Every 200 example body of an operation of the official spec (there is at least one)."""
    media = _operations()[operation_id][1]["responses"]["200"]["content"]["application/json"]
    raw = [v["value"] for v in media.get("examples", {}).values()]
    if "example" in media:
        raw.append(media["example"])
    bodies = [json.loads(v) if isinstance(v, str) else v for v in raw]
    assert bodies, f"the spec has no example for {operation_id}"
    return bodies


def both(body: Any, into: type[T]) -> T:
    """Structure ``body`` with the production converter and a strict one (no unknown keys).

    Both must succeed and agree; the strict one proves every key TMDB sent is modelled.
    """
    loose = CONVERTER.structure(body, into)
    strict = STRICT.structure(body, into)
    assert loose == strict
    return loose


def check_get(
    server: TMDBServer,
    path: str,
    params: dict[str, Any] | None = None,
    *,
    bearer: bool = True,
) -> None:
    """Exactly one GET to ``path`` on the loopback TMDB, with no body, the credential in the
    right place and these query params (beside api_key)."""
    call = server.only_call()
    assert (call.method, call.path) == ("GET", path)
    assert call.body == b""
    sent = dict(call.query)
    if bearer:
        assert call.headers["Authorization"] == f"Bearer {READ_TOKEN}"
        assert "api_key" not in sent
    else:
        assert "Authorization" not in call.headers
        assert "api_key" in sent
        sent.pop("api_key")
    assert call.headers["Accept"] == "application/json"
    # On the wire every query value is text (the SDK may hand aiohttp ints).
    assert sent == {key: str(value) for key, value in (params or {}).items()}


def wire_query(params: dict[str, Any] | None = None, *, api_key: bool = False) -> dict[str, str]:
    """The query a GET with these params sends, as the loopback TMDB matches it: every value
    as text, beside the v3 api_key for an ``api_key`` client."""
    query = {key: str(value) for key, value in (params or {}).items()}
    if api_key:
        query["api_key"] = API_KEY
    return query
