"""Building the knowledge base into SQLite and PostgreSQL, and reading it back."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy
import yaml
from sqlalchemy import func, select

from knowledge import models as m
from knowledge.content_loader import ContentError
from knowledge.db import database_url, make_engine
from knowledge.guide import Guide, build
from knowledge.store import KnowledgeBaseMissing, read, write

ROOT = Path(__file__).resolve().parents[1]


def _dump(url: str) -> dict[str, list[tuple]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {t.name: sorted(map(tuple, conn.execute(select(t)))) for t in m.Base.metadata.sorted_tables}
    finally:
        engine.dispose()


def test_build_stores_what_the_content_says(db_url, kb):
    build(db_url)
    engine = make_engine(db_url)
    try:
        assert read(engine) == kb
    finally:
        engine.dispose()


def test_building_twice_gives_the_same_database(db_url):
    build(db_url)
    first = _dump(db_url)
    build(db_url)
    assert _dump(db_url) == first
    assert len(first["kb_citation"]) > 400


def test_every_fact_row_points_at_a_citation(db_url):
    build(db_url)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        for table in m.Base.metadata.sorted_tables:
            for column in (c for c in table.c if c.name.endswith("citation_id")):
                unnamed = table.c.level_id.is_(None) if table.name == "kb_role" else sqlalchemy.false()  # a title the documents do not name
                nulls = conn.execute(select(func.count()).select_from(table).where(column.is_(None) & ~unnamed)).scalar_one()
                assert nulls == 0, f"{table.name}.{column.name}"
    engine.dispose()


def _break(content: Path, file: str, edit) -> None:
    path = content / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _drop_cite(data):
    del data["roles"][0]["cite"]


def _bad_quote(data):
    data["roles"][1]["cite"]["quote"] = "Staff who manage SEND correspondence every Tuesday"


def _unknown_level(data):
    data["roles"][2]["level"] = "level-9"


def _duplicate_id(data):
    data["tensions"].append(dict(data["tensions"][0]))


@pytest.mark.parametrize("file, edit, message", [
    ("roles.yml", _drop_cite, r"roles\.yml: non-clinical-manager: a role placed in a level must cite"),
    ("roles.yml", _bad_quote, r"roles\.yml: senior-manager-health: quote not found in 000_eebbad39d168c16b\.txt"),
    ("roles.yml", _unknown_level, r"roles\.yml: send-correspondence: unknown level 'level-9'"),
    ("tensions.yml", _duplicate_id, r"tensions\.yml: ahp-or-therapist: duplicate tension"),
])
def test_bad_content_stops_the_build_and_leaves_the_database_as_it_was(db_url, content_copy, file, edit, message):
    build(db_url)
    before = _dump(db_url)
    _break(content_copy, file, edit)
    with pytest.raises(ContentError, match=message):
        build(db_url, content=content_copy)
    assert _dump(db_url) == before


def test_a_failure_while_writing_rolls_everything_back(db_url, kb, monkeypatch):
    build(db_url)
    before = _dump(db_url)

    written = []

    last = m.Base.metadata.sorted_tables[-1]

    def insert_failing_on_last_table(table):
        if table is last:
            raise RuntimeError(f"disk full after {len(written)} tables")
        written.append(table.name)
        return sqlalchemy.insert(table)

    monkeypatch.setattr("knowledge.store.insert", insert_failing_on_last_table)
    engine = make_engine(db_url)
    with pytest.raises(RuntimeError, match="disk full"):
        write(engine, kb)
    engine.dispose()
    assert "kb_citation" in written and "kb_role" in written  # it failed part-way, not at the start
    assert _dump(db_url) == before


def test_an_empty_database_says_to_build(db_url):
    engine = make_engine(db_url)
    with pytest.raises(KnowledgeBaseMissing, match="send-guide build"):
        read(engine)
    engine.dispose()


def test_guide_reads_once_and_answers_from_memory(db_url):
    build(db_url)
    guide = Guide.open(db_url)
    assert guide.catalogue.resolve("SALT").role.id == "speech-and-language-therapist"


def test_database_url_defaults_to_sqlite_and_accepts_postgres_scheme():
    assert database_url({}).startswith("sqlite:///") and database_url({}).endswith("var/send_guide.db")
    assert database_url({"DATABASE_URL": "postgres://u:p@h/db"}) == "postgresql://u:p@h/db"
    assert database_url({"DATABASE_URL": "postgresql+psycopg2://h/db"}) == "postgresql+psycopg2://h/db"


def test_postgres_scheme_connects(postgres_server, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", postgres_server.replace("postgresql+psycopg2://", "postgres://"))
    engine = make_engine()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select 1").scalar_one() == 1
    engine.dispose()


def test_importing_the_package_connects_to_nothing():
    probe = (
        "import sqlalchemy\n"
        "def refuse(*a, **k): raise SystemExit('engine made at import time')\n"
        "sqlalchemy.create_engine = refuse\n"
        "import knowledge.db\n"
        "knowledge.db.create_engine = refuse\n"
        "import knowledge.guide, knowledge.store, knowledge.lookup, knowledge.answers, bot.cli\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, cwd=ROOT)
