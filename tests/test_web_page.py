"""The web chat page in a real headless Chromium (Debian's), driven by Playwright, against the real servers."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
import requests
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect, sync_playwright

from bot.fair_use import TOO_MANY
from knowledge.staff.files import WEB_LIMITS
from tests import hostile

pytestmark = pytest.mark.assistant

CHROMIUM = "/usr/bin/chromium"
# Chromium's own background traffic is refused by this network; these flags keep it quiet.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "var" / "screenshots"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: run the tests with ./run.sh test, which installs it")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


def _open(browser: Browser, assistant, **context) -> Page:
    page = browser.new_context(**context).new_page()
    page.goto(f"{assistant.url}/webhooks/webchat/")
    expect(page.locator("#log")).to_contain_text("automated assistant")
    return page


@pytest.fixture
def page(browser: Browser, assistant) -> Iterator[Page]:
    page = _open(browser, assistant, viewport={"width": 1280, "height": 900})
    yield page
    page.context.close()


def _reply(page: Page, text: str) -> None:
    expect(page.locator("li.message.bot").last).to_contain_text(text, timeout=30_000)


def _answer_as_gp_receptionist(page: Page) -> None:
    page.get_by_label("Your message").fill("receptionist at a GP surgery")
    page.get_by_role("button", name="Send").click()
    _reply(page, "Which of these is true of your work?")
    page.locator("button.option:enabled", has_text="Some contact, or their confidential information").click()
    _reply(page, "You need Level 2")


def test_a_new_starter_finds_their_level_with_hours_and_source(page: Page):
    _answer_as_gp_receptionist(page)
    answer = page.locator("li.message.bot").last
    expect(answer).to_contain_text("Induction (for all healthcare staff, set at Level 1):")  # Level 2's is Level 1's
    expect(answer).to_contain_text("Refresher:")
    sources = answer.locator("details.sources")
    expect(sources.locator("blockquote").first).to_be_hidden()
    sources.locator("summary").click()
    expect(sources).to_contain_text("SEND Training Assurance Framework for Health Professionals")
    expect(sources.locator("blockquote").first).to_be_visible()
    link = answer.get_by_role("link").first
    expect(link).to_have_attribute("target", "_blank")
    expect(answer).to_contain_text("(opens in a new tab)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "webchat-answered.png"), full_page=True)


def test_a_reload_keeps_the_conversation_and_start_again_begins_a_new_one(page: Page):
    _answer_as_gp_receptionist(page)
    page.reload()
    expect(page.locator("#log")).to_contain_text("receptionist at a GP surgery")
    expect(page.locator("#log")).to_contain_text("You need Level 2")
    page.get_by_label("Your message").fill("how many refresher hours for Level 2?")
    page.keyboard.press("Enter")
    _reply(page, "Hours for Level 2")
    page.get_by_role("button", name="Start again").click()
    expect(page.locator("#log")).not_to_contain_text("receptionist at a GP surgery")
    expect(page.locator("#log")).to_contain_text("automated assistant")


def test_feedback_is_given_after_an_answer(page: Page):
    page.get_by_label("Your message").fill("I'm a deputy DHO")
    page.keyboard.press("Enter")
    _reply(page, "You need Level 5")
    box = page.locator("li.message.bot").last.locator("fieldset.feedback")
    box.get_by_role("button", name="Yes").click()
    expect(box.get_by_role("button", name="Yes")).to_have_attribute("aria-pressed", "true")
    box.get_by_label("Comment (optional)").fill("Just what I needed")
    box.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("Thank you for your feedback.").first).to_be_focused()


def test_the_whole_conversation_works_from_the_keyboard(page: Page):
    keyboard = page.keyboard
    expect(page.get_by_label("Your message")).to_be_focused()
    keyboard.type("I've just been appointed SENCO")
    keyboard.press("Enter")
    _reply(page, "Where are you the SENCO?")
    for _ in range(12):  # back from the message box to the newest options
        keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.textContent") == "A school: new to being a SENCO":
            break
    focused = page.locator(":focus")
    expect(focused).to_have_text("A school: new to being a SENCO")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    keyboard.press("Enter")
    _reply(page, "You need Tier 2")
    expect(page.get_by_label("Your message")).to_be_focused()
    status = page.locator("#status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("You must achieve the National Award")


def test_axe_finds_no_serious_or_critical_violations(page: Page):
    _answer_as_gp_receptionist(page)
    page.locator("details.sources summary").last.click()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 640}, {"width": 375, "height": 667}])
def test_it_reflows_at_400_percent_zoom_and_on_a_phone(browser: Browser, assistant, viewport):
    page = _open(browser, assistant, viewport=viewport)
    try:
        page.get_by_label("Your message").fill("I'm a deputy DHO")
        page.keyboard.press("Enter")
        _reply(page, "You need Level 5")
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        expect(page.get_by_role("button", name="Send")).to_be_visible()
    finally:
        page.context.close()


def test_hr_uploads_a_staff_list_and_downloads_the_report(page: Page, tmp_path):
    staff = tmp_path / "staff.csv"
    staff.write_text("Name,Job title\nAnn,School nurse\nBob,receptionist at a GP surgery\nCy,Teacher\n")
    page.get_by_label("Staff list (CSV or .xlsx)").set_input_files(str(staff))
    page.get_by_role("button", name="Check the list").click()
    result = page.locator("#staff-result")
    expect(result).to_contain_text("3 people checked", timeout=30_000)  # a worker process starts for it
    expect(result.get_by_role("table", name="People per level")).to_contain_text("question open")
    expect(result.get_by_role("table", name="Questions still open")).to_contain_text("Which of these is true of your work?")
    with page.expect_download() as download:
        result.get_by_role("link", name="Download the report for every person (CSV)").click()
    assert "School nurse" in Path(download.value.path()).read_text()


def test_a_staff_list_over_a_limit_gets_a_message_naming_it(page: Page, tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"Job title\n" + b"Teacher\n" * (WEB_LIMITS.rows + 10))  # under the size limit, over the rows
    page.get_by_label("Staff list (CSV or .xlsx)").set_input_files(str(big))
    page.get_by_role("button", name="Check the list").click()
    alert = page.locator("#staff-result").get_by_role("alert")
    expect(alert).to_contain_text(f"more than the limit of {WEB_LIMITS.rows:,} rows", timeout=40_000)
    expect(alert).to_contain_text("send-guide staff")
    huge = tmp_path / "huge.csv"
    huge.write_bytes(hostile.one_long_line(megabytes=int(WEB_LIMITS.file_megabytes) + 1))
    page.get_by_label("Staff list (CSV or .xlsx)").set_input_files(str(huge))
    page.get_by_role("button", name="Check the list").click()
    expect(alert).to_contain_text(f"over the limit of {WEB_LIMITS.file_megabytes:g} MB")
    expect(page.locator("main")).to_contain_text(f"up to {WEB_LIMITS.file_megabytes:g} MB and {WEB_LIMITS.rows:,} rows")


def test_a_long_answer_is_shown_from_its_first_line_with_the_keyboard_still_in_the_message_box(browser, assistant):
    page = _open(browser, assistant, viewport={"width": 800, "height": 500})
    page.get_by_label("Your message").fill("list all the level 5 learning outcomes")
    page.keyboard.press("Enter")
    answer = page.locator("li.message.bot").last
    expect(answer).to_contain_text("Level 5", timeout=30_000)
    box = answer.bounding_box()
    assert box and box["height"] > 500, "the answer is longer than the screen"
    top = page.evaluate("(el) => el.getBoundingClientRect().top", answer.element_handle())
    assert 0 <= top < 500, f"the answer's first line is on the screen (top at {top})"
    expect(page.get_by_label("Your message")).to_be_focused()
    page.context.close()


def test_a_person_over_the_fair_use_limit_is_told_to_wait_and_keeps_their_conversation(browser, limited):
    """On a server with the limits on (tests/conftest.py, `limited`): the page's own requests use some of the
    allowance, the rest is spent from the same address, and the next message gets the friendly line."""
    page = _open(browser, limited.assistant, viewport={"width": 1280, "height": 900})
    session = requests.Session()  # the browser's address, 127.0.0.1
    while session.get(f"{limited.assistant.url}/webhooks/rest/", timeout=30).status_code != 429:
        pass
    page.get_by_label("Your message").fill("I'm a DHO")
    page.keyboard.press("Enter")
    error = page.locator("li.message.error").last
    expect(error).to_contain_text(f"Sorry: {TOO_MANY}.")
    expect(page.locator("#status")).to_contain_text("faster than I can answer")
    expect(page.get_by_label("Your message")).to_be_focused()
    expect(page.get_by_label("Your message")).to_have_value("I'm a DHO")  # not read: back in the box to send again
    page.reload()  # the page itself still loads, and says why the conversation cannot be shown yet
    expect(page.locator("li.message.error").last).to_contain_text("Then reload the page to see your conversation")
    page.context.close()


def test_an_answer_from_the_organisation_s_own_document_says_whose_it_is(page: Page, assistant):
    from knowledge.db import make_engine
    from knowledge.local import store
    from knowledge.local.index import whose
    from knowledge.local.parse import read
    from tests import documents

    engine = make_engine(assistant.db_url)
    dates = documents.pdf([["Riverside SEND workshop dates", "The next Riverside SEND workshop is on 14 January 2027 in "
                            "the Education Centre, room 3."]])
    document_id, _ = store.add(engine, read(dates, "dates.pdf"), "dates.pdf", "SEND training dates", "Riverside NHS Trust", "test")
    try:
        page.get_by_label("Your message").fill("when is the next riverside send workshop")
        page.keyboard.press("Enter")
        _reply(page, whose("SEND training dates", "Riverside NHS Trust"))
        answer = page.locator("li.message.bot").last
        expect(answer).to_contain_text("14 January 2027")
        answer.locator("details.sources summary").click()
        expect(answer.locator("details.sources")).to_contain_text("Your organisation's document")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        answer.screenshot(path=str(SCREENSHOTS / "local-document.png"))
    finally:
        store.remove(engine, document_id, "test")
