"""Cross-reference checks over the whole knowledge base, beyond what each file can check."""
from __future__ import annotations

from collections import Counter

from knowledge.coverage import uncovered
from knowledge.roles import normalise_role
from knowledge.schema import FACT_VALUES, SECTORS, KnowledgeBase


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
        for sector in role.sectors + tuple(sf.sector for sf in role.sector_facts):
            if sector not in SECTORS:
                found.append(f"roles.yml: {role.id}: unknown sector {sector!r}")
        check_facts("roles.yml", role.id, dict(role.implies))
        for sf in role.sector_facts:
            check_facts("roles.yml", role.id, dict(sf.facts))
            found += [f"roles.yml: {role.id}: unknown question {x!r}" for x in sf.asks if x not in FACT_VALUES]
    for t in kb.tensions:
        if t.asks and t.asks not in FACT_VALUES:
            found.append(f"tensions.yml: {t.id}: unknown question {t.asks!r}")
        for answer, level in t.outcomes.items():
            if t.asks and answer not in FACT_VALUES.get(t.asks, ()):
                found.append(f"tensions.yml: {t.id}: unknown answer {answer!r}")
            if level not in level_ids:
                found.append(f"tensions.yml: {t.id}: unknown level {level!r}")
        found += [f"tensions.yml: {t.id}: unknown topic {x!r}" for x in t.topics if x not in topic_ids]
        for key in t.applies_to:
            if key not in level_ids and key.removeprefix("sector:") not in SECTORS:
                found.append(f"tensions.yml: {t.id}: applies to unknown {key!r}")
    for q in kb.questions:
        if tuple(o.value for o in q.options) != FACT_VALUES.get(q.asks):
            found.append(f"questions.yml: {q.asks}: options must be {FACT_VALUES.get(q.asks)}")
    for sector in kb.settings:
        if sector not in SECTORS:
            found.append(f"roles.yml: settings: unknown sector {sector!r}")
    found += [f"documents.yml: {row.document} {row.section!r}: no fact cites it and no reason is given" for row in uncovered(kb)]
    return found
