"""The web chat page and its channel: Rasa's REST channel, plus the page, its history and feedback.

Served by the Rasa server itself under /webhooks/webchat/, so the page, the messages and the
feedback share one origin and need no CORS. The page picks a random conversation id and
keeps it in the browser; the id is the only key to the conversation, so only ids of that
shape are accepted.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import functools
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot import feedback, owners, record_files, report, skills_files
from bot.plan import files as plan_files
from bot.report import files as report_files
from bot.staff import template_files as staff_template_files, worker as staff_worker
from bot.channels.collector import AnswerCollector
from bot.documents import routes as documents_routes
from bot.channels.conversation_log import ConversationLog
from bot.faults import CANNOT_REACH_RECORDS, RecordsUnavailable
from knowledge import records, skills
from knowledge.skills import store as skills_store
from knowledge.db import make_engine
from knowledge.guide import Guide
from knowledge.local import calendar
from knowledge.plan import Plan, make_plan
from knowledge.plan.input import PlanInputError, from_query
from knowledge.staff.files import WEB_LIMITS, LimitExceeded, StaffListError, check_size

STATIC = Path(__file__).resolve().parents[1] / "webchat"
FILES = {"chat.js": "text/javascript", "chat.css": "text/css"}
SENDER = re.compile(r"^[0-9a-f]{32}$")
WORKERS = 1  # staff lists checked at once by one server; the next waits for WAIT seconds, then is asked to retry
WAIT = 10
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

# The printable pages: their own inline style, and nothing else at all.
PAGE_HEADERS = {**HEADERS, "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                                                      "frame-ancestors 'none'; form-action 'none'"}

LIMITS_HINT = (f"The page checks lists of up to {WEB_LIMITS.describe()}. A bigger list can be split, or checked by "
               "whoever runs this assistant with its command line (send-guide staff), which allows more")

Handler = Callable[..., Awaitable[HTTPResponse]]


def _needs_records(handler: Handler) -> Handler:
    """For routes that read or write conversation records: while the database is down, 503 and the apology."""
    @functools.wraps(handler)
    async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        try:
            return await handler(request, *args, **kwargs)
        except (RecordsUnavailable, SQLAlchemyError):
            return response.json({"error": CANNOT_REACH_RECORDS}, status=503, headers={"Retry-After": "10"})

    return guarded


async def _by_key(request: Request, read: Callable[[Any, str], Any]) -> Any:
    """What a download link's opaque key opens (records or ratings); nothing without a link secret."""
    if not os.environ.get("SEND_GUIDE_LINK_SECRET"):
        return None
    return await asyncio.to_thread(read, _engine(), request.args.get("key", ""))


def _page_or_csv(request: Request, page: Callable[[], str], table: Callable[[], str], filename: str) -> HTTPResponse:
    """A person's or a team's download: the printable page for .html, else the CSV; never cached."""
    if request.path.endswith(".html"):
        return response.html(page(), headers={**PAGE_HEADERS, "Cache-Control": "no-store"})
    return response.text(table(), content_type="text/csv; charset=utf-8", headers={
        **HEADERS, "Cache-Control": "no-store", "Content-Disposition": f'attachment; filename="{filename}"'})


@lru_cache(maxsize=1)
def _template_xlsx() -> bytes:
    """The template is the same bytes for the same rules: made once, not for every download."""
    return staff_template_files.to_xlsx(_guide().kb)


@lru_cache(maxsize=1)
def _guide() -> Guide:
    return Guide.open()


def _plan(params: dict) -> Plan:
    guide = _guide()
    level, started, done, award = from_query(guide.kb.levels, params)
    return make_plan(guide.kb, level, started, done, dt.date.today(), award,  # the calendar as it is now, not at start-up
                     [x.shown() for x in calendar.next_for(calendar.current(_engine()), level.id)])


@lru_cache(maxsize=1)
def _engine() -> Any:
    return make_engine()


