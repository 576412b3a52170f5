"""Rasa's own command line, with the project's changes to the Rasa server installed first.

- `bot.faults`: a failed action server, database or Redis ends the turn with an apology
  and keeps nothing of it, instead of Rasa's silent fallbacks.
- `bot.log_privacy`: no message text in Rasa's structured logs.
- `bot.bounds`: a message too long, or with too many entities, gets a reply naming the bound
  instead of being run through the NLU pipeline; request bodies have a size limit.
- `bot.fair_use`: per-address limits on the REST and web chat routes, on the app Rasa builds.
- `run` checks DATABASE_URL and REDIS_URL first and exits naming the one that fails.
- The REST channel collects an answer as one message with its document attached
  (`bot.channels.collector`), not a text message and a text-less one.
- The action-server reply schema is compiled once. Rasa 3.6 checks every reply with
  `jsonschema.validate`, which checks the schema itself against its metaschema on every
  call; a form turn makes two such calls, a fifth of the server's time in a profile.
  Replies are checked exactly as before, and an invalid reply raises the same error.

    python -m bot.rasa_main run --model ...     (what `send-guide serve` runs)
"""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any, Dict, Text

import jsonschema
from rasa.core.actions.action import RemoteAction

from bot import bounds, fair_use, faults, log_privacy, preflight


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


def _with_fair_use(configure_app: Any) -> Any:
    def configured(*args: Any, **kwargs: Any) -> Any:
        app = configure_app(*args, **kwargs)
        fair_use.install(app)
        return app
    return configured


def main() -> None:
    from rasa.core import run
    from rasa.core.channels import rest

    from bot.channels.collector import AnswerCollector

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    rest.CollectingOutputChannel = AnswerCollector  # one REST message per answer, its document attached
    faults.install()
    log_privacy.install()
    bounds.install()
    run.configure_app = _with_fair_use(run.configure_app)
    if sys.argv[1:2] == ["run"]:
        try:
            preflight.check()
        except preflight.Unreachable as error:
            sys.exit(f"error: the Rasa server cannot start: {error}")
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
