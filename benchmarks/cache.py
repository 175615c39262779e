"""Single flight and the response cache: one command, figures printed as ratios.

    python benchmarks/cache.py            # all three
    python benchmarks/cache.py --quick    # smaller runs

1. **Single flight**: 1,000 identical concurrent ``movies.details(550)`` against the
   sandbox: how many requests reached it (expected: 1; without single flight: 1,000).
2. **Hit latency against a miss**: one call at a time against a static server (nginx,
   as ``benchmarks/run.py`` starts it; an aiohttp server without nginx): the mean latency
   of a miss (a request, then the answer stored) over that of a hit, for
   ``MemoryCache`` and ``RedisCache`` (a ``redis-server`` this script starts on a free
   port; skipped with a note when none is installed).
3. **Single flight's cost** on distinct requests (nothing to share, so only its cost):
   ``benchmarks/run.py``'s throughput load (distinct movie details, 20 workers) with
   ``single_flight`` on and off, rounds alternating; the median of the rounds' ratios,
   wall clock and CPU per request, then instructions per request under valgrind's
   callgrind (repeatable where timings are not; as ``benchmarks/instructions.py``).

This is not a test: it prints figures; nothing asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import run as bench  # noqa: E402  (benchmarks/run.py: servers, timing helpers)

from tmdb_async import MemoryCache, RedisCache, ResponseCache, TMDBClient  # noqa: E402
from tmdb_async.testing import Sandbox  # noqa: E402

TOKEN = bench.TOKEN


# --------------------------------------------------------------------------- 1.


async def identical_calls(n: int) -> None:
    print(f"\n1. {n} identical concurrent calls (movies.details(550)) against the sandbox")
    for label, kwargs in (
        ("single_flight=True", {"single_flight": True}),
        ("MemoryCache (single flight on)", {"cache": MemoryCache()}),
        ("neither (the default)", {"max_connections": 100}),
    ):
        async with Sandbox(movie_count=600) as sb, sb.client(**kwargs) as tmdb:
            results = await asyncio.gather(
                *(tmdb.movies.details(550) for _ in range(n)), return_exceptions=True
            )
            failed = sum(isinstance(r, BaseException) for r in results)
            made = len(sb.requests_to("/3/movie/550"))
        print(f"   {label:32} requests made: {made:5d}   failed calls: {failed}")


# --------------------------------------------------------------------------- 2.


class RedisProcess:
    """A throwaway redis-server on a free loopback port (no persistence)."""

    def __init__(self) -> None:
        self.port = bench.free_port()
        self.proc = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if bench.listening(self.port, 5):
            return
        self.stop()
        raise RuntimeError("redis-server did not start")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait()


async def latency(base: str, cache: ResponseCache | None, n: int) -> tuple[float, float]:
    """Mean seconds of a miss (ids 1..n, first time) and of a hit (the same ids again)."""
    async with TMDBClient(access_token=TOKEN, base_url=base, rate_limit=None, cache=cache) as t:
        await t.movies.details(bench.FILES)  # the connection, the decoders: warm
        started = time.perf_counter()
        for i in range(1, n + 1):
            await t.movies.details(i)
        miss = (time.perf_counter() - started) / n
        started = time.perf_counter()
        for i in range(1, n + 1):
            await t.movies.details(i)
        hit = (time.perf_counter() - started) / n
    return miss, hit


async def hit_latency(base: str, n: int, server: str) -> None:
    print(f"\n2. Hit latency against a miss: {n} movie details one at a time, server: {server}")
    plain, again = await latency(base, None, n)
    print(f"   no cache (every call a request)  {plain * 1e6:8.0f} us, again {again * 1e6:.0f} us")
    miss, hit = await latency(base, MemoryCache(max_entries=n + 1), n)  # all of them fit
    print(
        f"   MemoryCache   miss {miss * 1e6:8.0f} us   hit {hit * 1e6:8.1f} us   "
        f"a hit is {miss / hit:.0f}x faster than a miss"
    )
    if not shutil.which("redis-server"):
        print("   RedisCache: skipped (redis-server not installed)")
        return
    redis = RedisProcess()
    try:
        miss, hit = await latency(base, RedisCache(redis.url), n)
    finally:
        redis.stop()
    print(
        f"   RedisCache    miss {miss * 1e6:8.0f} us   hit {hit * 1e6:8.1f} us   "
        f"a hit is {miss / hit:.1f}x faster than a miss"
    )


# --------------------------------------------------------------------------- 3.


async def flight_rate(base: str, n: int, concurrency: int, single_flight: bool) -> bench.Run:
    async with TMDBClient(
        access_token=TOKEN,
        base_url=base,
        rate_limit=None,
        max_connections=concurrency,
        single_flight=single_flight,
    ) as tmdb:
        await bench.drive(tmdb.movies.details, min(n, 500), concurrency)
        return await bench.drive(tmdb.movies.details, n, concurrency)


def flight_cost(base: str, n: int, concurrency: int, rounds: int, server: str) -> None:
    off: list[bench.Run] = []
    on: list[bench.Run] = []
    clients: list[tuple[list[bench.Run], Callable[[], Awaitable[bench.Run]]]] = [
        (off, lambda: flight_rate(base, n, concurrency, False)),
        (on, lambda: flight_rate(base, n, concurrency, True)),
    ]
    for k in range(rounds):
        for runs, run in clients[k % 2 :] + clients[: k % 2]:
            runs.append(asyncio.run(run()))  # type: ignore[arg-type]
    print(
        f"\n3. Single flight's cost on distinct requests: {n} movie details, concurrency "
        f"{concurrency}, {rounds} rounds alternating, server: {server}"
    )
    bench.report("single_flight=False:", off, None, None)
    bench.report("single_flight=True (on/off):", on, off, None)


def instructions(base: str) -> None:
    """Single flight's cost in instructions per request (valgrind's callgrind), as
    ``benchmarks/instructions.py`` counts them: (1,600 requests - 600) / 1,000."""
    if shutil.which("valgrind") is None:
        print("   instructions: skipped (valgrind not installed)")
        return

    def count(flag: str, n: int) -> int:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
             __file__, "--child", flag, base, str(n)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        found = re.search(r"refs:\s+([\d,]+)", out.stderr)
        if found is None:
            raise RuntimeError(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
        return int(found.group(1).replace(",", ""))

    per = {flag: (count(flag, 1600) - count(flag, 600)) / 1000 for flag in ("off", "on")}
    print(
        f"   instructions per request (callgrind): off {per['off'] / 1000:.0f}k, "
        f"on {per['on'] / 1000:.0f}k   off / on = {per['off'] / per['on']:.3f}"
    )


# --------------------------------------------------------------------------- main


def static_server(tmp: Path) -> tuple[str, str, Callable[[], None]]:
    """nginx (or the aiohttp fallback) serving the movie documents: base URL, name, stop."""
    os.chmod(tmp, 0o755)  # nginx's worker runs as an unprivileged user
    root, work = tmp / "www", tmp / "nginx"
    root.mkdir()
    work.mkdir()
    bench.write_documents(root)
    if shutil.which("nginx"):
        nginx = bench.Nginx(root, work)
        pinned = bench.pin(nginx.proc.pid)
        return f"http://127.0.0.1:{nginx.port}", f"nginx ({pinned})", nginx.stop
    proc, port = bench.aiohttp_server_process(root)

    def stop() -> None:
        proc.terminate()
        proc.wait()

    return f"http://127.0.0.1:{port}", "aiohttp (nginx not found)", stop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller runs")
    parser.add_argument("--child", nargs=3, metavar=("FLIGHT", "BASE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # one counted run under callgrind (instructions())
        flag, base, count = args.child
        asyncio.run(flight_rate(base, int(count), 20, flag == "on"))
        return
    print(bench.machine())
    asyncio.run(identical_calls(1000))
    n = 500 if args.quick else 2000
    with tempfile.TemporaryDirectory(prefix="tmdb-cache-bench-") as tmp:
        base, server, stop = static_server(Path(tmp))
        try:
            asyncio.run(hit_latency(base, n, server))
            flight_cost(base, 2000 if args.quick else 10000, 20, 3 if args.quick else 7, server)
            instructions(base)
        finally:
            stop()


if __name__ == "__main__":
    main()
