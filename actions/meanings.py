"""What a thing asked about is, as far as the documents say: what they name but never include or define, a
short form read from the initials of their names, and where they use a short form; "not mentioned" when
they never do."""
from __future__ import annotations

import re
from dataclasses import fields
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text, Tuple

from actions import notes, replies
from actions.conversation import HELP_BUTTONS
from actions.documents import Shown, cited_lines, enough_asked, index, mentions_job, search, source_index
from actions.knowledge_base import guide
from knowledge import lookup
from knowledge.defining import asked_of_a_level, asked_term, held_by, phrase, what_of
from knowledge.short_forms import short_form_asked, short_forms_asked
from knowledge.initials import spelled_by_initials
from knowledge.named_only import named_only
from knowledge.passages import described_in, excerpt, level_named, named_document, of_level, used_in
from knowledge.asking import PARTS, questions_only
from knowledge.reading import is_question
from knowledge.roles import normalise_role
from knowledge.schema import Level
from knowledge.words import SHORT_FORMS, tokens
from knowledge.yes_no import TURNING

UNDEFINED = "{term}: named in the documents but not defined in them, as far as this guide can find. Where they name it:"
CAN_DO = "I can find the SEND training you need, explain levels and tiers and their hours, and explain SEND responsibilities in schools and settings."
LEAD_IN_UNDER = 12  # words: a shorter item is shown with its lead-in
NOT_MENTIONED = "The parts of the documents I search do not mention {words}. " + CAN_DO
_IT = re.compile(r"\b(?:it|its|that|this|these|those)\b", re.IGNORECASE)  # the term asked about: "What is Makaton? Is it mandatory?"


def undefined(question: Text) -> Optional[replies.Message]:
    """"What is the Local Offer?": where the documents only name the thing asked about, that they do not define it
    and where they name it; where they never mention it, that they do not. None when they may say what it is."""
    passages = guide().kb.passages
    term = asked_term(question, lambda t: any(phrase(t).search(p.text) for p in passages))
    found = what_of(term, passages, _answered_otherwise) if term else None
    written = " ".join(SHORT_FORMS.get(w, w) for w in term.split()) if term else term  # "EY pupil premium": early years
    if found is not None and found.kind == "absent" and written != term:
        found = what_of(written, passages, _answered_otherwise)
    if found is None:
        return None
    if found.kind == "absent":  # as the question writes it ("BSL"), a word in lower case capitalised
        typed = (phrase(term).search(question) or re.search(re.escape(term), question, re.IGNORECASE))
        written = typed.group() if typed else term
        written = written.capitalize() if written.islower() else written
        rest = " ".join(c for c in PARTS.split(question) if not phrase(written).search(c))  # "SENCO exemption - how long
        answered = search(rest) if is_question(rest) and not _IT.search(rest) and \
            enough_asked(rest) else None  # must they have been one? whats the cut off", not "... it cost?"
        if answered:  # noted here, as the term is not a word the documents never use, and not again ("what is the refund
            answered = notes.noted(question, answered, written)  # policy for the senco award?" asks nothing else of them)
            answered["json_message"][replies.KEY]["silence"] = written
            return answered
        return {"text": NOT_MENTIONED.format(words=written), "buttons": HELP_BUTTONS}
    citations: List[Dict[Text, Text]] = []
    term = found.term  # as the documents name it ("the neurotypical child", asked as a module)
    sought = phrase(term)
    lines = cited_lines([Shown(_with_lead_in(p.lead_in, excerpt(p.text, sought)), p.citation) for p in found.passages], citations)
    title = UNDEFINED.format(term=term[:1].upper() + term[1:])
    return replies.message({**replies.reply("answer", [replies.section(lines, title)], citations), "silence": term})


def terms_asked(question: Text) -> List[Text]:
    """The glossary's short forms a question asks the meaning of ("what are CeTR and CTR?")."""
    return short_forms_asked(question, guide().kb, guide().catalogue)


def _with_lead_in(lead_in: Optional[Text], shown: Text) -> Text:
    """A list item with the words that introduce it ("… authors are currently developing: Lego therapy")."""
    return f"{lead_in.rstrip(':')}: {shown}" if lead_in and len(shown.split()) <= LEAD_IN_UNDER else shown


