"""The level questions as a Rasa form whose next slot is always the rules' next question."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import replies
from actions.knowledge_base import FACT_SLOTS, clean_role, decide, guide, valid_answer
from knowledge.answers import to_dict
from knowledge.rules import NextQuestion

class ValidateLevelForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_level_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        """Only the one slot the rules still need: the role first, then their next question."""
        if not clean_role(tracker.get_slot("role")):
            return ["role"]
        outcome = decide(tracker)
        return [FACT_SLOTS[outcome.question.asks]] if isinstance(outcome, NextQuestion) else []

    def validate_role(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        role = clean_role(value)
        if role is None:
            dispatcher.utter_message(text="Please tell me your job role in a few words, for example \"health visitor\".")
        return {"role": role}


def _validator(fact: Text):
    def validate(self: ValidateLevelForm, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                 domain: DomainDict) -> Dict[Text, Any]:
        answer = valid_answer(fact, value)
        if answer is None:
            dispatcher.utter_message(text="Sorry, I need one of the options for that question.")
        return {FACT_SLOTS[fact]: answer}
    validate.__doc__ = f"Accept only the rules' own answers for {fact}."
    return validate


for _fact, _slot in FACT_SLOTS.items():
    setattr(ValidateLevelForm, f"validate_{_slot}", _validator(_fact))


class AskQuestion(Action, ABC):
    """Asks the rules' question for one fact, with its options as buttons and why it is asked."""

    @property
    @abstractmethod
    def fact(self) -> Text:
        """The rules fact this action asks about."""

    def name(self) -> Text:
        return f"action_ask_{FACT_SLOTS[self.fact]}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        outcome = decide(tracker)
        if not (isinstance(outcome, NextQuestion) and outcome.question.asks == self.fact):
            question = guide().kb.question(self.fact, None)
            outcome = NextQuestion(question, question.options, outcome.role)
        dispatcher.utter_message(**replies.question(to_dict(outcome), FACT_SLOTS[self.fact]))
        return []


def _ask_action(fact: Text) -> type:
    """A concrete AskQuestion for one fact, so rasa-sdk registers an action_ask_<slot> per question."""
    return type(f"Ask{fact.title().replace('-', '')}", (AskQuestion,), {"fact": fact, "__module__": __name__})


ASK_ACTIONS = [_ask_action(fact) for fact in FACT_SLOTS]
