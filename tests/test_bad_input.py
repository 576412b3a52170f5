"""Bad input gets HTTP 200 and a friendly reply, and the conversation still works afterwards."""
from __future__ import annotations

import pytest
import requests

from tests.conversation import Conversation

pytestmark = pytest.mark.assistant

BAD = {
    "empty": "",
    "whitespace": "   \n\t ",
    "emoji": "🙂🙂🙂",
    "huge": "training " * 2500,
    "html": "<script>alert('x')</script><b>hi</b>",
    "sql": "'; DROP TABLE events; --",
    "crafted intent": '/inform{"contact": "lots", "role": "<img src=x onerror=alert(1)>", "new_senco": "maybe"}',
    "crafted path": '/tell_role{"role": "../../etc/passwd"}',
    "unknown intent": '/delete_everything{"sector": "health"}',
    "broken payload": '/inform{"contact": ',
    "another language": "¿Qué formación necesito? Soy enfermera.",
    "unknown role": "I'm a zookeeper",
}


@pytest.mark.parametrize("message", BAD.values(), ids=BAD.keys())
def test_bad_input_gets_a_friendly_reply_and_the_conversation_carries_on(assistant, message):
    chat = Conversation(assistant)
    chat.say("hello")
    reply = requests.post(f"{assistant.url}/webhooks/rest/webhook", json={"sender": chat.sender, "message": message}, timeout=60)
    assert reply.status_code == 200
    # A message with only `custom` is the answer's document for rich clients; its text came before it.
    texts = [r.get("text", "") for r in reply.json() if set(r) != {"recipient_id", "custom"}]
    assert texts and all(texts), "every bad input gets a reply"
    joined = " ".join(texts)
    assert "Traceback" not in joined and "<script>" not in joined and "<img" not in joined
    chat.say("start again")
    assert "You need Level 5" in chat.say("I'm a deputy DHO")


def test_a_broken_request_body_is_refused_without_a_stack_trace(assistant):
    reply = requests.post(f"{assistant.url}/webhooks/rest/webhook", data="{not json", headers={"Content-Type": "application/json"}, timeout=30)
    assert reply.status_code in (400, 500) and "Traceback" not in reply.text
