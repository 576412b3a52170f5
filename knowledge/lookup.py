"""On-demand answers: who is in a level, a role's responsibilities, what an abbreviation means."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from knowledge.roles import RoleCatalogue, normalise_role
from knowledge.schema import SECTORS, Citation, KnowledgeBase, Level, Role, Topic


class NotFound(LookupError):
    """Nothing in the knowledge base answers this; the message says what there is."""


def cite_dict(c: Citation) -> dict[str, str]:
    return {"document": c.document, "title": c.title, "section": c.section, "quote": c.quote, "excerpt": c.excerpt}


def find_level(kb: KnowledgeBase, ref: str) -> Level:
    """A level by id or name as people write it: "3", "level 3", "L3", "tier 1", "induction tier"."""
    key = normalise_role(ref).replace(" ", "").replace("-", "")
    key = re.sub(r"^l(?=\d$)", "level", key)
    for level in kb.levels:
        names = [level.id, level.name, *level.also_called] + ([str(level.rank)] if level.framework == "health" else [])
        if key in {normalise_role(n).replace(" ", "").replace("-", "") for n in names} | {level.id.replace("-", "")}:
            return level
    raise NotFound(f"no level {ref!r}; levels are: {', '.join(lv.name for lv in kb.levels)}")


def cohort(kb: KnowledgeBase, ref: str) -> dict[str, Any]:
    """Who a level is for, as the documents write it, and the catalogue roles placed there."""
    level = find_level(kb, ref)
    lower = [lv.name for lv in kb.levels_of(level.framework) if lv.rank < level.rank]
    rows = [level.cohort.citation.quote, *(m.citation.quote for m in level.members)]
    placed = [r for r in kb.roles if r.citation and _placed(r, level, rows)]
    disputed = [r for r in kb.roles if r.tension and level.id in kb.tension(r.tension).levels and r not in placed]
    base = kb.levels_of(level.framework)[0]
    return {
        "level": level.name, "framework": level.framework, "also_called": list(level.also_called),
        "cohort": {"text": level.cohort.text, "cite": cite_dict(level.cohort.citation)},
        "members": [{"text": m.text, "cite": cite_dict(m.citation)} for m in level.members],
        "roles": [{"role": r.name, "cite": cite_dict(r.citation)} for r in placed],
        "disputed": [{"roles": [r.name for r in disputed if r.tension == t], "note": kb.tension(t).title,
                      "cite": [cite_dict(c) for c in kb.tension(t).citations]} for t in dict.fromkeys(r.tension for r in disputed)],
        "induction": _req(base.induction) if base.induction else None,
        "refresher": _req(level.refresher) if level.refresher else None,
        "builds_on": lower,
        "builds_on_note": [{"text": i.text, "cite": cite_dict(i.citation)} for i in kb.topic(f"{level.framework}-builds-on").items],
        "learning_outcomes": [{"text": x.text, "cite": cite_dict(x.citation)} for x in level.learning_outcomes],
        "learning_areas": [{"text": x.text, "cite": cite_dict(x.citation)} for x in level.learning_areas],
        "competencies": [{"text": x.text, "cite": cite_dict(x.citation)} for x in level.competencies],
        "training": [{"text": x.text, "cite": cite_dict(x.citation)} for x in level.methods]
        + [{"text": f"{x.name}: {x.url}", "cite": cite_dict(x.citation)} for x in level.sources],
        "notes": [{"title": t.title, "statement": t.statement, "cite": [cite_dict(c) for c in t.citations]} for t in kb.tensions_for(level.id)],
    }


def _placed(role: Any, level: Level, rows: list[str]) -> bool:
    """Whether the documents place a role in a level without a note: quoted from the level's own cohort or members
    and placed there, or placed there with nothing that says otherwise. A role whose placement a note disputes
    (a GP at Level 4, a care navigator not in a PCN) is shown with that note instead."""
    quoted = any(normalise_role(role.citation.quote) in normalise_role(row) for row in rows)
    return role.level == level.id and (quoted or not role.tension)


def induction(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The induction the documents set (Level 1's, for all healthcare staff) and what they leave unsaid."""
    base = kb.levels_of("health")[0]
    notes = [t for t in kb.tensions if t.kind == "silence" and any(
        base.induction and c.quote in base.induction.citation.quote for c in t.citations)]
    return [_req(base.induction)] + [{"text": t.statement, "cite": cite_dict(t.citations[0])} for t in notes]


def _req(req: Any) -> dict[str, Any]:
    return {"text": req.text, "minutes": req.minutes, "period_years": req.period_years, "within_weeks": req.within_weeks, "cite": cite_dict(req.citation)}


