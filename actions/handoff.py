""""Talk to a person": the organisation's contact, and a summary of the conversation the person can copy; and the
organisation's contacts for the roles an answer names (the Designated Health Officer, the SENCO), after its text.

The contact is the organisation's "talk to a person" one (`send-guide documents contacts`), else the one
SEND_GUIDE_CONTACT_NAME, SEND_GUIDE_CONTACT_EMAIL and SEND_GUIDE_CONTACT_URL give; with none the reply says so plainly. Where SEND_GUIDE_HANDOFF_SLACK_CHANNEL (posted with the
Slack bot's SLACK_TOKEN) or SEND_GUIDE_HANDOFF_TEAMS_WEBHOOK is set, the summary is posted to the
team's channel, only after the person presses the button that agrees to it. The summary
(`knowledge.handoff`) carries no sender id; nothing of it is logged.
"""
from __future__ import annotations

import logging
import os
import re
from typing import Any, Dict, List, Optional, Text
from urllib.parse import quote

import requests
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import replies
from actions.knowledge_base import guide, profile
from knowledge.handoff import summary
from knowledge.local import contacts

logger = logging.getLogger(__name__)

SLACK_API = "https://slack.com/api/"
# (Its settings are named for whoever runs the assistant in docs/ and on the owners' page, never to the person chatting.)
NO_CONTACT = ("No contact is set up for this assistant, so I can't point you to a person here. Your manager or your "
              "organisation's training team can help.")
AGREE = '/talk_to_person{"confirm": "yes"}'
SENT = "Sent your summary to"


def _local() -> Optional[contacts.Contact]:
    return contacts.for_person(guide().contacts)


def contact(local: Optional[contacts.Contact] = None) -> Dict[Text, Text]:
    """The organisation's "talk to a person" contact when it has one, else the one the environment sets."""
    if local is not None:
        return {k: v for k, v in (("name", local.name), ("email", local.email), ("phone", local.phone), ("url", local.url)) if v}
    keys = {"name": "SEND_GUIDE_CONTACT_NAME", "email": "SEND_GUIDE_CONTACT_EMAIL", "url": "SEND_GUIDE_CONTACT_URL"}
    return {k: os.environ[v].strip() for k, v in keys.items() if os.environ.get(v, "").strip()}


def _reach(found: Dict[Text, Text]) -> List[replies.Item]:
    items = []
    if found.get("email"):
        items.append(replies.item(f"Email: {found['email']}", url=f"mailto:{quote(found['email'], safe='@.+-_')}"))
    if found.get("phone"):
        items.append(replies.item(f"Phone: {found['phone']}", url="tel:" + "".join(c for c in found["phone"] if c in "+0123456789")))
    if found.get("url", "").startswith(("https://", "http://")):
        items.append(replies.item("Contact page", url=found["url"]))
    return items


def contact_items(local: Optional[contacts.Contact] = None) -> List[replies.Item]:
    """The configured contact as reply lines, or the plain statement that there is none."""
    found = contact(local)
    if not found:
        return [replies.item(NO_CONTACT)]
    return [replies.item(f"You can contact {found.get('name', 'the team that runs this assistant')}."), *_reach(found)]


def with_contacts(message: replies.Message) -> replies.Message:
    """An answer, then the organisation's contact for each role its text names, its own text kept as it is."""
    doc = (message.get("json_message") or {}).get(replies.KEY)
    if not doc or not guide().contacts:
        return message
    said = "\n".join([s["title"] or "" for s in doc["sections"]] + [i["text"] for s in doc["sections"] for i in s["items"]])
    named = contacts.naming(guide().contacts, said)  # what the answer says, not the titles of the documents it cites
    if not named:
        return message
    items = [item for c in named for item in (replies.item(f"{c.role}: {c.name}"),
                                              *_reach({"email": c.email, "phone": c.phone, "url": c.url}))]
    return replies.joined(message, replies.message(replies.reply("contacts", [
        replies.section(items, contacts.LOCAL_CONTACT, listed=False)], [])))


