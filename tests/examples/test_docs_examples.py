"""Every Python block of README.md and docs/ type-checks and runs; so do the examples/ scripts.

Run it alone with ``pytest tests/examples/test_docs_examples.py``. How blocks are marked (fragment,
type-check only, pending on another branch) is described in ``tests/examples/docs_examples.py``.

Why a harness of our own rather than sybil or pytest-examples: the blocks are async
(top-level ``await``, ``async for`` and ``async with`` in fragments), each must run against a
fresh sandbox with named objects made for it, and every block must pass ``mypy --strict``,
which neither tool does; one mypy run over all blocks keeps that to seconds.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.examples.docs_examples import ROOT, Block, all_blocks, blocks_of, doc_files
from tmdb_async import TMDBClient
from tmdb_async.testing import DEFAULT_ACCESS_TOKEN, Sandbox

BLOCKS = all_blocks()
CHECKED = [b for b in BLOCKS if b.checked]
RUN = [b for b in BLOCKS if b.runs]
PASSWORD = "sandbox-password"  # travisbell's, one of the sandbox's seeded users


def _module_name(block: Block) -> str:
    return "doc_" + re.sub(r"\W", "_", block.id)


def _params(blocks: list[Block], *, running: bool = False) -> list[Any]:
    params = []
    for block in blocks:
        marks = []
        if running and block.pending:
            marks.append(pytest.mark.xfail(reason=f"pending {block.pending}", strict=True))
        params.append(pytest.param(block, id=block.id, marks=marks))
    return params


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> Mapping[str, list[str]]:
    """One ``mypy --strict`` run over every checked block: its errors by block id."""
    folder = tmp_path_factory.mktemp("doc_blocks")
    by_file: dict[str, Block] = {}
    for block in CHECKED:
        name = _module_name(block)
        (folder / f"{name}.py").write_text(block.source(), encoding="utf-8")
        by_file[name] = block
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            "--no-error-summary",
            "--show-error-codes",
            *sorted(str(folder / f"{name}.py") for name in by_file),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors: dict[str, list[str]] = {block.id: [] for block in CHECKED}
    for line in done.stdout.splitlines():
        found = re.match(r"(?P<file>[^:]+\.py):(?P<line>\d+): (?P<text>.*)", line)
        if found is None:
            continue
        owner = by_file.get(Path(found["file"]).stem)
        if owner is None:  # an error outside the blocks (in the package): fail them all
            for messages in errors.values():
                messages.append(line)
        elif " note: " not in f" {found['text']}":
            errors[owner.id].append(f"{owner.path}:{found['line']}: {found['text']}")
    assert done.returncode in (0, 1), done.stderr  # 2: mypy itself failed
    return errors


@pytest.mark.parametrize("block", _params(CHECKED))
def test_block_type_checks(block: Block, mypy_errors: Mapping[str, list[str]]) -> None:
    """mypy --strict accepts the block (a fragment with the names it declares it uses)."""
    errors = mypy_errors[block.id]
    assert not errors, "\n".join(errors)


async def _names(block: Block, sb: Sandbox, tmdb: TMDBClient) -> dict[str, Any]:
    values: dict[str, Any] = {
        "tmdb": tmdb,
        "sb": sb,
        "password": PASSWORD,
        "token": DEFAULT_ACCESS_TOKEN,
    }
    if "session" in block.uses:
        values["session"] = sb.login("travisbell")
    if "movie" in block.uses:
        values["movie"] = await tmdb.movies.details(11, append_to_response=["credits"])
    return {name: values[name] for name in block.uses}


def _sandbox_env(sb: Sandbox, redis_url: str | None = None) -> dict[str, str]:
    """The environment `tmdb-async sandbox` tells a shell to export, on this sandbox, and
    ``REDIS_URL`` (a real, empty redis-server) for the programs of the scaling page."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMDB_", "REDIS_"))}
    env.update(
        TMDB_ACCESS_TOKEN=DEFAULT_ACCESS_TOKEN,
        TMDB_BASE_URL=sb.base_url,
        TMDB_WEBSITE_URL=sb.website_url,
        PYTHONPATH=str(ROOT),
    )
    if redis_url is not None:
        env["REDIS_URL"] = redis_url
    return env


