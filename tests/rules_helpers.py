"""Drive the rules as a conversation would: answer each question it asks from known truths."""
from __future__ import annotations

from typing import Mapping

from knowledge.guide import Guide
from knowledge.rules import Determination, NextQuestion, Profile

MAX_QUESTIONS = 8


def interview(guide: Guide, role: str | None, truth: Mapping[str, str], given: Mapping[str, str] | None = None) -> tuple[list[str], Determination]:
    """Ask until a determination; return the facts asked for, in order, and the result."""
    profile = Profile(role, dict(given or {}))
    asked: list[str] = []
    for _ in range(MAX_QUESTIONS + 1):
        outcome = guide.decide(profile)
        if isinstance(outcome, Determination):
            return asked, outcome
        assert isinstance(outcome, NextQuestion)
        fact = outcome.question.asks
        assert fact not in asked, f"asked {fact} twice"
        assert truth[fact] in [o.value for o in outcome.options], f"{truth[fact]} is not offered for {fact}"
        asked.append(fact)
        profile = profile.answered(fact, truth[fact])
    raise AssertionError(f"no determination after {MAX_QUESTIONS} questions: {asked}")
