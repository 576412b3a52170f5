"""Run generated people through the rules (as `send-guide level` and staff lists do) or over REST, each
answering every question from their own facts, and count what came out: wrong levels, people left
without an answer, and the questions each was asked."""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Callable, Iterable, List, Tuple

from knowledge.guide import Guide
from knowledge.rules import Determination
from tests.population.grammar import Person
from tests.conversation import reply_text
from tests.rules_helpers import converse, person, press_for

MAX_TURNS = 3  # questions after the role before a level, over REST
Replies = List[dict]


@dataclass
class Figures:
    people: int = 0
    wrong: List[Tuple[str, str, str]] = field(default_factory=list)  # (what they said, what they got, what the documents support)
    unanswered: List[str] = field(default_factory=list)
    questions: List[int] = field(default_factory=list)

    def line(self, label: str) -> str:
        asked = sum(1 for q in self.questions if q)
        return (f"{label}: {self.people} people, {len(self.wrong)} wrong, {len(self.unanswered)} without a level or a stated "
                f"silence; questions per person: median {statistics.median(self.questions or [0]):g}, "
                f"max {max(self.questions or [0])}; {asked} were asked at least one")


def through_rules(guide: Guide, people: Iterable[Person]) -> Figures:
    figures = Figures()
    for who in people:
        figures.people += 1
        try:
            record, result = converse(guide, who.say, person(who.truth))
        except AssertionError:
            figures.unanswered.append(who.say)
            continue
        figures.questions.append(len(record.asked))
        got = _name(result)
        if got != who.expect:
            figures.wrong.append((who.say, got, who.expect))
    return figures


def _name(result: Determination) -> str:
    return result.level.name if result.level else "none"


def over_rest(say: Callable[[str, str], Replies], people: Iterable[Person]) -> Figures:
    """``say(sender, message)`` posts one message and returns the replies; the person presses the buttons
    that are true of them until a level or a stated silence."""
    figures = Figures()
    for n, who in enumerate(people):
        figures.people += 1
        sender, facts = f"population-{n}", person(who.truth)
        replies = say(sender, who.say)
        turns = 0
        while not _answered(reply_text(replies)) and turns < MAX_TURNS:
            buttons = [b for r in replies for b in r.get("buttons") or []]
            try:
                replies = say(sender, press_for(facts, reply_text(replies), buttons))
            except AssertionError:
                break
            turns += 1
        text = reply_text(replies)
        if not _answered(text):
            figures.unanswered.append(who.say)
            continue
        figures.questions.append(turns)
        want = "no training level" if who.expect == "none" else f"You need {who.expect} "
        if want not in text:
            figures.wrong.append((who.say, text[:200], who.expect))
    return figures


def _answered(text: str) -> bool:
    return "You need " in text or "no training level" in text
