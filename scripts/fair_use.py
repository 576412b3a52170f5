"""How much one client holding many conversations slows another person, with the fair-use limits on.

    .venv/bin/python scripts/fair_use.py [--seconds 30] [--conversations 40] [--where built-in nginx] [--no-limits]
                                         [--ignore-retry-after]

On the built-in server (one Rasa server and one action server over SQLite, as `send-guide serve` runs
them) and behind nginx (deploy/nginx.conf in front of two Rasa servers over PostgreSQL and Redis), at
the fair-use defaults of bot/fair_use.py: a person chats from 127.0.0.1 at a person's pace (a turn,
then --pause seconds) for --seconds alone, then again while one client at 127.0.0.2 holds
--conversations conversations at once, each sending its next turn as soon as the last is answered
and waiting as long as a 429's Retry-After says (--ignore-retry-after: a tenth of a second).
Prints the person's p50 and p95 alone and beside the client, their ratio, and the client's turns
answered and refused. --no-limits measures the same with the limits off, for comparison.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.fair_use import Limits  # noqa: E402
from bot.serve import Assistant, ensure_model  # noqa: E402
from knowledge.guide import build  # noqa: E402
from tests.chatter import CHAT, session_from  # noqa: E402
from tests.services import UNLIMITED, PostgresServer, RedisServer, Replicated, free_port, new_database  # noqa: E402

PERSON, CLIENT = "127.0.0.1", "127.0.0.2"


def person(url: str, seconds: float, pause: float) -> Tuple[List[float], int]:
    """One person's turn times over `seconds`, and how many turns were not answered."""
    session, times, lost = session_from(PERSON), [], 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sender = uuid.uuid4().hex
        for message in CHAT:
            started = time.perf_counter()
            reply = session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=120)
            times.append(time.perf_counter() - started)
            lost += reply.status_code != 200
            time.sleep(pause)
    return times, lost


def client(url: str, conversations: int, obey: bool, stop: threading.Event, counts: Dict[str, int]) -> List[threading.Thread]:
    """One client at CLIENT holding `conversations` conversations at once, until `stop`."""
    lock = threading.Lock()

    def converse() -> None:
        session, sender, turn = session_from(CLIENT), uuid.uuid4().hex, 0
        while not stop.is_set():
            reply = session.post(f"{url}/webhooks/rest/webhook",
                                 json={"sender": sender, "message": CHAT[turn % len(CHAT)]}, timeout=120)
            with lock:
                counts[str(reply.status_code)] = counts.get(str(reply.status_code), 0) + 1
            if reply.status_code == 429:
                stop.wait(float(reply.headers.get("Retry-After", 1)) if obey else 0.1)
            else:
                turn += 1

    threads = [threading.Thread(target=converse, daemon=True) for _ in range(conversations)]
    for thread in threads:
        thread.start()
    return threads


@contextmanager
def built_in(model: Path, folder: Path, env: Dict[str, str]) -> Iterator[str]:
    db = f"sqlite:///{folder / 'fair_use.db'}"
    build(db)
    assistant = Assistant(model, free_port(), free_port(), db, env=env).start()
    try:
        yield assistant.url
    finally:
        assistant.stop()


@contextmanager
def behind_nginx(model: Path, folder: Path, env: Dict[str, str]) -> Iterator[str]:
    postgres, redis = PostgresServer().start(), RedisServer().start()
    cluster = None
    try:
        db = new_database(postgres.url)
        build(db)
        cluster = Replicated(model, db, redis.url, env=env).start()
        yield cluster.url
    finally:
        if cluster is not None:
            cluster.stop()
        postgres.remove()
        redis.remove()


def ms(values: List[float], q: int) -> str:
    return f"{statistics.quantiles(values, n=100)[q - 1] * 1000:.0f} ms"


def measure(name: str, url: str, args: argparse.Namespace) -> None:
    person(url, args.warm_up, args.pause)  # every server's first turns are slow
    alone, lost_alone = person(url, args.seconds, args.pause)
    stop, counts = threading.Event(), {}
    threads = client(url, args.conversations, not args.ignore_retry_after, stop, counts)
    time.sleep(2)  # every conversation under way
    beside, lost_beside = person(url, args.seconds, args.pause)
    stop.set()
    for thread in threads:
        thread.join(timeout=130)
    print(f"{name}: the person alone p50 {ms(alone, 50)}, p95 {ms(alone, 95)} ({len(alone)} turns, {lost_alone} not answered)")
    print(f"{name}: beside {args.conversations} conversations from one client p50 {ms(beside, 50)}, p95 {ms(beside, 95)} "
          f"({len(beside)} turns, {lost_beside} not answered); p95 x{statistics.quantiles(beside, n=100)[94] / statistics.quantiles(alone, n=100)[94]:.2f}")
    print(f"{name}: the client's requests by status: {dict(sorted(counts.items()))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30, help="how long the person chats, alone and beside the client")
    parser.add_argument("--warm-up", type=float, default=10, help="seconds of chat before measuring")
    parser.add_argument("--pause", type=float, default=0.5, help="the person's pause between turns, in seconds")
    parser.add_argument("--conversations", type=int, default=40, help="conversations the one client holds at once")
    parser.add_argument("--where", nargs="+", choices=["built-in", "nginx"], default=["built-in", "nginx"])
    parser.add_argument("--no-limits", action="store_true", help="the limits off, for comparison")
    parser.add_argument("--ignore-retry-after", action="store_true", help="the client retries after 0.1 s whatever it is told")
    args = parser.parse_args()
    env = UNLIMITED if args.no_limits else {}
    limits = Limits.from_env(env)
    print(f"fair use: {limits.per_minute} requests a minute, bursts of {limits.burst}, {limits.connections} at once "
          f"per address (0 = off)")
    model = ensure_model(sys.stderr)
    for where in args.where:
        with tempfile.TemporaryDirectory() as folder:
            serve = built_in if where == "built-in" else behind_nginx
            with serve(model, Path(folder), env) as url:
                measure(where, url, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
