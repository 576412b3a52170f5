"""The content owners' pages (the report, their organisation's documents) open only for whoever holds
SEND_GUIDE_REPORT_TOKEN: not Rasa's API token, which opens every conversation. With no token configured, there
are no such pages."""
from __future__ import annotations

import hmac
import os
from typing import Optional

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse


def configured() -> bool:
    """Whether the content owners' pages are there at all."""
    return bool(os.environ.get("SEND_GUIDE_REPORT_TOKEN", "").strip())


def refusal(request: Request, headers: dict) -> Optional[HTTPResponse]:
    """None for a content owner; otherwise the reply that refuses the request."""
    token = os.environ.get("SEND_GUIDE_REPORT_TOKEN", "").strip()
    if not token:
        return response.text("Not found.", status=404, headers=headers)
    scheme, _, given = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.casefold() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        return response.text("This page needs the content owners' token (Authorization: Bearer ...).", status=401,
                             headers={**headers, "WWW-Authenticate": "Bearer"})
    return None
