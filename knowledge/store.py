"""Write the knowledge base to SQL in one transaction, and read it back into records."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from sqlalchemy import MetaData, delete, insert, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge import models as m
from knowledge import schema as s
from knowledge.roles import normalise_role


class KnowledgeBaseMissing(RuntimeError):
    """The database holds no knowledge base yet."""


class _Citations:
    """Gives each distinct citation one id, in the order first seen, so loads are repeatable."""

    def __init__(self, sections: dict[tuple[str, str], int]) -> None:
        self.sections = sections
        self.ids: dict[s.Citation, int] = {}

    def __call__(self, citation: s.Citation) -> int:
        return self.ids.setdefault(citation, len(self.ids) + 1)

    def rows(self) -> list[dict[str, Any]]:
        return [{"id": i, "section_id": self.sections[(c.document, c.section)], "quote": c.quote, "excerpt": c.excerpt}
                for c, i in self.ids.items()]


def _rows(kb: s.KnowledgeBase) -> dict[type, list[dict[str, Any]]]:
    rows: dict[type, list[dict[str, Any]]] = defaultdict(list)
    sections: dict[tuple[str, str], int] = {}
    for d, doc in enumerate(kb.documents):
        rows[m.DocumentRow].append({"id": doc.id, "position": d, "file_name": doc.file_name, "title": doc.title})
        for n, sec in enumerate(doc.sections):
            sections[(doc.file_name, sec.path)] = len(sections) + 1
            rows[m.SectionRow].append({"id": len(sections), "document_id": doc.id, "position": n, "path": sec.path, "omitted": sec.omitted})
    cite = _Citations(sections)

    def add(model: type, **values: Any) -> None:
        if "id" not in values and "id" in model.__table__.c and model.__table__.c.id.autoincrement is not False:
            values["id"] = len(rows[model]) + 1
        rows[model].append(values)

    for n, lv in enumerate(kb.levels):
        add(m.LevelRow, id=lv.id, position=n, name=lv.name, framework=lv.framework, rank=lv.rank, also_called=list(lv.also_called),
            cohort_text=lv.cohort.text, cohort_citation_id=cite(lv.cohort.citation))
        for i, q in enumerate(lv.qualifies):
            add(m.QualifierRow, level_id=lv.id, position=i, fact=q.fact, answers=list(q.values), citation_id=cite(q.citation))
        for kind, items in (("member", lv.members), ("competency", lv.competencies), ("learning_outcome", lv.learning_outcomes),
                            ("learning_area", lv.learning_areas), ("method", lv.methods)):
            for i, item in enumerate(items):
                add(m.LevelItemRow, level_id=lv.id, kind=kind, position=i, text=item.text, excerpt=item.excerpt, citation_id=cite(item.citation))
        for kind, req in (("induction", lv.induction), ("refresher", lv.refresher)):
            if req:
                add(m.RequirementRow, level_id=lv.id, kind=kind, text=req.text, minutes=req.minutes, within_weeks=req.within_weeks,
                    period_years=req.period_years, citation_id=cite(req.citation))
        for i, src in enumerate(lv.sources):
            add(m.TrainingSourceRow, level_id=lv.id, position=i, name=src.name, url=src.url, note=src.note, citation_id=cite(src.citation))
    for q in kb.questions:
        add(m.QuestionRow, asks=q.asks, framework=q.framework, role_id=q.role, text=q.text, citation_id=cite(q.citation),
            options=[{"value": o.value, "label": o.label, "sets": dict(o.sets), "level": o.level, "short": o.short} for o in q.options])
    for n, topic in enumerate(kb.topics):
        add(m.TopicRow, id=topic.id, position=n, title=topic.title)
        for i, item in enumerate(topic.items):
            add(m.TopicItemRow, topic_id=topic.id, position=i, kind=item.kind, heading=item.heading, text=item.text, excerpt=item.excerpt,
                citation_id=cite(item.citation))
    for n, t in enumerate(kb.tensions):
        add(m.TensionRow, id=t.id, position=n, kind=t.kind, title=t.title, statement=t.statement,
            levels=list(t.levels), applies_to=list(t.applies_to), topics=list(t.topics))
        for i, c in enumerate(t.citations):
            add(m.TensionCitationRow, tension_id=t.id, position=i, citation_id=cite(c))
    for n, role in enumerate(kb.roles):
        add(m.RoleRow, id=role.id, position=n, name=role.name, sectors=list(role.sectors), level_id=role.level, tension_id=role.tension,
            topic_id=role.topic, reading=role.reading, asks=list(role.asks), based_in=list(role.based_in),
            citation_id=cite(role.citation) if role.citation else None)
        for alias in (role.name, *role.aliases):
            add(m.RoleAliasRow, role_id=role.id, alias=alias, normalised=normalise_role(alias))
    for n, p in enumerate(kb.passages, 1):
        add(m.SourcePassageRow, id=n, lead_in=p.lead_in, citation_id=cite(p.citation))
    for n, x in enumerate(kb.named_only, 1):
        add(m.NamedOnlyRow, id=n, name=x.name, words=list(x.words), missing=x.missing, citation_id=cite(x.citation))
    for n, g in enumerate(kb.glossary):
        add(m.GlossaryRow, term=g.term, position=n, expansion=g.expansion, note=g.note, citation_id=cite(g.citation))
    w = kb.wording
    for kind, groups in (("setting", w.settings), ("setting_after", w.settings_after), ("needs_setting", w.needs_setting),
                           ("profession", w.professions)):
        for sector, phrases in groups.items():
            for phrase in phrases:
                add(m.WordingRow, kind=kind, key=sector, phrase=phrase)
    for kind, words in (("job_noun", w.job_nouns), ("not_before", w.not_before), ("modifier", w.modifiers), ("job_word", w.job_words),
                        ("object_marker", w.object_markers), ("object_preposition", w.object_prepositions)):
        for word in words:
            add(m.WordingRow, kind=kind, key=None, phrase=word)
    for said in w.said:
        add(m.WordingRow, kind="answer_only" if said.answer_only else "said", key=f"{said.fact}={said.value}",
            phrase=said.pattern + (f"\n{said.context}" if said.context else ""))
    rows[m.CitationRow] = cite.rows()
    return rows


def _drop_stale_tables(engine: Engine) -> None:
    """Drop every kb_ table when the stored ones are not the tables this version writes.

    The knowledge base is rebuilt from the content on every build, so an older layout is
    simply removed; nothing else in the database (Rasa's ``events``) is touched.
    """
    found = inspect(engine)
    stored = {name for name in found.get_table_names() if name.startswith("kb_")}
    wanted = {t.name: {c.name for c in t.c} for t in m.Base.metadata.sorted_tables}
    if not stored or (stored == set(wanted) and all({c["name"] for c in found.get_columns(t)} == cols for t, cols in wanted.items())):
        return
    old = MetaData()
    old.reflect(engine, only=sorted(stored))
    old.drop_all(engine)


def write(engine: Engine, kb: s.KnowledgeBase) -> None:
    """Replace whatever knowledge base the database holds with ``kb``, all or nothing."""
    by_table = {model.__table__: values for model, values in _rows(kb).items()}
    _drop_stale_tables(engine)
    m.Base.metadata.create_all(engine)
    tables = m.Base.metadata.sorted_tables
    with engine.begin() as conn:
        for table in reversed(tables):
            conn.execute(delete(table))
        for table in tables:
            if by_table.get(table):
                conn.execute(insert(table), by_table[table])


def read(engine: Engine) -> s.KnowledgeBase:
    """The stored knowledge base as records, the same as the content it was built from."""
    if not inspect(engine).has_table(m.LevelRow.__tablename__):
        raise KnowledgeBaseMissing("the knowledge base has not been built: run `send-guide build`")
    with Session(engine) as session:
        return _Reader(session).knowledge_base()


class _Reader:
    def __init__(self, session: Session) -> None:
        self.session = session
        query = (select(m.CitationRow.id, m.DocumentRow.file_name, m.SectionRow.path, m.CitationRow.quote, m.DocumentRow.title,
                        m.CitationRow.excerpt)
                 .join(m.SectionRow, m.CitationRow.section_id == m.SectionRow.id)
                 .join(m.DocumentRow, m.SectionRow.document_id == m.DocumentRow.id))
        self.citations = {cid: s.Citation(doc, path, quote, title, bool(excerpt))
                          for cid, doc, path, quote, title, excerpt in session.execute(query)}
        if not self.citations:
            raise KnowledgeBaseMissing("the knowledge base is empty: run `send-guide build`")

    def all(self, model: type, *order: Any) -> Iterable[Any]:
        return self.session.execute(select(model).order_by(*order)).scalars()

    def grouped(self, model: type, key: str, *order: Any) -> dict[Any, list[Any]]:
        groups: dict[Any, list[Any]] = defaultdict(list)
        for row in self.all(model, *order):
            groups[getattr(row, key)].append(row)
        return groups

    def knowledge_base(self) -> s.KnowledgeBase:
        return s.KnowledgeBase(
            documents=self.documents(), levels=self.levels(), questions=self.questions(), tensions=self.tensions(),
            roles=self.roles(), topics=self.topics(), glossary=tuple(
                s.GlossaryEntry(g.term, self.citations[g.citation_id], g.expansion, g.note) for g in self.all(m.GlossaryRow, m.GlossaryRow.position)),
            wording=self.wording(), passages=tuple(
                s.SourcePassage(self.citations[p.citation_id], p.lead_in) for p in self.all(m.SourcePassageRow, m.SourcePassageRow.id)),
            named_only=tuple(s.NamedOnly(x.name, tuple(x.words), x.missing, self.citations[x.citation_id])
                             for x in self.all(m.NamedOnlyRow, m.NamedOnlyRow.id)),
        )

    def wording(self) -> s.Wording:
        rows = self.grouped(m.WordingRow, "kind", m.WordingRow.id)

        def by_sector(kind: str) -> dict[str, tuple[str, ...]]:
            groups: dict[str, list[str]] = defaultdict(list)
            for r in rows[kind]:
                groups[r.key].append(r.phrase)
            return {sector: tuple(phrases) for sector, phrases in groups.items()}

        def words(kind: str) -> tuple[str, ...]:
            return tuple(r.phrase for r in rows[kind])

        said = tuple(s.Said(r.phrase.split("\n")[0], *r.key.split("=", 1), *(r.phrase.split("\n")[1:] or [None]), r.kind == "answer_only")
                     for r in sorted(rows["said"] + rows["answer_only"], key=lambda r: r.id))
        return s.Wording(by_sector("setting"), by_sector("setting_after"), words("job_noun"), words("not_before"), words("modifier"), said,
                         words("job_word"), words("object_marker"), words("object_preposition"), by_sector("needs_setting"),
                         by_sector("profession"))

    def documents(self) -> tuple[s.Document, ...]:
        sections = self.grouped(m.SectionRow, "document_id", m.SectionRow.position)
        return tuple(s.Document(d.id, d.file_name, d.title, tuple(s.Section(x.path, x.omitted) for x in sections[d.id]))
                     for d in self.all(m.DocumentRow, m.DocumentRow.position))

    def levels(self) -> tuple[s.Level, ...]:
        items = self.grouped(m.LevelItemRow, "level_id", m.LevelItemRow.kind, m.LevelItemRow.position)
        qualifiers = self.grouped(m.QualifierRow, "level_id", m.QualifierRow.position)
        reqs = {(r.level_id, r.kind): r for r in self.all(m.RequirementRow, m.RequirementRow.id)}
        sources = self.grouped(m.TrainingSourceRow, "level_id", m.TrainingSourceRow.position)
        cite = self.citations

        def stmts(level_id: str, kind: str) -> tuple[s.Statement, ...]:
            return tuple(s.Statement(i.text, cite[i.citation_id], i.excerpt) for i in items[level_id] if i.kind == kind)

        def req(level_id: str, kind: str) -> s.Requirement | None:
            r = reqs.get((level_id, kind))
            return r and s.Requirement(r.text, cite[r.citation_id], r.minutes, r.within_weeks, r.period_years)

        return tuple(
            s.Level(lv.id, lv.name, lv.framework, lv.rank, s.Statement(lv.cohort_text, cite[lv.cohort_citation_id]), tuple(lv.also_called),
                    tuple(s.Qualifier(q.fact, tuple(q.answers), cite[q.citation_id]) for q in qualifiers[lv.id]),
                    stmts(lv.id, "member"), req(lv.id, "induction"), req(lv.id, "refresher"), stmts(lv.id, "competency"),
                    stmts(lv.id, "learning_outcome"), stmts(lv.id, "learning_area"), stmts(lv.id, "method"),
                    tuple(s.TrainingSource(x.name, x.url, cite[x.citation_id], x.note) for x in sources[lv.id]))
            for lv in self.all(m.LevelRow, m.LevelRow.position)
        )

    def questions(self) -> tuple[s.Question, ...]:
        return tuple(s.Question(q.asks, q.text, tuple(s.Option(**o) for o in q.options), self.citations[q.citation_id], q.framework, q.role_id)
                     for q in self.all(m.QuestionRow, m.QuestionRow.id))

    def tensions(self) -> tuple[s.Tension, ...]:
        cites = self.grouped(m.TensionCitationRow, "tension_id", m.TensionCitationRow.position)
        return tuple(s.Tension(t.id, t.kind, t.title, t.statement, tuple(self.citations[c.citation_id] for c in cites[t.id]),
                               tuple(t.levels), tuple(t.applies_to), tuple(t.topics))
                     for t in self.all(m.TensionRow, m.TensionRow.position))

    def roles(self) -> tuple[s.Role, ...]:
        aliases = self.grouped(m.RoleAliasRow, "role_id", m.RoleAliasRow.id)
        return tuple(
            s.Role(r.id, r.name, tuple(r.sectors), self.citations.get(r.citation_id), tuple(a.alias for a in aliases[r.id][1:]),
                   r.level_id, r.tension_id, r.topic_id, r.reading, tuple(r.asks), tuple(r.based_in))
            for r in self.all(m.RoleRow, m.RoleRow.position)
        )

    def topics(self) -> tuple[s.Topic, ...]:
        items = self.grouped(m.TopicItemRow, "topic_id", m.TopicItemRow.position)
        return tuple(s.Topic(t.id, t.title, tuple(s.TopicItem(i.kind, i.text, self.citations[i.citation_id], i.heading, i.excerpt) for i in items[t.id]))
                     for t in self.all(m.TopicRow, m.TopicRow.position))
