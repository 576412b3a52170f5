"""Questions passed on from someone else, and levels asked side by side, over REST with the served assistant. What is
expected comes from the knowledge base: who asked a question is not the asker's job, nor what the question is about."""
from __future__ import annotations

import re

import pytest

from bot.faults import CANNOT_LOOK_UP, SOMETHING_WENT_WRONG
from knowledge import lookup
from tests.conversation import reply_text

pytestmark = pytest.mark.assistant

PASSING_ON = ["a governor asked me what {q}", "my manager wants to know what {q}", "Our SENCO has asked me to find out what {q}"]


@pytest.mark.parametrize("passing_on", PASSING_ON)
def test_what_a_short_form_stands_for_passed_on_is_answered_not_taken_for_a_job(assistant, kb, passing_on):
    spelt = [g for g in kb.glossary if g.expansion and g.term.isupper() and len(g.term) >= 3][:3]
    assert spelt
    for entry in spelt:
        text = " ".join(reply_text(assistant.say(f"sf-{passing_on[:6]}-{entry.term}", passing_on.format(q=f"{entry.term} stands for"))).split())
        assert "taken your role" not in text and entry.expansion.casefold() in text.casefold(), (passing_on, entry.term)


def test_a_yes_no_question_passed_on_is_answered_from_the_documents(assistant, kb):
    inspected = [p.text for p in kb.passages if re.search(r"inspected by ofsted", p.text, re.IGNORECASE)]
    assert inspected
    text = " ".join(reply_text(assistant.say("ofsted", "a governor asked me if ofsted can inspect the SENCO courses")).split())
    assert "taken your role" not in text and "Governing boards" not in text
    assert any(" ".join(p.split())[:60] in text for p in inspected)


def test_a_level_passed_on_for_a_job_the_documents_do_not_name_gives_the_least_where_they_work(assistant, kb):
    """"... what level our hospital porters need. they have no contact with children at all": the least the health
    framework sets for everyone working there, and what would raise it; not the asker's own level questions."""
    least = lookup.least_for_everyone(kb, "health")[0]
    for typed in ("my manager asked me to find out what level of SEND training our hospital porters need. they have no contact "
                  "with children at all", "what level do hospital porters need? they have no contact with children at all"):
        text = " ".join(reply_text(assistant.say(f"porters-{len(typed)}", typed)).split())
        assert "taken your role" not in text and least["text"] in text, typed


def test_one_kind_of_answer_asked_of_two_levels_gives_each_ones(assistant, kb):
    two = kb.levels_of("health")[1:3]
    text = " ".join(reply_text(assistant.say("both", f"whats the difference in refresher time between {two[0].name} and {two[1].name} "
                                                      "over the three years?")).split())
    assert all(" ".join(lv.refresher.text.split()) in text for lv in two)


def test_a_level_question_with_no_job_and_no_runner_up_is_answered(assistant):
    text = reply_text(assistant.say("no-runner-up", "what level we should be at for send training, we assess and plan for under 5s who have SEND"))
    assert not text.startswith((CANNOT_LOOK_UP, SOMETHING_WENT_WRONG)) and "Level" in text


def test_a_quoted_phrase_holding_a_short_form_is_asked_whole(assistant, kb):
    """"what does the roles doc mean by the 'notional SEND budget'?": the phrase, not what SEND stands for."""
    called = [p.text for p in kb.passages if "called the notional SEND budget" in p.text]
    assert called
    text = " ".join(reply_text(assistant.say("quoted", "what does the roles doc mean by the 'notional SEND budget'?")).split())
    assert " ".join(called[0].split())[:60] in text and not text.startswith("In these documents")


def test_a_level_taken_back_is_not_the_one_answered(assistant, kb):
    tiers = kb.levels_of("schools")
    assert len(tiers) >= 3
    wrong, meant = tiers[1], tiers[2]
    text = " ".join(reply_text(assistant.say("taken-back", f"who is {wrong.name} - no sorry, {meant.name} - aimed at?")).split())
    assert " ".join(meant.cohort.text.split())[:50] in text and " ".join(wrong.cohort.text.split())[:50] not in text
