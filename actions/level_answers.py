"""Answers about one level or tier (who it is for, its hours, outcomes, competencies, training and what it builds on),
and about every level before the person's is known: knowledge.lookup's dicts as chat messages."""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Optional, Text

from actions import replies
from actions.knowledge_base import guide
from knowledge import lookup
from knowledge.answers import induction_label
from knowledge.asking import asks_level_for_involvement
from knowledge.local.calendar import LOCAL_SESSION
from knowledge.yes_no import asks_if_lower_needed
from knowledge.roles import normalise_role

BUILDS_YES = "Yes, as this guide reads the framework: {level} builds on the levels below it, as the documents say below."
SHORT_LIST = 12  # a level's outcomes shown before "more"; all of them when the whole list is asked for


def _cohort(data: Dict[Text, Any]) -> replies.Message:
    """Who a level is for, and the roles a note places here only in part, each under its note and sources."""
    said = " | ".join(normalise_role(i["text"]) for i in [data["cohort"], *data["members"]])
    items = [data["cohort"]] + data["members"] + [{"text": r["role"], "cite": r["cite"]} for r in data["roles"]
                                                  if normalise_role(r["role"]) not in said and normalise_role(r["cite"]["quote"]) not in said]
    citations: List[Dict[Text, Text]] = []
    def refs(cites: List[Dict[Text, Text]]) -> List[int]:
        citations.extend(c for c in cites if c not in citations)
        return [citations.index(c) for c in cites]
    placed = [replies.item(i["text"], refs([i["cite"]])) for i in items]
    noted = [replies.item(f"{', '.join(d['roles'])}: {d['note']}", refs(d["cite"])) for d in data["disputed"]]
    return replies.message(replies.reply("answer", [replies.section(placed, f"{data['level']} is for:"),
                                                    replies.section(noted, "Named here only with a note:")], citations))


ABOUT_HOURS = re.compile(r"\b(?:hours?|refresher|induction|minutes)\b", re.IGNORECASE)  # a note that speaks to a level's hours


def _hours(data: Dict[Text, Any]) -> replies.Message:
    """The level's own refresher first, then the induction its framework sets for everyone (at its first level), then
    what the documents say of its hours elsewhere."""
    induction = data["induction"]
    if induction:
        set_at = data["builds_on"][0] if data["builds_on"] else data["level"]
        induction = {**induction, "text": f"{induction_label({**data, 'induction': {'level': set_at}})}: {induction['text']}"}
    items = [x for x in (data["refresher"], induction) if x]
    items += [{"text": n["statement"], "cite": n["cite"][0]} for n in data["notes"] if ABOUT_HOURS.search(n["statement"])]
    if not items:
        items = [{"text": "The documents set no hours for this level.", "cite": data["cohort"]["cite"]}]
    return replies.cited_items(f"Hours for {data['level']}:", items)


EACH_LEVEL = re.compile(r"\b(?:each|every|all(?: the)?|the different|different|across(?: the)?)\s+(?:of the\s+)?(?:levels?|tiers?)\b|"
                        r"\b(?:by|per) (?:level|tier)\b|"
                        r"\b(?:levels?|l) ?(?:1|one) ?(?:to|-|\u2013) ?(?:l|level )?(?:5|five)\b", re.IGNORECASE)  # "how is it delivered at each level"
COVERED = re.compile(r"\b(?:topics?|contents?)\b|\bwhat\b.*\b(?:cover|covers|covered)\b", re.IGNORECASE)  # what a level covers,
# not only its outcomes ("does L3 cover safeguarding?" asks one thing of them)
STILL_NEEDED = re.compile(r"\b(?:still|as well|too|also)\b", re.IGNORECASE)  # lower levels' lists asked for beside one's own
OUTCOMES = re.compile(r"\boutcomes?\b", re.IGNORECASE)


def hours_by_level(data: Dict[Text, Any]) -> replies.Message:
    """Hours before the person's level is known: what is the same at every level first, then each level's line,
    and an offer to work out theirs."""
    same = f"At every level that sets hours, the refresher is counted over a {data['period_years']}-year period. " \
        if data["period_years"] else ""
    items = data["levels"] + ([{"text": f"Induction, for all healthcare staff: {data['induction']['text']}", "cite": data["induction"]["cite"]}]
                              if data["induction"] else [])
    return _each(f"{same}Each level's refresher:", items)


def outcomes_by_level(levels: List[Dict[Text, Any]]) -> replies.Message:
    """Learning outcomes before the person's level is known: each level's in a line, a button for each level's
    whole list and one to work out theirs (six at most, as Teams shows)."""
    message = replies.cited_items("Each level's learning outcomes, how many and the first:", levels, each=True)
    message["buttons"] = [{"title": f"{x['level']} outcomes", "payload": f'/ask_outcomes{{"level": "{x["level"]}"}}'} for x in levels][:5]
    message["buttons"].append({"title": "Work out my level", "payload": "/find_level"})
    return message


