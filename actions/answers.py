"""Answers: a person's level when the questions are done, and questions asked on demand."""
from __future__ import annotations

import functools
import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import documents, level_answers, levels_asked, meanings, notes, replies, roles_asked, staff_list, turn
from actions.meanings import CAN_DO, NOT_MENTIONED
from actions.conversation import HELP_BUTTONS, REPHRASE, not_understood, over_limit
from actions.handoff import with_contacts
from actions.level_answers import LEVEL_ANSWERS
from actions.form import judged_for_them
from actions.knowledge_base import decide, guide
from knowledge import lookup
from knowledge.answers import to_dict
from knowledge.defining import meaning_asked_in
from knowledge.local.calendar import next_for
from knowledge.passages import level_named
from knowledge.plan import has_dates
from knowledge.ranking import by_question
from knowledge.asking import ANSWERS_TO, OWN_LEVEL, TRAINING_WORDS, kind_named, names_kind, asks_about, asks_their_level, asks_order, questions_only
from knowledge.short_forms import named_with_its_own_words, short_form_asked, short_form_guessed, term_asked
from knowledge.passed_on import as_meant
from knowledge.reading import is_question, quoted
from knowledge.rules import Determination
from knowledge.words import STANDS_FOR

UNSURE_MORE = 0.5  # below this, a question the classifier could only call "more" asks the documents
MORE_ASKED = re.compile(r"\b(?:more|else|rest|others?|remaining)\b", re.IGNORECASE)  # "is there more?", "what else?"
# One's own duties asked in general ("I'm a new SENCO at a secondary school, what are my responsibilities?"): the role's
# topic answers it, whatever other passage the workplace's words score in
OWN_DUTIES = re.compile(r"\b(?:what (?:are|r) my (?:send |main |key )?(?:responsibilit(?:y|ies)|duties|role)|what am i (?:responsible|accountable) for)"
                        r"(?:\s+(?:with|for|to|towards|the|my|our|all|pupils|children|students|young|people|learners|send|sen|in|a|at|school|class|setting))*\s*[?.!]*\s*$",
                        re.IGNORECASE)
WHOLE_LIST = re.compile(r"\b(?:list|all|every|full|whole|complete|what are)\b", re.IGNORECASE)
NOT_COVERED = f"The documents I know do not cover that. {CAN_DO}"
UNNAMED_ROLE = ("The documents do not place that role in a level themselves, so it depends on where the person works and what "
                "they do. Tell me your own job role and I'll ask what decides it, or ask me about a level.")
OUT_OF_SCOPE = ("Sorry, that's outside what I can help with, and the documents I know do not cover it. I can find the SEND training "
                "you need, explain levels and tiers and their hours, and explain SEND responsibilities in schools and settings.")


class AnswerLevel(Action):
    def name(self) -> Text:
        return "action_answer_level"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        outcome = decide(tracker)
        if not isinstance(outcome, Determination):  # the form ended early; ask what is still needed
            dispatcher.utter_message(**replies.question(to_dict(outcome)))
            return []
        message = replies.determination(to_dict(outcome))
        message = judged_for_them(tracker, outcome, message)  # "outpatients receptionist ..., so just level 1 for me?"
        if has_dates(outcome.level, outcome.senco_award_required):
            message["buttons"] = [{"title": "Make my plan", "payload": "/make_plan"}]
        dispatcher.utter_message(**with_contacts(message))
        return [SlotSet("last_level", outcome.level.name if outcome.level else None)]


def _entity(tracker: Tracker, name: Text) -> Optional[Text]:
    return next(tracker.get_latest_entity_values(name), None)


def _named_level(tracker: Tracker) -> Optional[Text]:
    """The level a message names: the entity, or "l3" as the classifier may miss it."""
    text = tracker.latest_message.get("text") or ""
    named = None if text.startswith("/") else level_named(guide().kb.levels, text)
    return _entity(tracker, "level") or (named.name if named else None)


def _level(tracker: Tracker) -> Optional[Text]:
    return _named_level(tracker) or tracker.get_slot("last_level")


