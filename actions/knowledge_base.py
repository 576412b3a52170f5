"""The knowledge base for the action server, opened on first use and kept in memory, and the
slots that hold what the rules know about the person."""
from __future__ import annotations

import time
from functools import lru_cache
from typing import Any, Dict, Optional, Text

from rasa_sdk import Tracker

from knowledge.db import make_engine
from knowledge.guide import Guide
from knowledge.local import calendar, contacts, rules
from knowledge.local.index import LocalIndex
from knowledge.rules import Outcome, Profile
from knowledge.schema import ASKED_FACTS, FACT_VALUES

MAX_ROLE_TEXT = 300


RULES_SECONDS = 2.0  # how often a server looks for the organisation's rules having changed


@lru_cache(maxsize=1)
def _opened() -> Guide:
    """Read once per process from DATABASE_URL (or the default SQLite file), never at import."""
    return Guide.open()


_local: Dict[Text, Any] = {"checked": float("-inf"), "generation": None, "guide": None}


def guide() -> Guide:
    """The knowledge base, with the organisation's rules, calendar and contacts as they are now (looked for every RULES_SECONDS)."""
    if time.monotonic() - _local["checked"] >= RULES_SECONDS:
        engine = _engine()
        generation = (rules.generation(engine), calendar.generation(engine), contacts.generation(engine))
        if generation != _local["generation"]:
            _local.update(generation=generation, guide=_opened().with_local(engine))
        _local["checked"] = time.monotonic()
    return _local["guide"]


@lru_cache(maxsize=1)
def _engine() -> Any:
    return make_engine()


@lru_cache(maxsize=1)
def local_documents() -> LocalIndex:
    """The organisation's own documents, read again from DATABASE_URL whenever they change."""
    return LocalIndex(guide().kb, guide().catalogue, _engine())


def slot_of(fact: Text) -> Text:
    """The slot holding a rules fact: the same name, spelled for Python (`new-senco` -> `new_senco`)."""
    return fact.replace("-", "_")


# One slot per fact the rules ask about.
FACT_SLOTS = {fact: slot_of(fact) for fact in ASKED_FACTS}


def valid_answer(fact: Text, value: Any) -> Optional[Text]:
    """The value if the rules accept it for this fact, else None."""
    text = str(value).strip().casefold() if value is not None else ""
    return text if text in FACT_VALUES[fact] else None


def clean_role(value: Any) -> Optional[Text]:
    """A role as typed, trimmed; None when there is nothing that could name a role, or it is a button's payload."""
    text = " ".join(str(value or "").split())[:MAX_ROLE_TEXT]
    return text if any(ch.isalpha() for ch in text) and not text.startswith("/") else None


def earlier_value(tracker: Tracker, slot: Text) -> Any:
    """The slot's value before the latest message changed it."""
    events = list(tracker.events)
    last_user = max((n for n, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    return next((e.get("value") for e in reversed(events[:last_user]) if e.get("event") == "slot" and e.get("name") == slot), None)


def profile(tracker: Tracker) -> Profile:
    answers: Dict[Text, Text] = {}
    for fact, slot in FACT_SLOTS.items():
        value = valid_answer(fact, tracker.get_slot(slot))
        if value:
            answers[fact] = value
    return Profile(clean_role(tracker.get_slot("role")), answers)


def decide(tracker: Tracker) -> Outcome:
    return guide().decide(profile(tracker))
