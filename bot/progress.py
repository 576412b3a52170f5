"""What a long set-up step is doing, for a person watching the terminal.

`step` says what a step is doing and how long it took. `run_training` runs `rasa train`, shows which
component is training and its epochs as a progress bar (redrawn in place on a terminal, a line every
quarter otherwise, so CI logs stay short), and keeps the last lines of Rasa's output to show if it fails.
"""
from __future__ import annotations

import collections
import re
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO, Deque, Iterator, List

COMPONENT = re.compile(r"Starting to train component '([^']+)'")
EPOCHS = re.compile(r"Epochs:\s+(\d+)%.*?(\d+)/(\d+)")
BAR = 30


@contextmanager
def step(label: str, out: IO[str]) -> Iterator[None]:
    started = time.monotonic()
    print(f"==> {label}", file=out, flush=True)
    yield
    print(f"    done in {time.monotonic() - started:.0f} s", file=out, flush=True)


class TrainingFailed(RuntimeError):
    """`rasa train` exited with an error: the message ends with the last lines it printed."""


def _pieces(stream: BinaryIO) -> Iterator[str]:
    """Rasa's output split at newlines and at the carriage returns a progress bar redraws with."""
    pending = b""
    while chunk := stream.read1(4096):  # what has arrived, without waiting for a full buffer
        pending += chunk
        *done, pending = re.split(rb"[\r\n]", pending)
        yield from (piece.decode("utf-8", "replace") for piece in done if piece.strip())
    if pending.strip():
        yield pending.decode("utf-8", "replace")


class _Display:
    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.live = bool(getattr(out, "isatty", lambda: False)())
        self.shown_quarter = -1
        self.bar_open = False
        self.since = time.monotonic()

    def line(self, text: str) -> None:
        """A new stage, after the seconds since training began."""
        if self.bar_open:
            print(file=self.out)
            self.bar_open = False
        now = time.monotonic()
        print(f"    [{now - self.since:4.0f} s] {text}", file=self.out, flush=True)
        self.shown_quarter = -1

    def epochs(self, done: int, total: int) -> None:
        filled = BAR * done // max(total, 1)
        text = f"    epochs [{'#' * filled}{'.' * (BAR - filled)}] {done}/{total}"
        if self.live:
            print("\r" + text, end="", file=self.out, flush=True)
            self.bar_open = done < total
            if not self.bar_open:
                print(file=self.out, flush=True)
        elif (quarter := 4 * done // max(total, 1)) > self.shown_quarter:
            self.shown_quarter = quarter
            print(text, file=self.out, flush=True)


def run_training(command: List[str], cwd: Path, env: dict, out: IO[str], keep: int = 40) -> None:
    """Runs a `rasa train` command, showing its progress on `out`."""
    display, tail = _Display(out), collections.deque(maxlen=keep)  # type: _Display, Deque[str]
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    for piece in _pieces(process.stdout):
        tail.append(piece)
        if found := COMPONENT.search(piece):
            display.line(f"training {found.group(1)}")
        elif found := EPOCHS.search(piece):
            display.epochs(int(found.group(2)), int(found.group(3)))
    if process.wait() != 0:
        raise TrainingFailed(f"training failed (exit {process.returncode}); Rasa's last lines:\n" + "\n".join(tail))