async def _finish(
    child: asyncio.subprocess.Process, stdin: bytes | None = None, seconds: float = 60
) -> tuple[bytes, bytes]:
    """The child's output once it exits; killed (and the test failed) if it takes too long."""
    try:
        out, err = await asyncio.wait_for(child.communicate(stdin), seconds)
    except TimeoutError:  # not yet the builtin TimeoutError on Python 3.10
        child.kill()
        await child.wait()
        raise AssertionError(f"the child process ran over {seconds} s") from None
    return out or b"", err or b""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def _serve_program(block: Block, script: Path) -> None:
    """Start a web app program, ask it for ``block.serve`` once it listens, stop it."""
    assert block.serve is not None
    port = _free_port()
    async with Sandbox() as sb:
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            str(script),
            cwd=script.parent,
            env={**_sandbox_env(sb), "PORT": str(port)},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            async with aiohttp.ClientSession() as http:
                for _ in range(300):  # 30 s at most for the app to listen
                    assert child.returncode is None, "the app exited"
                    try:
                        async with http.get(f"http://127.0.0.1:{port}{block.serve}") as answer:
                            status, body = answer.status, await answer.text()
                            break
                    except aiohttp.ClientConnectionError:
                        await asyncio.sleep(0.1)
                else:
                    raise AssertionError(f"{block.id} never listened on port {port}")
        finally:
            if child.returncode is None:
                child.terminate()
            out, _ = await _finish(child)
        print(out.decode())
        api_calls = sb.requests_to("/3/*")
    assert status == 200, body
    assert isinstance(json.loads(body), dict | list)
    assert api_calls, "the app answered without asking TMDB"