def _answered_otherwise(term: Text) -> bool:
    """A role, a job, a level or tier, a topic, a document, a short form, or a word that may be misspelt: answered elsewhere."""
    kb, words = guide().kb, term.split()
    return bool(mentions_job(term) or lookup.term_in(kb, term) or guide().catalogue.resolve(term).roles
                or _names_one(normalise_role(term)) or named_document(kb.documents, term) or any(_misspelt(w) for w in words)
                or len(words) == 1 and index().initials(term))


@lru_cache(maxsize=1)
def _names() -> frozenset:
    """The levels' and topics' names, as a question may ask what one is, and the parts of what a level sets ("refresher",
    "induction", "learning outcomes"), which the level answers give."""
    kb = guide().kb
    return frozenset({normalise_role(n) for lv in kb.levels for n in (lv.name, *lv.also_called)} | {normalise_role(t.title) for t in kb.topics}
                     | {normalise_role(f.name.replace("_", " ")) for f in fields(Level)})


def _names_one(term: Text) -> bool:
    """A level's or topic's name, or one in a longer term ("preparing for adulthood outcomes")."""
    return term in _names() or any(len(n.split()) >= 2 and re.search(rf"\b{re.escape(n)}\b", term) for n in _names())


def _misspelt(word: Text) -> bool:
    """A word the documents do not use but nearly do ("framwork"); not one they use in the plural ("module")."""
    mended = source_index().spelt(word)
    return mended.rstrip("s") != word.rstrip("s")


def silence(question: Text) -> Optional[replies.Message]:
    """The honest answer about something the documents name but never include or define: that they do not,
    and where it is named; None when the question is about nothing of the kind."""
    if short_form_asked(guide().kb, question):  # "what is a DMO?": the glossary says it is never spelled out, and where it is used
        return None
    asking = questions_only(question)  # "the report says appendix B is aligned with the four categories. what are the four categories?"
    found = (named_only(guide().kb, asking, guide().catalogue) if asking != question else None) or \
        named_only(guide().kb, question, guide().catalogue)
    if found is None:
        return None
    named = [replies.item(found["named"], 0), *(replies.item(text, n) for n, (text, _) in enumerate(found["also"], 1))]
    sections = [replies.section([replies.item(found["statement"])], listed=False), replies.section(named, "Where it is named:")]
    return replies.message({**replies.reply("answer", sections, [found["cite"], *(cite for _, cite in found["also"])]),
                            "silence": found["name"]})


def initials(question: Text) -> Optional[replies.Message]:
    """A short form the documents never spell out, read as a phrase of theirs whose initials spell it, said to be
    this guide's reading; None when the question asks no such thing or no phrase fits."""
    term = index().asked_short_form(questions_only(question))  # "The SENCO outcomes keep mentioning ICT. What does ICT stand for?"
    if not term:
        return None
    passages = source_index().passages
    found = spelled_by_initials(term, [p.text for p in passages])
    if found is None:  # no name of theirs fits: where they use it, if they do ("NDTi" beside its web address)
        written = re.compile(rf"(?<![\w-])(?i:{re.escape(term)})(?![\w-])")  # as a short form: in two or more capitals there
        used_at = next((n for n, p in enumerate(passages) for m in written.finditer(p.text) if sum(c.isupper() for c in m.group()) >= 2), None)
        if used_at is None:
            return None
        found = (None, used_at)
    phrase, n = found
    used = passages[n]
    term = term.upper() if term.islower() else term
    reading = (f' This guide\'s reading: it matches the initials of "{phrase}", which they use here:' if phrase
               else " They use it here:")
    lines = [replies.item(f"{term}: {lookup.UNEXPANDED}.{reading}")]
    citations = [lookup.cite_dict(used.citation)]
    shown = replies.item(" ".join(filter(None, (used.heading, used.text))), 0)
    return replies.message(replies.reply("answer", [replies.section(lines, listed=False), replies.section([shown])], citations))


