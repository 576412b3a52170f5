"""Fair use of the anonymous channels (bot/fair_use.py, deploy/nginx.conf): the limits' arithmetic over
many generated request patterns, and the real Rasa server alone and behind nginx refusing one client
with 429 while another carries on. How much this keeps one person's turns fast is measured by
scripts/fair_use.py, not asserted here."""
from __future__ import annotations

import asyncio
import json
import re
import threading
import uuid
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import fair_use
from bot.fair_use import DEFAULTS, STALE, TOO_MANY, Limits
from bot.preflight import Unreachable, check
from tests.chatter import session_from
from tests.services import NGINX_CONF

HISTORY = uuid.uuid4().hex  # a conversation id for the page's history route


def limits(per_minute=60, burst=5, connections=2, proxies=()):
    return Limits(per_minute, burst, connections, fair_use.trusted_proxies({"SEND_GUIDE_TRUSTED_PROXIES": ",".join(proxies)}))


# --- whose request it is -------------------------------------------------------------------------------

def test_the_address_is_the_connection_s_own_unless_it_comes_from_a_trusted_proxy():
    plain, proxied = limits(), limits(proxies=("127.0.0.1", "10.0.0.0/8"))
    assert plain.address("127.0.0.1", "203.0.113.9") == "127.0.0.1"  # nobody trusted: the header is anyone's to write
    assert proxied.address("198.51.100.7", "203.0.113.9") == "198.51.100.7"  # not from the proxy: the header is ignored
    assert proxied.address("127.0.0.1", "203.0.113.9") == "203.0.113.9"
    # a client's own header comes first; the proxies append what they saw, and the last untrusted hop is the client
    assert proxied.address("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.1.2.3") == "203.0.113.9"
    assert proxied.address("127.0.0.1", "10.1.2.3") == "127.0.0.1"  # only proxies: the proxy is the client
    assert proxied.address("127.0.0.1", "not an address") == "127.0.0.1"
    assert proxied.address("127.0.0.1", "[2001:db8::1]") == "2001:db8::1"


@pytest.mark.parametrize("setting, value", [("PER_MINUTE", "lots"), ("BURST", "-1"), ("CONNECTIONS", "2.5")])
def test_a_setting_that_is_not_a_whole_number_stops_the_server_naming_it(tmp_path, setting, value):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}", f"SEND_GUIDE_FAIR_USE_{setting}": value}
    with pytest.raises(Unreachable, match=f"SEND_GUIDE_FAIR_USE_{setting} must be a whole number"):
        check(env)


def test_an_unreadable_trusted_proxy_stops_the_server_naming_it(tmp_path):
    with pytest.raises(Unreachable, match="SEND_GUIDE_TRUSTED_PROXIES"):
        check({"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}", "SEND_GUIDE_TRUSTED_PROXIES": "the load balancer"})


def test_the_defaults_apply_when_nothing_is_set_and_zero_turns_a_limit_off():
    assert Limits.from_env({}) == Limits(DEFAULTS["PER_MINUTE"], DEFAULTS["BURST"], DEFAULTS["CONNECTIONS"])
    off = Limits.from_env({"SEND_GUIDE_FAIR_USE_PER_MINUTE": "0", "SEND_GUIDE_FAIR_USE_CONNECTIONS": "0"})
    assert not off.on
    assert all(off.take("a", t) is None and off.enter("a", t, t) for t in range(1000))


# --- how many, how often ---------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(per_minute=st.integers(1, 600), burst=st.integers(1, 30),
       gaps=st.lists(st.floats(0, 5, allow_nan=False), min_size=1, max_size=200))
def test_no_window_lets_through_more_than_its_burst_and_its_rate(per_minute, burst, gaps):
    """Over any stretch of time an address gets at most its burst plus what the rate earns in that time,
    and a refusal says how long until the next request would be let through."""
    bucket, now, allowed = limits(per_minute, burst), 0.0, []
    for gap in gaps:
        now += gap
        wait = bucket.take("client", now)
        if wait is None:
            allowed.append(now)
        else:
            assert wait >= 1
            assert bucket.take("client", now + wait) is None  # the wait it gives is long enough
            bucket = limits(per_minute, burst)  # (that probe spent a token: start over from here)
            allowed = []
    for i, start in enumerate(allowed):
        for j in range(i, len(allowed)):
            assert j - i + 1 <= burst + (allowed[j] - start) * per_minute / 60 + 1e-6