def _destinations() -> List[Text]:
    return [name for name, on in (("Slack", os.environ.get("SEND_GUIDE_HANDOFF_SLACK_CHANNEL") and os.environ.get("SLACK_TOKEN")),
                                  ("Teams", os.environ.get("SEND_GUIDE_HANDOFF_TEAMS_WEBHOOK"))) if on]


def handoff(tracker: Tracker, why: Optional[Text] = None) -> replies.Message:
    lines = summary(guide().kb, profile(tracker), _outcome(tracker))
    local = _local()
    team = contact(local).get("name", "the team that runs this assistant")
    sections = [replies.section([replies.item(why)] if why else [], listed=False),
                replies.section(contact_items(local), listed=False),
                replies.section([replies.item(line) for line in lines], "A summary of our conversation you can copy:")]
    buttons = [{"title": f"Send this summary to {team}", "payload": AGREE}] if _destinations() else []
    return replies.message(replies.reply("handoff", sections, []), buttons)


def _outcome(tracker: Tracker) -> Any:
    return guide().decide(profile(tracker)) if profile(tracker).role else None


def _slack(text: Text) -> Text:
    """Slack's own escaping, so typed words cannot mention <!channel> or make a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain(text: Text) -> Text:
    """Without the characters Teams' card markdown reads as links or emphasis."""
    return re.sub(r"[\[\]*_~`#>|]", " ", text)


def _sent_before(tracker: Tracker) -> bool:
    return any(e.get("event") == "bot" and (e.get("text") or "").startswith(SENT) for e in tracker.events)


def _post(text: Text) -> List[Text]:
    """Posts the summary to each configured channel; the names of those it reached."""
    sent = []
    channel, token, hook = (os.environ.get(k) for k in ("SEND_GUIDE_HANDOFF_SLACK_CHANNEL", "SLACK_TOKEN", "SEND_GUIDE_HANDOFF_TEAMS_WEBHOOK"))
    if channel and token:
        try:
            url = (os.environ.get("SLACK_API_URL") or SLACK_API).rstrip("/") + "/chat.postMessage"
            reply = requests.post(url, json={"channel": channel, "text": _slack(text)}, headers={"Authorization": f"Bearer {token}"},
                                  timeout=10)
            if reply.ok and reply.json().get("ok"):
                sent.append("Slack")
        except (requests.RequestException, ValueError):
            logger.warning("The hand-off could not be posted to Slack.")
    if hook:
        card = {"type": "AdaptiveCard", "version": "1.4", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                "body": [{"type": "TextBlock", "text": _plain(line), "wrap": True} for line in text.split("\n")]}
        try:
            reply = requests.post(hook, json={"type": "message", "attachments": [
                {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}]}, timeout=10)
            if reply.ok:
                sent.append("Teams")
        except requests.RequestException:
            logger.warning("The hand-off could not be posted to Teams.")
    return sent


class TalkToPerson(Action):
    def name(self) -> Text:
        return "action_talk_to_person"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        if next(tracker.get_latest_entity_values("confirm"), None) != "yes":
            dispatcher.utter_message(**handoff(tracker))
            return []
        if not _destinations():
            dispatcher.utter_message(text="Sending a summary is not set up here; please copy it to the contact instead.")
            return []
        if _sent_before(tracker):  # once per conversation: the button cannot be pressed into a flood of posts
            dispatcher.utter_message(text="Your summary was already sent from this conversation; please contact them directly.")
            return []
        lines = summary(guide().kb, profile(tracker), _outcome(tracker))
        sent = _post("Someone using SEND Training Guide asked to talk to a person.\n" + "\n".join(lines))
        if sent:
            dispatcher.utter_message(text=f"{SENT} {contact(_local()).get('name', 'the team')} ({' and '.join(sent)}). "
                                          "Nothing else from this conversation was sent, and it does not say who you are: "
                                          "please contact them too, so they can reply to you.")
        else:
            dispatcher.utter_message(text="Sorry, I couldn't send it just now. Please copy the summary to the contact instead.")
        return []
