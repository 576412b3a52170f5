""""Record my learning": the health framework's reflection record (Appendix 2) as a form, kept for its owner.

The form asks the appendix's own fields, in its words, then the minutes and level the learning
counts for; the relation question offers the competencies of the person's level by number. Records
are stored under the conversation's sender id (`knowledge.records`), count towards the plan, and are
shown, linked for download (signed links: only the owner's) and deleted on request. "stop" leaves.
"""
from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
import os
import re
from functools import lru_cache
from typing import Any, Callable, Dict, List, Text
from urllib.parse import urlencode

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions import replies, turn
from actions.conversation import over_limit
from actions.knowledge_base import decide, guide
from knowledge import records
from knowledge.db import make_engine
from knowledge.lookup import cite_dict
from knowledge.plan import long_date
from knowledge.plan.input import PlanInputError, read_date, read_length, stops
from knowledge.rules import Determination

SLOTS = ("record_date", "record_topic", "record_learned", "record_relates", "record_practice", "record_length")
FIELD_OF = {"record_date": 0, "record_topic": 1, "record_learned": 2, "record_relates": 3, "record_practice": 4}
PATH = "/webhooks/webchat/"
STOPPED = "Okay, I've stopped; nothing was recorded. Say \"record my learning\" to start again."
INTRO = ("The health framework's Appendix 2 gives an education, training and learning reflection record, to evidence your "
         "hours. I'll ask its headings one at a time and keep the record for you; say \"stop\" to leave.")
ASK_LENGTH = ("How long was it, and at which level does it count? For example: 90 minutes Level 2. "
              "Without a level it counts at the level I gave you.")


UNAVAILABLE = "Sorry, I can't reach your records right now. Please try again shortly."


@lru_cache(maxsize=1)
def engine() -> Any:
    return make_engine()


def owner(tracker: Tracker) -> records.Owner:
    """The records' owner: this sender on this channel (an id typed into REST is not a Slack user)."""
    return records.Owner(tracker.sender_id, tracker.get_latest_input_channel() or "rest")


def link_secret() -> Text:
    return os.environ.get("SEND_GUIDE_LINK_SECRET", "")


def _fields() -> list:
    return list(guide().kb.topic("reflection-record").items)


def _competencies(tracker: Tracker) -> list:
    outcome = decide(tracker)
    return list(outcome.level.competencies) if isinstance(outcome, Determination) and outcome.level else []


class RecordStart(Action):
    def name(self) -> Text:
        return "action_record_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        return [SlotSet(slot, None) for slot in SLOTS if tracker.get_slot(slot) is not None]


class ValidateRecordForm(turn.StopsOnRequest, FormValidationAction):
    SLOTS = SLOTS

    def name(self) -> Text:
        return "validate_record_form"


def _validator(slot: Text, read: Callable[[Tracker, Text], Text]) -> Callable:
    def validate(self: ValidateRecordForm, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                 domain: DomainDict) -> Dict[Text, Any]:
        if value is None or stops(turn.text(tracker)):
            return {slot: None}
        if turn.text(tracker).startswith("/"):  # a button from an earlier answer is not this field's text
            dispatcher.utter_message(text="Please type your answer, or say \"stop\" to leave the record.")
            return {slot: None}
        bound = over_limit(tracker)
        if bound:
            dispatcher.utter_message(text=bound)
            return {slot: None}
        try:
            return {slot: read(tracker, " ".join(str(value).split()) if slot != "record_learned" else str(value).strip())}
        except (PlanInputError, records.InvalidRecord) as error:
            dispatcher.utter_message(text=f"Sorry, {error}.")
            return {slot: None}
    validate.__doc__ = f"Read the answer for {slot}."
    return validate


def _date(tracker: Tracker, text: Text) -> Text:
    day = read_date(text)
    if day > dt.date.today():
        raise PlanInputError("the record is of learning already done, so its date cannot be after today")
    return day.isoformat()


def _text(tracker: Tracker, text: Text) -> Text:
    if not text or len(text) > records.MAX_TEXT:
        raise records.InvalidRecord(f"please keep it to {records.MAX_TEXT:,} characters")
    return text


def _relates(tracker: Tracker, text: Text) -> Text:
    offered = _competencies(tracker)
    number = re.fullmatch(r"\s*([0-9]{1,3})\.?\s*", text)
    if number and 1 <= int(number.group(1)) <= len(offered):
        return offered[int(number.group(1)) - 1].text
    return _text(tracker, text)


def _length(tracker: Tracker, text: Text) -> Text:
    minutes, level = read_length(guide().kb.levels, text)
    if level is None:
        outcome = decide(tracker)
        level = outcome.level if isinstance(outcome, Determination) else None
    return f"{minutes},{level.id if level else ''}"


for _slot, _read in (("record_date", _date), ("record_topic", _text), ("record_learned", _text), ("record_relates", _relates),
                     ("record_practice", _text), ("record_length", _length)):
    setattr(ValidateRecordForm, f"validate_{_slot}", _validator(_slot, _read))


