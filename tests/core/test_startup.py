"""Start-up: what each entry point imports (structurally; benchmarks/startup.py times it).

* ``import tmdb_async`` loads no resource or model module and no aiohttp; every public name
  still imports (``from tmdb_async import X``), and the ``TYPE_CHECKING`` block that type
  checkers read lists exactly the lazy table.
* ``from tmdb_async import TMDBClient`` loads no resource namespace, no model beyond the
  few the core needs and no cattrs; a namespace loads its module on first use.
* ``tmdb-async --help`` / ``--version`` import no sub-command module; a command imports its
  own module only; the help table equals what the modules register.
* The pytest plugin imports neither the sandbox nor aiohttp until its fixture is used.
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import tmdb_async
import tmdb_async.models
import tmdb_async.testing
from tmdb_async import cli

PACKAGE = Path(tmdb_async.__file__).resolve().parent


def modules_after(code: str) -> set[str]:
    """The modules loaded in a fresh interpreter after running ``code``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def ours(modules: set[str], prefix: str = "tmdb_async.") -> set[str]:
    return {name for name in modules if name.startswith(prefix)}


# ---------------------------------------------------------------- import tmdb_async


def test_import_tmdb_async_loads_no_model_resource_or_aiohttp() -> None:
    loaded = modules_after("import tmdb_async")
    assert ours(loaded) == {"tmdb_async._lazy", "tmdb_async._version"}
    assert "aiohttp" not in loaded
    assert "cattrs" not in loaded


def test_the_client_loads_no_namespace_and_only_the_models_the_core_needs() -> None:
    loaded = modules_after("from tmdb_async import TMDBClient")
    assert "aiohttp" in loaded  # the control: the client itself did load
    assert "aiohttp.web" not in loaded
    # The converter (and cattrs) load with the first answer to structure.
    assert "cattrs" not in loaded
    assert "tmdb_async._convert" not in loaded
    assert ours(loaded, "tmdb_async.resources.") == {
        "tmdb_async.resources._base",
        "tmdb_async.resources._params",
    }
    # Sessions (for user-facing checks) and Page (for paginate); never the big ones.
    assert ours(loaded, "tmdb_async.models.") == {
        "tmdb_async.models._base",
        "tmdb_async.models.auth",
        "tmdb_async.models.common",
    }
    assert not ours(loaded, "tmdb_async.testing")
    assert not ours(loaded, "tmdb_async.cli")


def test_a_namespace_loads_its_module_on_first_use() -> None:
    loaded = modules_after(
        "from tmdb_async import TMDBClient\n"
        "c = TMDBClient(api_key='0123456789abcdef0123456789abcdef')\n"
        "c.movies"
    )
    assert "tmdb_async.resources.movies" in loaded
    assert "tmdb_async.models.movie" in loaded
    assert "tmdb_async.resources.tv" not in loaded
    assert "tmdb_async.resources.user" not in loaded


def test_the_converter_loads_on_first_use_and_is_the_shared_default() -> None:
    loaded = modules_after(
        "from tmdb_async import TMDBClient\n"
        "from tmdb_async._convert import CONVERTER\n"
        "c = TMDBClient(api_key='0123456789abcdef0123456789abcdef')\n"
        "assert c.converter is CONVERTER\n"
        "assert c.for_user('abc')._core.converter is CONVERTER"
    )
    assert "cattrs" in loaded


def test_a_model_name_loads_its_module_only() -> None:
    loaded = modules_after("from tmdb_async.models import Genre")
    assert "tmdb_async.models.common" in loaded
    assert "tmdb_async.models.movie" not in loaded
    assert "aiohttp" not in loaded


def test_every_public_name_imports_from_a_fresh_interpreter() -> None:
    names = ", ".join(name for name in tmdb_async.__all__)
    loaded = modules_after(f"from tmdb_async import {names}\nfrom tmdb_async import *")
    assert "tmdb_async.models.movie" in loaded


@pytest.mark.parametrize("name", tmdb_async.__all__)
def test_each_public_name_is_defined_where_the_table_says(name: str) -> None:
    value = getattr(tmdb_async, name)
    assert value is not None
    if name == "__version__":
        return
    module = sys.modules[f"tmdb_async{tmdb_async._EXPORTS[name]}"]
    assert getattr(module, name) is value


def test_unknown_names_are_attribute_errors() -> None:
    # The `type: ignore`s are a check too: mypy --strict (warn_unused_ignores) fails if a
    # module __getattr__ ever becomes visible to it and makes every name Any.
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        tmdb_async.Nope  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(ImportError):
        exec("from tmdb_async import Nope", {})
    with pytest.raises(AttributeError):
        tmdb_async.models.Nope  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(AttributeError):
        tmdb_async.testing.Nope  # type: ignore[attr-defined]  # noqa: B018