def used_here(term: Text) -> Optional[Dict[Text, Any]]:
    """What the documents say a short form is ("How they describe it: Special Educational Needs and Disability (SEND) is
    used to describe ..."), else where they use it, as a cited item ("Where they use it: Level 5 … Role of the DMO / DCO …")."""
    describing = described_in(term, guide().kb.passages)
    if describing is not None:
        return {"text": f"How they describe it: {' '.join(describing.text.split())}", "cite": lookup.cite_dict(describing.citation)}
    found = used_in(term, guide().kb.passages)
    if found is None:
        return None
    used, shown = found
    return {"text": f"Where they use it: {shown}", "cite": lookup.cite_dict(used.citation)}


NOT_IN_LEVEL = ("{level}: nothing the documents set for it (who it is for, its hours, outcomes, competencies and training) mentions "
                "{asked}, as far as this guide can find. What they say nearest to it:")
YES_IN_LEVEL = "Yes: what the documents set for {level} names {asked}:"
LINES_SHOWN = 3  # of a level's own that name what is asked
NAMED_AT = "Where the documents do name {asked}, in another level's own lists:"
BUILT_ON = "{level}'s own lists do not name {asked}, but it builds on the levels below it, whose lists do: this guide reads it as covered."
FOR_EVERYONE = re.compile(r"\ball (?:healthcare |health |school )?staff\b|\bevery(?:one| member of staff)\b", re.IGNORECASE)
# What a level answer answers by its kind: asked of a level, these are its hours or lists, not something it may lack.
_KINDS = re.compile(r"\b(?:hours?|hrs|minutes?|time|long|often|induction|refresher|outcomes?|competenc\w*|training|train|courses?|"
                    r"who|staff|cohort|enough|needed|need|required|level|tier)\b")


@lru_cache(maxsize=16)
def _level_texts(level_id: Text) -> Tuple[Text, ...]:
    """Everything the documents set for a level: its lists, its hours, its own passages, and what is set for all staff."""
    kb = guide().kb
    level = kb.level(level_id)
    texts = [s.text for s in lookup.level_statements(level)] + [r.text for r in (level.induction, level.refresher) if r]
    texts += [p.text for p in kb.passages if of_level(level, p.citation.section, p.text, p.lead_in)
              or p.citation.document == level.cohort.citation.document and FOR_EVERYONE.search(p.text)]
    return tuple(texts)


def in_level(question: Text, message: replies.Message) -> replies.Message:
    """"Does L2 include the tribunal process?": when the level's own lists name what it asks about, "Yes" and those lines;
    when nothing set for the level mentions it, that is said; either first, above the documents' nearest answer."""
    level, asked = level_named(guide().kb.levels, question), asked_of_a_level(question)
    if level is None or asked is None or _KINDS.search(asked) or not message.get("json_message") \
            or guide().catalogue.resolve(question).roles or mentions_job(asked):
        return message
    own = [] if TURNING.search(question) else [x for x in lookup.level_statements(level) if held_by(asked, [x.text], tokens)]
    if own:  # "does L3 cover tribunals?": yes, and the lines of the level's own that say so ("is safeguarding only in L3?": no reading)
        said = replies.cited_items(YES_IN_LEVEL.format(level=level.name, asked=asked),
                                   [{"text": x.text, "cite": lookup.cite_dict(x.citation)} for x in own], LINES_SHOWN)
        return {**replies.joined(said, message), "buttons": message.get("buttons", [])}
    if held_by(asked, _level_texts(level.id), tokens):
        return message
    kb, lower = guide().kb, set(lookup.cohort(guide().kb, level.id)["builds_on"])
    named = [(lv.name in lower, {"text": f"{lv.name}: {x.text}", "cite": lookup.cite_dict(x.citation)}) for lv in kb.levels
             if lv.id != level.id for x in lookup.level_statements(lv) if held_by(asked, [x.text], tokens)]  # "PHBs in L3?": L4's
    below = [x for under, x in named if under]  # "does Level 5 cover annual reviews?": it builds on Level 3, whose lists do
    said = BUILT_ON.format(level=level.name, asked=asked) if below else NOT_IN_LEVEL.format(level=level.name, asked=asked)
    note = replies.message(replies.reply("answer", [replies.section([replies.item(said)], listed=False)], []))
    if named:
        note = replies.joined(note, replies.cited_items(NAMED_AT.format(asked=asked), below or [x for _, x in named], LINES_SHOWN))
    return {**replies.joined(note, message), "buttons": message.get("buttons", [])}
