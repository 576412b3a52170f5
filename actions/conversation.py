"""Conversation prompts that carry no facts: asking for the role, starting again, rephrasing."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import Restarted, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

ASK_ROLE = "What's your job role? For example: school nurse, GP receptionist, teaching assistant, SENCO."


class AskRole(Action):
    def name(self) -> Text:
        return "action_ask_role"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=ASK_ROLE)
        return []


class StartAgain(Action):
    """Forgets the conversation so far, says so, and asks for the role."""

    def name(self) -> Text:
        return "action_start_again"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=f"Okay, let's start again. {ASK_ROLE}")
        return [Restarted()]


class Rephrase(Action):
    """When no next step is certain: ask to rephrase and forget the turn, so nothing loops."""

    def name(self) -> Text:
        return "action_rephrase"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_ask_rephrase")
        return [UserUtteranceReverted()]
