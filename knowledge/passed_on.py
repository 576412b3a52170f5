"""A question passed on from someone else: "a governor asked me if ofsted can inspect the SENCO courses", "my manager
wants to know how many weeks the planning process is", "HR told me to ask which level applies to me". What is asked is
the question, told as reported speech; who asked it (the governor, the manager) is not the asker's job, nor what the
question is about. Plain Python, read by the role intent (which roles the message names) and by the answers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from knowledge.words import A_LEVEL

MAX_READ = 400  # characters searched for the words that pass a question on
_TO_KNOW = r"(?:wants?|wanted|would like) to know"  # (not "staff need to know what ...": a duty)
_WONDER = r"(?:(?:was|is|were|are|been)\s+)?wondering|wondered|wonders"
_ASKED = r"(?:(?:has|had|have|just|also|then|been|was|were|is|am|i'm)\s+)*(?:asked|asking|queried|enquired|inquired)"  # (not
# "parents ask me how to apply": what the work is)
_TOLD = r"(?:said|says|told\s+(?:me|us)|wants?\s+(?:me|us)|wanted\s+(?:me|us)|asked\s+(?:me|us)|(?:has|have|had|been|was|were|am|i'm)\s+asked)"
_WHOM = r"(?:me|us|you|him|her|them|(?:our|my|the|a|an|one of (?:our|the|my))\s+[\w-]+(?:\s+[\w-]+)?)"  # "asked our family worker"
_FIND = r"(?:find out|check|double[- ]check|ask|confirm|clarify|look up|see|work out|establish)(?:\s+(?:with you|on here|here))?"
WH = r"(?:whether|if|what|what's|whats|wat|when|who|whom|whose|which|how|why|where)"
REQUEST = r"(?:list|summari[sz]e|explain|outline|describe|define)"  # "asked me to list the waves": what is asked for
PASSING_ON = re.compile(
    rf"\b(?:(?:{_TO_KNOW}|{_WONDER}|{_ASKED})(?:\s+{_WHOM})?|{_TOLD}\s+to\s+{_FIND})\s*[:,-]?\s+(?=(?:{WH})\b)"  # "... asked me what"
    rf"|\b{_TOLD}\s+to\s+(?={REQUEST}\b)"  # "asked me to list ..."
    rf"|\b{_TOLD}\s+to\s+(?:find out|check|confirm|clarify|work out)\s+(?=(?:the|our|a|an)\s)",  # "asked me to confirm the level"
    re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.?!;:(]\s*|,\s+|\s[-\u2013\u2014]\s+|\s(?:and|so|but|then)\s+", re.IGNORECASE)  # where the clause of who asks begins
_OWN_QUESTION = re.compile(r"^\s*(?:(?:does|do|did|should|must|would|will|shall|may|might|is|are|am|was|were|has|have|when|why|how|"
                           r"what|who|where|which|could|can|tell|explain|please)\b)",
                           re.IGNORECASE)  # "does the SENCO have to ask parents whether ...": a question about asking
_DUTY = re.compile(r"\b(?:should|must|shall|might|(?:have|has|had|need|needs|ought) to)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_A_DOCUMENT = re.compile(r"\b(?:framework|spec|specification|report|document|code|guidance|section|appendix|criterion|form|record|"
                         r"review|question|it|this|that)\s*$", re.IGNORECASE)  # "the review asks whether ...": the document's words
_ME = re.compile(r"\b(?:i|i'm|i've|im|ive|we|we're|we've)\b", re.IGNORECASE)
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|him|his|they|them|their)\b", re.IGNORECASE)
_WHETHER = re.compile(r"(?:whether|if)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PassedOn:
    """The message with who asked cut out: ``text[:cut[0]]`` is said before it ("school nurse here, "), then ``inserted``
    ("what is "), then what was asked from ``cut[1]`` on."""
    text: str
    cut: tuple[int, int]
    inserted: str = ""

    def moved(self, position: int) -> int | None:
        """Where a character of the message is in ``text``; None when it was cut out (who asked)."""
        if position < self.cut[0]:
            return position
        if position < self.cut[1]:
            return None
        return position - (self.cut[1] - self.cut[0]) + len(self.inserted)

    @property
    def question(self) -> str:
        """The sentence asked, as passed on ("what skills staff use with families?", not what is said after it)."""
        return re.match(r"[^.?!]*[.?!]?", self.text[self.cut[0]:]).group()

    def span(self, entity: Mapping[str, Any]) -> dict[str, int] | None:
        """Where an entity found in the message is in ``text`` ({} when it has no place), or None when it is in who asked."""
        if "start" not in entity or "end" not in entity:
            return {}
        start, end = self.moved(int(entity["start"])), self.moved(max(int(entity["end"]) - 1, int(entity["start"])))
        return None if start is None or end is None else {"start": start, "end": end + 1}


def passed_on(typed: str | None) -> PassedOn | None:
    """The question a message passes on, without who asked it ("a parent asked me whether every child with SEND needs an
    EHCP" asks "every child with SEND needs an EHCP?"); None when it passes none on. A question about asking ("should
    the SENCO ask parents whether ...") and a document's words ("the review asks whether ...") pass none on."""
    text = typed or ""
    if text.startswith("/") or text.count("\n") > 2:
        return None  # a button's request, a pasted list
    for found in PASSING_ON.finditer(text[:MAX_READ]):
        start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, found.start())), default=0)
        who = text[start: found.start()]
        if _OWN_QUESTION.match(who) or _DUTY.search(who) or _A_DOCUMENT.search(who) or _ME.search(who):
            continue  # (and "As a new SENCO I have been asked to find out what level I need": the asker's own)
        rest = text[found.end():]
        whether = _WHETHER.match(rest)
        end = found.end() + (whether.end() if whether else 0)
        asked = text[end:]
        if start == 0 and _THIRD_PERSON.search(asked):
            start = found.start()  # "The SENCO wants to know what level she needs": who asked is who it is about
        inserted = "" if re.match(rf"(?:{WH}|{REQUEST})\b", rest, re.IGNORECASE) else "what is "  # "asked me to confirm the level"
        first = len(re.match(r"[^.?!]*", asked).group())  # the question passed on, to the end of its sentence, ends in "?"
        closed = asked if asked[first:first + 1] == "?" else f"{asked[:first]}?{asked[first + 1:]}" if first < len(asked) else f"{asked}?"
        return PassedOn(text[:start] + inserted + closed, (start, end), inserted)
    return None


