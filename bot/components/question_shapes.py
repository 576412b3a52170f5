"""What a message asks, read from its shape beside the classifier's guesses: a question the classifier is sure of, one
it took for chat or a request to act, a duty asked about, or the last question after a job. The role intent (role_intent.py) decides with these."""
from __future__ import annotations

import re
from typing import Optional, Text

from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.message_shapes import (ACTION_NOUN, ACTIONS, ADDRESSED, ASKING_WORD, ASKS_MY_LEVEL, CHAT, COMMAND, OWN_TRAINING, LEVEL_CHOICE,
    PARTS_ASKED, POINTS_BACK, QUESTION_START_WORD, QUESTION_WORD, SURE_QUESTION, UNSURE_ACTION, UNSURE_CHAT, WORD, YES_OR_NO)
from knowledge.asking import last_question
from knowledge.duty import asked_duty
from knowledge.answer_words import HELP_TO_CHOOSE, MEANT_BY, NO, YES
from knowledge.reading import FIRST_PERSON, SAYS_ROLE, is_question
from knowledge.words import NUMBERS

DOCUMENTS_INTENT = "ask_documents"  # a question about what the documents say


def a_sure_question(message: Message) -> bool:
    """"new senco - how long have i got to get the award": the classifier is sure it asks about the documents,
    and the person has not said "I'm a ..." (a question's role is what it asks about, not their job)."""
    intent = message.get(INTENT) or {}
    text = str(message.get(TEXT) or "")
    if intent.get("name") == DOCUMENTS_INTENT and not is_question(text):
        return False  # "inclusion manager who plans support": a statement is not a question about the documents
    return str(intent.get("name", "")).startswith("ask_") and float(intent.get("confidence") or 0) >= SURE_QUESTION \
        and not SAYS_ROLE.search(text) and len(WORD.findall(text)) > 2 \
        and (QUESTION_WORD.search(text) is not None or not FIRST_PERSON.search(text))  # "..., I liaise with the SENCO" tells


def asks_about_the_documents(message: Message) -> bool:
    """"up to what age does the health framework cover": a question in more than a few words, not in the first
    person, that starts with a question word or holds one that never joins a job to its clause ("what", not
    "who"), asks about the documents, whatever job word it holds."""
    text = str(message.get(TEXT) or "")
    return len(WORD.findall(text)) > 3 and not FIRST_PERSON.search(text) \
        and (QUESTION_START_WORD.match(text) is not None or ASKING_WORD.search(text) is not None)


def unsure_chat(message: Message) -> bool:
    """Whether the classifier could only half call a message a yes, a no or a command ("non-clinical manager, no CYP
    contact - level?" half read as no), and it does not start with a yes or a no ("no, only level 1" is an answer)."""
    intent = message.get(INTENT) or {}
    said = re.match(rf"\W*(?:{YES}|{NO})\b", str(message.get(TEXT) or ""), re.IGNORECASE)
    return intent.get("name") in CHAT and float(intent.get("confidence") or 0) < UNSURE_CHAT and not said


# What a search-box query asks of a thing, as its last word ("lamb inquiry year", "senco provider approval period"): no
# job title ends in one, and no answer to the level questions ("twice a year", "senco for 3 years") has it after a thing.
FACET = re.compile(r"([\w']+)\s+(?:years?|dates?|period|length|duration|deadlines?|numbers?|total|figures?|percentage|costs?|"
                   r"funding|amount|meaning|definition|credits|followers|headings|contents|purposes|criteria|timescales?|"
                   r"timelines?|frequency|law|legislation|website|url|section|appendix|chapter|paragraph|page)\W*$", re.IGNORECASE)
NOT_A_THING = {"a", "an", "per", "each", "every", "this", "last", "next", "the", "few", "whole", "same", "other", "couple", "several",
               "many", "in", "of", "for", "on", "at", "to", "with", "and", "or", "school", "academic", "financial", "calendar", "training",
               "induction", "final", "first", "second", "third", "fourth", "fifth", *NUMBERS}  # "twice a year", "lecturer in law"
QUERY_WORDS = (3, 8)  # a search box's words: fewer is a word or two to ask about, more is a sentence


def a_search_query(message: Message) -> bool:
    """"ofsted ta report year", "send tasters twitter followers": a few words with no one speaking and no clause, ending
    in what is asked of a thing, search the documents, whatever job word they hold ("TA")."""
    text = str(message.get(TEXT) or "").strip()
    return not text.startswith("/") and QUERY_WORDS[0] <= len(WORD.findall(text)) <= QUERY_WORDS[1] \
        and (facet := FACET.search(text)) is not None and facet.group(1).casefold() not in NOT_A_THING \
        and not facet.group(1).isdigit() and not FIRST_PERSON.search(text) and not SAYS_ROLE.search(text) \
        and not re.search(r"[,;:]|\s[-\u2013]\s", text)


