"""Yes/no questions the documents answer with a "not": "is the notional SEND budget ring fenced?" is answered by
"This is not a ring-fenced amount". Only a plain "not" of the line's own verb about what the question asks reads as
no; a question that says "only", "all" or "not" itself, a "not" inside a clause about someone ("a SENCO who has not
..."), or a line that holds little of the question is left without a reading, so the passage speaks for itself."""
from __future__ import annotations

import re
from typing import Callable, Sequence

from knowledge.words import A_LEVEL, also_said, tokens

# A verb that asks yes or no, or "is it true that ...", "am I right that ..." before what is asked
ASKS_IF = re.compile(r"^\W*(?:(?:is it (?:true|right|correct)|am i right|is it the case)\s+(?:that\s+)?"
                     r"|(?:is|are|was|were|does|do|did|will|would|can|could|should|must)\b(?!\s+(?:you|u)\b))", re.IGNORECASE)  # (not "could
# you explain ...", a request)
# Words that turn a yes/no question round or widen it, so a "not" in the answer would not simply mean no
TURNING = re.compile(r"\b(?:only|just|solely|all|every|everyone|any|anyone|always|never|not|no|none|without|or)\b|n't\b",
                     re.IGNORECASE)
# The line's own verb denied: "This is not", "will not require", "does not mean"; not "who has not been", "that do not"
DENIED = re.compile(r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )\b(?:(?:is|are|was|were|does|do|will|would|should|must|can|could|may)\s+not"
                    r"|isn't|aren't|doesn't|don't|won't|shouldn't|cannot|can't)\b"
                    r"(?!\s+(?:say|state|set|give|specify|mention|list|define|include|cover|explain)\b)",  # (not a silence: "does not say")
                    re.IGNORECASE)
UNIVERSAL = {"all", "every", "everyone"}  # a question about everyone, which what most or some do not do answers no, when the line
HOLDS_EVERY = 0.75  # holds this much of it ("does every child with an EHCP need an annual review?" is not answered by "most ... EHCP")
SOME = re.compile(r"\W*(?:most|many|some|not all|not every)\b", re.IGNORECASE)
QUALIFIED = re.compile(r"\b(?:full|fully|all|only|entire|entirely|always|every|more|most|solely|just|whole)\b", re.IGNORECASE)
HOLDS = 0.4  # how much of what the question asks the line must hold to be its answer


def reads_no(question: str, lines: Sequence[str], words: Callable[[str], set] = lambda t: set(tokens(t))) -> str | None:
    """The sentence of an answer's lines that denies what a yes/no question asks, the first line with most of the
    question's words in it and one of them in what it denies; None when the question is no plain yes/no question or no
    line does. ``words``: a text's words as they are compared."""
    asks = ASKS_IF.match(question)
    turned = {m.group().casefold() for m in TURNING.finditer(question)}
    if not asks or turned - UNIVERSAL:
        return None
    asked = words(question[asks.end():])  # what is asked, without "is it true that"
    for line in lines:
        denied = DENIED.search(line)
        if not denied or not asked or "|" in line or (turned and not SOME.match(line)):  # (a table row's cells say too many
            continue  # things to be read so; "does every child need one?" is answered no only by "most ... will not")
        clause = re.split(r"[.;:!?,()|]", line[denied.end():], maxsplit=1)[0]  # "(this list is not exhaustive)"
        if QUALIFIED.search(clause):
            continue  # "not expected to meet the full costs of more expensive provision": a part denied, not the whole
        sentences = re.split(r"(?<=[.!?])\s+", line)
        at = next(n for n, s in enumerate(sentences) if DENIED.search(s))  # the sentence that denies it, about what is asked with
        near = " ".join(sentences[max(0, at - 1): at + 1])  # the one before ("... the notional SEND budget. This is not ..."), not
        held = words(f"{near} {also_said(near)}")  # a paragraph's other sentences; "will not require" holds "needing"
        if len(asked & held) >= (HOLDS_EVERY if turned else HOLDS) * len(asked) and asked & words(f"{clause} {also_said(clause)}"):
            return sentences[at]
    return None


_LEVELS_NAMED = re.compile(r"\b(?:levels?|l)\s?([1-5])(?:\s*(?:-|to|\u2013|and|&)\s*(?:l|levels?\s?)?([1-5]))?", re.IGNORECASE)


_OR_JUST_THIS = re.compile(rf",?\s+or (?:just|only) (?:the |my )?{A_LEVEL}(?:\s*(?:one|on its own|alone))?(?=\W*$)", re.IGNORECASE)


def asks_if_lower_needed(question: str, level: str, lower: Sequence[str]) -> bool:
    """"I'm at level 4 - do I still need the level 1-3 competencies?": a plain yes/no question naming the level answered and,
    after it, one below it (``lower``: their names), which the framework's "builds on" answers yes."""
    question = _OR_JUST_THIS.sub("", question)  # "... the L1-3 competencies as well or just L4?": the choice's other side
    clauses = re.split(r"\s[-\u2013\u2014]\s|(?<=[.?!])\s+", question)
    if not any(ASKS_IF.match(c) for c in clauses) or TURNING.search(question):
        return False
    at = [m.start() for m in _named(question, level)]
    return bool(at) and any(m.start() > at[0] for name in lower for m in _named(question, name))


def _named(question: str, name: str) -> list:
    """Where a question names a level: a health level by its number ("L4", "levels 1 to 3"), a tier by its name."""
    number = re.fullmatch(r"Level ([1-5])", name)
    if number is None:
        return list(re.finditer(rf"\b{re.escape(name)}\b", question, re.IGNORECASE))
    return [m for m in _LEVELS_NAMED.finditer(question) if int(m.group(1)) <= int(number.group(1)) <= int(m.group(2) or m.group(1))]
