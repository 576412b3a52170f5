"""Properties of the rules over many people, for every catalogue role and unknown roles alike:
the questions reach the level that every fact given up front gives, nothing that could change
an answer is left unasked, and more involvement never gives a lower level."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.roles import normalise_role
from knowledge.rules import Determination, Profile
from knowledge.schema import CONTACT, FACT_VALUES, SECTORS
from tests.rules_helpers import MAX_QUESTIONS, Person, converse

INDIVIDUAL = ("contact", "assess", "lead", "designated", "confidential", "new-senco")
INVOLVEMENT = ("contact", "assess", "lead", "designated", "confidential")
UNKNOWN_ROLES = ["receptionist", "porter", "dentist", "volunteer", "midwife", "lead physio for the children's SEND service",
                 "x" * 300, "🙂", "'; DROP TABLE kb_role; --", ""]
FRAMES = ["{}", "{} at a school", "{} in an NHS trust", "{} at a college", "{} in a day nursery", "deputy {}", "{} and SEND lead",
          "{} for adults", "senior {}", "{} at the council"]


def _roles(kb):
    names = [*UNKNOWN_ROLES, *(r.name for r in kb.roles), *(a for r in kb.roles for a in r.aliases)]
    return st.one_of(st.none(), st.builds(str.format, st.sampled_from(FRAMES), st.sampled_from(names)))


truths = st.fixed_dictionaries({fact: st.sampled_from(FACT_VALUES[fact]) for fact in ("sector", *INDIVIDUAL)})


def _raise(truth: dict[str, str], fact: str) -> dict[str, str] | None:
    """The same person, one step more involved in ``fact``; None when already at the top."""
    if fact == "contact":
        step = CONTACT.index(truth[fact]) + 1
        return {**truth, fact: CONTACT[step]} if step < len(CONTACT) else None
    return {**truth, fact: "yes"} if truth[fact] == "no" else None


def _answer(result: Determination) -> tuple:
    return (result.level.id if result.level else None, result.senco_award_required)


SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=st.data(), truth=truths, other=st.booleans())
def test_the_questions_reach_the_answer_that_every_fact_up_front_gives(guide, kb, data, truth, other):
    role = data.draw(_roles(kb))
    truth = {**truth, **guide.catalogue.resolve(role).said}  # a truthful person's facts agree with what they said
    record, asked = converse(guide, role, Person(truth, designated_other=other))
    sector = truth["sector"] if "sector" in record.asked else asked.sector  # else the person's own words or role placed them
    up_front = guide.decide(Profile(role, {**truth, "sector": sector}))
    assert isinstance(up_front, Determination)  # with every fact known, nothing is left to ask
    assert _answer(asked) == _answer(up_front), (role, truth, record.asked)
    assert len(record.asked) == len(set(record.asked)) <= 2  # the workplace and one more, at most
    assert asked.reasons and all(r.citation.quote for r in asked.reasons)


@SETTINGS
@given(data=st.data(), truth=truths, known=st.sets(st.sampled_from(INDIVIDUAL)), fill=truths)
def test_no_answer_comes_back_while_a_fact_that_could_change_it_is_unknown(guide, kb, data, truth, known, fill):
    role = data.draw(_roles(kb))
    partial = {fact: truth[fact] for fact in known}
    if data.draw(st.booleans()):
        partial["sector"] = truth["sector"]
    result = guide.decide(Profile(role, partial))
    if not isinstance(result, Determination):
        return
    completed = {**{f: fill[f] for f in INDIVIDUAL}, **result.known, "sector": partial.get("sector", result.sector)}
    assert _answer(guide.decide(Profile(role, completed))) == _answer(result), (role, partial, completed)


@SETTINGS
@given(data=st.data(), truth=truths, fact=st.sampled_from(INVOLVEMENT))
def test_more_involvement_never_gives_a_lower_level(guide, kb, data, truth, fact):
    role = data.draw(_roles(kb))
    higher = _raise(truth, fact)
    before = guide.decide(Profile(role, truth))
    assert isinstance(before, Determination)
    if higher is not None and before.level is not None:
        after = guide.decide(Profile(role, higher))
        assert after.level.framework == before.level.framework
        assert after.level.rank >= before.level.rank, (role, truth, fact)


@SETTINGS
@given(data=st.data(), truth=truths)
def test_a_role_the_documents_place_is_asked_at_most_one_question(guide, kb, data, truth):
    """Short forms that name the role only in a setting ("SLT" is also a senior leadership team) ask the setting first."""
    two_meanings = {normalise_role(a) for short in kb.wording.needs_setting.values() for a in short}
    role = data.draw(st.sampled_from([a for r in kb.roles if r.citation and len(r.sectors) == 1 for a in (r.name, *r.aliases)
                                      if normalise_role(a) not in two_meanings]))
    record, _ = converse(guide, role, Person(truth))
    assert len(record.asked) <= 1, (role, record.asked)


@SETTINGS
@given(data=st.data(), truth=truths)
def test_some_and_regular_contact_give_the_same_level(guide, kb, data, truth):
    """Why a plain "yes" to contact can be read as "some"."""
    role = data.draw(_roles(kb))
    some = guide.decide(Profile(role, {**truth, "contact": "some"}))
    regular = guide.decide(Profile(role, {**truth, "contact": "regular"}))
    assert some.level == regular.level
