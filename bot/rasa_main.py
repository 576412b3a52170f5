"""Rasa's own command line, with one speed fix: the action-server reply schema is compiled once.

Rasa 3.6 checks every reply from the action server with `jsonschema.validate`, which checks
the schema itself against its metaschema on every call before validating the reply. A form
turn makes two such calls, and the profile of a level-finding conversation showed a fifth of
the Rasa server's time there. The fix validates against a validator built once; replies are
checked exactly as before, and an invalid reply still raises the same error.

    python -m bot.rasa_main run --model ...     (what `send-guide serve` runs)
"""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any, Dict, Text

import jsonschema
from rasa.core.actions.action import RemoteAction


@lru_cache(maxsize=1)
def _reply_validator() -> Any:
    spec = RemoteAction.action_response_format_spec()
    validator = jsonschema.validators.validator_for(spec)
    validator.check_schema(spec)
    return validator(spec)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    error = jsonschema.exceptions.best_match(_reply_validator().iter_errors(result))  # as jsonschema.validate picks it
    if error is not None:
        error.message += ". Failed to validate Action server response from API, make sure your response from the Action endpoint is valid."
        raise error
    return True


def main() -> None:
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
