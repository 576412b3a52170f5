"""Faults, made for real: the action servers, PostgreSQL and Redis are stopped and started again.

In each, the person is told to try again, nothing of the failed turn is kept, and the
same message carries the conversation on once the service is back.
"""
from __future__ import annotations

import asyncio
import subprocess
import uuid

import pytest
import requests
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from redis.exceptions import RedisError

from bot import faults
from bot.faults import (CANNOT_KEEP_ORDER, CANNOT_LOOK_UP, CANNOT_REACH_RECORDS, SOMETHING_WENT_WRONG, RecordsUnavailable,
                        TurnAbandoned)
from bot.serve import ROOT, environment, rasa
from tests.conversation import stored_turns
from tests.services import free_port
from tests.test_scale_out import reply_text

pytestmark = pytest.mark.assistant


@pytest.fixture(params=["one server", "two replicas"])
def deployment(request: pytest.FixtureRequest):
    return request.getfixturevalue("assistant" if request.param == "one server" else "replicated")


AGAIN = "what's an EHCP?"  # a turn in the middle of the questions, after which the same question is asked again


def _first_turn(deployment) -> str:
    sender = uuid.uuid4().hex
    assert "Which of these is true of your work?" in reply_text(deployment.say(sender, "receptionist at a GP surgery"))
    return sender


def _carries_on(deployment, sender: str) -> None:
    """The turn that failed, sent again, and the rest of the conversation."""
    assert "Which of these is true of your work?" in reply_text(deployment.say(sender, AGAIN))
    assert "You need Level 2" in reply_text(deployment.say(sender, "I see kids at reception now and then"))


def _refused(replies: list, apology: str) -> None:
    assert [r["text"] for r in replies] == [apology]


def test_with_the_action_server_down_the_person_is_asked_to_try_again(deployment):
    sender = _first_turn(deployment)
    before = stored_turns(deployment, sender)
    deployment.stop_actions()
    try:
        _refused(deployment.say(sender, AGAIN), CANNOT_LOOK_UP)
        _refused(deployment.say(sender, AGAIN), CANNOT_LOOK_UP)
        assert stored_turns(deployment, sender) == before
    finally:
        deployment.start_actions()
    _carries_on(deployment, sender)


def test_with_the_database_down_the_person_is_asked_to_try_again(replicated, postgres):
    if postgres is None:
        pytest.skip("TEST_POSTGRES_URL names a server these tests do not own, so they cannot stop it")
    sender = _first_turn(replicated)
    before = stored_turns(replicated, sender)
    postgres.stop()
    try:
        for member in replicated.members:
            _refused(member.say(sender, AGAIN), CANNOT_REACH_RECORDS)
        history = requests.get(f"{replicated.url}/webhooks/webchat/history", params={"sender": sender}, timeout=30)
        assert history.status_code == 503 and history.json() == {"error": CANNOT_REACH_RECORDS}
    finally:
        postgres.start()
    assert stored_turns(replicated, sender) == before
    _carries_on(replicated, sender)


def test_with_redis_down_no_turn_is_taken_out_of_order(replicated, redis_server):
    sender = _first_turn(replicated)
    before = stored_turns(replicated, sender)
    redis_server.stop()
    try:
        for member in replicated.members:
            _refused(member.say(sender, AGAIN), CANNOT_KEEP_ORDER)
    finally:
        redis_server.start()
    assert stored_turns(replicated, sender) == before
    _carries_on(replicated, sender)


@pytest.mark.parametrize("setting", ["DATABASE_URL", "REDIS_URL"])
def test_a_rasa_server_that_cannot_reach_a_configured_service_stops_and_names_the_setting(assistant, setting):
    unreachable = {"DATABASE_URL": f"postgresql+psycopg2://postgres:secret@127.0.0.1:{free_port()}/send_guide",
                   "REDIS_URL": f"redis://:secret@127.0.0.1:{free_port()}/0"}[setting]
    env = {**environment(assistant.db_url), setting: unreachable}
    out = subprocess.run(rasa("run", "--model", str(assistant.model), "--port", str(free_port()), "--endpoints", "endpoints.yml"),
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode != 0
    assert f"Check {setting}" in out.stderr and "127.0.0.1" in out.stderr
    assert "Traceback" not in out.stderr and "secret" not in out.stderr


class FailingAgent:
    """Just enough of Rasa's Agent for its `handle_message`: a processor that fails with `error`."""

    def __init__(self, error: BaseException) -> None:
        from rasa.core.lock_store import InMemoryLockStore

        self.lock_store, self.error = InMemoryLockStore(), error
        self.processor = self

    def is_ready(self) -> bool:
        return True

    async def handle_message(self, message) -> None:
        await message.output_channel.send_text_message(message.sender_id, "a partial reply")
        raise self.error


@pytest.mark.parametrize("error, apology", [
    (TurnAbandoned(CANNOT_LOOK_UP, "action failed"), CANNOT_LOOK_UP),
    (RecordsUnavailable("OperationalError"), CANNOT_REACH_RECORDS),
    (RedisError("Connection refused"), CANNOT_KEEP_ORDER),
    (ValueError("secret text the person typed"), SOMETHING_WENT_WRONG),
])
def test_a_failed_turn_ends_with_one_apology_and_its_cause_logged_without_the_text(error, apology, caplog):
    output = CollectingOutputChannel()
    asyncio.run(faults.handle_message(FailingAgent(error), UserMessage("secret text the person typed", output, "s1")))
    assert [m["text"] for m in output.messages] == [apology]
    assert "A turn was not kept" in caplog.text and "secret" not in caplog.text