async def _pytest_module(block: Block, tmp_path: Path) -> None:
    """Run a test module block with pytest (its own rootdir, warnings as errors)."""
    (tmp_path / f"test_{_module_name(block)}.py").write_text(block.source(), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMDB_", "PYTEST_"))}
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-W",
        "error",
        "-o",
        "asyncio_default_fixture_loop_scope=function",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await _finish(child, seconds=120)
    text = out.decode()
    print(text)
    assert child.returncode == 0, text
    tests = len(re.findall(r"^(?:async )?def test_", block.code, re.MULTILINE))
    assert re.search(rf"\b{tests} passed", text), text
    assert "skipped" not in text
    assert "xfail" not in text


async def _run_program(block: Block, tmp_path: Path, redis_url: str) -> None:
    script = tmp_path / f"{_module_name(block)}.py"
    script.write_text(block.source(), encoding="utf-8")
    if block.serve is not None:
        await _serve_program(block, script)
        return
    if block.run == "pytest":
        await _pytest_module(block, tmp_path)
        return
    async with Sandbox() as sb:
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            str(script),
            cwd=tmp_path,
            env=_sandbox_env(sb, redis_url),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        out, _ = await _finish(child)
    print(out.decode())
    assert child.returncode == 0, f"{block.id} exited {child.returncode}:\n{out.decode()}"


@pytest.mark.parametrize("block", _params(RUN, running=True))
async def test_block_runs_on_the_sandbox(block: Block, tmp_path: Path, redis_url: str) -> None:
    """A fragment runs with its names on a fresh sandbox; a program runs as __main__ (with
    ``REDIS_URL`` set to a real, emptied Redis)."""
    if not block.uses:
        await _run_program(block, tmp_path, redis_url)
        return
    namespace: dict[str, Any] = {"__name__": _module_name(block)}
    exec(compile(block.source(), block.id, "exec"), namespace)
    async with Sandbox() as sb, sb.client() as tmdb:
        await asyncio.wait_for(namespace["_example"](**await _names(block, sb, tmdb)), 60)


def test_every_doc_file_is_scanned_and_has_blocks_where_expected() -> None:
    """The harness sees README.md and the docs pages (a parser slip would test nothing)."""
    files = {path.relative_to(ROOT).as_posix() for path in doc_files()}
    assert {"README.md", "docs/index.md", "docs/authentication.md"} <= files
    assert blocks_of(ROOT / "README.md"), "the README's quickstart is checked"
    assert blocks_of(ROOT / "docs" / "index.md"), "getting started shows code"
    assert len(RUN) >= len(BLOCKS) // 2, "most blocks must run, not only type-check"


def test_markers_are_parsed(tmp_path: Path) -> None:
    """Fence, marker and line numbers as the harness reads them; bad markers are refused."""
    page = tmp_path / "probe.md"
    page.write_text(
        '# t\n\n<!-- example uses="tmdb sb" -->\n```python\nawait tmdb.close()\n```\n\n'
        '<!-- example run="no: needs a real account" -->\n\n```python\nx = 1\n```\n'
        "```bash\nls\n```\n",
        encoding="utf-8",
    )
    first, second = blocks_of(page)
    assert (first.id, first.uses, first.runs, first.code) == (
        "probe.md:5",
        ("tmdb", "sb"),
        True,
        "await tmdb.close()",
    )
    source = first.source().splitlines()
    assert source[3].startswith("async def _example(tmdb: _tmdb_async.TMDBClient, sb: ")
    assert source[4] == "    await tmdb.close()"
    assert (second.line, second.uses, second.run, second.runs, second.checked) == (
        11,
        (),
        "no: needs a real account",
        False,
        True,
    )
    assert second.source().splitlines()[10] == "x = 1"
    for bad in (
        '<!-- example uses="nobody" -->',
        '<!-- example run="no" -->',
        "<!-- example x -->",
    ):
        page.write_text(f"# t\n\n{bad}\n```python\npass\n```\n", encoding="utf-8")
        with pytest.raises(ValueError):
            blocks_of(page)


# -- the examples/ scripts, run as a user would, through their environment variables --


async def _spawn(sb: Sandbox, *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        *args,
        cwd=ROOT,
        env=_sandbox_env(sb),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_movie_script_on_the_sandbox() -> None:
    """examples/movie.py prints the sandbox's movie 11 with its cast."""
    async with Sandbox() as sb:
        child = await _spawn(sb, "examples/movie.py", "11")
        out, err = await _finish(child)
        requests = sb.requests_to("/3/movie/11")
        async with sb.client() as tmdb:
            movie = await tmdb.movies.details(11, append_to_response=["credits"])
    assert child.returncode == 0, err.decode()
    assert movie.credits is not None
    cast = [f"  {c.name} as {c.character}" for c in movie.credits.cast[:5]]
    assert out.decode().splitlines() == [
        "Star Wars (1977), 121 min",
        ", ".join(g.name for g in movie.genres),
        *cast,
    ]
    assert [r.query.get("append_to_response") for r in requests] == ["credits"]


async def test_login_script_on_the_sandbox() -> None:
    """examples/login.py: approval URL, approve, Enter, the account's name."""
    async with Sandbox() as sb:
        child = await _spawn(sb, "examples/login.py")
        assert child.stdout is not None
        try:
            await asyncio.wait_for(child.stdout.readline(), 60)  # "Open this page ..."
            url = (await asyncio.wait_for(child.stdout.readline(), 60)).decode().strip()
            assert url.startswith(f"{sb.website_url}/authenticate/")
            sb.approve(url.rsplit("/", 1)[1], username="travisbell")
            out, err = await _finish(child, b"\n")
        finally:
            if child.returncode is None:
                child.kill()
                await child.wait()
    assert child.returncode == 0, err.decode()
    assert out.decode().endswith("Logged in as Travis Bell (account id 548).\n")
    assert sb.requests_to("/3/authentication/session/new")[0].json == {
        "request_token": url.rsplit("/", 1)[1]
    }


async def test_webapp_script_serves_its_home_page_on_the_sandbox() -> None:
    """python -m examples.webapp, pointed at a sandbox by the environment, serves its page."""
    async with Sandbox() as sb:
        child = await _spawn(sb, "-m", "examples.webapp", "--port", "0")
        assert child.stdout is not None
        try:
            line = (await asyncio.wait_for(child.stdout.readline(), 60)).decode()
            found = re.search(r"open (http://127\.0\.0\.1:\d+/)", line)
            assert found is not None, line
            async with aiohttp.ClientSession() as http, http.get(found[1]) as page:
                html = await page.text()
                status = page.status
        finally:
            child.terminate()
            await asyncio.wait_for(child.wait(), 60)
    assert "(using the real TMDB)" in line  # it took TMDB_* from the environment
    assert status == 200
    assert "Sign in with TMDB" in html
