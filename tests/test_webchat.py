"""The web chat channel over HTTP: messages, history and feedback, with the real servers and database."""
from __future__ import annotations

import asyncio
import csv
import io
import json
import threading
import time
import uuid
from typing import List

import pytest
import requests
from rasa.shared.core.events import BotUttered, Restarted, UserUttered

from bot import feedback
from bot.channels.conversation_log import SHOWN, ConversationLog
from knowledge.db import make_engine


def _answer(answer_id: str, text: str = "You need Level 2.") -> BotUttered:
    return BotUttered(text, {"custom": {"send_guide": {"kind": "answer", "id": answer_id, "sections": [], "sources": []}}})


def test_the_log_shows_pressed_buttons_as_their_titles_and_hides_the_opening_greet():
    events = [UserUttered("/greet"), BotUttered("Hello", {"buttons": [{"title": "Find my training level", "payload": "/find_level"}]}),
              UserUttered("/find_level"), BotUttered("What's your job role?"), UserUttered("porter"), _answer("a1")]
    shown = ConversationLog.of(events).messages
    assert [(m["from"], m["text"]) for m in shown] == [
        ("bot", "Hello"), ("user", "Find my training level"), ("bot", "What's your job role?"), ("user", "porter"),
        ("bot", "You need Level 2.")]


def test_the_log_starts_after_the_last_restart_and_finds_an_answer_with_its_question():
    log = ConversationLog.of([UserUttered("teacher"), _answer("old"), Restarted(), UserUttered("school nurse"), _answer("new", "Level 3")])
    assert log.exchange("new") == ("school nurse", "Level 3")
    assert log.exchange("old") is None and log.exchange("") is None


def test_the_page_gets_back_only_the_latest_messages_of_a_long_conversation():
    events = [e for n in range(300) for e in (UserUttered(f"message {n}"), BotUttered(f"reply {n}"))]
    shown = ConversationLog.of(events).recent()
    assert len(shown) == SHOWN and shown[-1]["text"] == "reply 299" and shown[0]["text"] == f"message {300 - SHOWN // 2}"


def test_feedback_is_stored_and_read_back(db_url):
    engine = make_engine(db_url)
    row = feedback.Feedback("c" * 32, "a1", "school nurse", "You need Level 5", "yes", "clear, thanks")
    feedback.record(engine, row)
    feedback.record(engine, feedback.Feedback("c" * 32, "a2", "q", "a", "no"))
    assert feedback.for_conversation(engine, "c" * 32) == [row, feedback.Feedback("c" * 32, "a2", "q", "a", "no")]
    engine.dispose()


@pytest.mark.parametrize("rating, comment", [("great", None), ("yes", "x" * 1001)])
def test_feedback_outside_the_choices_is_refused(rating, comment):
    with pytest.raises(feedback.InvalidFeedback):
        feedback.Feedback("c" * 32, "a1", "q", "a", rating, comment)


class WebChat:
    def __init__(self, assistant) -> None:
        self.base = f"{assistant.url}/webhooks/webchat"
        self.sender = uuid.uuid4().hex

    def say(self, message: str) -> list:
        reply = requests.post(f"{self.base}/webhook", json={"sender": self.sender, "message": message}, timeout=60)
        reply.raise_for_status()
        return reply.json()

    def rate(self, **body) -> requests.Response:
        return requests.post(f"{self.base}/feedback", json={"sender": self.sender, **body}, timeout=30)


@pytest.mark.assistant
def test_an_answer_arrives_as_one_message_with_its_document_and_can_be_rated(assistant):
    chat = WebChat(assistant)
    [answer] = [m for m in chat.say("I'm a deputy DHO") if "custom" in m]
    doc = answer["custom"]["send_guide"]
    assert doc["kind"] == "answer" and answer["text"].startswith("You need Level 5")
    assert any(s["section"] == "SEND Training Requirements for All Staff and Healthcare Professionals" for s in doc["sources"])
    assert chat.rate(answer_id=doc["id"], rating="yes", comment="Clear").status_code == 201
    [stored] = feedback.for_conversation(make_engine(assistant.db_url), chat.sender)
    assert (stored.question, stored.rating, stored.comment) == ("I'm a deputy DHO", "yes", "Clear")
    assert stored.answer == answer["text"]


@pytest.mark.assistant
def test_feedback_must_name_an_answer_of_its_own_conversation(assistant):
    chat, other = WebChat(assistant), WebChat(assistant)
    [answer] = [m for m in chat.say("I'm a deputy DHO") if "custom" in m]
    answer_id = answer["custom"]["send_guide"]["id"]
    assert other.rate(answer_id=answer_id, rating="yes").status_code == 404
    assert chat.rate(answer_id=answer_id, rating="brilliant").status_code == 400
    assert chat.rate(answer_id="nope", rating="yes").status_code == 404
    assert requests.post(f"{chat.base}/feedback", data="not json", timeout=30).status_code == 400


@pytest.mark.assistant
def test_the_history_continues_the_conversation_after_a_reload(assistant):
    chat = WebChat(assistant)
    chat.say("/greet")
    chat.say("receptionist at a GP surgery")
    history = requests.get(f"{chat.base}/history", params={"sender": chat.sender}, timeout=30).json()["messages"]
    assert history[0]["from"] == "bot" and "automated assistant" in history[0]["text"]
    assert history[1] == {"from": "user", "text": "receptionist at a GP surgery"}
    assert "You need Level 2" in chat.say("4")[0]["text"]  # the question is answered where it was left
    again = requests.get(f"{chat.base}/history", params={"sender": chat.sender}, timeout=30).json()["messages"]
    assert len(again) > len(history)


