""""Make my plan": the start date and the training done, then the dates from `knowledge.plan`.

The plan's questions are a Rasa form (plan_form) of two slots. A message is read as the open
question's answer when it reads as one (a date; training entries or "none"), whatever intent the
model gave it; a question that is not an answer is answered, and the plan's question asked again;
"stop" leaves the plan. The reply links the calendar file and the printable page, whose query
carries the plan's inputs (no names, no message text).
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions import records, replies, turn
from actions.conversation import over_limit
from actions.knowledge_base import decide, guide
from knowledge.local.calendar import LOCAL_SESSION
from knowledge.answers import to_dict
from knowledge.lookup import cite_dict
from knowledge.plan import Done, Plan, describe, has_dates, long_date, make_plan, not_counted_text
from knowledge.plan.input import MAX_LINK_ENTRIES, PlanInputError, attempts_an_answer, from_query, read_date, read_training, stops, to_query
from knowledge.rules import Determination

SLOTS = ("plan_started", "plan_training")
PATH = "/webhooks/webchat/"
NO_LEVEL_YET = "I need your training level before I can make a plan; one question decides it."
NO_LEVEL = "I need your training level before I can make a plan. What's your job role?"
NO_DATES = ("The documents set no hours, induction deadline or refresher period for your level, and no National Award "
            "deadline applies to you, so there are no dates to plan.")
STOPPED = "Okay, I've stopped making the plan. Say \"make my plan\" whenever you want to start it again."
ASK_STARTED = ("When did you start in this post? A date with day, month and year, for example 1 September 2025 or 01/09/2025. "
               "(Say \"stop\" to leave the plan.)")
ASK_TRAINING = ("What SEND training have you done since you started, if any? One entry per line or separated by \";\", each with "
                "its date, length and level, for example: 90 minutes Level 2 on 3 March 2026. Or say \"none\". Learning in your "
                "reflection record is counted already, so leave it out here.")


def _determination(tracker: Tracker) -> Optional[Determination]:
    outcome = decide(tracker)
    return outcome if isinstance(outcome, Determination) and has_dates(outcome.level, outcome.senco_award_required) else None


class PlanStart(Action):
    """Clears an earlier plan's answers, so "make my plan" always asks afresh."""

    def name(self) -> Text:
        return "action_plan_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        return [SlotSet(slot, None) for slot in SLOTS if tracker.get_slot(slot) is not None]


