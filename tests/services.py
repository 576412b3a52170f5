"""Throwaway loopback servers from Debian's packages, for the tests and the benchmark.

PostgreSQL, Redis and nginx, each in its own temporary folder on a free port, started and
stopped on request (the fault tests stop and restart them), and the assistant replicated
behind nginx as the README's deployment describes.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import IO, Callable, Dict, Iterator, List, Optional

import requests
from sqlalchemy import create_engine, text

from bot.serve import Assistant, stop_processes

ROOT = Path(__file__).resolve().parents[1]
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
# The tests and the measuring scripts speak from one address, far faster than any person: the fair-use
# limits (bot/fair_use.py) are off for them, and on at their defaults where the limits are tested.
UNLIMITED = {"SEND_GUIDE_FAIR_USE_PER_MINUTE": "0", "SEND_GUIDE_FAIR_USE_CONNECTIONS": "0"}
NGINX_OFF = 60_000  # what stands for "no limit" in nginx.conf, which has no 0 for it (and allows 65,535 at most)


class ServiceMissing(RuntimeError):
    """A Debian package the tests need is not installed: `./run.sh test` installs it."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listened on port {port} within {timeout:.0f} s")


def _folder(prefix: str, owner: Optional[str] = None) -> Path:
    """Not under pytest's temporary folders: those are private to the user running the tests."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    if owner and os.geteuid() == 0:
        shutil.chown(folder, owner, owner)
    return folder


class PostgresServer:
    def __init__(self) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        if not found:
            raise ServiceMissing("PostgreSQL is not installed: run the tests with ./run.sh test, which installs it")
        self.bin = Path(found[-1]).parent
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []  # it refuses to run as root
        self.folder, self.port = _folder("send-guide-pg-", "postgres"), free_port()
        self.data = self.folder / "data"
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / program), *args], check=True, capture_output=True)

    def start(self) -> "PostgresServer":
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "start",
                  "-o", f"-h 127.0.0.1 -p {self.port} -k {self.folder} -F -c fsync=off -c max_connections=200")
        return self

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def new_database(server: str) -> str:
    """A new, empty database on the PostgreSQL server: its URL."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.rsplit("/", 1)[0] + f"/{name}"


def drop_database(url: str) -> None:
    server, name = url.rsplit("/", 1)
    admin = create_engine(f"{server}/postgres", future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


class _Foreground:
    """A server run in the foreground as its own process group, stopped like the assistant's servers."""

    process: Optional[subprocess.Popen] = None

    def stop(self) -> None:
        if self.process is not None:
            stop_processes([self.process])
            self.process = None


class RedisServer(_Foreground):
    def __init__(self) -> None:
        self.program = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(self.program).exists():
            raise ServiceMissing("Redis is not installed: run the tests with ./run.sh test, which installs it")
        self.folder, self.port = _folder("send-guide-redis-"), free_port()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            [self.program, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no",
             "--dir", str(self.folder), "--logfile", str(self.folder / "log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_for_port(self.port)
        return self

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class Nginx(_Foreground):
    """deploy/nginx.conf, filled in for these Rasa and action servers."""

    def __init__(self, rasa_ports: List[int], action_ports: List[int], env: Dict[str, str]) -> None:
        from bot.fair_use import Limits

        self.program = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(self.program).exists():
            raise ServiceMissing("nginx is not installed: run the tests with ./run.sh test, which installs it")
        self.folder, self.port, self.actions_port = _folder("send-guide-nginx-"), free_port(), free_port()
        servers = lambda ports: " ".join(f"server 127.0.0.1:{p} max_fails=0;" for p in ports)  # noqa: E731
        config = Template(NGINX_CONF.read_text()).safe_substitute(
            RUN_DIR=self.folder, LISTEN=f"127.0.0.1:{self.port}", ACTIONS_LISTEN=f"127.0.0.1:{self.actions_port}",
            RASA_SERVERS=servers(rasa_ports), ACTION_SERVERS=servers(action_ports),
            **self.fair_use(Limits.from_env(env)))
        (self.folder / "nginx.conf").write_text(config)

    @staticmethod
    def fair_use(limits: "Limits") -> Dict[str, str]:  # noqa: F821 - imported where used
        return {"SEND_GUIDE_FAIR_USE_PER_MINUTE": str(limits.per_minute or NGINX_OFF),
                "SEND_GUIDE_FAIR_USE_BURST": str(limits.burst if limits.per_minute else NGINX_OFF),
                "SEND_GUIDE_FAIR_USE_CONNECTIONS": str(limits.connections or NGINX_OFF)}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Nginx":
        self.process = subprocess.Popen([self.program, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf"),
                                         "-e", str(self.folder / "error.log"), "-g", "daemon off;"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_for_port(self.port)
        wait_for_port(self.actions_port)
        return self

    def stop(self) -> None:
        super().stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass
class Replicated:
    """Several Rasa servers and action servers behind nginx, sharing one database and one Redis."""

    model: Path
    db_url: str
    redis_url: str
    replicas: int = 2
    api_token: Optional[str] = None
    log: Optional[IO[str]] = None
    env: Dict[str, str] = field(default_factory=dict)
    members: List[Assistant] = field(default_factory=list)
    nginx: Optional[Nginx] = None

    @property
    def url(self) -> str:
        assert self.nginx is not None
        return self.nginx.url

    def start(self) -> "Replicated":
        ports = [(free_port(), free_port()) for _ in range(self.replicas)]
        self.nginx = Nginx([p for p, _ in ports], [a for _, a in ports], self.env).start()
        env = {**self.env, "REDIS_URL": self.redis_url, "SEND_GUIDE_TRUSTED_PROXIES": "127.0.0.1",  # nginx
               "SEND_GUIDE_ACTIONS_URL": f"http://127.0.0.1:{self.nginx.actions_port}/webhook"}
        self.members = [Assistant(self.model, port, actions_port, self.db_url, self.api_token, log=self.log, env=env).launch()
                        for port, actions_port in ports]
        try:
            for member in self.members:
                member.ready()
        except Exception:
            self.stop()
            raise
        return self

    def stop_actions(self) -> None:
        for member in self.members:
            member.stop_actions()

    def start_actions(self) -> None:
        for member in self.members:
            member.start_actions()

    def stop(self) -> None:
        for member in self.members:
            member.stop()
        if self.nginx is not None:
            self.nginx.stop()

    def post(self, sender: str, message: str, timeout: float = 60) -> requests.Response:
        """One turn through nginx; the response's X-Send-Guide-Server header names the Rasa server."""
        reply = requests.post(f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=timeout)
        reply.raise_for_status()
        return reply

    def say(self, sender: str, message: str, timeout: float = 60) -> list:
        """One turn through nginx: the replies, as `Assistant.say` gives them."""
        return self.post(sender, message, timeout).json()


Say = Callable[[str, str], List[dict]]


@contextmanager
def served_assistant() -> Iterator[Say]:
    """The trained model (trained first if stale) served with its action server on free ports over a SQLite
    knowledge base of its own, for scripts that measure over REST: ``say(sender, message)`` gives the replies."""
    from bot.serve import ensure_model
    from knowledge.guide import build

    model = ensure_model(sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{Path(folder) / 'measure.db'}"
        build(db)
        assistant = Assistant(model, free_port(), free_port(), db, env=UNLIMITED).start()
        try:
            yield lambda sender, message: requests.post(f"{assistant.url}/webhooks/rest/webhook",
                                                        json={"sender": sender, "message": message}, timeout=120).json()
        finally:
            assistant.stop()