@settings(max_examples=100, deadline=None)
@given(per_minute=st.integers(1, 600), burst=st.integers(1, 30))
def test_a_person_within_the_rate_is_never_refused(per_minute, burst):
    bucket = limits(per_minute, burst)
    assert all(bucket.take("person", i * 60 / per_minute) is None for i in range(500))


def test_a_burst_is_let_through_at_once_and_the_next_request_told_when_to_come_back():
    bucket = limits(per_minute=6, burst=3)
    assert [bucket.take("a", 0.0) for _ in range(3)] == [None, None, None]
    assert bucket.take("a", 0.0) == 10  # one request every ten seconds
    assert bucket.take("b", 0.0) is None  # another address has its own allowance
    assert bucket.take("a", 10.0) is None


def test_requests_in_hand_are_capped_and_let_go_when_answered_or_stale():
    bucket = limits(connections=2)
    assert bucket.enter("a", 1, 0.0) and bucket.enter("a", 2, 0.0)
    assert not bucket.enter("a", 3, 0.0) and bucket.enter("b", 3, 0.0)
    bucket.leave("a", 1)
    assert bucket.enter("a", 4, 1.0)
    assert not bucket.enter("a", 5, 2.0)
    assert bucket.enter("a", 6, STALE + 1)  # a response that never came does not hold a place for ever
    for request in (4, 6):
        bucket.leave("a", request)
    assert "a" not in bucket._in_hand  # nothing kept for an address with nothing in hand


@pytest.mark.parametrize("ending", [None, ValueError, asyncio.CancelledError])
def test_a_request_s_place_is_given_back_however_its_handler_ends(ending):
    """Answered, failed, or cancelled because the client went away (when Sanic runs no response middleware)."""
    bucket = limits(connections=1)

    async def handler(request):
        if ending:
            raise ending()
        return "answered"

    request = SimpleNamespace(ctx=SimpleNamespace(fair_use="a"))
    assert bucket.enter("a", id(request), 0.0) and not bucket.enter("a", 2, 0.0)
    try:
        asyncio.run(fair_use.released(handler, bucket)(request))
    except (ValueError, asyncio.CancelledError):
        pass
    assert bucket.enter("a", 3, 0.0)


def test_memory_is_bounded_however_many_addresses_come(monkeypatch):
    monkeypatch.setattr(fair_use, "ADDRESSES", 100)
    bucket = limits()
    for n in range(5000):
        bucket.take(f"10.0.{n // 256}.{n % 256}", 0.0)
    assert len(bucket._buckets) == 100


@pytest.mark.parametrize("path, limited", [
    ("/webhooks/rest/webhook", True), ("/webhooks/rest/", True), ("/webhooks/webchat/webhook", True),
    ("/webhooks/webchat/history", True), ("/webhooks/webchat/staff", True), ("/webhooks/webchat/report.html", True),
    ("/webhooks/webchat/", False), ("/webhooks/webchat/static/chat.js", False), ("/webhooks/webchat/health", False),
    ("/webhooks/slack/webhook", False), ("/webhooks/botframework/webhook", False), ("/", False)])
def test_only_the_anonymous_routes_that_do_work_are_limited(path, limited):
    assert fair_use.limited(path) is limited


def test_nginx_refuses_with_the_servers_own_line_and_limits_only_the_anonymous_routes():
    conf = NGINX_CONF.read_text()
    body = re.search(r"return 429 '(.*)';", conf).group(1)
    assert json.loads(body)["error"] == TOO_MANY
    limited = re.findall(r"location (\S+) \{\s*limit_req zone=fair_use_rate", conf)
    assert sorted(limited) == sorted(fair_use.ROUTES)
    free = re.findall(r"location (?:= )?(\S+) \{\s*proxy_pass http://rasa_servers;", conf)
    assert set(fair_use.FREE) | {fair_use.FREE_UNDER} <= set(free)


# --- the real servers --------------------------------------------------------------------------------

def _get(address: str, url: str, **headers):
    return session_from(address).get(url, headers=headers, timeout=30)


