"""Start-up costs of tmdb_async, each against its baseline, in one run.

    python benchmarks/startup.py              # 21 pairs a figure
    python benchmarks/startup.py --runs 41    # steadier on a noisy machine

Every figure times whole fresh processes, start-up included, from outside (wall clock).
The command and its baseline run in turn (A B A B ...) and the ratio is the median of the
pair-by-pair ratios, so a machine whose speed drifts during the run still gives a fair
ratio; the medians of each side and their difference are printed too.

1. ``import tmdb_async`` against ``import aiohttp`` (target: ratio <= 1.15). The package
   loads its modules on first use; ``from tmdb_async import TMDBClient`` (the client and
   its core; the namespaces, models, converter and cattrs load on first use) is shown for
   information.
2. ``tmdb-async --version`` and ``tmdb-async --help`` against ``python -c "import aiohttp"``
   (target: at most 0.1 s more).
3. The pytest plugin when its fixture is not used: ``import pytest, pytest_asyncio`` plus
   the plugin module (what pytest's entry point loads in every run of a user's suite)
   against the same without it (target: under 20 ms more). On a busy machine that
   difference drowns in the noise of two 0.5 s processes, so the plugin's own import is
   also timed inside each fresh process (the median of those is the steadier figure).

This is not a test: it prints figures; nothing asserts. The structural guarantees behind
them (which modules each of these imports) are tested in tests/core/test_startup.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _cli() -> list[str]:
    """The installed ``tmdb-async`` script beside this Python, else ``python -m tmdb_async``."""
    script = Path(PY).with_name("tmdb-async")
    if script.exists():
        return [str(script)]
    found = shutil.which("tmdb-async")
    return [found] if found else [PY, "-m", "tmdb_async"]


def _run(cmd: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def compare(cmd: Sequence[str], baseline: Sequence[str], runs: int) -> tuple[float, float, float]:
    """(median seconds of cmd, median seconds of baseline, median of the pair ratios)."""
    _run(cmd), _run(baseline)  # warm the file cache; not counted
    a: list[float] = []
    b: list[float] = []
    for i in range(runs):
        # Alternate which side goes first, so neither always runs on a warmer machine.
        if i % 2:
            b.append(_run(baseline))
            a.append(_run(cmd))
        else:
            a.append(_run(cmd))
            b.append(_run(baseline))
    ratios = [x / y for x, y in zip(a, b, strict=True)]
    return statistics.median(a), statistics.median(b), statistics.median(ratios)


def in_process(setup: str, stmt: str, runs: int) -> float:
    """Median seconds of ``stmt`` timed inside fresh processes, after ``setup``."""
    code = (
        f"{setup}\nimport time\nstart = time.perf_counter()\n{stmt}\n"
        "print(time.perf_counter() - start)"
    )
    times = [
        float(
            subprocess.run(
                [PY, "-c", code], check=True, cwd=ROOT, capture_output=True, text=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Print each start-up figure against its baseline."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21, help="pairs per figure (default 21)")
    args = parser.parse_args(argv)
    env_note = " (PYTHONPATH is set)" if "PYTHONPATH" in os.environ else ""
    print(f"Python {sys.version.split()[0]} at {PY}{env_note}; {args.runs} pairs a figure")
    aiohttp_only = [PY, "-c", "import aiohttp"]
    pytest_only = [PY, "-c", "import pytest, pytest_asyncio"]
    cases = [
        ("import tmdb_async", [PY, "-c", "import tmdb_async"], aiohttp_only, "ratio <= 1.15"),
        (
            "from tmdb_async import TMDBClient",
            [PY, "-c", "from tmdb_async import TMDBClient"],
            aiohttp_only,
            "(information)",
        ),
        ("tmdb-async --version", [*_cli(), "--version"], aiohttp_only, "+0.1 s at most"),
        ("tmdb-async --help", [*_cli(), "--help"], aiohttp_only, "+0.1 s at most"),
        (
            "pytest plugin, fixture unused",
            [PY, "-c", "import pytest, pytest_asyncio, tmdb_async.testing.pytest_plugin"],
            pytest_only,
            "+20 ms at most",
        ),
    ]
    header = f"{'figure':<34} {'median':>9} {'baseline':>9} {'ratio':>6} {'diff':>9}  target"
    print(header)
    print("-" * len(header))
    for name, cmd, baseline, target in cases:
        a, b, ratio = compare(cmd, baseline, args.runs)
        print(
            f"{name:<34} {a * 1000:7.1f}ms {b * 1000:7.1f}ms {ratio:6.3f} "
            f"{(a - b) * 1000:+7.1f}ms  {target}",
            flush=True,
        )
    plugin = in_process(
        "import pytest, pytest_asyncio", "import tmdb_async.testing.pytest_plugin", args.runs
    )
    print(
        f"{'pytest plugin import, in process':<34} {plugin * 1000:7.1f}ms {'':>9} {'':>6} "
        f"{'':>9}  20 ms at most"
    )
    print("baselines: 'import aiohttp' for the first four, 'import pytest, pytest_asyncio' last")
    return 0


if __name__ == "__main__":
    sys.exit(main())
