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
