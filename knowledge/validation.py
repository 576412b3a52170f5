"""Cross-reference checks over the whole knowledge base, beyond what each file can check."""
from __future__ import annotations

from collections import Counter

from knowledge.coverage import uncovered
from knowledge.roles import normalise_role
from knowledge.schema import ASKED_FACTS, FACT_VALUES, FRAMEWORK_OF_SECTOR, SECTORS, KnowledgeBase, Question


def _duplicates(names: list[str]) -> list[str]:
    return sorted(name for name, n in Counter(names).items() if n > 1)


def problems(kb: KnowledgeBase) -> list[str]:
    """Every inconsistency found, each naming the content file and the entry."""
    found: list[str] = []
    level_ids = {lv.id for lv in kb.levels}
    tension_ids = {t.id for t in kb.tensions}
    topic_ids = {t.id for t in kb.topics}
    for file, kind, ids in (
        ("levels.yml/tiers.yml", "level", [lv.id for lv in kb.levels]),
        ("roles.yml", "role", [r.id for r in kb.roles]),
        ("tensions.yml", "tension", [t.id for t in kb.tensions]),
        ("responsibilities.yml", "topic", [t.id for t in kb.topics]),
        ("glossary.yml", "term", [g.term for g in kb.glossary]),
        ("roles.yml", "alias", [normalise_role(a) for r in kb.roles for a in (r.name, *r.aliases)]),
    ):
        found += [f"{file}: {dup}: duplicate {kind}" for dup in _duplicates(ids)]

    def check_facts(file: str, entry: str, facts: dict) -> None:
        for name, value in facts.items():
            if value not in FACT_VALUES.get(name, ()):
                found.append(f"{file}: {entry}: unknown fact {name}={value}")

    for level in kb.levels:
        for q in level.qualifies:
            check_facts(level.framework, level.id, {q.fact: v for v in q.values})
    for role in kb.roles:
        if role.level and role.level not in level_ids:
            found.append(f"roles.yml: {role.id}: unknown level {role.level!r}")
        if role.tension and role.tension not in tension_ids:
            found.append(f"roles.yml: {role.id}: unknown tension {role.tension!r}")
        if role.topic and role.topic not in topic_ids:
            found.append(f"roles.yml: {role.id}: unknown topic {role.topic!r}")
        for sector in role.sectors + role.based_in:
            if sector not in SECTORS:
                found.append(f"roles.yml: {role.id}: unknown sector {sector!r}")
        if role.level in level_ids and kb.level(role.level).framework != FRAMEWORK_OF_SECTOR.get(role.home):
            found.append(f"roles.yml: {role.id}: {role.level} is not a level of its first sector, {role.home}")
        found += [f"roles.yml: {role.id}: unknown question {x!r}" for x in role.asks if x not in FACT_VALUES]
    for t in kb.tensions:
        found += [f"tensions.yml: {t.id}: unknown level {x!r}" for x in t.levels if x not in level_ids]
        found += [f"tensions.yml: {t.id}: unknown topic {x!r}" for x in t.topics if x not in topic_ids]
        for key in t.applies_to:
            if key not in level_ids | topic_ids | {"said:adults"} and key.removeprefix("sector:") not in SECTORS:
                found.append(f"tensions.yml: {t.id}: applies to unknown {key!r}")
    for q in kb.questions:
        found += _question_problems(kb, q, level_ids)
    for sector in (*kb.wording.settings, *kb.wording.settings_after):
        if sector not in SECTORS:
            found.append(f"roles.yml: settings: unknown sector {sector!r}")
    found += [f"roles.yml: said: unknown fact {x.fact}={x.value}" for x in kb.wording.said if x.value not in FACT_VALUES.get(x.fact, ())]
    found += [f"documents.yml: {row.document} {row.section!r}: no fact cites it and no reason is given" for row in uncovered(kb)]
    return found


def _question_problems(kb: KnowledgeBase, q: Question, level_ids: set[str]) -> list[str]:
    """An option must settle its own fact with a value the rules know; involvement options name their levels."""
    where = f"questions.yml: {q.asks}{' (' + q.role + ')' if q.role else ''}"
    if q.asks not in ASKED_FACTS:
        return [f"{where}: the rules ask only about {', '.join(ASKED_FACTS)}"]
    found = [f"{where}: unknown role {q.role!r}" for _ in [q.role] if q.role and q.role not in {r.id for r in kb.roles}]
    values = [o.value for o in q.options]
    found += [f"{where}: duplicate option {v!r}" for v in _duplicates(values)]
    for o in q.options:
        if q.asks not in o.sets:
            found.append(f"{where}: option {o.value!r} does not settle {q.asks}")
        found += [f"{where}: option {o.value!r} sets unknown {k}={v}" for k, v in o.sets.items() if v not in FACT_VALUES.get(k, ())]
        if len(o.short or o.label) > 75:
            found.append(f"{where}: option {o.value!r} needs a short label of at most 75 characters for buttons")
        if o.level and o.level not in level_ids:
            found.append(f"{where}: option {o.value!r} names unknown level {o.level!r}")
    if q.asks == "involvement":
        levels = [kb.level(o.level) for o in q.options if o.level in level_ids]
        if any(lv.framework != q.framework for lv in levels) or [lv.rank for lv in levels] != sorted((lv.rank for lv in levels), reverse=True):
            found.append(f"{where}: options must name levels of {q.framework}, highest first")
        if q.options[-1].level is not None:
            found.append(f"{where}: the last option must be the one that names no level")
    return found
