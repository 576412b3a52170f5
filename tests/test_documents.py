"""An organisation's own documents (knowledge/local/, bot/documents/): each kind read from a real file the test
writes, hostile files refused within the limits, every version kept in SQLite and PostgreSQL, two servers'
indexes seeing the same documents, and a REST conversation answered from a .docx and a PDF, then not."""
from __future__ import annotations

import time
import uuid

import pytest
import requests

from bot.cli import main as cli
from bot.documents import worker
from knowledge.db import make_engine
from knowledge.guide import Guide, build
from knowledge.local import store
from knowledge.local.index import LocalIndex, whose
from knowledge.local.parse import LIMITS, DocumentError, read
from tests import documents
from tests.conftest import REPORT_TOKEN

WARD = [("Heading 1", "Ward training"), (None, "All ward staff at Riverside Trust complete the Level 2 SEND workshop "
                                               "within three months of starting."),
        ("Heading 1", "Booking"), (None, "Book the Riverside SEND workshop through the Learning Hub, course code RVS-204.")]
SESSIONS = [["Riverside SEND workshop dates", "The next Riverside SEND workshop is on 14 January 2027 in the Education "
             "Centre, room 3."]]


def _sections(data: bytes, filename: str) -> dict:
    return {heading: texts for heading, texts in read(data, filename).sections}


def test_each_kind_is_read_into_its_sections_and_passages_in_the_documents_words():
    markdown = b"# Ward training\n\nAll ward staff need **Level 2**.\n\n## Booking\n\n- Book on the *Learning Hub*.\n- Ask your manager.\n"
    assert _sections(markdown, "policy.md") == {"Ward training": ["All ward staff need Level 2."],
                                                 "Booking": ["Book on the Learning Hub.", "Ask your manager."]}
    assert _sections(documents.docx(WARD), "policy.docx") == {"Ward training": [WARD[1][1]], "Booking": [WARD[3][1]]}
    assert _sections(documents.pdf(SESSIONS), "dates.pdf") == {"Page 1": SESSIONS[0]}
    wrapped = documents.pdf([["A line the PDF wrapped", "on to the next.", "A heading", "The paragraph after it.",
                              "All staff must complete the", "Level 2 SEND workshop by", "14 January 2027.", "1. A list item"]])
    assert _sections(wrapped, "w.pdf") == {"Page 1": ["A line the PDF wrapped on to the next.", "A heading", "The paragraph after it.",
                                                     "All staff must complete the Level 2 SEND workshop by 14 January 2027.",
                                                     "1. A list item"]}
    assert _sections(b"Staff must complete\nthe training within\nsix weeks.\n", "w.md") == {
        "Opening": ["Staff must complete the training within six weeks."]}
    assert _sections(b"<p>Hello<br>world</p><ul><li>a<p>b</p></li></ul>", "b.html") == {
        "Opening": ["Hello world", "a b"]}
    html = _sections(documents.HTML_WITH_SCRIPTS, "rules.html")
    assert html == {"Ward training rules": ["All ward staff need Level 2 SEND training.", "Book on the Learning Hub"]}


