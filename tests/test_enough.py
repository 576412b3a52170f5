"""Whether a level someone names is enough for a role: every role the documents place, asked against every level of its
framework, is answered from the levels' ranks and the role's own level, worked out by the rules (knowledge.enough). Over
REST, the answer opens with that verdict."""
from __future__ import annotations

import re

import pytest

from knowledge.enough import ABOVE, BELOW, LEAST, MEETS, against
from knowledge.rules import Determination, NextQuestion, Profile
from tests.conversation import reply_text


def _placed(guide, role):
    outcome = guide.decide(Profile(role.name))
    level = outcome.level if isinstance(outcome, Determination) else outcome.floor if isinstance(outcome, NextQuestion) else None
    return outcome, level


def test_every_placed_role_against_every_level_of_its_framework_follows_the_ranks(kb, guide):
    checked = 0
    for role in (r for r in kb.roles if r.level and not r.tension):
        outcome, placed = _placed(guide, role)
        if placed is None:
            continue
        for asked in kb.levels:
            verdict = against(asked, outcome)
            if asked.framework != placed.framework:
                assert verdict is None
                continue
            stands = BELOW if asked.rank < placed.rank else MEETS if asked.rank == placed.rank else ABOVE
            assert verdict == (stands + (LEAST if isinstance(outcome, NextQuestion) else ""), placed), (role.name, asked.name)
            checked += 1
    assert checked >= 20


def test_a_role_the_documents_set_no_level_for_gets_no_verdict(kb, guide):
    none_set = [o for o in (guide.decide(Profile(r.name)) for r in kb.roles) if isinstance(o, Determination) and o.level is None]
    assert none_set and all(against(kb.levels[0], o) is None for o in none_set)


@pytest.mark.assistant
def test_a_level_asked_against_a_named_role_is_answered_yes_or_no_first(assistant, kb, guide):
    role = next(r for r in kb.roles if r.level and not r.tension and kb.level(r.level).framework == "health"
                and _placed(guide, r)[1] and _placed(guide, r)[1].rank >= 3 and r.name.isascii())
    placed = _placed(guide, role)[1]
    lower = next(lv for lv in kb.levels if lv.framework == placed.framework and lv.rank == placed.rank - 1)
    text = reply_text(assistant.say("enough-below", f"{role.name}, is {lower.name} enough?"))
    assert text.startswith("No:") and placed.name in text.split("\n")[0]
    text = reply_text(assistant.say("enough-same", f"is {placed.name} enough for a {role.name}"))
    assert not text.startswith("No:") and placed.name in text.split("\n")[0]
    text = reply_text(assistant.say("enough-claim", f"my manager says a {role.name} only needs {lower.name} - true?"))  # a claim
    assert text.startswith("No:") and placed.name in text.split("\n")[0]


@pytest.mark.parametrize("claim", ["{role}, {level} only i guess?", "my manager says our {role} only needs {level} - true?",
                                   "I was told {level} is the top a {role} would need?", "{role} here. {level} is the minimum so that's all I need, yes?",
                                   "{role}: is {level} enough?"])
def test_a_level_offered_to_be_checked_is_read_as_asked_against_the_role(kb, claim):
    from knowledge.enough import ENOUGH

    numbered = [lv for lv in kb.levels if re.fullmatch(r"(?:Level|Tier) \d", lv.name)]  # (as ENOUGH reads them: by number)
    assert len(numbered) >= 5
    for level in numbered:
        assert ENOUGH.search(claim.format(role="ward clerk", level=level.name)), (claim, level.name)
    assert not ENOUGH.search(f"what does {kb.levels[0].name} cover for a ward clerk?")


def test_a_role_placed_in_one_workplace_asked_of_with_none_said_is_answered_for_that_workplace(kb, guide):
    """"our admin who manages SEND correspondence only needs level 1?": the documents place the role in health services,
    so the answer is the one there, said to hold there."""
    asked = [r for r in kb.roles if r.level and not r.tension and isinstance(o := guide.decide(Profile(r.name)), NextQuestion)
             and o.question.asks == "sector" and len({x.home for x in o.role.roles if x.level}) == 1]
    assert asked
    for role in asked:
        where, outcome = guide.where_placed(Profile(role.name))
        level = outcome.level if isinstance(outcome, Determination) else outcome.floor  # (or a question there first)
        assert where == role.home and (level is None and outcome.question.asks != "sector" or level.rank >= kb.level(role.level).rank), role.name
    assert guide.where_placed(Profile(asked[0].name, {"sector": asked[0].home})) is None  # a workplace said: nothing to suppose


