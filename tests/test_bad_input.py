"""Bad input gets HTTP 200 and a friendly reply, and the conversation still works afterwards."""
from __future__ import annotations

import json

import pytest
import requests

from tests.conversation import Conversation, user_messages

pytestmark = pytest.mark.assistant

BAD = {
    "empty": "",
    "whitespace": "   \n\t ",
    "emoji": "🙂🙂🙂",
    "huge": "training " * 2500,
    "html": "<script>alert('x')</script><b>hi</b>",
    "only markup": "<img src=x onerror=alert(1)><script>alert(document.cookie)</script>",
    "typed session start": "/session_start",
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


def test_a_message_over_a_bound_is_told_the_bound_and_the_open_question_carries_on(assistant):
    chat = Conversation(assistant)
    assert "Which of these" in chat.say("I'm a school nurse")
    reply = chat.say("I work with children " * 400)
    assert "at most 4,000 characters" in reply and "Which of these" in reply  # the same question again
    many = json.dumps({"sector": ["health"] * 30})
    reply = chat.say(f"/inform{many}")
    assert "more details than I can take at once (at most 20)" in reply and "Which of these" in reply
    assert "You need Level 3" in chat.say("none of these")
    stored = max(user_messages(assistant, chat.sender), key=len)
    assert len(stored) == 4_000, "only the bound's worth of an over-long message is kept"


def test_an_over_long_message_when_the_role_is_asked_is_not_taken_for_a_role(assistant):
    chat = Conversation(assistant)
    chat.say("find my training level")
    reply = chat.say("I am a teacher " * 300)
    assert "at most 4,000 characters" in reply and "job role" in reply
    assert "You need Level 5" in chat.say("I'm a deputy DHO")


def test_pasting_more_job_titles_than_a_message_may_hold_says_how_many_were_read(assistant):
    reply = Conversation(assistant).say("\n".join(["Teacher", "School nurse"] * 30))
    assert reply.startswith("Only the first 50 of 60 lines were read. For a longer list, upload it on the web page. 50 job titles")


def test_a_message_with_no_words_outside_markup_is_said_to_be_unreadable_and_the_question_carries_on(assistant):
    chat = Conversation(assistant)
    assert "Which of these" in chat.say("I'm a school nurse")
    reply = chat.say("<img src=x onerror=alert(1)><script>alert(document.cookie)</script>")
    assert reply.startswith("I couldn't read that") and "Which of these" in reply and "Level 1" not in reply
    assert "You need Level 3" in chat.say("none of these")


def test_a_typed_session_start_gets_the_greeting(assistant):
    chat = Conversation(assistant)
    assert chat.say("/session_start").startswith("Hello! I'm an automated assistant.")
    assert any(b["payload"] == "/find_level" for b in chat.buttons)


def test_a_broken_request_body_is_refused_without_a_stack_trace(assistant):
    reply = requests.post(f"{assistant.url}/webhooks/rest/webhook", data="{not json", headers={"Content-Type": "application/json"}, timeout=30)
    assert reply.status_code in (400, 500) and "Traceback" not in reply.text
