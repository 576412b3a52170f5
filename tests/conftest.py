"""Shared fixtures: the content, and real SQLite and PostgreSQL databases.

The PostgreSQL server is started once per test session in a temporary folder, listening
on loopback only, and stopped at the end. Set TEST_POSTGRES_URL to use a running one.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest
from sqlalchemy import create_engine, text

from knowledge.content_loader import CONTENT_DIR, load_content
from knowledge.guide import Guide
from knowledge.schema import KnowledgeBase
from knowledge.sources import seeds_dir
from tests import standins
from tests.standins import StandIn

if TYPE_CHECKING:
    from bot.serve import Assistant

ROOT = Path(__file__).resolve().parents[1]
SLACK_SIGNING_SECRET = "test-signing-secret"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_content()


@pytest.fixture(scope="session")
def guide(kb: KnowledgeBase) -> Guide:
    return Guide.of(kb)


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite knowledge base built once, for commands run as a person would."""
    from knowledge.guide import build

    url = f"sqlite:///{tmp_path_factory.mktemp('built') / 'kb.db'}"
    build(url)
    return url


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the content files that a test may break."""
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(seeds_dir(), tmp_path / "seeds"))


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        return Path(pg_ctl).resolve().parent
    pytest.fail("PostgreSQL is not installed: run the tests with ./run.sh test, which installs it")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    if os.environ.get("TEST_POSTGRES_URL"):
        yield os.environ["TEST_POSTGRES_URL"]
        return
    # Not under pytest's temporary folders: they are private to the user running the tests.
    bin_dir, folder = _pg_bin(), Path(tempfile.mkdtemp(prefix="send-guide-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(folder, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True)

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync")
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "start",
        "-o", f"-h 127.0.0.1 -p {port} -k {folder} -F -c fsync=off")
    try:
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kb.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def slack_api() -> Iterator[StandIn]:
    stand_in = standins.slack_web_api()
    yield stand_in
    stand_in.stop()


@pytest.fixture(scope="session")
def bot_framework() -> Iterator[standins.BotFramework]:
    services = standins.BotFramework()
    yield services
    services.service.stop()


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory, slack_api: StandIn,
              bot_framework: standins.BotFramework) -> Iterator["Assistant"]:
    """The real action server and Rasa server with the trained model, every channel on.

    The model is trained once for the current training inputs and reused while they are
    unchanged (models/send-guide-<hash>.tar.gz). Slack and Teams talk to local stand-ins.
    """
    from bot.serve import Assistant, ensure_model
    from knowledge.guide import build

    folder = tmp_path_factory.mktemp("assistant")
    db = f"sqlite:///{folder / 'send_guide.db'}"
    build(db)
    with open(folder / "servers.log", "w") as log:
        channels = {"SLACK_TOKEN": standins.SLACK_TOKEN, "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
                    "SLACK_API_URL": f"{slack_api.url}/api/", **bot_framework.env}
        running = Assistant(ensure_model(log), _free_port(), _free_port(), db, log=log, env=channels).start()
        try:
            yield running
        finally:
            running.stop()
