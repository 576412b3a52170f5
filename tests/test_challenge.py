"""The challenge set (../shared/challenge/): people and questions the way staff really phrase them.

Role cases run through the rules as `send-guide level --interactive` and the staff-list check
run them: the person answers each question from what is true of them. A designated-role
question that does not say SEND is answered yes by someone with a safeguarding designation.
Parts that need the running assistant are marked `assistant`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Dict

import pytest
import yaml

from knowledge.rules import Determination
from knowledge.sources import seeds_dir
from knowledge.staff import assess
from knowledge.staff.input import read
from tests.rules_helpers import FACT, converse, person, press_for

CHALLENGE = seeds_dir().parent / "challenge"


def _load(name: str) -> list[Dict[str, Any]]:
    path = CHALLENGE / name
    if not path.is_file():
        pytest.fail(f"the challenge set is missing: {path} (it lives in ../shared/challenge/)")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


ROLES = _load("roles.yml")
QUESTIONS = _load("questions.yml")


def expected(case: Dict[str, Any]) -> str | None:
    return None if case["expect"] == "none" else case["expect"]


def check(case: Dict[str, Any], covered: set[str], result: Determination) -> None:
    got = result.level.name if result.level else None
    assert got == expected(case), f"{case['say']!r}: {got} where the documents support {case['expect']}"
    missing = [fact for fact in case.get("must_ask", []) if FACT.get(fact, fact) not in covered]
    assert not missing, f"{case['say']!r}: never asked about {missing}, which the title does not settle"
    if case.get("not_role"):
        assert case["not_role"] not in [r.name for r in result.role.roles], f"{case['say']!r} taken for {case['not_role']}"
    if case.get("award") == "required":
        assert result.senco_award_required, f"{case['say']!r}: not told the National Award is required"
    if case.get("award") == "not_required":
        assert not result.senco_award_required, f"{case['say']!r}: wrongly told to achieve the National Award"


@pytest.mark.parametrize("case", ROLES, ids=[c["say"] for c in ROLES])
def test_role_case_through_the_questions(guide, case):
    record, result = converse(guide, case["say"], person(case["truth"]))
    check(case, record.covered, result)
    assert len(record.asked) <= 3


_OPTION = re.compile(r"^  (\d+)\. (.*)  \[(.*)\]$")


def test_every_role_case_through_the_command_line(built_db, capsys, monkeypatch):
    """`send-guide level --interactive` as a person uses it: they read the printed options and type a number."""
    from bot import cli
    from knowledge.schema import Option, Question

    for case in ROLES:
        who = person(case["truth"])

        def answer(prompt: str = "") -> str:
            printed = capsys.readouterr().out.splitlines()
            start = max(n for n, line in enumerate(printed) if not line.startswith(" ") and not line.startswith("Sources"))
            head, lines = printed[start], printed[start + 1:]
            options = []
            for m in filter(None, map(_OPTION.match, lines)):
                sets = dict(flag.split(" ", 1) for flag in m.group(3).removeprefix("--").split(" --"))
                options.append((m.group(1), Option(sets.get("involvement", ""), m.group(2), sets)))
            asks = "involvement" if "involvement" in options[0][1].sets else next(iter(options[0][1].sets))
            question = Question(asks, head, tuple(o for _, o in options), None, "schools" if "in the school" in head else "health")
            return next(n for n, o in options if who.holds(question, o))

        monkeypatch.setattr("builtins.input", answer)
        assert cli.main(["--database-url", built_db, "level", "--interactive", "--role", case["say"], "--json"]) == 0
        data = yaml.safe_load(capsys.readouterr().out.split("\n> ")[-1].lstrip("> "))
        assert data["level"] == expected(case), (case["say"], data["level"])
        award = (data.get("senco_award") or {}).get("required", False)
        assert case.get("award") != "required" or award, case["say"]
        assert case.get("award") != "not_required" or not award, case["say"]


def test_every_role_case_through_the_staff_list_check(guide):
    """The staff-list check gives each person the same answer when the file holds their answers."""
    header = ["Job title", "Sector", "Involvement", "New SENCO"]
    rows = []
    for case in ROLES:
        record, result = converse(guide, case["say"], person(case["truth"]))
        answers = result.known
        rows.append([case["say"], answers.get("sector", ""), answers.get("involvement", ""), answers.get("new-senco", "")])
    text = "\n".join(",".join(f'"{cell}"' for cell in row) for row in [header, *rows])
    results = list(assess(guide, read(text.encode(), "staff.csv"), dt.date(2026, 11, 25)))
    for case, row in zip(ROLES, results):
        assert row.level == expected(case) and row.open_question is None, (case["say"], row.level, row.open_question)


def test_the_challenge_set_is_held_whole():
    assert len(ROLES) >= 30 and len(QUESTIONS) >= 20
    assert all({"say", "truth", "expect"} <= set(c) for c in ROLES)


@pytest.mark.assistant
@pytest.mark.parametrize("case", ROLES, ids=[c["say"] for c in ROLES])
def test_role_case_over_the_wire(assistant, case):
    """The person types their role as written, then presses the buttons that are true of them."""
    from tests.conversation import Conversation

    who, chat = person(case["truth"]), Conversation(assistant)
    text = chat.say(case["say"])
    for _ in range(3):
        if "You need " in text or "no training level" in text:
            break
        text = chat.say(press_for(who, text, chat.buttons))
    level = expected(case)
    assert (f"You need {level} " in text) if level else ("no training level" in text), (case["say"], text[:300])
    if case.get("award") == "required":
        assert "You must achieve the National Award" in text
    if case.get("award") == "not_required":
        assert "You must achieve the National Award" not in text


@pytest.mark.assistant
@pytest.mark.parametrize("case", QUESTIONS, ids=[c["say"] for c in QUESTIONS])
def test_question_over_the_wire(assistant, case):
    from tests.conversation import Conversation

    text = Conversation(assistant).say(case["say"])
    for pattern in case["expect"]:
        assert re.search(pattern, text, re.IGNORECASE), f"{case['say']!r}: no {pattern!r} in {text[:400]!r}"
