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
from typing import Any, Iterable

import yaml
from sqlalchemy import JSON, Column, DateTime, Integer, String, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge.initials import spelled_by_initials
from knowledge.local.parse import clean
from knowledge.local.store import Base, now, ready
from knowledge.schema import KnowledgeBase

PERSON = "talk to a person"  # the contact "talk to a person" gives, before the one the environment sets
REACH = ("email", "phone", "url")
FIELDS = ("for", "name", *REACH)
MOST = 200  # contacts in one file
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
    """The contacts of a YAML file, each role checked against the five documents' words."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise ContactsError(f"the file is not YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(data, dict) or set(data) != {"contacts"} or not isinstance(data["contacts"], list):
        raise ContactsError('the file must hold one list, "contacts:", and nothing else')
    if len(data["contacts"]) > MOST:
        raise ContactsError(f"the file has more than the limit of {MOST} contacts")
    texts = [p.text for p in kb.passages]
    found = [_contact(n, entry, texts) for n, entry in enumerate(data["contacts"], 1)]
    roles = [c.role.casefold() for c in found]
    twice = next((r for r in roles if roles.count(r) > 1), None)
    if twice:
        raise ContactsError(f"two contacts are given for {twice!r}: give one")
    return found


def _contact(n: int, entry: Any, texts: list[str]) -> Contact:
    where = f"contact {n}"
    if not isinstance(entry, dict) or not set(entry) <= set(FIELDS) or not all(isinstance(v, str) for v in entry.values()):
        raise ContactsError(f"{where}: give for, name and at least one of {', '.join(REACH)}, each as text, and nothing else")
    cells = {k: clean(v)[:LONGEST] for k, v in entry.items()}
    if not cells.get("for") or not cells.get("name") or not any(cells.get(k) for k in REACH):
        raise ContactsError(f"{where}: give for, name and at least one of {', '.join(REACH)}")
    for key, pattern, example in (("email", _EMAIL, "name@example.org"), ("phone", _PHONE, "01234 567890"),
                                  ("url", _URL, "https://example.org/send")):
        if cells.get(key) and not pattern.match(cells[key]):
            raise ContactsError(f"{where}: the {key} must be written like {example}")
    if cells["for"].casefold() == PERSON:
        return Contact(PERSON, cells["name"], *(cells.get(k, "") for k in REACH))
    spellings = _named(cells["for"], texts)
    if not spellings:
        raise ContactsError(f"{where}: the five documents never name {cells['for']!r} (as a name, with its capitals): give "
                            f"{PERSON!r} or a role or service in the documents' words, such as \"Designated Health Officer\"")
    return Contact(max(spellings, key=len), cells["name"], *(cells.get(k, "") for k in REACH), spellings=spellings)


def _named(role: str, texts: Iterable[str]) -> tuple[str, ...]:
    """The role as the documents write it as a name (its words capitalised inside a sentence, not only at its start),
    and the initials they give it or spell out; empty when the documents never name it so."""
    texts = list(texts)
    words = re.compile(rf"(?<![\w-]){re.escape(role)}(?![\w-])", re.IGNORECASE)
    names = [m.group(0) for t in texts for m in words.finditer(t) if _a_name(m.group(0), t[:m.start()])]
    if not names or len(role) < 2:
        return ()
    written = role if role in names else max(dict.fromkeys(names), key=names.count)
    initials = re.compile(rf"(?<![\w-])(?i:{re.escape(written)})\s*\(\s*([A-Z]{{2,6}})s?\s*\)")
    others = [m.group(1) for t in texts for m in initials.finditer(t)]
    short = len(written) <= 6 and sum(c.isupper() for c in written) >= 2
    spelled = spelled_by_initials(written, texts) if short else None  # "SENCO": "special educational needs coordinator"
    return tuple(dict.fromkeys([written, *others, *([spelled[0]] if spelled else [])]))


def _a_name(found: str, before: str) -> bool:
    """Written as a name: each word capitalised (little words aside), one word only as a short form, and not just the
    first word of a sentence."""
    significant = [w for w in found.split() if w.casefold() not in ("of", "and", "for", "the", "in")]
    capitalised = bool(significant) and all(w[0].isupper() for w in significant) and \
        (len(significant) > 1 or sum(c.isupper() for c in found) >= 2)  # one word: a short form ("SENCO"), not "Staff"
    starts = not before.strip() or before.rstrip()[-1] in ".!?:;\u2022-*>\t|" or before.endswith("\n")
    return capitalised and not starts


def naming(contacts: Iterable[Contact], text: str) -> list[Contact]:
    """The contacts whose role the text names: its words in any case, its initials as capitals (a plural too)."""
    def said(spelling: str) -> bool:
        if spelling.isupper():
            return re.search(rf"(?<![\w-]){re.escape(spelling)}s?(?![\w-])", text) is not None
        return re.search(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])", text, re.IGNORECASE) is not None

    return [c for c in contacts if c.role != PERSON and any(said(s) for s in c.spellings)]


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
