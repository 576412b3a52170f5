"""Bot Framework authentication: checking the token on each incoming activity, and getting one for replies.

Incoming, as Microsoft's Bot Connector documentation asks: an RS256 token signed by a key
published at the OpenID metadata's `jwks_uri`, issued by the Bot Framework, for this bot's app
id, within its validity (five minutes' clock skew), whose `serviceUrl` is the activity's, and
whose key is endorsed for the activity's channel. Keys are fetched on first need, with a
timeout, kept for a day, and fetched again (at most every five minutes) for an unknown key id,
so the server starts with no network.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, Dict, Optional

import aiohttp
import jwt

OPENID_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
TOKEN_URL = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"
ISSUER = "https://api.botframework.com"
SCOPE = "https://api.botframework.com/.default"
CLOCK_SKEW = 300  # seconds
KEYS_FOR = 24 * 3600  # seconds a fetched key set is trusted
REFETCH_AFTER = 300  # seconds between fetches prompted by an unknown key id
TIMEOUT = aiohttp.ClientTimeout(total=10)


class Unauthorized(Exception):
    """The activity's token is missing or fails a check; the reason is safe to log."""


class KeysUnavailable(Exception):
    """Microsoft's keys could not be fetched, so no token can be checked now."""


@dataclass
class Settings:
    app_id: str
    app_password: str
    openid_url: str = OPENID_URL
    token_url: str = TOKEN_URL
    issuer: str = ISSUER


@dataclass
class SigningKeys:
    openid_url: str
    keys: Dict[str, Dict[str, Any]] = field(default_factory=dict)
    fetched_at: float = float("-inf")
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def get(self, kid: str) -> Dict[str, Any]:
        async with self.lock:
            age = time.monotonic() - self.fetched_at
            if age > KEYS_FOR or (kid not in self.keys and age > REFETCH_AFTER):
                await self._fetch()
        if kid not in self.keys:
            raise Unauthorized("the token is signed with an unknown key")
        return self.keys[kid]

    async def _fetch(self) -> None:
        try:
            async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
                async with session.get(self.openid_url) as reply:
                    reply.raise_for_status()
                    jwks_uri = (await reply.json(content_type=None))["jwks_uri"]
                async with session.get(jwks_uri) as reply:
                    reply.raise_for_status()
                    keys = (await reply.json(content_type=None))["keys"]
        except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, TypeError, ValueError) as error:
            raise KeysUnavailable(f"could not fetch the Bot Framework signing keys: {type(error).__name__}") from error
        self.keys = {k["kid"]: k for k in keys if isinstance(k, dict) and "kid" in k}
        self.fetched_at = time.monotonic()


class TokenVerifier:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.keys = SigningKeys(settings.openid_url)

    async def verify(self, authorization: Optional[str], activity: Dict[str, Any]) -> Dict[str, Any]:
        """The token's claims, if it passes every check for this activity; else Unauthorized."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("no bearer token")
        try:
            header = jwt.get_unverified_header(token.strip())
        except jwt.PyJWTError as error:
            raise Unauthorized("the token is not a JWT") from error
        if header.get("alg") != "RS256" or not isinstance(header.get("kid"), str):
            raise Unauthorized("the token is not signed with RS256 and a key id")
        jwk = await self.keys.get(header["kid"])
        try:
            claims = jwt.decode(token.strip(), jwt.PyJWK(jwk, "RS256").key, algorithms=["RS256"], audience=self.settings.app_id,
                                issuer=self.settings.issuer, leeway=CLOCK_SKEW, options={"require": ["exp", "iss", "aud"]})
        except jwt.PyJWTError as error:
            raise Unauthorized(f"the token fails a check: {type(error).__name__}") from error
        if claims.get("serviceUrl") != activity.get("serviceUrl"):
            raise Unauthorized("the token was issued for another service address")
        endorsements = jwk.get("endorsements")
        if endorsements and activity.get("channelId") not in endorsements:
            raise Unauthorized("the signing key is not endorsed for this channel")
        return claims


@dataclass
class ReplyToken:
    """The bot's own token for posting replies, from the client-credentials grant, reused until near expiry."""

    settings: Settings
    token: Optional[str] = None
    expires_at: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def get(self) -> str:
        async with self.lock:
            if self.token is None or time.monotonic() > self.expires_at - 300:
                form = {"grant_type": "client_credentials", "client_id": self.settings.app_id,
                        "client_secret": self.settings.app_password, "scope": SCOPE}
                async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
                    async with session.post(self.settings.token_url, data=form) as reply:
                        reply.raise_for_status()
                        body = await reply.json(content_type=None)
                self.token, self.expires_at = body["access_token"], time.monotonic() + int(body.get("expires_in", 3600))
            return self.token
