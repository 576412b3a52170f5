"""The conversation lock store and the Slack delivery memory, in memory and on a real Redis.

Two store objects on one Redis stand for two Rasa server replicas.
"""
from __future__ import annotations

import asyncio
import threading
import uuid
from typing import List

import pytest

from bot.channels.deliveries import Deliveries
from bot.lock_store import KEY_PREFIX, ConversationLockStore


@pytest.fixture(params=["memory", "redis"])
def make_store(request: pytest.FixtureRequest):
    if request.param == "memory":
        shared = ConversationLockStore(url="")
        return lambda: shared  # one process: every caller shares the one store
    url = request.getfixturevalue("redis_server").url
    return lambda: ConversationLockStore(url=url)


def test_redis_is_used_only_when_a_url_is_given(redis_server, monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert not ConversationLockStore().shared
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    assert ConversationLockStore().shared


def test_tickets_taken_at_the_same_moment_by_eight_replicas_are_all_different(redis_server):
    conversation, tickets, lock = uuid.uuid4().hex, [], threading.Lock()
    start = threading.Barrier(8)

    def take() -> None:
        store = ConversationLockStore(url=redis_server.url)
        start.wait()
        for _ in range(25):
            ticket = store.issue_ticket(conversation)
            with lock:
                tickets.append(ticket)

    threads = [threading.Thread(target=take) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(tickets) == list(range(200))


def test_the_second_replica_waits_until_the_first_has_finished_the_turn(make_store):
    first, second = make_store(), make_store()
    conversation, order = uuid.uuid4().hex, []

    async def turn(store: ConversationLockStore, name: str, hold: float) -> None:
        async with store.lock(conversation, wait_time_in_seconds=0.05):
            order.append(f"{name} starts")
            await asyncio.sleep(hold)
            order.append(f"{name} ends")

    async def both() -> None:
        one = asyncio.create_task(turn(first, "first", 0.3))
        await asyncio.sleep(0.05)
        await turn(second, "second", 0)
        await one

    asyncio.run(both())
    assert order == ["first starts", "first ends", "second starts", "second ends"]
    assert first.get_lock(conversation) is None  # the last ticket given back removes the lock


def test_a_lock_in_redis_expires_with_its_last_ticket(redis_server):
    store = ConversationLockStore(url=redis_server.url)
    conversation = uuid.uuid4().hex
    store.issue_ticket(conversation, lock_lifetime=5)
    assert 0 < store.redis.pttl(KEY_PREFIX + conversation) <= 6000


def test_a_slack_event_is_taken_in_once_across_replicas(redis_server):
    replicas: List[Deliveries] = [Deliveries(redis_server.url), Deliveries(redis_server.url)]
    event = f"Ev{uuid.uuid4().hex}"
    assert [replicas[0].first(event), replicas[1].first(event), replicas[0].first(event)] == [True, False, False]
    assert replicas[1].first(f"Ev{uuid.uuid4().hex}")


def test_one_process_remembers_slack_events_without_redis():
    deliveries = Deliveries("")
    assert deliveries.redis is None
    assert [deliveries.first("Ev1"), deliveries.first("Ev1"), deliveries.first("Ev2")] == [True, False, True]
