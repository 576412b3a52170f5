"""SQL tables for the knowledge base. Every fact row points at its citation.

Tables are prefixed ``kb_`` so they can share a database with Rasa's tracker store,
whose own table is called ``events``.
"""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base

Base = declarative_base()


def _citation(nullable: bool = False) -> Column:
    return Column(Integer, ForeignKey("kb_citation.id"), nullable=nullable)


class DocumentRow(Base):
    __tablename__ = "kb_document"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    file_name = Column(String(200), nullable=False, unique=True)
    title = Column(Text, nullable=False)


class SectionRow(Base):
    __tablename__ = "kb_section"
    __table_args__ = (UniqueConstraint("document_id", "path"),)
    id = Column(Integer, primary_key=True)
    document_id = Column(String(64), ForeignKey("kb_document.id"), nullable=False)
    position = Column(Integer, nullable=False)
    path = Column(Text, nullable=False)
    omitted = Column(Text)


class CitationRow(Base):
    __tablename__ = "kb_citation"
    id = Column(Integer, primary_key=True)
    section_id = Column(Integer, ForeignKey("kb_section.id"), nullable=False)
    quote = Column(Text, nullable=False)
    excerpt = Column(Boolean, nullable=False, default=False)


class LevelRow(Base):
    __tablename__ = "kb_level"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(String(100), nullable=False)
    framework = Column(String(32), nullable=False)
    rank = Column(Integer, nullable=False)
    also_called = Column(JSON, nullable=False)
    cohort_text = Column(Text, nullable=False)
    cohort_citation_id = _citation()


class QualifierRow(Base):
    __tablename__ = "kb_qualifier"
    id = Column(Integer, primary_key=True)
    level_id = Column(String(64), ForeignKey("kb_level.id"), nullable=False)
    position = Column(Integer, nullable=False)
    fact = Column(String(32), nullable=False)
    answers = Column(JSON, nullable=False)
    citation_id = _citation()


class LevelItemRow(Base):
    """A member, competency, learning outcome or training method of a level."""

    __tablename__ = "kb_level_item"
    id = Column(Integer, primary_key=True)
    level_id = Column(String(64), ForeignKey("kb_level.id"), nullable=False)
    kind = Column(String(32), nullable=False)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    excerpt = Column(Boolean, nullable=False, default=False)
    citation_id = _citation()


class RequirementRow(Base):
    __tablename__ = "kb_requirement"
    __table_args__ = (UniqueConstraint("level_id", "kind"),)
    id = Column(Integer, primary_key=True)
    level_id = Column(String(64), ForeignKey("kb_level.id"), nullable=False)
    kind = Column(String(32), nullable=False)  # induction or refresher
    text = Column(Text, nullable=False)
    minutes = Column(Integer)
    within_weeks = Column(Integer)
    period_years = Column(Integer)
    citation_id = _citation()


class TrainingSourceRow(Base):
    __tablename__ = "kb_training_source"
    id = Column(Integer, primary_key=True)
    level_id = Column(String(64), ForeignKey("kb_level.id"), nullable=False)
    position = Column(Integer, nullable=False)
    name = Column(Text, nullable=False)
    url = Column(Text, nullable=False)
    note = Column(Text)
    citation_id = _citation()


class QuestionRow(Base):
    __tablename__ = "kb_question"
    id = Column(Integer, primary_key=True)
    asks = Column(String(32), nullable=False)
    framework = Column(String(32))
    role_id = Column(String(64), ForeignKey("kb_role.id"))
    text = Column(Text, nullable=False)
    options = Column(JSON, nullable=False)
    citation_id = _citation()


class TopicRow(Base):
    __tablename__ = "kb_topic"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    title = Column(Text, nullable=False)


class TopicItemRow(Base):
    __tablename__ = "kb_topic_item"
    id = Column(Integer, primary_key=True)
    topic_id = Column(String(64), ForeignKey("kb_topic.id"), nullable=False)
    position = Column(Integer, nullable=False)
    kind = Column(String(64), nullable=False)
    heading = Column(Text)
    text = Column(Text, nullable=False)
    excerpt = Column(Boolean, nullable=False, default=False)
    citation_id = _citation()


class TensionRow(Base):
    __tablename__ = "kb_tension"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    kind = Column(String(16), nullable=False)
    title = Column(Text, nullable=False)
    statement = Column(Text, nullable=False)
    levels = Column(JSON, nullable=False)
    applies_to = Column(JSON, nullable=False)
    topics = Column(JSON, nullable=False)


class TensionCitationRow(Base):
    __tablename__ = "kb_tension_citation"
    tension_id = Column(String(64), ForeignKey("kb_tension.id"), primary_key=True)
    position = Column(Integer, primary_key=True)
    citation_id = _citation()


class RoleRow(Base):
    """A role; a title the documents do not name has no citation and no level."""

    __tablename__ = "kb_role"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(Text, nullable=False)
    sectors = Column(JSON, nullable=False)
    level_id = Column(String(64), ForeignKey("kb_level.id"))
    tension_id = Column(String(64), ForeignKey("kb_tension.id"))
    topic_id = Column(String(64), ForeignKey("kb_topic.id"))
    reading = Column(Text)
    asks = Column(JSON, nullable=False)
    based_in = Column(JSON, nullable=False)
    citation_id = _citation(nullable=True)


class RoleAliasRow(Base):
    __tablename__ = "kb_role_alias"
    id = Column(Integer, primary_key=True)
    role_id = Column(String(64), ForeignKey("kb_role.id"), nullable=False)
    alias = Column(Text, nullable=False)
    normalised = Column(String(200), nullable=False, unique=True)


class GlossaryRow(Base):
    __tablename__ = "kb_glossary"
    term = Column(String(32), primary_key=True)
    position = Column(Integer, nullable=False)
    expansion = Column(Text)
    note = Column(Text)
    citation_id = _citation()


class NamedOnlyRow(Base):
    """Something the documents name without including or defining it (schema.NamedOnly)."""

    __tablename__ = "kb_named_only"
    id = Column(Integer, primary_key=True)  # content order
    name = Column(Text, nullable=False)
    words = Column(JSON, nullable=False)
    missing = Column(String(16), nullable=False)
    citation_id = _citation()


class SourcePassageRow(Base):
    __tablename__ = "kb_source_passage"
    id = Column(Integer, primary_key=True)  # document order
    lead_in = Column(Text)
    citation_id = _citation()


class WordingRow(Base):
    """How role text is read (schema.Wording): a workplace phrase and its sector, a job noun,
    a word that makes a role someone else's or only qualifies a title, or a pattern that states a fact (key "fact=value")."""

    __tablename__ = "kb_wording"
    id = Column(Integer, primary_key=True)
    kind = Column(String(32), nullable=False)
    key = Column(String(64))
    phrase = Column(Text, nullable=False)
