"""The lock store that keeps each conversation's turns in order, in one process or across replicas.

Rasa takes a ticket on a conversation's lock before it handles a message, and the ticket
order is the turn order. With one Rasa server the tickets live in memory. With several
replicas they must live in Redis (``REDIS_URL``), and every change to a lock must be
atomic: Rasa's own RedisLockStore reads, changes and writes a lock in separate calls, so
two replicas taking a ticket at the same moment can both get ticket 0 and handle the
same conversation at once. Here each change is one Redis transaction (WATCH/MULTI),
retried when another replica changed the lock first.

endpoints.yml names this class; Rasa builds it with ``endpoint_config``.
"""
from __future__ import annotations

import json
import os
import time
from typing import Any, Callable, Dict, Optional, Text, Tuple, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockStore

KEY_PREFIX = "send_guide:lock:"
SOCKET_TIMEOUT = 5.0  # seconds; a Redis that stops answering is an error, not a hang
T = TypeVar("T")
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], T]]


def redis_client(url: Text) -> Any:
    import redis

    return redis.Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=SOCKET_TIMEOUT)


class ConversationLockStore(LockStore):
    """Ticket locks in Redis when ``REDIS_URL`` is set, else in this process's memory."""

    def __init__(self, endpoint_config: Any = None, url: Optional[Text] = None) -> None:
        url = url or os.environ.get("REDIS_URL", "").strip() or None
        self.redis = redis_client(url) if url else None
        self.memory: Dict[Text, TicketLock] = {}
        super().__init__()

    @property
    def shared(self) -> bool:
        return self.redis is not None

    def _change(self, conversation_id: Text, change: Change[T]) -> T:
        """Apply `change` to the stored lock atomically; a lock left with no tickets is deleted."""
        if self.redis is None:  # one event loop: nothing runs between the read and the write
            lock, result = change(self.memory.get(conversation_id))
            self._put_in_memory(conversation_id, lock)
            return result
        key = KEY_PREFIX + conversation_id

        def transaction(pipe: Any) -> T:
            raw = pipe.get(key)
            lock, result = change(TicketLock.from_dict(json.loads(raw)) if raw else None)
            pipe.multi()
            if lock is not None and lock.is_someone_waiting():
                pipe.set(key, lock.dumps(), px=int(_latest_expiry_ms(lock)))
            else:
                pipe.delete(key)
            return result

        return self.redis.transaction(transaction, key, value_from_callable=True)

    def _put_in_memory(self, conversation_id: Text, lock: Optional[TicketLock]) -> None:
        if lock is not None and lock.is_someone_waiting():
            self.memory[conversation_id] = lock
        else:
            self.memory.pop(conversation_id, None)

    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        if self.redis is None:
            return self.memory.get(conversation_id)
        raw = self.redis.get(KEY_PREFIX + conversation_id)
        return TicketLock.from_dict(json.loads(raw)) if raw else None

    def save_lock(self, lock: TicketLock) -> None:
        self._change(lock.conversation_id, lambda _: (lock, None))

    def delete_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, lambda _: (None, None))

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: Optional[TicketLock]) -> Tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        return self._change(conversation_id, take)

    def update_lock(self, conversation_id: Text) -> None:
        def tidy(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, tidy)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        def done(lock: Optional[TicketLock]) -> Tuple[Optional[TicketLock], None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._change(conversation_id, done)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Give the ticket back; the lock goes with the last ticket (in the same transaction)."""
        self.finish_serving(conversation_id, ticket_number)


def _latest_expiry_ms(lock: TicketLock) -> float:
    """Redis keeps a lock no longer than its last ticket lives, so a stopped replica leaves nothing behind."""
    return max(1.0, (max(t.expires for t in lock.tickets) - time.time()) * 1000 + 1000)
