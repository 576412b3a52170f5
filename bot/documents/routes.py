"""The content owners' routes for their organisation's documents, under the web chat page's address and behind
the content owners' token (bot/owners.py):

    GET    /webhooks/webchat/documents        the documents cited now, with their versions
    POST   /webhooks/webchat/documents        a file (multipart: file, title, owner, by): added, or a new version
    DELETE /webhooks/webchat/documents/<id>   no answer cites it from now on, on every server
    GET    /webhooks/webchat/documents/<rules|calendar|contacts>   the ones in force
    POST   /webhooks/webchat/documents/<rules|calendar|contacts>   a file (multipart: file, by), checked and put in force
    GET    /webhooks/webchat/documents/page   the content owners' page for all of it (it holds no data; it asks for the token)

A document is read in the capped worker, one at a time per server, as staff lists are; a rules, calendar or
contacts file (small, at most SETTINGS_BYTES) is checked as the command line checks it.
"""
from __future__ import annotations

import asyncio
from pathlib import Path, PurePath
from typing import Any, Callable, Dict

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import owners
from bot.documents import worker
from bot.documents import settings
from knowledge.local import store
from knowledge.local.parse import LIMITS, DocumentError, clean

WAIT = 10  # seconds a second file waits for the first to be read, then is asked to retry
SETTINGS_BYTES = 256 * 1024  # the largest rules, calendar or contacts file taken over HTTP
PAGE = Path(__file__).resolve().parent / "page"
PAGE_FILES = {".js": "text/javascript", ".css": "text/css"}
_reading = asyncio.Semaphore(1)


def _by(given: Any) -> str:
    """Who did it, as the record keeps it: what the page sent, cleaned, else the page itself."""
    return clean(given if isinstance(given, str) else "")[:200] or "the content owners' page"


def listed(engine: Any) -> list:
    return [{"id": d.id, "title": d.title, "owner": d.owner,
             "versions": [{"number": n, "file": f, "by": b, "at": a.isoformat()} for n, f, b, a in d.versions]}
            for d in store.documents(engine)]


def add(page: Blueprint, engine: Callable[[], Any], headers: Dict[str, str], guide: Callable[[], Any]) -> None:
    @page.route("/documents/page", methods=["GET"], strict_slashes=True)  # ("page/" would lose its files' relative links)
    @page.route("/documents/page.js", methods=["GET"], strict_slashes=True)
    @page.route("/documents/page.css", methods=["GET"], strict_slashes=True)
    async def owners_page(request: Request) -> HTTPResponse:
        if not owners.configured():
            return response.text("Not found.", status=404, headers=headers)
        name = PurePath(request.path).name
        name, kind = (name, PAGE_FILES[PurePath(name).suffix]) if "." in name else ("page.html", "text/html")
        return await response.file(PAGE / name, headers=headers, mime_type=f"{kind}; charset=utf-8")

    @page.route("/documents/<kind:str>", methods=["GET", "POST"])
    async def organisation_file(request: Request, kind: str) -> HTTPResponse:
        refused = owners.refusal(request, headers)
        if refused is not None:
            return refused
        if kind not in settings.KINDS:
            return response.json({"error": "not found"}, status=404)
        if request.method == "POST":
            upload = request.files.get("file")
            if upload is None or not upload.body:
                return response.json({"error": "send the file"}, status=400)
            if len(upload.body) > SETTINGS_BYTES:
                return response.json({"error": f"the file is over the limit of {SETTINGS_BYTES // 1024} KB"}, status=400)
            name = clean(PurePath(upload.name or kind).name)[-200:] or kind
            by = _by(request.form.get("by"))
            try:
                count = await asyncio.to_thread(lambda: settings.put(kind, upload.body, name, by, engine(), guide()))
            except settings.REFUSED as error:
                return response.json({"error": f"{name} is not used: {settings.why(error)}"}, status=400)
            return response.json({"in force": count}, status=201)
        found = await asyncio.to_thread(lambda: settings.in_force(kind, engine(), guide()))
        return response.json({kind: found}, headers={"Cache-Control": "no-store"})

    @page.route("/documents", methods=["GET"])
    async def documents(request: Request) -> HTTPResponse:
        refused = owners.refusal(request, headers)
        return refused or response.json({"documents": await asyncio.to_thread(listed, engine())}, headers={"Cache-Control": "no-store"})

    @page.route("/documents", methods=["POST"])
    async def add_document(request: Request) -> HTTPResponse:
        refused = owners.refusal(request, headers)
        if refused is not None:
            return refused
        upload, form = request.files.get("file"), request.form
        name = clean(PurePath((upload.name if upload else "") or "document").name)[-200:] or "document"
        title, owner = (form.get("title") or "").strip(), (form.get("owner") or "").strip()
        if upload is None or not upload.body or not title or not owner:
            return response.json({"error": "send a file with its title and owner"}, status=400)
        try:
            await asyncio.wait_for(_reading.acquire(), WAIT)
        except asyncio.TimeoutError:
            return response.json({"error": "another document is being read; please try again in a minute"},
                                 status=503, headers={"Retry-After": "30"})
        try:
            parsed = await asyncio.to_thread(worker.read, upload.body, name, LIMITS)
        except DocumentError as error:
            return response.json({"error": f"{name} is not added: {error}"}, status=400)
        finally:
            _reading.release()
        by = _by(form.get("by"))
        document_id, version = await asyncio.to_thread(store.add, engine(), parsed, name, title, owner, by)
        return response.json({"id": document_id, "version": version, "sections": len(parsed.sections),
                              "passages": sum(len(ps) for _, ps in parsed.sections)}, status=201)

    @page.route("/documents/<document_id:int>", methods=["DELETE"])
    async def remove_document(request: Request, document_id: int) -> HTTPResponse:
        refused = owners.refusal(request, headers)
        if refused is not None:
            return refused
        by = _by((request.json if isinstance(request.json, dict) else {}).get("by"))
        if not await asyncio.to_thread(store.remove, engine(), document_id, by):
            return response.json({"error": f"no document {document_id} is cited now"}, status=404)
        return response.json({"removed": document_id})
