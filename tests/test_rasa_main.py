"""The compiled reply validator accepts and refuses exactly what Rasa's own check does."""
from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot.rasa_main import _validate_action_result

REPLIES = [
    {"events": [{"event": "slot", "name": "role", "value": "porter"}], "responses": [{"text": "hi", "buttons": []}]},
    {"events": [], "responses": []},
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": "not a list", "responses": []},
    {"events": [{"name": "role"}], "responses": [{"text": "x"}]},
]


@pytest.mark.parametrize("reply", REPLIES)
def test_the_compiled_check_agrees_with_jsonschema_validate(reply):
    try:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
        expected = None
    except jsonschema.ValidationError as error:
        expected = error.message
    if expected is None:
        assert _validate_action_result(None, reply) is True
    else:
        with pytest.raises(jsonschema.ValidationError) as raised:
            _validate_action_result(None, reply)
        assert raised.value.message.startswith(expected) and "Action server response" in raised.value.message
