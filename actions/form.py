"""The level questions as a Rasa form whose next slot is always the rules' next question.

While a question is open, the next message is read as its answer (knowledge.reading) unless it
is plainly something else: a question, a command, or a new role. An answer that picks none of
the options is said so, and the question is asked again; nothing is guessed.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import replies, turn
from actions.conversation import explained_before, over_limit, unclear_answer
from actions.knowledge_base import FACT_SLOTS, clean_role, decide, earlier_value, guide, slot_of, valid_answer
from knowledge.answer_words import WHERE_TO_TRAIN, sent_to
from knowledge.answers import to_dict
from knowledge.enough import against, own_check
from knowledge.passages import level_named
from knowledge.reading import asks_for_help, read_answer, sectors_named
from knowledge.roles import corrects
from knowledge.rules import Determination, NextQuestion

ANSWERS_OF_A_ROLE = ("sector", "involvement", "new_senco")
SEVERAL_PLACES = ("You named more than one place: {places}. Which should I work out first? Choose one below; you can ask "
                  "again for the other afterwards.")


class ValidateLevelForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_level_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        """The slots to extract and validate now: those this message set (all the answers when it set the
        role, so answers for an old role can be cleared), and the one slot the rules still need."""
        answered = [s for s in tracker.slots_to_validate() if s == "role" or s in FACT_SLOTS.values()]
        if "role" in answered:
            answered += list(FACT_SLOTS.values())
        return [slot for slot in dict.fromkeys(answered + [_next_slot(tracker)]) if slot]

    async def next_requested_slot(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        """Always the rules' next question; none when they have an answer, which ends the form."""
        return SlotSet("requested_slot", _next_slot(tracker))

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        """The open question's answer; after an answer has been given, a correction in words ("actually I do
        see children now and then") read against the whole involvement question."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        if events:
            return events
        role = turn.new_role(tracker)
        if role:
            return [SlotSet("role", role)]  # its questions start again (validate_role)
        if not tracker.get_slot("role") and turn.intent(tracker) == "find_level" and tracker.get_slot("asked_role"):
            return [SlotSet("role", tracker.get_slot("asked_role"))]  # the job they called their own in a question
        if tracker.get_slot("requested_slot") or not turn.may_answer(tracker) or turn.tells_a_job(turn.text(tracker)):
            return []
        outcome = decide(tracker)
        if isinstance(outcome, Determination) and outcome.level:
            question = guide().kb.question("involvement", outcome.level.framework)
            option = read_answer(question.options, "involvement", turn.text(tracker), guide().catalogue, question.framework)
            if option:
                return [SlotSet(slot_of(f), v) for f, v in option.sets.items()]
        return []

    def validate_role(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        role = clean_role(value)
        before = earlier_value(tracker, "role")
        bound = over_limit(tracker)
        if bound:  # only the start of it was kept, and it was not read: no role from it (the form then asks again)
            dispatcher.utter_message(text=bound)
            return {"role": before}
        if role is None:
            dispatcher.utter_message(text="Please tell me your job role in a few words, for example \"health visitor\".")
            return {"role": before}
        if before and role != before:
            if turn.answer(tracker) is not None or not turn.tells_a_job(role) or (turn.open_question(tracker) and not (turn.names_a_role(role) or corrects(role))):
                return {"role": before}  # an answer or a correction, not a new role: read as such
            fresh = {slot: None for slot in ANSWERS_OF_A_ROLE if slot not in tracker.slots_to_validate()}
            return {"role": role, **fresh}  # answers given for the old role do not carry over
        placed = _workplace_in_role(tracker) and "sector" not in tracker.slots_to_validate() and corrects(turn.text(tracker), anywhere=True)
        return {"role": role, **({"sector": None} if placed else {})}  # "I work in the hospital laundry." "actually I'm a teacher
        # at a primary school": where, now; not "I work for the NHS." "support worker at a special school"


def _next_slot(tracker: Tracker) -> Optional[Text]:
    """The role first, then the slot of the rules' next question; None when nothing more is needed."""
    if not clean_role(tracker.get_slot("role")):
        return "role"
    outcome = decide(tracker)
    return FACT_SLOTS[outcome.question.asks] if isinstance(outcome, NextQuestion) else None


def _workplace_in_role(tracker: Tracker) -> bool:
    """Whether this message set the role and the role text itself names a workplace, which the rules read."""
    role = clean_role(tracker.slots_to_validate().get("role"))
    return bool(role) and not turn.text(tracker).startswith("/") and guide().catalogue.resolve(role).sector_hint is not None


def _sent_to(tracker: Tracker) -> bool:
    """Whether the workplace the classifier found is where the person sends something ("I flag concerns to the local authority")."""
    text = turn.text(tracker)
    return not text.startswith("/") and any(sent_to(text[: int(e.get("start") or 0)])  # (a button's "/inform{...}" sends nothing)
                                            for e in tracker.latest_message.get("entities") or [] if e.get("entity") == "sector")


def _help_to_choose(dispatcher: CollectingDispatcher, tracker: Tracker, opened: NextQuestion) -> None:
    """The open question's options as the documents describe them, then the question again; said once running, then
    the unclear-answer replies, so the same reply never comes twice in a row."""
    shown = None if explained_before(tracker) else replies.explained(to_dict(opened))
    if shown:
        dispatcher.utter_message(**shown)
    else:
        unclear_answer(dispatcher, tracker)


