"""Where the knowledge base is stored: SQLite by default, PostgreSQL when DATABASE_URL says so.

Engines are made on request, never at import time.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any, Mapping

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

DEFAULT_SQLITE = Path(__file__).resolve().parents[1] / "var" / "send_guide.db"


def database_url(env: Mapping[str, str] = os.environ) -> str:
    """DATABASE_URL, with Heroku-style ``postgres://`` accepted, or the package's SQLite file."""
    url = env.get("DATABASE_URL", "").strip() or f"sqlite:///{DEFAULT_SQLITE}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    return url


def make_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True, hide_parameters=True)  # no stored text in error messages
    return quick_sqlite(engine)


def quick_sqlite(engine: Any) -> Any:
    """A SQLite file in write-ahead mode, synced at checkpoints: readers do not wait for a writer, and a
    commit is not an fsync (a power cut may lose the last commits; a crashed process loses none)."""
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        event.listen(engine, "connect", _pragmas)
    return engine


def _pragmas(connection: Any, _record: Any) -> None:
    if isinstance(connection, sqlite3.Connection):
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def describe(url: str) -> str:
    """The URL with any password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)