class WebChatInput(InputChannel):
    """POST /webhook like the REST channel, without metadata; GET / the page; GET /history; POST /feedback."""

    @classmethod
    def name(cls) -> Text:
        return "webchat"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        page = Blueprint("webchat", __name__)
        workers = asyncio.Semaphore(WORKERS)

        @page.route("/", methods=["GET"])
        async def index(_: Request) -> HTTPResponse:
            return await response.file(STATIC / "index.html", headers=HEADERS, mime_type="text/html; charset=utf-8")

        @page.route("/health", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @page.route("/static/<name>", methods=["GET"])
        async def static(_: Request, name: Text) -> HTTPResponse:
            if name not in FILES:
                return response.json({"error": "not found"}, status=404)
            return await response.file(STATIC / name, headers=HEADERS, mime_type=f"{FILES[name]}; charset=utf-8")

        @page.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = request.json if isinstance(request.json, dict) else {}
            sender, text = str(body.get("sender", "")), body.get("message")
            if not SENDER.match(sender) or not isinstance(text, str):
                return response.json({"error": "send {\"sender\": <32 hex characters>, \"message\": <text>}"}, status=400)
            collector = AnswerCollector()
            await on_new_message(UserMessage(text, collector, sender, input_channel=self.name()))
            return response.json(collector.messages)

        @page.route("/history", methods=["GET"])
        @_needs_records
        async def history(request: Request) -> HTTPResponse:
            sender = request.args.get("sender", "")
            if not SENDER.match(sender):
                return response.json({"error": "unknown conversation"}, status=400)
            log = await ConversationLog.load(request.app.ctx.agent, sender)
            return response.json({"messages": log.recent()})

        @page.route("/feedback", methods=["POST"])
        @_needs_records
        async def rate(request: Request) -> HTTPResponse:
            body = request.json if isinstance(request.json, dict) else {}
            sender, answer_id = str(body.get("sender", "")), str(body.get("answer_id", ""))
            if not SENDER.match(sender):
                return response.json({"error": "unknown conversation"}, status=400)
            log = await ConversationLog.load(request.app.ctx.agent, sender)
            exchange = log.exchange(answer_id)
            if exchange is None:
                return response.json({"error": "no such answer in this conversation"}, status=404)
            comment = body.get("comment")
            try:
                row = feedback.Feedback(sender, answer_id, exchange[0], exchange[1], str(body.get("rating", "")),
                                        comment if isinstance(comment, str) else None)
            except feedback.InvalidFeedback as error:
                return response.json({"error": str(error)}, status=400)
            await asyncio.to_thread(feedback.record, _engine(), row)
            return response.json({"ok": True}, status=201)

        @page.route("/staff", methods=["POST"])
        async def staff(request: Request) -> HTTPResponse:
            upload = request.files.get("file")
            if upload is None or not upload.body:
                return response.json({"error": "choose a CSV or .xlsx file with a job title column"}, status=400)
            try:
                check_size(len(upload.body), WEB_LIMITS)
                await asyncio.wait_for(workers.acquire(), WAIT)
            except LimitExceeded as error:
                return response.json({"error": f"{error}. {LIMITS_HINT}"}, status=413)
            except asyncio.TimeoutError:
                return response.json({"error": "another staff list is being checked; please try again in a minute"},
                                     status=503, headers={"Retry-After": "30"})
            try:
                report = await staff_worker.check(upload.body, upload.name or "staff.csv", WEB_LIMITS)
            except LimitExceeded as error:
                return response.json({"error": f"{error}. {LIMITS_HINT}"}, status=413)
            except StaffListError as error:
                return response.json({"error": str(error)}, status=400)
            except staff_worker.WorkerUnavailable as error:
                return response.json({"error": str(error)}, status=503, headers={"Retry-After": "60"})
            finally:
                workers.release()
            return response.json(report, headers={"Cache-Control": "no-store"})

        @page.route("/plan.ics", methods=["GET"])
        @page.route("/plan.html", methods=["GET"])
        @_needs_records
        async def plan(request: Request) -> HTTPResponse:
            """A plan from the link the answer gave: the inputs are in the query, checked again here."""
            try:
                made = await asyncio.to_thread(_plan, dict(request.args))
            except PlanInputError as error:
                return response.text(f"This plan link cannot be read: {error}. Ask the assistant to make your plan again.",
                                     status=400, headers=HEADERS)
            if request.path.endswith(".html"):
                return response.html(plan_files.to_html(made), headers=PAGE_HEADERS)
            return response.raw(plan_files.to_ics(made), content_type="text/calendar; charset=utf-8", headers={
                **HEADERS, "Content-Disposition": 'attachment; filename="send-training-plan.ics"'})

        @page.route("/records.csv", methods=["GET"])
        @page.route("/records.html", methods=["GET"])
        @_needs_records
        async def reflection(request: Request) -> HTTPResponse:
            """A person's reflection records, opened by the opaque key of their link (no key without a link secret)."""
            held = await _by_key(request, records.by_key)
            if not held:
                return response.text("This link does not open any records: it has been changed, the records were deleted, or "
                                     "the assistant's link secret changed. Ask the assistant to show your records again.",
                                     status=404, headers=HEADERS)
            kb = (await asyncio.to_thread(_guide)).kb
            names, topic = {lv.id: lv.name for lv in kb.levels}, kb.topic("reflection-record")
            return _page_or_csv(request, lambda: record_files.to_html(held, topic, names),
                                lambda: record_files.to_csv(held, topic, names), "reflection-record.csv")

        @page.route("/skills.csv", methods=["GET"])
        @page.route("/skills.html", methods=["GET"])
        @_needs_records
        async def self_assessment(request: Request) -> HTTPResponse:
            """A person's self-assessment, opened by the opaque key of their link; the link names the framework and level."""
            rated = await _by_key(request, skills_store.by_key)
            try:
                framework, level = skills.from_link((await asyncio.to_thread(_guide)).kb, request.args.get("framework", ""),
                                                    request.args.get("level"))
            except ValueError:
                rated = None
            if not rated:
                return response.text("This link does not open a self-assessment: it has been changed, the answers were deleted, or "
                                     "the assistant's link secret changed. Ask the assistant to \"check my skills\" again.",
                                     status=404, headers=HEADERS)
            summary = skills.summarise((await asyncio.to_thread(_guide)).kb, framework, rated, level)
            return _page_or_csv(request, lambda: skills_files.to_html(summary, rated), lambda: skills_files.to_csv(summary, rated),
                                "self-assessment.csv")

        @page.route("/staff-template.xlsx", methods=["GET"])
        @page.route("/staff-template.csv", methods=["GET"])
        async def staff_template(request: Request) -> HTTPResponse:
            """HR's empty staff list: the columns the check reads, with drop-down lists of the rules' options."""
            kb = (await asyncio.to_thread(_guide)).kb
            if request.path.endswith(".csv"):
                return response.text(staff_template_files.to_csv(kb), content_type="text/csv; charset=utf-8", headers={
                    **HEADERS, "Content-Disposition": 'attachment; filename="send-training-staff-list.csv"'})
            return response.raw(await asyncio.to_thread(_template_xlsx), headers={
                **HEADERS, "Content-Disposition": 'attachment; filename="send-training-staff-list.xlsx"'},
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

        @page.route("/report.html", methods=["GET"])
        @page.route("/report.csv", methods=["GET"])
        @_needs_records
        async def owners_report(request: Request) -> HTTPResponse:
            """The content owners' report (bot/owners.py says who may see it)."""
            refused = owners.refusal(request, HEADERS)
            if refused is not None:
                return refused
            try:
                since = dt.date.fromisoformat(request.args.get("since") or (dt.date.today() - dt.timedelta(days=30)).isoformat())
            except ValueError:
                return response.text("since must be a date such as 2026-11-01.", status=400, headers=HEADERS)
            made = await asyncio.to_thread(report.make_report, _engine(), since)
            return _page_or_csv(request, lambda: report_files.to_html(made), lambda: report_files.to_csv(made), "send-guide-report.csv")

        documents_routes.add(page, _engine, HEADERS, _guide)
        return page
