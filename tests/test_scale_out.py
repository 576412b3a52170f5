"""Two Rasa servers and two action servers behind nginx, sharing PostgreSQL and Redis.

Every conversation must keep every turn, once, in the order it was sent, whichever
server took each turn, and under concurrent load.
"""
from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import List, Tuple

import pytest
import requests

from tests.conftest import API_TOKEN
from tests.conversation import stored_turns
from tests.test_slack import SlackUser
from tests.test_webchat import socketio_replies

pytestmark = pytest.mark.assistant

# A level-finding conversation: each message, and what the reply to it must say.
SCRIPT: List[Tuple[str, str]] = [
    ("receptionist at a GP surgery", "Which of these is true of your work?"),
    ("what's an EHCP?", "Education, Health and Care Plan"),
    ("what's a DHO?", "Designated Health Officer"),
    ("I see kids at reception now and then", "You need Level 2"),
    ("actually I'm a deputy DHO", "You need Level 5"),
]


def clean_turns(messages: List[str]) -> List[tuple]:
    """The stored shape of a conversation that kept every turn once and in order."""
    return [("listen", None)] + [turn for m in messages for turn in (("user", m), ("listen", None))]


def reply_text(replies: list) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def test_turns_that_alternate_between_the_rasa_servers_carry_the_conversation_on(replicated):
    """Turn n goes to server n % 2 directly, 12 conversations at once, half starting on each server."""
    def converse(k: int) -> str:
        sender = uuid.uuid4().hex
        for n, (message, expected) in enumerate(SCRIPT):
            replies = replicated.members[(n + k) % 2].say(sender, message)
            assert expected in reply_text(replies), (n, message)
        return sender

    with ThreadPoolExecutor(12) as pool:
        senders = list(pool.map(converse, range(12)))
    for sender in senders:
        assert stored_turns(replicated, sender) == clean_turns([m for m, _ in SCRIPT])


def test_conversations_through_nginx_under_concurrent_load_lose_duplicate_and_reorder_nothing(replicated):
    servers_per_conversation = []

    def converse(_: int) -> str:
        sender, servers = uuid.uuid4().hex, set()
        for message, expected in SCRIPT:
            response = replicated.post(sender, message)
            servers.add(response.headers["X-Send-Guide-Server"])
            assert expected in reply_text(response.json()), message
        servers_per_conversation.append(servers)
        return sender

    with ThreadPoolExecutor(20) as pool:
        senders = list(pool.map(converse, range(40)))
    for sender in senders:
        assert stored_turns(replicated, sender) == clean_turns([m for m, _ in SCRIPT])
    member_addresses = {f"127.0.0.1:{m.port}" for m in replicated.members}
    assert set().union(*servers_per_conversation) == member_addresses
    assert sum(len(s) == 2 for s in servers_per_conversation) >= len(senders) // 2  # most moved between servers


def test_messages_arriving_at_both_servers_at_once_are_taken_one_after_the_other(replicated):
    """The Redis lock store: without it both servers read the same conversation and one turn is lost."""
    sender, rounds = uuid.uuid4().hex, 4
    sent: List[str] = []
    for round_ in range(rounds):
        start = threading.Barrier(2)
        messages = [f"hello {round_}a", f"hi {round_}b"]

        def send(i: int) -> None:
            start.wait()
            replicated.members[i].say(sender, messages[i])

        threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        sent += messages
    turns = stored_turns(replicated, sender)
    said = [text for kind, text in turns if kind == "user"]
    assert sorted(said) == sorted(sent)  # each message once
    assert turns == clean_turns(said)  # whole turns, never interleaved


def test_a_slack_retry_that_reaches_the_other_server_is_not_answered_twice(replicated, slack_api):
    first, other = replicated.members
    person = SlackUser(first, slack_api)
    body = person.event("I'm a deputy DHO", event_id=f"Ev{uuid.uuid4().hex[:10]}")
    assert person.send(body).status_code == 200
    assert "You need Level 5" in person.wait(1)[0]["text"]
    person.url = f"{other.url}/webhooks/slack/webhook"
    retry = person.send(body, **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert retry.status_code == 200 and retry.headers.get("X-Slack-No-Retry") == "1"
    time.sleep(3)
    assert len(person.replies()) == 1


@pytest.mark.parametrize("transport", ["polling", "websocket"])
def test_the_socketio_channel_works_through_nginx(replicated, transport):
    """Long-polling needs every request of a socket.io session on one server: nginx pins them by address."""
    assert any("You need Level 5" in (r.get("text") or "") for r in socketio_replies(replicated.url, transport))


def test_every_server_has_a_health_check_for_the_load_balancer(replicated):
    for member in replicated.members:
        assert requests.get(f"{member.url}/", timeout=10).ok
        assert requests.get(f"{member.url}/webhooks/webchat/health", timeout=10).json() == {"status": "ok"}
        assert requests.get(f"{member.actions_url}/health", timeout=10).json()["status"] == "ok"
    assert requests.get(f"{replicated.url}/webhooks/webchat/health", timeout=10).ok


def test_rasa_http_api_answers_only_with_its_token(replicated):
    assert requests.get(f"{replicated.url}/status", timeout=10).status_code == 401
    assert requests.get(f"{replicated.url}/status", params={"token": "wrong"}, timeout=10).status_code == 401
    assert requests.get(f"{replicated.url}/status", params={"token": API_TOKEN}, timeout=10).json()["model_file"]