def test_dir_lists_names_not_loaded_yet() -> None:
    assert set(tmdb_async.__all__) <= set(dir(tmdb_async))
    assert set(tmdb_async.models.__all__) <= set(dir(tmdb_async.models))
    assert set(tmdb_async.testing.__all__) <= set(dir(tmdb_async.testing))


def test_all_has_no_duplicates_and_models_are_the_tables_models() -> None:
    assert len(tmdb_async.__all__) == len(set(tmdb_async.__all__))
    model_names = {
        name for name, module in tmdb_async._EXPORTS.items() if module.startswith(".models.")
    }
    assert set(tmdb_async.models.__all__) == model_names
    for name in tmdb_async.models.__all__:
        assert getattr(tmdb_async.models, name) is getattr(tmdb_async, name)


def type_checking_imports(path: Path) -> dict[str, str]:
    """``name -> module`` of the ``from M import N as N`` lines under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text())
    found: dict[str, str] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
        ):
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom), ast.dump(stmt)
                for alias in stmt.names:
                    # `N as N` is what makes it a re-export for mypy --strict.
                    assert alias.asname == alias.name, f"write {alias.name} as {alias.name}"
                    found[alias.name] = "." * stmt.level + (stmt.module or "")
    return found


def _relative(module: str, strip: str) -> str:
    """``.models.movie`` seen from the models package (``strip=".models."``) is ``.movie``."""
    return "." + module[len(strip) :] if strip else module


@pytest.mark.parametrize(
    ("path", "table", "strip"),
    [
        (PACKAGE / "__init__.py", tmdb_async._EXPORTS, ""),
        (
            PACKAGE / "models" / "__init__.py",
            {k: v for k, v in tmdb_async._EXPORTS.items() if v.startswith(".models.")},
            ".models.",
        ),
        (PACKAGE / "testing" / "__init__.py", tmdb_async.testing._EXPORTS, ""),
    ],
    ids=["tmdb_async", "models", "testing"],
)
def test_type_checking_block_matches_the_lazy_table(
    path: Path, table: dict[str, str], strip: str
) -> None:
    expected = {
        name: module.replace(strip, ".", 1) if strip else module for name, module in table.items()
    }
    assert type_checking_imports(path) == expected, (
        f"the TYPE_CHECKING block of {path.name} must list the table; expected lines:\n"
        + "\n".join(f"    from {m} import {n} as {n}" for n, m in expected.items())
    )


# ---------------------------------------------------------------- the command line


@pytest.mark.parametrize("argv", [["--version"], ["--help"], []])
def test_cli_help_and_version_import_no_command_module(argv: list[str]) -> None:
    loaded = modules_after(
        "import contextlib, io, sys\n"
        "from tmdb_async.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({argv!r})"
    )
    assert "tmdb_async.cli" in loaded
    assert not ours(loaded) - {
        "tmdb_async._lazy",
        "tmdb_async._version",
        "tmdb_async.cli",
        "tmdb_async.errors",
    }
    assert "aiohttp" not in loaded


def run_cli(argv: list[str]) -> int | str | None:
    """``cli.main``'s exit code, whether it returns it or argparse raises SystemExit."""
    try:
        return cli.main(argv)
    except SystemExit as exc:
        return exc.code


def test_cli_command_imports_its_own_module_only() -> None:
    loaded = modules_after(
        "import contextlib, io\n"
        "from tmdb_async.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['whoami', '--help'])"
    )
    assert "tmdb_async.cli.auth" in loaded
    assert not {"tmdb_async.cli.sandbox", "tmdb_async.cli.demo", "tmdb_async.cli.fetch"} & loaded
    assert "aiohttp.web" not in loaded


def test_cli_help_lists_every_command_with_its_registered_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    full = cli.build_parser()
    (action,) = (a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    registered = {choice.dest: choice.help for choice in action._choices_actions}
    assert registered == {name: text for name, (_, text) in cli._COMMANDS.items()}
    assert run_cli(["--help"]) == 0
    out = capsys.readouterr().out
    for name in cli._COMMANDS:
        assert f"    {name} " in out


def test_cli_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["nope"]) == 2
    assert "invalid choice: 'nope'" in capsys.readouterr().err


# ---------------------------------------------------------------- the pytest plugin


def test_pytest_plugin_imports_no_sandbox_client_or_aiohttp() -> None:
    loaded = modules_after("import pytest\nimport tmdb_async.testing.pytest_plugin")
    assert "tmdb_async.testing.pytest_plugin" in loaded
    assert not {"aiohttp", "attrs", "cattrs", "tmdb_async._client"} & loaded
    assert not ours(loaded, "tmdb_async.testing._")
