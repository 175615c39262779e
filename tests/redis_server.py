"""A real ``redis-server`` for the tests: started on a free loopback port, stopped after.

The tests that share a rate budget, a cache or web sessions across processes run against
Debian's ``redis-server`` (``scripts/test`` installs it as it installs chromium). When it is
missing, the tests that need it **fail** with the command to install it; they never skip.

:class:`RedisServer` can be stopped and started again on the same port (what a Redis
restart looks like to clients), and :func:`free_port` picks a port nothing listens on.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

__all__ = ["RedisServer", "free_port", "redis_server_binary"]


def redis_server_binary() -> str:
    """The path of ``redis-server``; fails the calling test when it is not installed."""
    found = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if os.access("/usr/bin/redis-server", os.X_OK) else None
    )
    if found is None:
        pytest.fail(
            "redis-server is not installed: these tests need a real Redis "
            "(scripts/test installs it; by hand: sudo apt-get install redis-server)",
            pytrace=False,
        )
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _command(port: int, line: str, timeout: float = 1.0) -> bytes:
    """Send one inline command to the server and return its first reply line."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(line.encode() + b"\r\n")
        reply = b""
        while not reply.endswith(b"\r\n"):
            chunk = sock.recv(4096)
            if not chunk:
                break
            reply += chunk
        return reply


class RedisServer:
    """One ``redis-server`` process on 127.0.0.1, with no persistence.

    Args:
        port: the port to listen on (default: a free one, kept across restarts).
    """

    def __init__(self, port: int | None = None) -> None:
        self.binary = redis_server_binary()
        self.port = port if port is not None else free_port()
        self._dir = tempfile.TemporaryDirectory(prefix="tmdb-async-redis-")
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The server's ``redis://`` URL (database 0)."""
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def running(self) -> bool:
        """True while the server process is alive."""
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 10.0) -> None:
        """Start the server and wait until it answers ``PING``."""
        if self.running:
            return
        log = Path(self._dir.name) / "redis.log"
        argv = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        argv += ["--appendonly", "no", "--dir", self._dir.name, "--logfile", str(log)]
        self._process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + timeout
        while True:
            if self._process.poll() is not None:
                text = log.read_text() if log.exists() else ""
                pytest.fail(f"redis-server exited at start:\n{text[-2000:]}", pytrace=False)
            try:
                if _command(self.port, "PING").startswith(b"+PONG"):
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"redis-server did not answer on port {self.port}", pytrace=False)
            time.sleep(0.02)

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL); its data is gone (no persistence)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)

    def restart(self) -> None:
        """Stop and start again on the same port (clients see their connections drop)."""
        self.stop()
        self.start()

    def flush(self) -> None:
        """Remove every key (between tests sharing one server)."""
        reply = _command(self.port, "FLUSHALL")
        if not reply.startswith(b"+OK"):
            raise RuntimeError(f"FLUSHALL failed: {reply!r}")

    def close(self) -> None:
        """Stop the server and remove its directory."""
        self.stop()
        self._dir.cleanup()

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
