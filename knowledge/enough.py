"""Whether a level someone names is enough for a role ("GP who leads on SEND for the ICB, is level 3 enough?"): the level
named against the one the documents place the role in, or against the least they set for it while a question is open.
The answer comes from the levels' own order (their rank within a framework); a level of the other framework is not
weighed against it."""
from __future__ import annotations

import re
from typing import Union

from knowledge.rules import Determination, NextQuestion
from knowledge.schema import Level
from knowledge.words import A_LEVEL

# "GP who leads on send for the ICB, is level 3 enough?", "is L2 enough for a school nurse": whether a level is enough
ENOUGH = re.compile(r"\b(?:level|tier|l)\s*\d\s+(?:\w+\s+){0,2}(?:enough|sufficient|adequate|ok|okay|right|correct|appropriate)(?=\s*(?:$|[?,.!]|for\b|as\b))"
                    r"|\b(?:enough|sufficient|adequate)\s+for\s+(?:an?|the|my|our)\s"
                    # a level offered to be checked: "only needs level 1", "level 1 only i guess?", "level 4 is the top I'd need"
                    r"|\b(?:only|just)\s+(?:needs?\s+|requires?\s+|at\s+)?(?:level|tier|l)\s*\d\b|\b(?:level|tier|l)\s*\d\s+only\b"
                    r"|\b(?:level|tier|l)\s*\d\s+(?:is|will)\s+(?:(?:the|all)\s+)?(?:top|max|maximum|highest|fine|do)\b"
                    r"|\b(?:level|tier|l)\s*\d\b[^?.!]{0,40}\bthat'?s all\b", re.IGNORECASE)  # "level 2 is the minimum so that's all I need"
# The writer's own level offered to be checked, beside their job: "so just level 1 for me?", "surely level 4 covers me?",
# "do i need level 2 too?", "is level 3 the right one for me?", "am I a level 3?"
_LEVEL = rf"(?:{A_LEVEL}|(?:the\s+)?introductory(?:\s+(?:level|tier))?\b)"
_NOT_A_PART = (r"(?!\s*(?:[-\u2013]|to|and|or|&)\s*\d)"  # "do I still need the level 1-3 competencies": levels below, not one offered
               r"(?!\s+(?:send\s+)?(?:hours?|hrs|info\w*|outcomes|competenc\w*|details?|content|materials?|refresher|links?|for\s+(?:my|our|the|an?|his|her|their)\b))")  # "I need level 3 hours info for my team"
OWN_CHECK = re.compile(_LEVEL + r"[^?.!]{0,30}?\b(?:for|covers?|suits?|fits?|apply to|applies to)\s+me\b"
                       r"|" + _LEVEL + r"[^?.!]{0,40}?\bis (?:that|it|this) (?:all|enough)\b"  # "Trust says everyone does level 1 - is that all I need?"
                       # "I think I need level 2 - is that right?", "my manager said I should do tier 1", "HR put me down for tier 1"
                       r"|\bi (?:(?:think|guess|assume|believe|thought|was told)(?: that)? i )?(?:only |just |probably )?"
                       r"(?:need|should (?:do|be on|have|take)|have to do)\s+(?:(?:a|the)\s+)?" + _LEVEL + _NOT_A_PART +
                       r"|\bi (?:assumed|figured|reckoned|guessed|thought)(?: (?:it was|it'?s|it would be|i'?d need|i needed))?\s+(?:(?:a|the)\s+)?" + _LEVEL +
                       # "my manager wants me to do level 3", "HR told me level 1 will do"
                       r"|\b(?:wants?|told|asked|expects?)\s+me\s+to\s+(?:do|take|complete|have|get|book)\s+(?:(?:a|the)\s+)?"
                       + _LEVEL + _NOT_A_PART + r"|\b(?:told|tells)\s+me\s+(?:that\s+)?" + _LEVEL + r"\s+(?:is|will|would)\b"
                       r"|\b(?:put|booked|signed|enrolled|registered)\s+me\s+(?:down\s+|up\s+)?(?:for|on|onto)\s+(?:(?:a|the)\s+)?" + _LEVEL +
                       r"|\bdo i (?:really |still |also )?(?:need|have to (?:do|have|take|get))\s+(?:(?:a|the)\s+)?" + _LEVEL + _NOT_A_PART +
                       r"|\bam i\s+(?:an?\s+|at\s+)?" + _LEVEL + r"|\b(?:i'?m|i am)\s+(?:an?\s+)?" + _LEVEL + r"\s*\?|\bsurely\s+(?:it'?s\s+)?(?:just\s+)?" + _LEVEL, re.IGNORECASE)
_NOT_A_CHECK = re.compile(r"\b(?:what|which|where|how|when|who|why|whether|if|could you|can you|can i|before|first)\b"
                          r"|\bfor (?:our|all|the|their|my|his|her|them|him)\b(?! (?:role|job|post)\b)", re.IGNORECASE)


# A sentence that only asks whether a level is enough, from someone who has spoken of themselves: "HLTA in a special
# school, I cover classes every day. Is tier 1 enough?"
_IS_IT_ENOUGH = re.compile(r"\s*(?:so |and |but )?(?:is|would|will) " + _LEVEL + r"\s+(?:(?:be|really|still) )?"
                           r"(?:enough|sufficient|adequate|ok|okay|right|correct|fine)(?: for me)?\s*[?.!]*\s*", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|me|my (?:role|job|work|post))\b", re.IGNORECASE)  # not "my TA works with ..."
_KIND_ASKED = re.compile(r"\b(?:hours?|hrs|refresher|outcomes|competenc\w*|induction|how (?:much|many|long|often))\b", re.IGNORECASE)


def own_check(text: str) -> re.Match | None:
    """The level the writer offers to be checked for themselves ("so just level 1 for me?"), in a sentence that asks
    nothing else of it: not "what does level 4 cover for me?", "where can I get it?", "do I need level 2 for our TAs?",
    "if I moved ... would I need level 4?" nor "do I need level 1 before level 2?"."""
    sentences = re.split(r"(?<=[.?!])\s+", text or "")
    for n, sentence in enumerate(sentences):
        found = OWN_CHECK.search(sentence) or (_IS_IT_ENOUGH.fullmatch(sentence) if _FIRST_PERSON.search(text) else None)
        if found and not _NOT_A_CHECK.search(sentence) and not any(_KIND_ASKED.search(s) for s in sentences[n + 1:]):
            return found  # (not "my manager has put me down for level 2. how much refresher do i need?": that level's hours)
    return None


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
