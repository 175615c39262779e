"""scripts/test finds every supported Python itself and fails when one is missing.

Run with a fake pyenv root and a PATH holding only the tools the script needs, so nothing
of this machine's Pythons leaks in; the check happens before anything is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("find", "grep", "sort", "tail", "dirname", "id")


def fake_pyenv(root: Path, versions: list[str]) -> None:
    for version in versions:
        minor = ".".join(version.split(".")[:2]).rstrip("t")
        binary = root / "versions" / version / "bin" / f"python{minor}"
        binary.parent.mkdir(parents=True)
        binary.write_text("#!/bin/sh\nexit 0\n")
        binary.chmod(0o755)


def run_script(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    tools = tmp_path / "bin"
    tools.mkdir(exist_ok=True)
    for tool in TOOLS:
        found = shutil.which(tool)
        assert found is not None, tool
        (tools / tool).symlink_to(found)
    env = {"PATH": str(tools), "HOME": str(tmp_path), "PYENV_ROOT": str(tmp_path / "pyenv")}
    bash = shutil.which("bash")
    assert bash is not None
    return subprocess.run(
        [bash, str(ROOT / "scripts" / "test"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_missing_supported_python_fails_the_run_naming_it(tmp_path: Path) -> None:
    fake_pyenv(tmp_path / "pyenv", ["3.10.13", "3.11.7", "3.13.0"])
    result = run_script(tmp_path)
    assert result.returncode == 1
    assert "Missing Python 3.12: every supported Python (3.11 3.12 3.13)" in result.stderr
    assert "pyenv install 3.12" in result.stderr


def test_the_newest_release_of_each_version_is_chosen(tmp_path: Path) -> None:
    fake_pyenv(
        tmp_path / "pyenv",
        ["3.10.2", "3.10.13", "3.11.7", "3.12.1", "3.12.10", "3.13.0", "3.13.1t", "3.9.18"],
    )
    result = run_script(tmp_path, "--which-pythons")
    assert result.returncode == 0, result.stderr
    versions = tmp_path / "pyenv" / "versions"
    assert result.stdout.split() == [str(versions / v) for v in ("3.11.7", "3.12.10", "3.13.0")]
