"""A test server on an event loop of its own thread, for synchronous code under test (the
CLI's ``main``, Dask's blocking calls, sync third-party clients) that must reach it."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Iterator
from typing import Protocol


class Startable(Protocol):
    """A server with coroutine ``start()`` and ``close()`` (the sandbox, TMDBServer)."""

    def start(self) -> Awaitable[object]: ...

    def close(self) -> Awaitable[object]: ...


@contextlib.contextmanager
def started_in_a_thread(
    server: Startable, *, timeout: float, name: str = "test-server"
) -> Iterator[asyncio.AbstractEventLoop]:
    """Start ``server`` on a new event loop run by a thread of its own; yield that loop.

    On the way out the server is closed, the loop stopped and closed, and the thread
    joined, each bounded by ``timeout`` seconds.
    """
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name=name, daemon=True)
    thread.start()
    try:
        asyncio.run_coroutine_threadsafe(_awaited(server.start()), loop).result(timeout)
        yield loop
    finally:
        asyncio.run_coroutine_threadsafe(_awaited(server.close()), loop).result(timeout)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        loop.close()


async def _awaited(aw: Awaitable[object]) -> object:
    return await aw
