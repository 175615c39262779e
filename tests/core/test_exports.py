"""Daily ID exports: names and dates, the incremental gzip decoder, streaming over HTTP
from a loopback server (export_handler), errors, and local files."""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import json
import random
import zlib
from collections.abc import AsyncIterator, Iterator, Mapping
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from tests.conftest import READ_TOKEN
from tmdb_async import NotFoundError, ResponseValidationError, TMDBClient, TMDBUsageError
from tmdb_async.exports import (
    EXPORTS_BASE_URL,
    ExportDecoder,
    ExportEntry,
    export_filename,
    export_handler,
    export_ids,
    export_url,
    gzip_json_lines,
    latest_export_date,
    read_export_file,
    stream_export,
)
from tmdb_async.testing import Sandbox

DAY = dt.date(2024, 5, 15)


def movie_row(i: int) -> dict[str, Any]:
    return {
        "adult": i % 50 == 0,
        "id": i,
        "original_title": f"Movie {i}",
        "popularity": i / 10,
        "video": False,
    }


# --------------------------------------------------------------------------- names and dates


def test_file_names_and_urls_follow_tmdb() -> None:
    assert export_filename("movie", DAY) == "movie_ids_05_15_2024.json.gz"
    assert export_filename("tv_series", dt.date(2023, 1, 2)) == "tv_series_ids_01_02_2023.json.gz"
    assert EXPORTS_BASE_URL == "https://files.tmdb.org/p/exports"
    assert export_url("person", DAY) == (
        "https://files.tmdb.org/p/exports/person_ids_05_15_2024.json.gz"
    )
    assert export_url("keyword", DAY, base_url="http://127.0.0.1:9/p/exports/") == (
        "http://127.0.0.1:9/p/exports/keyword_ids_05_15_2024.json.gz"
    )


def test_bad_names_are_usage_errors() -> None:
    with pytest.raises(TMDBUsageError, match="unknown export kind 'movies'"):
        export_filename("movies", DAY)  # type: ignore[arg-type]
    with pytest.raises(TMDBUsageError, match=r"date must be a datetime\.date"):
        export_filename("movie", "2024-05-15")  # type: ignore[arg-type]
    with pytest.raises(TMDBUsageError, match="base_url must be an http"):
        export_url("movie", DAY, base_url="files.tmdb.org")


def test_latest_export_date_switches_at_eight_utc() -> None:
    utc = dt.timezone.utc
    assert latest_export_date(dt.datetime(2024, 5, 15, 7, 59, tzinfo=utc)) == dt.date(2024, 5, 14)
    assert latest_export_date(dt.datetime(2024, 5, 15, 8, 0, tzinfo=utc)) == DAY
    # 03:00 in New York is 07:00 UTC: still the day before's file.
    new_york = dt.timezone(dt.timedelta(hours=-4))
    assert latest_export_date(dt.datetime(2024, 5, 15, 3, 0, tzinfo=new_york)) == dt.date(
        2024, 5, 14
    )
    with pytest.raises(TMDBUsageError, match="aware"):
        latest_export_date(dt.datetime(2024, 5, 15, 9, 0))


def test_entries_from_every_kind() -> None:
    assert ExportEntry.from_json(movie_row(550)) == ExportEntry(
        id=550, name="Movie 550", popularity=55.0, adult=True, video=False
    )
    tv = {"id": 1396, "original_name": "Breaking Bad", "popularity": 300}
    assert ExportEntry.from_json(tv) == ExportEntry(id=1396, name="Breaking Bad", popularity=300.0)
    assert ExportEntry.from_json({"id": 3, "name": "Network"}) == ExportEntry(id=3, name="Network")
    with pytest.raises(ValueError, match="integer id"):
        ExportEntry.from_json({"id": "550"})


# --------------------------------------------------------------------------- the decoder


