"""Keep what people type out of the Rasa server's structured logs.

Rasa's structlog events carry message text, slots and entities under known keys (the
REST channel logs a failed message's text at error level, for one). Rasa runs every
event through its anonymiser first; this replaces that anonymiser with one that
withholds those keys' values at every level.
"""
from __future__ import annotations

from typing import Any, Dict

from rasa.utils import log_utils

WITHHELD = "[withheld]"
PERSONAL_KEYS = frozenset({
    "text", "response_text", "user_text", "user_message", "message", "response", "json_message",
    "slot_values", "prefilled_slots", "slot_candidates", "parse_data_text", "parse_data_entities",
    "entity", "current_entity", "next_entity", "token_text", "prediction_events", "tracker_latest_message",
    "rasa_event", "rasa_events", "tracker_states", "current_states", "old_states", "states", "successes",
})


def withhold(_: Any, __: str, event_dict: Dict[str, Any]) -> Dict[str, Any]:
    for key in PERSONAL_KEYS.intersection(event_dict):
        event_dict[key] = WITHHELD
    return event_dict


def install() -> None:
    """Must run before Rasa configures structlog, which reads the anonymiser then."""
    log_utils._anonymizer = withhold  # type: ignore[attr-defined]
