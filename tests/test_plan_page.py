"""The plan on the web page, in Chromium, from the keyboard only: the answer, the calendar file and the printable page."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from icalendar import Calendar
from playwright.sync_api import Page, expect

from knowledge import skills
from knowledge.guide import Guide
from knowledge.plan import make_plan
from knowledge.plan.input import read_training
from knowledge.rules import Profile
from tests.test_web_page import SCREENSHOTS, WCAG_22_AA, _open, _reply, browser  # noqa: F401 - the browser fixture

pytestmark = pytest.mark.assistant


def _tab_to(page: Page, text: str, back: bool = False, most: int = 40) -> None:
    for _ in range(most):
        if text in (page.evaluate("document.activeElement.textContent") or ""):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"no focusable element says {text!r}")


def _serious(page: Page) -> list:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    return [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_a_plan_is_made_downloaded_and_printed_from_the_keyboard(browser, assistant, tmp_path):  # noqa: F811
    page = _open(browser, assistant, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        keyboard = page.keyboard
        keyboard.type("I'm a health visitor")
        keyboard.press("Enter")
        _reply(page, "Which of these is true of your work?")
        _tab_to(page, "None of these", back=True)
        keyboard.press("Enter")
        _reply(page, "You need Level 3")
        _tab_to(page, "Make my plan", back=True)
        keyboard.press("Enter")
        _reply(page, "When did you start in this post?")
        expect(page.get_by_label("Your message")).to_be_focused()
        keyboard.type("1 September 2025")
        keyboard.press("Enter")
        _reply(page, "What SEND training have you done")
        training = "2 hours Level 3 on 12 January 2026"
        keyboard.type(training)
        keyboard.press("Enter")
        _reply(page, "Your SEND training plan for Level 3")
        answer = page.locator("li.message.bot").last
        guide = Guide.open(assistant.db_url)
        outcome = guide.decide(Profile.of("health visitor", involvement="none"))
        plan = make_plan(guide.kb, outcome.level, dt.date(2025, 9, 1), read_training(guide.kb.levels, training), dt.date.today())
        expect(answer).to_contain_text(f"{plan.current_period().minutes_needed} still needed")
        assert _serious(page) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        answer.screenshot(path=str(SCREENSHOTS / "plan.png"))

        _tab_to(page, "Add these dates to your calendar", back=True)
        with page.expect_download() as download:
            keyboard.press("Enter")
        events = Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")
        assert sorted(e.decoded("dtstart") for e in events) == sorted(m.due for m in plan.milestones if m.state in ("to do", "upcoming"))

        _tab_to(page, "A printable page of the plan")
        with page.context.expect_page() as opened:
            keyboard.press("Enter")
        printable = opened.value
        printable.wait_for_load_state()
        expect(printable.get_by_role("heading", level=1)).to_contain_text("SEND training plan: Level 3")
        expect(printable.get_by_role("table")).to_contain_text(plan.current_period().due.isoformat())
        assert _serious(printable) == []
    finally:
        page.context.close()


def test_a_reflection_record_is_made_and_downloaded_from_the_keyboard(browser, assistant):  # noqa: F811
    page = _open(browser, assistant, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        keyboard = page.keyboard
        answers = [("I'm a deputy DHO", "You need Level 5"), ("record my learning", "Date?"), ("1 February 2026", "Topic and learning"),
                   ("Regional SEND forum", "What did you learn"), ("Changes to the Code of Practice", "How does this relate"),
                   ("1", "How will the learning affect"), ("Brief my team", "How long was it"), ("3 hours", "Saved.")]
        for said, expected in answers:
            keyboard.type(said)
            keyboard.press("Enter")
            _reply(page, expected)
        answer = page.locator("li.message.bot").last
        expect(answer).to_contain_text("Regional SEND forum (180 minutes, Level 5)")
        assert _serious(page) == []
        _tab_to(page, "Download your records (CSV)", back=True)
        with page.expect_download() as download:
            keyboard.press("Enter")
        assert "Regional SEND forum" in Path(download.value.path()).read_text()
    finally:
        page.context.close()


def test_the_self_assessment_is_done_and_printed_from_the_keyboard(browser, assistant):  # noqa: F811
    framework = skills.framework_for(Guide.open(assistant.db_url).kb, senco=False)
    page = _open(browser, assistant, viewport={"width": 1280, "height": 900})
    try:
        keyboard = page.keyboard
        keyboard.type("I'm a deputy DHO")
        keyboard.press("Enter")
        _reply(page, "You need Level 5")
        keyboard.type("check my skills")
        keyboard.press("Enter")
        _reply(page, framework.statements[0].text)
        assert _serious(page) == []
        _tab_to(page, "Not yet", back=True)
        keyboard.press("Enter")
        _reply(page, framework.statements[1].text)
        for n in range(2, len(framework.areas) + 2):
            _tab_to(page, "Skip this area", back=True)
            keyboard.press("Enter")
            _reply(page, f"Part {n} of 6" if n <= len(framework.areas) else "all 83 statements done")
        answer = page.locator("li.message.bot").last
        expect(answer).to_contain_text(f"{framework.statements[0].text} (not yet)")
        assert _serious(page) == []
        _tab_to(page, "A printable page of your self-assessment", back=True)
        with page.context.expect_page() as opened:
            keyboard.press("Enter")
        printable = opened.value
        printable.wait_for_load_state()
        expect(printable.get_by_role("heading", level=1)).to_contain_text("East Sussex SEND Reforms Competency Framework")
        expect(printable.get_by_role("list").first).to_contain_text(framework.statements[0].text)
        assert _serious(printable) == []
    finally:
        page.context.close()
