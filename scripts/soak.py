"""Load and soak: concurrent conversations for a fixed time, on one server and on two replicas behind nginx.

    .venv/bin/python scripts/soak.py [--concurrency 10 50 100] [--seconds 60] [--setups single replicated]
    .venv/bin/python scripts/soak.py --conversations 10000 --concurrency 10 [--every 60] [--warm-up 1000]

With --conversations, each concurrency level runs until that many conversations are done, and
each server's resident memory is recorded every --every seconds; the growth from the first
sample after --warm-up conversations to the last one is reported per server (the aim: 10 % at most).

Each sender holds level-finding conversations back to back for the whole time, over the
REST channel. "single" is `send-guide serve`'s set-up (one Rasa server, one action server,
SQLite); "replicated" is the README's deployment (two of each behind nginx, PostgreSQL and
a Redis lock store), on loopback servers from Debian's packages. Afterwards every
conversation is read back from the tracker store and its user turns are counted and
compared, in order, with what was sent.
"""
from __future__ import annotations

import argparse
import itertools
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
from typing import Callable, Dict, Iterator, List, Optional

import requests
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmark import OUR_CONVERSATION, Load, in_threads, rss_mb, turn  # noqa: E402
from bot.bounds import MESSAGE_CHARACTERS  # noqa: E402
from bot.serve import Assistant, ensure_model  # noqa: E402
from knowledge.db import make_engine  # noqa: E402
from knowledge.guide import build  # noqa: E402
from tests.services import UNLIMITED, PostgresServer, RedisServer, Replicated, free_port, new_database  # noqa: E402

FINAL = "You need Level 2"
# With --conversations, people hold these in turn: the level-finding conversation, questions, a pasted
# list, a long message and one over the message bound, so every kind of turn is in the soak.
MIXED = [
    OUR_CONVERSATION,
    ["I'm a school nurse", "none of these", "how many hours is that?", "what should I be able to do afterwards?"],
    ["what does a SENCO do?", "more", "what is an EHCP?", "thanks"],
    ["Teacher\nSchool nurse\nPorter\nHealth visitor\nlead physio for the children's SEND service"],
    ["hello", " ".join(["I work on a children's ward and sometimes see young people with SEND"] * 40), "start again"],
    ["I'm a midwife", "x" * 5000, "none of these"],
]


def answered(replies: list) -> bool:
    return FINAL in json.dumps(replies)


def soak(url: str, concurrency: int, seconds: float, conversations: Optional[int] = None,
         sent: Optional[Dict[str, List[str]]] = None) -> tuple[Load, Dict[str, List[str]]]:
    """Conversations back to back until the time is up (or that many were held): the load, and each sender's
    messages that were answered (in `sent`, when given, as they are)."""
    load, lock, sent = Load(), threading.Lock(), defaultdict(list) if sent is None else sent
    deadline = time.monotonic() + (seconds if conversations is None else float("inf"))
    begun = itertools.count()

    def next_conversation() -> Optional[List[str]]:
        if conversations is None:
            return OUR_CONVERSATION if time.monotonic() < deadline else None
        n = next(begun)
        return MIXED[n % len(MIXED)] if n < conversations else None

    def worker() -> None:
        session = requests.Session()
        while (conversation := next_conversation()) is not None:
            sender = uuid.uuid4().hex
            for message in conversation:
                started = time.perf_counter()
                ok = turn(session, url, sender, message, answered if conversation is OUR_CONVERSATION and message == conversation[-1] else None)
                with lock:
                    if ok:
                        load.latencies.append(time.perf_counter() - started)
                        sent[sender].append(message)
                    else:
                        load.errors += 1
                if not ok or (conversations is None and time.monotonic() >= deadline):
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
    sent = {s: [m[:MESSAGE_CHARACTERS] for m in messages] for s, messages in sent.items()}  # an over-long message is cut
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
    assistant = Assistant(model, free_port(), free_port(), db, env=UNLIMITED).start()
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
        cluster = Replicated(model, db, redis.url, env=UNLIMITED).start()
        yield cluster.url, db, lambda: _memory([p for m in cluster.members for p in m.processes])
    finally:
        if cluster is not None:
            cluster.stop()
        postgres.remove()
        redis.remove()


