"""How much hostile staff-list uploads slow other people's chat: p95 turn time before and during.

    .venv/bin/python scripts/hostile_uploads.py [--seconds 12] [--people 2]

Starts the assistant as `send-guide serve` does (one Rasa server, one action server, SQLite), warms it
up, measures `--people` holding conversations back to back for `--seconds`, then again while the
hostile files of tests/hostile.py are uploaded one after another to the web page's staff-list check.
Prints both p95s, their ratio, each upload's outcome and time, and the Rasa server's memory. The test
(tests/test_hostile_uploads.py) asserts only what does not depend on the machine's load.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.serve import Assistant, ensure_model  # noqa: E402
from knowledge.guide import build  # noqa: E402
from tests import hostile  # noqa: E402
from tests.chatter import chat_while, rss_mb, upload_all  # noqa: E402
from tests.services import UNLIMITED, free_port  # noqa: E402


def p95(values: list) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12, help="length of the baseline")
    parser.add_argument("--people", type=int, default=2, help="people chatting at once")
    args = parser.parse_args()
    files = {name: (filename, make()) for name, (filename, make) in hostile.FILES.items()}
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{Path(folder) / 'send_guide.db'}"
        build(db)
        with open(Path(folder) / "servers.log", "w") as log:
            assistant = Assistant(ensure_model(sys.stderr), free_port(), free_port(), db, log=log, env=UNLIMITED).start()
            try:
                server = assistant.processes[0].pid
                chat_while(assistant.url, None, 4, args.people)  # warm up
                before, lost_before = chat_while(assistant.url, None, args.seconds, args.people)
                memory_before = rss_mb(server)
                outcomes: dict = {}
                during, lost_during = chat_while(assistant.url, lambda: outcomes.update(upload_all(assistant.url, files)),
                                                 people=args.people)
                memory_after = rss_mb(server)
            finally:
                assistant.stop()
    print(f"p95 before: {p95(before) * 1000:.0f} ms ({len(before)} turns, {len(lost_before)} unanswered)")
    print(f"p95 during: {p95(during) * 1000:.0f} ms ({len(during)} turns, {len(lost_during)} unanswered), "
          f"x{p95(during) / p95(before):.2f}; slowest turn {max(during):.1f} s")
    print(f"Rasa server memory: {memory_before:.0f} -> {memory_after:.0f} MB")
    for name, (status, _, took) in outcomes.items():
        print(f"  {name}: HTTP {status} in {took:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
