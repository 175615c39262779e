"""Pagination: ``async for`` over the items or the pages of any paged endpoint.

::

    async for movie in tmdb.paginate(tmdb.search.movie, query="alien"):
        ...
    async for page in tmdb.paginate(tmdb.tv.popular).pages():
        ...
    async for person in tmdb.paginate(tmdb.people.popular).limit(max_items=100).unique():
        ...

Any coroutine function that takes a ``page`` keyword and returns a :class:`Page` works. Pages
are fetched one after the other, lazily, as the loop asks for them; iteration stops at the
last page (``total_pages``), at TMDB's 500-page cap, at an empty page, or at the limits
given. A ``page=`` among the arguments is the first page fetched.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Hashable, Mapping
from typing import Any, Generic, ParamSpec, TypeVar

from ._checks import check_optional_int
from .errors import TMDBUsageError
from .models.common import Page
from .resources._params import MAX_PAGE, check_page

__all__ = ["Paginator", "paginate"]

P = ParamSpec("P")
T = TypeVar("T")


def _default_key(item: object) -> Hashable | None:
    ident = getattr(item, "id", None)
    if ident is None:
        return None
    return (type(item), getattr(item, "media_type", None), ident)


def _takes_page(fetch: Callable[..., object]) -> bool:
    try:
        params = inspect.signature(fetch).parameters
    except (TypeError, ValueError):  # builtins and C callables: let the call decide
        return True
    if "page" in params and params["page"].kind is not inspect.Parameter.POSITIONAL_ONLY:
        return True
    return any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


class Paginator(Generic[T]):
    """Lazily walks a paged endpoint; ``async for`` gives items, :meth:`pages` gives pages.

    Immutable: :meth:`limit` and :meth:`unique` return a new paginator. One paginator can be
    iterated several times; each iteration starts again from the first page.
    """

    __slots__ = ("_args", "_fetch", "_key", "_kwargs", "_max_items", "_max_pages", "_start")

    def __init__(
        self,
        fetch: Callable[..., Awaitable[Page[T]]],
        args: tuple[object, ...],
        kwargs: Mapping[str, object],
        *,
        max_pages: int | None = None,
        max_items: int | None = None,
        key: Callable[[T], Hashable | None] | None = None,
    ) -> None:
        if not callable(fetch):
            raise TMDBUsageError(f"paginate needs a paged method, got {type(fetch).__name__}")
        if not _takes_page(fetch):
            name = getattr(fetch, "__qualname__", repr(fetch))
            raise TMDBUsageError(f"{name} takes no 'page' argument: it is not a paged endpoint")
        kwargs = dict(kwargs)
        start = kwargs.pop("page", 1)
        self._start = check_page(start)
        self._fetch = fetch
        self._args = args
        self._kwargs = kwargs
        self._max_pages = check_optional_int(max_pages, "max_pages", low=1)
        self._max_items = check_optional_int(max_items, "max_items", low=1)
        self._key = key

    def _copy(self, **changes: Any) -> Paginator[T]:
        options: dict[str, Any] = {
            "max_pages": self._max_pages,
            "max_items": self._max_items,
            "key": self._key,
        }
        options.update(changes)
        return Paginator(self._fetch, self._args, {**self._kwargs, "page": self._start}, **options)

    def limit(self, *, max_pages: int | None = None, max_items: int | None = None) -> Paginator[T]:
        """A paginator that stops after ``max_pages`` pages and/or ``max_items`` items.

        Raises:
            TMDBUsageError: a limit that is not a positive int (before any I/O).
        """
        return self._copy(max_pages=max_pages, max_items=max_items)

    def unique(self, key: Callable[[T], Hashable | None] | None = None) -> Paginator[T]:
        """A paginator that skips items already yielded.

        TMDB ranks some lists (popular, trending) live, so an item can move from page 1 to
        page 2 while you page through and show up twice. By default items are the same
        when their class, ``media_type`` and ``id`` are; ``key`` overrides that (an item
        whose key is ``None`` is always yielded). ``max_items`` counts unique items.
        """
        return self._copy(key=key or _default_key)

    def pages(self) -> AsyncGenerator[Page[T], None]:
        """The pages, from the first asked for to the last one (or a limit).

        ``max_items`` and :meth:`unique` apply to items only; ``max_pages`` applies here.

        Raises:
            TMDBUsageError: the method returned something that is not a :class:`Page`.
            TMDBError: whatever the method raises (the iteration ends there).
        """
        return self._pages()

    async def _pages(self) -> AsyncGenerator[Page[T], None]:
        number = self._start
        fetched = 0
        while True:
            page = await self._fetch(*self._args, page=number, **self._kwargs)
            if not isinstance(page, Page):
                raise TMDBUsageError(
                    f"paginate needs a method returning a Page, got {type(page).__name__}"
                )
            fetched += 1
            yield page
            last = min(page.total_pages, MAX_PAGE)
            if not page.results or number >= last:
                return
            if self._max_pages is not None and fetched >= self._max_pages:
                return
            number += 1

    async def _items(self) -> AsyncGenerator[T, None]:
        remaining = self._max_items
        key = self._key
        seen: set[Hashable] = set()
        async with contextlib.aclosing(self.pages()) as pages:
            async for page in pages:
                for item in page.results:
                    if key is not None:
                        k = key(item)
                        if k is not None:
                            if k in seen:
                                continue
                            seen.add(k)
                    yield item
                    if remaining is not None:
                        remaining -= 1
                        if remaining == 0:
                            return

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    def __repr__(self) -> str:
        name = getattr(self._fetch, "__qualname__", None) or type(self._fetch).__qualname__
        return (
            f"<Paginator {name} start={self._start} max_pages={self._max_pages} "
            f"max_items={self._max_items} unique={self._key is not None}>"
        )


def paginate(
    fetch: Callable[P, Awaitable[Page[T]]], /, *args: P.args, **kwargs: P.kwargs
) -> Paginator[T]:
    """Walk a paged endpoint: ``async for item in paginate(tmdb.search.movie, query="x")``.

    Args:
        fetch: any coroutine function with a ``page`` keyword that returns a
            :class:`Page` (``tmdb.search.movie``, ``tmdb.tv.popular`` ...).
        *args: positional arguments for ``fetch`` (an id, say).
        **kwargs: keyword arguments for ``fetch``; ``page=`` is the first page (default 1).

    Returns:
        A :class:`Paginator`: iterate it for items, ``.pages()`` for pages, and narrow it
        with ``.limit(max_pages=..., max_items=...)`` and ``.unique()``.

    Raises:
        TMDBUsageError: ``fetch`` takes no ``page``, or a bad start page (before any I/O).
    """
    return Paginator(fetch, args, kwargs)
