"""Context decides: a message that names a job role is a role, whatever the intent classifier guessed.

A statement (not a question) that mentions a catalogue role (the role ruler's entity), says "I'm a
... / I work as ... / I work in the ... team", or is a short phrase ending in a job word ("midwife",
"school business manager", "HLTA") gets the intent `tell_role`, so it starts or updates the level
questions. A first-person statement in the involvement question's words ("actually I do see children
now and then") gets `inform`, so a correction after an answer reaches the level questions. Any other
short plain statement the classifier could only call `inform` or could not place ("ANP in A&E",
"orthotist", "interpreter for the NHS trust") is a job too: the rules then ask the workplace and the
cohort question rather than the role again. Greetings, thanks, commands and pasted lists keep their
own intents, and so do a plain yes or no. The job words come from the generated
`job_word` lookup table (knowledge/content/roles.yml) and travel in the model.
"""
from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.message_shapes import (MAX_JOB_WORDS, NOT_TEXT, JOB_SHAPED, PROFESSIONAL, NOT_JOBS, WORD, HEAD, YES_OR_NO,
    QUESTION_START_WORD, TITLE_ENDS, QUALIFIER, ACTIONS, ABOUT_MY_LEVEL, NOT_ME, DESCRIBED, SHORT_HEAD, GREETING, OF_A_THING, OTHERS, OWN_TRAINING,
    ASKS_WHEN, ASKS_MY_LEVEL, NEXT_GUESS, KEEP, A_DOCUMENT_PART, OWN_LEVEL_ASKED, UNSURE_CHAT, WORK_TOLD, TAG_QUESTION, KIND_ASKED, AND_I)
from bot.components.question_shapes import (DOCUMENTS_INTENT, a_question_taken_for_chat, a_search_query, level_choice as _level_choice,
    a_sure_question, asked, asks_a_duty, asks_about_the_documents, asks_more_than_me, unsure_chat)
from knowledge.answer_words import WHERE_TO_TRAIN
from knowledge.asking import last_question, level_kind_asked
from knowledge.defining import asks_what_it_stands_for
from knowledge.enough import ENOUGH, own_check
from knowledge.passed_on import as_meant
from knowledge.reading import FIRST_PERSON, NOT_A_JOB, REQUEST, SAYS_ROLE, asks_about_a_role, is_question, names_a_job, \
    tells_involvement

