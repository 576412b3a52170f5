"""A question passed on from someone else ("a governor asked me if ..."): what is asked, without who asked it. The cases
are generated: every way of passing a question on below, before every question, gives that question back."""
from __future__ import annotations

import itertools

import pytest

from knowledge.passed_on import passed_on
from knowledge.reading import is_question

WHO_ASKED = ["a governor asked me", "my manager asked", "the head wants to know", "Our practice manager has asked me to find out",
             "HR told me to check", "a parent asked our family worker", "my supervisor was wondering", "the SENCO would like to know",
             "one of the TAs asked", "My deputy head asked us:", "the DHO wants to know"]
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
    "school receptionist - parents ask me how to apply for an EHCP", "I'm a GP. Patients ask me what an EHCP is",
    "As a new SENCO I have been asked to find out what level I need", "Level 2 staff need to know what the graduated approach is",
    "Where do I signpost parents who ask whether their child can get an EHCP?", "Tell me what to say when a parent asks if it is on the register",
])
def test_a_question_about_asking_or_already_asked_passes_none_on(typed):
    assert passed_on(typed) is None



def test_what_is_said_before_who_asked_stays():
    """"... noticed LeDR in the outcomes and asked me what it stands for": "it" is LeDR, so the clause before stays."""
    passed = passed_on("My manager noticed LeDR in the level 3 learning outcomes and asked me what it stands for, can you tell me?")
    assert passed is not None and passed.text == "My manager noticed LeDR in the level 3 learning outcomes and what it stands for, can you tell me?"


@pytest.mark.parametrize("taking_back", ["{a} - sorry I mean {b}", "{a} - no sorry, {b}", "{a}, sorry, {b}", "{a} - i meant {b}"])
def test_a_level_taken_back_is_not_asked_about(taking_back):
    """"is tier 1 - no sorry, tier 2 - meant for all school staff?": asked of the level meant, for every pair of levels."""
    from knowledge.passed_on import as_meant

    names = [f"{kind} {n}" for kind in ("level", "tier", "Level", "L") for n in range(1, 6)]
    for a, b in itertools.product(names[:6], names[-4:]):
        typed = f"is {taking_back.format(a=a, b=b)} - hours?"
        meant = as_meant(typed)
        assert meant is not None and meant.text == f"is {b} - hours?", typed
        assert meant.span({"start": 3, "end": 3 + len(a)}) is None  # the level taken back is no entity of what is asked


@pytest.mark.parametrize("typed, meant", [
    ("is it level 4? sorry no, scrap that - which level is set for deputy DHOs?", "which level is set for deputy DHOs?"),
    ("what are the outcomes for level 2? actually ignore that, what are the hours for level 3?", "what are the hours for level 3?"),
])
def test_what_a_message_scraps_is_not_asked(typed, meant):
    from knowledge.passed_on import as_meant

    assert as_meant(typed).text == meant
    assert as_meant("what are the level 2 outcomes?") is None and as_meant("never mind") is None


def test_what_follows_a_scrapped_question_is_kept_whole_however_long():
    from knowledge.passed_on import as_meant

    rest = "which level is set for deputy DHOs? " + "we have a large team of nurses and therapists. " * 30
    assert as_meant(f"is it level 4? scrap that - {rest}").text == rest
