"""Whether a level someone names is enough for a role ("GP who leads on SEND for the ICB, is level 3 enough?"): the level
named against the one the documents place the role in, or against the least they set for it while a question is open.
The answer comes from the levels' own order (their rank within a framework); a level of the other framework is not
weighed against it."""
from __future__ import annotations

import re
from typing import Union

from knowledge.rules import Determination, NextQuestion
from knowledge.schema import Level
from knowledge.words import A_LEVEL, CONTENT_ASKED

# "GP who leads on send for the ICB, is level 3 enough?", "is L2 enough for a school nurse": whether a level is enough
ENOUGH = re.compile(r"\b(?:level|tier|l)\s*\d\s+(?:\w+\s+){0,2}(?:enough|sufficient|adequate|ok|okay|right|correct|appropriate)(?=\s*(?:$|[?,.!]|for\b|as\b))"
                    r"|\b(?:enough|sufficient|adequate)\s+for\s+(?:an?|the|my|our)\s"
                    # a level offered to be checked: "only needs level 1", "level 1 only i guess?", "level 4 is the top I'd need"
                    r"|\b(?:only|just)\s+(?:needs?\s+|requires?\s+|at\s+)?(?:level|tier|l)\s*\d\b|\b(?:level|tier|l)\s*\d\s+only\b"
                    r"|\b(?:level|tier|l)\s*\d\s+(?:is|will)\s+(?:(?:the|all)\s+)?(?:top|max|maximum|highest|fine|do)\b"
                    r"|\b(?:level|tier|l)\s*\d\b[^?.!]{0,40}\bthat'?s all\b", re.IGNORECASE)  # "level 2 is the minimum so that's all I need"
# The writer's own level offered to be checked, beside their job: "so just level 1 for me?", "surely level 4 covers me?",
# "do i need level 2 too?", "is level 3 the right one for me?", "am I a level 3?"
_LEVEL = rf"(?:{A_LEVEL}|(?:the\s+)?(?:introductory(?:\s+(?:level|tier))?|induction\s+(?:level|tier))\b)"
_NOT_A_PART = (r"(?!\s*(?:[-\u2013]|to|and|or|&)\s*\d)"  # "do I still need the level 1-3 competencies": levels below, not one offered
               r"(?!\s+(?:send\s+)?(?:hours?|hrs|info\w*|outcomes|competenc\w*|details?|content|materials?|refresher|links?|for\s+(?:my|our|the|an?|his|her|their)\b))")  # "I need level 3 hours info for my team"
OWN_CHECK = re.compile(_LEVEL + r"[^?.!]{0,30}?\b(?:for|covers?|suits?|fits?|apply to|applies to)\s+me\b"
                       # "Tier 2 is it?"
                       r"|" + _LEVEL + r"\s+is it\s*\?"
                       r"|\b(?:been|was|got) (?:put|booked|signed|enrolled|registered) (?:down |up )?(?:for|on|onto) (?:(?:a|the)\s+)?" + _LEVEL +
                       r"|\b(?:is|would be) " + _LEVEL + r" what i (?:need|should (?:do|have|be on))\b"  # "Is level 3 what I need?"
                       r"|\bi (?:assume|guess|think) i need (?:the )?(?:top|highest|lowest|basic|first) (?:level|tier),? " + _LEVEL +
                       # "I think I need level 2 - is that right?", "my manager said I should do tier 1", "HR put me down for tier 1"
                       r"|\bi (?:(?:think|guess|assume|believe|thought|was told)(?: that)? i )?(?:only |just |probably )?"
                       r"(?:need|should (?:do|be on|have|take)|have to do)\s+(?:(?:a|the)\s+)?" + _LEVEL + _NOT_A_PART +
                       r"|\bi (?:assumed|figured|reckoned|guessed|thought)(?: (?:it was|it'?s|it would be|i'?d need|i needed))?\s+(?:(?:a|the)\s+)?" + _LEVEL +
                       # "my manager wants me to do level 3", "HR told me level 1 will do"
                       r"|\b(?:wants?|told|asked|expects?)\s+me\s+to\s+(?:do|take|complete|have|get|book)\s+(?:(?:a|the)\s+)?"
                       + _LEVEL + _NOT_A_PART + r"|\b(?:told|tells)\s+me\s+(?:that\s+)?" + _LEVEL + r"\s+(?:is|will|would)\b"
                       r"|\b(?:bumps?|moves?|pushes?|takes?|makes?)\s+me\s+(?:up\s+)?(?:(?:to|into|onto|on|at)\s+)?(?:(?:a|the)\s+)?" + _LEVEL +  # "does that bump me up to level 4?"
                       r"|\b(?:put|booked|signed|enrolled|registered)\s+me\s+(?:down\s+|up\s+)?(?:for|on|onto)\s+(?:(?:a|the)\s+)?" + _LEVEL +
                       r"|\bdo i (?:really |still |also )?(?:need|have to (?:do|have|take|get))\s+(?:(?:a|the)\s+)?" + _LEVEL + _NOT_A_PART +
                       r"|\bam i\s+(?:still\s+|really\s+|actually\s+|only\s+|just\s+)?(?:an?\s+|at\s+)?" + _LEVEL + r"|\b(?:i'?m|i am)\s+(?:an?\s+)?" + _LEVEL + r"\s*\?|\bsurely\s+(?:it'?s\s+)?(?:just\s+)?" + _LEVEL, re.IGNORECASE)
