"""``python -m examples.webapp --workers N --redis URL``: N worker processes on one port.

The supervisor (this module, in the parent process) starts N copies of the app
(``python -m examples.webapp --reuse-port ...``), each listening on the same port with
``SO_REUSEPORT`` so that the kernel spreads connections over them, all sharing one Redis
for browser sessions and the TMDB rate budget. It prints the URL once every worker is up,
and stops them all on Ctrl+C or SIGTERM, or as soon as one of them exits (a worker that
dies takes the others down with it, so a process manager sees the failure and restarts the
whole).

Without TMDB credentials in the environment it starts one sandbox (a fake TMDB) here and
points every worker at it: one sandbox, so that a session made through one worker is known
to the others. The Redis URL reaches the workers through their environment
(``WEBAPP_REDIS_URL``), never their command line, which ``ps`` shows to every local user.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import sys
from pathlib import Path

from examples.webapp.app import SUPERVISOR_ENV, client_from_env

__all__ = ["START_SECONDS", "STOP_SECONDS", "supervise"]

#: How long each worker may take to start listening.
START_SECONDS = 60.0
#: How long the workers may take to finish their requests after SIGTERM before SIGKILL.
STOP_SECONDS = 10.0
_ROOT = Path(__file__).resolve().parents[2]


def _reserve_port(host: str, port: int) -> socket.socket:
    """A socket bound (not listening) with SO_REUSEPORT: it holds ``port`` (or picks one).

    The workers bind the same port with SO_REUSEPORT; only listening sockets get
    connections, so this one takes none.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except BaseException:
        sock.close()
        raise
    return sock


def _worker_argv(args: argparse.Namespace, port: int) -> list[str]:
    argv = [sys.executable, "-m", "examples.webapp", "--host", args.host, "--port", str(port)]
    argv += ["--workers", "1", "--reuse-port", "--tmdb-connections", str(args.tmdb_connections)]
    argv += ["--budget-processes", str(args.workers), "--tmdb-rate", str(args.tmdb_rate)]
    if args.public_url:
        argv += ["--public-url", args.public_url]
    for host in args.allowed_host:
        argv += ["--allowed-host", host]
    return argv


async def _drain(stream: asyncio.StreamReader | None) -> None:
    """Read and drop a worker's remaining output (a full pipe would block it)."""
    if stream is not None:
        while await stream.readline():
            pass


async def _stop(workers: list[asyncio.subprocess.Process]) -> None:
    """SIGTERM every worker still running; SIGKILL those not gone after STOP_SECONDS."""
    for worker in workers:
        if worker.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                worker.terminate()
    for worker in workers:
        try:
            await asyncio.wait_for(worker.wait(), STOP_SECONDS)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                worker.kill()
            await worker.wait()


async def _start(argv: list[str], env: dict[str, str]) -> tuple[asyncio.subprocess.Process, str]:
    """One worker, and its first line ("Sign in with TMDB: open ...") once it listens."""
    worker = await asyncio.create_subprocess_exec(
        *argv,
        cwd=_ROOT,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        # Own session: Ctrl+C reaches the supervisor only, which stops the workers in order.
        start_new_session=True,
    )
    assert worker.stdout is not None
    try:
        line = await asyncio.wait_for(worker.stdout.readline(), START_SECONDS)
    except BaseException:
        await _stop([worker])
        raise
    return worker, line.decode(errors="replace").strip()


async def supervise(args: argparse.Namespace) -> int:
    """Run ``args.workers`` workers on one port until Ctrl+C, SIGTERM or one exits.

    Returns the exit status: 0 when stopped by a signal, 1 when a worker failed.
    """
    env = {**os.environ, "WEBAPP_REDIS_URL": args.redis, "PYTHONUNBUFFERED": "1"}
    env[SUPERVISOR_ENV] = str(os.getpid())
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_ROOT), env.get("PYTHONPATH")]))
    workers: list[asyncio.subprocess.Process] = []
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with contextlib.AsyncExitStack() as stack:
        stack.callback(loop.remove_signal_handler, signal.SIGINT)
        stack.callback(loop.remove_signal_handler, signal.SIGTERM)
        where = "the real TMDB"
        if client_from_env() is None:
            from tmdb_async.testing import Sandbox

            sandbox = await stack.enter_async_context(Sandbox())
            env.update(
                TMDB_ACCESS_TOKEN=sandbox.access_token,
                TMDB_BASE_URL=sandbox.base_url,
                TMDB_WEBSITE_URL=sandbox.website_url,
            )
            env.pop("TMDB_API_KEY", None)
            where = f"one sandbox at {sandbox.base_url}"
        try:
            holder = stack.enter_context(_reserve_port(args.host, args.port))
        except OSError as exc:
            print(f"Cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
            return 1
        port = int(holder.getsockname()[1])
        stack.push_async_callback(_stop, workers)
        argv = _worker_argv(args, port)
        started = await asyncio.gather(
            *(_start(argv, env) for _ in range(args.workers)), return_exceptions=True
        )
        workers += [s[0] for s in started if isinstance(s, tuple)]
        for outcome in started:
            if isinstance(outcome, BaseException):
                raise outcome
            if "open http" not in outcome[1]:
                print(f"A worker did not start: {outcome[1] or 'no output'}", file=sys.stderr)
                return 1
        drains = [asyncio.ensure_future(_drain(w.stdout)) for w in workers]
        stack.callback(lambda: [d.cancel() for d in drains])
        pids = ", ".join(str(w.pid) for w in workers)
        print(
            f"Sign in with TMDB: open http://{args.host}:{port}/  ({args.workers} workers, "
            f"pids {pids}; sessions in Redis; using {where})"
        )
        print("Press Ctrl+C to stop them all.", flush=True)
        stopped = asyncio.ensure_future(stop.wait())
        exited = [asyncio.ensure_future(w.wait()) for w in workers]
        await asyncio.wait([stopped, *exited], return_when=asyncio.FIRST_COMPLETED)
        for waiter in (stopped, *exited):
            waiter.cancel()
        if not stop.is_set():
            failed = next(w for w in workers if w.returncode is not None)
            print(
                f"Worker {failed.pid} exited (status {failed.returncode}): stopping the others.",
                file=sys.stderr,
            )
            return 1
    return 0
