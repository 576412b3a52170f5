"""Where to train, asked before the level is settled: the ways and sources of the least level the person needs, then
the question that decides whether more applies, over REST. Expected lines come from the knowledge base."""
from __future__ import annotations

import pytest

from tests.conversation import Conversation

pytestmark = pytest.mark.assistant


def test_where_to_train_asked_with_a_job_shows_where_to_train_for_the_least_they_need(assistant, kb):
    from actions.replies import WHERE_FOR_LEAST

    least = kb.level("level-2")
    assert least.sources and all(s.url for s in least.sources)
    chat = Conversation(assistant)
    text = chat.say("GP receptionist, I see children with SEND at the desk. Where can I do my SEND training online?")
    assert f"So far you need at least {least.name}" in text and WHERE_FOR_LEAST.format(level=least.name) in text
    assert all(s.url in text for s in least.sources) and "Which of these is true of your work?" in text
    assert text.index(WHERE_FOR_LEAST.format(level=least.name)) < text.index("Which of these is true of your work?")
    text = Conversation(assistant).say("GP receptionist, I see children with SEND at the desk.")  # not asked: the question alone
    assert f"So far you need at least {least.name}" in text and WHERE_FOR_LEAST.split("{")[0] not in text
