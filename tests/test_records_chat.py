""""Record my learning" with the real servers: the form, the plan counting it, the owner's downloads, and deletion."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
import requests

from tests.conversation import Conversation, links
from tests.test_slack import SlackUser
from tests.test_teams import TeamsUser

pytestmark = pytest.mark.assistant


def _record(chat: Conversation, length: str = "90 minutes Level 3") -> str:
    assert "Your reflection record, 1 of 6: Date?" in chat.say("record my learning")
    assert "Topic and learning activity" in chat.say("3 March 2026")
    assert "What did you learn" in chat.say("EHC needs assessment e-learning")
    text = chat.say("The statutory timescales, and who asks for advice")
    assert "How does this relate to the knowledge, skills" in text and "1. EHC needs assessment" in text
    assert "How will the learning affect your future practice?" in chat.say("1")
    assert "How long was it" in chat.say("I'll check the six-week deadline for advice")
    return chat.say(length)



def test_a_record_is_kept_counted_downloaded_and_deleted(assistant):
    chat = Conversation(assistant)
    chat.say("I'm a health visitor")
    chat.press("None of these")
    text = _record(chat)
    assert "Saved." in text and "3 March 2026: EHC needs assessment e-learning (90 minutes, Level 3)" in text
    found = links(chat.replies)
    [row] = list(csv.DictReader(io.StringIO(requests.get(found["csv"], timeout=30).text)))
    assert row["Date"] == "2026-03-03" and row["Minutes"] == "90" and row["Level"] == "Level 3"
    assert row["How will the learning affect your future practice?"] == "I'll check the six-week deadline for advice"
    assert row[next(k for k in row if k.startswith("How does this relate"))].startswith("EHC needs assessment and the process")
    page = requests.get(found["html"], timeout=30)
    assert page.status_code == 200 and "EHC needs assessment e-learning" in page.text
    assert chat.sender not in found["csv"]  # the link never carries the conversation's id
    changed = re.sub(r"key=(\w)", lambda m: "key=" + ("1" if m.group(1) == "0" else "0"), found["csv"])  # always a different key
    assert changed != found["csv"] and requests.get(changed, timeout=30).status_code == 404

    chat.press("Make my plan")
    chat.say("1 September 2025")
    assert "90 of 240 minutes done" in chat.say("none")  # the record counts towards the plan

    assert "Delete all 1 of your records?" in chat.say("delete my records")
    assert "Deleted 1 record" in chat.press("Yes, delete them")
    assert "You have no records yet." in chat.say("show my records")
    assert requests.get(found["csv"], timeout=30).status_code == 404


def test_a_bad_answer_is_asked_again_and_stop_keeps_nothing(assistant):
    chat = Conversation(assistant)
    chat.say("record my learning")
    text = chat.say("next Tuesday")
    assert text.startswith("Sorry") and "Date?" in text
    text = chat.say("31/12/2099")
    assert "cannot be after today" in text
    chat.say("3 March 2026")
    assert "stopped; nothing was recorded" in chat.say("stop")
    assert "You have no records yet." in chat.say("show my records")


# A deputy DHO's record of a forum, answered one message at a time; the length ("3 hours") comes last.
FORUM = ("record my learning", "2026-02-01", "Regional SEND forum", "Changes to the Code of Practice",
         "Regional and national changes in SEND guidance", "Brief my team")


def test_a_record_in_slack_gets_signed_links(assistant, slack_api):
    slack = SlackUser(assistant, slack_api)
    slack.say("deputy DHO")
    for answer in FORUM:
        slack.say(answer)
    reply = json.dumps(slack.say("3 hours"))
    assert "Regional SEND forum (180 minutes, Level 5)" in reply
    [url] = re.findall(r"<(http[^|>]+records\.csv\?[^|>]+)\|", reply)
    assert "Regional SEND forum" in requests.get(url.replace("&amp;", "&"), timeout=30).text
    typed = Conversation(assistant)  # the same id typed into the open REST channel reaches no Slack records
    typed.sender = slack.user
    assert "You have no records yet." in typed.say("show my records")


def test_a_record_in_teams_gets_its_links_and_stays_the_teams_users(assistant, bot_framework):
    teams = TeamsUser(assistant, bot_framework)
    teams.say("deputy DHO")
    for answer in FORUM:
        teams.say(answer)
    card = json.dumps(teams.say("3 hours"))
    assert "Regional SEND forum (180 minutes, Level 5)" in card
    [url] = re.findall(r'(http[^"\\]+records\.csv\?key=[0-9a-f]{64})', card)
    assert "Regional SEND forum" in requests.get(url, timeout=30).text
    typed = Conversation(assistant)  # the Teams user's id typed into the open REST channel reaches none of their records
    typed.sender = teams.user
    assert "You have no records yet." in typed.say("show my records")
