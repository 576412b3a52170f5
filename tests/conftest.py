"""Shared fixtures: the content, and real SQLite and PostgreSQL databases.

The PostgreSQL server is started once per test session in a temporary folder, listening
on loopback only, and stopped at the end. Set TEST_POSTGRES_URL to use a running one.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, Optional

import pytest

from knowledge.content_loader import CONTENT_DIR, load_content
from knowledge.guide import Guide
from knowledge.schema import KnowledgeBase
from knowledge.sources import seeds_dir
from tests import services, standins
from tests.standins import StandIn

if TYPE_CHECKING:
    from bot.serve import Assistant

ROOT = Path(__file__).resolve().parents[1]
SLACK_SIGNING_SECRET = "test-signing-secret"
CONTACT = {"SEND_GUIDE_CONTACT_NAME": "the SEND training team", "SEND_GUIDE_CONTACT_EMAIL": "send.training@example.org",
           "SEND_GUIDE_CONTACT_URL": "https://example.org/send-training"}
HANDOFF_CHANNEL = "C0HANDOFF"
REPORT_TOKEN = "test-report-token"  # the content owners' report page opens with it (SEND_GUIDE_REPORT_TOKEN)
API_TOKEN = "test-api-token"  # the replicated set-up has Rasa's HTTP API on, guarded by this


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


def _running(service: Callable[[], Any]) -> Iterator[Any]:
    """A loopback server for the session, removed after it."""
    try:
        server = service().start()
    except services.ServiceMissing as missing:
        pytest.fail(str(missing))
    yield server
    server.remove()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Optional[services.PostgresServer]]:
    """The session's PostgreSQL server, or None when TEST_POSTGRES_URL names a running one."""
    if os.environ.get("TEST_POSTGRES_URL"):
        yield None
        return
    yield from _running(services.PostgresServer)


@pytest.fixture(scope="session")
def postgres_server(postgres: Optional[services.PostgresServer]) -> str:
    return postgres.url if postgres else os.environ["TEST_POSTGRES_URL"]


@pytest.fixture(scope="session")
def redis_server() -> Iterator[services.RedisServer]:
    yield from _running(services.RedisServer)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kb.db'}"
        return
    url = services.new_database(request.getfixturevalue("postgres_server"))
    try:
        yield url
    finally:
        services.drop_database(url)


@pytest.fixture(scope="session")
def slack_api() -> Iterator[StandIn]:
    stand_in = standins.slack_web_api()
    yield stand_in
    stand_in.stop()


@pytest.fixture(scope="session")
def bot_framework() -> Iterator[standins.BotFramework]:
    stand_ins = standins.BotFramework()
    yield stand_ins
    stand_ins.service.stop()


@pytest.fixture(scope="session")
def channel_settings(slack_api: StandIn, bot_framework: standins.BotFramework) -> Dict[str, str]:
    """Slack and Teams on, talking to the local stand-ins; a contact, and hand-offs posted to a Slack channel and a Teams webhook."""
    return {"SLACK_TOKEN": standins.SLACK_TOKEN, "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
            "SLACK_API_URL": f"{slack_api.url}/api/", **bot_framework.env, **CONTACT,
            "SEND_GUIDE_HANDOFF_SLACK_CHANNEL": HANDOFF_CHANNEL, "SEND_GUIDE_HANDOFF_TEAMS_WEBHOOK": bot_framework.url + bot_framework.HANDOFF}


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory, channel_settings: Dict[str, str]) -> Iterator["Assistant"]:
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
        port = services.free_port()  # the plan's links in Slack and Teams point back at this server
        running = Assistant(ensure_model(log), port, services.free_port(), db, log=log,
                            env={**channel_settings, **services.UNLIMITED, "SEND_GUIDE_PUBLIC_URL": f"http://127.0.0.1:{port}",
                                 "SEND_GUIDE_REPORT_TOKEN": REPORT_TOKEN}).start()
        try:
            yield running
        finally:
            running.stop()


@pytest.fixture(scope="session")
def replicated(assistant: "Assistant", postgres_server: str, redis_server: services.RedisServer,
               channel_settings: Dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[services.Replicated]:
    """The README's deployment on loopback: two Rasa servers and two action servers behind nginx,
    sharing one PostgreSQL database and one Redis, with the same model and channels as `assistant`."""
    from knowledge.guide import build

    db = services.new_database(postgres_server)
    build(db)
    with open(tmp_path_factory.mktemp("replicated") / "servers.log", "w") as log:
        cluster = services.Replicated(assistant.model, db, redis_server.url, api_token=API_TOKEN, log=log,
                                      env={**channel_settings, **services.UNLIMITED}).start()
        try:
            yield cluster
        finally:
            cluster.stop()
            services.drop_database(db)


@dataclass
class Limited:
    """A Rasa server with the fair-use limits on, refilling slowly enough to test by hand, with nginx in front
    (its own limits on) and a second nginx with its own limits off (only the server's count, through a proxy)."""

    assistant: "Assistant"
    limits: Any
    nginx: services.Nginx
    open_nginx: services.Nginx


@pytest.fixture(scope="session")
def limited(assistant: "Assistant", tmp_path_factory: pytest.TempPathFactory) -> Iterator[Limited]:
    from bot.fair_use import Limits
    from bot.serve import Assistant

    env = {"SEND_GUIDE_FAIR_USE_PER_MINUTE": "6", "SEND_GUIDE_TRUSTED_PROXIES": "127.0.0.1"}  # one request back every 10 s
    with open(tmp_path_factory.mktemp("limited") / "servers.log", "w") as log:
        server = Assistant(assistant.model, services.free_port(), services.free_port(), assistant.db_url, log=log, env=env).start()
        proxies = [services.Nginx([server.port], [server.actions_port], settings).start() for settings in (env, services.UNLIMITED)]
        try:
            yield Limited(server, Limits.from_env(env), *proxies)
        finally:
            for proxy in proxies:
                proxy.stop()
            server.stop()