_NOT_A_CHECK = re.compile(r"\b(?:what|which|where|how|when|who|why|whether|if|could you|can you|can i|before|first)\b"
                          r"|\bfor (?:our|all|the|their|my|his|her|them|him)\b(?! (?:role|job|post|introductory|level|tier)\b)", re.IGNORECASE)


# A sentence that only asks whether a level is enough, from someone who has spoken of themselves: "HLTA in a special
# school, I cover classes every day. Is tier 1 enough?"
_IS_IT_ENOUGH = re.compile(r"\s*(?:so |and |but )?(?:is|would|will) " + _LEVEL + r"\s+(?:(?:be|really|still) )?"
                           r"(?:enough|sufficient|adequate|ok|okay|right|correct|fine)(?: for me)?\s*[?.!]*\s*", re.IGNORECASE)
# In a sentence of the writer's own: "Trust says everyone does level 1 - is that all I need?", "I did level 3 years ago - is
# that still enough?", "AHPs are level 2 aren't they, so that's me?" (not "Our new TA has done level 1 - is that enough?")
_IS_THAT_ENOUGH = re.compile(_LEVEL + r"[^?.!]{0,60}?\b(?:is (?:that|it|this) (?:still |really )?(?:all|enough)\b|(?:so )?that'?s (?:me|mine)\b)",
                             re.IGNORECASE)
_SOMEONES_LEVEL = re.compile(r"\b(?:has|have|had|did|done|completed)\s+(?:done\s+|got\s+)?" + _LEVEL, re.IGNORECASE)  # "my TA has tier 1"
_LEVEL_ALONE = re.compile(r"\s*(?:so |just )?" + _LEVEL + r"\s*\?+\s*", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|me|my (?:role|job|work|post))\b", re.IGNORECASE)  # not "my TA works with ..."
_WHAT_I_NEED = re.compile(r"\bwhat i (?:need|should (?:do|have|be on))\b|\bwhen i was\b", re.IGNORECASE)  # asks nothing else: "is
# level 3 what I need?", "I did level 3 when I was a clinician - is that still enough?"
# A level someone gave the writer, then whether they were right: "HR told me Level 2. ... Have they got it right?", "My head
# says tier 1 is enough as I'm not SEN staff. Is she right?", "I was told I'm Level 3 like my nurses - is that right?"
_TOLD_LEVEL = re.compile(r"(?<!\bi )(?<!\bwe )\b(?:told|tells|says|said|reckons|thinks|insists|insisted|assigned|gave|given)\s+"
                         r"(?:me\s+)?(?:that\s+)?(?:(?:i'?m|i am|im)\s+(?:on\s+|at\s+|an?\s+)?|i\s+(?:only\s+|just\s+)?(?:need|should do|have to do)\s+|to do\s+)?"
                         + _LEVEL + r"(?=\s*(?:$|[.,;:!?\-\u2013(]|is (?:all|enough|fine|ok|okay|right|what)\b|will do\b|for me\b|like\b|"
                         r"because\b|as\b|but\b|and\b|only\b))", re.IGNORECASE)  # (not "told me my TA needs tier 1", "I told them level 1",
