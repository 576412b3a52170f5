"""Typos in a role's words: "phsyiotherapist" is a slip of "physiotherapist", "continuing healthcare" is no slip of
"continuing care" (a different word is never a typo)."""
from __future__ import annotations

from rapidfuzz.distance import OSA

MIN_TYPO_WORD = 5  # shorter words (OT, TA, GP, care) must be spelt exactly
LONG_WORD = 12  # words this long may have two slips, shorter ones one


def slips(typed: list[str], alias: list[str]) -> list[int] | None:
    """Edit distance word by word, or None when a word is not a slip of the alias's word."""
    found = []
    for a, b in zip(typed, alias):
        if a == b:
            found.append(0)
            continue
        if a.endswith(("ed", "ing")) and not b.endswith(("ed", "ing")):
            return None  # another form of a word, not a slip: "commissioned" is no "commissioner"
        allowed = 0 if min(len(a), len(b)) < MIN_TYPO_WORD else (2 if min(len(a), len(b)) >= LONG_WORD else 1)
        distance = OSA.distance(a, b, score_cutoff=allowed)
        if distance > allowed:
            return None
        found.append(distance)
    return found if any(found) else None
