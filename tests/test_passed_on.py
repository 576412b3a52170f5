"""A question passed on from someone else ("a governor asked me if ..."): what is asked, without who asked it. The cases
are generated: every way of passing a question on below, before every question, gives that question back."""
from __future__ import annotations

import itertools

import pytest

from knowledge.passed_on import passed_on
from knowledge.reading import is_question

WHO_ASKED = ["a governor asked me", "my manager asked", "the head wants to know", "Our practice manager has asked me to find out",
             "HR told me to check", "a parent asked our family worker", "my supervisor was wondering", "the SENCO would like to know",
             "one of the TAs asked", "My deputy head asked us:", "I've been asked to find out", "the DHO needs to know"]
ASKED = ["what the four areas of need are", "who is accountable for a pupil's progress", "how long the SENCO award takes",
         "which level a porter needs", "when part 3 of the Children and Families Act became law", "where the e-learning is"]
WHETHER = ["every child with SEND needs an EHCP", "ofsted can inspect the SENCO courses", "the notional SEND budget is ring fenced"]


@pytest.mark.parametrize("who, before", itertools.product(WHO_ASKED, ["", "HR here - ", "school nurse here, "]))
def test_a_question_passed_on_is_asked_without_who_asked_it(who, before):
    for question in ASKED:
        passed = passed_on(f"{before}{who} {question}")
        assert passed is not None and passed.text == f"{before}{question}?", (who, question)
        assert is_question(f"{before}{who} {question}")
    for said in WHETHER:
        for joined in ("whether", "if"):
            passed = passed_on(f"{before}{who} {joined} {said}. Thanks")
            assert passed is not None and passed.text == f"{before}{said}? Thanks", (who, said)


@pytest.mark.parametrize("typed, asked", [
    ("my SENCO asked me to list the waves in the three-wave model", "list the waves in the three-wave model?"),
    ("the head asked me to summarise the competency areas for a staff meeting", "summarise the competency areas for a staff meeting?"),
    ("Our DHO has asked me to check the minimum hours for level 5, for the plan.", "what is the minimum hours for level 5, for the plan?"),
])
def test_a_request_passed_on_is_asked(typed, asked):
    passed = passed_on(typed)
    assert passed is not None and passed.text == asked and is_question(passed.text)


@pytest.mark.parametrize("typed", [
    "does the SENCO have to ask parents whether they agree to the plan?", "SENCOs should ask pupils what support they want",
    "the review asks whether governors have had training", "what does the framework ask whether staff can do",
    "who approves SENCO training providers? my deputy head asked", "I asked for level 3 training",
    "/ask_hours{\"level\": \"Level 2\"}", "my manager asked\nwhat\nlevel\nfor\nthese",
])
def test_a_question_about_asking_or_already_asked_passes_none_on(typed):
    assert passed_on(typed) is None



def test_what_is_said_before_who_asked_stays():
    """"... noticed LeDR in the outcomes and asked me what it stands for": "it" is LeDR, so the clause before stays."""
    passed = passed_on("My manager noticed LeDR in the level 3 learning outcomes and asked me what it stands for, can you tell me?")
    assert passed is not None and passed.text == "My manager noticed LeDR in the level 3 learning outcomes and what it stands for, can you tell me?"
