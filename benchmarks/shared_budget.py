"""The shared rate budget (SharedRateLimit, Redis): one command, figures printed as ratios.

    python benchmarks/shared_budget.py            # R = 40 req/s, 6 s runs
    python benchmarks/shared_budget.py --quick    # 4 s runs, fewer cost samples

Needs ``redis-server`` (Debian: ``apt-get install redis-server``) and the ``redis`` extra.
The script starts its own redis-server and sandbox (``tmdb-async sandbox`` as a process of
its own, limited to R requests per second and 20 connections per address: every client
here shares 127.0.0.1, like processes behind one IP), then:

1. **Four processes, unbounded demand**: each process has one client with the same
   ``SharedRateLimit`` and keeps 5 requests in flight (4 x 5 = the sandbox's 20
   connections) for the run's length; retries are off, so any 429 the sandbox sends
   reaches a caller. Prints achieved / R (target >= 0.9), 429s reaching callers (target
   0) and other errors.
2. **The same with Redis restarted mid-run** (stopped for a second, then started on the
   same port, empty): every request started must end answered (none lost), no error may
   reach a caller; the processes keep to their local share while Redis is away.
3. **Cost per request**: N sequential requests against a sandbox process with no limit,
   the budget so large that nobody waits, through ``RateLimit`` (local) and through
   ``SharedRateLimit`` (one Redis round trip per request): shared / local time per
   request (medians over rounds that alternate which goes first), and ``gate.acquire()``
   alone, the budget's own cost without HTTP.

This is not a test: it prints figures; nothing asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tmdb_async import (  # noqa: E402
    RateLimit,
    RateLimitError,
    RetryPolicy,
    SharedRateLimit,
    TMDBClient,
)

PROCESSES = 4
IN_FLIGHT = 5  # per process: 4 x 5 = the sandbox's 20 connections per address


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Redis:
    """A throwaway redis-server on a free port (no persistence), restartable."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            sys.exit("redis-server is not installed (Debian: apt-get install redis-server)")
        self.binary = binary
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="tmdb-bench-redis-")
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        argv = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        argv += ["--appendonly", "no", "--dir", self.dir]
        self.proc = subprocess.Popen(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.02)
        sys.exit("redis-server did not start")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)


class SandboxProcess:
    """``tmdb-async sandbox`` in a process of its own, limited to ``rate`` req/s."""

    def __init__(self, rate: int | None) -> None:
        argv = [sys.executable, "-c", "from tmdb_async.cli import main; main()", "sandbox"]
        argv += ["--port", "0", "--json"]
        argv += ["--movies", "200", "--tv", "10", "--people", "10"]
        if rate is not None:
            argv += ["--rate-limit", str(rate), "--max-connections", "20"]
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert self.proc.stdout is not None
        info = json.loads(self.proc.stdout.readline())
        self.base_url: str = info["base_url"]
        self.token: str = info["access_token"]

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


# --------------------------------------------------------------------------- a worker


async def work(args: argparse.Namespace) -> None:
    """One of the processes: unbounded demand until ``--until`` (a time.time())."""
    limit = SharedRateLimit(
        args.redis, key=args.key, rate=args.rate, burst=args.burst, processes=PROCESSES,
        reconnect_interval=0.25,
    )  # fmt: skip
    counts: dict[str, int] = {"started": 0, "ok": 0, "limited": 0, "errors": 0}
    async with TMDBClient(
        access_token=args.token, base_url=args.base_url, rate_limit=limit,
        max_connections=IN_FLIGHT, retry=RetryPolicy.disabled(),
    ) as tmdb:  # fmt: skip
        await tmdb.movies.details(1)  # imported, connected (Redis too): ready
        print("ready", flush=True)
        line = await asyncio.to_thread(sys.stdin.readline)
        start, until = json.loads(line)
        await asyncio.sleep(max(0.0, start - time.time()))

        async def demand(lane: int) -> None:
            movie = 1 + lane
            while time.time() < until:
                counts["started"] += 1
                try:
                    await tmdb.movies.details(movie)
                    counts["ok"] += 1
                    last[0] = max(last[0], time.time())
                except RateLimitError:
                    counts["limited"] += 1
                except Exception:  # counted and printed: the figure
                    counts["errors"] += 1

        last = [start]
        await asyncio.gather(*(demand(lane) for lane in range(IN_FLIGHT)))
        counts["outages"] = tmdb._core.pool.gate.outages  # type: ignore[attr-defined]
    print(json.dumps({**counts, "start": start, "last": last[0]}))


# --------------------------------------------------------------------------- 1 and 2


