"""An organisation's own rules: a cohort of its staff needs a higher level than the documents set, citing its own
document. Rules only raise: one that would lower, or leave as it is, what the framework sets is refused with the
reason. Given as a small YAML file beside the organisation's documents, checked word for word:

    rules:
      - role: Healthcare assistant          # a role the documents name, as the catalogue knows it
        level: Level 3                      # a level of the same framework, above the role's own
        document: Ward training policy      # the title of one of the organisation's documents cited now
        quote: All healthcare assistants complete Level 3 SEND training.   # its words, as stored

Applied where every answer is decided (`knowledge.guide.Guide.decide`), so the chat, the command line, the
staff-list check and the plan all give the higher level, and the answer says both: the organisation's
requirement with its source, and the documents' minimum with theirs.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import yaml
from sqlalchemy import JSON, Column, DateTime, Integer, String, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge.local import store
from knowledge.local.parse import clean
from knowledge.local.store import Base, now, ready, whose
from knowledge.lookup import NotFound, find_level
from knowledge.roles import RoleCatalogue, normalise_role
from knowledge.schema import Citation, KnowledgeBase

FIELDS = ("role", "level", "document", "quote")
MOST = 200  # rules in one file (a rule per role the documents place is fewer than 40)


class RulesError(ValueError):
    """The rules file cannot be used; the message names the rule and what is wrong with it."""


@dataclass(frozen=True)
class LocalRule:
    role: str  # the catalogue role's name
    level: str  # the level's id
    citation: Citation  # the organisation's document, its section and the quote

    @property
    def reason(self) -> str:
        return f"{self.citation.title} sets this for {self.role}:"


class RulesRow(Base):
    __tablename__ = "send_guide_local_rules"
    id = Column(Integer, primary_key=True)
    rules = Column(JSON, nullable=False)  # [{role, level, document, section, title, quote}]
    added_by = Column(String(200), nullable=False)
    added_at = Column(DateTime, nullable=False, default=now)



def read(text: str, kb: KnowledgeBase, catalogue: RoleCatalogue, engine: Engine) -> list[LocalRule]:
    """The rules of a YAML file, each checked against the catalogue, the levels and the organisation's documents."""
    entries = yaml_list(text, "rules", MOST, RulesError)
    cited = {d.title: d for d in store.documents(engine)}
    return [_rule(n, entry, kb, catalogue, engine, cited) for n, entry in enumerate(entries, 1)]


def yaml_list(text: str, key: str, most: int, error: type[ValueError]) -> list:
    """The one list a small YAML file of the organisation's holds (``key:``, at most ``most`` entries); else ``error``
    with the reason (nesting deep enough to exhaust the parser's stack included)."""
    try:
        data = yaml.safe_load(text) or {}
    except (yaml.YAMLError, RecursionError) as problem:
        raise error(f"the file is not YAML that can be read ({str(problem).splitlines()[0][:120]})") from None
    if not isinstance(data, dict) or set(data) != {key} or not isinstance(data[key], list):
        raise error(f'the file must hold one list, "{key}:", and nothing else')
    if len(data[key]) > most:
        raise error(f"the file has more than the limit of {most} {key}")
    return data[key]


def _rule(n: int, entry: Any, kb: KnowledgeBase, catalogue: RoleCatalogue, engine: Engine, cited: dict) -> LocalRule:
    where = f"rule {n}"
    if not isinstance(entry, dict) or set(entry) != set(FIELDS) or not all(isinstance(entry[f], str) for f in FIELDS):
        raise RulesError(f"{where}: give exactly {', '.join(FIELDS)}, each as text")
    role = next((r for r in kb.roles if normalise_role(entry["role"]) in {normalise_role(n) for n in (r.name, *r.aliases)}), None)
    if role is None:
        raise RulesError(f"{where}: {entry['role']!r} is not a role the documents name; "
                         f"use one of: {', '.join(sorted(r.name for r in kb.roles))}")
    try:
        level = find_level(kb, entry["level"])
    except NotFound as error:
        raise RulesError(f"{where}: {error}") from None
    national = kb.level(role.level) if role.level else None
    if national is None:
        raise RulesError(f"{where}: the documents set no one level for {role.name} (it depends on more than the job), "
                         "so a rule cannot say what it raises")
    if national.framework != level.framework:
        raise RulesError(f"{where}: {level.name} is not in the framework that sets {role.name}'s level ({national.name})")
    if level.rank <= national.rank:
        raise RulesError(f"{where}: refused, because it would not raise what the framework sets: the documents set "
                         f"{national.name} for {role.name}, and a local rule may only ask for more")
    document = cited.get(entry["document"].strip())
    if document is None:
        raise RulesError(f"{where}: no document of the organisation is titled {entry['document']!r} "
                         "(send-guide documents list)")
    quote = " ".join(entry["quote"].split())
    section = next((h for h, texts in store.sections(engine, document.id) if any(quote in t for t in texts)), None)
    if section is None:
        raise RulesError(f"{where}: the quote is not in {document.title!r} as stored (send-guide documents show {document.id})")
    return LocalRule(role.name, level.id, Citation(document.citation_name, section, quote, whose(document.title, document.owner)))


def save(engine: Engine, rules: list[LocalRule], added_by: str) -> None:
    with Session(ready(engine)) as session, session.begin():
        session.add(RulesRow(rules=[{"role": r.role, "level": r.level, **dataclasses.asdict(r.citation)} for r in rules],
                             added_by=clean(added_by)[:200]))


def current(engine: Engine) -> tuple[LocalRule, ...]:
    """The newest rules, each still citing a document cited now (a removed document's rules no longer apply)."""
    cited = {d.citation_name for d in store.documents(engine)}
    with Session(ready(engine)) as session:
        newest = session.execute(select(RulesRow.rules).order_by(RulesRow.id.desc()).limit(1)).scalar()
    rules = [LocalRule(r["role"], r["level"], Citation(**{k: r[k] for k in ("document", "section", "quote", "title", "excerpt")}))
             for r in newest or []]
    return tuple(r for r in rules if r.citation.document in cited)


def generation(engine: Engine) -> tuple:
    with Session(ready(engine)) as session:
        return (session.execute(select(func.max(RulesRow.id))).scalar(), store.generation(engine))