# A level's list the question asks for by name ("what do the L5 competencies include"): the answer, whatever else the
# documents' passages share with the question.
ASKED_BY_NAME = {"ask_competencies": r"competenc", "ask_outcomes": r"\boutcomes?\b", "ask_cohort": r"\bcohorts?\b"}
ORDERED = ("learning_outcomes", "competencies", "learning_areas", "training", "members")  # a level's lists, ordered by the question


def _by_question(intent: Text, text: Text, data: Dict[Text, Any]) -> Dict[Text, Any]:
    """A level's lists with the items that hold what the question asks about first, beyond the level and the kind of
    answer it asks for ("does L3 cover safeguarding?": safeguarding, not "cover")."""
    said = set(ANSWERS_TO.get(_kind(intent), TRAINING_WORDS).split()) | {"level", "tier", "does", "do", "include", "includes", "mention"}
    rest = " ".join(w for w in re.findall(r"[\w']+", text.casefold()) if w not in said and not re.fullmatch(r"[lt]?\d", w))
    if text.startswith("/") or not documents.index().asked_words(rest):
        return data
    return {**data, **{key: by_question(data[key], lambda said: documents.index().hits(rest, said)) for key in ORDERED if data.get(key)}}


def _names_kind(intent: Text, text: Text) -> bool:
    """Whether a question names the kind of answer an intent gives ("outcomes" for a level's outcomes)."""
    return names_kind(_kind(intent), text)


def _kind(intent: Optional[Text]) -> Text:
    return (intent or "").removeprefix("ask_")  # the kind of a level's answer an intent asks for ("ask_hours": "hours")


def _ask_which_level(dispatcher: CollectingDispatcher, intent: Text) -> None:
    buttons = [{"title": lv.name, "payload": f'/{intent}{{"level": "{lv.name}"}}'} for lv in guide().kb.levels]
    dispatcher.utter_message(text="Which level or tier do you mean?", buttons=buttons)


IN_A_LEVEL = ("ask_outcomes", "ask_competencies", "ask_training", "ask_documents", "nlu_fallback", "out_of_scope", "more")
MEANING_INTENTS = ("ask_term", "ask_documents", "out_of_scope", "nlu_fallback")  # where "ELSA?" can land, not "more"


def _sharpened(intent: Text, text: Text, message: replies.Message) -> bool:
    """Whether an answer may give way to the documents' own passages: answers from the documents' lists, not a
    person's level, what an abbreviation stands for, a staff list, a comparison or a button's request."""
    doc = (message.get("json_message") or {}).get(replies.KEY) or {}
    return (not text.startswith("/") and intent not in ("check_staff_list", "compare_levels")
            and (doc.get("kind") == "answer" and not {"level", "levels", "floor", "silence", "term", "contents", "compared", "place", "becoming"} & set(doc) or message.get("text") == UNNAMED_ROLE))


