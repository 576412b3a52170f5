"""People chatting over REST while something else happens: used by the hostile-uploads test (every turn
answered, each within a generous bound) and by scripts/hostile_uploads.py (which reports the p95s)."""
from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

import requests
from requests.adapters import HTTPAdapter

from bot.bounds import REQUEST_BYTES
from knowledge.staff.files import WEB_LIMITS

CHAT = ["hello", "I'm a school nurse", "none of these", "what is level 2?", "start again"]


class _From(HTTPAdapter):
    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().init_poolmanager(*args, **kwargs, source_address=(self.address, 0))


def session_from(address: str) -> requests.Session:
    """A session whose connections come from another loopback address (127.0.0.2, ...): another client."""
    session = requests.Session()
    session.mount("http://", _From(address))
    return session


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def chat_while(url: str, work: Optional[Callable[[], None]], seconds: float = 0, people: int = 2) -> Tuple[List[float], List[str]]:
    """Turn times of `people` holding conversations back to back until ``work`` is done (or for ``seconds``
    without work), and the turns that were not answered."""
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

    threads = [threading.Thread(target=chatter, daemon=True) for _ in range(people)]
    for thread in threads:
        thread.start()
    if work is None:
        time.sleep(seconds)
    else:
        work()
    done.set()
    for thread in threads:
        thread.join(timeout=90)
    return latencies, failures


def upload_all(url: str, files: Dict[str, Tuple[str, bytes]]) -> Dict[str, Tuple[int, str, float]]:
    """Each file sent to the web page's staff-list check in turn: name -> (status, reply text, seconds)."""
    outcomes: Dict[str, Tuple[int, str, float]] = {}
    for name, (filename, data) in files.items():
        started = time.monotonic()
        try:
            reply = requests.post(f"{url}/webhooks/webchat/staff", files={"file": (filename, data)}, timeout=WEB_LIMITS.seconds + 30)
            text = reply.text.replace(" ", "") if reply.ok else reply.text
            if reply.status_code == 413 and len(data) > REQUEST_BYTES:
                text = "refused before its body was read"  # Sanic's own 413, before any of our code
            outcomes[name] = (reply.status_code, text, time.monotonic() - started)
        except requests.ConnectionError:  # the server answered 413 and closed before the body was all sent
            outcomes[name] = (413, "refused before its body was read", time.monotonic() - started)
    return outcomes