@pytest.mark.assistant
@pytest.mark.parametrize("body", [{"sender": "../../etc/passwd", "message": "hi"}, {"sender": "a" * 32}, {"message": "hi"}, []])
def test_a_malformed_message_gets_a_clear_400(assistant, body):
    reply = requests.post(f"{assistant.url}/webhooks/webchat/webhook", json=body, timeout=30)
    assert reply.status_code == 400 and "sender" in reply.json()["error"]


@pytest.mark.assistant
def test_the_page_is_served_with_a_strict_content_security_policy(assistant):
    page = requests.get(f"{assistant.url}/webhooks/webchat/", timeout=30)
    assert page.ok and "automated assistant" in page.text
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert requests.get(f"{assistant.url}/webhooks/webchat/static/chat.js", timeout=30).headers["Content-Type"].startswith("text/javascript")
    assert requests.get(f"{assistant.url}/webhooks/webchat/static/..%2f..%2fserve.py", timeout=30).status_code == 404
    assert requests.get(f"{assistant.url}/webhooks/webchat/history", params={"sender": "x"}, timeout=30).status_code == 400


def socketio_replies(url: str, transport: str, message: str = "I'm a deputy DHO") -> List[dict]:
    """One message over Rasa's socketio channel, by long-polling or WebSocket: the replies that arrive."""
    session = uuid.uuid4().hex
    if transport == "websocket":
        return asyncio.run(_over_websocket(url, session, message))
    import socketio  # python-socketio, which Rasa installs

    client, replies, answered = socketio.Client(), [], threading.Event()

    @client.on("bot_uttered")
    def received(data):
        replies.append(data)
        answered.set()

    client.connect(url, transports=["polling"], wait_timeout=30)
    try:
        client.emit("session_request", {"session_id": session})
        client.emit("user_uttered", {"message": message, "session_id": session})
        assert answered.wait(60)
        time.sleep(1)  # the rest of the answer
    finally:
        client.eio.disconnect(abort=True)  # closes the session without waiting out the open long-poll (up to 30 s)
    return replies


async def _over_websocket(url: str, session: str, message: str) -> List[dict]:
    """Engine.IO 4 packets by hand (python-socketio's WebSocket client needs a newer aiohttp than Rasa allows)."""
    import websockets  # installed with Rasa's Sanic

    replies: List[dict] = []
    async with websockets.connect(url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket") as ws:
        assert (await ws.recv()).startswith("0")  # open
        await ws.send("40")  # join the default namespace
        assert (await ws.recv()).startswith("40")
        for event in (["session_request", {"session_id": session}], ["user_uttered", {"message": message, "session_id": session}]):
            await ws.send("42" + json.dumps(event))
        timeout = 60.0
        while True:
            try:
                packet = await asyncio.wait_for(ws.recv(), timeout)
            except asyncio.TimeoutError:
                return replies
            if packet == "2":
                await ws.send("3")  # pong
            elif packet.startswith("42") and json.loads(packet[2:])[0] == "bot_uttered":
                replies.append(json.loads(packet[2:])[1])
                timeout = 1.0  # the rest of the answer


@pytest.mark.assistant
def test_the_socketio_channel_delivers_replies(assistant):
    """credentials.yml keeps Rasa's socketio channel for other front ends; its replies must arrive."""
    assert any("You need Level 5" in (r.get("text") or "") for r in socketio_replies(assistant.url, "polling"))


@pytest.mark.assistant
def test_a_staff_list_uploaded_from_the_page_gets_a_summary_and_a_report(assistant):
    staff = b"Name,Job title,Contact\nAnn,School nurse,\nBob,Porter,some\nCy,Physiotherapist,\nDi,=HYPERLINK(\"x\"),\n"
    reply = requests.post(f"{assistant.url}/webhooks/webchat/staff", files={"file": ("staff.csv", staff, "text/csv")}, timeout=60)
    assert reply.status_code == 200, reply.text
    report = reply.json()
    assert report["rows"] == 4 and report["per_level"]["question open"] == 3 and report["rows_with_problems"] == 1
    assert any(question.startswith("Which of these is true of your work?") for question, _ in report["open_questions"])
    assert report["csv"].splitlines()[0].startswith("Row,Name or staff id")
    open_for = {question: who for question, _, who in report["open_for"]}
    assert "Ann" in next(who for question, who in open_for.items() if question.startswith("Which of these is true of your work?"))
    asked = list(csv.DictReader(io.StringIO(report["questions_csv"])))
    assert {r["Name or staff id"] for r in asked} >= {"Ann", "Cy"} and all(r["Question to ask"] for r in asked)
    refused = requests.post(f"{assistant.url}/webhooks/webchat/staff", files={"file": ("x.csv", b"Surname\nSmith\n")}, timeout=30)
    assert refused.status_code == 400 and '"Surname"' in refused.json()["error"]
    assert requests.post(f"{assistant.url}/webhooks/webchat/staff", timeout=30).status_code == 400
