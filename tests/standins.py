"""Local stand-ins for Slack's Web API and Microsoft's Bot Framework services, on loopback.

Each records what it receives, so a test can see what the assistant posted and with which token.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

Route = Callable[["StandIn", Dict[str, str], bytes], Tuple[int, Any]]


class StandIn:
    """A tiny HTTP server: `routes` maps "METHOD /path-prefix" to a function of (headers, body)."""

    def __init__(self, routes: Dict[str, Route]) -> None:
        self.routes = routes
        self.received: List[Dict[str, Any]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                key = next((k for k in stand_in.routes if f"{self.command} {self.path}".startswith(k)), None)
                status, reply = (404, {"ok": False}) if key is None else stand_in.routes[key](stand_in, dict(self.headers), body)
                stand_in.received.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body})
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _handle

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def posts(self, path: str) -> List[Dict[str, Any]]:
        return [r for r in self.received if r["method"] == "POST" and r["path"].startswith(path)]

    def wait_for(self, path: str, count: int, timeout: float = 30) -> List[Dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while len(self.posts(path)) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.posts(path)


SLACK_TOKEN = "xoxb-test-token"


def slack_web_api() -> StandIn:
    """Answers chat.postMessage like Slack, when the bot's token is given."""

    def post_message(_: StandIn, headers: Dict[str, str], body: bytes) -> Tuple[int, Any]:
        if headers.get("Authorization") != f"Bearer {SLACK_TOKEN}":
            return 200, {"ok": False, "error": "invalid_auth"}
        return 200, {"ok": True, "channel": json.loads(body).get("channel"), "ts": f"{time.time():.6f}"}

    return StandIn({"POST /api/chat.postMessage": post_message})


class BotFramework:
    """Microsoft's side of a Teams bot: OpenID metadata, signing keys, the token service and the conversation service."""

    APP_ID, APP_PASSWORD, ISSUER, KID = "test-app-id", "test-app-password", "https://api.botframework.com", "test-key"
    REPLY_TOKEN = "reply-token"
    HANDOFF = "/workflows/handoff"

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = {**json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key())), "kid": self.KID, "endorsements": ["msteams"]}
        self.service = StandIn({
            "GET /openid": lambda s, h, b: (200, {"issuer": self.ISSUER, "jwks_uri": f"{s.url}/keys"}),
            "GET /keys": lambda s, h, b: (200, {"keys": [jwk]}),
            "POST /token": self._token,
            "POST /v3/conversations/": self._activity,
            "POST /workflows/handoff": lambda s, h, b: (202, {}),  # a Teams channel's incoming webhook (Workflows)
        })
        self.url = self.service.url

    def _token(self, _: StandIn, headers: Dict[str, str], body: bytes) -> Tuple[int, Any]:
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if (form.get("client_id"), form.get("client_secret")) != (self.APP_ID, self.APP_PASSWORD):
            return 401, {"error": "invalid_client"}
        return 200, {"token_type": "Bearer", "expires_in": 3600, "access_token": self.REPLY_TOKEN}

    def _activity(self, _: StandIn, headers: Dict[str, str], body: bytes) -> Tuple[int, Any]:
        return (201, {"id": "reply"}) if headers.get("Authorization") == f"Bearer {self.REPLY_TOKEN}" else (401, {})

    @property
    def env(self) -> Dict[str, str]:
        return {"MICROSOFT_APP_ID": self.APP_ID, "MICROSOFT_APP_PASSWORD": self.APP_PASSWORD,
                "BOTFRAMEWORK_OPENID_URL": f"{self.url}/openid", "BOTFRAMEWORK_TOKEN_URL": f"{self.url}/token"}

    def token(self, key: Optional[Any] = None, **claims: Any) -> str:
        """A token as the Bot Connector signs it; keyword arguments change or (as None) drop claims."""
        now = int(time.time())
        body = {"iss": self.ISSUER, "aud": self.APP_ID, "serviceUrl": f"{self.url}/", "nbf": now - 10, "iat": now - 10, "exp": now + 600}
        body = {k: v for k, v in {**body, **claims}.items() if v is not None}
        return jwt.encode(body, key or self.key, algorithm="RS256", headers={"kid": self.KID})

    def activity(self, text: str = "", user: str = "teams-user-1", **extra: Any) -> Dict[str, Any]:
        return {"type": "message", "id": "activity-1", "channelId": "msteams", "serviceUrl": f"{self.url}/", "text": text,
                "from": {"id": user, "name": "Test"}, "recipient": {"id": "bot-1", "name": "SEND Training Guide"},
                "conversation": {"id": "conversation-1"}, **extra}