_SCRAPPED = re.compile(r"\b(?:scrap|ignore|forget|strike|disregard)\s+that\b\W*|\bnever\s?mind(?:\s+that)?\b[\s,.;:!-]*", re.IGNORECASE)
_LEVEL = rf"\b{A_LEVEL}"
_CORRECTED = re.compile(rf"{_LEVEL}\s*[-\u2013,]?\s*(?:no,?\s*|oh,?\s*)?(?:sorry|i mean|i meant|correction)\b[\s,]*(?:no,?\s*)?"
                        rf"(?:i mean\s+|i meant\s+)?(?={_LEVEL})", re.IGNORECASE)  # "tier 1 - no sorry, tier 2"


def corrected(typed: str | None) -> PassedOn | None:
    """A message that corrects itself as it goes ("is it level 4? sorry no, scrap that - which level is set for deputy
    DHOs?", "level 3 - sorry I mean level 4 - hours?"): without what it takes back; None when it takes nothing back."""
    text = typed or ""
    if text.startswith("/"):
        return None
    scrapped = list(_SCRAPPED.finditer(text, 0, MAX_READ))
    if scrapped and text[scrapped[-1].end():].strip():
        return PassedOn(text[scrapped[-1].end():], (0, scrapped[-1].end()))
    level = _CORRECTED.search(text, 0, MAX_READ)
    return PassedOn(text[: level.start()] + text[level.end():], (level.start(), level.end())) if level else None


def as_meant(typed: str | None) -> PassedOn | None:
    """What a message asks, as it was meant: a question passed on without who asked it, or a message without what it
    takes back; None when it is to be read as it is."""
    return passed_on(typed) or corrected(typed)
