"""Talking to the running assistant in tests: one sender per conversation, replies as text."""
from __future__ import annotations

import uuid
import json
from typing import Any, Dict, List

from sqlalchemy import text

from knowledge.db import make_engine


def stored_events(assistant: Any, sender: str) -> int:
    """How many events the tracker store holds for a sender: 0 when a request never reached a conversation."""
    with make_engine(assistant.db_url).connect() as conn:
        return conn.execute(text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar()


def user_messages(assistant: Any, sender: str) -> List[str]:
    """What the person said, in the order the tracker store holds it."""
    return [text for kind, text in stored_turns(assistant, sender) if kind == "user"]


def stored_turns(assistant: Any, sender: str) -> List[tuple]:
    """The stored user messages and action_listen events, in order: a clean turn is one of each, in turn."""
    with make_engine(assistant.db_url).connect() as conn:
        rows = conn.execute(text("SELECT type_name, action_name, data FROM events WHERE sender_id = :s "
                                 "AND (type_name = 'user' OR action_name = 'action_listen') ORDER BY id"), {"s": sender})
        return [("user", json.loads(data).get("text")) if kind == "user" else ("listen", None) for kind, _, data in rows]


def links(replies: List[Dict[str, Any]]) -> Dict[str, str]:
    """The links in replies' cited documents, by the file kind of their path: {"ics": ..., "html": ..., "csv": ...}."""
    docs = [(r.get("custom") or {}).get("send_guide") or {"sections": []} for r in replies]
    items = [i for d in docs for s in d["sections"] for i in s["items"] if i.get("url")]
    return {i["url"].split("?")[0].rsplit(".", 1)[-1]: i["url"] for i in items}


def reply_text(replies: List[Dict[str, Any]]) -> str:
    """The text of a turn's replies, one per line."""
    return "\n".join(r.get("text") or "" for r in replies)


class Conversation:
    def __init__(self, assistant: Any) -> None:
        self.assistant = assistant
        self.sender = f"test-{uuid.uuid4().hex[:10]}"
        self.replies: List[Dict[str, Any]] = []

    def say(self, message: str) -> str:
        self.replies = self.assistant.say(self.sender, message)
        return self.text

    @property
    def text(self) -> str:
        return reply_text(self.replies)

    @property
    def buttons(self) -> List[Dict[str, str]]:
        return [b for r in self.replies for b in r.get("buttons", [])]

    def press(self, title: str) -> str:
        """Press the button with this title, as the web page would."""
        payload = next(b["payload"] for b in self.buttons if b["title"] == title)
        return self.say(payload)
