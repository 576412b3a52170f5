"""A document is read in a worker process of its own, as staff lists are (bot/staff/worker.py): before it reads
anything the worker caps its address space at the limits' memory and lowers its priority, and the caller kills
it at the time limit. The file goes in on stdin; its sections come back as JSON on stdout; nothing of the file
is logged, and the worker's stderr is discarded.

    python -m bot.documents.worker --filename NAME < file
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys

from bot import capped
from knowledge.local.parse import LIMITS, DocumentError, DocumentLimits, Parsed



def read(data: bytes, filename: str, limits: DocumentLimits = LIMITS) -> Parsed:
    """The document's sections, read by a worker; raises DocumentError with the reason it cannot be added."""
    command = [sys.executable, "-m", "bot.documents.worker", f"--filename={os.path.basename(filename) or 'document'}",
               f"--memory-megabytes={limits.memory_megabytes}"]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=limits.seconds,
                              env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"})
    except subprocess.TimeoutExpired:
        raise DocumentError(f"reading it took longer than the limit of {limits.seconds:g} seconds") from None
    if done.returncode in (capped.EXIT_MEMORY, -9):
        raise DocumentError(f"reading it needed more than the limit of {limits.memory_megabytes:,} MB of memory")
    result, _ = capped.outcome(done.stdout)
    if done.returncode == 0 and "sections" in result:
        return Parsed(result["kind"], [(h, list(ps)) for h, ps in result["sections"]])
    raise DocumentError(str(result.get("error") or "it could not be read"))


def main() -> int:
    parser = argparse.ArgumentParser(description="read one document from stdin (run by bot.documents.worker.read)")
    parser.add_argument("--filename", required=True)
    parser.add_argument("--memory-megabytes", type=int, default=LIMITS.memory_megabytes)
    args = parser.parse_args()
    from knowledge.local import parse

    import docx, lxml.html, markdown_it, pypdf  # noqa: E401,F401 - loaded before the cap
    def work() -> dict:
        parsed = parse.read(sys.stdin.buffer.read(int(LIMITS.file_megabytes * 2**20) + 1), args.filename)
        return {"kind": parsed.kind, "sections": parsed.sections}

    return capped.run(args.memory_megabytes, work, DocumentError, lambda error: {"error": str(error)}, "it could not be read")

if __name__ == "__main__":
    sys.exit(main())
