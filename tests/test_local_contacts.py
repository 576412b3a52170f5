"""An organisation's contacts (knowledge/local/contacts.py): a role is one the five documents name, in their words,
found again in any answer that names it, by its words or the initials the documents give it; a file out of vocabulary
is refused naming the contact; "talk to a person" and answers naming a role give the contact, over REST, with the
documents' own text kept."""
from __future__ import annotations

import re
import time
import uuid

import pytest

from bot.cli import main as cli
from knowledge.db import make_engine
from knowledge.guide import Guide
from knowledge.local import contacts
from knowledge.local.contacts import LOCAL_CONTACT, PERSON, ContactsError
from knowledge.roles import normalise_role

FILE = """contacts:
  - for: talk to a person
    name: Riverside SEND training team
    email: send.training@riverside.example
  - for: DHO
    name: Dr Ada Example
    phone: 01234 567890
  - for: local offer
    name: Riverside Local Offer
    url: https://riverside.example/local-offer
"""


def _one(role: str, **reach: str) -> str:
    lines = "".join(f"    {k}: {v!r}\n" for k, v in (reach or {"email": "a@b.example"}).items())
    return f"contacts:\n  - for: {role!r}\n    name: 'A person'\n{lines}"


def test_a_contacts_file_is_read_in_the_documents_words(kb):
    found = contacts.read(FILE, kb)
    assert [c.role for c in found] == [PERSON, "Designated Health Officer", "Local Offer"]
    assert contacts.for_person(found).name == "Riverside SEND training team"
    dho = found[1]
    assert {"DHO", "Designated Health Officer"} <= set(dho.spellings)  # the role's names, and the documents' "(DHO)"
    for said in ("Level 5: Designated professionals including the Designated Health Officer (DHO)", "Deputy DHOs",
                 "the designated health officer"):
        assert contacts.naming(found, said) == [dho], said
    assert contacts.naming(found, "she dhoesn't: a word that holds the short form is not it") == []
    assert contacts.naming(found, "To have an awareness of the SEND local Offer") == [found[2]]


