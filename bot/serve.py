"""Run the assistant: train when the training inputs changed, then the action and Rasa servers.

Both servers listen on 127.0.0.1 only. Rasa's HTTP API stays off unless a token is given.
"""
from __future__ import annotations

import hashlib
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Dict, Iterator, List, Optional

import requests

from bot import progress
from knowledge.db import database_url

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
TRAINING_INPUTS = ["config.yml", "domain.yml", "data", "bot/components"]
START_TIMEOUT = 300  # seconds; a cold Rasa start loads TensorFlow and the model


def _input_files() -> Iterator[Path]:
    for name in TRAINING_INPUTS:
        path = ROOT / name
        yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in {".yml", ".yaml", ".py"}) if path.is_dir() else [path]


def training_hash() -> str:
    """A hash of everything training reads, so an unchanged project never retrains."""
    digest = hashlib.sha256()
    for path in _input_files():
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def model_path() -> Path:
    return MODELS / f"send-guide-{training_hash()}.tar.gz"


def environment(db_url: Optional[str] = None, actions_port: int = 5055) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url or database_url(),
        SEND_GUIDE_ACTIONS_URL=f"http://127.0.0.1:{actions_port}/webhook",
        SANIC_HOST="127.0.0.1",
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONUNBUFFERED="1",  # log lines reach the log as they happen
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
        # signs the reflection records' download links; one per run unless set, shared by every server it starts
        SEND_GUIDE_LINK_SECRET=env.get("SEND_GUIDE_LINK_SECRET") or _link_secret(),
    )
    return env


@lru_cache(maxsize=1)
def _link_secret() -> str:
    return secrets.token_hex(32)


def rasa(*args: str) -> List[str]:
    """Rasa's command line, through bot.rasa_main for its one speed fix."""
    return [sys.executable, "-m", "bot.rasa_main", *args]


def ensure_model(log: IO[str] = sys.stdout) -> Path:
    """The trained model for the current inputs, training it first if there is none."""
    target = model_path()
    if target.exists():
        print(f"==> Model is up to date: {target.name} (the training inputs are unchanged)", file=log, flush=True)
        return target
    with progress.step(f"Training the model {target.name} (about a minute on 2 cores)", log):
        progress.run_training(rasa("train", "--data", "data", "--domain", "domain.yml", "--config", "config.yml", "--out",
                                   str(MODELS), "--fixed-model-name", target.name.removesuffix(".tar.gz")),
                              ROOT, environment(), log)
    return target


@dataclass
class Assistant:
    """The action server and the Rasa server, started together and stopped together."""

    model: Path
    port: int = 5005
    actions_port: int = 5055
    db_url: Optional[str] = None
    api_token: Optional[str] = None
    log: Optional[IO[str]] = None
    env: Dict[str, str] = field(default_factory=dict)  # on top of the environment, e.g. channel settings
    processes: List[subprocess.Popen] = field(default_factory=list)
    actions: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.actions_port}"

    def start(self) -> "Assistant":
        return self.launch().ready()

    def launch(self) -> "Assistant":
        """Start both servers without waiting for them, so that several assistants can load at once."""
        server = ["run", "--model", str(self.model), "--port", str(self.port), "--interface", "127.0.0.1",
                  "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"]
        if self.api_token:
            server += ["--enable-api", "--auth-token", self.api_token]
        self.start_actions(wait=False)
        self.processes.append(self._spawn(rasa(*server)))
        return self

    def ready(self) -> "Assistant":
        self.wait(f"{self.actions_url}/health")
        self.wait(f"{self.url}/")
        return self

    def start_actions(self, wait: bool = True) -> None:
        self.actions = self._spawn([sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.actions_port)])
        self.processes.append(self.actions)
        if wait:
            self.wait(f"{self.actions_url}/health")

    def stop_actions(self) -> None:
        """Stop the action server alone, as a crash would leave the Rasa server."""
        if self.actions is not None:
            self.processes.remove(self.actions)
            stop_processes([self.actions])
            self.actions = None

    def _spawn(self, command: List[str]) -> subprocess.Popen:
        env = {**environment(self.db_url, self.actions_port), **self.env}
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log or subprocess.DEVNULL,
                                stderr=subprocess.STDOUT, start_new_session=True)

    def wait(self, url: str, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(p.poll() is not None for p in self.processes):
                self.stop()
                raise RuntimeError(f"a server exited while starting (waiting for {url})")
            try:
                if requests.get(url, timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        stop_processes(self.processes)
        self.processes.clear()
        self.actions = None

    def say(self, sender: str, message: str, timeout: float = 60) -> list:
        """One turn over the REST channel: the assistant's replies."""
        reply = requests.post(f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=timeout)
        reply.raise_for_status()
        return reply.json()


def stop_processes(processes: List[subprocess.Popen]) -> None:
    """Ask each process group to stop, and make sure it has."""
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
