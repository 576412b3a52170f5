"""In Chromium: the content owners' page adds a document, puts contacts in force, shows a refusal's reason, and removes
the document, with the token typed into the page; nothing it shows is read as markup; it passes axe's WCAG 2.2 AA."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from knowledge.db import make_engine
from knowledge.local import contacts, store
from tests.conftest import REPORT_TOKEN
from tests.test_plan_page import _serious
from tests.test_web_page import SCREENSHOTS, browser  # noqa: F401 - the browser fixture

pytestmark = pytest.mark.assistant

HOSTILE = '<img src=x onerror="window.pwned=1">'


def test_a_content_owner_adds_and_removes_a_document_and_sets_contacts_from_the_page(browser, assistant, tmp_path):  # noqa: F811
    policy = tmp_path / "policy.md"
    policy.write_text("# Ward training\n\nAll ward staff at Riverside Trust complete the Level 2 SEND workshop.\n", encoding="utf-8")
    people = tmp_path / "contacts.yml"
    people.write_text("contacts:\n  - for: DHO\n    name: 'Dr Ada Example'\n    phone: 01234 567890\n", encoding="utf-8")
    wrong = tmp_path / "wrong.yml"
    wrong.write_text("contacts:\n  - for: Staff\n    name: x\n    email: a@b.example\n", encoding="utf-8")
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    engine = make_engine(assistant.db_url)
    try:
        assert page.goto(f"{assistant.url}/webhooks/webchat/documents/page").status == 200
        expect(page.get_by_role("heading", level=1)).to_have_text("Your organisation's documents")
        page.get_by_label("Content owners' token").fill("wrong")
        page.get_by_role("button", name="Show what is in force").click()
        expect(page.locator("#status")).to_have_text("The token was not accepted.")
        page.get_by_label("Content owners' token").fill(REPORT_TOKEN)
        page.get_by_label("Your name, as the record keeps it").fill("Alex")
        page.get_by_label("File (Markdown").set_input_files(str(policy))
        page.get_by_label("Title (the same title").fill(f"Ward policy {HOSTILE}")
        page.get_by_label("Owner (the organisation").fill("Riverside Trust")
        page.get_by_role("button", name="Add the document").click()
        expect(page.locator("#status")).to_contain_text("Answers cite it from now on.")
        expect(page.locator("#documents tbody")).to_contain_text(f"Ward policy {HOSTILE}")  # as typed, never markup
        expect(page.locator("#documents tbody")).to_contain_text("added by Alex")
        page.get_by_label("Contacts file").set_input_files(str(wrong))
        page.get_by_role("button", name="Check and put the contacts in force").click()
        expect(page.locator("#status")).to_contain_text("wrong.yml is not used: contact 1: 'Staff' is not a role the documents name")
        page.get_by_label("Contacts file").set_input_files(str(people))
        page.get_by_role("button", name="Check and put the contacts in force").click()
        expect(page.locator("#contacts")).to_contain_text("Designated Health Officer: Dr Ada Example (01234 567890)")
        assert page.locator("main img").count() == 0  # the title shown as text, never as an element
        assert _serious(page) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "owners-page.png"), full_page=True)
        page.get_by_role("button", name=f"Remove Ward policy {HOSTILE}").click()
        expect(page.locator("#status")).to_contain_text("no answer cites it from now on")
        expect(page.locator("#documents tbody")).to_contain_text("None yet.")
        assert [d.removed_by for d in store.documents(engine, removed=True) if d.title.startswith("Ward policy")] == ["Alex"]
    finally:
        page.context.close()
        contacts.save(engine, [], "test")
        for d in store.documents(engine):
            if d.title.startswith("Ward policy"):
                store.remove(engine, d.id, "test")
