"""What someone who has said their role asks whether they must or may do in their work ("as a TA do i have to go to
annual reviews"), as opposed to what training they need: such a question asks the documents, not the level questions."""
from __future__ import annotations

import re

from knowledge.reading import MAX_ANSWER, SAYS_ROLE, is_question


# What a question asks the person to do, beyond their training: "as a TA do i have to go to annual reviews", "am i expected
# to chair MDT meetings" (not "do i have to do level 2", "do i need this", "should i be on tier 1").
_ASKS_DUTY = re.compile(r"\b(?:do i (?:have|need|get) to|am i (?:expected|supposed|meant|allowed|required|able) to|should i|"
                        r"must i|is it my (?:job|role|responsibility) to)\s+(?P<rest>.+)", re.IGNORECASE)
_TRAINING_ASKED = re.compile(r"\b(?:level|levels|tier|tiers|train|training|trained|course|courses|hours?|hrs|qualifi\w*|award|cpd|"
                             r"refresh\w*|induction|module|modules|e-?learning|apply|applies|be on|pay|paid|cost|[lt]\d)\b", re.IGNORECASE)
# "as a TA do i ...", "as a L3 clinician, am i ...": the role said, up to its comma or the question that follows it
_AS_A_ROLE = re.compile(r"^\s*as (?:a|an|the)\s+[^,;:?]{1,60}?(?:[,;:]\s*|\s+(?=(?:am|do|should|must|can|is it my)\s+i?\b))", re.IGNORECASE)
_NOTHING_NAMED = re.compile(r"^(?:\w+\s+)?(?:this|that|it|anything|something|one|them)\W*$", re.IGNORECASE)  # "do i need to do this"


def asked_duty(typed: str | None) -> str | None:
    """What someone who has said their role asks whether they must or may do in their work ("as a TA do i have to go to
    annual reviews": "go to annual reviews"), not what training they need; None for any other message ("which level
    should i do?", "do i have to pay?")."""
    text = (typed or "")[:MAX_ANSWER]
    told = _AS_A_ROLE.match(text) or SAYS_ROLE.search(text)
    if not told or not is_question(text):
        return None
    asked = text[told.end():] if told.re is _AS_A_ROLE else re.split(r"[,;:?]|\s[-\u2013]\s", text[told.end():], maxsplit=1)[-1]
    found = _ASKS_DUTY.search(asked)  # what follows the role said: its training words, not the role's ("as a L3 clinician")
    if not found or _TRAINING_ASKED.search(asked) or _NOTHING_NAMED.match(found.group("rest").strip()):
        return None
    return found.group("rest")
