"""What the latest message is in the conversation's context: an answer to the question the person was
just asked, a new role, or something else (a question, a command). Context decides before the intent
the model guessed: "none of these" answers the open question even when the model read a question."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.conversation import over_limit
from actions.knowledge_base import FACT_SLOTS, clean_role, earlier_value, guide, profile, slot_of
from actions.replies import KEY
from knowledge.plan.input import stops
from knowledge.reading import SAYS_ROLE, is_question, names_a_job, read_answer
from knowledge.rules import NextQuestion
from knowledge.roles import corrects
from knowledge.schema import Option

COMMANDS = {"start_again", "restart", "greet", "goodbye", "thank", "bot_challenge", "check_staff_list", "more"}
AS_ONE = re.compile(r"^\s*as (?:a|an|the)\s", re.IGNORECASE)  # "as a practice manager, what level do I need?"
QUESTIONS = {"ask_term", "ask_cohort", "ask_hours", "ask_induction", "ask_outcomes", "ask_competencies", "ask_training", "ask_builds_on",
             "ask_responsibilities", "ask_senco_award", "ask_documents", "compare_levels", "ask_role_training"}


def text(tracker: Tracker) -> Text:
    return ((tracker.latest_message or {}).get("text") or "").strip()


def intent(tracker: Tracker) -> Optional[Text]:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def may_answer(tracker: Tracker) -> bool:
    """Typed, and not plainly a command or a question."""
    typed = text(tracker)
    return bool(typed) and not typed.startswith("/") and not over_limit(tracker) and intent(tracker) not in COMMANDS and \
        not (intent(tracker) in QUESTIONS and is_question(typed))


def role_changed(tracker: Tracker) -> bool:
    before = earlier_value(tracker, "role")
    return bool(before) and clean_role(tracker.get_slot("role")) != before


def open_question(tracker: Tracker) -> Optional[NextQuestion]:
    """The question the person was just asked, decided with their role as it stood before this message."""
    slot = tracker.get_slot("requested_slot")
    if slot not in FACT_SLOTS.values():
        return None
    role = clean_role(earlier_value(tracker, "role") or tracker.get_slot("role"))
    outcome = guide().decide(replace(profile(tracker), role=role))
    return outcome if isinstance(outcome, NextQuestion) and slot_of(outcome.question.asks) == slot else None


def answer(tracker: Tracker, opened: Optional[NextQuestion] = None) -> Optional[Option]:
    """The latest message read as the answer to the open question (``opened``, when already found), when it is one."""
    question = opened or open_question(tracker)
    if question is None or not may_answer(tracker):
        return None
    return read_answer(question.options, question.question.asks, text(tracker), guide().catalogue, question.question.framework)


def names_a_role(typed: Text) -> bool:
    return bool(guide().catalogue.resolve(typed).roles)


def tells_a_job(typed: Text) -> bool:
    """Whether a statement tells a job role at all: a catalogue role or workplace, "I'm a ...", a job word."""
    match = guide().catalogue.resolve(typed)
    wording = guide().kb.wording
    return names_a_job(typed, (*wording.job_words, *wording.job_nouns), bool(match.roles or match.sector_hint))


def new_role(tracker: Tracker) -> Optional[Text]:
    """The message as a new role: it names one the catalogue knows ("actually I'm a GP"), or corrects the
    role with a job it does not ("sorry, I'm actually a midwife"), and does not answer the open question
    ("I'm the SEND lead" answers a GP's question about leading on SEND)."""
    typed = clean_role(text(tracker))
    if not typed or not may_answer(tracker) or typed == tracker.get_slot("role") or answer(tracker) is not None:
        return None
    return typed if tells_another_job(typed) else None


def tells_another_job(typed: Text) -> bool:
    """A role the catalogue knows, or a correction that tells a job it does not ("no, I'm a midwife")."""
    return names_a_role(typed) or (corrects(typed) and tells_a_job(typed))


class StopsOnRequest:
    """For a form's validation action: "stop" while one of `SLOTS` is asked ends the form (no requested
    slot), whatever the model made of it; the action after the form says what was kept."""

    SLOTS: tuple = ()

    async def next_requested_slot(self, dispatcher: Any, tracker: Tracker, domain: Any) -> Any:
        if tracker.get_slot("requested_slot") in self.SLOTS and stops(text(tracker)):
            return SlotSet("requested_slot", None)
        return await super().next_requested_slot(dispatcher, tracker, domain)  # type: ignore[misc]


def own_job(typed: Text, shown: Optional[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """The job a question calls the person's own ("I'm a practice manager, do I need SEND training?"), kept when it was
    answered with the least the job needs, so finding their own level starts from it instead of asking it again."""
    doc = (shown or {}).get(KEY) or {}
    own = not typed.startswith("/") and (SAYS_ROLE.search(typed) or AS_ONE.match(typed))  # "I'm a ...", "as a ...": told as theirs
    return [SlotSet("asked_role", typed)] if "floor" in doc and own else []


RUNNER_UP = 0.2  # the least confidence at which the model's second reading of a question is one to answer


def runner_up(tracker: Tracker) -> Optional[Text]:
    """The level answer the model ranks next below the intent it chose, when it is a likely reading ("more" is none)."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    second = ranking[1] if len(ranking) > 1 else {}
    return second.get("name") if second.get("confidence", 0) >= RUNNER_UP and second.get("name") != "more" else None
