"""Hostile staff lists uploaded to the web page while other people chat: each is refused or read within
its limits, and the others' turns and the Rasa server's memory are unaffected.

Two people hold conversations back to back while the files are checked: every turn is answered,
each within TURN_BOUND seconds however busy the machine, and the Rasa server's resident memory grows
by at most 100 MB. How much the uploads slow the others (p95 before and during) depends on the
machine's load, so it is measured by `scripts/hostile_uploads.py` and reported, not asserted here.
"""
from __future__ import annotations

from typing import Dict

import pytest

from knowledge.staff.files import WEB_LIMITS
from tests import hostile
from tests.chatter import chat_while, rss_mb, upload_all

pytestmark = pytest.mark.assistant

TURN_BOUND = 30  # seconds: far above any turn on a quiet machine, far below a server held up by a file
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


def test_hostile_uploads_are_refused_or_read_while_others_chat_unaffected(assistant):
    files = {name: (filename, make()) for name, (filename, make) in hostile.FILES.items()}
    server = assistant.processes[0].pid  # the Rasa server: started first
    chat_while(assistant.url, None, 2)  # warm up
    memory_before = rss_mb(server)
    outcomes: Dict[str, tuple] = {}
    during, unanswered = chat_while(assistant.url, lambda: outcomes.update(upload_all(assistant.url, files)))
    memory_after = rss_mb(server)
    for name, (status, says) in EXPECTED.items():
        got_status, got_text, took = outcomes[name]
        assert (got_status, says in got_text) == (status, True), (name, got_status, got_text[:300])
        assert took < WEB_LIMITS.seconds + 5, (name, took)
        assert "Traceback" not in got_text
    assert not unanswered, f"turns not answered: {unanswered[:5]}"
    assert len(during) >= 20, "people kept chatting while the files were checked"
    assert max(during) < TURN_BOUND, f"a turn took {max(during):.1f} s while the files were checked"
    assert memory_after - memory_before <= 100, f"the Rasa server grew from {memory_before:.0f} to {memory_after:.0f} MB"
