""""Talk to a person": the contact, a summary the person can copy, and posting it to the team only once they agree."""
from __future__ import annotations

import json

import pytest

from actions.handoff import NO_CONTACT, _plain, _slack, contact_items
from knowledge.handoff import summary
from knowledge.rules import Profile
from tests.conftest import CONTACT, HANDOFF_CHANNEL
from tests.conversation import Conversation
from tests.standins import SLACK_TOKEN


def test_the_summary_says_the_role_the_answers_and_the_level_or_the_open_question(guide):
    nurse = Profile.of("school nurse", involvement="none")
    lines = summary(guide.kb, nurse, guide.decide(nurse))
    assert lines[0] == "Job role given: school nurse (read as School nurse)"
    assert any(line.startswith("Answer given: None of these") for line in lines) and lines[-1] == "Level given: Level 3 (health framework)"
    receptionist = Profile.of("receptionist at a GP surgery")
    open_question = guide.decide(receptionist)
    assert summary(guide.kb, receptionist, open_question)[-1] == f"Still open: {open_question.question.text}"
    assert summary(guide.kb, Profile(), None) == ["No job role given yet, so no level has been worked out."]
    long = summary(guide.kb, Profile("x" * 5000), guide.decide(Profile("x" * 5000)))[0]
    assert len(long) < 300 and "not a role the documents name" in long


def test_with_no_contact_configured_the_reply_says_so_plainly(monkeypatch):
    for name in CONTACT:
        monkeypatch.delenv(name, raising=False)
    assert [i["text"] for i in contact_items()] == [NO_CONTACT]
    assert not any(name in NO_CONTACT for name in CONTACT)  # the settings are for whoever runs it, not the person chatting
    monkeypatch.setenv("SEND_GUIDE_CONTACT_URL", "javascript:alert(1)")  # only a web address is linked
    monkeypatch.setenv("SEND_GUIDE_CONTACT_EMAIL", "send@example.org")
    assert [i.get("url") for i in contact_items()] == [None, "mailto:send@example.org"]


def _handoffs(slack_api, bot_framework) -> tuple:
    slack = [p for p in slack_api.posts("/api/chat.postMessage") if json.loads(p["body"]).get("channel") == HANDOFF_CHANNEL]
    return slack, bot_framework.service.posts(bot_framework.HANDOFF)


@pytest.mark.assistant
def test_a_person_is_offered_and_the_summary_posted_only_after_they_agree(assistant, slack_api, bot_framework):
    before = [len(posts) for posts in _handoffs(slack_api, bot_framework)]
    chat = Conversation(assistant)
    chat.say("I'm a school nurse")
    chat.press("None of these")
    text = chat.say("can I speak to a human")
    assert "You can contact the SEND training team." in text and "send.training@example.org" in text
    assert "Job role given: I'm a school nurse (read as School nurse)" in text and "Level given: Level 3 (health framework)" in text
    assert [len(posts) for posts in _handoffs(slack_api, bot_framework)] == before  # nothing is sent before they agree
    text = chat.press("Send this summary to the SEND training team")
    assert "Sent your summary to the SEND training team (Slack and Teams)" in text
    slack, teams = (posts[n:] for posts, n in zip(_handoffs(slack_api, bot_framework), before))
    [slack_post], [teams_post] = slack, teams
    assert slack_post["headers"]["Authorization"] == f"Bearer {SLACK_TOKEN}"
    for body in (json.loads(slack_post["body"])["text"], teams_post["body"].decode()):
        assert "Level given: Level 3 (health framework)" in body and chat.sender not in body


def test_typed_words_posted_to_a_channel_cannot_mention_everyone_or_make_a_link():
    assert _slack("<!channel> <https://evil.example|click> & more") == "&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; more"
    assert "[" not in _plain("[click](https://evil.example)") and "*" not in _plain("*loud*")


@pytest.mark.assistant
def test_a_person_is_offered_in_the_middle_of_a_form_which_then_carries_on(assistant):
    chat = Conversation(assistant)
    chat.say("I'm a deputy DHO")
    assert "When did you start in this post?" in chat.say("make my plan")
    text = chat.say("talk to a person")
    assert "You can contact the SEND training team." in text and "When did you start in this post?" in text
    assert "stopped making the plan" in chat.say("stop")
    assert "Part 1 of 6" in chat.say("check my skills")
    text = chat.say("/talk_to_person")  # as the "Talk to a person" button of an earlier reply sends it
    assert "You can contact the SEND training team." in text and "Part 1 of 6" in text


@pytest.mark.assistant
def test_the_summary_is_sent_once_per_conversation(assistant):
    chat = Conversation(assistant)
    chat.say("I'm a deputy DHO")
    chat.say("talk to a person")
    assert "Sent your summary" in chat.press("Send this summary to the SEND training team")
    assert "already sent" in chat.say('/talk_to_person{"confirm": "yes"}')


@pytest.mark.assistant
def test_two_misunderstandings_in_a_row_offer_a_person(assistant):
    chat = Conversation(assistant)
    chat.say("zxqv blorp")
    text = chat.say("wibble wobble flarn")
    assert "If you'd rather ask a person:" in text and "You can contact the SEND training team." in text
    assert "No job role given yet" in text and "Talk to a person" in [b["title"] for b in chat.buttons]


def test_an_answer_gets_the_contact_for_a_role_its_own_words_name_never_for_its_sources_titles(monkeypatch, guide, kb):
    from dataclasses import replace

    from actions import handoff, replies
    from knowledge.local import contacts
    from knowledge.local.contacts import LOCAL_CONTACT

    senco = contacts.read("contacts:\n  - for: SENCO\n    name: Riverside SENCO network\n    phone: 01234 567890\n", kb)
    monkeypatch.setattr(handoff, "guide", lambda: replace(guide, contacts=tuple(senco)))
    spec = next(d for d in kb.documents if "SENCOs" in d.title)  # its title names SENCOs
    cite = {"document": spec.file_name, "section": "Criterion 2", "quote": "Courses should be flexible.", "title": spec.title}

    def answer(line: str) -> dict:
        return replies.message(replies.reply("answer", [replies.section([replies.item(line, 0)], "Criterion 2:")], [cite]))

    plain = answer("Courses should be as flexible as possible.")
    assert spec.title in plain["text"] and handoff.with_contacts(plain) is plain
    named = handoff.with_contacts(answer("The SENCo must be a qualified teacher."))["text"]
    assert named.index("qualified teacher") < named.index(LOCAL_CONTACT) < named.index("SENCO: Riverside SENCO network")
    assert "Phone: 01234 567890" in named and "tel:" not in named  # a phone number is not a web page to open
