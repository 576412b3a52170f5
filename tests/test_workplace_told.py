"""Where someone works, told with their job after another workplace was said: what they say last of their own work
counts, over REST. The questions expected come from the knowledge base."""
from __future__ import annotations

import pytest

from tests.conversation import Conversation

pytestmark = pytest.mark.assistant


def test_a_workplace_told_with_the_job_after_another_replaces_it(assistant, kb):
    schools, health = kb.question("involvement", "schools"), kb.question("involvement", "health")
    chat = Conversation(assistant)
    chat.say("I work in the hospital laundry.")  # a workplace, no job yet: the job is asked
    text = chat.say("actually I'm a teacher at a primary school.")
    assert schools.text in text and health.text not in text
    chat = Conversation(assistant)
    chat.say("I work for the NHS")
    text = chat.say("school nurse")  # no correction: the employer said stands
    assert health.text in text and schools.text not in text
