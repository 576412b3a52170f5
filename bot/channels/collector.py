"""An answer's text, buttons and cited document kept together as one message.

Rasa's collecting output channel sends the custom document as a separate, text-less message
and splits text at blank lines, so a plain text client shows an answer as several bubbles and
an empty one. The web chat page uses this collector, and `bot.rasa_main` puts it in place for the
REST channel too.
"""
from __future__ import annotations

from typing import Any, Dict, Text

from rasa.core.channels.channel import CollectingOutputChannel

from actions.replies import KEY  # the answer document's key in a message's custom data


class AnswerCollector(CollectingOutputChannel):
    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        if KEY in (message.get("custom") or {}):
            await self._persist_message({"recipient_id": recipient_id, "text": message.get("text"),
                                         "buttons": message.get("buttons") or [], "custom": message["custom"]})
        else:
            await super().send_response(recipient_id, message)