def _unclear(dispatcher: CollectingDispatcher, tracker: Tracker, fact: Text, typed: Text) -> None:
    """An answer that picks no option: "both really, NHS but in the school" is asked which place first, not told it was
    not understood; any other gets the unclear-answer replies."""
    places = sectors_named(typed, guide().catalogue) if fact == "sector" else set()
    named = [o.label for o in guide().kb.question(fact, None).options if o.sets.get(fact) in places]
    if len(named) > 1:
        dispatcher.utter_message(text=SEVERAL_PLACES.format(places=" and ".join(n[:1].lower() + n[1:] for n in named)))
    else:
        unclear_answer(dispatcher, tracker)


def _extractor(fact: Text):
    slot = slot_of(fact)

    def extract(self: ValidateLevelForm, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != slot or slot in tracker.slots_to_validate():
            return {}  # not this question's turn, or a button or entity answered it already
        if turn.intent(tracker) == "find_level":
            return {slot: None}  # "find my level" while its question is open: the question again
        opened = turn.open_question(tracker)
        if opened and asks_for_help(turn.text(tracker), opened.options):
            _help_to_choose(dispatcher, tracker, opened)  # "dunno, what do you mean by specific interaction?"
            return {slot: None}
        if not turn.may_answer(tracker):
            return {}  # not an answer
        option = turn.answer(tracker, opened) if opened else None
        if option is not None:
            return {slot_of(f): value for f, value in option.sets.items()}
        role = tracker.slots_to_validate().get("role")
        if turn.new_role(tracker) or (role and role != earlier_value(tracker, "role") and turn.tells_another_job(role)) \
                or turn.intent(tracker) in ("out_of_scope", "nlu_fallback"):
            return {}  # a new role starts its questions again; nothing like an answer goes to the rephrase rule
        _unclear(dispatcher, tracker, fact, turn.text(tracker))
        return {slot: None}  # the form asks the same question again
    extract.__doc__ = f"Read the latest message as the answer to the open {fact} question."
    return extract


def _validator(fact: Text):
    slot = slot_of(fact)

    def validate(self: ValidateLevelForm, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                 domain: DomainDict) -> Dict[Text, Any]:
        if turn.role_changed(tracker) and value == earlier_value(tracker, slot):
            return {slot: None}  # an answer given for the old role does not carry over
        if fact == "sector" and (_workplace_in_role(tracker) or _sent_to(tracker)):
            return {slot: None}  # "teacher at a sixth form college": the whole role text says where, not a part of it
        answer = valid_answer(fact, value)
        if answer is None and value is not None:
            kb = guide().kb
            option = read_answer(kb.question(fact, None).options, fact, str(value), guide().catalogue)
            answer = option.sets.get(fact) if option else None
            if answer is None and tracker.get_slot("requested_slot") == slot:
                _unclear(dispatcher, tracker, fact, str(value))
        return {slot: answer}
    validate.__doc__ = f"Accept only the rules' own answers for {fact}."
    return validate


for _fact, _slot in FACT_SLOTS.items():
    setattr(ValidateLevelForm, f"validate_{_slot}", _validator(_fact))
    setattr(ValidateLevelForm, f"extract_{_slot}", _extractor(_fact))


class AskQuestion(Action, ABC):
    """Asks the rules' question for one fact, with its options as buttons and why it is asked."""

    @property
    @abstractmethod
    def fact(self) -> Text:
        """The rules fact this action asks about."""

    def name(self) -> Text:
        return f"action_ask_{FACT_SLOTS[self.fact]}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        outcome = decide(tracker)
        if not (isinstance(outcome, NextQuestion) and outcome.question.asks == self.fact):
            kb = guide().kb
            question = kb.question(self.fact, None)
            outcome = NextQuestion(question, question.options, outcome.role, levels={o.level: kb.level(o.level) for o in question.options if o.level})
        where = bool(WHERE_TO_TRAIN.search(tracker.latest_message.get("text") or ""))  # "... where can I do my training online?"
        dispatcher.utter_message(**judged_for_them(tracker, outcome, replies.question(to_dict(outcome), where), latest_only=True))
        return []


def judged_for_them(tracker: Tracker, outcome: Any, message: Dict[Text, Any], latest_only: bool = False) -> Dict[Text, Any]:
    """A level answer or question led by how the level the person offered with their job stands beside theirs ("deputy
    DHO - surely level 4 covers me?": "No: Level 4 is below ..."): the offer since the last answer of their level, or
    only in their latest message."""
    offered = None
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == "action_answer_level":
            break
        text = (event.get("text") or "") if event.get("event") == "user" else ""
        if own_check(text) and not text.startswith("/"):
            offered = level_named(guide().kb.levels, text)
            break
        if latest_only and event.get("event") == "user":
            break
    verdict = against(offered, outcome) if offered else None
    return replies.judged(verdict[0], offered.name, verdict[1].name, message, "you") if verdict else message


def _ask_action(fact: Text) -> type:
    """A concrete AskQuestion for one fact, so rasa-sdk registers an action_ask_<slot> per question."""
    return type(f"Ask{fact.title().replace('-', '')}", (AskQuestion,), {"fact": fact, "__module__": __name__})


ASK_ACTIONS = [_ask_action(fact) for fact in FACT_SLOTS]

