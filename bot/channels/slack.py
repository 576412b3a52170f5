"""Slack: Rasa's channel, configured from the environment, without duplicate replies, answers as blocks.

On when SLACK_TOKEN and SLACK_SIGNING_SECRET are set. SLACK_API_URL points the Web API client
elsewhere (tests use a local stand-in). Rasa's channel checks every request's signature and
five-minute timestamp; this one also drops Slack's retries of an event it has already taken,
in any replica (`bot/channels/deliveries.py`).
"""
from __future__ import annotations

import os
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot
from rasa.core.channels.slack import SlackInput as RasaSlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from actions.replies import KEY  # the answer document's key in a message's custom data
from bot.bounds import PAYLOAD_BYTES
from bot.channels.deliveries import Deliveries
from bot.channels.off import ChannelOff

SLACK_API = "https://slack.com/api/"
SECTION_LIMIT = 3000  # characters in one section block
MAX_BUTTONS = 25  # elements in one actions block


def _escape(text: Text) -> Text:
    """Slack's mrkdwn reads &, < and > as markup; everything else is shown as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _line(item: Dict[Text, Any]) -> Text:
    refs = "".join(f" [{r}]" for r in item["refs"])
    if item.get("url"):
        return f"<{item['url']}|{_escape(item['text'])}>{refs}"
    return _escape(item["text"]) + refs


def _sections(doc: Dict[Text, Any]) -> List[Text]:
    texts = []
    for s in doc["sections"]:
        lines = [f"*{_escape(s['title'])}*"] if s["title"] else []
        lines += [("• " if s["list"] else "") + _line(i) for i in s["items"]]
        lines += [_escape(s["more"])] if s["more"] else []
        text = ""
        for line in lines:  # split a long section between lines, within Slack's limit
            if text and len(text) + len(line) + 1 > SECTION_LIMIT:
                texts.append(text)
                text = ""
            text = f"{text}\n{line}" if text else line[:SECTION_LIMIT]
        texts.append(text)
    return texts


def blocks(doc: Dict[Text, Any], buttons: List[Dict[Text, Text]]) -> List[Dict[Text, Any]]:
    """The answer as Block Kit: a section per part, the sources as a context line, buttons as actions."""
    result: List[Dict[Text, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": t}} for t in _sections(doc)]
    if doc["sources"]:
        sources = "; ".join(f"[{s['n']}] {_escape(s['title'])}, “{_escape(s['section'])}”" for s in doc["sources"])
        result.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"Sources: {sources}"[:2000]}]})
    if buttons:
        result.append({"type": "actions", "elements": [
            {"type": "button", "action_id": f"choice-{n}", "text": {"type": "plain_text", "text": b["title"][:75]},
             "value": b["payload"][:2000]} for n, b in enumerate(buttons[:MAX_BUTTONS])]})
    return result


class SlackOutput(SlackBot):
    """Posts through a Web API client at a configurable address; answers go out as blocks."""

    def __init__(self, token: Text, api_url: Text, channel: Optional[Text], thread_id: Optional[Text]) -> None:
        super().__init__(token, channel, thread_id)
        self.client = AsyncWebClient(token, base_url=api_url)

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        doc = (message.get("custom") or {}).get(KEY)
        if doc is None:
            await super().send_response(recipient_id, message)
            return
        await self._post_message(channel=self.slack_channel or recipient_id, as_user=True,
                                 text=message.get("text") or "", blocks=blocks(doc, message.get("buttons") or []))


class SlackInput(RasaSlackInput):
    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        token, secret = os.environ.get("SLACK_TOKEN"), os.environ.get("SLACK_SIGNING_SECRET")
        if not (token and secret):
            return ChannelOff("slack", ["SLACK_TOKEN", "SLACK_SIGNING_SECRET"])
        settings = credentials or {}
        return cls(token, secret, os.environ.get("SLACK_API_URL") or SLACK_API, bool(settings.get("use_threads")),
                   settings.get("conversation_granularity", "sender"))

    def __init__(self, token: Text, secret: Text, api_url: Text, use_threads: bool = False,
                 conversation_granularity: Text = "sender") -> None:
        super().__init__(token, slack_signing_secret=secret, slack_retry_reason_header="x-slack-retry-reason",
                         slack_retry_number_header="x-slack-retry-num", use_threads=use_threads,
                         conversation_granularity=conversation_granularity)
        self.api_url = api_url
        self.errors_ignore_retry = ()  # retries are told apart by their event id instead, whatever the reason
        self.deliveries = Deliveries()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = super().blueprint(on_new_message)

        @hook.middleware("request")
        async def bounded(request: Request) -> Optional[HTTPResponse]:
            if len(request.body or b"") > PAYLOAD_BYTES:
                return response.json({"error": f"an event may be at most {PAYLOAD_BYTES // 1024} KB"},
                                     status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return None

        return hook

    def _first_delivery(self, request: Request) -> bool:
        """True the first time an event id arrives; Slack's retries of it are answered, not processed."""
        body = request.json if request.headers.get("content-type") == "application/json" else None
        event_id = body.get("event_id") if isinstance(body, dict) else None
        return not event_id or self.deliveries.first(str(event_id))

    async def process_message(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                              text: Text, sender_id: Optional[Text], metadata: Optional[Dict]) -> Any:
        if not self._first_delivery(request):
            return response.text("", status=HTTPStatus.OK, headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, sender_id, metadata)

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> OutputChannel:
        return SlackOutput(self.slack_token, self.api_url, channel or self.slack_channel, thread_id)
