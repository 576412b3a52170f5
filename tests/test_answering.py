"""Typed answers to the level questions that must not pick an option: not knowing, a question back, a job the person is
not; and the words that do pick one ("with him all day", "nothing special for any kids"). Read by knowledge.reading."""
from __future__ import annotations

import pytest

from knowledge.reading import names_a_job, read_answer


@pytest.mark.parametrize("typed", ["no idea, does answering the phone count as contact?", "dunno really, what do you mean by specific interaction?",
                                   "not sure tbh", "i dont know", "idk", "does that count as contact?"])
@pytest.mark.parametrize("framework", ["health", "schools"])
def test_not_knowing_or_asking_back_picks_no_option(kb, guide, typed, framework):
    question = kb.question("involvement", framework)
    assert read_answer(question.options, "involvement", typed, guide.catalogue, framework) is None


def test_a_negated_clause_picks_no_description_and_a_child_all_day_is_continuous_involvement(kb, guide):
    question = kb.question("involvement", "schools")
    levels = {o.value: o for o in question.options}
    said = read_answer(question.options, "involvement", "nothing special for any kids", guide.catalogue, "schools")
    assert said is not None and said.level is None  # none of the descriptions: the tier for everyone
    for typed in ("like i said, im with him all day every day doing his work with him", "I'm with her all day"):
        picked = read_answer(question.options, "involvement", typed, guide.catalogue, "schools")
        assert picked is levels["assess"], typed  # continuous and direct involvement in educating them


@pytest.mark.parametrize("typed", ["none, i'm not the SEND champion", "no, never a GP", "i'm not the SENCO"])
def test_a_job_the_person_says_they_are_not_tells_no_job(kb, typed):
    assert not names_a_job(typed, (*kb.wording.job_words, *kb.wording.job_nouns))


def test_a_job_described_then_denied_is_none_of_the_descriptions(kb, guide):
    question = kb.question("involvement", "schools")
    said = read_answer(question.options, "involvement", "i just serve the dinners and watch the yard at lunch, nothing special for any kids",
                       guide.catalogue, "schools")
    assert said is not None and said.level is None


@pytest.mark.parametrize("role", ["SENCO here, 3 years in the role now (my first SENCO job)", "senco for 3 years", "SENCO since September"])
def test_a_senco_s_time_in_post_said_with_the_job_leaves_the_award_question_open(guide, role):
    """The documents' rule counts the time as a SENCO before the appointment, which time in post does not say."""
    from knowledge.rules import NextQuestion, Profile

    outcome = guide.decide(Profile(role, {"sector": "school"}))
    assert isinstance(outcome, NextQuestion) and outcome.question.asks == "new-senco"


def test_a_senco_s_own_words_for_being_new_still_settle_it(guide):
    from knowledge.rules import Determination, Profile

    outcome = guide.decide(Profile("SENCO, newly appointed", {"sector": "school"}))
    assert isinstance(outcome, Determination) and outcome.senco_award_required


@pytest.mark.parametrize("typed", ["acute trust obvs", "the ICB", "community trust", "on the ward"])
def test_a_health_employer_in_the_person_s_words_answers_where_they_work(kb, guide, typed):
    question = kb.question("sector", None)
    picked = read_answer(question.options, "sector", typed, guide.catalogue)
    assert picked is not None and picked.sets.get("sector") == "health"


@pytest.mark.parametrize("typed, sector", [("none of them, i'm self employed", "elsewhere"), ("somewhere else", "elsewhere"),
                                           ("neither", "elsewhere"), ("i work for a charity", "elsewhere"), ("leisure centre", "elsewhere"),
                                           ("a swimming club", "elsewhere"), ("the council offices", "local-authority"),
                                           ("a private nursery", "early-years"), ("private hospital", "health"), ("none of them, the council", "local-authority")])
@pytest.mark.parametrize("role", [None, "senco"])
def test_work_outside_the_options_answers_where_they_work_and_a_named_place_still_wins(kb, guide, typed, sector, role):
    question = kb.question("sector", None, role)
    picked = read_answer(question.options, "sector", typed, guide.catalogue)
    assert picked is not None and picked.sets.get("sector") == sector


@pytest.mark.parametrize("typed, new", [("never", "yes"), ("no, never", "yes"), ("this is my first SENCO post", "yes"), ("8 months", "yes"),
                                        ("3 years", "no"), ("about 3 yrs", "no"), ("yes", None), ("no", None),
                                        ("2 years in this post", None), ("first SENCO job was 2015, 8 years at my last school", None)])
def test_the_senco_s_time_before_this_post_is_read_and_nothing_else(kb, guide, typed, new):
    question = kb.question("new-senco", None)
    picked = read_answer(question.options, "new-senco", typed, guide.catalogue)
    assert (picked.value if picked else None) == new


