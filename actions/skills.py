""""Check my skills": the self-assessment of `knowledge.skills` as a form of one statement at a time.

The form has one slot, asked again for each statement until all are rated or skipped; each rating is
kept at once (`knowledge.skills.store`), so "stop", or leaving for another question, loses nothing
and "check my skills" carries on where it stopped. A SENCO is assessed against the National Award's
minimum outcomes, everyone else against the East Sussex areas. The summary lists the statements to
work on and the training the documents suggest, with sources and the owner's download links.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from actions import replies, turn
from actions.conversation import over_limit
from actions.knowledge_base import decide, guide
from actions.records import UNAVAILABLE, engine, link_secret, links, owner
from knowledge import skills
from knowledge.skills import store as skills_store
from knowledge.lookup import cite_dict
from knowledge.plan.input import stops
from knowledge.rules import Determination

SLOT = "skills_rating"
DONE = "done"
SHOWN = 12  # statements to work on listed in the chat; the printable page has them all
ASK = "Answer confident, partly or not yet. \"Skip\" skips the rest of this area; \"stop\" keeps your answers for later."
NOT_A_RATING = "Sorry, I need one of: confident, partly, not yet, skip, or stop."
RATINGS = (("Confident", "confident"), ("Partly", "partly"), ("Not yet", "not yet"), ("Skip this area", "skip"))
STOP = {"title": "Stop", "payload": "stop"}
AGAIN = '/check_skills{"confirm": "again"}'


def framework(tracker: Tracker) -> skills.Framework:
    outcome = decide(tracker)
    role = outcome.role.role
    senco = (isinstance(outcome, Determination) and outcome.senco_award is not None) or (role is not None and role.id == "senco")
    return skills.framework_for(guide().kb, senco)


def _level(tracker: Tracker) -> Optional[Any]:
    outcome = decide(tracker)
    return outcome.level if isinstance(outcome, Determination) else None


class SkillsStart(Action):
    """Clears the form's slot; "start again" (a button after a finished assessment) clears the ratings too."""

    def name(self) -> Text:
        return "action_skills_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        if next(tracker.get_latest_entity_values("confirm"), None) == "again":
            try:
                skills_store.clear(engine(), owner(tracker), [s.id for s in framework(tracker).statements])
            except SQLAlchemyError:
                pass  # the form finds the database down too, and the summary apologises
        return [SlotSet(SLOT, None)]


