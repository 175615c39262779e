"""Fixtures of the Dask tests: the sandbox as a separate process, with its rate limit on."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from distributed import Client, LocalCluster

#: The sandbox's own limit (429 code 25 above it, per client address): every worker of a
#: LocalCluster talks from 127.0.0.1, as the machines of one site share a public address.
SANDBOX_RPS = 60
MOVIES = 300


@attrs.frozen
class SandboxProcess:
    """A ``tmdb-async sandbox`` child process: where it listens and what it accepts."""

    base_url: str
    access_token: str
    info: dict[str, Any]


def _first_line(proc: subprocess.Popen[str], timeout: float) -> str:
    """The child's first line of output, or a failure after ``timeout`` seconds."""
    lines: list[str] = []
    reader = threading.Thread(
        target=lambda: lines.append(proc.stdout.readline() if proc.stdout else "")
    )
    reader.start()
    reader.join(timeout)
    if not lines or not lines[0]:
        proc.kill()
        pytest.fail(f"the sandbox process printed nothing within {timeout} s", pytrace=False)
    return lines[0]


@pytest.fixture(scope="session")
def sandbox_process() -> Iterator[SandboxProcess]:
    """``tmdb-async sandbox`` run as its own process, rate limited to SANDBOX_RPS."""
    command = [
        sys.executable, "-m", "tmdb_async", "sandbox", "--port", "0", "--json",
        "--movies", str(MOVIES), "--tv", "10", "--people", "10",
        "--rate-limit", str(SANDBOX_RPS), "--max-connections", "20",
    ]  # fmt: skip
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        info = json.loads(_first_line(proc, 30.0))
        yield SandboxProcess(info["base_url"], info["access_token"], info)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _cluster() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=3,
            processes=True,
            threads_per_worker=1,
            dashboard_address=":0",
            worker_dashboard_address=":0",
        ) as cluster,
        Client(cluster, timeout="30s") as client,
    ):
        yield client


@pytest.fixture
def dask_client() -> Iterator[Client]:
    """A LocalCluster of 3 single-threaded worker processes (with nannies that restart a
    killed worker), and a client of it: the test's own, to kill workers of."""
    yield from _cluster()


@pytest.fixture(scope="module")
def shared_dask_client() -> Iterator[Client]:
    """The same, shared by the tests of a module that kill no worker."""
    yield from _cluster()
