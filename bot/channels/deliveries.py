"""Which Slack events have already been taken in, so a retry is never answered twice.

In one process a dictionary is enough. With several replicas (``REDIS_URL`` set) Slack's
retry may reach a different replica from the first delivery, so the ids are kept in Redis
with an atomic SET NX, which only the first delivery wins.
"""
from __future__ import annotations

import os
import time
from typing import Dict, Optional, Text

KEY_PREFIX = "send_guide:slack_event:"
REMEMBER_FOR = 3600  # seconds; Slack retries within minutes


class Deliveries:
    def __init__(self, redis_url: Optional[Text] = None) -> None:
        from bot.lock_store import redis_client

        url = redis_url if redis_url is not None else os.environ.get("REDIS_URL", "").strip()
        self.redis = redis_client(url) if url else None
        self.seen: Dict[Text, float] = {}

    def first(self, event_id: Text) -> bool:
        """True for the first delivery of this event id, False for every later one."""
        if self.redis is not None:
            return bool(self.redis.set(KEY_PREFIX + event_id, b"1", nx=True, ex=REMEMBER_FOR))
        now = time.monotonic()
        for old in [k for k, t in self.seen.items() if now - t > REMEMBER_FOR]:
            del self.seen[old]
        if event_id in self.seen:
            return False
        self.seen[event_id] = now
        return True