class AnswerQuestion(Action):
    """Answers what is asked on demand, from the knowledge base, with its sources."""

    def name(self) -> Text:
        return "action_answer_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name", "")
        typed = tracker.latest_message.get("text") or ""
        text = getattr(as_meant(typed), "text", typed)  # "a governor asked me if ...": what is asked, not who asked it, nor what it takes back
        sure = float((tracker.latest_message.get("intent") or {}).get("confidence") or 0)
        if intent == "more" and sure < UNSURE_MORE and is_question(text) and len(text.split()) > 4 and not MORE_ASKED.search(text):
            intent = "ask_documents"  # "will most pupils with SEND end up needing an EHCP?": a question, not "more of that"
        if intent == "check_staff_list" and staff_list.asks_the_documents(text):
            intent = "ask_documents"  # "does a senco trainee need a CRB check?", "which teacher standards cover SEND? list them"
        bound = over_limit(tracker)
        if bound:
            dispatcher.utter_message(text=bound)
            return []
        try:
            message = self._answer(intent, text, tracker, dispatcher)
        except lookup.NotFound:
            message = documents.search(text)
            if message is None:
                not_understood(dispatcher, tracker, NOT_COVERED)
        if message and _sharpened(intent, text, message) and not (intent == "ask_responsibilities" and OWN_DUTIES.search(text)):
            message = notes.noted(text, documents.sharper(text, message, ANSWERS_TO.get(_kind(intent), "")))
        if message and not text.startswith("/") and (intent in IN_A_LEVEL or intent == "ask_builds_on" and not asks_order(text)):
            message = meanings.in_level(text, message)  # "does the introductory level cover lego therapy?": not the order
        if message and not text.startswith("/") and intent not in ("check_staff_list", "compare_levels"):
            message = notes.denied(text, message)  # "is the notional SEND budget ring fenced?": no, as the guide reads it
        if message:
            dispatcher.utter_message(**with_contacts(message))
        return turn.own_job(text, (message or {}).get("json_message"))

    def _answer(self, intent: Text, text: Text, tracker: Tracker, dispatcher: CollectingDispatcher) -> Optional[replies.Message]:
        kb = guide().kb
        runner_up = turn.runner_up(tracker)
        if intent == "nlu_fallback" and _entity(tracker, "level") and runner_up in LEVEL_ANSWERS and _names_kind(runner_up, text):
            intent = runner_up  # "L1 learning outcomes pls - need them for the induction pack": a level's list, unsure
        asked = questions_only(text)
        if asked != text and intent in LEVEL_ANSWERS and runner_up in LEVEL_ANSWERS and _names_kind(runner_up, asked) \
                and not _names_kind(intent, asked):  # "what topics are the level 4 competencies about? want to plan my 12 hours"
            intent = runner_up  # the kind the question names, not the kind named in what it is for
        silence = None if text.startswith("/") or intent in ("check_staff_list", "compare_levels") else meanings.silence(text)
        if silence:
            return silence
        reading = meanings.initials(text) if intent in MEANING_INTENTS and not text.startswith("/") else None
        levels = None if text.startswith("/") or intent in ("check_staff_list", "compare_levels") else \
            levels_asked.not_set(text) or levels_asked.which_levels(text) or levels_asked.the_levels(text) or levels_asked.contents(text)
        if reading or levels:
            return reading or levels
        undefined = None if text.startswith("/") or intent in ("check_staff_list", "compare_levels") else meanings.undefined(text)
        if undefined:
            return undefined
        phrase = quoted(text)
        term = lookup.term_in(kb, phrase) if phrase else None
        whole = bool(phrase) and (not term or term.casefold() != phrase.strip().casefold() and not re.search(STANDS_FOR, text, re.I))
        if whole and intent in MEANING_INTENTS:
            intent = "ask_documents"  # "what does 'achievement' mean in the senco spec": the quoted word, not SENCO; "by the
            # 'notional SEND budget'": the phrase, not the short form in it
        elif intent != "ask_term" and not whole and (
                documents.index().asks_meaning(text) and term_asked(kb, meaning_asked_in(questions_only(text)))  # (not a short form
                or meanings.terms_asked(text) or short_form_asked(kb, text) or short_form_guessed(kb, text)  # in an aside)
                or named_with_its_own_words(kb, text)):
            intent = "ask_term"  # "what does SMART stand for in smart targets": the glossary says, whatever the intent
        if intent in ("out_of_scope", "nlu_fallback", "ask_documents"):  # the documents' words if they answer it, else what can be done
            answering = (tracker.active_loop or {}).get("name") and not is_question(text)  # an unclear answer, not a question
            role_topic = is_question(text) and (intent != "ask_documents" or len(roles_asked.topics_named(text)) > 1  # a role's duties,
                                                or roles_asked.in_one_place(text))  # unless the question is about more; or whose
            # duties, of two roles named ("governors or head?"), or of one role in one place ("SENCo in a pre-school")
            chat = intent == "out_of_scope" and roles_asked.chat_beside_a_job(text)  # (a question naming a level, or a role
            # whose duties the documents set, is in scope: "hrs off timetable for a senco?")
            found = None if answering or chat else (roles_asked.role_topic(text) if role_topic else None) or \
                (roles_asked.unnamed_job(text) if roles_asked.only_asks_if_needed(text) else None) or \
                level_answers.for_involvement(text) or \
                documents.search(text, out_of_scope=intent == "out_of_scope" and not _entity(tracker, "level")
                                 and not roles_asked.topics_named(text)) or \
                (roles_asked.role_topic(text) or roles_asked.unnamed_job(text) if is_question(text) else None)  # "do dinner ladies need this"
            if found is None:
                asked = not answering and (intent == "ask_documents" or is_question(text)) and \
                    (intent != "out_of_scope" or roles_asked.LEVEL_WORDS.search(text))  # "a certificate when I finish level 3?": named
                unknown = notes.unknown(text) if asked else ""
                not_understood(dispatcher, tracker, NOT_MENTIONED.format(words=unknown) if unknown else
                               REPHRASE if answering or intent == "nlu_fallback" else
                               NOT_COVERED if intent == "ask_documents" else OUT_OF_SCOPE)
            return found
        own = intent == "ask_role_training" and _named_level(tracker) and OWN_LEVEL.search(text) and level_answers.COVERED.search(text)
        if own:  # "what topics should my level 4 training cover?": what that level covers, whatever the job's own level
            intent = "ask_outcomes"
        theirs = runner_up if runner_up in LEVEL_ANSWERS and _names_kind(runner_up, text) else f"ask_{kind_named(text)}"
        if intent == "ask_role_training" and asks_their_level(text) and theirs in LEVEL_ANSWERS:
            intent = theirs  # "our receptionists come under L2. how much refresher do they need": that level's, not the asker's
        if intent == "ask_role_training" or (intent in LEVEL_ANSWERS and not _entity(tracker, "level") and intent != "more"):
            answer = roles_asked.role_level(text, unnamed=not (is_question(text) and roles_asked.beside_a_job(text)))
            if answer is not None:
                return answer
            if intent == "ask_role_training":  # no job named: "what are the refresher requirements? for our matrix"
                runner_up = None if documents.mentions_job(text) or not _names_kind(runner_up, text) else runner_up
                found = roles_asked.role_topic(text) or level_answers.for_involvement(text) or \
                    (None if runner_up in LEVEL_ANSWERS else documents.search(text))  # "someone with occasional contact": who each is for
                if found is not None or runner_up not in LEVEL_ANSWERS:
                    return found or {"text": UNNAMED_ROLE, "buttons": HELP_BUTTONS}
                intent = runner_up  # what a level sets, asked with no job: the next reading of the question
        if intent == "ask_term":
            terms = meanings.terms_asked(text) or [term_asked(kb, questions_only(text)) or term_asked(kb, text) or _entity(tracker, "term")]
            if not all(terms):
                raise lookup.NotFound("no term")
            entries = [e for term in terms for e in lookup.glossary(kb, term)]
            used = {u["text"]: u for u in (meanings.used_here(t) for t in dict.fromkeys(e["term"] for e in entries)) if u}
            return replies.cited_items("In these documents:", [
                {"text": f"{e['term']}: {e['meaning']}" + (f" ({e['note']})" if e["note"] else ""), "cite": e["cite"]}
                for e in entries] + list(used.values()), term=" and ".join(terms))
        if intent == "ask_responsibilities":
            named = _entity(tracker, "topic")
            if named in {t.id for t in kb.topics} and text.startswith("/"):  # a button asking for the whole topic
                return documents.topic(named)
            if len(roles_asked.topics_named(text)) > 1 and not text.startswith("/"):  # "governors or head?": whose the documents say
                return roles_asked.role_topic(text) or documents.search(text) or documents.topic(roles_asked.topics_named(text)[0])
            found = lookup.find_topic(kb, named or _entity(tracker, "role") or text, guide().catalogue)
            return documents.topic(found.id, text)
        if intent == "ask_senco_award":
            must = roles_asked.becoming(questions_only(text), roles_asked.topics_named(text))[1]  # ("hoping to become SENCO. is ...?")
            if must:  # "does the senco have to be a qualified teacher or could our HLTA take it on?": what a SENCO must be
                return must
            if asks_about(text, guide().catalogue, kb.topic("senco-award").title):
                return documents.topic("senco-award", text)  # "what are the Every Child Matters outcomes?"
            data = lookup.topic(kb, "senco-award")
            return replies.cited_items(f"{data['title']}:", [i for i in data["items"] if i["kind"] in ("requirement", "course")])
        if intent == "compare_levels":
            named = list(dict.fromkeys(tracker.get_latest_entity_values("level")))
            if len(named) < 2:  # "what are wave 1 2 and 3": the documents' answer, else which levels to compare
                return documents.search(text) or {"text": "Which two levels or tiers? For example: \"difference between Level 2 and Level 3\"."}
            data = lookup.step_up(kb, named[0], named[1])
            return replies.cited_items(f"From {data['lower']} to {data['higher']}, what is added:", data["items"], 12)
        if intent == "check_staff_list":
            return staff_list.checked(tracker.latest_message.get("text") or "")
        named_level = _entity(tracker, "level")
        if intent == "ask_induction" and not (named_level and lookup.find_level(kb, named_level).framework == "schools"):
            return replies.cited_items(f"{kb.levels_of('health')[0].name} induction:", lookup.induction(kb))
        level = _level(tracker)
        if intent == "ask_induction":  # "what is the induction tier?": the first school tier, not the health induction
            intent = "ask_cohort"
        by_level = level_answers.by_level(intent, text, kb, level)
        if by_level:
            return by_level
        if not level:
            asks = intent != "more" or is_question(text) and (documents.enough_asked(text)  # more of no
                                                              or bool(roles_asked.topics_named(text)))  # ("what else does a SENCO do?")
            found = (level_answers.for_involvement(text) or documents.search(text)) if asks else None  # level: "the platform will link to
            # other things - what are they?", not "is there anything else I should know?"
            unknown = notes.unknown(text) if found is None else ""
            if unknown:  # "does any of this apply in scotland": no level would answer it
                return {"text": NOT_MENTIONED.format(words=unknown), "buttons": HELP_BUTTONS}
            if found is None:
                _ask_which_level(dispatcher, intent)
            return found
        if intent == "ask_outcomes" and WHOLE_LIST.search(text):
            intent = "more"
        named = list(dict.fromkeys(tracker.get_latest_entity_values("level")))[:MAX_LEVELS] if not text.startswith("/") else []
        if len(named) > 1 and intent in SIDE_BY_SIDE:  # "difference in refresher time between level 2 and level 3": each one's
            messages = [_of_level(intent, text, lv, bool(own)) for lv in named]
            return functools.reduce(replies.joined, messages)
        return _of_level(intent, text, level, bool(own))


MAX_LEVELS = 3  # levels answered side by side in one reply
SIDE_BY_SIDE = ("ask_cohort", "ask_hours", "ask_outcomes", "ask_competencies", "ask_training")  # what each of two levels sets


def _of_level(intent: Text, text: Text, level: Text, own: bool) -> replies.Message:
    """What a question asks of one level: its cohort, hours, outcomes, competencies or training."""
    kb = guide().kb
    data = _by_question(intent, text, lookup.cohort(kb, level))
    if intent == "ask_training":  # the organisation's next sessions for the level, beside the documents' methods
        data["sessions"] = [x.shown() for x in next_for(guide().sessions, lookup.find_level(kb, level).id)]
    message = level_answers.answer(intent, text, data)
    if (intent in ASKED_BY_NAME and re.search(ASKED_BY_NAME[intent], text, re.IGNORECASE) or own) \
            and message.get("json_message"):  # (or what the level the asker calls their own covers)
        message["json_message"][replies.KEY]["level"] = data["level"]  # the list asked for by name stays the answer
    return message
