"""Whether an answer's lines give the figure, date or contact details a question asks for: "how much does the SENCO
award cost?" is not answered by the per-pupil threshold, nor "when was the framework published?" by a line with no date.
The answer's lines are given as text, each with its list's title; ``index`` weighs what a line holds of the question."""
from __future__ import annotations

import re

from knowledge.ranking import A_DATE, A_TIME, fits
from knowledge.search import ContentIndex
from knowledge.words import also_said, tokens

A_FIGURE, A_PRICE = "a figure", "a cost or fee"  # what is not given: a price when money is asked about
_MONEY = r"cost|costs|price|fee|fees|pay|pays|paid|charge|charged|charges"
MONEY = re.compile(rf"\b(?:{_MONEY})\b", re.IGNORECASE)
MONEY_WORDS = frozenset(tokens(_MONEY.replace("|", " ")))  # not what is priced: "how much does the platform cost"
DATED = re.compile(r"\bwhen (?:was|were|did)\b|\b(?:what|which) (?:date|year)\b", re.IGNORECASE)  # answered by a date
CONTACT = re.compile(r"\b(?:phone|telephone) (?:number|no)\b|\be-?mail (?:address|for|of)\b|\b(?:the|an|their|whose) e-?mail\b|"
                     r"\bpostal address\b|\bcontact details\b|"
                     r"\b(?:website|web address|url)\b", re.IGNORECASE)  # answered by a number, an address or a link
_PHONE, _EMAIL, _LINK = r"\b\d{4,5} ?\d{6}\b|\b0\d{2,4} ?\d{3} ?\d{3,4}\b", r"@", r"https?://|\bwww\."
REACHED_BY = re.compile(f"{_PHONE}|{_EMAIL}|{_LINK}", re.IGNORECASE)  # any way to reach someone
REACHED_AS_ASKED = [(re.compile(r"\b(?:tele)?phone\b", re.I), re.compile(_PHONE)), (re.compile(r"\be-?mail\b", re.I), re.compile(_EMAIL)),
                    (re.compile(r"\b(?:website|web address|url)\b", re.I), re.compile(_LINK, re.I))]  # a link is no phone number
PRICED = re.compile(rf"\b(?:{_MONEY}|pass mark)\b", re.IGNORECASE)
HOW_OFTEN = r"how (?:often|frequently)"  # answered by a frequency as well as a time
TIMED = re.compile(rf"\b(?:time limits?|deadlines?|how soon|how quickly|by when|how long|how much (?:[a-z]+ )?time|{HOW_OFTEN})\b",
                   re.IGNORECASE)  # answered by a time, or how often:
OFTEN = re.compile(r"\b(?:annual(?:ly)?|yearly|termly|monthly|weekly|daily|every|each (?:year|term|month|week)|part[- ]time)\b",
                   re.IGNORECASE)
COUNTED = re.compile(r"\bhow (?:much|many)\s+([a-z'-]+(?:\s+[a-z'-]+)?)", re.IGNORECASE)  # "how many assignments": what is counted
SUM_OR_SHARE = re.compile(r"£\s?\d|\bper ?cent\b|%")
FIGURE_ABOUT = 0.34  # how much of what a question asks about a line with a number must hold to answer "how many"


def figure_words(question: str) -> set[str]:
    """The words a question asks for a figure with ("time limit", "how quickly", "cost"): not what it is about."""
    return {w for m in (*PRICED.finditer(question), *TIMED.finditer(question)) for w in m.group().casefold().split()}


def missing_date(question: str, lines: list[str], index: ContentIndex) -> bool:
    """"When was the framework published?": whether a question asks for a date that no line about what it asks gives."""
    asked = index.asked_words(question)
    return DATED.search(question) is not None and \
        not any(A_DATE.search(line) and index.coverage(asked, line) >= FIGURE_ABOUT for line in lines)


def missing_contact(question: str, given: str) -> bool:
    """"Phone number for the SENCO team?": whether a question asks for contact details that ``given`` (an answer's text
    and links) does not hold; a link is no phone number."""
    if not CONTACT.search(question):
        return False
    kinds = [holds for asks, holds in REACHED_AS_ASKED if asks.search(question)] or [REACHED_BY]
    return not any(holds.search(given) for holds in kinds)


def missing_figure(question: str, lines: list[str], index: ContentIndex) -> str:
    """"How much does the SENCO award cost?": what figure a question asks for that its answer's lines do not give
    ("a cost or fee", "a figure", "a number of assignments"), or "". A price is given by a sum or share in a line about
    what is priced; a time limit, or how often, by a length of time or a frequency; "how much" or "how many" by a number
    in a line about what is asked and the thing counted."""
    priced = PRICED.search(question) is not None and not re.match(r"\W*who\b", question, re.IGNORECASE) \
        and not re.match(r"\W*(?:what|which)\b.*\bpa(?:y|ys|id) for\b", question, re.IGNORECASE)  # not "who pays", "what does it pay for"
    timed = TIMED.search(question) is not None
    if not (priced or timed or re.search(r"\bhow (?:much|many)\b", question, re.IGNORECASE)):
        return ""
    asked, words = index.asked_words(question), index.coverage  # weighed by all the documents' words
    if priced:  # a sum in a line about what is priced ("the lincs platform", not the threshold schools pay per pupil)
        priced_what = asked - MONEY_WORDS
        return "" if any(SUM_OR_SHARE.search(line) and (not priced_what or words(priced_what, line) >= FIGURE_ABOUT) for line in lines) \
            else A_PRICE if MONEY.search(question) else A_FIGURE
    if timed:  # a time, or how often, in a line about what is asked ("reviewed regularly" gives none)
        often = re.search(rf"\b{HOW_OFTEN}\b", question, re.IGNORECASE) is not None
        return "" if any((A_TIME.search(line) or often and OFTEN.search(line)) and words(asked, line) >= FIGURE_ABOUT
                         for line in lines) else A_FIGURE
    counted = COUNTED.search(question)
    what = counted.group(1).split()[0].casefold() if counted else ""  # "how many assignments": "a number of assignments"
    counted = set(tokens(counted.group(1))) & index.coverage.idf.keys() if counted else set()  # (a word of theirs)
    if what and what in {w.casefold() for w in index.unknown_words(question)}:
        return f"a number of {what}"  # "how many words do the assignments have to be?": a thing the documents never count
    return "" if any(words(asked, line) >= FIGURE_ABOUT and (not counted or counted & set(tokens(also_said(line) + " " + line)))
                     for line in lines if fits(question, line)) else \
        f"a number of {what}" if re.fullmatch(r"[a-z]{3,}[^s]s", what) else A_FIGURE  # a number of what is asked, of the thing counted
