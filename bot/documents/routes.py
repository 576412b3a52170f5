"""The content owners' routes for their organisation's documents, under the web chat page's address and behind
the content owners' token (bot/owners.py):

    GET    /webhooks/webchat/documents        the documents cited now, with their versions
    POST   /webhooks/webchat/documents        a file (multipart: file, title, owner, by): added, or a new version
    DELETE /webhooks/webchat/documents/<id>   no answer cites it from now on, on every server

A file is read in the capped worker, one at a time per server, as staff lists are.
"""
from __future__ import annotations

import asyncio
from pathlib import PurePath
from typing import Any, Callable, Dict

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import owners
from bot.documents import worker
from knowledge.local import store
from knowledge.local.parse import LIMITS, DocumentError, clean

WAIT = 10  # seconds a second file waits for the first to be read, then is asked to retry
_reading = asyncio.Semaphore(1)


def listed(engine: Any) -> list:
    return [{"id": d.id, "title": d.title, "owner": d.owner,
             "versions": [{"number": n, "file": f, "by": b, "at": a.isoformat()} for n, f, b, a in d.versions]}
            for d in store.documents(engine)]


def add(page: Blueprint, engine: Callable[[], Any], headers: Dict[str, str]) -> None:
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
        by = (form.get("by") or "the content owners' page").strip()
        document_id, version = await asyncio.to_thread(store.add, engine(), parsed, name, title, owner, by)
        return response.json({"id": document_id, "version": version, "sections": len(parsed.sections),
                              "passages": sum(len(ps) for _, ps in parsed.sections)}, status=201)

    @page.route("/documents/<document_id:int>", methods=["DELETE"])
    async def remove_document(request: Request, document_id: int) -> HTTPResponse:
        refused = owners.refusal(request, headers)
        if refused is not None:
            return refused
        if not await asyncio.to_thread(store.remove, engine(), document_id, "the content owners' page"):
            return response.json({"error": f"no document {document_id} is cited now"}, status=404)
        return response.json({"removed": document_id})