def _memory(processes: list) -> Dict[str, float]:
    """Resident memory of each server, named rasa 1, action 1, rasa 2, ... in the order they were started."""
    seen: Dict[str, int] = defaultdict(int)
    memory = {}
    for p in processes:
        kind = "action" if "rasa_sdk" in " ".join(p.args) else "rasa"
        seen[kind] += 1
        memory[f"{kind} {seen[kind]}"] = rss_mb(p.pid)
    return memory


def _shown(memory: Dict[str, float]) -> str:
    return ", ".join(f"{name} {mb:.0f} MB" for name, mb in memory.items())


class Sampler(threading.Thread):
    """Every server's memory every `every` seconds, with how many conversations had been held by then."""

    def __init__(self, memory: Callable[[], Dict[str, float]], held: Callable[[], int], every: float) -> None:
        super().__init__(daemon=True)
        self.memory, self.held, self.every = memory, held, every
        self.samples: List[tuple] = []
        self.stopped = threading.Event()
        self.started_at = time.monotonic()

    def sample(self) -> None:
        row = (time.monotonic() - self.started_at, self.held(), self.memory())
        self.samples.append(row)
        print(f"  {row[0] / 60:5.1f} min  {row[1]:6d} conversations  {_shown(row[2])}", flush=True)

    def run(self) -> None:
        self.sample()
        while not self.stopped.wait(self.every):
            self.sample()

    def stop(self) -> None:
        self.stopped.set()
        self.join()
        self.sample()

    def growth(self, warm_up: int) -> str:
        warm = next((s for s in self.samples if s[1] >= warm_up), self.samples[0])
        last = self.samples[-1]
        return ", ".join(f"{name} {warm[2][name]:.0f} -> {last[2][name]:.0f} MB ({(last[2][name] / warm[2][name] - 1) * 100:+.1f} %)"
                         for name in last[2])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--setups", nargs="+", choices=["single", "replicated"], default=["single", "replicated"])
    parser.add_argument("--conversations", type=int, help="run each level until this many conversations are held")
    parser.add_argument("--every", type=float, default=60, help="seconds between memory samples (with --conversations)")
    parser.add_argument("--warm-up", type=int, default=1000, help="conversations before the memory baseline")
    args = parser.parse_args()
    load_shape = (f"{args.conversations} conversations per level, of {len(MIXED)} kinds in turn" if args.conversations
                  else f"{args.seconds:.0f} s per level; conversation: {OUR_CONVERSATION}")
    print(f"machine: {os.cpu_count()} cores; {load_shape}")
    build()
    model = ensure_model(open(os.devnull, "w"))
    for name in args.setups:
        with tempfile.TemporaryDirectory() as folder, {"single": single, "replicated": replicated}[name](model, Path(folder)) as (url, db, memory):
            for n in args.concurrency:
                sampler, sent = None, defaultdict(list)
                if args.conversations:
                    print(f"[{name}] {args.conversations} conversations, {n} at a time; memory every {args.every:.0f} s:")
                    sampler = Sampler(memory, lambda: len(sent), args.every)
                    sampler.start()
                load, sent = soak(url, n, args.seconds, args.conversations, sent)
                if sampler:
                    sampler.stop()
                    print(f"[{name}]   memory growth after {args.warm_up} conversations: {sampler.growth(args.warm_up)}")
                print(f"[{name}] " + load.row(f"{n} concurrent for {load.seconds:.0f} s"), flush=True)
                print(f"[{name}]   tracker store: {count_turns(db, sent)}", flush=True)
            print(f"[{name}] memory after the runs: {_shown(memory())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
