"""An organisation's own contacts: who "talk to a person" points to, and who fills a role the documents name
(the Designated Health Officer, the SENCO, the Local Offer's pages), shown after an answer that names that role,
with the documents' own text kept as it is. Given as a small YAML file, checked word for word:

    contacts:
      - for: talk to a person                 # the contact "talk to a person" gives
        name: SEND training team
        email: send.training@example.nhs.uk
      - for: Designated Health Officer        # a name the five documents use, in their words
        name: Dr A Example
        phone: 01234 567890
        url: https://example.nhs.uk/send

A contact is the organisation's, not the documents': an answer says so. Each upload replaces the last, which is
kept as a record with who added it and when.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Iterable

from sqlalchemy import JSON, Column, DateTime, Integer, String, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge.initials import spelled_by_initials
from knowledge.local.parse import clean
from knowledge.local.rules import yaml_list
from knowledge.local.store import Base, now, ready
from knowledge.roles import normalise_role
from knowledge.schema import KnowledgeBase

PERSON = "talk to a person"  # the contact "talk to a person" gives, before the one the environment sets
REACH = ("email", "phone", "url")
FIELDS = ("for", "name", *REACH)
MOST = 200  # contacts in one file
COMMON = 0.1  # a name in more of the documents' passages than this names no one person or service ("SEND")
_LITTLE = {"of", "and", "for", "the", "in", "&"}
_TAG = re.compile(r"<[^>]+>")
LONGEST = 300  # characters of any one field
LOCAL_CONTACT = "Your organisation's contact (not the documents'):"  # how an answer names a contact of the file
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,24}$")
_URL = re.compile(r"^https?://[^\s<>\"]+$")


class ContactsError(ValueError):
    """The contacts file cannot be used; the message names the contact and what is wrong with it."""


@dataclass(frozen=True)
class Contact:
    role: str  # PERSON, or the name the documents use ("Designated Health Officer")
    name: str
    email: str = ""
    phone: str = ""
    url: str = ""
    spellings: tuple[str, ...] = ()  # the role as an answer may write it: its words, and the initials the documents give it

    def shown(self) -> str:
        reach = ", ".join(x for x in (self.email, self.phone, self.url) if x)
        return (f"{self.role}: " if self.role != PERSON else "") + f"{self.name} ({reach})"


class ContactsRow(Base):
    __tablename__ = "send_guide_local_contacts"
    id = Column(Integer, primary_key=True)
    contacts = Column(JSON, nullable=False)
    added_by = Column(String(200), nullable=False)
    added_at = Column(DateTime, nullable=False, default=now)


def read(text: str, kb: KnowledgeBase) -> list[Contact]:
    """The contacts of a YAML file, each role checked against the documents' roles and words."""
    entries = yaml_list(text, "contacts", MOST, ContactsError)
    texts = [_TAG.sub(" ", p.text) for p in kb.passages]
    found = [_contact(n, entry, texts, kb) for n, entry in enumerate(entries, 1)]
    for n, contact in enumerate(found):
        twice = next((c for c in found[:n] if {x.casefold() for x in c.spellings} & {x.casefold() for x in contact.spellings}
                      or c.role == contact.role), None)
        if twice:
            raise ContactsError(f"contacts {found.index(twice) + 1} and {n + 1} are both for {contact.role!r}: give one")
    return found


def _contact(n: int, entry: Any, texts: list[str], kb: KnowledgeBase) -> Contact:
    where = f"contact {n}"
    if not isinstance(entry, dict) or not set(entry) <= set(FIELDS) or not all(isinstance(v, str) for v in entry.values()):
        raise ContactsError(f"{where}: give for, name and at least one of {', '.join(REACH)}, each as text, and nothing else")
    cells = {k: clean(v) for k, v in entry.items()}
    if not cells.get("for") or not cells.get("name") or not any(cells.get(k) for k in REACH):
        raise ContactsError(f"{where}: give for, name and at least one of {', '.join(REACH)}")
    if any(len(v) > LONGEST for v in cells.values()):
        raise ContactsError(f"{where}: each field must be at most {LONGEST} characters")
    for key, pattern, example in (("email", _EMAIL, "name@example.org"), ("phone", _PHONE, "01234 567890"),
                                  ("url", _URL, "https://example.org/send")):
        if cells.get(key) and not pattern.match(cells[key]):
            raise ContactsError(f"{where}: the {key} must be written like {example}")
    if cells["for"].casefold() == PERSON:
        return Contact(PERSON, cells["name"], *(cells.get(k, "") for k in REACH))
    role = next((r for r in kb.roles if normalise_role(cells["for"]) in {normalise_role(x) for x in (r.name, *r.aliases)}), None)
    spellings = _role_names(role.name, role.aliases) if role else _named(cells["for"], texts)
    if not spellings:
        raise ContactsError(f"{where}: {cells['for']!r} is not a role the documents name, nor a name they use for one "
                            f"person or service (written as a name, not in most of their passages): give {PERSON!r}, a role such "
                            "as \"Designated Health Officer\" or \"SENCO\", or a service such as \"Local Offer\"")
    return Contact(role.name if role else max(spellings, key=len), cells["name"], *(cells.get(k, "") for k in REACH),
                   spellings=spellings)


