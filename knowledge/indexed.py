"""What the search indexes: every cited line of the knowledge base as a passage (a responsibility, a competency, a
level's hours, a glossary entry, a tension), or the documents' own paragraphs, each with the words it is found by."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from knowledge.lookup import UNEXPANDED
from knowledge.schema import Citation, KnowledgeBase

SOURCE = "source"  # the group of a document's own passages, by section


@dataclass(frozen=True)
class Passage:
    text: str
    citation: Citation
    title: str  # what the passage belongs to: a topic, a level, the glossary
    group: str  # passages of one list share a group, so an answer can show the list it comes from
    heading: str | None = None  # the words the document puts before the list
    keywords: str = ""  # words people use for what the passage answers, indexed but not shown



def group_of(topic_id: str, kind: str) -> str:
    """The group of a topic's list of one kind (the SENCO's duties in early years settings)."""
    return f"{topic_id}/{kind}"


def indexed_passages(kb: KnowledgeBase, sources: bool = False) -> Iterator[Passage]:
    if sources:  # the documents' own paragraphs, for what the curated content leaves out
        for sp in kb.passages:
            c = sp.citation
            yield Passage(sp.text, c, f"{c.title}, {c.section.split(' > ')[-1].rstrip(':')}", f"{SOURCE}/{c.document}/{c.section}",
                          sp.lead_in)
        return
    for topic in kb.topics:
        for item in topic.items:
            yield Passage(item.text, item.citation, topic.title, group_of(topic.id, item.kind), item.heading,
                          keywords=f"{topic.id} {item.kind}".replace("-", " "))
    for lv in kb.levels:
        names = " or ".join((lv.name, *lv.also_called))
        yield Passage(f"{lv.name} is for: {lv.cohort.text}", lv.cohort.citation, f"Who {lv.name} is for", f"{lv.id}/cohort",
                      keywords=f"{names} who cohort")
        for kind, label, items in (("member", "named in the cohort", lv.members), ("competency", "competencies", lv.competencies),
                                   ("outcome", "learning outcomes", lv.learning_outcomes),
                                   ("area", "learning areas being developed", lv.learning_areas), ("method", "training", lv.methods)):
            for st in items:
                yield Passage(st.text, st.citation, f"{lv.name} {label}", f"{lv.id}/{kind}", keywords=names)
        for kind, req in (("induction", lv.induction), ("refresher", lv.refresher)):
            if req:
                yield Passage(f"{lv.name} {kind}: {req.text}", req.citation, f"{lv.name} hours", f"{lv.id}/hours",
                              keywords=f"{names} hours minutes how long time" + (" soon quickly deadline" if kind == "induction" else ""))
        for src in lv.sources:
            yield Passage(f"{src.name}: {src.url}", src.citation, f"{lv.name} training", f"{lv.id}/method",
                          keywords=f"{names} training sources organisations resources websites providers")  # who it points to
    for g in kb.glossary:
        meaning = g.expansion or UNEXPANDED
        yield Passage(f"{g.term}: {meaning}" + (f" ({g.note})" if g.note else ""), g.citation, "Abbreviations", f"glossary/{g.term}",
                      keywords="abbreviation stands for meaning")
    for t in kb.tensions:
        yield Passage(t.statement, t.citations[0], t.title, f"tension/{t.id}")
