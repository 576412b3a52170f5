"""What a person who asks for a human takes with them: a short summary of the conversation so far.

The summary says the role as the person gave it and how the guide read it, each answer they gave
(in the question's own option wording), and the level given or the question still open. It holds
no sender id and nothing else the person typed.
"""
from __future__ import annotations

from knowledge.rules import Determination, NextQuestion, Outcome, Profile
from knowledge.schema import KnowledgeBase

MAX_ROLE = 200


def _label(kb: KnowledgeBase, fact: str, value: str) -> str:
    labels = [o.label for q in kb.questions if q.asks == fact for o in q.options if o.sets.get(fact) == value]
    return labels[0] if labels else f"{fact.replace('-', ' ')}: {value}"


def summary(kb: KnowledgeBase, profile: Profile, outcome: Outcome | None) -> list[str]:
    """Lines a person can copy to whoever they contact."""
    if not profile.role:
        return ["No job role given yet, so no level has been worked out."]
    role = profile.role if len(profile.role) <= MAX_ROLE else profile.role[:MAX_ROLE] + "…"
    match = outcome.role if outcome is not None else None
    lines = [f"Job role given: {role}" + (f" (read as {match.role.name})" if match and match.role else " (not a role the documents name)")]
    lines += [f"Answer given: {_label(kb, fact, value)}" for fact, value in profile.answers.items()]
    if isinstance(outcome, Determination):
        framework = "health framework" if outcome.level and outcome.level.framework == "health" else "school tiers"
        lines.append(f"Level given: {outcome.level.name} ({framework})" if outcome.level else
                     "Level given: none; the documents set no SEND training level for this role")
        if outcome.senco_award_required:
            lines.append("National Award in SEN Co-ordination: required within three years of appointment")
    elif isinstance(outcome, NextQuestion):
        lines.append(f"Still open: {outcome.question.text}")
    return lines