class ValidateSkillsForm(turn.StopsOnRequest, FormValidationAction):
    SLOTS = (SLOT,)

    def name(self) -> Text:
        return "validate_skills_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> List[Text]:
        try:
            left = skills.next_statement(framework(tracker), skills_store.of(engine(), owner(tracker)))
        except SQLAlchemyError:
            return []  # action_skills_summary apologises
        return [SLOT] if left and tracker.get_slot(SLOT) != DONE else []

    def extract_skills_rating(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        """A rating is a rating whatever intent the model gave it ("not yet" is not a question)."""
        if tracker.get_slot("requested_slot") != SLOT or SLOT in tracker.slots_to_validate() or over_limit(tracker):
            return {}
        if stops(turn.text(tracker)):
            return {SLOT: None}  # whatever the model made of "stop", the form ends (turn.StopsOnRequest)
        return {SLOT: turn.text(tracker)} if skills.read_rating(turn.text(tracker)) else {}

    def validate_skills_rating(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> Dict[Text, Any]:
        typed = turn.text(tracker)
        if value is None or stops(typed):
            return {SLOT: None}
        choice = skills.read_rating(str(value)) if not over_limit(tracker) else None
        if choice is None:
            dispatcher.utter_message(text=NOT_A_RATING)
            return {SLOT: None}
        fw, who = framework(tracker), owner(tracker)
        try:
            ratings = skills_store.of(engine(), who)
            at = skills.next_statement(fw, ratings)
            if at is None:
                return {SLOT: DONE}
            if skills.rated_statement(typed) not in (None, at[2].id):
                return {SLOT: None}  # a second press of an earlier statement's button rates nothing else
            given = skills.skipping(fw, ratings, fw.areas[at[0]].id) if choice == skills.SKIP else {at[2].id: choice}
            skills_store.rate(engine(), who, given, link_secret())
        except IntegrityError:  # the same button pressed twice at once: the other press kept it
            return {SLOT: None}
        except SQLAlchemyError:
            dispatcher.utter_message(text=UNAVAILABLE)
            return {SLOT: DONE}  # the form ends; the summary says the answers could not be read
        return {SLOT: DONE if skills.next_statement(fw, {**ratings, **given}) is None else None}


class AskSkillsRating(Action):
    """One statement, with its area, its place, its source and the rating buttons."""

    def name(self) -> Text:
        return f"action_ask_{SLOT}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        fw = framework(tracker)
        try:
            ratings = skills_store.of(engine(), owner(tracker))
        except SQLAlchemyError:
            dispatcher.utter_message(text=UNAVAILABLE)
            return []
        at = skills.next_statement(fw, ratings)
        if at is None:
            return []
        a, n, statement = at
        area, items, citations = fw.areas[a], [], [cite_dict(statement.citation)]
        if turn.intent(tracker) == "check_skills":  # started, or carried on; not after each answer that is not a rating
            done = sum(1 for s in fw.statements if s.id in ratings)
            citations.append(cite_dict(fw.purpose.citation))
            opening = (f"Carrying on where you left off: {done} of {len(fw.statements)} statements done." if done else
                       f"A self-assessment against the {fw.title}: {len(fw.statements)} statements in {len(fw.areas)} parts, "
                       "one at a time. Your answers are kept for you only.")
            items += [replies.item(opening, 1), *([] if done else [replies.item(fw.purpose.text, 1)]), replies.item(ASK)]  # (why: theirs)
        kind = statement.kind.replace("-", " ")
        items += [replies.item(f"Part {a + 1} of {len(fw.areas)}: {area.title}. {kind.capitalize()}, {n + 1} of {len(area.statements)}:"),
                  replies.item(statement.text, 0)]
        buttons = [skills.rating_button(title, said, statement) for title, said in RATINGS] + [STOP]  # each names what it rates
        dispatcher.utter_message(**replies.message(replies.reply("question", [replies.section(items, listed=False)], citations), buttons))
        return []


FILES = (("A printable page of your self-assessment, with its sources", "skills.html"), ("Your self-assessment (CSV)", "skills.csv"))


def summary_message(summary: skills.Summary, who: Any) -> replies.Message:
    fw, citations = summary.framework, []
    query = {"framework": fw.id, **({"level": summary.level.id} if summary.level else {})}

    def ref(citation: Any) -> int:
        if cite_dict(citation) not in citations:
            citations.append(cite_dict(citation))
        return citations.index(cite_dict(citation))

    head = (f"Your self-assessment against the {fw.title}: all {summary.rated} statements done." if summary.complete else
            f"Your answers are kept: {summary.rated} of {len(fw.statements)} statements done. Say \"check my skills\" to carry on.")
    parts = [replies.item(f"{a.area.title}: {skills.counts_text(a.counts)}") for a in summary.areas]
    work = [(s, r) for a in summary.areas for s, r in a.to_work_on]
    listed = [replies.item(f"{s.text} ({r})", ref(s.citation)) for s, r in work[:SHOWN]]
    more = f"And {len(work) - SHOWN} more on the printable page." if len(work) > SHOWN else None
    training = [replies.item(t.text, ref(t.citation) if t.citation else None, url=t.url) for t in summary.training]
    sections = [replies.section([replies.item(head, ref(fw.purpose.citation))], listed=False), replies.section(parts, "By part:"),
                replies.section(listed, "To work on:", more=more), replies.section(training, "Training the documents suggest:"),
                replies.section([replies.item(r) for r in summary.readings], "This guide's readings, where the documents are silent:"),
                replies.section(links(who, FILES, "Your self-assessment", **query), "Take it with you:")]
    buttons = ([{"title": "Carry on", "payload": "/check_skills"}] if not summary.complete else
               [{"title": "Start the self-assessment again", "payload": AGAIN}])
    return replies.message(replies.reply("skills", sections, citations), buttons)


class SkillsSummary(Action):
    def name(self) -> Text:
        return "action_skills_summary"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        fw, who = framework(tracker), owner(tracker)
        try:
            ratings = skills_store.of(engine(), who, link_secret())
        except SQLAlchemyError:
            dispatcher.utter_message(text=UNAVAILABLE)
            return [SlotSet(SLOT, None)]
        dispatcher.utter_message(**summary_message(skills.summarise(guide().kb, fw, ratings, _level(tracker)), who))
        return [SlotSet(SLOT, None)]
