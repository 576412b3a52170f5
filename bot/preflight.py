"""Check the database and Redis before the Rasa server starts, and name the setting when one fails.

Left alone, Rasa retries an unreachable tracker-store database every five seconds for
ever, and only finds a dead Redis at the first message. A server that cannot work should
say so at once and exit.
"""
from __future__ import annotations

import os
import time
from typing import Callable, Mapping, Optional
from urllib.parse import urlsplit

from sqlalchemy import text

from knowledge.db import database_url, describe, make_engine

ATTEMPTS = 3
PAUSE = 2.0  # seconds between attempts: rides out a service that is still starting


class Unreachable(RuntimeError):
    """A configured service did not answer; the message names the setting to check."""


def _reason(error: Exception) -> str:
    detail = str(getattr(error, "orig", None) or error).strip()
    return detail.splitlines()[0] if detail else type(error).__name__


def _attempt(check: Callable[[], object], setting: str, shown: str, hint: str = "") -> None:
    for attempt in range(1, ATTEMPTS + 1):
        try:
            check()
            return
        except Exception as error:  # noqa: BLE001 - every failure becomes the same clear message
            if attempt == ATTEMPTS:
                raise Unreachable(f"cannot reach {shown} ({_reason(error)}). Check {setting}{hint}.") from error
            time.sleep(PAUSE)


def check_database(url: Optional[str] = None) -> None:
    url = url or database_url()

    def connect() -> None:
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        finally:
            engine.dispose()

    _attempt(connect, "DATABASE_URL", f"the database {describe(url)}", "" if os.environ.get("DATABASE_URL")
             else " (unset, so the SQLite file under var/ is used)")


def check_redis(url: str) -> None:
    from bot.lock_store import redis_client

    where = urlsplit(url)
    shown = f"Redis at {where.hostname or 'localhost'}:{where.port or 6379}"
    _attempt(lambda: redis_client(url).ping(), "REDIS_URL", shown, ", or unset it to run a single Rasa server")


def check(env: Mapping[str, str] = os.environ) -> None:
    """Everything the Rasa server needs from outside, from its settings, and the fair-use settings' shape."""
    from bot.fair_use import Limits

    try:
        Limits.from_env(env)
    except ValueError as error:
        raise Unreachable(str(error)) from None
    check_database(database_url(env))
    if env.get("REDIS_URL", "").strip():
        check_redis(env["REDIS_URL"].strip())
