"""Microsoft Teams: activities with tokens signed by a local key pair, replies to a local conversation service."""
from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any, Dict, List

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.bounds import PAYLOAD_BYTES
from bot.channels.botframework_auth import KeysUnavailable
from bot.channels.off import ChannelOff
from bot.channels.teams import TeamsInput, card, typed_text
from tests.conversation import stored_events

ACTIVITIES = "/v3/conversations/"


class TeamsUser:
    def __init__(self, assistant, bot_framework) -> None:
        self.url = f"{assistant.url}/webhooks/botframework/webhook"
        self.services, self.user = bot_framework, f"teams-{uuid.uuid4().hex[:8]}"

    def replies(self) -> List[Dict[str, Any]]:
        posted = [json.loads(p["body"]) for p in self.services.service.posts(ACTIVITIES)]
        return [a for a in posted if (a.get("recipient") or {}).get("id") == self.user]

    def send(self, token: str = "", **activity: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return requests.post(self.url, json=self.services.activity(user=self.user, **activity), headers=headers, timeout=60)

    def say(self, message: str = "", **activity: Any) -> Dict[str, Any]:
        before = len(self.replies())
        assert self.send(self.services.token(), text=message, **activity).status_code == 200
        deadline = time.monotonic() + 60
        while len(self.replies()) <= before and time.monotonic() < deadline:
            time.sleep(0.2)
        return self.replies()[-1]


def _card_text(activity: Dict[str, Any]) -> str:
    return json.dumps(activity.get("attachments") or activity.get("text"))


@pytest.mark.assistant
def test_a_verified_message_gets_a_card_with_sources_posted_with_the_bots_token(assistant, bot_framework):
    reply = TeamsUser(assistant, bot_framework).say("I'm a deputy DHO")
    [attachment] = reply["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    content = attachment["content"]
    assert "You need Level 5" in content["body"][0]["text"]
    assert {"type": "Action.ToggleVisibility", "title": "Sources", "targetElements": ["sources"]} in content["actions"]
    [posted] = [p for p in bot_framework.service.posts(ACTIVITIES) if json.loads(p["body"]) == reply]
    assert posted["headers"]["Authorization"] == f"Bearer {bot_framework.REPLY_TOKEN}"


@pytest.mark.assistant
def test_a_button_click_with_empty_text_continues_the_conversation(assistant, bot_framework):
    person = TeamsUser(assistant, bot_framework)
    question = person.say("receptionist at a GP surgery")
    [none] = [a for a in question["attachments"][0]["content"]["actions"] if a.get("title") == "None of these"]
    assert "You need Level 1" in _card_text(person.say("", value=none["data"]))


@pytest.mark.assistant
@pytest.mark.parametrize("case", ["no token", "wrong signature", "wrong audience", "wrong issuer", "expired",
                                  "other service address", "not a JWT"])
def test_an_activity_without_a_valid_token_is_refused_and_reaches_no_conversation(assistant, bot_framework, case):
    services = bot_framework
    tokens = {
        "no token": "",
        "wrong signature": services.token(key=rsa.generate_private_key(public_exponent=65537, key_size=2048)),
        "wrong audience": services.token(aud="someone-else"),
        "wrong issuer": services.token(iss="https://login.example.org"),
        "expired": services.token(exp=int(time.time()) - 600, nbf=int(time.time()) - 1200),
        "other service address": services.token(serviceUrl="https://evil.example.org/"),
        "not a JWT": "abc.def",
    }
    person = TeamsUser(assistant, services)
    assert person.send(tokens[case], text="I'm a deputy DHO").status_code == 401
    time.sleep(1)
    assert person.replies() == []
    assert stored_events(assistant, person.user) == 0


@pytest.mark.assistant
def test_a_broken_activity_gets_a_clear_400(assistant, bot_framework):
    url = f"{assistant.url}/webhooks/botframework/webhook"
    assert requests.post(url, data="{not json", headers={"Content-Type": "application/json"}, timeout=30).status_code == 400
    assert requests.post(url, json={"type": "message"}, timeout=30).status_code == 400


def test_mentions_are_dropped_and_card_payloads_win_over_text():
    assert typed_text({"text": "<at>SEND Guide</at> I'm a school nurse"}) == "I'm a school nurse"
    assert typed_text({"text": "", "value": {"payload": "/affirm"}}) == "/affirm"
    assert typed_text({"text": None}) == ""
    assert typed_text({"text": "<p>School nurse</p><p>Porter &amp; driver<br/>Teacher</p>"}) == "School nurse\nPorter & driver\nTeacher"


def test_a_card_keeps_sources_behind_a_toggle_and_buttons_as_submits():
    doc = {"kind": "answer", "sources": [{"n": 1, "title": "T", "section": "S", "document": "d.txt", "quotes": []}],
           "sections": [{"title": None, "list": False, "more": None, "items": [{"text": "You need Level 2.", "refs": [1]}]}]}
    content = card("You need Level 2.", doc, [{"title": "Yes", "payload": "/affirm"}])["content"]
    assert content["body"][0]["text"] == "You need Level 2. [1]"
    assert content["body"][1] == {"type": "Container", "id": "sources", "isVisible": False,
                                  "items": [{"type": "TextBlock", "text": '[1] T, "S" (d.txt)', "wrap": True, "size": "Small"}]}
    assert content["actions"][1] == {"type": "Action.Submit", "title": "Yes", "data": {"payload": "/affirm"}}


def test_the_channel_starts_offline_and_fetches_keys_only_when_a_request_comes(monkeypatch):
    """Nothing listens on port 9: construction must not touch the network, and a check must fail fast."""
    monkeypatch.setenv("MICROSOFT_APP_ID", "app")
    monkeypatch.setenv("MICROSOFT_APP_PASSWORD", "secret")
    monkeypatch.setenv("BOTFRAMEWORK_OPENID_URL", "http://127.0.0.1:9/openid")
    channel = TeamsInput.from_credentials(None)
    assert isinstance(channel, TeamsInput)
    token = jwt.encode({"aud": "app"}, rsa.generate_private_key(public_exponent=65537, key_size=2048), algorithm="RS256",
                       headers={"kid": "k"})
    started = time.monotonic()
    with pytest.raises(KeysUnavailable):
        asyncio.run(channel.verifier.verify(f"Bearer {token}", {"serviceUrl": "http://127.0.0.1:9/"}))
    assert time.monotonic() - started < 15


def test_without_its_settings_the_channel_is_off(monkeypatch):
    monkeypatch.delenv("MICROSOFT_APP_ID", raising=False)
    monkeypatch.delenv("MICROSOFT_APP_PASSWORD", raising=False)
    assert isinstance(TeamsInput.from_credentials(None), ChannelOff)


@pytest.mark.assistant
def test_a_list_pasted_in_teams_is_checked_title_by_title(assistant, bot_framework):
    reply = TeamsUser(assistant, bot_framework).say("<p>School nurse</p><p>Porter</p>")
    assert "2 job titles" in _card_text(reply) and "School nurse: question open" in _card_text(reply)


@pytest.mark.assistant
def test_an_over_long_message_is_told_the_bound_and_an_oversized_activity_is_refused(assistant, bot_framework):
    user = TeamsUser(assistant, bot_framework)
    assert "at most 4,000 characters" in _card_text(user.say("help " * 2000))
    refused = user.send(text="x" * (PAYLOAD_BYTES + 1))
    assert refused.status_code == 413 and "at most 256 KB" in refused.json()["error"]
    assert "Level 5" in _card_text(user.say("I'm a deputy DHO"))


def _conversation_cards(guide) -> List[Dict[str, Any]]:
    """Every card a conversation about a level can send: each question the rules ask of each catalogue role and
    of a job they do not know, down every path of answers, each answer, and the level picker."""
    from actions import replies
    from knowledge.answers import to_dict
    from knowledge.rules import Determination, Profile

    messages, seen = [], set()
    todo = [Profile(r.name) for r in guide.kb.roles] + [Profile("orthotist")]
    while todo:
        profile = todo.pop()
        outcome = guide.decide(profile)
        data = to_dict(outcome)
        key = json.dumps(data, sort_keys=True, default=str)
        if key in seen:
            continue
        seen.add(key)
        if isinstance(outcome, Determination):
            messages.append({**replies.determination(data), "buttons": [{"title": "Make my plan", "payload": "/make_plan"}]})
        else:
            messages.append(replies.question(data))
            todo += [profile.chose(option) for option in outcome.options]
    levels = [{"title": lv.name, "payload": f'/ask_hours{{"level": "{lv.name}"}}'} for lv in guide.kb.levels]
    messages.append({"text": "Which level or tier do you mean?", "buttons": levels})
    return [card(m["text"], (m.get("json_message") or {}).get("send_guide"), m["buttons"])["content"] for m in messages]


def test_every_card_the_conversation_can_send_keeps_to_six_primary_actions_with_sources_one_toggle(guide):
    cards = _conversation_cards(guide)
    assert len(cards) > 50
    for content in cards:
        sets = [content["actions"]] + [e["actions"] for e in content["body"] if e["type"] == "ActionSet"]
        assert all(len(actions) <= 6 for actions in sets)
        toggles = [a for a in content["actions"] if a["type"] == "Action.ToggleVisibility"]
        assert len(toggles) <= 1 and not any(a["type"] == "Action.ToggleVisibility" for s in sets[1:] for a in s)
    senco = next(c for c in cards if any("Where are you the SENCO?" in (e.get("text") or "") for e in c["body"]))
    assert [a["title"] for a in senco["actions"]] == ["Sources"]
    assert sum(len(e["actions"]) for e in senco["body"] if e["type"] == "ActionSet") == len(guide.kb.question("sector", None, "senco").options)