def a_question_taken_for_chat(message: Message) -> bool:
    """"wave 3?", "structured conversation?": a question of a few words that the classifier could only half
    call a yes, a no or a command asks about something, not to start again; so does a search-box query of three words or
    more that asks or names a level or a term ("when did part 3 C&F act start", "new starter L1 deadline"), and a "no" that
    is a number ("esx workforce dev phone no.")."""
    intent = message.get(INTENT) or {}
    text = str(message.get(TEXT) or "")
    if intent.get("name") not in CHAT or float(intent.get("confidence") or 0) >= UNSURE_CHAT or text.startswith("/"):
        return False
    answered = not unsure_chat(message)  # a yes or a no first: an answer, whatever it names ("no, only level 1")
    words = len(WORD.findall(text)) + len(re.findall(r"\b\d+\b", text))
    named = {e.get("entity") for e in message.get(ENTITIES, [])} & {"level", "term"}
    number = intent.get("name") in YES_OR_NO and re.search(r"\b(?:phone|tel|telephone|mobile|fax|ref|reference)\s+no\b", text, re.I)
    asked = (is_question(text) or bool(named)) and words >= 3 and not (answered or HELP_TO_CHOOSE.search(text) or MEANT_BY.search(text))
    # (not "what do you mean by ...")
    return "?" in text and words >= 2 or asked or bool(number)  # ("phone no.": a number)


def asks_a_duty(message: Message) -> bool:
    """"as a TA do i have to go to annual reviews", "as a L3 clinician am i expected to chair MDT meetings": a duty asked
    about, not a level ("as a TA do i have to do the induction tier": a level the classifier found in what is asked)."""
    text = str(message.get(TEXT) or "")
    duty = asked_duty(text)
    levels = [text[int(e["start"]): int(e["end"])] for e in message.get(ENTITIES, [])
              if e.get("entity") == "level" and "start" in e and "end" in e]
    return duty is not None and not any(level and level in duty for level in levels)


def asks_more_than_me(message: Message) -> bool:
    """"how often do I have to redo my level 2 send training", "new starter - when do i have to have done L1 by",
    "can my employer make me train above the minimum level": a question the classifier could only call a request
    to act, or about the person while it names a level, asks about the documents."""
    intent = message.get(INTENT) or {}
    text = str(message.get(TEXT) or "")
    own = FIRST_PERSON.search(last_question(text)) or FIRST_PERSON.search(text) and not SAYS_ROLE.search(text)  # "I'm a trainer
    # making a form. what headings are on the record?" asks; "Please log my course. is that ok?" is a request
    if intent.get("name") in ACTIONS and not (own or ADDRESSED.search(text)) and not text.startswith("/") \
            and (len(WORD.findall(text)) > 3 and (is_question(text) or not COMMAND.search(text) or _parts_asked(text))
                 or 1 < len(WORD.findall(text)) <= 3 and not COMMAND.search(text) and not ACTION_NOUN.search(text)):
        return True  # "does the governing body have to publish an accessibility plan", "senco skills outcomes"
    if not is_question(text) or SAYS_ROLE.search(text):
        return False
    named = {e.get("entity") for e in message.get(ENTITIES, [])}
    return (intent.get("name") in ACTIONS and float(intent.get("confidence") or 0) < UNSURE_ACTION) \
        or (intent.get("name") == "find_level" and "level" in named and "role" not in named  # "GP who leads ..., is level 3 enough?"
            and not ASKS_MY_LEVEL.search(text))


def _parts_asked(text: Text) -> bool:
    """"reflection record headings appendix 2" asks what the record holds; "check skills for the communication section",
    "skills check on section 4" and "log 2 hours on the assessment section" ask the guide to act."""
    return not COMMAND.match(text.strip()) and any(not re.match(r"\s*\d", text[m.end():]) for m in PARTS_ASKED.finditer(text)) \
        and not re.search(r"\b\d+\s*(?:hours?|hrs|mins?|minutes)\b", text, re.IGNORECASE)


def asked(message: Message) -> Text:
    """What a message asks of: all of it, or only its last question where that asks nothing of a level or training
    ("A parent asked me (I'm a Year 2 teacher) whether ... Do most children with SEND need one?")."""
    text = str(message.get(TEXT) or "")
    last = last_question(text)  # (not "I'm a dinner lady at a primary. Where would that sit?": it points back at the job)
    return last if last != text and len(WORD.findall(last)) >= 4 and not OWN_TRAINING.search(last) and not POINTS_BACK.search(last) \
        else text


def level_choice(text: Text) -> Optional[re.Match]:
    """"salaried GP. level 2 or 3?": the asker's own level as a choice, not "Which has more hours, level 2 or 3?"."""
    found = LEVEL_CHOICE.search(text)
    return found if found and not QUESTION_WORD.search(re.split(r"[.?!]", text[: found.start()])[-1]) else None