class AskRecordField(Action, ABC):
    """Asks one of the reflection record's fields in the appendix's words, with its source."""

    @property
    @abstractmethod
    def slot(self) -> Text:
        """The form slot this action asks for."""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        if self.slot == "record_length":
            dispatcher.utter_message(text=ASK_LENGTH)
            return []
        field = _fields()[FIELD_OF[self.slot]]
        question = field.text.rstrip(":") + ("? For example 3 March 2026." if self.slot == "record_date" else "")
        items = [replies.item(INTRO, 0)] if self.slot == "record_date" else []
        items += [replies.item(f"Your reflection record, {list(FIELD_OF).index(self.slot) + 1} of {len(SLOTS)}: {question}", 0)]
        offered = _competencies(tracker) if self.slot == "record_relates" else []
        if offered:
            items.append(replies.item("Type a number to relate it to one of your level's competencies, or say it in your own words:"))
            items += [replies.item(f"{n}. {c.text}", 1) for n, c in enumerate(offered, 1)]
        citations = [cite_dict(field.citation)] + ([cite_dict(offered[0].citation)] if offered else [])
        dispatcher.utter_message(**replies.message(replies.reply("question", [replies.section(items, listed=False)], citations)))
        return []


ASK_RECORD_ACTIONS = [type(f"Ask{s.title().replace('_', '')}", (AskRecordField,), {"slot": s, "__module__": __name__}) for s in SLOTS]


RECORD_FILES = (("Download your records (CSV)", "records.csv"), ("A printable page of your records", "records.html"))


def links(who: records.Owner, files: Any = RECORD_FILES, what: Text = "Your records", **extra: Text) -> List[replies.Item]:
    """The owner's downloads: the link carries an opaque key, never the sender id; none without a link secret."""
    if not link_secret():
        return [replies.item("Downloads are off: whoever runs this assistant has not set SEND_GUIDE_LINK_SECRET.")]
    base = os.environ.get("SEND_GUIDE_PUBLIC_URL", "").rstrip("/")
    if not base and who.channel not in ("webchat", "rest", "cmdline"):
        return [replies.item(f"{what} can be downloaded where this assistant has a web address; whoever runs it can set "
                             "SEND_GUIDE_PUBLIC_URL to add the links here.")]
    query = urlencode({"key": who.key(link_secret()), **extra})
    return [replies.item(title, url=f"{base}{PATH}{name}?{query}") for title, name in files]


def _listing(who: records.Owner, title: Text) -> replies.Message:
    held = records.of(engine(), who, link_secret())
    names = {lv.id: lv.name for lv in guide().kb.levels}
    items = [replies.item(f"{long_date(r.day)}: {r.topic} ({r.minutes} minutes{', ' + names[r.level_id] if r.level_id in names else ''})")
             for r in held] or [replies.item("You have no records yet.")]
    buttons = [{"title": "Make my plan", "payload": "/make_plan"}] + (
        [{"title": "Delete my records", "payload": "/delete_records"}] if held else [])
    sections = [replies.section(items, title), replies.section(links(who) if held else [], "Take them with you:")]
    return replies.message(replies.reply("records", sections, []), buttons)


class SaveRecord(Action):
    def name(self) -> Text:
        return "action_save_record"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        values = {slot: tracker.get_slot(slot) for slot in SLOTS}
        if not all(values.values()):
            dispatcher.utter_message(text=STOPPED)
            return []
        minutes, level_id = values["record_length"].split(",")
        record = records.Record(dt.date.fromisoformat(values["record_date"]), values["record_topic"], values["record_learned"],
                                values["record_relates"], values["record_practice"], int(minutes), level_id or None)
        try:
            records.add(engine(), owner(tracker), record, link_secret())
            dispatcher.utter_message(**_listing(owner(tracker), "Saved. Your reflection record so far (it counts towards your plan):"))
        except records.InvalidRecord as error:
            dispatcher.utter_message(text=f"Sorry, I could not save it: {error}.")
        except SQLAlchemyError:
            dispatcher.utter_message(text=UNAVAILABLE)
        return [SlotSet(slot, None) for slot in SLOTS]


class ShowRecords(Action):
    def name(self) -> Text:
        return "action_show_records"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        try:
            dispatcher.utter_message(**_listing(owner(tracker), "Your reflection record:"))
        except SQLAlchemyError:
            dispatcher.utter_message(text=UNAVAILABLE)
        return []


class DeleteRecords(Action):
    """Deletes the owner's records once they confirm with the button (an entity the button sends)."""

    def name(self) -> Text:
        return "action_delete_records"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        try:
            self._delete(dispatcher, tracker)
        except SQLAlchemyError:
            dispatcher.utter_message(text=UNAVAILABLE)
        return []

    @staticmethod
    def _delete(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        if next(tracker.get_latest_entity_values("confirm"), None) == "yes":
            gone = records.delete_all(engine(), owner(tracker))
            dispatcher.utter_message(text=f"Deleted {gone} record{'s' if gone != 1 else ''}. Nothing of them is kept.")
            return
        held = len(records.of(engine(), owner(tracker)))
        if not held:
            dispatcher.utter_message(text="You have no records to delete.")
            return
        dispatcher.utter_message(text=f"Delete all {held} of your records? This cannot be undone; download them first if you want "
                                      "a copy.", buttons=[{"title": "Yes, delete them", "payload": '/delete_records{"confirm": "yes"}'},
                                                          {"title": "No, keep them", "payload": "/deny"}])


def counted(tracker: Tracker) -> list:
    """The owner's records as training done, for the plan; raises SQLAlchemyError when the database is down."""
    return records.as_done(records.of(engine(), owner(tracker)), guide().kb.levels)
