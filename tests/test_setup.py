"""The set-up script finds Python 3.10 or stops with a message saying how to get it."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bash(script: str, home: Path, path: str) -> subprocess.CompletedProcess:
    return subprocess.run(["/bin/bash", "-c", f"source {ROOT}/scripts/setup.sh; {script}"], capture_output=True, text=True,
                          env={"HOME": str(home), "PATH": path}, timeout=60)


def test_finds_python_310_here():
    found = _bash("find_python310", Path.home(), os.environ["PATH"])
    assert found.returncode == 0
    version = subprocess.run([found.stdout.strip(), "--version"], capture_output=True, text=True).stdout
    assert version.startswith("Python 3.10.")


def test_stops_with_a_clear_message_without_python_310(tmp_path):
    if any(Path(d, "python3.10").exists() for d in ("/usr/bin", "/bin")):
        pytest.skip("this machine has a system python3.10")
    result = _bash(f"ensure_venv {tmp_path}", tmp_path, "/usr/bin:/bin")
    assert result.returncode == 1
    assert "Python 3.10 is needed" in result.stderr and "pyenv install 3.10.13" in result.stderr
    assert not (tmp_path / ".venv").exists()


def test_each_step_says_what_it_does_how_long_it_took_and_passes_on_a_failure(tmp_path):
    done = _bash('step "Building" true && step "Breaking" false; echo "status $?"', tmp_path, os.environ["PATH"])
    lines = done.stdout.splitlines()
    assert lines[:2] == ["==> Building", "    done in 0 s"]
    assert lines[2] == "==> Breaking" and lines[3].startswith("    failed (exit 1)") and lines[4] == "status 1"


def test_an_unchanged_install_is_said_and_skipped(tmp_path):
    """The project's own .venv is installed: a second start says so instead of installing again."""
    venv = ROOT / ".venv" / ".installed"
    if not venv.is_file():
        pytest.skip("run through ./run.sh test, which installs .venv first")
    done = _bash(f"ensure_venv {ROOT}", tmp_path, os.environ["PATH"])
    assert done.returncode == 0 and done.stdout.strip() == "==> Dependencies: unchanged since the last install"


def test_uv_is_pinned_with_everything_else():
    pins = (ROOT / "constraints.txt").read_text().splitlines()
    assert any(p.startswith("uv==") for p in pins) and any(p.startswith("pytest-xdist==") for p in pins)
