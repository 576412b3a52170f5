"""Where someone's words say they work, from the catalogue's wording of workplaces: "receptionist at a GP surgery" is
health services, "the cook at our primary" a school, and two different workplaces say none.

A place that is only named is not the person's: one they used to work at or say they do not ("my last school", "NHS,
not a nursery"), one something is sent to or that acts ("flag concerns to the LA", "when the council asks"), a place
word used for something else ("school age"), and one they only work with or come from beside where they are ("head of
commissioning at the ICB ... joint commissioning with the local authority", "transition from schools")."""
from __future__ import annotations

import re
from typing import Iterable, Mapping

from knowledge.answer_words import sent_to

PLACE_WORDS = r"(?:at|in|for|with|from|within)"  # what comes before a workplace: "a nurse in a surgery"
_PREPOSITION = PLACE_WORDS + r"\s+(?:(?:an?|the|my|our|local)\s+){0,2}(?:[\w'-]+\s+){0,2}?"
_ACTS = re.compile(r"\s+(?:asks?|asked|requests?|requested|wants|needs|sends|sent|funds|commissions|says|said|tells|told|refers|expects)\b")
_NOT_A_PLACE = re.compile(r"\s+(?:age|aged|holidays?|readiness|run|gates?)\b")  # "a child under school age"
# What makes a word that names a place only after "at", "in"... mean something else: "secondary age", "a primary need"
_NOT_A_PLACE_AFTER = re.compile(r"\s+(?:ages?|aged|needs?|diagnos\w*|referrals?|care|mental|health|phase|years?|transition)\b")
_NOT_NOW = {"last", "previous", "previously", "former", "formerly", "old", "ex"}
_ALONGSIDE = {"with", "from"}  # "joint commissioning with the local authority": a place worked with, not in
NEGATION = {"not", "no", "never", "nor", "isn't", "aren't", "don't", "dont", "doesn't", "wasn't", "without", "non"}
DETERMINERS = {"the", "a", "an", "my", "our", "their", "his", "her", "its", "your"}
_ORGANISATIONS = re.compile(r"\b(?:icb|pcn|trust|council|authority|nhs)$")  # "the ICB's SEND lead": an organisation's


def phrase_pattern(phrases: Iterable[str], possessive: bool = False) -> str:
    """Any of these phrases as whole words, the longest first (and, if ``possessive``, before "'s")."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    return r"(?<![\w'])(?:" + "|".join(re.escape(p) for p in ordered) + r")" + (r"(?:(?='s\b)|(?![\w']))" if possessive else r"(?![\w'])")


def words_of(text: str) -> list[str]:
    return [w for w in re.split(r"[\s-]+", text) if w]


class Workplaces:
    """``settings`` name a workplace wherever they stand ("an NHS trust"); ``after`` only after at, in, for... ("a nurse
    in a surgery", not "practice manager"). Both map a normalised phrase to its sector."""

    def __init__(self, settings: Mapping[str, str], after: Mapping[str, str]) -> None:
        self.sector_of = {**settings, **after}
        self.settings = re.compile("(" + phrase_pattern(settings, possessive=True) + ")")
        self._possessive = {p for p in settings if _ORGANISATIONS.search(p)}  # not "the hospital's training"
        self._after = re.compile(_PREPOSITION + "(" + phrase_pattern(after) + ")") if after else None

    def sector(self, text: str) -> str | None:
        """The one sector the (normalised) text says the person works in, or None."""
        found = []  # each sector named, and whether only as a place worked with or come from
        for m in self.settings.finditer(text):
            before = [w for w in words_of(text[: m.start()]) if w not in DETERMINERS | {"local"}]
            possessed = text[m.end(): m.end() + 2] == "'s" and m.group(1) not in self._possessive
            if not (before[-1:] and before[-1] in _NOT_NOW | NEGATION or before[-3:] == ["used", "to", "be"]  # "I used to be a GP
                    or sent_to(text[: m.start()]) or _NOT_A_PLACE.match(text, m.end())  # receptionist"
                    or _ACTS.match(text, m.end()) and not re.search(r"\b(?:my|our)\s+(?:[\w'-]+\s+)?$", text[: m.start()])  # ("our surgery wants")
                    or possessed and not re.search(r"\b(?:my|our)\s+$", text[: m.start()])):  # (but "our school's receptionist",
                found.append((self.sector_of[m.group(1)], before[-1:] and before[-1] in _ALONGSIDE or possessed))  # beside no other place)
        named = [m.span(1) for m in self.settings.finditer(text)]
        for m in self._after.finditer(text) if self._after else ():
            if not any(start < m.end(1) and m.start(1) < end for start, end in named) \
                    and not _NOT_A_PLACE_AFTER.match(text, m.end()):  # not "primary" of "in primary care", nor "for secondary age"
                found.append((self.sector_of[m.group(1)], m.group(0).split()[0] in _ALONGSIDE))
        here = {sector for sector, alongside in found if not alongside}
        sectors = here or {sector for sector, _ in found}
        return sectors.pop() if len(sectors) == 1 else None
