"""Fair use of the anonymous channels: per-address limits on the REST and web chat routes.

One client holding many conversations at once would otherwise take the server's time from
everyone else (the lock store only holds back turns of one conversation). Each client address
gets PER_MINUTE requests a minute, in bursts of up to BURST, and at most CONNECTIONS requests in
hand at once; a request over either limit is answered at once with 429, a `Retry-After` header
and a friendly line, before any NLU or action runs. Slack and Teams are not limited here:
their requests all come from the platforms' own addresses, and the platforms keep their limits.

The client's address is the connection's own, unless the connection comes from a proxy named in
SEND_GUIDE_TRUSTED_PROXIES (addresses or networks, comma-separated): then it is the last address
in X-Forwarded-For that is not one of those proxies (nginx appends the address it saw, so a
client cannot pick its own). `deploy/nginx.conf` applies the same limits in front.

Settings (0 turns a limit off): SEND_GUIDE_FAIR_USE_PER_MINUTE, SEND_GUIDE_FAIR_USE_BURST,
SEND_GUIDE_FAIR_USE_CONNECTIONS. Installed by `bot.rasa_main` on the app Rasa builds.
"""
from __future__ import annotations

import functools
import ipaddress
import math
import os
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Tuple

ROUTES = ("/webhooks/rest/", "/webhooks/webchat/")
# The page, its files and the health check do no work and are never limited: a person told to wait can reload.
FREE = ("/webhooks/webchat/", "/webhooks/webchat/health")
FREE_UNDER = "/webhooks/webchat/static/"
DEFAULTS = {"PER_MINUTE": 180, "BURST": 12, "CONNECTIONS": 4}  # a person clicking fast, and a page loading, stay well inside
ADDRESSES = 100_000  # addresses remembered at once; the longest unseen is forgotten first
STALE = 300  # seconds after which a request still counted in hand is let go (one whose response never came)
# shown after "Sorry: " on the page; deploy/nginx.conf gives the same line
TOO_MANY = "you are sending messages faster than I can answer them: please wait a few seconds and send your last one again"


def setting(name: str, env: Mapping[str, str] = os.environ) -> int:
    """One limit's value: SEND_GUIDE_FAIR_USE_<NAME>, or its default."""
    value = env.get(f"SEND_GUIDE_FAIR_USE_{name}", "").strip()
    if not value:
        return DEFAULTS[name]
    if not value.isdigit():
        raise ValueError(f"SEND_GUIDE_FAIR_USE_{name} must be a whole number of 0 or more, not {value!r}")
    return int(value)


def trusted_proxies(env: Mapping[str, str] = os.environ) -> Tuple[Any, ...]:
    names = [n.strip() for n in env.get("SEND_GUIDE_TRUSTED_PROXIES", "").split(",") if n.strip()]
    try:
        return tuple(ipaddress.ip_network(n, strict=False) for n in names)
    except ValueError as error:
        raise ValueError(f"SEND_GUIDE_TRUSTED_PROXIES: {error}") from None


def _ip(text: str) -> Optional[Any]:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


@dataclass
class Limits:
    per_minute: int
    burst: int
    connections: int
    proxies: Tuple[Any, ...] = ()
    _buckets: "OrderedDict[str, Tuple[float, float]]" = field(default_factory=OrderedDict)  # address -> (tokens, when)
    _in_hand: Dict[str, Dict[int, float]] = field(default_factory=dict)  # address -> {request: started}

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "Limits":
        return cls(setting("PER_MINUTE", env), setting("BURST", env), setting("CONNECTIONS", env), trusted_proxies(env))

    @property
    def on(self) -> bool:
        return bool(self.per_minute or self.connections)

    def _trusted(self, address: Optional[Any]) -> bool:
        return address is not None and any(address in network for network in self.proxies)

    def address(self, peer: str, forwarded_for: Optional[str]) -> str:
        """The client's address: the peer's, or through a trusted proxy the last untrusted one it forwarded."""
        if not forwarded_for or not self._trusted(_ip(peer)):
            return peer
        for hop in reversed(forwarded_for.split(",")):
            address = _ip(hop)
            if address is None:
                return peer  # a malformed header: the proxy is the client as far as we can tell
            if not self._trusted(address):
                return str(address)
        return peer

    def take(self, address: str, now: float) -> Optional[int]:
        """Spend one request of the address's allowance: None, or the seconds to wait before the next."""
        if not self.per_minute:
            return None
        capacity = max(self.burst, 1)
        tokens, when = self._buckets.pop(address, (float(capacity), now))
        tokens = min(capacity, tokens + (now - when) * self.per_minute / 60)
        allowed = tokens >= 1 - 1e-9  # (what a wait it gave earns, less rounding)
        self._buckets[address] = (max(tokens - 1, 0.0), now) if allowed else (tokens, now)
        while len(self._buckets) > ADDRESSES:
            self._buckets.popitem(last=False)
        return None if allowed else max(1, math.ceil((1 - tokens) * 60 / self.per_minute))

    def enter(self, address: str, request: int, now: float) -> bool:
        """Count a request in hand, unless the address already has its fill."""
        if not self.connections:
            return True
        in_hand = {r: t for r, t in self._in_hand.get(address, {}).items() if now - t < STALE}
        if len(in_hand) >= self.connections:
            self._in_hand[address] = in_hand
            return False
        in_hand[request] = now
        self._in_hand[address] = in_hand
        return True

    def leave(self, address: str, request: int) -> None:
        in_hand = self._in_hand.get(address)
        if in_hand is not None:
            in_hand.pop(request, None)
            if not in_hand:
                del self._in_hand[address]


def limited(path: str) -> bool:
    return path.startswith(ROUTES) and path not in FREE and not path.startswith(FREE_UNDER)


def too_many(retry_after: int) -> Any:
    from sanic import response

    return response.json({"error": TOO_MANY, "retry_after": retry_after}, status=429,
                         headers={"Retry-After": str(retry_after)})


def install(app: Any, limits: Optional[Limits] = None) -> Limits:
    """Check every request to the limited routes before anything else reads it."""
    limits = limits or Limits.from_env()
    if not limits.on:
        return limits

    async def before(request: Any) -> Any:
        if not limited(request.path):
            return None
        address = limits.address(request.ip, request.headers.get("x-forwarded-for"))
        now = time.monotonic()
        wait = limits.take(address, now)
        if wait is not None:
            return too_many(wait)
        if not limits.enter(address, id(request), now):
            return too_many(1)
        request.ctx.fair_use = address
        return None

    async def after(request: Any, _: Any) -> None:
        address = getattr(request.ctx, "fair_use", None)
        if address is not None:
            request.ctx.fair_use = None
            limits.leave(address, id(request))

    app.register_middleware(before, "request")
    app.register_middleware(after, "response")
    for route in app.router.routes:  # and let go whenever the handler ends: a client gone mid-turn cancels it, and
        if limited("/" + route.path.lstrip("/") + "/"):  # Sanic then runs no response middleware
            route.handler = released(route.handler, limits)
    return limits


def released(handler: Any, limits: Limits) -> Any:
    """A route's handler that gives back its request's place however it ends: answered, failed or cancelled."""
    @functools.wraps(handler)
    async def run(request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await handler(request, *args, **kwargs)
        finally:
            address = getattr(request.ctx, "fair_use", None)
            if address is not None:
                request.ctx.fair_use = None
                limits.leave(address, id(request))
    return run
