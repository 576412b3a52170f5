"""The organisation's files beside its documents: its rules that raise a level, its training calendar and its
contacts. Each is checked the same way from the command line and over HTTP, and each upload replaces the last
(which is kept as a record)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from knowledge.local import calendar, contacts, rules

KINDS = ("rules", "calendar", "contacts")
REFUSED = (rules.RulesError, calendar.CalendarError, contacts.ContactsError, UnicodeDecodeError)
NOUNS = {"rules": "rules", "calendar": "sessions", "contacts": "contacts"}
NONE = {"rules": "No rules of the organisation are in force: the documents' levels apply.",
        "calendar": "No sessions to come are in the organisation's training calendar.",
        "contacts": 'No contacts of the organisation are set: "talk to a person" uses SEND_GUIDE_CONTACT_NAME, _EMAIL and _URL.'}


def why(error: Exception) -> str:
    return "it is not UTF-8 text" if isinstance(error, UnicodeDecodeError) else str(error)


def put(kind: str, data: bytes, name: str, by: str, engine: Any, guide: Any) -> int:
    """Check a file of the kind and put it in force: how many rules, sessions or contacts it holds. Raises one of
    REFUSED, with the reason, when it cannot be used."""
    if kind == "calendar":
        found = calendar.read(data, name, guide.kb)
        calendar.save(engine, found, name, by)
        return len(found)
    text = data.decode("utf-8-sig")
    if kind == "rules":
        found = rules.read(text, guide.kb, guide.catalogue, engine)
        rules.save(engine, found, by)
        return len(found)
    found = contacts.read(text, guide.kb)
    contacts.save(engine, found, by)
    return len(found)


def in_force(kind: str, engine: Any, guide: Any) -> list[str]:
    """What is in force of the kind, a line each (the calendar's sessions still to come)."""
    if kind == "rules":
        return [f"{r.role}: {guide.kb.level(r.level).name}, as {r.citation.title} says in \"{r.citation.section}\": "
                f"\u201c{r.citation.quote}\u201d" for r in rules.current(engine)]
    if kind == "calendar":
        now = dt.datetime.now()
        return [f"{guide.kb.level(s.level).name}: {s.shown()}" for s in calendar.current(engine) if s.starts >= now]
    return [("Talk to a person: " if c.role == contacts.PERSON else "") + c.shown() for c in contacts.current(engine)]
