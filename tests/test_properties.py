"""Properties of the rules over many people: every path ends, and more involvement never lowers the level."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.rules import Determination, Profile
from knowledge.schema import CONTACT, FACT_VALUES, SECTORS
from tests.rules_helpers import MAX_QUESTIONS, interview

INVOLVEMENT = ("contact", "assess", "lead", "designated", "confidential")
UNKNOWN_ROLES = ["receptionist", "porter", "dentist", "volunteer", "x" * 300, "🙂", "'; DROP TABLE kb_role; --", ""]


def _roles(kb):
    return st.sampled_from([None, *UNKNOWN_ROLES, *(r.name for r in kb.roles), *(a for r in kb.roles for a in r.aliases)])


truths = st.fixed_dictionaries({fact: st.sampled_from(values) for fact, values in FACT_VALUES.items()})


def _raise(truth: dict[str, str], fact: str) -> dict[str, str] | None:
    """The same person, one step more involved in ``fact``; None when already at the top."""
    if fact == "contact":
        step = CONTACT.index(truth[fact]) + 1
        return {**truth, fact: CONTACT[step]} if step < len(CONTACT) else None
    return {**truth, fact: "yes"} if truth[fact] == "no" else None


def _rank(result: Determination) -> int | None:
    return result.level.rank if result.level else None


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=st.data(), truth=truths, fact=st.sampled_from(INVOLVEMENT))
def test_more_involvement_never_gives_a_lower_level_in_conversation(guide, kb, data, truth, fact):
    role = data.draw(_roles(kb))
    higher = _raise(truth, fact)
    asked, before = interview(guide, role, truth)
    assert len(asked) <= MAX_QUESTIONS
    if higher is None:
        return
    _, after = interview(guide, role, higher)
    if _rank(before) is not None and _rank(after) is not None:
        assert after.level.framework == before.level.framework
        assert after.level.rank >= before.level.rank, (role, truth, fact)


@SETTINGS
@given(data=st.data(), truth=truths, fact=st.sampled_from(INVOLVEMENT), sector=st.sampled_from(SECTORS))
def test_more_involvement_never_gives_a_lower_level_with_all_answers_given(guide, kb, data, truth, fact, sector):
    role = data.draw(_roles(kb))
    truth = {**truth, "sector": sector}
    higher = _raise(truth, fact)
    before = guide.decide(Profile(role, truth))
    assert isinstance(before, Determination)  # with every answer known, nothing is left to ask
    if higher is not None and before.level is not None:
        after = guide.decide(Profile(role, higher))
        assert after.level.rank >= before.level.rank, (role, truth, fact)


@SETTINGS
@given(data=st.data(), truth=truths)
def test_every_path_ends_in_a_cited_determination(guide, kb, data, truth):
    asked, result = interview(guide, data.draw(_roles(kb)), truth)
    assert len(asked) == len(set(asked)) <= MAX_QUESTIONS
    assert result.reasons and all(r.citation.quote for r in result.reasons)


@SETTINGS
@given(data=st.data(), truth=truths, sector=st.sampled_from(SECTORS))
def test_some_and_regular_contact_give_the_same_level(guide, kb, data, truth, sector):
    """Why a plain "yes" to the contact question can be read as "some"."""
    role = data.draw(_roles(kb))
    some = guide.decide(Profile(role, {**truth, "sector": sector, "contact": "some"}))
    regular = guide.decide(Profile(role, {**truth, "sector": sector, "contact": "regular"}))
    assert some.level == regular.level