def term_in(kb: KnowledgeBase, text: str) -> str | None:
    """The longest abbreviation of the glossary that a message names ("v-send?" names V-SEND, not SEND)."""
    said = f" {normalise_role(text)} "
    named = [g.term for g in kb.glossary if f" {normalise_role(g.term)} " in said]
    return max(named, key=len, default=None)


def hours_by_level(kb: KnowledgeBase) -> dict[str, Any]:
    """Every level's refresher in a line each, and what is the same for all of them (the period the refresher is
    counted over, the induction): what answers "how many hours do I need?" before the person's level is known."""
    with_hours = [lv for lv in kb.levels if lv.refresher]
    periods = {lv.refresher.period_years for lv in with_hours}
    base = kb.levels_of("health")[0]
    return {"period_years": periods.pop() if len(periods) == 1 else None,
            "induction": _req(base.induction) if base.induction else None,
            "levels": [{"level": lv.name, "cite": cite_dict(lv.refresher.citation), "text": lv.refresher.text
                        if lv.refresher.text.startswith(lv.name) else f"{lv.name}: {lv.refresher.text}"} for lv in with_hours]}


def outcomes_by_level(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Each level's learning outcomes in one line (how many, and the first), for "what are the learning outcomes?"
    asked before the person's level is known."""
    return [{"level": lv.name, "count": len(lv.learning_outcomes), "text": f"{lv.name} ({len(lv.learning_outcomes)} outcomes), "
             f"the first: {lv.learning_outcomes[0].text}", "cite": cite_dict(lv.learning_outcomes[0].citation)}
            for lv in kb.levels if lv.learning_outcomes]


def training_by_level(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Each level's suggested ways to train, a line each with its own citation (levels that share them named together),
    for "how is the training delivered?" asked before the person's level is known."""
    shared: dict[tuple[str, ...], list[Any]] = {}
    for lv in kb.levels:
        if lv.methods:
            shared.setdefault(tuple(m.text for m in lv.methods), []).append(lv)
    return [{"level": levels[0].name, "text": f"{' and '.join(lv.name for lv in levels)}: {m.text}", "cite": cite_dict(m.citation)}
            for levels in shared.values() for m in levels[0].methods]


def competencies_by_level(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Each level's competencies (the table's column), a line each with its own citation, for "the competencies for
    each level"."""
    return [{"level": lv.name, "text": f"{lv.name}: {c.text}", "cite": cite_dict(c.citation)} for lv in kb.levels for c in lv.competencies]


def sectors_of(topic: Topic) -> set[str]:
    """The places a topic sets items for one by one (a SENCO's duties in a school, an early years setting, a college)."""
    return {i.kind for i in topic.items if i.kind in SECTORS}


def for_sector(topic: Topic, sector: str) -> Topic:
    """A topic set out place by place keeps the place's items (a college SENCO's) and what holds everywhere."""
    if sector not in sectors_of(topic):
        return topic
    return replace(topic, items=tuple(i for i in topic.items if i.kind == sector or i.kind not in SECTORS))


def level_statements(level: Level) -> tuple:
    """What the documents set for a level in its own lists: who it is for, the roles named there, its competencies,
    learning outcomes and areas, and its ways to train."""
    return (level.cohort, *level.members, *level.competencies, *level.learning_outcomes, *level.learning_areas, *level.methods)


def least_for_everyone(kb: KnowledgeBase, framework: str | None = None) -> list[dict[str, Any]]:
    """The first level of each framework (or of one), which its cohort gives everyone working there: all healthcare
    staff, everyone in the school. What the documents set for a job they do not name, before what it involves."""
    frameworks = [framework] if framework else list(dict.fromkeys(lv.framework for lv in kb.levels))
    firsts = [kb.levels_of(f)[0] for f in frameworks]
    return [{"framework": lv.framework, "level": lv.name, "text": f"{lv.name} is for: {lv.cohort.text}",
             "cite": cite_dict(lv.cohort.citation)} for lv in firsts]


def levels_of(kb: KnowledgeBase, framework: str) -> list[dict[str, Any]]:
    """Each level of a framework and who it is for, in order: "what are the tiers?"."""
    return [{"level": lv.name, "text": f"{lv.name} is for: {lv.cohort.text}", "cite": cite_dict(lv.cohort.citation)}
            for lv in kb.levels_of(framework)]


def find_topic(kb: KnowledgeBase, ref: str, catalogue: RoleCatalogue | None = None) -> Topic:
    """A topic by id, by title words, or by a role whose responsibilities it holds."""
    key = normalise_role(ref)
    for topic in kb.topics:
        if key in (topic.id, normalise_role(topic.id.replace("-", " ")), normalise_role(topic.title)):
            return topic
    match = (catalogue or RoleCatalogue(kb.roles, kb.wording)).resolve(ref)
    if match.role and match.role.topic:
        return kb.topic(match.role.topic)
    titled = [t for t in kb.topics if key and key in normalise_role(t.title)]
    if titled:
        return titled[0]
    raise NotFound(f"nothing about {ref!r}; topics are: {', '.join(t.id for t in kb.topics)}")


def topic(kb: KnowledgeBase, ref: str, catalogue: RoleCatalogue | None = None) -> dict[str, Any]:
    found = find_topic(kb, ref, catalogue)
    return {"topic": found.id, "title": found.title,
            "items": [{"kind": i.kind, "heading": i.heading, "text": i.text, "cite": cite_dict(i.citation)} for i in found.items],
            "notes": [{"title": t.title, "statement": t.statement, "cite": [cite_dict(c) for c in t.citations]} for t in kb.tensions_for(found.id)]}


UNEXPANDED = "not spelled out in the documents"  # said of an abbreviation the documents use without its long form


def glossary(kb: KnowledgeBase, term: str | None = None) -> list[dict[str, Any]]:
    """One abbreviation (matched without regard to case), or all of them."""
    entries = [g for g in kb.glossary if term is None or g.term.casefold() == term.strip().casefold()]
    if not entries:
        raise NotFound(f"{term!r} is not an abbreviation the documents use")
    return [{"term": g.term, "expansion": g.expansion, "meaning": g.expansion or UNEXPANDED, "expanded_in_documents": g.expansion is not None and g.note is None,
             "note": g.note,
             "cite": cite_dict(g.citation)} for g in entries]


def step_up(kb: KnowledgeBase, one: str, other: str) -> dict[str, Any]:
    """What moving from the lower of two levels to the higher adds: the levels in between, their
    learning outcomes and competencies, and both refresher minimums. Only what is added."""
    a, b = find_level(kb, one), find_level(kb, other)
    if a.framework != b.framework:
        raise NotFound(f"{a.name} and {b.name} are in different frameworks (the health levels and the school tiers), "
                       "so neither builds on the other")
    if a.rank == b.rank:
        raise NotFound(f"those are the same level, {a.name}")
    lower, higher = sorted((a, b), key=lambda lv: lv.rank)
    added = [lv for lv in kb.levels_of(lower.framework) if lower.rank < lv.rank <= higher.rank]
    items = [{"text": f"{lv.name} is for: {lv.cohort.text}", "cite": cite_dict(lv.cohort.citation)} for lv in added]
    items += [{"text": f"{lv.name}: {x.text}", "cite": cite_dict(x.citation)} for lv in added for x in lv.competencies]
    items += [{"text": f"{lv.name}: {x.text}", "cite": cite_dict(x.citation)} for lv in added for x in lv.learning_outcomes]
    items += [{"text": f"{lv.name} (learning area being developed): {x.text}", "cite": cite_dict(x.citation)}
              for lv in added for x in lv.learning_areas]
    hours = [{"text": f"{lv.name} refresher: {lv.refresher.text}", "cite": cite_dict(lv.refresher.citation)}
             for lv in (lower, higher) if lv.refresher]
    notes = [{"text": t.statement, "cite": cite_dict(t.citations[0])} for t in kb.tensions_for(higher.id) if t.kind == "silence"]
    return {"lower": lower.name, "higher": higher.name, "added_levels": [lv.name for lv in added], "items": hours + items + notes}


_MUST_BE = re.compile(r"^be (?:a|an)\s", re.IGNORECASE)  # a role's own list's line: "Be a qualified teacher ..."


def must_be(kb: KnowledgeBase, role: Role) -> list[dict[str, Any]]:
    """What the documents say someone in a role must be ("The SENCO must be a qualified teacher working at the school"):
    the role's own list's lines that say so, and any other list's line saying it of the role by name. What answers "can a
    TA be the SENCO?"; the same line said in two lists is given once."""
    names = "|".join(re.escape(n) for n in sorted((role.name, *role.aliases), key=len, reverse=True))
    of_role = re.compile(rf"\b(?:{names})s?\s+(?:must|should|needs? to|has to|is required to)\s+be (?:a|an)\s", re.IGNORECASE)
    found: dict[str, dict[str, Any]] = {}
    for t in kb.topics:
        for i in t.items:
            if (t.id == role.topic and _MUST_BE.match(i.text)) or of_role.search(i.text):
                found.setdefault(" ".join(i.text.casefold().split()), {"text": i.text, "cite": cite_dict(i.citation)})
    return list(found.values())