HOSTILE = {  # name -> (what makes the file, its name, why it is refused)
    "a scanned PDF": (documents.scanned_pdf, "scan.pdf", "a scanned PDF holds pictures of pages"),
    "a PDF bomb": (documents.pdf_bomb, "bomb.pdf", "unpacks to more than"),
    "not a PDF": (lambda: b"%PDF-1.4 nothing else", "broken.pdf", "not a PDF that can be read"),
    "not a Word document": (lambda: b"PK\x03\x04 broken", "broken.docx", "not a Word document"),
    "a program": (lambda: b"MZ\x90\x00", "setup.exe", ".exe is not a kind of document"),
    "too big": (lambda: b"#" * int(LIMITS.file_megabytes * 2**20 + 1), "big.md", f"over the limit of {LIMITS.file_megabytes:g} MB"),
    "not UTF-8": (lambda: "café".encode("latin-1"), "latin.md", "not UTF-8"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_file_that_cannot_be_added_is_refused_with_the_reason_through_the_worker(name):
    make, filename, reason = HOSTILE[name]
    data, started = make(), time.monotonic()
    with pytest.raises(DocumentError, match=reason):
        worker.read(data, filename)
    assert time.monotonic() - started < LIMITS.seconds


def test_a_word_document_s_external_entity_is_never_read():
    try:
        sections = worker.read(documents.docx_with_external_entity("file:///etc/passwd"), "xxe.docx").sections
    except DocumentError:
        return  # refused: nothing read
    assert "root:" not in str(sections)


def test_every_version_is_kept_and_a_removed_document_is_cited_no_more(db_url):
    engine = make_engine(db_url)
    first, second = read(documents.docx(WARD), "ward.docx"), read(documents.docx(WARD[:2]), "ward-v2.docx")
    assert store.add(engine, first, "ward.docx", "Ward training policy", "Riverside Trust", "alex") == (1, 1)
    before = store.generation(engine)
    assert store.add(engine, second, "ward-v2.docx", "Ward training policy", "Riverside Trust", "sam") == (1, 2)
    assert store.generation(engine) != before
    [doc] = store.documents(engine)
    assert [(n, f, by) for n, f, by, _ in doc.versions] == [(1, "ward.docx", "alex"), (2, "ward-v2.docx", "sam")]
    assert [p.text for _, p in store.passages(engine)] == [WARD[1][1]]  # the newest version only
    assert store.remove(engine, 1, "alex") and not store.remove(engine, 1, "alex")
    assert list(store.passages(engine)) == [] and store.documents(engine) == []
    assert store.documents(engine, removed=True)[0].removed_at is not None  # kept as a record


def test_two_servers_see_the_same_documents_and_a_removal_at_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    build(url)
    guide, engine = Guide.open(url), make_engine(url)
    replicas = [LocalIndex(guide.kb, guide.catalogue, make_engine(url)) for _ in range(2)]
    assert all(r.current() is None for r in replicas)
    document_id, _ = store.add(engine, read(documents.pdf(SESSIONS), "dates.pdf"), "dates.pdf", "SEND training dates", "Riverside Trust", "alex")
    question = "when is the next riverside send workshop"
    for replica in replicas:
        [answer] = replica.current().search(question, groups=1)
        assert answer.title.startswith(whose("SEND training dates", "Riverside Trust"))
        assert "14 January 2027" in answer.passages[0].text
    store.remove(engine, document_id, "alex")
    assert all(r.current() is None for r in replicas)


def test_the_command_line_adds_lists_shows_and_removes(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    (tmp_path / "ward.docx").write_bytes(documents.docx(WARD))
    (tmp_path / "scan.pdf").write_bytes(documents.scanned_pdf())
    args = ["--database-url", url, "documents"]
    assert cli([*args, "add", str(tmp_path / "ward.docx"), "--title", "Ward training policy", "--owner", "Riverside Trust",
                "--by", "alex"]) == 0
    assert "document 1, version 1: 2 sections, 2 passages" in capsys.readouterr().out
    assert cli([*args, "add", str(tmp_path / "scan.pdf"), "--title", "Scan", "--owner", "Riverside Trust"]) == 1
    assert "scan.pdf is not added: it has no text to read" in capsys.readouterr().out
    assert cli([*args, "list"]) == 0
    assert "1. Ward training policy (Riverside Trust): version 1, ward.docx, added by alex" in capsys.readouterr().out
    assert cli([*args, "show", "1"]) == 0
    assert WARD[3][1] in capsys.readouterr().out
    assert cli([*args, "remove", "1"]) == 0 and cli([*args, "remove", "1"]) == 1
    capsys.readouterr()
    assert cli([*args, "list"]) == 0 and "No documents" in capsys.readouterr().out


def _answer(assistant, question: str) -> str:
    return " ".join(r.get("text") or "" for r in assistant.say(uuid.uuid4().hex, question))


@pytest.mark.assistant
def test_a_content_owner_adds_a_docx_and_a_pdf_and_questions_over_rest_are_answered_from_them_until_removed(assistant):
    pages, owner = f"{assistant.url}/webhooks/webchat/documents", {"Authorization": f"Bearer {REPORT_TOKEN}"}
    files = ((documents.docx(WARD), "ward.docx", "Ward training policy"), (documents.pdf(SESSIONS), "dates.pdf", "SEND training dates"))
    assert requests.post(pages, files={"file": ("ward.docx", files[0][0])}, data={"title": "x", "owner": "y"}, timeout=60).status_code == 401
    added = []
    try:
        for data, name, title in files:
            reply = requests.post(pages, files={"file": (name, data)}, data={"title": title, "owner": "Riverside Trust"},
                                  headers=owner, timeout=90)
            assert reply.status_code == 201, reply.text
            added.append(reply.json()["id"])
        scanned = requests.post(pages, files={"file": ("scan.pdf", documents.scanned_pdf())}, headers=owner,
                                data={"title": "Scan", "owner": "Riverside Trust"}, timeout=90)
        assert scanned.status_code == 400 and "a scanned PDF holds pictures of pages" in scanned.json()["error"]
        assert [d["title"] for d in requests.get(pages, headers=owner, timeout=30).json()["documents"]] == [t for _, _, t in files]
        engine = make_engine(assistant.db_url)
        for document_id, question, title, quote in (
                (added[0], "how do I book the riverside send workshop", "Ward training policy", WARD[3][1]),
                (added[1], "when is the next riverside send workshop", "SEND training dates", SESSIONS[0][1])):
            said = _answer(assistant, question)
            assert whose(title, "Riverside Trust") in said and quote in said
            assert any(quote in texts for _, texts in store.sections(engine, document_id))  # the stored text, exactly
    finally:
        for document_id in added:
            assert requests.delete(f"{pages}/{document_id}", headers=owner, timeout=30).status_code == 200
    assert "Riverside" not in _answer(assistant, "how do I book the riverside send workshop")


@pytest.mark.assistant
def test_the_rules_calendar_and_contacts_are_set_over_http_with_the_token_and_refused_with_the_reason(assistant):
    from knowledge.local import calendar, contacts, rules

    pages, owner = f"{assistant.url}/webhooks/webchat/documents", {"Authorization": f"Bearer {REPORT_TOKEN}"}
    engine = make_engine(assistant.db_url)
    contacts_file = b"contacts:\n  - for: SENCO\n    name: Riverside SENCO network\n    email: senco@riverside.example\n"
    calendar_file = b"level,date,title,place\nLevel 3,2099-01-20 10:00,SEND for therapists,Education Centre room 1\n"
    quote = "All practice managers complete Level 3 SEND training."
    policy, _ = store.add(engine, read(f"# Practice staff\n\n{quote}\n".encode(), "p.md"), "p.md", "Practice policy", "Riverside Trust", "t")
    raising = f"rules:\n  - role: practice manager\n    level: Level 3\n    document: Practice policy\n    quote: {quote}\n".encode()
    try:
        assert requests.post(f"{pages}/contacts", files={"file": ("c.yml", contacts_file)}, timeout=30).status_code == 401
        assert requests.get(f"{pages}/anything", headers=owner, timeout=30).status_code == 404
        for kind, data, shown in (("contacts", contacts_file, "Riverside SENCO network"), ("calendar", calendar_file, "SEND for therapists"),
                                  ("rules", raising, "Non-clinical manager: Level 3")):
            put = requests.post(f"{pages}/{kind}", files={"file": (f"x.{'csv' if kind == 'calendar' else 'yml'}", data)},
                                data={"by": "alex"}, headers=owner, timeout=30)
            assert put.status_code == 201 and put.json() == {"in force": 1}, put.text
            assert shown in str(requests.get(f"{pages}/{kind}", headers=owner, timeout=30).json()[kind])
        lowering = b"rules:\n  - role: GP\n    level: Level 1\n    document: Nothing\n    quote: x\n"
        refused = requests.post(f"{pages}/rules", files={"file": ("r.yml", lowering)}, headers=owner, timeout=30)
        assert refused.status_code == 400 and refused.json()["error"].startswith("r.yml is not used: rule 1:")
        for kind, name, data, why in (("contacts", "c.yml", b"\xff\xfe not text", "it is not UTF-8 text"),
                                      ("contacts", "deep.yml", b"contacts: " + b"[" * 5000, "not YAML that can be read"),
                                      ("calendar", "c.csv", b"level,date\nLevel 9,soon\n", "row 2: the date must be written like"),
                                      ("calendar", "c.ics", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Level 2\r\nDTSTART:P1D\r\n"
                                                            b"LOCATION:Room\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "event 1: give a summary and a start"),
                                      ("rules", "r.yml", b"rules: [", "not YAML"), ("rules", "big.yml", b"x" * 300_000, "over the limit of 256 KB")):
            bad = requests.post(f"{pages}/{kind}", files={"file": (name, data)}, headers=owner, timeout=30)
            assert bad.status_code == 400 and why in bad.json()["error"], (kind, name, bad.text)
        assert [c.name for c in contacts.current(engine)] == ["Riverside SENCO network"]  # a refused file changes nothing
        assert [r.role for r in rules.current(engine)] == ["Non-clinical manager"]
    finally:
        contacts.save(engine, [], "test")
        calendar.save(engine, [], "empty.csv", "test")
        rules.save(engine, [], "test")
        store.remove(engine, policy, "test")


@pytest.mark.assistant
def test_two_replicas_behind_nginx_cite_a_document_added_once_and_stop_at_once_when_it_is_removed(replicated, capsys):
    """Two Rasa servers and two action servers sharing PostgreSQL: the document added from the command line on one
    machine is cited by both, and its removal stops both citing it on their next question."""
    import tempfile
    from pathlib import Path

    question, quote = "how do I book the riverside send workshop", WARD[3][1]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "ward.docx").write_bytes(documents.docx(WARD))
        assert cli(["--database-url", replicated.db_url, "documents", "add", str(Path(folder) / "ward.docx"),
                    "--title", "Ward training policy", "--owner", "Riverside Trust"]) == 0
    document_id = int(capsys.readouterr().out.split("as document ")[1].split(",")[0])
    try:
        for member in replicated.members:
            said = " ".join(r.get("text") or "" for r in member.say(uuid.uuid4().hex, question))
            assert whose("Ward training policy", "Riverside Trust") in said and quote in said
    finally:
        assert cli(["--database-url", replicated.db_url, "documents", "remove", str(document_id)]) == 0
    for member in reversed(replicated.members):
        said = " ".join(r.get("text") or "" for r in member.say(uuid.uuid4().hex, question))
        assert "Riverside" not in said and quote not in said