@pytest.mark.parametrize("claim", ["outpatients receptionist - very occasional contact, so just {level} for me?", "deputy DHO - surely {level} covers me?",
                                   "payroll officer, no contact with children. do i need {level} too?", "I'm the ICB lead, is {level} the right one for me?",
                                   "ward clerk, am I a {level}?", "community nurse. I think I need {level} - is that right?",
                                   "teacher, HR put me down for {level}, is that right?", "cook - my manager said I should do {level}", "paediatric pharmacist. I assumed {level} - correct?",
                                   "ward clerk on the children's ward, my manager wants me to do {level}. Is that the right level?",
                                   "HR have told me {level} will do. I'm a phlebotomist. Are they right?", "SENCo at a primary - would {level} cover me?",
                                   "receptionist, my manager reckons I only need {level}",
                                   "Ambulance technician. Trust says everyone does {level} - is that all I need?",
                                   "HLTA in a special school, I cover classes every day. Is {level} enough?",
                                   "service manager. I did {level} years ago when I was a clinician - is that still enough?",
                                   "paediatric dietitian. AHPs are {level} aren't they, so that's me?", "I've just trained as an ELSA. {level} is it?",
                                   "I'm the safeguarding lead. Is {level} what I need?", "ICB lead. I assume I need the top level, {level}?",
                                   "TA for three years. I've been put down for {level} only.", "School business manager. I run finance. {level}?",
                                   "HR told me {level}. I'm a hospital chaplain and I visit the children's ward. Have they got it right?",
                                   "I teach the bottom set every day. My head of dept says {level} is enough as I'm not SEN staff. Is she right?",
                                   "I'm the DSL. Someone said I'm {level} because DSL is a lead role. Right?",
                                   "I manage the service. I was told I'm {level} like my nurses - is that right?",
                                   "GP partner and practice safeguarding lead. Does being safeguarding lead bump me up to {level}?",
                                   "gp partner with the clinical leadership role for send - am i still {level} or higher?"])
def test_the_writer_s_own_level_offered_beside_their_job_is_read_as_a_level_to_check(kb, claim):
    from knowledge.enough import own_check

    numbered = [lv for lv in kb.levels if re.fullmatch(r"(?:Level|Tier) \d", lv.name)]
    for level in numbered:
        assert own_check(claim.format(level=level.name)), (claim, level.name)


@pytest.mark.parametrize("text", ["I'm level 3 trained, what refresher do I need?", "is level 2 right for my team?", "what level do i need?",
                                  "practice nurse - if im at level 3 do i still need to have done levels 1 and 2 as well?",
                                  "I need level 3 hours info for my team", "what does the introductory tier cover?",
                                  "I'm a service lead at level 4 - do I still need the level 1-3 competencies as well?",
                                  "SENCO - what does level 4 cover for me?", "health visitor, I need level 3 training, where can I get it?",
                                  "practice nurse - do I need level 1 before I can do level 2?", "SENCO - do I need level 2 training for our TAs?",
                                  "nurse - if I moved to a SENCO post would I need level 4?", "can you book level 2 for me?",
                                  "midwife here, my manager has put me down for level 2 SEND. how much refresher training do i need?",
                                  "I am HR. Is level 2 enough for a receptionist?", "my TA works with kids daily. would tier 1 be enough?",
                                  "Tier 1?", "what does it cover. Tier 1?", "when I was a nurse I did level 2, what level now?",
                                  "HR told me my TA needs level 2, is that right?", "My TA was told tier 1 - is that correct?",
                                  "I was told level 2. How many hours is that, right?",
                                  "I'm a midday supervisor and I've been put on Tier 1. What will the training cover?",
                                  "I told them level 1. Is that right?", "I think it's level 2 for all our HCAs, is that right?",
                                  "I said level 3 to my student nurses, was that right?", "I was told level 4 is only for designated officers. Is that right?",
                                  "I was told tier 1 expires after 3 years. Is that true?", "I heard the framework says level 3 is for leads. Is that accurate?",
                                  "am i still on level 2 training next week?", "am i on level 3 refresher this year?"])  # a booking, not a level
def test_a_level_the_writer_has_or_asks_about_for_others_is_no_level_offered_to_check(text):
    from knowledge.enough import own_check

    assert not own_check(text)


@pytest.mark.assistant
def test_a_level_offered_for_oneself_beside_a_job_is_answered_yes_or_no_first(assistant, kb, guide):
    """"deputy DHO - surely level 4 covers me?": the answer to the person's own level opens with how the level they offered
    stands beside it; where a question is still open, beside the least the documents set."""
    settled = next(r for r in kb.roles if r.level and not r.tension and kb.level(r.level).framework == "health" and r.name.isascii()
                   and isinstance(_placed(guide, r)[0], Determination) and _placed(guide, r)[1].rank >= 2)
    placed = _placed(guide, settled)[1]
    lower = next(lv for lv in kb.levels if lv.framework == placed.framework and lv.rank == placed.rank - 1)
    first = reply_text(assistant.say("own-settled", f"{settled.name} - surely {lower.name} covers me?")).split("\n")[0]
    assert first.startswith("No:") and placed.name in first and "you" in first
    floored = next(r for r in kb.roles if r.level and not r.tension and kb.level(r.level).framework == "health" and r.name.isascii()
                   and isinstance(_placed(guide, r)[0], NextQuestion) and _placed(guide, r)[0].question.asks == "involvement"
                   and _placed(guide, r)[1].rank >= 2)
    floor = _placed(guide, floored)[1]
    below = next(lv for lv in kb.levels if lv.framework == floor.framework and lv.rank == floor.rank - 1)
    first = reply_text(assistant.say("own-floored", f"I'm the {floored.name}, is {below.name} the right one for me?")).split("\n")[0]
    assert first.startswith("No:") and "least" in first and floor.name in first
