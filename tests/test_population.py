"""The generated population (tests/population/): people describing their jobs in words nobody wrote a
case for, each answering every question from their own facts. Expected levels come from the documents'
cohort rules applied to those facts (grammar.py), never from the code under test."""
from __future__ import annotations

import pytest

from tests.population import expected, over_rest, population, through_rules

SIZE, OVER_REST = 5000, 300


def test_the_grammar_composes_varied_people():
    people = list(population(SIZE))
    assert len({p.say for p in people}) > 0.9 * SIZE
    outcomes = {p.expect for p in people}
    assert {"Level 1", "Level 2", "Level 3", "Level 4", "Level 5", "Introductory", "Tier 1", "Tier 2", "none"} <= outcomes


def test_expected_levels_follow_the_documents_cohorts():
    base = {"workplace": "health", "contact": "none", "assess": False, "lead": False, "designated_send": False,
            "designated_other": True, "confidential": False}
    assert expected(base) == "Level 1"  # a safeguarding designation is not a SEND one
    assert expected({**base, "confidential": True}) == "Level 2"
    assert expected({**base, "contact": "some", "assess": True, "lead": True}) == "Level 4"
    school = {**base, "workplace": "school"}
    assert expected(school) == "Introductory" and expected(school, governor=True) == "none"
    assert expected({**school, "contact": "some"}) == "Tier 1"
    assert expected({**base, "workplace": "college", "assess": True}) == "none"


def test_every_generated_person_through_the_rules(guide):
    figures = through_rules(guide, population(SIZE))
    assert not figures.wrong, f"{len(figures.wrong)} levels the documents do not support, e.g. {figures.wrong[:5]}"
    assert not figures.unanswered, figures.unanswered[:5]
    assert sorted(figures.questions)[len(figures.questions) // 2] <= 1 and max(figures.questions) <= 3


@pytest.mark.assistant
def test_a_sample_of_the_population_over_rest(assistant):
    sample = list(population(OVER_REST, seed=7))
    figures = over_rest(assistant.say, sample)
    assert not figures.wrong, f"{len(figures.wrong)} wrong over REST, e.g. {figures.wrong[:3]}"
    assert not figures.unanswered, f"{len(figures.unanswered)} never reached a level, e.g. {figures.unanswered[:5]}"