class ValidatePlanForm(turn.StopsOnRequest, FormValidationAction):
    SLOTS = SLOTS

    def name(self) -> Text:
        return "validate_plan_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        return [] if _determination(tracker) is None else list(SLOTS)  # nothing to plan: action_answer_plan says why

    def extract_plan_started(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._read(tracker, "plan_started", lambda text: read_date(text).isoformat())

    def extract_plan_training(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._read(tracker, "plan_training", lambda text: _entries(read_training(guide().kb.levels, text)))

    @staticmethod
    def _read(tracker: Tracker, slot: Text, reader: Any) -> Dict[Text, Any]:
        """An answer the model took for something else ("3 March 2025" as a question) is still an answer."""
        if tracker.get_slot("requested_slot") != slot or slot in tracker.slots_to_validate() or over_limit(tracker):
            return {}
        if stops(turn.text(tracker)):
            return {slot: None}  # whatever the model made of "stop", the form handles it (next_requested_slot)
        text = turn.text(tracker)
        try:
            return {slot: reader(text)}
        except PlanInputError:  # a statement with numbers in it is an attempt at an answer, which validation explains
            return {slot: text} if attempts_an_answer(text) else {}

    def validate_plan_started(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Dict[Text, Any]:
        if value is None:
            return {"plan_started": None}  # cleared by action_plan_start: not an answer
        return {"plan_started": _checked(dispatcher, tracker, lambda: read_date(str(value)).isoformat())}

    def validate_plan_training(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> Dict[Text, Any]:
        if value is None:
            return {"plan_training": None}
        text = str(value)
        try:
            return {"plan_training": _entries(_stored(text))}  # already read by extract_plan_training
        except (PlanInputError, ValueError):
            return {"plan_training": _checked(dispatcher, tracker, lambda: _entries(read_training(guide().kb.levels, text)))}


def _checked(dispatcher: CollectingDispatcher, tracker: Tracker, read: Any) -> Optional[Text]:
    if stops(turn.text(tracker)):
        return None  # the form ends (required_slots) and says so
    bound = over_limit(tracker)
    if bound:
        dispatcher.utter_message(text=bound)
        return None
    try:
        return read()
    except PlanInputError as error:
        dispatcher.utter_message(text=f"Sorry, {error}.")
        return None


def _entries(done: list) -> Text:
    """Training entries as a slot holds them: the plan link's own form, or "none"."""
    return ";".join(f"{d.on.isoformat()},{d.minutes}" + (f",{d.level.id}" if d.level else "") for d in done) or "none"


def _stored(value: Text) -> list:
    if value == "none":
        return []
    return from_query(guide().kb.levels, {"level": [guide().kb.levels[0].id], "done": value.split(";")})[2]


class AskPlanStarted(Action):
    def name(self) -> Text:
        return "action_ask_plan_started"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=ASK_STARTED)
        return []


class AskPlanTraining(Action):
    def name(self) -> Text:
        return "action_ask_plan_training"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=ASK_TRAINING, buttons=[{"title": "None yet", "payload": "none"}])
        return []


class AnswerPlan(Action):
    def name(self) -> Text:
        return "action_answer_plan"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        outcome = decide(tracker)
        if not isinstance(outcome, Determination):
            if outcome.role.role or tracker.get_slot("role"):  # the level's question is still open: ask it again
                dispatcher.utter_message(text=NO_LEVEL_YET)
                dispatcher.utter_message(**replies.question(to_dict(outcome)))
            else:
                dispatcher.utter_message(text=NO_LEVEL, buttons=[{"title": "Find my training level", "payload": "/find_level"}])
            return []
        if not has_dates(outcome.level, outcome.senco_award_required):
            dispatcher.utter_message(text=NO_DATES)
            return []
        started, training = (tracker.get_slot(s) for s in SLOTS)
        if not started or not training:
            dispatcher.utter_message(text=STOPPED)
            return []
        kb = guide().kb
        try:
            recorded, unrecorded = records.counted(tracker), None
        except SQLAlchemyError:  # the plan does not need them: it goes ahead and says so
            recorded, unrecorded = [], "Your reflection records could not be read just now, so they are not counted here."
        done = _stored(training) + merged(recorded)
        plan = make_plan(kb, outcome.level, dt.date.fromisoformat(started), done, dt.date.today(), outcome.senco_award_required,
                         [x.shown() for x in outcome.sessions])
        query = to_query(outcome.level, plan.started_on, done, outcome.senco_award_required)
        if unrecorded:
            dispatcher.utter_message(text=unrecorded)
        dispatcher.utter_message(**_reply(plan, query if len(done) <= MAX_LINK_ENTRIES else None, tracker.get_latest_input_channel()))
        return []


def merged(done: list) -> list:
    """Training on the same day at the same level as one entry, so that a long record still fits in a link."""
    minutes: Dict[tuple, int] = {}
    for d in done:
        minutes[(d.on, d.level.id if d.level else None)] = minutes.get((d.on, d.level.id if d.level else None), 0) + d.minutes
    levels = {lv.id: lv for lv in guide().kb.levels}
    return [Done(on, total, levels.get(level)) for (on, level), total in minutes.items()]


def _reply(plan: Plan, query: Optional[Text], channel: Optional[Text]) -> replies.Message:
    citations: List[Dict[Text, Text]] = []

    def ref(citation: Any) -> int:
        cited = cite_dict(citation)
        if cited not in citations:
            citations.append(cited)
        return citations.index(cited)

    framework = "health framework" if plan.level.framework == "health" else "school tiers"
    head = [replies.item(f"Your SEND training plan for {plan.level.name} ({framework}), from {long_date(plan.started_on)}:")]
    dates = [replies.item(describe(m) + ".", ref(m.citation)) for m in plan.milestones]
    not_counted = [replies.item(not_counted_text(n)) for n in plan.not_counted]
    readings = [replies.item(r) for r in plan.readings]
    notes = [replies.item(t.statement, ref(t.citations[0])) for t in plan.notes]
    base = os.environ.get("SEND_GUIDE_PUBLIC_URL", "").rstrip("/")
    if query is None:
        files = [replies.item(f"This plan has more than {MAX_LINK_ENTRIES} training entries, too many for a link; "
                              "send-guide plan makes its calendar file and page.")]
    elif base or channel in ("webchat", "rest", "cmdline", None):
        files = [replies.item("Add these dates to your calendar (.ics file)", url=f"{base}{PATH}plan.ics?{query}"),
                 replies.item("A printable page of the plan, with its sources", url=f"{base}{PATH}plan.html?{query}")]
    else:
        files = [replies.item("The calendar file and a printable page are on the web chat page; whoever runs this assistant can "
                              "link them here by setting SEND_GUIDE_PUBLIC_URL.")]
    sessions = [replies.item(f"{LOCAL_SESSION} {x}") for x in plan.sessions]
    sections = [replies.section(head, listed=False), replies.section(dates, "Dates:"), replies.section(sessions),
                replies.section(files, "Take it with you:"),
                replies.section(not_counted, "Not counted towards the period's minutes:"),
                replies.section(readings, "This guide's readings, where the documents are silent:"),
                replies.section(notes, "Please note:")]
    return replies.message(replies.reply("plan", sections, citations))
