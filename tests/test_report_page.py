"""In Chromium: a "No" rating offers a person; a hostile message stays text in the chat, and a hostile comment reaches the
report page as text, never as script (the unit tests in test_report.py do the same for messages in the report)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import REPORT_TOKEN
from tests.test_plan_page import _serious, _tab_to
from tests.test_web_page import SCREENSHOTS, _open, _reply, browser  # noqa: F401 - the browser fixture

pytestmark = pytest.mark.assistant

HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>'


def test_a_not_useful_rating_offers_a_person_and_the_report_shows_hostile_text_as_text(browser, assistant):  # noqa: F811
    page = _open(browser, assistant, viewport={"width": 1280, "height": 900})
    try:
        keyboard = page.keyboard
        keyboard.type(HOSTILE)
        keyboard.press("Enter")
        expect(page.locator("li.message.bot")).to_have_count(2, timeout=30_000)  # the greeting, then a reply to it
        keyboard.type("I'm a school nurse")
        keyboard.press("Enter")
        _reply(page, "Which of these is true of your work?")
        _tab_to(page, "None of these", back=True)
        keyboard.press("Enter")
        _reply(page, "You need Level 3")
        _tab_to(page, "No", back=True)
        keyboard.press("Enter")
        page.get_by_label("Comment (optional)").last.fill(HOSTILE)
        _tab_to(page, "Send feedback")
        keyboard.press("Enter")
        _reply(page, "You can contact the SEND training team.")
        expect(page.locator("li.message.bot").last).to_contain_text("Level given: Level 3 (health framework)")
        assert page.evaluate("window.pwned") is None
    finally:
        page.context.close()

    assert browser.new_context().new_page().goto(f"{assistant.url}/webhooks/webchat/report.html").status == 401
    report = browser.new_context(extra_http_headers={"Authorization": f"Bearer {REPORT_TOKEN}"},
                                 viewport={"width": 1280, "height": 900}).new_page()
    try:
        assert report.goto(f"{assistant.url}/webhooks/webchat/report.html").status == 200
        expect(report.get_by_role("heading", level=1)).to_have_text("Content owners' report")
        expect(report.locator("h2:text-is('Feedback') + table")).to_contain_text(HOSTILE)  # as the person typed it
        assert report.evaluate("window.pwned") is None and report.locator("main img, main script").count() == 0
        assert _serious(report) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        report.screenshot(path=str(SCREENSHOTS / "report.png"), full_page=True)
    finally:
        report.context.close()