@pytest.mark.parametrize("typed", ["Secondary school, 2 years in post", "a school, just started here"])
def test_time_in_post_said_with_the_school_leaves_the_award_question_open(kb, guide, typed):
    question = kb.question("sector", None, "senco")
    assert read_answer(question.options, "sector", typed, guide.catalogue) is None


@pytest.mark.parametrize("typed, asks", [("GP who leads on send for the ICB, is level 3 enough?", True), ("is L2 enough for a school nurse", True),
                                         ("is level 3 ok to do as e-learning for a school nurse?", False),
                                         ("is there enough funding for level 3 for a school nurse?", False),
                                         ("is tier 2 right for a TA who only now and then supports a pupil?", True),
                                         ("is level 3 the right course to do first?", False)])
def test_only_a_level_asked_to_be_enough_is_weighed(typed, asks):
    from knowledge.enough import ENOUGH

    assert bool(ENOUGH.search(typed)) is asks


@pytest.mark.parametrize("typed, helps", [("dunno really, what do you mean by specific interaction?", True), ("i dont know tbh", True),
                                          ("no idea, does answering the phone count as contact?", True), ("which one am i?", True),
                                          ("not sure", True), ("what's an EHCP?", False), ("I see kids now and then", False),
                                          ("does the CDC e-learning count towards level 3 hours?", False), ("/inform", False)])
def test_not_knowing_or_asking_what_the_options_mean_asks_for_help(typed, helps):
    from knowledge.reading import asks_for_help

    assert asks_for_help(typed) is helps


@pytest.mark.parametrize("typed, value", [("4 then", "contact"), ("option 2 please", "lead"), ("3 i guess", None)])
def test_a_number_with_a_word_of_assent_picks_that_option_and_a_doubtful_one_does_not(kb, guide, typed, value):
    question = kb.question("involvement", "health")
    picked = read_answer(question.options, "involvement", typed, guide.catalogue, "health")
    assert (picked.value if picked else None) == value


@pytest.mark.parametrize("typed", ["head office", "private practice", "I visit families at home", "the other one"])
def test_a_place_that_may_be_in_health_or_a_school_is_not_taken_for_somewhere_else(kb, guide, typed):
    question = kb.question("sector", None)
    assert read_answer(question.options, "sector", typed, guide.catalogue) is None


@pytest.mark.parametrize("typed, value", [("I report directly to the head", None), ("I deal with parents directly, not the kids", None),
                                          ("I hardly ever teach the SEND kids", None), ("I have a specific job in the office", None),
                                          ("I adapt the menus for allergies", None), ("I see the kids every day at lunch", None),
                                          ("I see the SEND kids every day", "contact"), ("I adjust the room for them", "contact"),
                                          ("I'm directly involved in teaching them", "assess")])
def test_the_school_tiers_are_read_from_their_own_descriptions(kb, guide, typed, value):
    """Tier 2 is continuous and direct involvement in educating; Tier 1 more specific interaction with CYP with SEND, where the
    role lets them adjust (002): not any "directly", "specific" or "adapt", nor seeing every child at lunch."""
    question = kb.question("involvement", "schools")
    picked = read_answer(question.options, "involvement", typed, guide.catalogue, "schools")
    assert (picked.value if picked else None) == value


@pytest.mark.parametrize("typed, helps", [("what counts as SEND?", False), ("what do you mean by EHCP?", False),
                                          ("it counts as contact, I see them every day", False),
                                          ("what do you mean by specific interaction?", True)])
def test_only_the_options_own_words_asked_about_ask_for_help(kb, typed, helps):
    from knowledge.reading import asks_for_help

    assert asks_for_help(typed, kb.question("involvement", "schools").options) is helps


@pytest.mark.parametrize("role", ["newly appointed senco after 4 years as senco elsewhere",
                                  "SENCO, new to the role at this school but I was SENCO for 5 years before"])
def test_new_to_a_post_with_years_as_a_senco_before_it_leaves_the_award_question_open(guide, role):
    from knowledge.rules import NextQuestion, Profile

    outcome = guide.decide(Profile(role, {"sector": "school"}))
    assert isinstance(outcome, NextQuestion) and outcome.question.asks == "new-senco"


@pytest.mark.assistant
@pytest.mark.parametrize("role", ["headteacher", "SENCO", "teacher"])
def test_ones_own_duties_asked_after_saying_where_one_works_are_the_role_s_duties(assistant, kb, guide, role):
    """"I'm a new SENCO at a secondary school, what are my responsibilities?": the role's duties, not a passage the
    workplace's words score in (the funding of primary and secondary schools)."""
    from knowledge import lookup
    from tests.conversation import reply_text

    topic = lookup.find_topic(kb, role, guide.catalogue)
    text = reply_text(assistant.say(f"own-duties-{role}", f"I've just become {role} at a secondary school. What are my SEND responsibilities?"))
    assert text.startswith(topic.title), text[:120]