def gzipped(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(gzip_json_lines(rows, batch=7))


def test_decoder_any_chunking_gives_the_same_lines() -> None:
    rows = [movie_row(i) for i in range(1, 400)]
    data = gzipped(rows)
    assert gzip.decompress(data).decode().splitlines()[0] == json.dumps(
        movie_row(1), separators=(",", ":")
    )
    rng = random.Random(5)
    for _ in range(5):
        decoder = ExportDecoder()
        out: list[dict[str, Any]] = []
        pos = 0
        while pos < len(data):
            step = rng.choice([1, 2, 3, 17, 1000])
            out.extend(decoder.feed(data[pos : pos + step]))
            pos += step
        out.extend(decoder.close())
        assert out == rows


def test_decoder_concatenated_members_and_a_final_line_without_newline() -> None:
    first = gzip.compress(b'{"id":1}\n{"id":2}\n')
    second = gzip.compress(b'{"id":3}')
    decoder = ExportDecoder()
    got = list(decoder.feed(first + second))
    got += decoder.close()
    assert got == [{"id": 1}, {"id": 2}, {"id": 3}]


def test_decoder_takes_an_already_decompressed_body() -> None:
    decoder = ExportDecoder()
    got = [*decoder.feed(b'{"id":1}\n{"i'), *decoder.feed(b'd":2}\n'), *decoder.close()]
    assert got == [{"id": 1}, {"id": 2}]


def test_decoder_refuses_a_cut_stream_and_bad_lines() -> None:
    data = gzipped([movie_row(i) for i in range(1, 50)])
    decoder = ExportDecoder()
    assert len(list(decoder.feed(data[: len(data) // 2]))) > 0
    with pytest.raises(ValueError, match="ended in the middle"):
        decoder.close()
    with pytest.raises(ValueError, match="line 2 is not JSON"):
        list(ExportDecoder().feed(gzip.compress(b'{"id":1}\nnot json\n')))
    with pytest.raises(ValueError, match="not a JSON object"):
        list(ExportDecoder().feed(b"[1,2]\n"))
    with pytest.raises(ValueError, match="not valid gzip"):
        list(ExportDecoder().feed(b"\x1f\x8b" + b"\x00" * 30))


# --------------------------------------------------------------------------- over HTTP


class Source:
    """Rows produced on demand; counts how many the server has made so far."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.produced = 0
        self.asked: list[tuple[str, dt.date]] = []
        self.authorization: list[str | None] = []  # the Authorization header of each request

    def __call__(self, kind: str, date: dt.date) -> Iterator[Mapping[str, Any]] | None:
        self.asked.append((kind, date))
        if kind != "movie" or date != DAY:
            return None
        return self.rows()

    def rows(self) -> Iterator[Mapping[str, Any]]:
        for i in range(1, self.count + 1):
            self.produced += 1
            yield movie_row(i)


@pytest.fixture
async def server() -> AsyncIterator[tuple[str, Source]]:
    source = Source(60_000)
    app = web.Application()
    handler = export_handler(source)

    async def recording(request: web.Request) -> web.StreamResponse:
        source.authorization.append(request.headers.get("Authorization"))
        response: web.StreamResponse = await handler(request)
        return response

    app.router.add_get("/p/exports/{name}", recording)
    app.router.add_get("/broken/{name}", broken)
    app.router.add_get("/held/{name}", held_back)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}", source
    finally:
        await runner.cleanup()


HELD = asyncio.Event()
HELD_ROWS = [movie_row(i) for i in range(1, 3001)]


async def held_back(request: web.Request) -> web.StreamResponse:
    """Sends a third of the file, then waits until the test says go on."""
    data = gzipped(HELD_ROWS)
    response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
    await response.prepare(request)
    await response.write(data[: len(data) // 3])
    await asyncio.wait_for(HELD.wait(), 5.0)
    await response.write(data[len(data) // 3 :])
    await response.write_eof()
    return response


async def broken(request: web.Request) -> web.Response:
    return web.Response(body=gzip.compress(b'{"id": 1}\n{"no_id": true}\n'))


async def test_stream_export_through_the_client_incrementally(server: tuple[str, Source]) -> None:
    base, source = server
    async with TMDBClient(access_token=READ_TOKEN, rate_limit=None) as tmdb:
        stream = stream_export(tmdb, "movie", DAY, base_url=f"{base}/p/exports")
        first = await stream.__anext__()
        assert first == ExportEntry(id=1, name="Movie 1", popularity=0.1, adult=False, video=False)
        count = 1
        last = first
        async for entry in stream:
            count += 1
            last = entry
        assert count == 60_000
        assert last.id == 60_000
        assert source.asked == [("movie", DAY)]
        # The export host never sees the API credential; the pool's connections are used.
        assert source.authorization == [None]
        connector = tmdb._core.pool.session().connector
        assert connector is not None
        assert tmdb._core.pool.plain_session().connector is connector
        assert len(connector._acquired) == 0


async def test_entries_arrive_before_the_file_has(server: tuple[str, Source]) -> None:
    base, _ = server
    HELD.clear()
    async with aiohttp.ClientSession() as session:
        stream = stream_export(session, "movie", DAY, base_url=f"{base}/held")
        early = [await stream.__anext__() for _ in range(100)]
        assert [e.id for e in early] == list(range(1, 101))
        HELD.set()  # only now does the server send the rest
        rest = [e.id async for e in stream]
    assert rest == list(range(101, 3001))


async def test_export_ids_and_skip_adult(server: tuple[str, Source]) -> None:
    base, _ = server
    async with aiohttp.ClientSession() as session:
        ids = [i async for i in export_ids(session, "movie", DAY, base_url=f"{base}/p/exports")]
        clean = [
            i
            async for i in export_ids(
                session, "movie", DAY, base_url=f"{base}/p/exports", skip_adult=True
            )
        ]
    assert ids == list(range(1, 60_001))
    assert clean == [i for i in range(1, 60_001) if i % 50]


async def test_missing_file_is_not_found(server: tuple[str, Source]) -> None:
    base, source = server
    async with TMDBClient(access_token=READ_TOKEN) as tmdb:
        with pytest.raises(NotFoundError) as caught:
            async for _ in stream_export(
                tmdb, "movie", dt.date(2024, 5, 16), base_url=base + "/p/exports"
            ):
                pass  # pragma: no cover
    assert caught.value.http_status == 404
    assert caught.value.url == f"{base}/p/exports/movie_ids_05_16_2024.json.gz"
    assert source.asked == [("movie", dt.date(2024, 5, 16))]


async def test_a_bad_line_is_a_validation_error(server: tuple[str, Source]) -> None:
    base, _ = server
    got: list[ExportEntry] = []

    async def consume(session: aiohttp.ClientSession) -> None:
        async for entry in stream_export(session, "movie", DAY, base_url=f"{base}/broken"):
            got.append(entry)

    async with aiohttp.ClientSession() as session:
        with pytest.raises(ResponseValidationError, match="integer id"):
            await consume(session)
    assert got == [ExportEntry(id=1)]


async def test_stream_export_needs_a_client_or_session() -> None:
    with pytest.raises(TMDBUsageError, match=r"TMDBClient or an aiohttp\.ClientSession"):
        async for _ in stream_export("not a client", "movie", DAY):
            pass  # pragma: no cover


# --------------------------------------------------------------------------- local files


def test_read_export_file_gzipped_and_plain(tmp_path: Path) -> None:
    rows = [movie_row(i) for i in range(1, 30)]
    gz = tmp_path / "movie_ids_05_15_2024.json.gz"
    gz.write_bytes(gzipped(rows))
    plain = tmp_path / "ids.jsonl"
    plain.write_text("".join(json.dumps(r) + "\n" for r in rows) + "\n", encoding="utf-8")
    expected = [ExportEntry.from_json(r) for r in rows]
    assert list(read_export_file(gz)) == expected
    assert list(read_export_file(plain)) == expected
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ResponseValidationError, match=r"bad\.jsonl line 2"):
        list(read_export_file(bad))


def test_gzip_json_lines_is_one_valid_gzip_stream() -> None:
    rows = [movie_row(i) for i in range(1, 2000)]
    data = b"".join(gzip_json_lines(iter(rows)))
    inflate = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    text = inflate.decompress(data)
    assert inflate.eof
    assert [json.loads(line) for line in text.splitlines()] == rows
    assert gzip.decompress(b"".join(gzip_json_lines([]))) == b""


async def test_the_sandbox_serves_exports_of_its_catalogue() -> None:
    async with Sandbox(movie_count=1200, tv_count=30, person_count=40) as sb, sb.client() as tmdb:
        base = f"{sb.base_url}/p/exports"
        movies = [e async for e in stream_export(tmdb, "movie", DAY, base_url=base)]
        shows = [i async for i in export_ids(tmdb, "tv_series", DAY, base_url=base)]
        people = [e async for e in stream_export(tmdb, "person", DAY, base_url=base)]
        with pytest.raises(NotFoundError):
            await stream_export(tmdb, "keyword", DAY, base_url=base).__anext__()
        eleven = await tmdb.movies.details(11)
    # Every id from 1 to the count, then TMDB's real entities above it (Avatar, 19995 ...).
    assert [m.id for m in movies] == list(sb.catalogue.ids("movie"))
    assert [m.id for m in movies][:1200] == list(range(1, 1201))
    assert 19995 in [m.id for m in movies]
    assert movies[10].name == eleven.original_title == "Star Wars"
    assert movies[10].popularity == eleven.popularity
    assert shows == list(sb.catalogue.ids("tv"))
    assert shows[:30] == list(range(1, 31))
    assert [p.id for p in people] == list(sb.catalogue.ids("person"))
    assert [p.id for p in people][:40] == list(range(1, 41))
    assert all(p.name for p in people)
    # Served without credentials, like files.tmdb.org.
    served = sb.requests_to("/p/exports/*")
    assert [r.path for r in served] == [
        "/p/exports/movie_ids_05_15_2024.json.gz",
        "/p/exports/tv_series_ids_05_15_2024.json.gz",
        "/p/exports/person_ids_05_15_2024.json.gz",
        "/p/exports/keyword_ids_05_15_2024.json.gz",
    ]
