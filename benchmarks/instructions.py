"""Instructions per request, counted with valgrind's callgrind: repeatable where timings are not.

    python benchmarks/instructions.py            # needs valgrind (apt-get install valgrind)

For each client (raw aiohttp + ``json``, ``TMDBClient`` -> ``Movie`` with its default
decoding, the same with ``json_loads=orjson.loads``)
it runs the throughput benchmark's loop under ``valgrind --tool=callgrind`` twice, with 600
and with 1,600 requests against the same nginx, and divides the difference of the two
totals by 1,000: start-up, imports and the warm-up (500 requests in both) cancel out.
Kernel time (the socket calls, about a fifth of a request here) is not counted, and is
the same for every client.

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
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (benchmarks/run.py: the servers and the clients)

CLIENTS = ("raw", "json", "orjson")


async def loop(client: str, base: str, n: int) -> None:
    """``n`` requests by one client, as ``run.py`` makes them (after the same warm-up)."""
    if client == "raw":
        await run.raw_rate(base, n, 20)
        return
    loads: Any = None
    if client == "orjson":
        import orjson

        loads = orjson.loads
    await run.client_rate(base, n, 20, loads)


def count(client: str, base: str, n: int) -> int:
    out = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--child",
            client,
            base,
            str(n),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"refs:\s+([\d,]+)", out.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", nargs=3, metavar=("CLIENT", "BASE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        client, base, n = args.child
        asyncio.run(loop(client, base, int(n)))
        return
    if shutil.which("valgrind") is None or shutil.which("nginx") is None:
        sys.exit("needs valgrind and nginx: apt-get install valgrind nginx")
    clients = [c for c in CLIENTS if c != "orjson" or _has_orjson()]
    with tempfile.TemporaryDirectory(prefix="tmdb-bench-") as tmp:
        os.chmod(tmp, 0o755)
        root, work = Path(tmp) / "www", Path(tmp) / "nginx"
        root.mkdir()
        work.mkdir()
        run.write_documents(root)
        nginx = run.Nginx(root, work)
        try:
            base = f"http://127.0.0.1:{nginx.port}"
            per_request = {c: (count(c, base, 1600) - count(c, base, 600)) / 1000 for c in clients}
        finally:
            nginx.stop()
    raw = per_request["raw"]
    print(f"Instructions per request (callgrind), {run.machine()}")
    labels = {
        "raw": "raw aiohttp + json (dicts)",
        "json": "TMDBClient -> Movie (msgspec)",
        "orjson": "TMDBClient -> Movie (json_loads=orjson)",
    }
    for client, value in per_request.items():
        print(f"   {labels[client]:40}{value / 1000:8.0f}k   raw / this = {raw / value:.3f}")


def _has_orjson() -> bool:
    try:
        import orjson  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
