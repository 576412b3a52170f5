"""What is said before an answer when it cannot be all the question asked for: that the documents give no figure
for it ("how much does the SENCO award cost?"), or never mention what it is about ("do we have to use Makaton?")."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from actions import replies
from actions.documents import about, index, said, source_index
from actions.knowledge_base import guide
from knowledge.passages import named_document
from knowledge.ranking import A_DATE, A_TIME, fits
from knowledge.asking import asking_part, questions_only
from knowledge.words import also_said, tokens
from knowledge.yes_no import reads_no

NOT_MENTIONED_NEAREST = "The documents I search do not mention {words}. What they say nearest to it:"
NO_FIGURE_OF = "The documents I search do not mention {words}, and do not give {figure} for that. What they say nearest to it:"
_NO_WORD = re.compile(r"[^aeiouy\W\d]{5,}|^[^aeiouy]+$", re.IGNORECASE)  # "asdfgh", "zxcv": no word of anyone's
MENTIONED_ENOUGH = 0.6  # an answer holding this much of the question answers it, though it lacks a word of it


def unknown(text: Text) -> Text:
    """The words of a question that nothing searched in the documents uses, as a phrase ("Scotland"); not the words that
    ask for a figure ("time limit", "how quickly"), nor a run of letters that is no word ("asdfgh")."""
    asked = asking_part(about(text)).casefold()  # not the words said around it ("for our training matrix", "comms officer writing
    # the trust newsletter -"), unless a name ("I'm in Wales")
    named = {w.casefold() for w in re.findall(r"(?<![\w'])[A-Z][\w'-]*", text)}
    unheard = {w for w in source_index().unknown_words(text) if w.casefold() in asked or w.casefold() in named}
    asking = {w for m in (*PRICED.finditer(text), *TIMED.finditer(text)) for w in m.group().casefold().split()}
    words = [w.capitalize() if w.islower() else w for w in index().unknown_words(text)
             if w in unheard and w.casefold() not in asking and not w.casefold().endswith("ly")
             and (w.isupper() or not _NO_WORD.search(w))]  # "NPQ" is a short form, "zxcv" no word
    return " or ".join(words)


def noted(question: Text, message: replies.Message) -> replies.Message:
    """An answer from the documents' lists, after the note it needs: that they give no figure, when one is asked for
    and it has none; else the words the documents never use, when it holds little of the question."""
    unheard = unknown(question)
    unheard = unheard if unheard and message.get("json_message") and index().covers(question, said(message)) < MENTIONED_ENOUGH else ""
    figure = _no_figure(question, message)
    if figure:
        return _before(NO_FIGURE_OF.format(words=unheard, figure=figure) if unheard else NO_FIGURE_FOR.format(figure=figure), message)
    missing = _not_given(question, message)
    if missing:
        return _before(missing, message)
    return _before(NOT_MENTIONED_NEAREST.format(words=unheard), message) if unheard else message


READS_NO = "This guide reads the documents' answer as no: \u201c{sentence}\u201d (below)."
LINES_READ = 4  # of each of an answer's first two cited lists


def denied(question: Text, message: replies.Message) -> replies.Message:
    """"Is the notional SEND budget ring fenced?": when a line of the answer denies what a yes/no question asks ("This is
    not a ring-fenced amount"), that this guide reads it as no, before the answer; the answer alone otherwise."""
    doc = (message.get("json_message") or {}).get(replies.KEY) or {}
    if message.get("text", "").startswith("Yes"):
        return message  # read as yes already ("at level 4, do I still need levels 1-3?")
    cited = [s for s in doc.get("sections", []) if any(i["refs"] for i in s["items"])][:2]  # (not a note of ours)
    sentence = reads_no(questions_only(question), [i["text"] for s in cited for i in s["items"][:LINES_READ]]) if doc else None
    return _before(READS_NO.format(sentence=sentence), message) if sentence else message


def _before(note: Text, message: replies.Message) -> replies.Message:
    first = replies.message(replies.reply("answer", [replies.section([replies.item(note)], listed=False)], []))
    return {**replies.joined(first, message), "buttons": message.get("buttons", [])}


NO_FIGURE_FOR = "The documents I search do not give {figure} for that. What they say nearest to it:"
A_FIGURE, A_PRICE = "a figure", "a cost or fee"  # what is not given: a price when money is asked about
NO_FIGURE, NO_PRICE = NO_FIGURE_FOR.format(figure=A_FIGURE), NO_FIGURE_FOR.format(figure=A_PRICE)
_MONEY = r"cost|costs|price|fee|fees|pay|pays|paid|charge|charged|charges"
MONEY = re.compile(rf"\b(?:{_MONEY})\b", re.IGNORECASE)
MONEY_WORDS = frozenset(tokens(_MONEY.replace("|", " ")))  # not what is priced: "how much does the platform cost"
NO_DATE = "The documents I search do not give a date for that. What they say nearest to it:"
NO_CONTACT = "The documents I search do not give contact details for that. What they say nearest to it:"
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


def _not_given(question: Text, message: replies.Message) -> Text:
    """"When was the framework published?", "phone number for the SENCO team?": the note for a date or contact details
    a question asks for and its answer does not give ("" when it does, or asks neither). A date counts in a line about
    what is asked; contact details anywhere in the answer, its links included."""
    doc = (message.get("json_message") or {}).get(replies.KEY)
    if not doc:
        return ""
    if DATED.search(question):
        asked, words = source_index().asked_words(question), source_index().coverage
        dated = any(A_DATE.search(line) and words(asked, line) >= FIGURE_ABOUT for line in _said_by(doc, question))
        return "" if dated else NO_DATE
    if CONTACT.search(question):
        links = " ".join(i.get("url") or "" for s in doc.get("sections", []) for i in s["items"])
        given = "\n".join(_said_by(doc, question)) + " " + links
        kinds = [holds for asks, holds in REACHED_AS_ASKED if asks.search(question)] or [REACHED_BY]
        return "" if any(holds.search(given) for holds in kinds) else NO_CONTACT
    return ""


def _no_figure(question: Text, message: replies.Message) -> Text:
    """"How much does the SENCO award cost?": whether a question asks for a figure that its answer does not give. A price
    is given by any sum or share; a time limit, or how often, by a length of time or a frequency; "how much" or "how many"
    by a number in a line about what is asked and the thing counted ("how many assignments"). A question naming one of the
    documents is answered only by a figure of that document's. What is not given ("a cost or fee", "a figure"), or ""."""
    priced = PRICED.search(question) is not None and not re.match(r"\W*who\b", question, re.IGNORECASE) \
        and not re.match(r"\W*(?:what|which)\b.*\bpa(?:y|ys|id) for\b", question, re.IGNORECASE)  # not "who pays", "what does it pay for"
    timed = TIMED.search(question) is not None
    doc = (message.get("json_message") or {}).get(replies.KEY)
    if not doc or not (priced or timed or re.search(r"\bhow (?:much|many)\b", question, re.IGNORECASE)):
        return ""
    lines = _said_by(doc, question)
    asked, words = source_index().asked_words(question), source_index().coverage  # weighed by all the documents' words
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
    counted = set(tokens(counted.group(1))) & source_index().coverage.idf.keys() if counted else set()  # (a word of theirs)
    if what and what in {w.casefold() for w in source_index().unknown_words(question)}:
        return f"a number of {what}"  # "how many words do the assignments have to be?": a thing the documents never count
    return "" if any(words(asked, line) >= FIGURE_ABOUT and (not counted or counted & set(tokens(also_said(line) + " " + line)))
                     for line in lines if fits(question, line)) else \
        f"a number of {what}" if re.fullmatch(r"[a-z]{3,}[^s]s", what) else A_FIGURE  # a number of what is asked, of the thing counted


def _said_by(doc: Dict[Text, Any], question: Text) -> List[Text]:
    """A reply's lines, each with its list's title, only those citing the document the question names when it names one
    ("how many hours does the East Sussex framework require?" is not answered by the health framework's hours)."""
    named = named_document(guide().kb.documents, question, index().place_names)
    files = {s["n"] for s in doc.get("sources", []) if named is None or s["document"] == named[0].file_name}
    return [f"{s.get('title') or ''}\n{i['text']}" for s in doc.get("sections", []) for i in s["items"]
            if named is None or set(i["refs"]) & files]
