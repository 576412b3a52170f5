"""Bounds on what one message may ask of the Rasa server, whatever channel it came by.

Rasa runs the NLU pipeline in the server's event loop, so one huge message would hold up every
conversation on that server. Installed by `bot.rasa_main` before the server starts:
- a message over MESSAGE_CHARACTERS is not run through the pipeline: it is read as
  `out_of_scope` with an `over_limit` entry saying which bound, only its first MESSAGE_CHARACTERS
  are kept in the conversation, and the reply names the bound (`actions.conversation.over_limit`).
  The conversation carries on where it was: an open question is asked again;
- a crafted `/intent{...}` message with more than ENTITIES entities is treated the same;
- a typed `/session_start`, which would start a session and say nothing, is read as a greeting;
- a message with no words outside markup is not read either, and the reply says so;
- Sanic refuses a request body over REQUEST_BYTES before reading it (the largest legitimate one
  is a staff-list upload, which the page limits to `WEB_LIMITS.file_megabytes`).
Each channel bounds its own payloads as well (Slack and Teams: `PAYLOAD_BYTES`).
"""
from __future__ import annotations

import os
import re
from typing import Any, Dict, Optional, Text

from knowledge.staff.files import WEB_LIMITS

MESSAGE_CHARACTERS = 4_000
ENTITIES = 20
PAYLOAD_BYTES = 256 * 2**10  # a Slack event or a Teams activity is a few kilobytes
REQUEST_BYTES = int((WEB_LIMITS.file_megabytes + 1) * 2**20)  # the upload and its form encoding
SESSION_START = "session_start"  # Rasa's own intent: a person who types "/session_start" is greeted instead
OVER_LIMIT = "over_limit"  # the parse data's key saying which bound and what it is
TAG = re.compile(r"<[^>]*>")
MARKUP = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)|<[^>]*>|&#?\w+;", re.IGNORECASE | re.DOTALL)  # scripts and styles whole


def over_limit(text: Text, what: Text, limit: int) -> Dict[Text, Any]:
    intent = {"name": "out_of_scope", "confidence": 1.0}
    return {"text": text, "intent": intent, "intent_ranking": [intent], "entities": [], OVER_LIMIT: {"what": what, "limit": limit}}


def only_markup(text: Text) -> bool:
    """Whether a message holds markup and no word outside it (scripts and styles count as markup)."""
    return bool(TAG.search(text)) and not re.search(r"\w", MARKUP.sub(" ", text))


def install() -> None:
    from rasa.core.processor import MessageProcessor

    os.environ.setdefault("SANIC_REQUEST_MAX_SIZE", str(REQUEST_BYTES))
    parse = MessageProcessor.parse_message

    async def bounded(self: MessageProcessor, message: Any, tracker: Optional[Any] = None,
                      only_output_properties: bool = True) -> Dict[Text, Any]:
        text = message.text or ""
        if len(text) > MESSAGE_CHARACTERS:
            message.text = text[:MESSAGE_CHARACTERS]  # what the conversation keeps
            return over_limit(message.text, "characters", MESSAGE_CHARACTERS)
        if only_markup(text):  # "<img src=x onerror=...><script>...</script>": nothing to read, not Level 1's outcomes
            return over_limit(text, "markup", 0)
        parse_data = await parse(self, message, tracker, only_output_properties)
        if text.startswith("/") and len(parse_data.get("entities") or []) > ENTITIES:  # typed text is bounded by its length
            return over_limit(text, "entities", ENTITIES)
        if (parse_data.get("intent") or {}).get("name") == SESSION_START:  # typed, it would start a session and say nothing
            greet = {"name": "greet", "confidence": 1.0}
            return {**parse_data, "intent": greet, "intent_ranking": [greet], "entities": []}
        return parse_data

    MessageProcessor.parse_message = bounded  # type: ignore[method-assign]
