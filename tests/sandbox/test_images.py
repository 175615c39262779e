"""The sandbox serves the images behind the URLs it hands out: PNGs showing the title or name.

Every image path in the sandbox's answers (real records, generated fillers, user avatars),
joined to ``/configuration``'s ``secure_base_url`` and a size, answers a PNG of the image
kind's shape with the text drawn in; unknown paths answer 404 as TMDB's image host does.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest

from tests.webapp.helpers import running_app
from tests.webapp.test_app import sign_in
from tmdb_async.testing import Sandbox
from tmdb_async.testing._images import ImageIndex, dimensions, printable, render_png


def _decode(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit RGB PNG without filters (what we write)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, width, height = 8, b"", 0, 0
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, payload = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + payload) & 0xFFFFFFFF
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", payload[:10])
            assert (depth, colour) == (8, 2)
        elif kind == b"IDAT":
            idat += payload
        at += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * 3
    assert len(raw) == stride * height
    return width, height, [raw[y * stride + 1 : (y + 1) * stride] for y in range(height)]


def _ink(rows: list[bytes]) -> int:
    return sum(row.count(b"\xff\xff\xff") for row in rows)


def _paths(value: Any) -> Iterator[tuple[str, str]]:
    """``(field, path)`` of every image path in a JSON answer."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and item.startswith("/") and key.endswith("_path"):
                yield key, item
            else:
                yield from _paths(item)
    elif isinstance(value, list):
        for item in value:
            yield from _paths(item)


@pytest.fixture
async def sb() -> AsyncIterator[Sandbox]:
    async with Sandbox() as sandbox:
        yield sandbox


async def test_every_image_path_in_the_answers_is_served_as_a_png_of_its_kind(
    sb: Sandbox,
) -> None:
    headers = {"Authorization": f"Bearer {sb.access_token}"}
    answers = []
    async with aiohttp.ClientSession(headers=headers) as http:
        config = await (await http.get(f"{sb.base_url}/3/configuration")).json()
        base = config["images"]["secure_base_url"]
        assert base == f"{sb.base_url}/t/p/"
        session = sb.login().session_id
        for path, params in (
            ("/3/movie/550", {"append_to_response": "images,credits"}),
            ("/3/movie/11", {"append_to_response": "images"}),
            ("/3/movie/4000", {"append_to_response": "images,credits"}),
            ("/3/tv/1399", {"append_to_response": "images"}),
            ("/3/tv/1399/season/1", {}),
            ("/3/tv/1396/season/1/episode/1", {}),
            ("/3/tv/1500/season/1", {}),
            ("/3/person/31", {"append_to_response": "images"}),
            ("/3/collection/10", {}),
            ("/3/company/1", {}),
            ("/3/search/movie", {"query": "star wars"}),
            ("/3/account", {"session_id": session}),
        ):
            async with http.get(sb.base_url + path, params=params) as resp:
                assert resp.status == 200, path
                answers.append(await resp.json())
        served = {p for answer in answers for p in _paths(answer)}
        assert len(served) > 50
        for field, image in sorted(served):
            size = {"profile_path": "w45", "backdrop_path": "w300"}.get(field, "w92")
            async with http.get(f"{base}{size}{image}") as resp:
                assert resp.status == 200, (field, image)
                assert resp.content_type == "image/png"
                png = await resp.read()
            width, height, rows = _decode(png)
            kind = {"profile_path": "profile", "backdrop_path": "backdrop"}.get(field)
            if kind is not None:
                assert (width, height) == dimensions(size, kind), (field, image)
            assert _ink(rows) > 0, (field, image)  # the title or name is drawn


async def test_an_image_shows_its_title_and_unknown_paths_are_404(sb: Sandbox) -> None:
    index = ImageIndex(sb.catalogue)
    star_wars = sb.catalogue.movie(11)
    assert index.lookup(star_wars["poster_path"]) == ("Star Wars", "poster")
    assert index.lookup(star_wars["backdrop_path"]) == ("Star Wars", "backdrop")
    filler = sb.catalogue.movie(4000)
    assert index.lookup(filler["poster_path"]) == (filler["title"], "poster")
    assert index.lookup("/no-such-image.jpg") is None
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{sb.image_base_url}w92/no-such-image.jpg") as resp:
            assert resp.status == 404
        async with http.get(f"{sb.image_base_url}w342{star_wars['poster_path']}") as resp:
            width, height, rows = _decode(await resp.read())
    assert (width, height) == (342, 513)
    # the same picture as drawing "Star Wars" directly, and not the one of another title
    _, _, expected = _decode(render_png("Star Wars", "poster", "w342", star_wars["poster_path"]))
    assert rows == expected
    _, _, other = _decode(render_png("Fight Club", "poster", "w342", star_wars["poster_path"]))
    assert rows != other


def test_text_and_sizes() -> None:
    assert printable("Amélie: L'été 2ème!") == "AMELIE: L'ETE 2EME!"
    assert printable("千と千尋") == "????"
    assert dimensions("w500", "poster") == (500, 750)
    assert dimensions("w780", "backdrop") == (780, 438)
    assert dimensions("h632", "profile") == (421, 632)
    assert dimensions("w92", "logo") == (92, 46)
    assert dimensions("original", "backdrop") == (1280, 720)
    assert dimensions("w99999", "poster") == (1280, 1920)  # bounded
    blank = _decode(render_png("", "poster", "w92", "/x.png"))[2]
    assert _ink(blank) == 0
    assert _ink(_decode(render_png("A", "poster", "w92", "/x.png"))[2]) > 0


async def test_the_web_app_example_shows_the_sandboxs_posters() -> None:
    async with (
        Sandbox() as sandbox,
        running_app(sandbox, retry=None) as app,
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser,
    ):
        favourites = sandbox.state.accounts[548].favorite["movie"]
        favourites[11] = favourites[19995] = sandbox.state.now()
        page = await sign_in(browser, app, sandbox)
        sources = re.findall(r"<img src='([^']+)' alt='Poster of ([^']+)'", page)
        assert {title for _, title in sources} == {"Star Wars", "Avatar"}
        for source, title in sources:
            assert source.startswith(sandbox.image_base_url)
            async with browser.get(source) as resp:
                assert (resp.status, resp.content_type) == (200, "image/png")
                png = await resp.read()
            size, path = source[len(sandbox.image_base_url) :].split("/", 1)
            assert png == render_png(title, "poster", size, "/" + path)
