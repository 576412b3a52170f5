"""A channel whose settings are missing: its webhook says so, and nothing reaches a conversation."""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Sequence, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)


class ChannelOff(InputChannel):
    """Stands in for a channel at its usual address while its environment variables are unset."""

    def __init__(self, channel: Text, variables: Sequence[Text]) -> None:
        self.channel = channel
        self.reason = f"the {channel} channel is off: set {' and '.join(variables)} to turn it on"
        logger.info(self.reason)

    def name(self) -> Text:  # type: ignore[override]
        return self.channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        off = Blueprint(f"{self.channel}_off", __name__)

        @off.route("/webhook", methods=["GET", "POST"])
        async def webhook(_: Request) -> HTTPResponse:
            return response.json({"error": self.reason}, status=404)

        return off
