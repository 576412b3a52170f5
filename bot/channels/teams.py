"""Microsoft Teams through the Bot Framework, at Rasa's usual /webhooks/botframework/webhook.

On when MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are set. Every activity's token is checked
in full (botframework_auth) before anything reaches a conversation, and replies go only to the
service address the token vouches for. BOTFRAMEWORK_OPENID_URL, BOTFRAMEWORK_TOKEN_URL and
BOTFRAMEWORK_ISSUER point at other services (tests use local stand-ins).
"""
from __future__ import annotations

import html
import logging
import os
import re
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.replies import KEY  # the answer document's key in a message's custom data
from bot.bounds import PAYLOAD_BYTES
from bot.channels import botframework_auth as auth
from bot.channels.off import ChannelOff

logger = logging.getLogger(__name__)

MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
LINE_BREAK = re.compile(r"<br\s*/?>|</p>|</div>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
CARD = "application/vnd.microsoft.card.adaptive"
MAX_ACTIONS = 6  # primary actions Teams shows on a card; the seventh and later go to an overflow menu or are not drawn


def _text_block(text: Text, **style: Any) -> Dict[Text, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def _line(item: Dict[Text, Any]) -> Text:
    refs = "".join(f" [{r}]" for r in item["refs"])
    return (f"[{item['text']}]({item['url']}) (opens in your browser)" if item.get("url") else item["text"]) + refs


def card(text: Text, doc: Optional[Dict[Text, Any]], buttons: List[Dict[Text, Text]]) -> Dict[Text, Any]:
    """An Adaptive Card: the answer's parts, its sources behind a toggle, and buttons that send their payload."""
    body: List[Dict[Text, Any]] = []
    for s in doc["sections"] if doc else [{"title": None, "items": [{"text": text, "refs": []}], "list": False, "more": None}]:
        if s["title"]:
            body.append(_text_block(s["title"], weight="Bolder"))
        lines = [("- " if s["list"] else "") + _line(i) for i in s["items"]] + ([s["more"]] if s["more"] else [])
        body.append(_text_block("\n".join(lines) if s["list"] else "\n\n".join(lines)))
    submits = [{"type": "Action.Submit", "title": b["title"], "data": {"payload": b["payload"]}} for b in buttons]
    toggle = [{"type": "Action.ToggleVisibility", "title": "Sources", "targetElements": ["sources"]}] if doc and doc["sources"] else []
    if len(toggle) + len(submits) > MAX_ACTIONS:  # Teams draws six primary actions at most: a longer choice goes in the body
        body += [{"type": "ActionSet", "actions": submits[n: n + MAX_ACTIONS]} for n in range(0, len(submits), MAX_ACTIONS)]
        submits = []
    if toggle:
        body.append({"type": "Container", "id": "sources", "isVisible": False, "items": [
            _text_block(f"[{c['n']}] {c['title']}, \"{c['section']}\" ({c['document']})", size="Small") for c in doc["sources"]]})
    actions = toggle + submits
    return {"contentType": CARD, "content": {"type": "AdaptiveCard", "version": "1.4", "body": body, "actions": actions,
                                             "$schema": "http://adaptivecards.io/schemas/adaptive-card.json"}}


def typed_text(activity: Dict[Text, Any]) -> Text:
    """What the person sent: a card button's payload (Teams sends those with empty text), else the text
    without @mentions, and with Teams' HTML line breaks as new lines (a pasted list stays a list)."""
    value = activity.get("value")
    if isinstance(value, dict) and isinstance(value.get("payload"), str):
        return value["payload"]
    text = LINE_BREAK.sub("\n", MENTION.sub("", str(activity.get("text") or "")))
    return html.unescape(TAG.sub("", text)).strip()


class TeamsOutput(OutputChannel):
    """Replies into the activity's conversation at the service address its token vouched for."""

    def __init__(self, token: auth.ReplyToken, activity: Dict[Text, Any]) -> None:
        self.token = token
        self.url = f"{activity['serviceUrl'].rstrip('/')}/v3/conversations/{activity['conversation']['id']}/activities"
        self.bot, self.user, self.reply_to = activity.get("recipient"), activity.get("from"), activity.get("id")

    @classmethod
    def name(cls) -> Text:
        return "botframework"

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        doc, buttons = (message.get("custom") or {}).get(KEY), message.get("buttons") or []
        activity: Dict[Text, Any] = {"type": "message", "from": self.bot, "recipient": self.user, "replyToId": self.reply_to}
        if doc or buttons:
            activity.update(text="", attachments=[card(message.get("text") or "", doc, buttons)])
        else:
            activity.update(text=message.get("text") or "", textFormat="plain")
        await self._post(activity)

    async def _post(self, activity: Dict[Text, Any]) -> None:
        headers = {"Authorization": f"Bearer {await self.token.get()}"}
        async with aiohttp.ClientSession(timeout=auth.TIMEOUT) as session:
            async with session.post(self.url, json=activity, headers=headers) as reply:
                if reply.status >= 300:
                    logger.error("Bot Framework refused a reply: HTTP %s", reply.status)


class TeamsInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "botframework"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        app_id, password = os.environ.get("MICROSOFT_APP_ID"), os.environ.get("MICROSOFT_APP_PASSWORD")
        if not (app_id and password):
            return ChannelOff("botframework", ["MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD"])
        return cls(auth.Settings(app_id, password, os.environ.get("BOTFRAMEWORK_OPENID_URL") or auth.OPENID_URL,
                                 os.environ.get("BOTFRAMEWORK_TOKEN_URL") or auth.TOKEN_URL,
                                 os.environ.get("BOTFRAMEWORK_ISSUER") or auth.ISSUER))

    def __init__(self, settings: auth.Settings) -> None:
        self.verifier = auth.TokenVerifier(settings)
        self.reply_token = auth.ReplyToken(settings)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = Blueprint("botframework_webhook", __name__)

        @hook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @hook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if len(request.body or b"") > PAYLOAD_BYTES:
                return response.json({"error": f"an activity may be at most {PAYLOAD_BYTES // 1024} KB"},
                                     status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            activity = request.json  # a body that is not JSON gets sanic's own 400
            if not isinstance(activity, dict) or not isinstance(activity.get("serviceUrl"), str):
                return response.json({"error": "expected a Bot Framework activity"}, status=HTTPStatus.BAD_REQUEST)
            try:
                await self.verifier.verify(request.headers.get("Authorization"), activity)
            except auth.Unauthorized as error:
                logger.warning("Bot Framework request refused: %s", error)
                return response.json({"error": "unauthorized"}, status=HTTPStatus.UNAUTHORIZED)
            except auth.KeysUnavailable as error:
                logger.error("%s", error)
                return response.json({"error": "cannot verify requests now"}, status=HTTPStatus.SERVICE_UNAVAILABLE)
            sender = (activity.get("from") or {}).get("id")
            if activity.get("type") != "message" or not isinstance(sender, str) or "id" not in (activity.get("conversation") or {}):
                return response.json({"status": "ignored"})
            await on_new_message(UserMessage(typed_text(activity), TeamsOutput(self.reply_token, activity), sender,
                                             input_channel=self.name()))
            return response.json({"status": "ok"})

        return hook
