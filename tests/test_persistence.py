"""Conversations live in the SQL tracker store: they survive a restart of both servers."""
from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.services import UNLIMITED, free_port


def reply_text(replies: list) -> str:
    return "\n".join(r.get("text", "") for r in replies)

pytestmark = pytest.mark.assistant


def test_a_conversation_in_the_middle_of_its_questions_survives_a_restart_of_both_servers(assistant):
    """Begun on the session's servers, carried on by a new pair started on the same database: the new
    servers know nothing of it but what the tracker store kept (one cold start instead of two)."""
    from bot.serve import Assistant

    sender = uuid.uuid4().hex
    assert "Which of these is true of your work?" in assistant.say(sender, "receptionist at a GP surgery")[0]["text"]
    assert "Education, Health and Care Plan" in assistant.say(sender, "what's an EHCP?")[0]["text"]
    second = Assistant(assistant.model, free_port(), free_port(), assistant.db_url, env=UNLIMITED).start()
    try:
        assert "Which of these is true of your work?" in reply_text(second.say(sender, "what's a DHO?"))  # still that question
        assert any("You need Level 2" in r.get("text", "") for r in second.say(sender, "4"))
    finally:
        second.stop()


def test_health_endpoints_answer_for_a_load_balancer(assistant):
    assert requests.get(f"{assistant.url}/", timeout=10).ok
    assert requests.get(f"{assistant.url}/webhooks/webchat/health", timeout=10).json() == {"status": "ok"}
    assert requests.get(f"{assistant.url}/webhooks/rest/", timeout=10).json() == {"status": "ok"}
    assert requests.get(f"http://127.0.0.1:{assistant.actions_port}/health", timeout=10).json()["status"] == "ok"


def test_no_other_origin_is_allowed_by_cors(assistant):
    reply = requests.post(f"{assistant.url}/webhooks/webchat/webhook", json={"sender": uuid.uuid4().hex, "message": "hi"},
                          headers={"Origin": "https://elsewhere.example"}, timeout=60)
    assert "Access-Control-Allow-Origin" not in reply.headers


def test_no_message_text_reaches_the_logs_at_the_default_level(assistant):
    marker = f"Zebedee{uuid.uuid4().hex[:8]}"
    sender = uuid.uuid4().hex
    for message in (f"my colleague {marker} is a porter", f"<script>{marker}</script>", f"/inform{{\"role\": \"{marker}\"}}"):
        requests.post(f"{assistant.url}/webhooks/webchat/webhook", json={"sender": sender, "message": message}, timeout=60)
    requests.post(f"{assistant.url}/webhooks/webchat/staff", files={"file": ("s.csv", f"Name,Job title\n{marker},Porter\n")}, timeout=60)
    os.killpg(assistant.actions.pid, signal.SIGSTOP)  # a hung action server: the client below gives up mid-turn
    try:
        with pytest.raises(requests.Timeout):
            requests.post(f"{assistant.url}/webhooks/rest/webhook", json={"sender": uuid.uuid4().hex, "message": f"{marker} is a porter"},
                          timeout=3)
        time.sleep(1)
    finally:
        os.killpg(assistant.actions.pid, signal.SIGCONT)
    log = Path(assistant.log.name).read_text(errors="replace")
    assert "rest.message.received.timeout" in log  # Rasa logged the abandoned message, which carries its text
    assert marker not in log
