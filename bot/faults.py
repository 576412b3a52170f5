"""What the Rasa server does when the action server, the database or Redis fails during a turn.

Rasa's defaults hide these faults and damage the conversation:
- an action that cannot reach the action server is logged and skipped, and the turn
  carries on half done, usually with no reply at all;
- a tracker store that cannot be read is replaced by an empty conversation, and one that
  cannot be written by an in-memory store for the rest of the process's life.

Here any of these stops the turn before the tracker is saved, so nothing of it is kept,
and the person gets a short reply saying to try again. Sending the same message again
once the service is back carries on from where the conversation was.
"""
from __future__ import annotations

import asyncio
import logging
import traceback
from typing import Any, Dict, List, Optional, Text

import aiohttp
from rasa.core import tracker_store as rasa_tracker_store
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import LockError
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.exceptions import RasaException
from redis.exceptions import RedisError

from knowledge.db import quick_sqlite

logger = logging.getLogger(__name__)

CANNOT_LOOK_UP = "Sorry, I can't look that up right now. Please try again shortly."
CANNOT_REACH_RECORDS = ("Sorry, I can't reach my records right now, so I haven't taken in your last message. "
                        "Please try again shortly: we'll carry on from where we were.")
CANNOT_KEEP_ORDER = ("Sorry, I can't keep this conversation in order right now, so I haven't taken in your last "
                     "message. Please try again shortly.")
SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try again."


class TurnAbandoned(BaseException):
    """Ends a turn from inside Rasa's action loop, which catches and carries on after every Exception.

    A BaseException, like asyncio.CancelledError, so that only `handle_message` below stops it.
    """

    def __init__(self, reply: Text, reason: Text) -> None:
        super().__init__(reason)
        self.reply = reply


class RecordsUnavailable(Exception):
    """The tracker store failed: raised instead of Rasa's silent fallback to an empty, in-memory conversation."""


_run_remote_action = RemoteAction.run
_handle_message = Agent.handle_message
_engine_kwargs = rasa_tracker_store.create_engine_kwargs


async def run_remote_action(self: RemoteAction, *args: Any, **kwargs: Any) -> List[Any]:
    """Rasa's remote action, except that a failed call ends the turn rather than being skipped."""
    try:
        return await _run_remote_action(self, *args, **kwargs)
    except ActionExecutionRejection:  # a form's way of saying "not this answer": part of a normal turn
        raise
    except (RasaException, asyncio.TimeoutError, aiohttp.ClientError) as error:
        cause = error.__cause__ or error.__context__ or error
        status = getattr(cause, "status", None)
        raise TurnAbandoned(CANNOT_LOOK_UP, f"action {self.name()} failed: {type(cause).__name__} {status or ''}") from error


def refuse_fallback(error: Exception) -> None:
    raise RecordsUnavailable(type(error).__name__) from error


def create_tracker_store(store: Optional[TrackerStore], domain: Domain) -> TrackerStore:
    """Rasa's FailSafeTrackerStore, told to raise rather than fall back to memory."""
    tracker_store = store or InMemoryTrackerStore(domain)
    tracker_store.domain = domain
    inner = getattr(tracker_store, "_tracker_store", tracker_store)  # inside Rasa's AwaitableTrackerStore
    if isinstance(inner, SQLTrackerStore):
        quick_sqlite(inner.engine)
    return FailSafeTrackerStore(tracker_store, on_tracker_store_error=refuse_fallback)


async def handle_message(self: Agent, message: UserMessage) -> Optional[List[Dict[Text, Any]]]:
    """Rasa's turn, or a short apology when it could not be completed and so was not kept."""
    try:
        return await _handle_message(self, message)
    except TurnAbandoned as stop:
        reply, reason = stop.reply, str(stop)
    except RecordsUnavailable as error:
        reply, reason = CANNOT_REACH_RECORDS, f"tracker store failed: {error}"
    except (LockError, RedisError) as error:
        reply, reason = CANNOT_KEEP_ORDER, f"lock store failed: {type(error).__name__}"
    except Exception as error:  # noqa: BLE001 - the person gets an apology, the log gets where it failed
        frames = "".join(traceback.format_tb(error.__traceback__))  # not the error's message: it may quote the text
        reply, reason = SOMETHING_WENT_WRONG, f"{type(error).__name__} at\n{frames}"
    logger.error("A turn was not kept: %s", reason)  # never the message text
    if isinstance(message.output_channel, CollectingOutputChannel):
        message.output_channel.messages.clear()  # the turn's partial replies were not kept either
    await message.output_channel.send_text_message(message.sender_id, reply)
    return None


def engine_kwargs(url: Any) -> Dict[Text, Any]:
    """Rasa's engine settings plus a liveness check, so pooled connections from before a database restart are replaced."""
    return {**_engine_kwargs(url), "pool_pre_ping": True}


def install() -> None:
    """Patch the Rasa server process; `bot.rasa_main` calls this before Rasa starts."""
    RemoteAction.run = run_remote_action  # type: ignore[method-assign]
    Agent.handle_message = handle_message  # type: ignore[method-assign]
    Agent._create_tracker_store = staticmethod(create_tracker_store)  # type: ignore[method-assign]
    rasa_tracker_store.create_engine_kwargs = engine_kwargs
