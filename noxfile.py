"""Developer tasks: tests on each supported Python 3.11-3.13 and at the lowest declared
dependency versions, lint, typecheck and docs."""

from __future__ import annotations

import os

import nox

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = ["3.11", "3.12", "3.13"]

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["tests", "tests_lowest", "lint", "typecheck", "docs"]
nox.options.reuse_existing_virtualenvs = True
# In CI a missing interpreter is a failure; on a laptop it is skipped.
nox.options.error_on_missing_interpreters = bool(os.environ.get("CI"))


def _install(session: nox.Session, *groups: str, project: bool = True) -> None:
    if project:
        session.install("-e", ".")
    for group in groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test-suite (warnings are errors; see pyproject.toml)."""
    # "browser": Playwright, which drives the system chromium (never `playwright install`).
    _install(session, "test", "browser")
    session.run("pytest", *session.posargs)


# Prints the version of each direct dependency installed (so the log shows the floors).
_PRINT_VERSIONS = """
from importlib.metadata import PackageNotFoundError, version
def show(name):
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return None
names = (
    "aiohttp attrs cattrs yarl tqdm pytest pytest-asyncio aioresponses jsonschema "
    "aiohttp-client-cache redis distributed gunicorn playwright"
)
print(", ".join(filter(None, map(show, names.split()))))
"""


# A fresh environment every time: a reused one would keep newer versions installed before.
@nox.session(python=PYTHONS[0], reuse_venv=False)
def tests_lowest(session: nox.Session) -> None:
    """The test-suite at the lowest versions pyproject.toml allows (proves its floors).

    One resolution with uv's ``--resolution lowest-direct``: every dependency the project
    and its test groups name directly (aiohttp, attrs, cattrs, yarl, pytest, pytest-asyncio,
    aioresponses, ...) at its declared floor, on the oldest supported Python.
    """
    if not isinstance(session.virtualenv, nox.virtualenv.VirtualEnv) or (
        session.virtualenv.venv_backend != "uv"
    ):
        session.error("tests_lowest needs uv (pip install uv) for --resolution lowest-direct")
    requirements = [
        requirement
        for group in ("test", "browser")
        for requirement in nox.project.dependency_groups(PYPROJECT, group)
    ]
    session.install("--resolution", "lowest-direct", "-e", ".", *requirements)
    session.run("python", "-c", _PRINT_VERSIONS)
    session.run("pytest", *session.posargs)


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    _install(session, "lint", project=False)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python="3.11")
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the package, the tests, the examples and this file."""
    _install(session, "typecheck")
    session.run("mypy", "--strict")


@nox.session(python="3.11")
def docs(session: nox.Session) -> None:
    """Build the documentation site with mkdocs --strict (offline: no plugin fetches)."""
    _install(session, "docs")
    site = os.path.join(session.create_tmp(), "site")
    session.run("mkdocs", "build", "--strict", "--site-dir", site, env={"NO_MKDOCS_2_WARNING": "1"})
