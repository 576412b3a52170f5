"""Whole conversations with the real Rasa server, action server and trained model, over REST."""
from __future__ import annotations

import pytest

from tests.conversation import Conversation

pytestmark = pytest.mark.assistant


def test_a_named_role_gets_its_level_at_once(assistant):
    chat = Conversation(assistant)
    assert "automated assistant" in chat.say("hello")
    text = chat.say("I'm a school nurse")
    assert "You need Level 3" in text
    assert "Induction:" in text and "Refresher:" in text and "4 hours" in text
    assert "Sources:" in text and "000_eebbad39d168c16b.txt" in text


def test_an_unknown_role_is_worked_out_through_the_questions(assistant):
    chat = Conversation(assistant)
    assert "designated role" in chat.say("receptionist at a GP surgery")
    assert {"Yes", "No"} <= {b["title"] for b in chat.buttons}
    assert "lead on the SEND agenda" in chat.press("No")
    assert "assessing, planning" in chat.say("no")
    assert "contact with children" in chat.say("no")
    assert "You need Level 2" in chat.say("only occasionally")


def test_a_tension_is_asked_about_with_its_reason(assistant):
    chat = Conversation(assistant)
    text = chat.say("i'm a phsyiotherapist")
    assert "assessing, planning" in text and "I ask because" in text
    assert "You need Level 3" in chat.say("yes")


def test_a_new_senco_gets_the_award(assistant):
    chat = Conversation(assistant)
    assert "Where do you work?" in chat.say("I've just been appointed SENCO")
    assert "newly appointed SENCO" in chat.press("A school")
    text = chat.press("Yes")
    assert "You need Tier 2" in text and "National Award in SEN Co-ordination" in text


@pytest.mark.parametrize("role, level", [("deputy DHO", "Level 5"), ("SEND champion", "Level 4")])
def test_senior_roles(assistant, role, level):
    assert f"You need {level}" in Conversation(assistant).say(f"I'm a {role}")


def test_where_the_documents_set_no_level_it_says_so(assistant):
    text = Conversation(assistant).say("I'm a school governor")
    assert "no training level" in text


def test_a_correction_gives_the_corrected_answer(assistant):
    chat = Conversation(assistant)
    chat.say("receptionist at a GP surgery")
    for answer in ("no", "no", "no"):
        chat.say(answer)
    assert "You need Level 2" in chat.say("every day")
    assert "confidential information" in chat.say("actually I don't work with children")
    assert "You need Level 1" in chat.say("no")


def test_start_again_forgets_the_answers(assistant):
    chat = Conversation(assistant)
    chat.say("I'm a school nurse")
    assert "start again" in chat.say("start again").lower()
    assert "assessing, planning" in chat.say("physiotherapist")


def test_a_question_in_the_middle_is_answered_and_the_questions_resume(assistant):
    chat = Conversation(assistant)
    chat.say("receptionist at a GP surgery")
    text = chat.say("what's an EHCP?")
    assert "Education, Health and Care Plan" in text
    assert "designated role" in text  # the same question again


@pytest.mark.parametrize("question, expected", [
    ("which staff need Level 3?", "School nurse"),
    ("how many refresher hours for Level 2?", "90 minutes"),
    ("when does the Level 1 induction have to be done?", "within six weeks"),
    ("does Level 4 include the lower levels?", "Level 1, Level 2, Level 3"),
    ("what does Tier 1 cover", "Intensive Interaction"),
    ("what are the responsibilities of governors", "Governing boards"),
    ("what is the SENCO National Award", "masters level"),
])
def test_questions_on_demand_are_answered_with_sources(assistant, question, expected):
    text = Conversation(assistant).say(question)
    assert expected in text and "Sources:" in text


def test_out_of_scope_says_what_it_can_do(assistant):
    chat = Conversation(assistant)
    assert "outside what I can help with" in chat.say("what's the weather like")
    assert chat.buttons


@pytest.mark.parametrize("steps, level", [
    (["receptionist at a GP surgery", "no", "no", "no", "no contact", "no"], "Level 1"),
    (["GP", "yes"], "Level 4"),
    (["I'm a teacher", "no", "no"], "Introductory"),
    (["I'm a teaching assistant", "no", "sometimes"], "Tier 1"),
    (["I'm a teacher", "yes"], "Tier 2"),
])
def test_every_level_and_tier_in_conversation(assistant, steps, level):
    chat = Conversation(assistant)
    for step in steps:
        chat.say(step)
    assert f"You need {level}" in chat.text


def test_more_shows_every_learning_outcome(assistant):
    chat = Conversation(assistant)
    assert 'Say "more" for all 20' in chat.say("I'm a health visitor")
    text = chat.say("more")
    assert "To know how to advise other agencies about the health management of individual children" in text


def test_a_pasted_list_of_job_titles_gets_each_ones_level_or_open_question(assistant):
    chat = Conversation(assistant)
    text = chat.say("School nurse\nPorter\n3. Deputy DHO")
    assert "3 job titles" in text and "School nurse: Level 3" in text and "Deputy DHO: Level 5" in text
    assert "Porter: question open: Where do you work?" in text and "Sources:" in text
    assert "You need Level 3" in chat.say("I'm a school nurse")  # the conversation carries on as usual


def test_asking_to_check_a_list_without_one_says_how(assistant):
    assert "one per line" in Conversation(assistant).say("can you check a list of job titles")


def test_two_levels_are_compared_by_what_the_higher_adds(assistant):
    text = Conversation(assistant).say("what does someone moving from Level 2 to Level 3 need to do?")
    assert "From Level 2 to Level 3, what is added:" in text and "Level 3 refresher" in text and "Sources:" in text