def _until_refused(address: str, url: str, most: int = 40, **headers):
    """Requests from `address` until one is refused: those let through, and the refusal."""
    session, passed = session_from(address), 0
    for _ in range(most):
        reply = session.get(url, headers=headers, timeout=30)
        if reply.status_code == 429:
            return passed, reply
        assert reply.status_code == 200, reply.text
        passed += 1
    raise AssertionError(f"{most} requests from one address were all let through")


def _refusal(reply) -> int:
    assert reply.status_code == 429 and reply.json()["error"] == TOO_MANY
    return int(reply.headers["Retry-After"])


@pytest.mark.assistant
def test_one_address_over_its_burst_is_refused_while_another_person_is_answered(limited):
    passed, refusal = _until_refused("127.0.0.2", f"{limited.assistant.url}/webhooks/rest/")
    assert passed == limited.limits.burst
    assert _refusal(refusal) == 60 // limited.limits.per_minute  # the time one request's allowance takes to come back
    reply = session_from("127.0.0.3").post(f"{limited.assistant.url}/webhooks/rest/webhook",
                                           json={"sender": uuid.uuid4().hex, "message": "I'm a DHO"}, timeout=60)
    assert reply.status_code == 200 and "You need Level 5" in reply.text
    assert _get("127.0.0.2", f"{limited.assistant.url}/webhooks/webchat/history?sender={HISTORY}").status_code == 429
    for free in ("/webhooks/webchat/", "/webhooks/webchat/static/chat.js", "/webhooks/webchat/health"):
        assert _get("127.0.0.2", limited.assistant.url + free).status_code == 200  # a person told to wait can reload
    slack = session_from("127.0.0.2").post(f"{limited.assistant.url}/webhooks/slack/webhook", json={}, timeout=30)
    assert slack.status_code != 429  # Slack and Teams keep their own limits


@pytest.mark.assistant
def test_one_address_gets_only_so_many_turns_in_hand_and_its_places_come_back(limited):
    url, sender, start = f"{limited.assistant.url}/webhooks/rest/webhook", uuid.uuid4().hex, threading.Barrier(8)
    statuses = []

    def turn() -> None:
        session = session_from("127.0.0.4")
        start.wait()
        statuses.append(session.post(url, json={"sender": sender, "message": "what is level 2?"}, timeout=60).status_code)

    threads = [threading.Thread(target=turn) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(200) >= limited.limits.connections and 429 in statuses
    assert _get("127.0.0.4", f"{limited.assistant.url}/webhooks/rest/").status_code == 200  # nothing left held


@pytest.mark.assistant
def test_nginx_refuses_one_client_with_retry_after_and_lets_another_through(limited):
    nginx = limited.nginx
    _, refusal = _until_refused("127.0.0.5", f"{nginx.url}/webhooks/webchat/history?sender={HISTORY}")
    assert _refusal(refusal) >= 1
    for free in ("/webhooks/webchat/", "/webhooks/webchat/static/chat.css", "/webhooks/webchat/health"):
        assert _get("127.0.0.5", nginx.url + free).status_code == 200
    reply = session_from("127.0.0.6").post(f"{nginx.url}/webhooks/rest/webhook",
                                           json={"sender": uuid.uuid4().hex, "message": "I'm a DHO"}, timeout=60)
    assert reply.status_code == 200 and "You need Level 5" in reply.text


@pytest.mark.assistant
def test_behind_a_trusted_proxy_the_server_limits_each_client_not_the_proxy(limited):
    through = limited.open_nginx.url  # nginx with its own limits off: only the Rasa server's count
    passed, refusal = _until_refused("127.0.0.7", f"{through}/webhooks/rest/")
    assert passed == limited.limits.burst and _refusal(refusal) == 60 // limited.limits.per_minute
    assert _get("127.0.0.8", f"{through}/webhooks/rest/").status_code == 200  # another client through the same proxy
    # a client cannot borrow another's allowance by writing the header: directly, or through the proxy
    assert _get("127.0.0.9", f"{limited.assistant.url}/webhooks/rest/", **{"X-Forwarded-For": "127.0.0.7"}).status_code == 200
    assert _get("127.0.0.10", f"{through}/webhooks/rest/", **{"X-Forwarded-For": "127.0.0.7"}).status_code == 200
    assert _get("127.0.0.7", f"{through}/webhooks/rest/", **{"X-Forwarded-For": "127.0.0.8"}).status_code == 429

