"""An organisation's own documents in SQL, every version kept with who added it and when.

Two tables beside the conversations in DATABASE_URL, made on first use (a knowledge-base build,
which replaces the kb_ tables, never touches them): a document (its title, the organisation or
team that owns it, who added it and when, and when it was removed) and its versions (the file's
name and kind, and the text as read, section by section). Only the newest version of a document
not removed is cited. `generation` changes whenever any of that changes, so every server's search
can tell at once that it must read the documents again: a removed document stops being cited by
every replica on its next question.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, String, UniqueConstraint, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, ProgrammingError
from sqlalchemy.orm import Session, declarative_base

from knowledge.local.parse import Parsed, clean
from knowledge.schema import Citation, SourcePassage

Base = declarative_base()
PREFIX = "local"  # a local document's citation names it "local/<id>", never a file of the five


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


class DocumentRow(Base):
    __tablename__ = "send_guide_local_document"
    id = Column(Integer, primary_key=True)
    title = Column(String(300), nullable=False)
    owner = Column(String(300), nullable=False)
    added_by = Column(String(200), nullable=False)
    added_at = Column(DateTime, nullable=False, default=now)
    removed_at = Column(DateTime)
    removed_by = Column(String(200))


class VersionRow(Base):
    __tablename__ = "send_guide_local_version"
    __table_args__ = (UniqueConstraint("document_id", "number"),)
    id = Column(Integer, primary_key=True)
    document_id = Column(Integer, ForeignKey("send_guide_local_document.id"), nullable=False, index=True)
    number = Column(Integer, nullable=False)
    file_name = Column(String(300), nullable=False)
    kind = Column(String(20), nullable=False)
    sections = Column(JSON, nullable=False)  # [[heading, [passage, ...]], ...] as read
    added_by = Column(String(200), nullable=False)
    added_at = Column(DateTime, nullable=False, default=now)


@dataclass(frozen=True)
class Document:
    id: int
    title: str
    owner: str
    added_by: str
    added_at: dt.datetime
    removed_at: dt.datetime | None
    versions: tuple[tuple[int, str, str, dt.datetime], ...]  # (number, file name, added by, added at), oldest first
    removed_by: str | None = None

    @property
    def citation_name(self) -> str:
        return f"{PREFIX}/{self.id}"


def whose(title: str, owner: str) -> str:
    """How an answer names a local document, so nobody takes it for one of the five."""
    return f"Your organisation's document \u201c{title}\u201d ({owner})"


def ready(engine: Engine) -> Engine:
    """Every table of the organisation's (documents, rules, calendar: one metadata), made on first use; a module
    imported later makes its own on its first use too."""
    return _made(engine, len(Base.metadata.tables))


@lru_cache(maxsize=None)
def _made(engine: Engine, _tables: int) -> Engine:
    try:
        Base.metadata.create_all(engine, checkfirst=True)
    except (IntegrityError, ProgrammingError):  # another server made one at the same moment (PostgreSQL): it is there now
        Base.metadata.create_all(engine, checkfirst=True)
    return engine


def add(engine: Engine, parsed: Parsed, file_name: str, title: str, owner: str, added_by: str) -> tuple[int, int]:
    """Keep a document, or a new version of the one with the same title and owner: (its id, the version's number)."""
    title, owner, added_by = clean(title)[:300], clean(owner)[:300], clean(added_by)[:200]
    if not title or not owner:
        raise ValueError("a document needs a title and an owner")
    with Session(ready(engine)) as session, session.begin():
        row = session.execute(select(DocumentRow).where(DocumentRow.title == title, DocumentRow.owner == owner,
                                                        DocumentRow.removed_at.is_(None))).scalar_one_or_none()
        if row is None:
            row = DocumentRow(title=title, owner=owner, added_by=added_by)
            session.add(row)
            session.flush()
        number = (session.execute(select(func.max(VersionRow.number)).where(VersionRow.document_id == row.id)).scalar() or 0) + 1
        session.add(VersionRow(document_id=row.id, number=number, file_name=file_name[-300:], kind=parsed.kind,
                               sections=[[h, list(ps)] for h, ps in parsed.sections], added_by=added_by))
        return row.id, number


def remove(engine: Engine, document_id: int, removed_by: str) -> bool:
    """Stop citing a document (its versions are kept, as a record of what was said); False when there is none to remove."""
    with Session(ready(engine)) as session, session.begin():
        row = session.get(DocumentRow, document_id)
        if row is None or row.removed_at is not None:
            return False
        row.removed_at, row.removed_by = now(), clean(removed_by)[:200]
        return True


def documents(engine: Engine, removed: bool = False) -> list[Document]:
    with Session(ready(engine)) as session:
        query = select(DocumentRow).order_by(DocumentRow.id)
        rows = session.execute(query if removed else query.where(DocumentRow.removed_at.is_(None))).scalars().all()
        versions: dict[int, list] = {}
        for v in session.execute(select(VersionRow.document_id, VersionRow.number, VersionRow.file_name, VersionRow.added_by,
                                        VersionRow.added_at).order_by(VersionRow.number)):
            versions.setdefault(v.document_id, []).append((v.number, v.file_name, v.added_by, v.added_at))
        return [Document(r.id, r.title, r.owner, r.added_by, r.added_at, r.removed_at, tuple(versions.get(r.id, ())), r.removed_by)
                for r in rows]


def sections(engine: Engine, document_id: int) -> list[tuple[str, list[str]]]:
    """The newest version's text, section by section."""
    with Session(ready(engine)) as session:
        found = session.execute(select(VersionRow.sections).where(VersionRow.document_id == document_id)
                                .order_by(VersionRow.number.desc()).limit(1)).scalar()
        return [(h, list(ps)) for h, ps in (found or [])]


def generation(engine: Engine) -> tuple:
    """What changes whenever a document is added, replaced or removed: one small query."""
    with Session(ready(engine)) as session:
        return tuple(session.execute(select(func.count(VersionRow.id), func.max(VersionRow.id),
                                            func.count(DocumentRow.removed_at)).select_from(DocumentRow)
                                     .outerjoin(VersionRow, VersionRow.document_id == DocumentRow.id)).one())


def passages(engine: Engine) -> Iterator[tuple[Document, SourcePassage]]:
    """Every passage of every document cited now (the newest version of each not removed): each quote is a
    passage of the stored text itself, whole, so it matches that text exactly."""
    for doc in documents(engine):
        for heading, texts in sections(engine, doc.id):
            for text in texts:
                yield doc, SourcePassage(Citation(doc.citation_name, heading, text, doc.title))
