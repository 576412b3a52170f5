"""Load and soak: concurrent conversations for a fixed time, on one server and on two replicas behind nginx.

    .venv/bin/python scripts/soak.py [--concurrency 10 50 100] [--seconds 60] [--setups single replicated]

Each sender holds level-finding conversations back to back for the whole time, over the
REST channel. "single" is `send-guide serve`'s set-up (one Rasa server, one action server,
SQLite); "replicated" is the README's deployment (two of each behind nginx, PostgreSQL and
a Redis lock store), on loopback servers from Debian's packages. Afterwards every
conversation is read back from the tracker store and its user turns are counted and
compared, in order, with what was sent.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Dict, Iterator, List

import requests
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmark import OUR_CONVERSATION, Load, in_threads, rss_mb, turn  # noqa: E402
from bot.serve import Assistant, ensure_model  # noqa: E402
from knowledge.db import make_engine  # noqa: E402
from knowledge.guide import build  # noqa: E402
from tests.services import PostgresServer, RedisServer, Replicated, free_port, new_database  # noqa: E402

FINAL = "You need Level 2"


def answered(replies: list) -> bool:
    return FINAL in json.dumps(replies)


def soak(url: str, concurrency: int, seconds: float) -> tuple[Load, Dict[str, List[str]]]:
    """Conversations back to back until the time is up: the load, and each sender's messages that were answered."""
    load, lock, sent = Load(), threading.Lock(), defaultdict(list)
    deadline = time.monotonic() + seconds

    def worker() -> None:
        session = requests.Session()
        while time.monotonic() < deadline:
            sender = uuid.uuid4().hex
            for message in OUR_CONVERSATION:
                started = time.perf_counter()
                ok = turn(session, url, sender, message, answered if message == OUR_CONVERSATION[-1] else None)
                with lock:
                    if ok:
                        load.latencies.append(time.perf_counter() - started)
                        sent[sender].append(message)
                    else:
                        load.errors += 1
                if not ok or time.monotonic() >= deadline:
                    break

    load.seconds = in_threads(worker, concurrency)
    return load, sent


def count_turns(db_url: str, sent: Dict[str, List[str]]) -> str:
    """Compare every conversation's stored user messages with those sent: lost, extra and out-of-order turns."""
    stored: Dict[str, List[str]] = defaultdict(list)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT sender_id, data FROM events WHERE type_name = 'user' ORDER BY id"))
        for sender, data in rows:
            if sender in sent:
                stored[sender].append(json.loads(data).get("text"))
    engine.dispose()
    lost = sum(max(0, len(m) - len(stored[s])) for s, m in sent.items())
    extra = sum(max(0, len(stored[s]) - len(m)) for s, m in sent.items())
    reordered = sum(stored[s] != m and len(stored[s]) == len(m) for s, m in sent.items())
    sent_turns, stored_turns = sum(map(len, sent.values())), sum(map(len, stored.values()))
    return (f"{len(sent)} conversations, {sent_turns} turns sent, {stored_turns} stored: "
            f"{lost} lost, {extra} extra, {reordered} conversations out of order")


@contextmanager
def single(model: Path, folder: Path) -> Iterator[tuple[str, str, Callable[[], str]]]:
    db = f"sqlite:///{folder / 'soak.db'}"
    build(db)
    assistant = Assistant(model, free_port(), free_port(), db).start()
    try:
        yield assistant.url, db, lambda: _memory(assistant.processes)
    finally:
        assistant.stop()


@contextmanager
def replicated(model: Path, folder: Path) -> Iterator[tuple[str, str, Callable[[], str]]]:
    postgres, redis = PostgresServer().start(), RedisServer().start()
    cluster = None
    try:
        db = new_database(postgres.url)
        build(db)
        cluster = Replicated(model, db, redis.url).start()
        yield cluster.url, db, lambda: _memory([p for m in cluster.members for p in m.processes])
    finally:
        if cluster is not None:
            cluster.stop()
        postgres.remove()
        redis.remove()


def _memory(processes: list) -> str:
    return ", ".join(f"{'action' if 'rasa_sdk' in ' '.join(p.args) else 'rasa'} {rss_mb(p.pid):.0f} MB" for p in processes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--setups", nargs="+", choices=["single", "replicated"], default=["single", "replicated"])
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; {args.seconds:.0f} s per level; conversation: {OUR_CONVERSATION}")
    build()
    model = ensure_model(open(os.devnull, "w"))
    for name in args.setups:
        with tempfile.TemporaryDirectory() as folder, {"single": single, "replicated": replicated}[name](model, Path(folder)) as (url, db, memory):
            for n in args.concurrency:
                load, sent = soak(url, n, args.seconds)
                print(f"[{name}] " + load.row(f"{n} concurrent for {load.seconds:.0f} s"), flush=True)
                print(f"[{name}]   tracker store: {count_turns(db, sent)}", flush=True)
            print(f"[{name}] memory after the runs: {memory()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