# "I was told tier 1 expires ...": a fact about a level)
_RIGHT = re.compile(r"(?:^|[,;:\-\u2013]|\s(?:so|but|and))\s*(?:(?:is|are|was|were) (?:that|this|it|they|she|he|hr|(?:my|the|our) \w+(?: \w+)?) "
                    r"(?:really |still |actually )?|(?:have|has) (?:they|she|he|hr|(?:my|the|our) \w+(?: \w+)?) got (?:it|that|this|me) |am i |is it )?"
                    r"(?:right|correct|true|accurate)\s*\?+\s*$", re.IGNORECASE)
_KIND_ASKED = re.compile(r"\b(?:hours?|hrs|refresher|outcomes|competenc\w*|induction|how (?:much|many|long|often))\b|" + CONTENT_ASKED.pattern,
                         re.IGNORECASE)  # (or "what will the training cover?")


def own_check(text: str) -> re.Match | None:
    """The level the writer offers to be checked for themselves ("so just level 1 for me?"), in a sentence that asks
    nothing else of it: not "what does level 4 cover for me?", "where can I get it?", "do I need level 2 for our TAs?",
    "if I moved ... would I need level 4?" nor "do I need level 1 before level 2?"."""
    text = text or ""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.*?(?:[.?!](?=\s|$)|$))", text, re.DOTALL)]  # its sentences, where they
    for n, (start, end) in enumerate(spans):  # stand in the text, so the match found is placed in the whole message
        sentence = text[start:end]
        found = OWN_CHECK.search(text, start, end) or (_IS_THAT_ENOUGH.search(text, start, end) if _FIRST_PERSON.search(sentence) else None) \
            or (_IS_IT_ENOUGH.fullmatch(text, start, end) or n and _LEVEL_ALONE.fullmatch(text, start, end)
                if _FIRST_PERSON.search(text) and not _SOMEONES_LEVEL.search(text, 0, start) else None)  # ("..., I run finance. Tier 1?")
        if found and not _NOT_A_CHECK.search(_WHAT_I_NEED.sub("", sentence)) \
                and not any(_KIND_ASKED.search(text, s, e) for s, e in spans[n + 1:]):
            return found  # (not "my manager has put me down for level 2. how much refresher do i need?": that level's hours)
    return _told_and_asked_right(text, spans)


def _told_and_asked_right(text: str, spans: list[tuple[int, int]]) -> re.Match | None:
    """The level the writer was given, in a sentence of their own, when they then ask whether it is right."""
    for n, (start, end) in enumerate(spans):
        if not _RIGHT.search(text[start:end]):
            continue
        told = [m for m in _TOLD_LEVEL.finditer(text, 0, end) if _FIRST_PERSON.search(_sentence(text, spans, m.start()))]
        if told and not any(_KIND_ASKED.search(text, s, e) for s, e in spans[n:]):
            return told[-1]
    return None


def _sentence(text: str, spans: list[tuple[int, int]], at: int) -> str:
    return next((text[s:e] for s, e in spans if s <= at < e), "")


BELOW, MEETS, ABOVE = "below", "meets", "above"  # beside the level the documents place the role in
LEAST = "-least"  # added when beside the least they set for it, while what would raise it is still open ("below-least")


def against(asked: Level, outcome: Union[Determination, NextQuestion, None]) -> tuple[str, Level] | None:
    """How the level asked about stands beside the role's (below it, the same or above it), or beside the least it needs
    while what would raise it is still open ("below-least"); None when the documents set it no level, or one of the
    other framework."""
    if isinstance(outcome, Determination):
        placed, still_open = outcome.level, False
    elif isinstance(outcome, NextQuestion):
        placed, still_open = outcome.floor, True
    else:
        return None
    if placed is None or placed.framework != asked.framework:
        return None
    stands = BELOW if asked.rank < placed.rank else MEETS if asked.rank == placed.rank else ABOVE
    return stands + (LEAST if still_open else ""), placed
