"""``tmdb.paginate``: items and pages of any paged method; stops at total_pages, TMDB's
500-page cap, an empty page, max_pages / max_items; optional de-duplication by id."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from tests.loopback_tmdb import TMDBServer
from tmdb_async import (
    MovieSummary,
    Page,
    Paginator,
    PersonSummary,
    TMDBClient,
    TMDBUsageError,
    TVSummary,
    paginate,
)

if TYPE_CHECKING:
    from typing import assert_type

    from tmdb_async import MultiResult


@attrs.frozen
class Item:
    id: int


class FakeEndpoint:
    """A paged method over ``total`` items, ``per_page`` a page; records the pages asked."""

    def __init__(self, total_pages: int, per_page: int = 2, *, repeat_first: bool = False) -> None:
        self.total_pages = total_pages
        self.per_page = per_page
        self.repeat_first = repeat_first
        self.asked: list[tuple[int, dict[str, Any]]] = []

    async def __call__(self, *, page: int = 1, query: str = "") -> Page[Item]:
        self.asked.append((page, {"query": query}))
        start = (page - 1) * self.per_page
        ids = list(range(start, start + self.per_page))
        if self.repeat_first and page > 1:
            ids[0] = start - 1  # the last item of the previous page shows up again
        return Page(
            page=page,
            results=[Item(i) for i in ids],
            total_pages=self.total_pages,
            total_results=self.total_pages * self.per_page,
        )


async def collect(paginator: Paginator[Item]) -> list[int]:
    return [item.id async for item in paginator]


async def test_items_stop_at_total_pages() -> None:
    fetch = FakeEndpoint(total_pages=3)
    assert await collect(paginate(fetch, query="alien")) == [0, 1, 2, 3, 4, 5]
    assert fetch.asked == [
        (1, {"query": "alien"}),
        (2, {"query": "alien"}),
        (3, {"query": "alien"}),
    ]


async def test_pages_variant() -> None:
    fetch = FakeEndpoint(total_pages=2)
    pages = [page async for page in paginate(fetch).pages()]
    assert [p.page for p in pages] == [1, 2]
    assert [i.id for p in pages for i in p.results] == [0, 1, 2, 3]


async def test_stops_at_tmdb_500_page_cap() -> None:
    fetch = FakeEndpoint(total_pages=12000, per_page=1)
    pages = [page.page async for page in paginate(fetch, page=498).pages()]
    assert pages == [498, 499, 500]
    assert [p for p, _ in fetch.asked] == [498, 499, 500]


async def test_stops_at_empty_page() -> None:
    async def fetch(*, page: int = 1) -> Page[Item]:
        return Page(page=page, results=[Item(page)] if page < 3 else [], total_pages=10)

    assert await collect(paginate(fetch)) == [1, 2]


async def test_single_page_and_zero_total() -> None:
    calls: list[int] = []

    async def fetch(*, page: int = 1) -> Page[Item]:
        calls.append(page)
        return Page(page=page, results=[Item(7)], total_pages=0)

    assert await collect(paginate(fetch)) == [7]
    assert calls == [1]


async def test_max_items_stops_fetching() -> None:
    fetch = FakeEndpoint(total_pages=100, per_page=2)
    assert await collect(paginate(fetch).limit(max_items=3)) == [0, 1, 2]
    assert [p for p, _ in fetch.asked] == [1, 2]


async def test_max_items_exactly_a_page() -> None:
    fetch = FakeEndpoint(total_pages=100, per_page=2)
    assert await collect(paginate(fetch).limit(max_items=2)) == [0, 1]
    assert [p for p, _ in fetch.asked] == [1]


async def test_max_pages() -> None:
    fetch = FakeEndpoint(total_pages=100)
    assert await collect(paginate(fetch).limit(max_pages=2)) == [0, 1, 2, 3]
    pages = [p.page async for p in paginate(fetch, page=5).limit(max_pages=1).pages()]
    assert pages == [5]


async def test_unique_skips_repeats_and_counts_unique_items() -> None:
    fetch = FakeEndpoint(total_pages=3, per_page=3, repeat_first=True)
    # pages: [0,1,2], [2,4,5], [5,7,8]
    assert await collect(paginate(fetch)) == [0, 1, 2, 2, 4, 5, 5, 7, 8]
    assert await collect(paginate(fetch).unique()) == [0, 1, 2, 4, 5, 7, 8]
    assert await collect(paginate(fetch).unique().limit(max_items=4)) == [0, 1, 2, 4]
    evens = paginate(fetch).unique(key=lambda item: item.id % 2)
    assert await collect(evens) == [0, 1]


async def test_unique_default_key_tells_media_types_apart() -> None:
    async def fetch(*, page: int = 1) -> Page[MovieSummary | TVSummary | PersonSummary]:
        return Page(
            page=page,
            results=[MovieSummary(id=1), TVSummary(id=1), MovieSummary(id=1), PersonSummary(id=1)],
            total_pages=1,
        )

    items = [i async for i in paginate(fetch).unique()]
    assert items == [MovieSummary(id=1), TVSummary(id=1), PersonSummary(id=1)]


async def test_iterating_twice_starts_again() -> None:
    fetch = FakeEndpoint(total_pages=2)
    paginator = paginate(fetch)
    assert await collect(paginator) == await collect(paginator) == [0, 1, 2, 3]


async def test_errors_propagate_and_stop() -> None:
    async def fetch(*, page: int = 1) -> Page[Item]:
        if page == 2:
            raise TMDBUsageError("boom")
        return Page(page=page, results=[Item(page)], total_pages=5)

    seen: list[int] = []

    async def consume() -> None:
        async for item in paginate(fetch):
            seen.append(item.id)

    with pytest.raises(TMDBUsageError, match="boom"):
        await consume()
    assert seen == [1]


async def test_not_a_page_is_a_usage_error() -> None:
    async def fetch(*, page: int = 1) -> Any:
        return {"page": page}

    with pytest.raises(TMDBUsageError, match="Page"):
        await collect(paginate(fetch))


async def test_bad_arguments_refused_before_any_call() -> None:
    fetch = FakeEndpoint(total_pages=3)

    async def unpaged(movie_id: int) -> Page[Item]:
        raise AssertionError("called")

    with pytest.raises(TMDBUsageError, match="page"):
        paginate(unpaged, 1)
    with pytest.raises(TMDBUsageError):
        paginate(fetch, page=0)
    with pytest.raises(TMDBUsageError):
        paginate(fetch, page=501)
    with pytest.raises(TMDBUsageError):
        paginate(fetch).limit(max_items=0)
    with pytest.raises(TMDBUsageError):
        paginate(fetch).limit(max_pages=True)
    with pytest.raises(TMDBUsageError):
        paginate(42)  # type: ignore[arg-type]
    assert fetch.asked == []


# ---------------------------------------------------------------------- through the client


def search_page(page: int, total_pages: int, ids: list[int]) -> dict[str, Any]:
    return {
        "page": page,
        "results": [{"id": i, "title": f"t{i}"} for i in ids],
        "total_pages": total_pages,
        "total_results": total_pages * 2,
    }


async def test_client_paginate_search_movie(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    tmdb_server.get(
        "/3/search/movie", query={"query": "alien", "page": "1"}, payload=search_page(1, 2, [1, 2])
    )
    tmdb_server.get(
        "/3/search/movie", query={"query": "alien", "page": "2"}, payload=search_page(2, 2, [3])
    )
    titles = [m.title async for m in tmdb_local.paginate(tmdb_local.search.movie, query="alien")]
    assert titles == ["t1", "t2", "t3"]
    sent = [call.query for call in tmdb_server.calls()]
    assert sent == [{"query": "alien", "page": "1"}, {"query": "alien", "page": "2"}]


async def test_client_paginate_with_positional_id(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    body = {"page": 3, "results": [{"id": 9, "name": "x"}], "total_pages": 3}
    tmdb_server.get("/3/tv/1396/recommendations", query={"page": "3"}, payload=body)
    pages = [
        p async for p in tmdb_local.paginate(tmdb_local.tv.recommendations, 1396, page=3).pages()
    ]
    assert [p.results for p in pages] == [[TVSummary(id=9, name="x")]]
    call = tmdb_server.only_call()
    assert call.query == {"page": "3"}
    assert call.path == "/3/tv/1396/recommendations"


async def test_client_paginate_bad_kwargs_before_io(
    tmdb_local: TMDBClient, tmdb_server: TMDBServer
) -> None:
    with pytest.raises(TMDBUsageError):
        await anext(aiter(tmdb_local.paginate(tmdb_local.search.movie, query="")))
    assert tmdb_server.calls() == []


def test_repr() -> None:
    paginator = paginate(FakeEndpoint(1)).limit(max_items=5).unique()
    assert repr(paginator) == (
        "<Paginator FakeEndpoint start=1 max_pages=None max_items=5 unique=True>"
    )


def _static_types(tmdb_local: TMDBClient) -> None:  # pragma: no cover - checked by mypy, never run
    """mypy --strict infers the item type from the method handed to paginate."""
    movies = tmdb_local.paginate(tmdb_local.search.movie, query="alien")
    assert_type(movies, Paginator[MovieSummary])
    assert_type(tmdb_local.paginate(tmdb_local.trending.all, "week"), Paginator[MultiResult])
    assert_type(
        tmdb_local.paginate(tmdb_local.tv.recommendations, 1396).pages(),
        AsyncGenerator[Page[TVSummary], None],
    )
    assert_type(
        paginate(tmdb_local.people.popular).limit(max_items=3).unique(), Paginator[PersonSummary]
    )
