""""Make my plan" in the chat: REST, Slack and Teams with the real servers, the model and the plan links."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import requests
from icalendar import Calendar

from knowledge.guide import Guide
from knowledge.plan import describe, make_plan
from knowledge.plan.input import read_training
from knowledge.rules import Profile
from tests.conversation import Conversation, links
from tests.test_slack import SlackUser
from tests.test_teams import TeamsUser

pytestmark = pytest.mark.assistant


def _expected(assistant, role, started, training, **answers):
    """The plan knowledge/ gives for the same person today: what every channel must show."""
    guide = Guide.open(assistant.db_url)
    outcome = guide.decide(Profile.of(role, **answers))
    return make_plan(guide.kb, outcome.level, started, read_training(guide.kb.levels, training), dt.date.today(),
                     outcome.senco_award_required)



def test_a_nurse_makes_a_plan_and_downloads_it(assistant):
    chat = Conversation(assistant)
    chat.say("I'm a school nurse")
    chat.press("None of these")
    assert "Make my plan" in [b["title"] for b in chat.buttons]
    assert "When did you start in this post?" in chat.press("Make my plan")
    assert "What SEND training have you done since you started" in chat.say("I started on 29/02/2024")
    training = "90 minutes Level 3 on 10 March 2024; 1 hour level 2 on 2025-01-05"
    text = chat.say(training)
    plan = _expected(assistant, "school nurse", dt.date(2024, 2, 29), training, involvement="none")
    for milestone in plan.milestones:
        assert describe(milestone) in text
    assert "Not counted towards the period's minutes" in text and "60 minutes at Level 2 on 5 January 2025" in text
    assert "This guide's reading" in text and "Sources:" in text
    found = links(chat.replies)
    ics = requests.get(found["ics"], timeout=30)
    assert ics.status_code == 200 and ics.headers["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    assert sorted(e.decoded("dtstart") for e in events) == sorted(m.due for m in plan.milestones if m.state in ("to do", "upcoming"))
    page = requests.get(found["html"], timeout=30)
    assert page.status_code == 200 and "SEND training plan: Level 3" in page.text and "<q>" in page.text


def test_a_date_that_is_not_one_is_asked_again_and_stop_leaves_the_plan(assistant):
    chat = Conversation(assistant)
    chat.say("deputy DHO")
    chat.say("make my plan")
    text = chat.say("31/02/2025")
    assert "31/02/2025 is not a date in the calendar" in text and "When did you start in this post?" in text
    text = chat.say("how many hours is level 2?")  # a question is answered, and the plan's question asked again
    assert "Hours for Level 2" in text and "When did you start in this post?" in text
    assert "stopped making the plan" in chat.say("stop")
    assert "Hours for Level 3" in chat.say("how many hours is level 3?")


def test_unreadable_training_is_explained_and_none_gives_the_induction_date(assistant):
    chat = Conversation(assistant)
    chat.say("receptionist at a GP surgery")
    chat.say("I see kids at reception now and then")
    chat.say("make my plan")
    start = dt.date.today() - dt.timedelta(days=10)
    chat.say(start.strftime("%d/%m/%Y"))
    text = chat.say("some e-learning last spring")  # read as a question or as an answer: either way no plan, and asked again
    assert "Your SEND training plan" not in text and "What SEND training have you done" in text
    text = chat.say("about an hour of e-learning on 3 March")
    assert "I could not read" in text and "What SEND training have you done" in text
    text = chat.press("None yet")
    induction = _expected(assistant, "receptionist at a GP surgery", start, "none", involvement="contact").first("induction")
    assert describe(induction) in text and induction.state == "to do"


def test_plans_for_a_new_senco_and_none_for_a_teacher_or_before_a_level(assistant):
    assert "I need your training level" in Conversation(assistant).say("make my plan")
    teacher = Conversation(assistant)
    teacher.say("I'm a class teacher in a primary school")
    assert "You need Tier 2" in teacher.say("1")
    assert "Make my plan" not in [b["title"] for b in teacher.buttons]
    assert "no dates to plan" in teacher.say("make my plan")
    senco = Conversation(assistant)
    senco.say("I'm the SENCO at a primary school")
    senco.press("Twelve months or less, or never: I am newly appointed")
    senco.press("Make my plan")
    senco.say("1 September 2026")
    text = senco.say("none")
    assert "National Award in SEN Co-ordination: due by 31 August 2029" in text


def test_the_plan_is_offered_in_slack_and_teams_with_its_links(assistant, slack_api, bot_framework):
    slack = SlackUser(assistant, slack_api)
    slack.say("deputy DHO")
    slack.say("make my plan")
    slack.say("2025-09-01")
    reply = json.dumps(slack.say("12 hours level 5 on 2026-01-10"))
    assert "Three-year period 1 September 2025 to 31 August 2028: 720 of 720 minutes done; the minimum is met" in reply
    [ics] = re.findall(r"<(http[^|>]+plan\.ics\?[^|>]+)\|", reply)
    assert Calendar.from_ical(requests.get(ics, timeout=30).content).walk("VEVENT")
    teams = TeamsUser(assistant, bot_framework)
    teams.say("deputy DHO")
    teams.say("make my plan")
    teams.say("1 September 2025")
    card = json.dumps(teams.say("none"))
    assert "0 of 720 minutes done; 720 still needed by 31 August 2028" in card and "plan.html?" in card


def test_an_edited_plan_link_gets_a_plain_refusal(assistant):
    reply = requests.get(f"{assistant.url}/webhooks/webchat/plan.ics?level=level-9&started=2025-09-01", timeout=30)
    assert reply.status_code == 400 and "cannot be read" in reply.text and "Traceback" not in reply.text
