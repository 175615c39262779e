"""Every operation of TMDB's v3 document and of the v4 account/list API is reached by a
public SDK call, which returns models (never a bare dict).

Each call in ``tests/operations`` runs against a loopback server that answers any
operation with the official document's first example (or the area module's ``ANSWERS``)
and records which operation each request matched, by method and path template.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import attrs
import pytest
from aiohttp import web

from tests.conftest import READ_TOKEN, SHARED
from tests.operations import V3_OPERATIONS, V4_OPERATIONS, all_answers, all_calls, fake_context
from tmdb_async import TMDBClient

SPEC = json.loads((SHARED / "tmdb-api-v3.openapi.json").read_text())

#: Every operation an SDK call must reach.
EVERY = frozenset(V3_OPERATIONS + V4_OPERATIONS)
CALLS = all_calls()
ANSWERS = all_answers()


def _example(key: str) -> tuple[int, object]:
    if key in ANSWERS:
        return ANSWERS[key]
    method, path = key.split(" ", 1)
    responses = SPEC["paths"][path][method.lower()]["responses"]
    status = next(code for code in responses if code.startswith("2"))
    content = responses[status]["content"]["application/json"]
    example = next(iter(content["examples"].values()))["value"]
    # The document stores most examples as JSON text.
    return int(status), json.loads(example) if isinstance(example, str) else example


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(template)) + "$")


# Literal paths first, so /3/movie/latest never matches /3/movie/{movie_id}.
_ROUTES = sorted(
    ((key, key.split(" ", 1)[0], _pattern(key.split(" ", 1)[1])) for key in EVERY),
    key=lambda route: route[0].count("{"),
)


def _match(method: str, path: str) -> str | None:
    for key, verb, pattern in _ROUTES:
        if verb == method and pattern.match(path):
            return key
    return None


class Recorder:
    """A loopback TMDB answering every operation with its example; records what it saw."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.unmatched: list[str] = []

    async def handle(self, request: web.Request) -> web.Response:
        key = _match(request.method, request.path)
        if key is None:
            self.unmatched.append(f"{request.method} {request.path}")
            return web.json_response(
                {"success": False, "status_code": 34, "status_message": "unknown route"},
                status=404,
            )
        self.seen.append(key)
        status, body = _example(key)
        return web.json_response(body, status=status)


@pytest.fixture
async def recorded() -> AsyncIterator[tuple[TMDBClient, Recorder]]:
    recorder = Recorder()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", recorder.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    async with TMDBClient(
        access_token=READ_TOKEN,
        base_url=f"http://127.0.0.1:{port}",
        retry=None,
        rate_limit=None,
    ) as tmdb:
        yield tmdb, recorder
    await runner.cleanup()


def test_every_operation_has_a_call() -> None:
    assert len(set(V3_OPERATIONS)) == 152
    assert len(set(V4_OPERATIONS)) == 19
    assert not set(CALLS) - EVERY, "calls for operations TMDB lacks"
    assert sorted(EVERY - set(CALLS)) == [], "operations without a call"


def _no_raw_json(value: object, where: str = "result") -> None:
    assert not isinstance(value, dict | list), f"{where} is raw JSON ({type(value).__name__})"
    cls = type(value)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            inner = getattr(value, field.name)
            if isinstance(inner, list | tuple):
                for item in inner[:3]:
                    if not isinstance(item, str | int | float | bool):
                        _no_raw_json(item, f"{where}.{field.name}[]")


@pytest.mark.parametrize("key", sorted(CALLS))
async def test_call_reaches_its_operation(key: str, recorded: tuple[TMDBClient, Recorder]) -> None:
    tmdb, recorder = recorded
    result: Any = await CALLS[key](fake_context(tmdb))
    assert recorder.unmatched == []
    assert recorder.seen, "no request was made"
    assert recorder.seen[-1] == key, f"reached {recorder.seen}"
    _no_raw_json(result)