def _names(kb) -> list:
    """Every whole run of capitalised words (or a short form) the five documents write inside a sentence, in no more
    than a tenth of their passages: the population of names a contacts file may give, generated from the documents,
    not from the code under test."""
    found = set()
    for p in kb.passages:
        for m in re.finditer(r"(?<![\w'])[a-z]+,? ((?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+|[A-Z]{2,6})(?=[,.;)]| [a-z(])", p.text):
            found.add(m.group(1))
    used = {n: sum(1 for p in kb.passages if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", p.text, re.I)) for n in found}
    return sorted(n for n in found if used[n] <= len(kb.passages) / 10)


def test_every_name_the_documents_use_inside_a_sentence_is_a_contact_role_found_again_where_they_use_it(kb):
    names = _names(kb)
    assert len(names) > 30
    for name in names:
        [contact] = contacts.read(_one(name), kb)
        used = next(p.text for p in kb.passages if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", p.text))
        assert contacts.naming([contact], used) == [contact], name


def test_words_the_documents_never_use_as_a_name_are_refused(kb):
    roles = {normalise_role(name) for r in kb.roles for name in (r.name, *r.aliases)}  # "teacher" is a role, in any case
    ordinary = sorted(w for w in {w for p in kb.passages for w in re.findall(r"\b[a-z]{2,}\b", p.text)} if normalise_role(w) not in roles)
    assert len(ordinary) > 100 and {"sen", "staff"} <= set(ordinary)
    for word in ordinary[::7] + ["send", "sen", "uk", "la"]:  # "send", written so, is not "SEND"
        with pytest.raises(ContactsError, match="is not a role the documents name"):
            contacts.read(_one(word), kb)


@pytest.mark.parametrize("part", ["Health Officer", "Care Boards", "Educational Needs", "Young People"])
def test_part_of_a_longer_name_is_refused(kb, part):
    with pytest.raises(ContactsError, match="is not a role the documents name"):
        contacts.read(_one(part), kb)


def test_a_role_the_catalogue_knows_is_taken_in_any_of_its_names(kb):
    [head, board] = contacts.read(_one("headteacher") + _one("governing board").replace("contacts:\n", ""), kb)
    assert (head.role, board.role) == ("Headteacher", "Governor")
    assert contacts.naming([head], "the head of the department") == []  # an everyday word is not the role
    assert contacts.naming([head, board], "Headteachers should make sure the governing body knows") == [head, board]


@pytest.mark.parametrize("text, problem", [
    ("contacts: [", "not YAML"),
    ("people: []", 'one list, "contacts:"'),
    (_one("DHO", email="not an address"), "contact 1: the email must be written like"),
    (_one("DHO", url="javascript:alert(1)"), "contact 1: the url must be written like"),
    (_one("DHO", phone="call me"), "contact 1: the phone must be written like"),
    ("contacts:\n  - for: DHO\n    name: x\n", "at least one of email, phone, url"),
    ("contacts:\n  - for: DHO\n    name: x\n    email: a@b.example\n    notes: hi\n", "nothing else"),
    ("contacts:\n  - for: DHO\n    name: [1, 2]\n    email: a@b.example\n", "each as text"),
    (_one("Staff"), "'Staff' is not a role the documents name"),
    (_one("SEND"), "'SEND' is not a role the documents name"),  # in nearly every passage: no one person or service
    (_one("Designated Health Officer") + _one("DHO").replace("contacts:\n", ""), "contacts 1 and 2 are both for 'Designated Health Officer'"),
    (_one("DHO", email="a" * 300 + "@b.example"), "at most 300 characters"),
    ("contacts: " + "[" * 5000, "not YAML that can be read"),
    ("contacts:\n" + "  - {for: DHO, name: x, email: a@b.example}\n" * 201, "more than the limit of 200"),
])
def test_a_contacts_file_out_of_vocabulary_is_refused_naming_the_contact(kb, text, problem):
    with pytest.raises(ContactsError, match=re.escape(problem)):
        contacts.read(text, kb)


def test_the_command_line_sets_and_shows_the_contacts_and_the_guide_carries_them(built_db, tmp_path, capsys):
    (tmp_path / "contacts.yml").write_text(FILE, encoding="utf-8")
    (tmp_path / "bad.yml").write_text(_one("Staff"), encoding="utf-8")
    args = ["--database-url", built_db, "documents", "contacts"]
    try:
        assert cli([*args, str(tmp_path / "bad.yml")]) == 1
        assert "bad.yml is not used: contact 1: 'Staff' is not a role the documents name" in capsys.readouterr().out
        assert cli([*args, str(tmp_path / "contacts.yml"), "--by", "alex"]) == 0
        out = capsys.readouterr().out
        assert "In force now: the 3 contacts in contacts.yml" in out and "Talk to a person: Riverside SEND training team (send.training@riverside.example)" in out
        assert "Designated Health Officer: Dr Ada Example (01234 567890)" in out
        assert [c.name for c in Guide.open(built_db).contacts] == ["Riverside SEND training team", "Dr Ada Example", "Riverside Local Offer"]
    finally:
        contacts.save(make_engine(built_db), [], "test")
    assert cli(args) == 0 and "No contacts of the organisation are set" in capsys.readouterr().out


def _said(assistant, sender: str, message: str) -> str:
    return " ".join(r.get("text") or "" for r in assistant.say(sender, message))


@pytest.mark.assistant
def test_talk_to_a_person_and_an_answer_naming_a_role_give_the_organisation_s_contact_over_rest(assistant, kb):
    engine = make_engine(assistant.db_url)
    contacts.save(engine, contacts.read(FILE, kb), "test")
    try:
        time.sleep(2.5)  # the servers look for new contacts every 2 seconds
        person = _said(assistant, uuid.uuid4().hex, "can I talk to a person")
        assert "You can contact Riverside SEND training team." in person and "send.training@riverside.example" in person
        sender = uuid.uuid4().hex
        _said(assistant, sender, "I'm the designated health officer")
        level = _said(assistant, sender, "what level do I need")
        assert "Level 5" in level  # the documents' answer, kept
        assert LOCAL_CONTACT in level and "Designated Health Officer: Dr Ada Example" in level and "01234 567890" in level
        assert level.index("Level 5") < level.index(LOCAL_CONTACT)
        unrelated = _said(assistant, uuid.uuid4().hex, "what does a teaching assistant do for pupils with SEND")
        assert LOCAL_CONTACT not in unrelated
    finally:
        contacts.save(engine, [], "test")
        time.sleep(2.5)
    assert "the SEND training team" in _said(assistant, uuid.uuid4().hex, "can I talk to a person")  # back to the environment's
