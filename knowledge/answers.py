"""The rules' outcome as plain data: one JSON-ready dict that every front end formats.

Each part carries ``cite``, an index into the ``citations`` list, so any front end can
show the document and section behind each line.
"""
from __future__ import annotations

from typing import Any

from knowledge.roles import RoleMatch
from knowledge.rules import Determination, NextQuestion, Outcome
from knowledge.schema import Citation, Requirement, Statement


class _Citations:
    def __init__(self) -> None:
        self.order: dict[Citation, int] = {}

    def __call__(self, citation: Citation) -> int:
        return self.order.setdefault(citation, len(self.order))

    def as_list(self) -> list[dict[str, str]]:
        return [{"document": c.document, "title": c.title, "section": c.section, "quote": c.quote} for c in self.order]


def _role(match: RoleMatch) -> dict[str, Any]:
    role = match.role
    return {"typed": match.typed, "role_id": role.id if role else None, "matched": role.name if role else None,
            "taken": match.taken}


def to_dict(outcome: Outcome) -> dict[str, Any]:
    return _question(outcome) if isinstance(outcome, NextQuestion) else _determination(outcome)


def _question(q: NextQuestion) -> dict[str, Any]:
    """The question with its options; each option carries every fact it settles (``sets``), and
    an option that describes a level cites that level's cohort."""
    cite = _Citations()
    cite(q.question.citation)
    placed = {r.home: r for r in q.role.roles if r.level in q.levels}  # a named role's level, in the workplace it is placed in
    options = [{"value": o.value, "label": o.label, "short": o.short or o.label, "sets": dict(o.sets),
                **({"level": q.levels[o.level].name, "leads_to": q.levels[o.level].name,
                    "cite": cite(q.levels[o.level].cohort.citation)} if o.level else
                   {"leads_to": q.stays.name, "cite": cite(q.stays.cohort.citation)} if q.stays else
                   {"leads_to": f"at least {q.levels[placed[o.sets['sector']].level].name}", "cite": cite(placed[o.sets["sector"]].citation)}
                   if o.sets.get("sector") in placed else {})}
               for o in q.options]  # "level": what an option raises the person to; "leads_to": that, where "None of these" leaves
    # them, or where a workplace places the role named
    because = [cite(c) for c in q.because.citations] if q.because else []
    floor = q.floor
    return {
        "floor": {"level": floor.name, "framework": floor.framework, "why": [{"text": r.text, "cite": cite(r.citation)} for r in q.reasons],
                  "refresher": {"text": floor.refresher.text, "cite": cite(floor.refresher.citation)} if floor.refresher else None}
        if floor else None,
        "least": {"level": q.stays.name, "training": _training(q.stays, cite)} if q.stays else None,  # where "None of these" leaves them
        "question": q.question.text,
        "asks": q.question.asks,
        "options": options,
        "because": q.because.statement if q.because else None,
        "because_cite": because,
        "role": _role(q.role),
        "citations": cite.as_list(),
    }


def _determination(d: Determination) -> dict[str, Any]:
    cite = _Citations()

    def items(statements: Any) -> list[dict[str, Any]]:
        return [{"text": st.text, "cite": cite(st.citation)} for st in statements]

    def requirement(req: Requirement | None, **extra: Any) -> dict[str, Any] | None:
        if req is None:
            return None
        return {"text": req.text, "minutes": req.minutes, "within_weeks": req.within_weeks,
                "period_years": req.period_years, "cite": cite(req.citation), **extra}

    level = d.level
    result: dict[str, Any] = {
        "level": level.name if level else None,
        "level_id": level.id if level else None,
        "framework": level.framework if level else None,
        "sector": d.sector,
        "role": _role(d.role),
        "why": items(d.reasons),
        "cohort": items([level.cohort]) if level else [],
    }
    if level:
        induction = d.induction_level.induction if d.induction_level else None
        result.update(
            induction=requirement(induction, level=d.induction_level.name if d.induction_level else None),
            refresher=requirement(level.refresher),
            builds_on=[lv.name for lv in d.builds_on],
            learning_outcomes=items(level.learning_outcomes),
            learning_areas=items(level.learning_areas),
            competencies=items(level.competencies),
            training={**_training(level, cite), "sessions": [s.shown() for s in d.sessions]},
        )
    if d.senco_award:
        result["senco_award"] = {"required": d.senco_award_required,
                                 **{kind: items(i for i in d.senco_award.items if i.kind == kind) for kind in ("requirement", "course")}}
    result["notes"] = [{"id": t.id, "kind": t.kind, "title": t.title, "statement": t.statement,
                        "cite": [cite(c) for c in t.citations]} for t in d.notes]
    result["topics"] = [{"id": t.id, "title": t.title, "items": [dict(kind=i.kind, **_item(i, cite)) for i in t.items]} for t in d.topics]
    result["citations"] = cite.as_list()
    return result


def induction_label(d: dict[str, Any]) -> str:
    """A determination's induction, labelled as set for all staff at a lower level where it is not the level's own."""
    set_at = (d.get("induction") or {}).get("level")
    staff = "healthcare staff" if d.get("framework") == "health" else "staff"  # (the health framework's words)
    return f"Induction (for all {staff}, set at {set_at})" if set_at and set_at != d.get("level") else "Induction"


def _item(item: Statement | Any, cite: _Citations) -> dict[str, Any]:
    return {"text": item.text, "cite": cite(item.citation)}


def _training(level: Any, cite: _Citations) -> dict[str, Any]:
    """Where to train for a level: its ways of learning and the sources the documents name, with their links."""
    return {"methods": [_item(m, cite) for m in level.methods],
            "sources": [{"name": x.name, "url": x.url, "note": x.note, "cite": cite(x.citation)} for x in level.sources]}
