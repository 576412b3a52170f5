"""Staff lists are read and checked in a worker process, apart from the server or command that asked.

Each list gets a fresh Python process. Before it reads anything the worker caps its own address
space at the limits' memory and lowers its priority, and the caller kills it at the time limit,
so a hostile file costs that worker and nobody else: not the Rasa server's event loop, not its
memory, not other people's conversations. The file goes in on stdin and the report comes back
as JSON on stdout; nothing of the file is logged, and the worker's stderr is discarded.

    python -m bot.staff.worker --filename NAME --limits JSON [--out CSV] [--html HTML] [--questions CSV] [--as-of DATE] [--due-days N] < file
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import io
import json
import os
import logging
import signal
import sys
from pathlib import Path
from typing import Any, Dict, Optional

from bot import capped
from bot.capped import EXIT_MEMORY, EXIT_UNAVAILABLE
from knowledge.staff.files import LimitExceeded, StaffLimits, StaffListError

logger = logging.getLogger(__name__)


class WorkerUnavailable(RuntimeError):
    """The worker could not start the work (the knowledge base could not be read): a fault of the service, not the file."""


def _memory_limit(limits: StaffLimits) -> LimitExceeded:
    return LimitExceeded(f"checking the file needed more than the limit of {limits.memory_megabytes:,} MB of memory")


async def check(data: bytes, filename: str, limits: StaffLimits, database_url: Optional[str] = None,
                out: Optional[Path] = None, html: Optional[Path] = None, as_of: Optional[dt.date] = None,
                due_days: int = 60, progress: bool = False, questions: Optional[Path] = None) -> Dict[str, Any]:
    """The staff list's report from a worker process; raises StaffListError (LimitExceeded over a limit).
    With ``progress`` (the command line), a long list shows a progress bar on this process's stderr."""
    command = [sys.executable, "-m", "bot.staff.worker", f"--filename={Path(filename).name or 'staff.csv'}",
               f"--limits={json.dumps(dataclasses.asdict(limits))}", f"--due-days={due_days}"]
    for flag, value in (("--out", out), ("--html", html), ("--as-of", as_of), ("--questions", questions)):
        if value is not None:
            command.append(f"{flag}={value}")  # a value starting with "-" is not taken for an option
    command += ["--progress"] if progress else []
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    if database_url:
        env["DATABASE_URL"] = database_url
    worker = await asyncio.create_subprocess_exec(*command, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                                                  stderr=None if progress else asyncio.subprocess.DEVNULL, env=env)
    try:
        output, _ = await asyncio.wait_for(worker.communicate(data), limits.seconds)
    except asyncio.TimeoutError:
        raise LimitExceeded(f"checking the file took longer than the limit of {limits.seconds:g} seconds") from None
    finally:
        if worker.returncode is None:
            worker.kill()
            await worker.wait()
    try:
        result = json.loads(output) if output else {}
    except ValueError:
        result = {}
    if worker.returncode == 0 and "rows" in result:
        return result
    if worker.returncode == EXIT_MEMORY or worker.returncode == -signal.SIGKILL:  # a MemoryError, or the kernel's OOM killer
        raise _memory_limit(limits)
    if worker.returncode == EXIT_UNAVAILABLE or "error" not in result:
        logger.error("The staff-list worker stopped without a report (exit code %s).", worker.returncode)  # nothing of the file
        raise WorkerUnavailable("the list could not be checked just now; please try again in a few minutes")
    message = str(result.get("error") or "the list could not be checked")
    raise LimitExceeded(message) if result.get("limit") else StaffListError(message)


def _report(args: argparse.Namespace, data: bytes, limits: StaffLimits, guide: Any) -> Dict[str, Any]:
    from tqdm import tqdm

    from bot.staff import report as staff_report
    from knowledge.staff import assess, summarise
    from knowledge.staff.input import read

    staff = read(data, args.filename, limits)
    results = assess(guide, staff, args.as_of, args.due_days)
    if args.progress and len(staff.rows) >= 5000:
        results = tqdm(results, total=len(staff.rows), unit="row", file=sys.stderr)
    results = list(results)
    summary = summarise(results)
    report = {"columns": staff.mapping, "rows": summary.rows, "per_level": dict(summary.per_level),
              "open_questions": summary.open_questions.most_common(), "unrecognised": summary.unrecognised_titles.most_common(20),
              "unrecognised_total": sum(summary.unrecognised_titles.values()), "rows_with_problems": summary.rows_with_problems,
              "notes": staff.problems}
    if args.out:
        with args.out.open("w", newline="", encoding="utf-8") as file:
            staff_report.write_csv(results, file)
    else:
        text = io.StringIO()
        staff_report.write_csv(results, text)
        report["csv"] = text.getvalue()
    if args.html:
        with args.html.open("w", encoding="utf-8") as file:
            staff_report.write_html(results, summary, staff.mapping, file)
    report["open_for"] = staff_report.open_for(results)
    if args.questions:
        with args.questions.open("w", newline="", encoding="utf-8") as file:
            staff_report.write_questions(results, file)
    elif not args.out:
        text = io.StringIO()
        staff_report.write_questions(results, text)
        report["questions_csv"] = text.getvalue()
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description="check one staff list from stdin (run by bot.staff.worker.check)")
    parser.add_argument("--filename", required=True)
    parser.add_argument("--limits", required=True, type=lambda v: StaffLimits(**json.loads(v)))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--html", type=Path)
    parser.add_argument("--questions", type=Path)
    parser.add_argument("--as-of", type=dt.date.fromisoformat)
    parser.add_argument("--due-days", type=int, default=60)
    parser.add_argument("--progress", action="store_true", help="a progress bar on stderr for a long list")
    args = parser.parse_args()
    limits: StaffLimits = args.limits
    try:  # everything the work needs is loaded, and the knowledge base read, before the cap
        import openpyxl  # noqa: F401
        from knowledge.guide import Guide

        guide = Guide.open()
    except Exception as error:
        sys.stdout.write(json.dumps({"error": f"the knowledge base could not be read ({type(error).__name__})"}))
        return EXIT_UNAVAILABLE
    def work() -> Dict[str, Any]:
        data = sys.stdin.buffer.read(int(limits.file_megabytes * 2**20) + 1)
        return _report(args, data, limits, guide)

    return capped.run(limits.memory_megabytes, work, StaffListError,
                      lambda error: {"error": str(error), "limit": isinstance(error, LimitExceeded)}, "the list could not be checked")

if __name__ == "__main__":
    sys.exit(main())
