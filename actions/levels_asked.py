"""Questions about the levels and tiers themselves: what they are ("what are the tiers?"), and which of them say
something ("which levels cover tribunals?"), each in the documents' words; and the parts a document's contents list."""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Text

from actions import replies
from actions.documents import Shown, cited_lines, index, mentions_job, source_index
from actions.knowledge_base import guide
from knowledge import lookup
from knowledge.defining import a_level_not_set, asked_of_the_levels, the_levels_asked
from knowledge.asking import questions_only
from knowledge.passages import contents as contents_of, level_named, named_document
from knowledge.words import SHORT_FORMS, WORD

WHICH_TITLE = "The levels whose own lists say it:"


def the_levels(question: Text) -> Optional[replies.Message]:
    """"What are the tiers on the lincs send platform?": each tier (or each health level) and who it is for, with a
    button to find one's own; None for any other question."""
    framework, kb = the_levels_asked(question), guide().kb
    if framework is None or guide().catalogue.resolve(question).roles or mentions_job(question):
        return None  # "what levels do health visitors need?" asks about them
    named = named_document(kb.documents, question, index().place_names)
    if named and named[0].file_name not in {lv.cohort.citation.document for lv in kb.levels_of(framework)}:
        return None  # "what are levels 1 to 3 of the continuum of need in the east sussex framework": not these levels
    data = lookup.levels_of(kb, framework)
    message = replies.cited_items("The tiers:" if framework == "schools" else "The health framework's levels:", data, levels=framework)
    return {**message, "buttons": [{"title": "Find my own level", "payload": "/find_level"}]}


IS_THERE = re.compile(r"\b(?:is|are) there\b(?:\s+[\w-]+){0,4}?\s+(?:level|tier|[lt]\d)|\bwhat (?:level|tier) \d\b.{0,40}\bis there\b",
                      re.IGNORECASE)  # whether a level exists, asked of anyone ("is there also a tier 3 for SENCOs?")


def not_set(question: Text) -> Optional[replies.Message]:
    """"Is there a tier 3 for school staff?": the documents set no such level, then the levels of its kind that they set;
    None when every level the question names is set, or it names a job and does not ask whether one exists (its level
    questions say more)."""
    kb = guide().kb
    missing = a_level_not_set(question, [n for lv in kb.levels for n in (lv.name, *lv.also_called)])
    if missing is None or (guide().catalogue.resolve(question).roles or mentions_job(question)) and not IS_THERE.search(question):
        return None  # (whoever it is asked for: "is there a tier 3 for senior leaders?")
    name, framework = missing
    message = replies.cited_items(f"The documents set no {name}. " + ("The tiers they set:" if framework == "schools" else
                                  "The health framework's levels:"), lookup.levels_of(kb, framework), levels=framework)
    return {**message, "buttons": [{"title": "Find my own level", "payload": "/find_level"}]}


def which_levels(question: Text) -> Optional[replies.Message]:
    """"Which levels cover tribunals?": each level or tier with a line of its own that says it, in the documents' words;
    None for any other question, one about a role the catalogue knows ("which tier is a TA?"), or when no level's lists say
    it (a job they never name is left to the level questions)."""
    asked = asked_of_the_levels(question)
    if not asked or level_named(guide().kb.levels, question) or guide().catalogue.resolve(question).roles:
        return None
    found = index().by_level(asked)
    if not found:
        return None
    citations: List[Dict[Text, Text]] = []
    lines = cited_lines([Shown(f"{level.name}: {passage.text}", passage.citation) for level, passage in found], citations)
    return replies.message({**replies.reply("answer", [replies.section(lines, WHICH_TITLE)], citations), "levels": "which"})


def contents(question: Text) -> Optional[replies.Message]:
    """A document's parts, as its contents list them, for a question that asks what parts a named document has ("what r
    the six competancy areas in the east sussex framework": short forms written out and spelling mended first)."""
    named = named_document(guide().kb.documents, question)  # "... against the East Sussex framework. What are the areas in it?"
    asked_of = [questions_only(question, pointing_back=True) + " " + " ".join(sorted(named[1]))] if named else []
    mended = (" ".join(source_index().spelt(SHORT_FORMS.get(w, w)) for w in WORD.findall(asked.casefold()))
              for asked in dict.fromkeys((question, questions_only(question), *asked_of)))  # "East Sussex caseworker, new in post. What are ...?"
    found = next((f for m in mended for f in [contents_of(guide().kb.documents, guide().kb.passages, m)] if f), None)
    if found is None:
        return None
    document, listed = found
    citations: List[Dict[Text, Text]] = []
    return replies.message({**replies.reply("answer", [replies.section(
        cited_lines([Shown(p.text, p.citation) for p in listed], citations), f"The {document.title} lists {len(listed)} parts in its contents:")],
        citations), "contents": document.file_name})
