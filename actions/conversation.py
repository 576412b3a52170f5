"""Conversation prompts that carry no facts: asking for the role, starting again, not understanding.

Two misunderstandings in a row never give the same reply again: the second says what the
assistant can do, with buttons, and offers a person (actions/handoff.py), so nobody is left looping
on "could you say that another way?".
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import Restarted, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.handoff import handoff
from actions.replies import EXPLAINED

ASK_ROLE = "What's your job role? For example: school nurse, GP receptionist, teaching assistant, SENCO."
ROLE_AGAIN = ("I still need your job role to find your level: type it in a few words, for example \"practice nurse\" or "
              "\"lunchtime supervisor\". Or choose one of these.")
REPHRASE = "Sorry, I'm not sure I understood. Could you say that another way?"
REPHRASE_BUTTONS = [{"title": "Find my training level", "payload": "/find_level"}, {"title": "Start again", "payload": "/start_again"}]
STILL = "Sorry, I still didn't follow that. Press one of the buttons below, or type your job role in a few words."
HELP = ("Sorry, I'm still not following. Here is what I can do: find the SEND training you need (tell me your job role), "
        "explain a level or tier and its hours, explain SEND responsibilities in schools and settings, or check a list of job "
        "titles. You can also start again.")
HELP_BUTTONS = [
    {"title": "Find my training level", "payload": "/find_level"},
    {"title": "Who needs Level 3?", "payload": '/ask_cohort{"level": "Level 3"}'},
    {"title": "What does a SENCO do?", "payload": '/ask_responsibilities{"role": "SENCO"}'},
    {"title": "Start again", "payload": "/start_again"},
    {"title": "Talk to a person", "payload": "/talk_to_person"},
]
ASK_A_PERSON = "If you'd rather ask a person:"
# How each reply that did not understand or could not answer the person begins (here, actions/form.py, actions/answers.py).
MISUNDERSTOOD = ("Sorry, I'm not sure I understood", "Sorry, I couldn't tell", "Sorry, I still couldn't tell", "Sorry, I'm still not",
                 "Sorry, I still didn't", "Sorry, that's outside", "The documents I know do not cover")


def _said_before(tracker: Tracker, *starts: Text) -> bool:
    """Whether a reply to the person's previous message began so, counting turns that were taken back."""
    turns: List[List[Dict[Text, Any]]] = []
    for event in tracker.events:
        if event.get("event") == "user":
            turns.append([])
        elif turns:
            turns[-1].append(event)
    previous = turns[-2] if len(turns) >= 2 else []
    return any(e.get("event") == "bot" and (e.get("text") or "").lstrip().startswith(starts) for e in previous)


def misunderstood_before(tracker: Tracker) -> bool:
    return _said_before(tracker, *MISUNDERSTOOD)


def explained_before(tracker: Tracker) -> bool:
    """Whether the reply to the previous message explained the open question's options (actions/replies.explained)."""
    return _said_before(tracker, EXPLAINED)


NOT_AN_OPTION = "Sorry, I couldn't tell which of those you mean. Please choose one of the options below, or type its number."
STILL_NOT_AN_OPTION = ("Sorry, I still couldn't tell which of those you mean. Press one of the buttons below, type the number "
                       "of an option, or say \"start again\".")
NO_OPTION_AGAIN = ("Sorry, I'm still not able to match that to one of the options. You can press a button below, type an "
                   "option's number, or say \"start again\".")


def unclear_answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """An answer that picks none of a question's options: first a plain sorry, then a fuller one, then the offer of
    a person, then the fuller sorry and the offer by turns, so the same reply never comes twice in a row."""
    if _said_before(tracker, STILL_NOT_AN_OPTION):
        dispatcher.utter_message(text=NO_OPTION_AGAIN)
        dispatcher.utter_message(**handoff(tracker, ASK_A_PERSON))
    else:
        dispatcher.utter_message(text=STILL_NOT_AN_OPTION if misunderstood_before(tracker) else NOT_AN_OPTION)


def not_understood(dispatcher: CollectingDispatcher, tracker: Tracker, first: Text = REPHRASE) -> None:
    """The first time, ``first``; after a misunderstanding, what the assistant can do; after that, a shorter
    nudge, then what it can do again: never the same reply three times in a row."""
    if _said_before(tracker, HELP):
        dispatcher.utter_message(text=STILL, buttons=HELP_BUTTONS)
    elif misunderstood_before(tracker):
        dispatcher.utter_message(text=HELP, buttons=HELP_BUTTONS)
        dispatcher.utter_message(**handoff(tracker, ASK_A_PERSON))
    else:
        dispatcher.utter_message(text=first, buttons=REPHRASE_BUTTONS if first == REPHRASE else HELP_BUTTONS)


class AskRole(Action):
    def name(self) -> Text:
        return "action_ask_role"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        if _said_before(tracker, ASK_ROLE, ROLE_AGAIN):  # never the same request twice in a row
            dispatcher.utter_message(text=ROLE_AGAIN, buttons=HELP_BUTTONS)
        else:
            dispatcher.utter_message(text=ASK_ROLE)
        return []


class StartAgain(Action):
    """Forgets the conversation so far, says so, and asks for the role."""

    def name(self) -> Text:
        return "action_start_again"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=f"Okay, let's start again. {ASK_ROLE}")
        return [Restarted()]


class Restart(StartAgain):
    """Typed "/restart": the same as "start again", with a reply (Rasa's own restart says nothing)."""

    def name(self) -> Text:
        return "action_restart"


class NotUnderstood(Action):
    def name(self) -> Text:
        return "action_not_understood"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        not_understood(dispatcher, tracker)
        return []


class Rephrase(Action):
    """When no next step is certain: say so and forget the turn, so nothing loops."""

    def name(self) -> Text:
        return "action_rephrase"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        not_understood(dispatcher, tracker)
        return [UserUtteranceReverted()]



def over_limit(tracker: Tracker) -> Optional[Text]:
    """For a message the server did not read because it was over a bound (`bot.bounds`), the reply naming the bound."""
    bound = (tracker.latest_message or {}).get("over_limit")
    if not isinstance(bound, dict):
        return None
    limit = f"{bound['limit']:,}" if isinstance(bound.get("limit"), int) else "a set number of"
    if bound.get("what") == "markup":
        return "I couldn't read that: it holds only markup or code, no words. Please type your question or your job role in plain words."
    if bound.get("what") == "entities":
        return f"That message carries more details than I can take at once (at most {limit}). Please send them a few at a time."
    return (f"That message is longer than I can read: please send at most {limit} characters. To check a whole staff "
            "list, upload it on the web page or use `send-guide staff`.")
