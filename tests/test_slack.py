"""Slack: signed requests to the real Rasa server, replies recorded by a local stand-in of Slack's Web API."""
from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from typing import Any, Dict, List, Optional
from urllib.parse import urlencode

import pytest
import requests

from bot.channels.off import ChannelOff
from bot.bounds import PAYLOAD_BYTES
from bot.channels.slack import SlackInput, blocks
from tests.conftest import SLACK_SIGNING_SECRET
from tests.conversation import stored_events

POST_MESSAGE = "/api/chat.postMessage"


def _signed(body: bytes, content_type: str, secret: str = SLACK_SIGNING_SECRET, age: int = 0) -> Dict[str, str]:
    timestamp = str(int(time.time()) - age)
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": f"v0={digest}"}


class SlackUser:
    def __init__(self, assistant, slack_api) -> None:
        self.url = f"{assistant.url}/webhooks/slack/webhook"
        self.api, self.user, self.channel = slack_api, f"U{uuid.uuid4().hex[:8].upper()}", f"D{uuid.uuid4().hex[:8].upper()}"

    def event(self, message: str, event_id: Optional[str] = None) -> bytes:
        return json.dumps({"type": "event_callback", "event_id": event_id or f"Ev{uuid.uuid4().hex[:10]}", "team_id": "T1",
                           "event": {"type": "message", "channel_type": "im", "channel": self.channel, "user": self.user,
                                     "text": message, "ts": f"{time.time():.6f}"}}).encode()

    def replies(self) -> List[Dict[str, Any]]:
        return [json.loads(p["body"]) for p in self.api.posts(POST_MESSAGE) if json.loads(p["body"]).get("channel") == self.channel]

    def send(self, body: bytes, content_type: str = "application/json", **headers: str) -> requests.Response:
        return requests.post(self.url, data=body, headers={**_signed(body, content_type), **headers}, timeout=30)

    def say(self, message: str) -> Dict[str, Any]:
        before = len(self.replies())
        assert self.send(self.event(message)).status_code == 200
        return self.wait(before + 1)[-1]

    def wait(self, count: int) -> List[Dict[str, Any]]:
        deadline = time.monotonic() + 60
        while len(self.replies()) < count and time.monotonic() < deadline:
            time.sleep(0.2)
        return self.replies()

    def click(self, reply: Dict[str, Any], title: str) -> Dict[str, Any]:
        [button] = [e for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"] if e["text"]["text"] == title]
        payload = {"type": "block_actions", "user": {"id": self.user}, "channel": {"id": self.channel}, "message": {"ts": "1.0"},
                   "actions": [{"type": "button", "action_id": button["action_id"], "value": button["value"]}]}
        before = len(self.replies())
        assert self.send(urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded").status_code == 200
        return self.wait(before + 1)[-1]


def _all_text(reply: Dict[str, Any]) -> str:
    return json.dumps(reply["blocks"])


@pytest.mark.assistant
def test_an_answer_comes_back_as_blocks_with_a_source_line(assistant, slack_api):
    reply = SlackUser(assistant, slack_api).say("I'm a deputy DHO")
    kinds = [b["type"] for b in reply["blocks"]]
    assert kinds[0] == "section" and "context" in kinds
    assert reply["blocks"][0]["text"]["type"] == "mrkdwn" and "You need Level 5" in reply["blocks"][0]["text"]["text"]
    [context] = [b for b in reply["blocks"] if b["type"] == "context"]
    assert context["elements"][0]["text"].startswith("Sources: [1] SEND Training Assurance Framework for Health Professionals")
    assert "You need Level 5" in reply["text"]  # the notification text


@pytest.mark.assistant
def test_buttons_are_interactive_blocks_and_a_click_continues_the_conversation(assistant, slack_api):
    person = SlackUser(assistant, slack_api)
    question = person.say("receptionist at a GP surgery")
    assert "designated SEND role" in _all_text(question)
    assert "You need Level 2" in _all_text(person.click(question, "Some contact, or their confidential information"))


@pytest.mark.assistant
@pytest.mark.parametrize("headers", [
    {},  # not signed
    {"X-Slack-Signature": "v0=" + "0" * 64},
    "wrong secret",
    "six minutes old",
])
def test_a_request_that_is_not_from_slack_is_refused_and_reaches_no_conversation(assistant, slack_api, headers):
    person = SlackUser(assistant, slack_api)
    body = person.event("I'm a deputy DHO")
    if headers == "wrong secret":
        sent = _signed(body, "application/json", secret="not-the-secret")
    elif headers == "six minutes old":
        sent = _signed(body, "application/json", age=360)
    else:
        sent = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": str(int(time.time())), **headers}
    assert requests.post(person.url, data=body, headers=sent, timeout=30).status_code == 400
    time.sleep(1)
    assert person.replies() == []
    assert stored_events(assistant, person.user) == 0


@pytest.mark.assistant
def test_slack_retries_never_give_a_second_reply(assistant, slack_api):
    person = SlackUser(assistant, slack_api)
    body = person.event("I'm a deputy DHO", event_id="EvRetried1")
    assert person.send(body).status_code == 200
    person.wait(1)
    retry = person.send(body, **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert retry.status_code == 200 and retry.headers.get("X-Slack-No-Retry") == "1"
    assert person.send(body, **{"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_error"}).status_code == 200
    time.sleep(3)
    assert len(person.replies()) == 1


@pytest.mark.assistant
def test_a_retry_of_an_event_never_received_is_answered(assistant, slack_api):
    person = SlackUser(assistant, slack_api)
    body = person.event("I'm a deputy DHO", event_id="EvFirstLost1")
    assert person.send(body, **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}).status_code == 200
    assert "You need Level 5" in person.wait(1)[0]["text"]


@pytest.mark.assistant
def test_slack_url_verification_is_answered(assistant, slack_api):
    person = SlackUser(assistant, slack_api)
    reply = person.send(json.dumps({"type": "url_verification", "challenge": "abc123"}).encode())
    assert reply.status_code == 200 and reply.json() == "abc123"


def test_blocks_escape_slack_markup_and_keep_within_limits():
    doc = {"kind": "answer", "sources": [{"n": 1, "title": "A & B", "section": "<S>", "document": "d.txt", "quotes": []}],
           "sections": [{"title": "T<1>", "list": True, "more": None,
                         "items": [{"text": "x" * 2990, "refs": [1]}, {"text": "a < b & c", "refs": [1]},
                                   {"text": "CDC", "refs": [], "url": "https://example.org/a"}]}]}
    result = blocks(doc, [{"title": f"B{n}", "payload": f"/p{n}"} for n in range(30)])
    sections = [b["text"]["text"] for b in result if b["type"] == "section"]
    assert len(sections) == 3 and all(len(s) <= 3000 for s in sections)  # split between lines, never inside one
    assert sections[0] == "*T&lt;1&gt;*" and sections[2] == "• a &lt; b &amp; c [1]\n• <https://example.org/a|CDC>"
    assert "A &amp; B, “&lt;S&gt;”" in result[-2]["elements"][0]["text"]
    assert len(result[-1]["elements"]) == 25


def test_without_its_settings_the_channel_is_off(monkeypatch):
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    monkeypatch.setenv("SLACK_TOKEN", "xoxb-1")
    assert isinstance(SlackInput.from_credentials({}), ChannelOff)


@pytest.mark.assistant
def test_a_list_pasted_in_slack_is_checked_title_by_title(assistant, slack_api):
    reply = SlackUser(assistant, slack_api).say("School nurse\nPorter")
    assert "2 job titles" in _all_text(reply) and "School nurse: question open" in _all_text(reply)


@pytest.mark.assistant
def test_an_over_long_message_is_told_the_bound_and_an_oversized_event_is_refused(assistant, slack_api):
    user = SlackUser(assistant, slack_api)
    assert "Which of these" in _all_text(user.say("I'm a school nurse"))
    before = len(user.replies())
    assert user.send(user.event("help " * 2000)).status_code == 200
    told, asked_again = user.wait(before + 2)[before:]  # the bound, then the open question again
    assert "at most 4,000 characters" in json.dumps(told) and "Which of these" in json.dumps(asked_again)
    assert "Level 3" in _all_text(user.say("none of these"))  # the open question carried on
    oversized = user.event("x" * (PAYLOAD_BYTES + 1))
    refused = user.send(oversized)
    assert refused.status_code == 413 and "at most 256 KB" in refused.json()["error"]