def _role_names(name: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """A catalogue role's names, less the everyday words an answer uses for other things ("head")."""
    return tuple(x for x in (name, *aliases) if len(x) >= 2 and not (" " not in x and x.islower() and len(x) < 5))


def _named(role: str, texts: list[str]) -> tuple[str, ...]:
    """The role as the documents write it as a name (each word capitalised; one word only as a short form such as
    "SENCO"; never part of a longer name), with the initials they give it or spell out; empty when they never name it
    so, or name it in too many passages to be one person or service ("SEND")."""
    words = re.compile(rf"(?<![\w-]){re.escape(role)}(?![\w-])", re.IGNORECASE)
    names = [m.group(0) for t in texts for m in words.finditer(t) if _a_name(m.group(0), t[:m.start()], t[m.end():])]
    if " " not in role:  # one word is read as typed: "send" is not "SEND"
        names = [x for x in names if x == role or (x.casefold() == role.casefold() and sum(c.isupper() for c in role) >= 2)]
    if not names or sum(1 for t in texts if words.search(t)) > COMMON * len(texts):
        return ()
    written = role if role in names else max(dict.fromkeys(names), key=names.count)
    initials = re.compile(rf"(?<![\w-])(?i:{re.escape(written)})\s*\(\s*([A-Z]{{2,6}})s?\s*\)")
    others = [m.group(1) for t in texts for m in initials.finditer(t)]
    short = len(written) <= 6 and sum(c.isupper() for c in written) >= 2
    spelled = spelled_by_initials(written, texts) if short else None  # "DHO": "Designated Health Officer"
    return tuple(dict.fromkeys([written, *others, *([spelled[0]] if spelled else [])]))


def _a_name(found: str, before: str, after: str) -> bool:
    """Written as a name: each word capitalised (little words aside), one word only as a short form, and the whole of
    it ("Health Officer" in "Designated Health Officer" is not)."""
    significant = [w for w in found.split() if w.casefold() not in _LITTLE]
    capitalised = bool(significant) and all(w[0].isupper() for w in significant) and \
        (len(significant) > 1 or sum(c.isupper() for c in found) >= 2)  # one word: a short form ("SENCO"), not "Staff"
    joined = re.search(r"[A-Z][\w'-]*\s+$", before) or re.match(r"\s+[A-Z][\w'-]*(?!\s*\()", after)
    return capitalised and not (joined and len(significant) > 1)


@lru_cache(maxsize=4096)
def _said(spelling: str) -> re.Pattern:
    """A spelling as an answer may write it: its words in any case; a short form of two letters in capitals only."""
    plural = "s?" if spelling.isupper() else ""
    flags = 0 if len(spelling) <= 2 and spelling.isupper() else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(spelling)}{plural}(?![\w-])", flags)


def naming(contacts: Iterable[Contact], text: str) -> list[Contact]:
    """The contacts whose role the text names, by any of its spellings."""
    return [c for c in contacts if c.role != PERSON and any(_said(s).search(text) for s in c.spellings)]


def for_person(contacts: Iterable[Contact]) -> Contact | None:
    return next((c for c in contacts if c.role == PERSON), None)


def save(engine: Engine, contacts: list[Contact], added_by: str) -> None:
    with Session(ready(engine)) as session, session.begin():
        session.add(ContactsRow(contacts=[asdict(c) for c in contacts], added_by=clean(added_by)[:200]))


def current(engine: Engine) -> tuple[Contact, ...]:
    with Session(ready(engine)) as session:
        newest = session.execute(select(ContactsRow.contacts).order_by(ContactsRow.id.desc()).limit(1)).scalar()
    return tuple(Contact(**{**c, "spellings": tuple(c["spellings"])}) for c in newest or [])


def generation(engine: Engine) -> object:
    with Session(ready(engine)) as session:
        return session.execute(select(func.max(ContactsRow.id))).scalar()
