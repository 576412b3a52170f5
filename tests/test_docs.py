"""The README and docs/ pages: short, linked, and every command they show is a real one.

Each line of a ```sh block is checked: `./run.sh` with one of its modes, `send-guide` with a subcommand
and options its parser accepts, a script under scripts/ with options its --help lists, pytest, or a
plain shell line. A renamed command or option fails here before a reader meets it. Every figure page
names the command and the date that produced each table.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest

from bot.cli import parser

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL = {"export", "source", "cd", "curl", "git", "rm", "cp", "mkdir", "ls", "cat", "sudo", "apt-get", "psql", "createdb",
         "redis-server", "nginx", "systemctl", "docker", "unset", "bash", "CI=true"}
RUN_MODES = {"", "serve", "ask", "test"}


def commands() -> Iterator[Tuple[str, str]]:
    for page in PAGES:
        for block in re.findall(r"```(?:sh|bash|shell)\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
            for line in block.replace("\\\n", " ").splitlines():
                line = re.sub(r"\s+#\s.*$", "", line).strip()
                if line and not line.startswith("#"):
                    yield page.name, line


def _words(line: str) -> List[str]:
    words = shlex.split(line.split("|")[0].split("&&")[-1].split(">")[0])
    while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]) and words[0] != "CI=true":
        words = words[1:]  # VAR=value before a command
    return words


@lru_cache(maxsize=None)
def _script_help(script: str) -> str:
    done = subprocess.run([sys.executable, str(ROOT / script), "--help"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, f"{script} --help failed: {done.stderr[-500:]}"
    return done.stdout


def check(line: str) -> None:
    words = _words(line)
    assert words, line
    head = words[0]
    if head.endswith("send-guide"):
        try:
            parser().parse_args(words[1:])
        except SystemExit as exit:
            assert exit.code == 0, f"send-guide does not accept: {line}"
    elif head == "./run.sh":
        assert (words[1] if len(words) > 1 else "") in RUN_MODES, line
    elif head.endswith("python") and words[1:2] == ["-m"]:
        assert words[2] in {"pytest", "bot.cli", "bot.rasa_main"}, line
    elif head.endswith("python") or head.startswith("scripts/"):
        script = next(w for w in words if w.endswith(".py"))
        assert (ROOT / script).is_file(), f"no such script: {script}"
        for option in (w.split("=")[0] for w in words if w.startswith("--")):
            assert option in _script_help(script), f"{script} has no option {option}"
    elif head in {".ci/run", "bash"} and ".ci/run" in line:
        assert (ROOT / ".ci" / "run").is_file()
    else:
        assert head in SHELL, f"not a command of the project or a plain shell line: {line}"


@pytest.mark.parametrize("page,line", list(commands()))
def test_every_command_shown_is_a_real_one(page, line, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # options that name output files open them when parsed
    check(line)


def test_the_checker_refuses_what_is_not_a_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for wrong in ["send-guide levels --role GP", "send-guide level --rank GP", "./run.sh serev",
                  ".venv/bin/python scripts/benchmark.py --no-such-option", ".venv/bin/python scripts/nothing.py"]:
        with pytest.raises(AssertionError):
            check(wrong)


def test_the_readme_is_a_landing_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode()) <= 10 * 1024
    first_block = re.search(r"```sh\n(.*?)```", readme, re.S).group(1)
    assert "./run.sh " in first_block and "./run.sh test" in first_block
    for link in re.findall(r"\]\(((?:docs/)?[\w./-]+)\)", readme):
        assert (ROOT / link).exists(), f"README links to a missing file: {link}"


def test_docs_pages_link_to_files_that_exist():
    for page in PAGES[1:]:
        for link in re.findall(r"\]\(([\w./-]+\.(?:md|png|csv|html|txt))\)", page.read_text(encoding="utf-8")):
            assert (page.parent / link).exists() or (ROOT / link).exists(), f"{page.name} links to a missing {link}"
