"""A conversation as the person saw it, read from Rasa's tracker store.

The page shows it again after a reload; feedback uses it to find the answer being rated
and the question that led to it, so neither is taken on the browser's word.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from rasa.shared.core.events import BotUttered, Restarted, UserUttered

from actions.replies import KEY  # the answer document's key in a message's custom data

SHOWN = 200  # messages the page gets back after a reload


@dataclass
class ConversationLog:
    messages: List[Dict[str, Any]]

    @classmethod
    async def load(cls, agent: Any, sender: str) -> "ConversationLog":
        tracker = await agent.tracker_store.retrieve(sender) if agent and agent.tracker_store else None
        return cls.of(tracker.events if tracker else [])

    @classmethod
    def of(cls, events: Any) -> "ConversationLog":
        """User and bot messages since the last restart; a pressed button shows as its title."""
        messages: List[Dict[str, Any]] = []
        for event in events:
            if isinstance(event, Restarted):
                messages = []
            elif isinstance(event, UserUttered) and event.text is not None:
                shown = _typed(event.text, messages)
                if shown is not None:
                    messages.append({"from": "user", "text": shown})
            elif isinstance(event, BotUttered):
                data = event.data or {}
                messages.append({"from": "bot", "text": event.text or "", "buttons": data.get("buttons") or [],
                                 **({"custom": data["custom"]} if KEY in (data.get("custom") or {}) else {})})
        return cls(messages)

    def recent(self, count: int = SHOWN) -> List[Dict[str, Any]]:
        """The last messages, as many as the page shows again after a reload: the reply stays bounded in a long conversation."""
        return self.messages[-count:]

    def exchange(self, answer_id: str) -> Optional[Tuple[str, str]]:
        """The question and the answer's text for an answer id, or None if this conversation has none."""
        question = ""
        for message in self.messages:
            if message["from"] == "user":
                question = message["text"]
            elif (message.get("custom") or {}).get(KEY, {}).get("id") == answer_id and answer_id:
                return question, message["text"]
        return None


def _typed(text: str, before: List[Dict[str, Any]]) -> Optional[str]:
    """What the person saw themselves say: a pressed button as its title; the page's own
    opening `/greet`, or any other intent payload no button offered, as nothing."""
    if not text.startswith("/"):
        return text
    for message in reversed(before):
        if message["from"] == "bot" and message.get("buttons"):
            return next((b.get("title") for b in message["buttons"] if b.get("payload") == text), None)
    return None
