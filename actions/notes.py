"""What is said before an answer when it cannot be all the question asked for: that the documents give no figure
for it ("how much does the SENCO award cost?"), or never mention what it is about ("do we have to use Makaton?")."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, FrozenSet, List, Set, Text

from actions import replies
from actions.documents import about, index, said, source_index
from actions.knowledge_base import guide
from actions.roles_asked import LEVEL_WORDS
from knowledge.figures import A_FIGURE, A_PRICE, DATED, figure_words, missing_contact, missing_date, missing_figure
from knowledge.named_only import only_named
from knowledge.passages import named_document
from knowledge.asking import CLAUSES, asking_part, questions_only
from knowledge.reading import is_question
from knowledge.yes_no import reads_no
from knowledge.words import stem

ONLY_NAMED = "The documents name {thing}, but do not list or explain what that holds. What they say of it:"
NOT_MENTIONED_NEAREST = "The documents I search do not mention {words}. What they say nearest to it:"
NO_FIGURE_OF = "The documents I search do not mention {words}, and do not give {figure} for that. What they say nearest to it:"
_NO_WORD = re.compile(r"[^aeiouy\W\d]{5,}|^[^aeiouy]+$", re.IGNORECASE)  # "asdfgh", "zxcv": no word of anyone's
MENTIONED_ENOUGH = 0.6  # an answer holding this much of the question answers it, though it lacks a word of it


def unknown(text: Text) -> Text:
    """The words of a question that nothing searched in the documents uses, as a phrase ("Scotland"); not the words that
    ask for a figure ("time limit", "how quickly"), nor a run of letters that is no word ("asdfgh"), nor a word of a job
    title the asker tells (the guide places a job the documents do not name: "Paediatric OT here", "I'm a dental nurse")."""
    asked = asking_part(about(text)).casefold()  # not the words said around it ("for our training matrix", "comms officer writing
    # the trust newsletter -"), unless a name ("I'm in Wales")
    named = {w.casefold() for w in re.findall(r"(?<![\w'])[A-Z][\w'-]*", text)}
    unheard = {w for w in source_index().unknown_words(text) if w.casefold() in asked or w.casefold() in named}
    asking = figure_words(text) | _own_job(text)
    words = [w.capitalize() if w.islower() else w for w in index().unknown_words(text)
             if w in unheard and w.casefold() not in asking and not w.casefold().endswith("ly")
             and (w.isupper() or not _NO_WORD.search(w))]  # "NPQ" is a short form, "zxcv" no word
    return " or ".join(words)


@lru_cache(maxsize=1)
def _job_stems() -> FrozenSet[Text]:
    return frozenset(stem(w) for w in guide().kb.wording.job_words)


def _own_job(text: Text) -> Set[Text]:
    """The words of job titles the asker tells of themselves or their staff, outside the question ("school business manager
    here.", "I'm a lunchtime supervisor, ...", "our receptionists come under L2."): a job word and the two before it, not a
    name ("a nurse in Scotland", "Wales based nurse here"); and any job word, in a question of a level the guide places."""
    asked, jobs = about(text), _job_stems()
    told = [p for p in CLAUSES.split(text) if p.strip() and not is_question(p)]
    told += [text[: -len(asked)]] if asked and asked != text and text.endswith(asked) else []  # "sen caseworker in east sussex -"
    words = {w.casefold() for w in re.findall(r"[\w'-]+", text) if stem(w.casefold()) in jobs} if LEVEL_WORDS.search(text) else set()
    for said in (re.findall(r"[\w'-]+", p) for p in told):
        for n in (n for n, w in enumerate(said) if stem(w.casefold()) in jobs):
            words |= {w.casefold() for k, w in enumerate(said[max(0, n - 2): n + 1], max(0, n - 2)) if k == n or not w[:1].isupper()}
    return words


def noted(question: Text, message: replies.Message, unheard: Text = "") -> replies.Message:
    """An answer from the documents' lists, after the note it needs: that they give no figure, when one is asked for
    and it has none; else the words the documents never use, when it holds little of the question. ``unheard``: the
    term asked about that they never use, when the answer is to the rest of the question ("whats the pass mark")."""
    named = unknown(question) if not unheard and message.get("json_message") else ""
    unheard = unheard or (named if named and index().covers(question, said(message)) < MENTIONED_ENOUGH else "")
    figure = _no_figure(question, message)
    if figure:
        return _before(NO_FIGURE_OF.format(words=unheard, figure=figure) if unheard else NO_FIGURE_FOR.format(figure=figure), message)
    missing = _not_given(question, message)
    if missing:
        return _before(missing, message)
    doc = (message.get("json_message") or {}).get(replies.KEY) or {}
    thing = only_named(guide().kb, question, [i["text"] for s in doc.get("sections", [])[:2] for i in s["items"]])
    if thing:  # "which specific coaching techniques does it mean?": "Understand basic coaching techniques." is all they say
        return _before(ONLY_NAMED.format(thing=thing), message)
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
NO_FIGURE, NO_PRICE = NO_FIGURE_FOR.format(figure=A_FIGURE), NO_FIGURE_FOR.format(figure=A_PRICE)
NO_DATE = "The documents I search do not give a date for that. What they say nearest to it:"
NO_CONTACT = "The documents I search do not give contact details for that. What they say nearest to it:"


def _not_given(question: Text, message: replies.Message) -> Text:
    """"When was the framework published?", "phone number for the SENCO team?": the note for a date or contact details
    a question asks for and its answer does not give ("" when it does, or asks neither). A date counts in a line about
    what is asked; contact details anywhere in the answer, its links included."""
    doc = (message.get("json_message") or {}).get(replies.KEY)
    if not doc:
        return ""
    if DATED.search(question):
        return NO_DATE if missing_date(question, _said_by(doc, question), source_index()) else ""
    links = " ".join(i.get("url") or "" for s in doc.get("sections", []) for i in s["items"])
    return NO_CONTACT if missing_contact(question, "\n".join(_said_by(doc, question)) + " " + links) else ""


def _no_figure(question: Text, message: replies.Message) -> Text:
    """"How much does the SENCO award cost?": the figure a question asks for that its answer does not give, or "". A
    question naming one of the documents is answered only by a figure of that document's."""
    doc = (message.get("json_message") or {}).get(replies.KEY)
    return missing_figure(question, _said_by(doc, question), source_index()) if doc else ""


def _said_by(doc: Dict[Text, Any], question: Text) -> List[Text]:
    """A reply's lines, each with its list's title, only those citing the document the question names when it names one
    ("how many hours does the East Sussex framework require?" is not answered by the health framework's hours)."""
    named = named_document(guide().kb.documents, question, index().place_names)
    files = {s["n"] for s in doc.get("sources", []) if named is None or s["document"] == named[0].file_name}
    return [f"{s.get('title') or ''}\n{i['text']}" for s in doc.get("sections", []) for i in s["items"]
            if named is None or set(i["refs"]) & files]
