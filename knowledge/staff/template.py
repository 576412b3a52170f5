"""HR's staff-list template: the columns the staff-list check reads, in the order HR fills them.

Each answer column allows exactly the rules' values (`schema.FACT_VALUES`), and says which question it
answers, what each value means in the question's own option wording, and the document and section
that asks it; so a list filled in with every answer given is checked with no question left open.
"""
from __future__ import annotations

from dataclasses import dataclass

from knowledge.schema import FACT_VALUES, Citation, KnowledgeBase


@dataclass(frozen=True)
class TemplateColumn:
    name: str  # the header: one the check reads exactly (knowledge.staff.input.COLUMNS)
    field: str
    options: tuple[str, ...] = ()  # the only values allowed; none for free text, a date or minutes
    kind: str = "text"  # text, list, date or minutes
    note: str = ""
    citations: tuple[Citation, ...] = ()


HEADERS = {"person": "Name", "title": "Job title", "department": "Department", "sector": "Sector",
           "involvement": "Involvement", "contact": "Contact", "assess": "Assess", "lead": "Lead", "designated": "Designated",
           "confidential": "Confidential", "new-senco": "New SENCO", "started_on": "Start date", "trained_on": "Last SEND training",
           "trained_level": "Training level", "trained_minutes": "Training minutes"}


def _source(c: Citation) -> str:
    return f'{c.title}, "{c.section}"'


def _asked(kb: KnowledgeBase, fact: str) -> tuple[str, tuple[Citation, ...]]:
    """What the rules' own questions for this fact ask, with each value's meaning in the options' words."""
    notes, cites = [], []
    for q in kb.questions:
        if q.asks != fact:
            continue
        where = {"health": " (health services)", "schools": " (schools)"}.get(q.framework or "", "")
        values = "; ".join(f"{o.sets[fact]} = {o.label}" for o in q.options if fact in o.sets and len(o.sets) == 1)
        notes.append(f"{q.text}{where} {values}.")
        cites.append(q.citation)
    return " ".join(notes), tuple(dict.fromkeys(cites))


def _qualifies(kb: KnowledgeBase, fact: str) -> tuple[str, tuple[Citation, ...]]:
    """For the answers no question asks on its own: the levels whose cohort they put a person in."""
    found = [(lv, q) for lv in kb.levels for q in lv.qualifies if q.fact == fact]
    note = "; ".join(f"{' or '.join(q.values)} puts a person in the {lv.name} cohort" for lv, q in found)
    return (note + "." if note else ""), tuple(dict.fromkeys(q.citation for _, q in found))


def columns(kb: KnowledgeBase) -> list[TemplateColumn]:
    made = [TemplateColumn(HEADERS["person"], "person", note="Optional: a name or staff id, shown only in your own report."),
            TemplateColumn(HEADERS["title"], "title", note="Required: the job title as your records have it."),
            TemplateColumn(HEADERS["department"], "department", note="Optional: groups the training status by department.")]
    for fact, values in FACT_VALUES.items():
        note, cites = _asked(kb, fact)
        if not note:
            note, cites = _qualifies(kb, fact)
        made.append(TemplateColumn(HEADERS[fact], fact, values, "list", f"Optional. {note} Leave it empty if not known: "
                                   "the check then shows the question to ask instead of guessing.", cites))
    made += [TemplateColumn(HEADERS["started_on"], "started_on", kind="date", note="The date the person started in the post."),
             TemplateColumn(HEADERS["trained_on"], "trained_on", kind="date", note="The date of their last SEND training."),
             TemplateColumn(HEADERS["trained_level"], "trained_level", tuple(lv.name for lv in kb.levels), "list",
                            "The level or tier of that training, by its name in the documents."),
             TemplateColumn(HEADERS["trained_minutes"], "trained_minutes", kind="minutes", note="Its length in minutes.")]
    return made


def sources(column: TemplateColumn) -> str:
    return "; ".join(_source(c) for c in column.citations)
