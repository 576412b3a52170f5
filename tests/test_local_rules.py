"""An organisation's rules that raise a level (knowledge/local/rules.py): every rule checked against the documents'
placements and the organisation's stored documents, generated over every role the documents place; the raised
level given by the one decision every channel uses, with both sources; one that lowers refused."""
from __future__ import annotations

import dataclasses
import time
import uuid

import pytest

from bot.cli import main as cli
from knowledge.db import make_engine
from knowledge.guide import Guide, build
from knowledge.local import rules, store
from knowledge.local.parse import read
from knowledge.local.store import whose
from knowledge.staff import assess
from knowledge.staff.input import read as read_staff
from tests.rules_helpers import Person, converse

OWNER, TITLE = "Riverside NHS Trust", "Ward training policy"
QUOTE = "Every member of staff named in this policy completes the SEND training level it sets."


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    """A built knowledge base with one document of the organisation's, and an engine on it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('rules') / 'kb.db'}"
    build(url)
    engine = make_engine(url)
    store.add(engine, read(f"# Ward training\n\n{QUOTE}\n".encode(), "policy.md"), "policy.md", TITLE, OWNER, "test")
    return url, engine, Guide.open(url)


def _yaml(role: str, level: str, document: str = TITLE, quote: str = QUOTE) -> str:
    return f"rules:\n  - role: {role!r}\n    level: {level!r}\n    document: {document!r}\n    quote: {quote!r}\n"


def _placed(guide: Guide) -> list:
    """Every role the documents place at one level, with each level of its framework above and at or below it."""
    cases = []
    for role in (r for r in guide.kb.roles if r.level and not r.tension):
        own = guide.kb.level(role.level)
        for level in guide.kb.levels_of(own.framework):
            cases.append((role, own, level))
    return cases


def test_every_rule_is_kept_when_it_raises_a_placed_role_and_refused_when_it_does_not(setting):
    _, engine, guide = setting
    cases = _placed(guide)
    assert len(cases) > 40
    for role, own, level in cases:
        text = _yaml(role.name, level.name)
        if level.rank > own.rank:
            [rule] = rules.read(text, guide.kb, guide.catalogue, engine)
            assert (rule.role, rule.level, rule.citation.quote) == (role.name, level.id, QUOTE)
            assert rule.citation.title == whose(TITLE, OWNER)
        else:
            with pytest.raises(rules.RulesError, match=f"would not raise what the framework sets: the documents set {own.name}"):
                rules.read(text, guide.kb, guide.catalogue, engine)


@pytest.mark.parametrize("text, problem", [
    ("rules: [", "not YAML"),
    ("levels: []", 'one list, "rules:"'),
    ("rules:\n  - {role: GP, level: Level 4}", "give exactly role, level, document, quote"),
    (_yaml("dentist", "Level 2"), "'dentist' is not a role the documents name; use one of:"),
    (_yaml("GP", "Level 9"), "no level 'Level 9'"),
    (_yaml("GP", "Tier 2"), "Tier 2 is not in the framework that sets GP's level"),
    (_yaml("GP", "Level 4", document="Another policy"), "no document of the organisation is titled 'Another policy'"),
    (_yaml("GP", "Level 4", quote="Words the policy never says."), "the quote is not in 'Ward training policy' as stored"),
])
def test_a_rules_file_out_of_vocabulary_is_refused_naming_the_rule_and_the_problem(setting, text, problem):
    _, engine, guide = setting
    with pytest.raises(rules.RulesError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        rules.read(text, guide.kb, guide.catalogue, engine)


def test_the_raised_level_is_what_every_channel_decides_with_both_sources(setting):
    _, engine, guide = setting
    role = next(r for r in guide.kb.roles if r.name == "Non-clinical manager")
    national = guide.kb.level(role.level)
    higher = next(lv for lv in guide.kb.levels_of(national.framework) if lv.rank == national.rank + 1)
    local = dataclasses.replace(guide, local=tuple(rules.read(_yaml(role.name, higher.name), guide.kb, guide.catalogue, engine)))
    nobody = Person({"contact": "none", "assess": "no", "lead": "no", "designated": "no", "confidential": "no"})
    _, before = converse(guide, role.name, nobody)
    _, after = converse(local, role.name, nobody)
    assert (before.level, after.level) == (national, higher)
    said = [(r.text, r.citation.document) for r in after.reasons]
    assert (f"The documents' minimum for you is {national.name}.", national.cohort.citation.document) in said
    assert (f"Your organisation asks for {higher.name} ({role.name}): \u201c{QUOTE}\u201d", "local/1") in said
    _, other = converse(local, "GP", nobody)  # a role no rule names keeps the documents' level
    assert other.level == guide.kb.level("level-3")
    staff = read_staff(f"Job title,Involvement\n{role.name},none\nGP,none\n".encode(), "staff.csv")
    assert [a.level for a in assess(local, staff)][:1] == [higher.name]  # the staff-list check gives the higher one


def test_the_command_line_sets_shows_and_applies_the_rules_until_their_document_is_removed(setting, tmp_path, capsys):
    url, engine, _ = setting
    rules_file = tmp_path / "rules.yml"
    rules_file.write_text(_yaml("practice manager", "Level 2"))
    assert cli(["--database-url", url, "documents", "rules", str(rules_file)]) == 0
    assert "Non-clinical manager: Level 2, as Your organisation's document" in capsys.readouterr().out
    assert cli(["--database-url", url, "level", "--role", "practice manager", "--contact", "none", "--assess", "no",
                "--lead", "no", "--designated", "no"]) == 0
    printed = capsys.readouterr().out
    assert "Level 2" in printed and "Your organisation asks for Level 2" in printed
    lower = tmp_path / "lower.yml"
    lower.write_text(_yaml("GP", "Level 1"))
    assert cli(["--database-url", url, "documents", "rules", str(lower)]) == 1
    assert "refused, because it would not raise" in capsys.readouterr().out
    store.remove(engine, 1, "test")
    assert rules.current(engine) == ()  # a rule whose document is removed no longer applies


@pytest.mark.assistant
def test_a_rule_raises_the_level_in_a_rest_conversation_which_offers_a_local_session_for_it(assistant):
    from knowledge.local import calendar
    from knowledge.local.calendar import LOCAL_SESSION

    engine = make_engine(assistant.db_url)
    document_id, _ = store.add(engine, read(f"# Ward training\n\n{QUOTE}\n".encode(), "policy.md"), "policy.md", TITLE, OWNER, "test")
    guide = Guide.open(assistant.db_url)
    sessions = b"level,date,title,place\nLevel 2,2099-01-14 09:30,Level 2 workshop,Room 2\nLevel 3,2099-01-20 10:00,Level 3 course,Room 3\n"
    try:
        rules.save(engine, rules.read(_yaml("practice manager", "Level 3"), guide.kb, guide.catalogue, engine), "test")
        calendar.save(engine, calendar.read(sessions, "sessions.csv", guide.kb), "sessions.csv", "test")
        time.sleep(2.5)  # the servers look for new rules every 2 seconds
        sender = uuid.uuid4().hex
        texts = [r.get("text") or "" for r in assistant.say(sender, "I'm a practice manager")]
        for _ in range(4):
            if any("You need" in t for t in texts):
                break
            texts = [r.get("text") or "" for r in assistant.say(sender, "none of these")]
        said = " ".join(texts)
        assert "You need Level 3" in said and "Your organisation asks for Level 3" in said and whose(TITLE, OWNER) in said
        assert f"{LOCAL_SESSION} Tuesday 20 January 2099, 10:00: Level 3 course, Room 3" in said and "Room 2" not in said
    finally:
        store.remove(engine, document_id, "test")
        rules.save(engine, [], "test")
        calendar.save(engine, [], "empty.csv", "test")
