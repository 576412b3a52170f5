"""Hostile staff lists uploaded to the web page while other people chat: each is refused or read within
its limits, and the others' turns and the Rasa server's memory are unaffected.

The chat load is the same before and during the uploads: two people holding conversations back
to back. Their p95 turn time during the uploads must stay within 1.5 times the p95 without them,
and the Rasa server's resident memory must not grow by more than 100 MB.
"""
from __future__ import annotations

import statistics
import threading
import time
import uuid
from pathlib import Path
from typing import Callable, Dict, List, Optional

import pytest
import requests

from bot.bounds import REQUEST_BYTES
from knowledge.staff_files import WEB_LIMITS
from tests import hostile

pytestmark = pytest.mark.assistant

CHAT = ["hello", "I'm a school nurse", "none of these", "what is level 2?", "start again"]
CHATTERS = 2
BASELINE_SECONDS = 12
# name -> (HTTP status, what the reply's error or report says)
EXPECTED = {
    "decompression bomb": (413, "over the limit of 50 MB uncompressed"),
    "declared size that lies": (400, "a part of it is damaged"),
    "billion laughs": (400, "declares entities"),
    "one 50 MB line": (413, "refused before its body was read"),
    "a million empty rows": (200, '"rows":2,'),
    "a formula in every cell": (200, '"rows":0,'),
    "a thousand sheets": (413, "more than the limit of 50 sheets"),
}


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def p95(values: List[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def chat_while(url: str, work: Optional[Callable[[], None]], seconds: float = BASELINE_SECONDS) -> List[float]:
    """Turn times of CHATTERS people chatting until ``work`` is done (or for ``seconds`` without work);
    every turn must be answered."""
    done, latencies, failures, lock = threading.Event(), [], [], threading.Lock()

    def chatter() -> None:
        session = requests.Session()
        while not done.is_set():
            sender = uuid.uuid4().hex
            for message in CHAT:
                started = time.perf_counter()
                try:
                    reply = session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60)
                    answered = reply.status_code == 200 and bool(reply.json())
                except (requests.RequestException, ValueError) as error:
                    answered = False
                    message = f"{message}: {error}"
                with lock:
                    latencies.append(time.perf_counter() - started)
                    if not answered:
                        failures.append(message)

    threads = [threading.Thread(target=chatter, daemon=True) for _ in range(CHATTERS)]
    for thread in threads:
        thread.start()
    if work is None:
        time.sleep(seconds)
    else:
        work()
    done.set()
    for thread in threads:
        thread.join(timeout=90)
    assert not failures, f"turns not answered: {failures[:5]}"
    return latencies


def test_hostile_uploads_are_refused_or_read_while_others_chat_unaffected(assistant):
    files = {name: (filename, make()) for name, (filename, make) in hostile.FILES.items()}
    staff_url = f"{assistant.url}/webhooks/webchat/staff"
    server = assistant.processes[0].pid  # the Rasa server: started first
    chat_while(assistant.url, None, 4)  # warm up
    baseline = chat_while(assistant.url, None)
    memory_before = rss_mb(server)
    outcomes: Dict[str, tuple] = {}

    def upload_all() -> None:
        for name, (filename, data) in files.items():
            started = time.monotonic()
            try:
                reply = requests.post(staff_url, files={"file": (filename, data)}, timeout=WEB_LIMITS.seconds + 30)
                text = reply.text.replace(" ", "") if reply.ok else reply.text
                if reply.status_code == 413 and len(data) > REQUEST_BYTES:
                    text = "refused before its body was read"  # Sanic's own 413, before any of our code
                outcomes[name] = (reply.status_code, text, time.monotonic() - started)
            except requests.ConnectionError:  # the server answered 413 and closed before the body was all sent
                outcomes[name] = (413, "refused before its body was read", time.monotonic() - started)

    during = chat_while(assistant.url, upload_all)
    memory_after = rss_mb(server)
    for name, (status, says) in EXPECTED.items():
        got_status, got_text, took = outcomes[name]
        assert (got_status, says in got_text) == (status, True), (name, got_status, got_text[:300])
        assert took < WEB_LIMITS.seconds + 5, (name, took)
        assert "Traceback" not in got_text
    print(f"\nhostile uploads: p95 {p95(baseline) * 1000:.0f} ms without ({len(baseline)} turns), {p95(during) * 1000:.0f} ms "
          f"during ({len(during)} turns); Rasa server {memory_before:.0f} -> {memory_after:.0f} MB; "
          + ", ".join(f"{name} {took:.1f} s" for name, (_, _, took) in outcomes.items()))
    assert len(during) >= 20, "people kept chatting while the files were checked"
    assert p95(during) <= 1.5 * p95(baseline), f"p95 {p95(during) * 1000:.0f} ms during, {p95(baseline) * 1000:.0f} ms before"
    assert memory_after - memory_before <= 100, f"the Rasa server grew from {memory_before:.0f} to {memory_after:.0f} MB"
