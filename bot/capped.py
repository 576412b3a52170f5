"""The part every worker process shares (staff lists, an organisation's documents): cap its own memory and
priority before it reads the file, and give its result as JSON on stdout with an exit code the caller reads,
never a trace (it could quote the file)."""
from __future__ import annotations

import json
import os
import resource
import sys
from typing import Any, Callable, Dict, Tuple, Type

NICENESS = 10  # chat turns on the same machine come first
EXIT_REFUSED, EXIT_MEMORY, EXIT_FAILED, EXIT_UNAVAILABLE = 2, 3, 4, 5


def run(megabytes: int, work: Callable[[], Dict[str, Any]], refused: Type[Exception],
        refusal: Callable[[Exception], Dict[str, Any]], failure: str) -> int:
    """Cap this process at ``megabytes``, do the work, and write its result, or the reason it was refused
    (``refused``, described by ``refusal``), or ``failure`` naming only the kind of error."""
    cap = megabytes * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    os.nice(NICENESS)
    result: Dict[str, Any]
    try:
        result, code = work(), 0
    except refused as error:
        result, code = refusal(error), EXIT_REFUSED
    except MemoryError:
        os._exit(EXIT_MEMORY)  # at the cap, nothing more can be safely allocated, not even the message
    except Exception as error:  # noqa: BLE001 - no trace: it could quote the file
        result, code = {"error": f"{failure} ({type(error).__name__})"}, EXIT_FAILED
    try:
        sys.stdout.write(json.dumps(result))
        sys.stdout.flush()
    except MemoryError:
        os._exit(EXIT_MEMORY)
    return code


def outcome(stdout: bytes) -> Tuple[Dict[str, Any], bool]:
    """A worker's result, and whether it could be read at all."""
    try:
        return json.loads(stdout or b"{}"), True
    except ValueError:
        return {}, False
