"""Measure the assistant over its REST channel, and Rasa's starter bot the same way for comparison.

    .venv/bin/python scripts/benchmark.py [--concurrency 1 10 50] [--conversations 4] [--skip-training] [--staff-only] [--challenge-only]

Prints cold start to first answer, training time (full, from an empty cache, and unchanged),
latency percentiles, throughput and errors at each concurrency for full level-finding
conversations, and each server's memory; then the starter bot's figures and the ratios. Before the
load, each person of the challenge set (../shared/challenge/roles.yml) types their role and presses
the buttons that are true of them: the turns and the wall time from the first message to the level.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.serve import Assistant, ensure_model, environment, model_path, rasa  # noqa: E402
from knowledge.guide import build  # noqa: E402
from tests.services import UNLIMITED  # noqa: E402 - load from one address, not fair use

OUR_CONVERSATION = ["hello", "receptionist at a GP surgery", "I see kids at reception now and then"]
STARTER_CONVERSATION = ["hello", "I am great", "bye"]


@dataclass
class Load:
    latencies: List[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def row(self, label: str) -> str:
        if not self.latencies:
            return f"{label}: no successful requests, {self.errors} errors"
        q = statistics.quantiles(self.latencies, n=100)
        return (f"{label}: {len(self.latencies)} requests, {self.errors} errors, "
                f"p50 {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms, "
                f"{len(self.latencies) / self.seconds:.1f} requests/s")

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.latencies, n=100)[94]


def turn(http: Any, url: str, sender: str, message: str, check: Optional[Callable[[list], bool]] = None) -> bool:
    """One message over REST (`http` is requests or a Session): answered, and passing `check` when given."""
    try:
        reply = http.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=120)
        return reply.ok and (check is None or check(reply.json()))
    except requests.RequestException:
        return False


def in_threads(worker: Callable[[], None], concurrency: int) -> float:
    """Run `worker` in that many threads at once: the seconds until the last one finished."""
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started


def drive(url: str, script: Sequence[str], concurrency: int, conversations: int, check: Callable[[list], bool]) -> Load:
    load, lock = Load(), threading.Lock()

    def worker() -> None:
        for _ in range(conversations):
            sender = uuid.uuid4().hex
            for message in script:
                started = time.perf_counter()
                ok = turn(requests, url, sender, message, check if message == script[-1] else None)
                with lock:
                    if ok:
                        load.latencies.append(time.perf_counter() - started)
                    else:
                        load.errors += 1

    load.seconds = in_threads(worker, concurrency)
    return load


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc."""
    total, pids = 0, [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
            pids += [int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except (FileNotFoundError, StopIteration, ProcessLookupError):
            continue
    return total / 1024


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def train_from_scratch() -> float:
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as out:
        env = {**environment(), "RASA_CACHE_DIRECTORY": cache}
        return timed(lambda: subprocess.run(rasa("train", "--data", "data", "--domain", "domain.yml", "--config", "config.yml",
                                                 "--out", out), cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL))


def measure(name: str, start: Callable[[], Assistant], script: Sequence[str], check: Callable[[list], bool],
            levels: Sequence[int], conversations: int, before: Optional[Callable[[str], None]] = None) -> dict:
    started = time.perf_counter()
    assistant = start()
    try:
        first = drive(assistant.url, script, 1, 1, check)
        cold = time.perf_counter() - started
        print(f"[{name}] cold start to first full conversation: {cold:.1f} s ({first.errors} errors)")
        if before:
            before(assistant.url)
        loads = {}
        for n in levels:
            loads[n] = drive(assistant.url, script, n, conversations, check)
            print(f"[{name}] " + loads[n].row(f"{n} concurrent"), flush=True)
        memory = {("rasa server" if "actions" not in " ".join(p.args) else "action server"): rss_mb(p.pid) for p in assistant.processes}
        print(f"[{name}] memory: " + ", ".join(f"{k} {v:.0f} MB" for k, v in memory.items()))
        return {"loads": loads, "cold": cold, "memory": memory}
    finally:
        assistant.stop()


def starter_bot(folder: Path) -> Path:
    subprocess.run(rasa("init", "--no-prompt", "--init-dir", str(folder)), cwd=folder, env=environment(), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return next((folder / "models").glob("*.tar.gz"))


class StarterAssistant(Assistant):
    """Rasa's starter bot run the same way, from its own folder."""

    def __init__(self, folder: Path, model: Path, port: int, actions_port: int) -> None:
        super().__init__(model, port, actions_port)
        self.folder = folder

    def start(self) -> "StarterAssistant":
        env = environment(f"sqlite:///{self.folder / 'tracker.db'}", self.actions_port)
        (self.folder / "endpoints.yml").write_text("tracker_store:\n  type: SQL\n  url: ${DATABASE_URL}\n")
        command = rasa("run", "--model", str(self.model), "--port", str(self.port), "--interface", "127.0.0.1", "--endpoints", "endpoints.yml")
        self.processes.append(subprocess.Popen(command, cwd=self.folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                               start_new_session=True))
        self.wait(f"{self.url}/")
        return self


def challenge_turns(url: str) -> None:
    """Each challenge person from their role to their level over REST: turns and seconds, one at a time."""
    from tests.rules_helpers import person, press_for
    from tests.test_challenge import ROLES

    turns, seconds, wrong = [], [], 0
    for case in ROLES:
        sender, who, started = uuid.uuid4().hex, person(case["truth"]), time.perf_counter()
        reply = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": case["say"]}, timeout=120).json()
        count = 1
        while count < 5 and not any(("You need " in (r.get("text") or "") or "no training level" in (r.get("text") or "")) for r in reply):
            payload = press_for(who, "\n".join(r.get("text") or "" for r in reply), [b for r in reply for b in r.get("buttons") or []])
            reply = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": payload}, timeout=120).json()
            count += 1
        seconds.append(time.perf_counter() - started)
        turns.append(count)
        level = case["expect"] if case["expect"] != "none" else "no training level"
        wrong += not any(level in (r.get("text") or "") for r in reply)
    print(f"challenge roles: {len(turns)} people; turns from the first message to the level: median {statistics.median(turns):g}, "
          f"max {max(turns)}; wall time: median {statistics.median(seconds) * 1000:.0f} ms, max {max(seconds) * 1000:.0f} ms; "
          f"{wrong} wrong", flush=True)


def staff_list(rows: int = 100_000) -> None:
    """Generated staff lists through the worker process, as `send-guide staff` (100,000 rows, its limits) and the
    web page (50,000 rows, the page's limits) check them: read, decide, summarise, write the CSV report."""
    import asyncio
    import csv
    import io
    import resource

    from bot.staff.worker import check
    from knowledge.staff.files import COMMAND_LINE_LIMITS, WEB_LIMITS

    titles = ["School nurse", "Porter", "Health visitor", "receptionist at a GP surgery", "Physiotherapist", "Teacher",
              "Teaching assistant", "SENCO", "Ward clerk", "Governor", "deputy DHO", "Healthcare assistant"]
    titles += [f"Unlisted role {n}" for n in range(188)]  # 200 distinct titles, most unknown to the catalogue
    contact = ["", "none", "some", "regular"]
    for label, count, limits in (("command line", rows, COMMAND_LINE_LIMITS), ("web page", WEB_LIMITS.rows, WEB_LIMITS)):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["Staff ID", "Job title", "Department", "Contact", "Training date", "Minutes"])
        for n in range(count):
            writer.writerow([f"S{n:06d}", titles[n % len(titles)], f"Team {n % 40}", contact[n % 4], "2025-01-01" if n % 3 else "", "90"])
        data = buffer.getvalue().encode()
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            out = Path(folder) / "report.csv" if label == "command line" else None
            report = asyncio.run(check(data, "staff.csv", limits, out=out))
            took = time.perf_counter() - started
        assert report["rows"] == count
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"staff list ({label}): {count:,} rows ({len(data) / 2**20:.1f} MB, {len(set(titles))} titles) read, decided, "
              f"summarised and written in {took:.2f} s by the worker process (the largest child process so far peaked at {peak:.0f} MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--conversations", type=int, default=4, help="full conversations per concurrent sender")
    parser.add_argument("--skip-training", action="store_true", help="do not time a full training from an empty cache")
    parser.add_argument("--staff-only", action="store_true", help="only time a 100,000-row staff list")
    parser.add_argument("--challenge-only", action="store_true", help="only the challenge roles' turns and time to a level")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    build()
    if not args.challenge_only:
        staff_list()
    if args.staff_only:
        return 0
    if not args.skip_training and not args.challenge_only:
        print(f"training from an empty cache: {train_from_scratch():.0f} s", flush=True)
    model = ensure_model(open(os.devnull, "w"))
    print(f"unchanged project: training skipped in {timed(lambda: model_path().exists() or ensure_model()):.3f} s "
          f"(model {model.name} reused)")
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{Path(folder) / 'bench.db'}"
        build(db)
        if args.challenge_only:
            assistant = Assistant(model, 5205, 5255, db, env=UNLIMITED).start()
            try:
                challenge_turns(assistant.url)
            finally:
                assistant.stop()
            return 0
        ours = measure("SEND Training Guide", lambda: Assistant(model, 5205, 5255, db, env=UNLIMITED).start(), OUR_CONVERSATION,
                       lambda replies: any("You need Level 2" in r.get("text", "") for r in replies), args.concurrency, args.conversations,
                       challenge_turns)
    with tempfile.TemporaryDirectory() as folder:
        starter_model = starter_bot(Path(folder))
        starter = measure("rasa init starter bot", lambda: StarterAssistant(Path(folder), starter_model, 5305, 5355).start(),
                          STARTER_CONVERSATION, lambda replies: bool(replies), args.concurrency, args.conversations)
    print("ratios (ours / starter bot):")
    for n in args.concurrency:
        a, b = ours["loads"][n], starter["loads"][n]
        if a.latencies and b.latencies:
            print(f"  {n} concurrent: p95 x{a.p95 / b.p95:.2f}")
    print(f"  cold start x{ours['cold'] / starter['cold']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