def four_processes(rate: int, seconds: float, restart: bool, share: float, burst: int) -> None:
    redis = Redis()
    redis.start()
    sandbox = SandboxProcess(rate)
    # The sandbox counts any one-second window; a token bucket of rate r and burst b
    # starts at most r + b in one (+1 for a request that arrives late): r = share x R.
    shared_rate = round(rate * share, 2)
    argv = [
        sys.executable, __file__, "--worker", "--redis", redis.url, "--key", "bench",
        "--rate", str(shared_rate), "--burst", str(burst),
        "--token", sandbox.token, "--base-url", sandbox.base_url,
    ]  # fmt: skip
    try:
        procs = [
            subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            for _ in range(PROCESSES)
        ]
        for proc in procs:  # all started up and connected
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
        time.sleep(1.5)  # the warm-up requests leave the sandbox's one-second window
        start = time.time() + 0.2  # all four begin together
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write(json.dumps([start, start + seconds]) + "\n")
            proc.stdin.flush()
        if restart:
            time.sleep(max(0.0, start + seconds / 3 - time.time()))
            redis.stop()
            time.sleep(1.0)
            redis.start()
        results = []
        for proc in procs:
            out, _ = proc.communicate(timeout=seconds + 60)
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        sandbox.stop()
        redis.stop()
    total = {
        k: sum(r[k] for r in results) for k in ("started", "ok", "limited", "errors", "outages")
    }
    # From the common start to the last answer (requests started before the end finish
    # after it).
    achieved = total["ok"] / (max(r["last"] for r in results) - results[0]["start"])
    lost = total["started"] - total["ok"] - total["limited"] - total["errors"]
    label = "2. Redis restarted mid-run" if restart else "1. Four processes"
    print(
        f"\n{label}: {PROCESSES} processes x {IN_FLIGHT} in flight, sandbox R = {rate} req/s, "
        f"SharedRateLimit(rate={shared_rate}, burst={burst}), {seconds:g} s"
    )
    print(
        f"   achieved {achieved:.1f} req/s = {achieved / rate:.3f} R (target >= 0.9 R); "
        f"429s reaching callers: {total['limited']} (target 0); other errors: "
        f"{total['errors']}; requests lost: {lost}"
        + (f"; outages seen by the processes: {total['outages']}" if restart else "")
    )


# --------------------------------------------------------------------------- 3. cost


async def timed_requests(
    sandbox: SandboxProcess, budget: RateLimit | SharedRateLimit, n: int
) -> float:
    """Seconds per request, ``n`` sequential requests through a client with ``budget``."""
    async with TMDBClient(
        access_token=sandbox.token, base_url=sandbox.base_url, rate_limit=budget
    ) as tmdb:
        await tmdb.movies.details(11)  # connected (to Redis too), warmed up
        started = time.perf_counter()
        for _ in range(n):
            await tmdb.movies.details(11)
        return (time.perf_counter() - started) / n


async def timed_acquires(budget: RateLimit | SharedRateLimit, n: int) -> float:
    """Seconds per ``gate.acquire()`` alone: the budget's own cost, without HTTP."""
    async with TMDBClient(access_token="t" * 40, rate_limit=budget) as tmdb:
        gate = tmdb._core.pool.gate
        await gate.acquire()
        started = time.perf_counter()
        for _ in range(n):
            await gate.acquire()
        return (time.perf_counter() - started) / n


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


async def cost(n: int, rounds: int) -> None:
    """Rounds alternate local and shared (which goes first too); medians of the pairs."""
    redis = Redis()
    redis.start()
    local = RateLimit(1e6, burst=1_000_000)
    shared = SharedRateLimit(redis.url, key="cost", rate=1e6, burst=1_000_000)
    requests: dict[str, list[float]] = {"local": [], "shared": []}
    acquires: dict[str, list[float]] = {"local": [], "shared": []}
    sandbox = SandboxProcess(None)  # no limit: nobody waits
    try:
        for i in range(rounds):
            order = [("local", local), ("shared", shared)]
            for name, budget in order if i % 2 == 0 else order[::-1]:
                requests[name].append(await timed_requests(sandbox, budget, n))
                acquires[name].append(await timed_acquires(budget, n))
    finally:
        sandbox.stop()
        redis.stop()
    ratios = [s / loc for s, loc in zip(requests["shared"], requests["local"], strict=True)]
    req_local, req_shared = median(requests["local"]), median(requests["shared"])
    acq_local, acq_shared = median(acquires["local"]), median(acquires["shared"])
    print(f"\n3. Cost per request: {n} sequential requests x {rounds} rounds, medians")
    print(
        f"   a request (sandbox process, loopback): local {req_local * 1e6:.0f} us, shared "
        f"{req_shared * 1e6:.0f} us: shared / local = {median(ratios):.2f}x"
    )
    print(
        f"   the budget alone (gate.acquire): local {acq_local * 1e6:.1f} us, shared "
        f"{acq_shared * 1e6:.0f} us (one Redis round trip): +{(acq_shared - acq_local) * 1e6:.0f}"
        " us per request"
    )


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs")
    parser.add_argument("--rate", type=float, default=40, help="R, the sandbox's req/s")
    parser.add_argument(
        "--share", type=float, default=0.92, help="the shared rate as a fraction of R (0.92)"
    )
    parser.add_argument("--burst", type=int, default=1, help="the shared burst (1)")
    parser.add_argument("--only", choices=["processes", "restart", "cost"])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    for hidden in ("--redis", "--key", "--token", "--base-url"):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        asyncio.run(work(args))
        return
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} CPUs")
    seconds = 4.0 if args.quick else 6.0
    for restart, name in ((False, "processes"), (True, "restart")):
        if args.only in (None, name):
            four_processes(int(args.rate), seconds, restart, args.share, args.burst)
    if args.only in (None, "cost"):
        asyncio.run(cost(300 if args.quick else 1000, 5 if args.quick else 11))


if __name__ == "__main__":
    main()