WORDS_FILE = "job_words.json"
INTENT_NAME = "tell_role"
ANSWER_INTENT = "inform"
ROLE_LEVEL_INTENT = "ask_role_training"
TERM_INTENT = "ask_term"  # what a short form stands for
STAFF_INTENT = "check_staff_list"  # a pasted list of job titles to check
ABOUT_ME = {INTENT_NAME, "find_level", ANSWER_INTENT}  # intents about the person themselves: never a question without "I" or "my"
SENTENCE_END = re.compile(r"[.?!]")
CLAUSE_START = re.compile(r"[.?!;]\s*|\s[-\u2013]\s")
LEVELS_NAMED = re.compile(r"\b(?:levels?|tiers?)\b", re.IGNORECASE)  # "do I need one of the higher SEND levels?"
LEVEL_WRITTEN = re.compile(r"\b(?:levels?|tiers?|lvl|introductory|induction|basic)\b|\b[lt]\s*\d|^\s*\d\s*$", re.IGNORECASE)  # a level
# entity's own words: the extractor may take "Year 3" or "band 6" for one
STATEMENT = {ANSWER_INTENT, "nlu_fallback"}  # what the classifier makes of a plain statement it cannot place


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class RoleIntent(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"lookup": "job_word", "entity": "role"}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 words: Optional[List[Text]] = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.words = set(words or [])

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "RoleIntent":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        table = next((t for t in training_data.lookup_tables if t["name"] == self._config["lookup"]), None)
        self.words = {str(e).strip().casefold() for e in (table or {}).get("elements", []) if str(e).strip()}
        with self._model_storage.write_to(self._resource) as path:
            (path / WORDS_FILE).write_text(json.dumps(sorted(self.words)), encoding="utf-8")
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "RoleIntent":
        try:
            with model_storage.read_from(resource) as path:
                words = json.loads((path / WORDS_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            words = []
        return cls(config, model_storage, resource, words)

    def names_a_role(self, message: Message) -> bool:
        text = str(message.get(TEXT) or "")
        named = any(e.get("entity") == self._config["entity"] and not NOT_ME.search(text[: int(e.get("start") or 0)])
                    for e in message.get(ENTITIES, []))  # "..., but I'm not the SEND lead" names no role of theirs
        return names_a_job(message.get(TEXT), self.words, named)

    def _a_plain_job_statement(self, message: Message) -> bool:
        """A short statement in words, not a question or a command, whose first part (before a comma or an
        "I") is not in the first person and has a word shaped like part of a job title: what someone says
        when telling their job ("ANP in A&E", "dinner lady, I see the kids every day"), not an answer such
        as "in a hospital", "the third one" or "I see kids now and then"."""
        text = str(message.get(TEXT) or "").strip()
        words = WORD.findall(text)
        if not words or len(words) > MAX_JOB_WORDS or text.startswith("/") or NOT_TEXT.search(text) or is_question(text) \
                or REQUEST.match(text):
            return False  # (what someone asks for: "website for the CDC e-learning")
        head = HEAD.split(text, maxsplit=1)[0]  # "dinner lady, I see the kids every day": the job comes first
        return not FIRST_PERSON.search(head) and self._title_ends_in_a_job(head)

    def _title_ends_in_a_job(self, head: Text) -> bool:
        """A title ends in its job ("provider approval period", "ECM outcomes" are things asked about)."""
        named = WORD.findall(TITLE_ENDS.split(head, maxsplit=1)[0])  # its title ends before "in", "at", "for" ("ANP in A&E")
        while named and len(named) > 1 and QUALIFIER.fullmatch(named[-1]):
            named = named[:-1]  # and what qualifies the job after it: "nurse band 6", "HCA nights", "pastoral lead y7"
        return self._job_shaped([w if w.isupper() else w.casefold() for w in named[-1:]])

    def _job_shaped(self, words: List[str]) -> bool:
        return any(w.casefold() in self.words or (JOB_SHAPED.fullmatch(w) and w.casefold() not in NOT_JOBS) for w in words)

    def _only_a_job_word(self, message: Message) -> bool:
        """"HLTA" alone is a role even if it looked like "ta" (thanks) to the classifier; "ta" alone stays thanks."""
        words = str(message.get(TEXT) or "").casefold().split()
        return len(words) == 1 and len(words[0]) >= 4 and words[0] in self.words

    def _a_role_beside_yes_or_no(self, message: Message, intent: Optional[Text]) -> bool:
        """"LSA in year 3" read as yes: a catalogue role named in more than a word or two is a role, not a yes."""
        named = any(e.get("entity") == self._config["entity"] and e.get("extractor") == "RoleRuler" for e in message.get(ENTITIES, []))
        return intent in YES_OR_NO and named and len(str(message.get(TEXT) or "").split()) > 2

    def _names_the_documents(self, message: Message) -> bool:
        """"induction tier learning areas", "SEMH": a message naming a level, or a term that is not a job word
        ("DSL" is a job), asks about it."""
        text = str(message.get(TEXT) or "")
        if own_check(text) or _level_choice(text):
            return False  # "payroll officer, ... do i need level 2 too?": the writer's own level offered to be checked
        asked = ASKS_MY_LEVEL.search(text)  # "... Which level am I supposed to hold now? They keep sending me the level 3 stuff":
        end = SENTENCE_END.search(text, asked.end()) if asked else None
        starts = [m.end() for m in CLAUSE_START.finditer(text, 0, asked.start())] if asked else []  # "HR reckons I only need level 1 -
        sentence = ((starts or [0])[-1], end.start() if end else len(text)) if asked else (0, len(text))  # which level do I need?"
        entities = {e.get("entity") for e in message.get(ENTITIES, [])  # a level said in passing names nothing asked
                    if e.get("entity") != "level" or sentence[0] <= int(e.get("start") or 0) <= sentence[1]}
        words = {w.casefold() for w in WORD.findall(text)}
        return "level" in entities or ("term" in entities and not words & self.words)

    @staticmethod
    def _unsure(message: Message) -> bool:
        return float((message.get(INTENT) or {}).get("confidence") or 0) < UNSURE_CHAT  # "senco provider approval period" at 0.59

    def _searched_for(self, message: Message) -> bool:
        """"ofsted ta report year", not "caseworker in the SEN section": a search box's words, whose title is no job."""
        text = str(message.get(TEXT) or "")
        return a_search_query(message) and not (TITLE_ENDS.search(text) and self._title_ends_in_a_job(text))

    @staticmethod
    def _levels_compared(message: Message) -> bool:
        """"newly qualified physio can level 2 count toward level 3 hrs": two levels named asks how they stand together."""
        return is_question(message.get(TEXT)) and len({e.get("value") for e in message.get(ENTITIES, []) if e.get("entity") == "level"}) >= 2

    def _about_a_role(self, message: Message) -> bool:
        """"three purposes of the senco training spec", "role of the headteacher in send": the role is what is asked about."""
        spans = [(int(e["start"]), int(e["end"])) for e in message.get(ENTITIES, [])
                 if e.get("entity") == self._config["entity"] and "start" in e and "end" in e]
        return asks_about_a_role(message.get(TEXT), spans)

    def _asks_if_a_level_is_enough(self, message: Message) -> bool:
        """"GP who leads on send for the ICB, is level 3 enough?", "is L2 enough for a school nurse": someone in a role, not
        the person telling their own job ("I'm a GP ..."), asked against a level: what the documents place that role in."""
        text = str(message.get(TEXT) or "")
        named = {e.get("entity") for e in message.get(ENTITIES, [])}
        return {"role", "level"} <= named and ENOUGH.search(text) is not None and not SAYS_ROLE.search(text) \
            and not text.startswith("/") and not self._about_a_role(message) and not own_check(text)  # ("HLTA, I cover ...")

    @staticmethod
    def _a_question_instead(message: Message) -> None:
        """The classifier's likeliest question intent, or a search of the documents when none is likely."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY, []) if str(r.get("name", "")).startswith("ask_")]
        best = ranking[0] if ranking and float(ranking[0].get("confidence") or 0) >= NEXT_GUESS \
            else {"name": DOCUMENTS_INTENT, "confidence": 1.0}
        RoleIntent._put(message, best, message.get(INTENT_RANKING_KEY, []))

    @staticmethod
    def _not_a_statement(message: Message) -> None:
        """A question the classifier took for a role: its next guess, or out of scope (answered from the documents)."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY, []) if r.get("name") not in ABOUT_ME]
        best = ranking[0] if ranking and ranking[0].get("name") != "nlu_fallback" else {"name": "out_of_scope", "confidence": 1.0}
        if float(best.get("confidence") or 0) < NEXT_GUESS:  # "nursery manager - can we use EYPP for children with SEND?": no
            best = {"name": DOCUMENTS_INTENT, "confidence": 1.0}  # likely reading but a question: the documents are searched
        RoleIntent._put(message, best, ranking)

    @staticmethod
    def _set(message: Message, name: Text) -> None:
        RoleIntent._put(message, {"name": name, "confidence": 1.0}, [r for r in message.get(INTENT_RANKING_KEY, []) if r.get("name") != name])

    @staticmethod
    def _put(message: Message, best: Dict[Text, Any], ranking: List[Dict[Text, Any]]) -> None:
        """The message's intent, first in its ranking before the others."""
        message.set(INTENT, best, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [best] + [r for r in ranking if r is not best and r.get("name") != best.get("name")],
                    add_to_output=True)

    def _a_job_with_its_work(self, message: Message) -> bool:
        """"paediatric audiologist - hearing assessments for under 5s, we refer ...", "hello, i'm a play specialist at the
        childrens hospital, i do ... what level am i?": a job told first, then what the work is, or a question about the
        person's own level; however long, it tells the job (a question about anything else stays a question). With their
        own level asked, the work alone tells it ("I take blood from children in clinic, what level do I need?")."""
        text = str(message.get(TEXT) or "").strip()
        if text.startswith("/") or NOT_TEXT.search(text):
            return False
        head, *rest = DESCRIBED.split(GREETING.sub("", text), maxsplit=1)  # "paediatric audiologist - hearing assessments ..."
        head = AND_I.split(head, maxsplit=1)[0]
        words = [w.casefold() for w in WORD.findall(head)]
        asked = ASKS_MY_LEVEL.search(text) or ABOUT_MY_LEVEL.search(text) or OWN_LEVEL_ASKED.search(text) or _level_choice(text) \
            or own_check(text) or WHERE_TO_TRAIN.search(text)  # "..., what level do i need", "salaried GP. level 2 or 3?"
        if asked and (ASKS_WHEN.search(re.split(r"[,.?!;]|\band\b", text[: asked.start()])[-1]) or OF_A_THING.match(text[asked.end():])):
            asked = None  # "how soon after joining do I have to have done it?": when, not what level; "what level is the threshold?"
        before = re.split(r"[.?!;]", text[: asked.start()])[-1] if asked else ""  # the asked sentence's words before the question
        near = " ".join(before.split()[-3:] + text[asked.end():].split()[:4]) if asked else ""  # "what SEND training do I need"
        if asked and not ASKS_MY_LEVEL.search(text) and not OWN_TRAINING.search(near) and not LEVELS_NAMED.search(re.split(r"[.?!;]", text[asked.start():])[0]) \
                and (re.match(r"do i", asked.group(), re.I) and not LEVEL_WRITTEN.search(asked.group()) or A_DOCUMENT_PART.search(last_question(text))):
            asked = None  # "do i need a new CRB check for the course?", "does the supervision section apply to me?": not a level
        asking = TAG_QUESTION.sub("", re.split(r"(?i)[.?!;]|\s(?:because|since|cos|(?:as|but) (?=i\b|i'm\b|im\b))", text[asked.start():], maxsplit=1)[0]) if asked else ""  # (not
        # the reason given: "someone said I'm tier 2 because DSL is a lead role")
        mine = bool(asked) and not OTHERS.search(asking) and not self._another_job(asking, text[: asked.start()])  # not "what level should I book her on?",
        # "what level do our doctors need?"; work told only with the level itself asked ("I work part time, how many hours ...?")
        kind = KIND_ASKED.search(before + asking) if asked else None
        told = SAYS_ROLE.search(text) is not None or (mine and not kind and WORK_TOLD.search(text) is not None) or (
            bool(rest) and 0 < len(WORD.findall(TITLE_ENDS.split(head, maxsplit=1)[0])) <= SHORT_HEAD and not FIRST_PERSON.search(head) and not QUESTION_START_WORD.match(text)
            and (mine or not QUESTION_START_WORD.match(rest[0])) and (any((w in self.words or PROFESSIONAL.fullmatch(w)) and w not in NOT_A_JOB for w in words)
                                                                       or mine and self._title_ends_in_a_job(head))) \
            or (mine and not rest and before == text[: asked.start()] and 0 < len(WORD.findall(before)) <= SHORT_HEAD  # "data manager what
                and not FIRST_PERSON.search(before) and not QUESTION_START_WORD.match(before)
                and any((w.casefold() in self.words or PROFESSIONAL.fullmatch(w)) and w.casefold() not in NOT_A_JOB for w in WORD.findall(before)))  # send tier am i": no comma between
        return told and (mine or not is_question(text))

    def _another_job(self, asking: Text, before: Text) -> bool:
        """"which course do I book for a new TA?": a job named in the question, not the asker's own told before it
        ("Diagnostic radiographer. ... What level does the framework put radiographers at?") or compared ("like the teachers")."""
        own = {w.casefold().rstrip("s") for w in WORD.findall(before)}
        words = [w.casefold() for w in WORD.findall(asking)]
        return any((w in self.words or w.rstrip("s") in self.words) and w not in NOT_A_JOB and w.rstrip("s") not in own
                   and not {"as", "like", "than"} & set(words[max(0, n - 2): n]) for n, w in enumerate(words))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = str(message.get(TEXT) or "")
            entities = message.get(ENTITIES, [])
            levels = [e for e in entities if e.get("entity") != "level" or "start" not in e  # "a Year 3 boy" names no level
                      or LEVEL_WRITTEN.search(text[int(e["start"]): int(e["end"])])]
            if len(levels) < len(entities):
                message.set(ENTITIES, levels, add_to_output=True)
            passed = as_meant(text)
            if passed is None:
                self._decide(message)
                continue
            # "a governor asked me if ofsted can inspect the SENCO courses": decided on what is asked, and who asked (the
            # governor) is no role of the message
            kept = [e for e in message.get(ENTITIES, []) if passed.span(e) is not None]
            view = Message(data={TEXT: passed.text, INTENT: message.get(INTENT), INTENT_RANKING_KEY: message.get(INTENT_RANKING_KEY, []),
                                 ENTITIES: [{**e, **(passed.span(e) or {})} for e in kept]})
            if (message.get(INTENT) or {}).get("name") in ACTIONS and not FIRST_PERSON.search(passed.question):
                self._a_question_instead(view)  # a question passed on asks nothing of the guide ("I said I'd check the framework")
            else:
                self._decide(view)
            message.set(ENTITIES, kept, add_to_output=True)
            self._put(message, view.get(INTENT), view.get(INTENT_RANKING_KEY, []))
        return messages

    def _decide(self, message: Message) -> None:
        """The message's intent, by what it says in context."""
        intent = (message.get(INTENT) or {}).get("name")
        text = str(message.get(TEXT) or "").strip()
        if intent == STAFF_INTENT and "\n" not in text and OWN_LEVEL_ASKED.search(text):  # "GP here, ... on top of my normal
            self._put(message, {"name": "find_level", "confidence": 1.0}, message.get(INTENT_RANKING_KEY, []))  # list. what level
            intent = "find_level"  # do I need now": the asker's own level, not a staff list's
        if intent != TERM_INTENT and any(e.get("entity") == "term" and asks_what_it_stands_for(message.get(TEXT), e.get("value"))
                                         for e in message.get(ENTITIES, [])):
            self._set(message, TERM_INTENT)  # "RAS came up in my self-assessment. What does RAS stand for?"
        elif intent not in KEEP and any(e.get("entity") == "level" for e in message.get(ENTITIES, [])) and level_kind_asked(text):
            self._set(message, f"ask_{level_kind_asked(text)}")  # "service lead at level 4, whats the minimum hrs i need": that level's
        elif intent not in KEEP and self._asks_if_a_level_is_enough(message):
            self._set(message, ROLE_LEVEL_INTENT)  # what the documents place the role in, against the level named
        elif intent not in KEEP and asks_a_duty(message):
            self._set(message, DOCUMENTS_INTENT)  # "as a TA do i have to go to annual reviews": what the documents say of it
        elif (intent in STATEMENT or unsure_chat(message) or intent == INTENT_NAME and self._unsure(message)) and self._searched_for(message):
            self._set(message, DOCUMENTS_INTENT)  # "ofsted ta report year": a search for a fact, not a job
        elif (intent not in KEEP or unsure_chat(message)) and intent != INTENT_NAME and self._a_job_with_its_work(message) \
                and not self._about_a_role(message) and not self._names_the_documents(message):
            self._set(message, INTENT_NAME)
        elif intent in ABOUT_ME and is_question(message.get(TEXT)) and not FIRST_PERSON.search(asked(message)):
            self._not_a_statement(message)  # "who approves SENCO training providers?" asks about the documents, not me
        elif asks_more_than_me(message) or (intent in ABOUT_ME and self._about_a_role(message)):
            self._a_question_instead(message)
        elif (intent not in KEEP or self._only_a_job_word(message) or self._a_role_beside_yes_or_no(message, intent)) \
                and intent != INTENT_NAME and self.names_a_role(message) and not a_sure_question(message) and not self._searched_for(message) \
                and not asks_about_the_documents(message) and not self._about_a_role(message) and not self._levels_compared(message):
            self._set(message, INTENT_NAME)
        elif intent in STATEMENT and self._a_plain_job_statement(message) and not self._names_the_documents(message) \
                and not asks_about_the_documents(message) and not self._about_a_role(message):
            self._set(message, INTENT_NAME)
        elif a_question_taken_for_chat(message):
            self._set(message, DOCUMENTS_INTENT)
        elif intent not in KEEP | ABOUT_ME and FIRST_PERSON.search(str(message.get(TEXT) or "")) \
                and tells_involvement(message.get(TEXT)) and not is_question(message.get(TEXT)):
            self._set(message, ANSWER_INTENT)

