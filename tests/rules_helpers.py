"""Drive the rules as a conversation would: a person answers each question from what is true of them."""
from __future__ import annotations

from dataclasses import dataclass, field
import json
from typing import Any, Mapping

from knowledge.guide import Guide
from knowledge.rules import Determination, NextQuestion, Profile
from knowledge.schema import Option, Question

MAX_QUESTIONS = 3
# The challenge set's names for facts (../shared/challenge/README.md), where they differ from the rules'.
FACT = {"workplace": "sector", "designated_send": "designated", "new_senco": "new-senco"}
# What an involvement option asks about, in the facts a person knows of themselves.
COVERS = {"designated": {"designated"}, "lead": {"lead"}, "assess": {"assess"}, "contact": {"contact", "confidential"}}


@dataclass(frozen=True)
class Person:
    """What is true of someone, as the rules' facts; ``designated_other`` is a designation that is
    not a SEND role (safeguarding), which they mention when a question asks about designations
    without saying SEND."""

    facts: Mapping[str, str]
    designated_other: bool = False

    def holds(self, question: Question, option: Option) -> bool:
        """Whether this option is true of them, the way they would read it."""
        if question.asks == "involvement":
            value = option.value
            if value == "none":
                return True
            if value == "designated":
                return self.facts.get("designated") == "yes" or (self.designated_other and "SEND" not in option.label)
            if value == "contact":
                contact = self.facts.get("contact") in ("some", "regular")
                return contact or (question.framework == "health" and self.facts.get("confidential") == "yes")
            return self.facts.get(value) == "yes"
        return all(self.facts.get(fact) == value for fact, value in option.sets.items())

    def answer(self, question: NextQuestion) -> Option:
        """The first option that is true of them: for involvement, the highest that applies."""
        for option in question.options:
            if self.holds(question.question, option):
                return option
        raise AssertionError(f"nothing offered for {question.question.asks} fits {dict(self.facts)}: "
                             f"{[o.value for o in question.options]}")


@dataclass
class Interview:
    asked: list[str] = field(default_factory=list)  # the question asked each time, by fact
    covered: set[str] = field(default_factory=set)  # the facts the offered options asked about


def covers(question: NextQuestion) -> set[str]:
    facts = set()
    for option in question.options:
        facts |= COVERS.get(option.value, set()) if question.question.asks == "involvement" else set(option.sets)
    return facts


def converse(guide: Guide, role: str | None, person: Person, given: Mapping[str, str] | None = None) -> tuple[Interview, Determination]:
    """Ask until a determination, the way the chat, the command line and staff lists do."""
    profile = Profile(role, dict(given or {}))
    record = Interview()
    for _ in range(MAX_QUESTIONS + 2):
        outcome = guide.decide(profile)
        if isinstance(outcome, Determination):
            return record, outcome
        assert isinstance(outcome, NextQuestion)
        assert outcome.question.asks not in record.asked, f"asked {outcome.question.asks} twice"
        record.asked.append(outcome.question.asks)
        record.covered |= covers(outcome)
        profile = profile.chose(person.answer(outcome))
    raise AssertionError(f"no determination after {MAX_QUESTIONS + 1} questions: {record.asked}")


def interview(guide: Guide, role: str | None, truth: Mapping[str, str], given: Mapping[str, str] | None = None) -> tuple[list[str], Determination]:
    """The facts asked for, in order, and the result."""
    record, result = converse(guide, role, Person(truth), given)
    return record.asked, result


def person(truth: Mapping[str, Any]) -> Person:
    """Someone described in the challenge set's terms (``truth``), as the rules' facts."""
    facts = {FACT.get(k, k): (v if isinstance(v, str) else "yes" if v else "no") for k, v in truth.items() if k != "designated_other"}
    return Person(facts, designated_other=bool(truth.get("designated_other")))


def press_for(who: Person, text: str, buttons: list) -> str:
    """The button this person presses for the question in ``text``: the first whose option is true of them."""
    for button in buttons:
        payload = button["payload"]
        sets = {k.replace("_", "-"): v for k, v in json.loads(payload[payload.index("{"):]).items()} if "{" in payload else {}
        asks = "involvement" if "involvement" in sets else next(iter(sets), "")
        question = Question(asks, text, (), None, "schools" if "in the school" in text else "health")
        if sets and who.holds(question, Option(sets.get("involvement", ""), button["title"], sets)):
            return payload
    raise AssertionError(f"no button fits {dict(who.facts)}: {[b['title'] for b in buttons]}")
