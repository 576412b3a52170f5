""""Check my skills" with the real servers: one statement at a time, kept as it goes, resumed, summed up and downloaded."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
import requests

from knowledge import skills
from knowledge.guide import Guide
from tests.conversation import Conversation, links
from tests.test_slack import SlackUser
from tests.test_teams import TeamsUser

pytestmark = pytest.mark.assistant


def _framework(assistant, senco: bool) -> skills.Framework:
    return skills.framework_for(Guide.open(assistant.db_url).kb, senco)


def test_a_senco_rates_every_minimum_outcome_and_gets_what_to_work_on_with_the_award(assistant):
    framework = _framework(assistant, senco=True)
    chat = Conversation(assistant)
    chat.say("I'm the SENCO at a primary school")
    chat.press("Twelve months or less, or never: I am newly appointed")
    text = chat.say("check my skills")
    first = framework.statements[0]
    assert "Minimum outcomes of the National Award in SEN Co-ordination: 25 statements" in text and first.text in text
    assert framework.purpose.text in text  # why these statements, in the documents' words
    assert "Part 1 of 3: Professional attributes" in text and "004_a8efcefc979b84e3.txt" in text
    assert [b["title"] for b in chat.buttons] == ["Confident", "Partly", "Not yet", "Skip this area", "Stop"]
    assert framework.statements[1].text in chat.press("Not yet")
    assert framework.statements[2].text in chat.say("partly")
    for _ in framework.statements[2:]:
        text = chat.press("Confident")
    assert "all 25 statements done" in text and "Professional attributes: 5 confident, 1 partly, 1 not yet" in text
    assert f"{first.text} (not yet)" in text and f"{framework.statements[1].text} (partly)" in text
    assert "National Award in SEN Co-ordination within three years of appointment" in text and "guide's reading" in text
    found = links(chat.replies)
    rows = list(csv.DictReader(io.StringIO(requests.get(found["csv"], timeout=30).text)))
    assert [r["Rating"] for r in rows[:3]] == ["not yet", "partly", "confident"] and len(rows) == 25
    page = requests.get(found["html"], timeout=30)
    assert page.status_code == 200 and "25 of 25 statements rated" in page.text and chat.sender not in found["html"]
    assert requests.get(found["html"].replace("senco-award", "east-sussex-x"), timeout=30).status_code == 404
    assert "all 25 statements done" in chat.say("check my skills")  # asked again when all is rated: the summary at once
    assert first.text in chat.press("Start the self-assessment again")  # starts afresh from the first statement


def test_the_assessment_is_left_and_resumed_and_areas_can_be_skipped(assistant):
    framework = _framework(assistant, senco=False)
    chat = Conversation(assistant)
    chat.say("I'm a health visitor")
    chat.press("None of these")
    text = chat.say("I'd like to assess my competencies")
    assert "East Sussex SEND Reforms Competency Framework: 83 statements in 6 parts" in text
    assert "Part 1 of 6: Family centred communication and engagement" in text
    chat.say("confident")
    text = chat.say("what does EHC mean?")  # a question in the middle is answered, then the statement asked again
    assert "Education, Health and Care" in text and framework.statements[1].text in text
    assert framework.statements[2].text in chat.say("a bit")
    text = chat.say("stop")
    assert "Your answers are kept: 2 of 83 statements done" in text
    assert "Family centred communication and engagement: 1 confident, 1 partly, 13 not rated" in text
    text = chat.say("check my skills")
    assert "Carrying on where you left off: 2 of 83 statements done." in text and framework.statements[2].text in text
    text = chat.say("it depends on the family")
    assert "Sorry, I need one of" in text and "Carrying on" not in text and framework.statements[2].text in text
    text = chat.press("Skip this area")
    assert "Part 2 of 6" in text and framework.areas[1].statements[0].text in text
    for _ in range(4):
        chat.press("Skip this area")
    text = chat.press("Not yet")
    assert "Part 6 of 6: Supervision (for frontline managers)" in text
    text = chat.press("Skip this area")
    assert "all 83 statements done" in text and "1 partly" in text
    assert framework.areas[5].statements[0].text in text and "Level 3" in text  # the training the framework gives for Level 3


def test_check_my_skills_in_slack_and_teams(assistant, slack_api, bot_framework):
    framework = _framework(assistant, senco=False)
    slack = SlackUser(assistant, slack_api)
    slack.say("deputy DHO")
    reply = slack.say("check my skills")
    assert framework.statements[0].text in json.dumps(reply)
    reply = slack.click(reply, "Partly")
    assert framework.statements[1].text in json.dumps(reply)
    reply = json.dumps(slack.say("stop"))
    assert "1 of 83 statements done" in reply
    [url] = re.findall(r"<(http[^|>]+skills\.html\?[^|>]+)\|", reply)
    assert framework.statements[0].text in requests.get(url.replace("&amp;", "&"), timeout=30).text
    teams = TeamsUser(assistant, bot_framework)
    teams.say("deputy DHO")
    assert framework.statements[0].text in json.dumps(teams.say("check my skills"))
    assert framework.statements[1].text in json.dumps(teams.say("not yet"))
    card = json.dumps(teams.say("stop"))
    assert "1 of 83 statements done" in card and "skills.csv?" in card


def test_a_rating_button_pressed_twice_rates_its_own_statement_once_and_not_the_next(assistant):
    framework = _framework(assistant, senco=False)
    chat = Conversation(assistant)
    chat.say("I'm a school nurse")
    chat.press("None of these")
    assert framework.statements[0].text in chat.say("check my skills")
    partly = next(b["payload"] for b in chat.buttons if b["title"] == "Partly")
    assert framework.statements[0].id in partly
    assert framework.statements[1].text in chat.say(partly)
    assert framework.statements[1].text in chat.say(partly)  # the double click: the second statement is still open
    chat.say("stop")
    again = chat.say("check my skills")
    assert f"1 of {len(framework.statements)} statements done" in again and framework.statements[1].text in again