def _each(title: Text, levels: List[Dict[Text, Any]]) -> replies.Message:
    """A line for each level, whole as it is (no passage joins it), and an offer to work out the person's own."""
    message = replies.cited_items(title, levels, each=True)
    message["buttons"] = [{"title": "Work out my level", "payload": "/find_level"}]
    return message


def _outcomes(data: Dict[Text, Any], full: bool = False) -> replies.Message:
    if not data["learning_outcomes"] and data["learning_areas"]:
        return replies.cited_items(replies.AREAS_TITLE.format(level=data["level"]), data["learning_areas"])
    items = data["learning_outcomes"] or [{"text": n["statement"], "cite": n["cite"][0]} for n in data["notes"]]
    return replies.cited_items(f"What {data['level']} covers:", items, None if full else SHORT_LIST)


def _competencies(data: Dict[Text, Any]) -> replies.Message:
    if not data["competencies"]:
        return _outcomes(data)
    return replies.cited_items(f"The competencies the table sets for {data['level']}:", data["competencies"])


def _training(data: Dict[Text, Any]) -> replies.Message:
    message = replies.cited_items(f"Training for {data['level']}:", data["training"])
    if not data.get("sessions"):
        return message
    sessions = replies.message(replies.reply("answer", [replies.section([replies.item(f"{LOCAL_SESSION} {x}")
                                                                         for x in data["sessions"]])], []))
    return replies.joined(message, sessions)


def _builds_on(data: Dict[Text, Any]) -> replies.Message:
    items = data["builds_on_note"] + [{"text": n["statement"], "cite": n["cite"][0]} for n in data["notes"]]
    lower = ", ".join(data["builds_on"]) or "nothing: it is the first level"
    return replies.cited_items(f"{data['level']} builds on {lower}.", items)


def covered(data: Dict[Text, Any]) -> replies.Message:
    """"What topics does Level 4 cover?": the table's competencies for the level, then its learning outcomes."""
    if not (data["competencies"] and data["learning_outcomes"]):
        return _outcomes(data)
    return replies.joined(_competencies(data), _outcomes(data))


LEVEL_ANSWERS: Dict[Text, Callable[[Dict[Text, Any]], replies.Message]] = {
    "ask_cohort": _cohort, "ask_hours": _hours, "ask_outcomes": _outcomes, "ask_competencies": _competencies, "ask_training": _training,
    "ask_builds_on": _builds_on, "more": lambda data: _outcomes(data, full=True),
}


def answer(intent: Text, text: Text, data: Dict[Text, Any]) -> replies.Message:
    """A level's answer of the kind asked for; "what topics does Level 4 cover?" its competencies and outcomes."""
    if intent == "ask_outcomes" and COVERED.search(text) and not OUTCOMES.search(text):
        return covered(data)
    if data.get("builds_on") and (intent == "ask_builds_on" or intent == "ask_competencies" and STILL_NEEDED.search(text)) \
            and asks_if_lower_needed(text, data["level"], data["builds_on"]):  # ("do I still need the L1-3 competencies as well?")
        yes = replies.message(replies.reply("answer", [replies.section([replies.item(BUILDS_YES.format(level=data["level"]))],
                                                                       listed=False)], []))
        return replies.joined(yes, _builds_on(data))  # "at level 4, do I still need levels 1-3?"
    return LEVEL_ANSWERS[intent](data)


def for_involvement(text: Text) -> Optional[replies.Message]:
    """"What's the minimum level for someone with occasional contact?" (no job, no workplace): who each level is for."""
    return cohorts(text, guide().kb) if asks_level_for_involvement(text, guide().kb, guide().catalogue) else None


def cohorts(text: Text, kb: Any) -> replies.Message:
    """Who each level is for: the health levels', then the school tiers' (only the tiers' when tiers are asked about)."""
    frameworks = ["schools"] if re.search(r"\btiers?\b", text, re.IGNORECASE) else list(dict.fromkeys(lv.framework for lv in kb.levels))
    message = _each("Who each level is for:", [x for f in frameworks for x in lookup.levels_of(kb, f)])
    message["json_message"][replies.KEY]["levels"] = " and ".join(frameworks)  # the levels themselves: the answer as it is
    return message


def by_level(intent: Text, text: Text, kb: Any, level: Optional[Text]) -> Optional[replies.Message]:
    """What each level sets, in a line each: the hours or the outcomes asked before the person's level is known, and
    who each is for, how each is trained or its competencies asked of every level ("for each level, L1 to L5"); None otherwise."""
    each = EACH_LEVEL.search(text) is not None
    if level and not each:
        return None
    if intent == "ask_hours":
        return hours_by_level(lookup.hours_by_level(kb))
    if intent == "ask_outcomes":
        return outcomes_by_level(lookup.outcomes_by_level(kb))
    if intent == "ask_cohort" and each:  # "who is each level for?"
        return cohorts(text, kb)
    if intent == "ask_training" and each:
        return _each("How each level is trained, as the documents suggest:", lookup.training_by_level(kb))
    if intent == "ask_competencies" and each:
        return _each("Each level's competencies, as the table sets them:", lookup.competencies_by_level(kb))
    return None
