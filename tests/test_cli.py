"""The send-guide command line, run as a user runs it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def send_guide(*args: str, db: str | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "bot.cli"] + (["--database-url", db] if db else []) + list(args)
    return subprocess.run(command, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'kb.db'}"
    built = send_guide("build", db=url)
    assert built.returncode == 0, built.stderr
    assert "539 citations" in built.stdout or "citations" in built.stdout
    return url


def test_level_json_for_a_named_role(db):
    out = send_guide("level", "--role", "deputy DHO", "--json", db=db)
    data = json.loads(out.stdout)
    assert data["level"] == "Level 5" and data["citations"]
    assert {"document", "title", "section", "quote"} == set(data["citations"][0])


def test_level_json_asks_the_next_question(db):
    data = json.loads(send_guide("level", "--role", "phsyiotherapist", "--json", db=db).stdout)
    assert data["asks"] == "involvement" and [o["value"] for o in data["options"]] == ["designated", "lead", "assess", "none"]
    data = json.loads(send_guide("level", "--role", "SENCO", "--json", db=db).stdout)
    assert data["asks"] == "sector" and [o["sets"]["sector"] for o in data["options"]][:3] == ["school", "school", "early-years"]
    data = json.loads(send_guide("level", "--role", "SENCO", "--sector", "school", "--json", db=db).stdout)
    assert data["asks"] == "new-senco"


def test_level_with_all_answers(db):
    args = ["level", "--role", "teaching assistant", "--sector", "school", "--assess", "no", "--contact", "some", "--json"]
    assert json.loads(send_guide(*args, db=db).stdout)["level"] == "Tier 1"
    args = ["level", "--role", "GP", "--involvement", "lead", "--json"]
    assert json.loads(send_guide(*args, db=db).stdout)["level"] == "Level 4"
    args = ["level", "--role", "SENCO", "--sector", "school", "--new-senco", "yes", "--json"]
    data = json.loads(send_guide(*args, db=db).stdout)
    assert data["level"] == "Tier 2" and data["senco_award"]["required"] is True


def test_the_induction_set_for_all_staff_at_the_first_level_is_labelled_so_above_it(db, kb):
    first, *above = kb.levels_of("health")
    assert first.induction and not any(lv.induction for lv in above)  # the documents set it once, for everyone
    own = send_guide("level", "--role", "porter", "--sector", "health", "--involvement", "none", db=db).stdout
    assert f"{first.name} (health framework)" in own and "Induction: " in own
    raised = send_guide("level", "--role", "GP", "--involvement", "lead", db=db).stdout
    assert f"Induction (for all healthcare staff, set at {first.name}): " in raised and "Induction: " not in raised


def test_unknown_role_is_not_an_error(db):
    out = send_guide("level", "--role", "zookeeper", "--sector", "health", "--json", db=db)
    assert out.returncode == 0 and json.loads(out.stdout)["asks"] == "involvement"


def test_invalid_value_is_a_clear_error(db):
    out = send_guide("level", "--contact", "lots", db=db)
    assert out.returncode != 0 and "invalid choice: 'lots'" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("typed, level", [("4", "Level 2"), ("I see kids at reception now and then", "Level 2"),
                                          ("none of these", "Level 1"), ("no", "Level 1")])
def test_interactive_asks_until_it_can_answer(db, typed, level):
    out = send_guide("level", "--interactive", db=db, stdin=f"receptionist at a GP surgery\n{typed}\n")
    assert out.returncode == 0, out.stderr
    assert f"> {level} (health framework)" in out.stdout and "Sources:" in out.stdout


def test_interactive_asks_again_when_the_answer_is_unclear(db):
    out = send_guide("level", "--interactive", "--role", "SENCO", db=db, stdin="somewhere\nat a primary school, I'm new to it\n")
    assert out.returncode == 0 and "could not tell which" in out.stdout
    assert "Tier 2" in out.stdout and "you must achieve it" in out.stdout


def test_a_role_and_a_workplace_from_different_sectors_are_not_silently_swapped(db):
    data = json.loads(send_guide("level", "--role", "school nurse", "--sector", "school", "--json", db=db).stdout)
    assert data["asks"] == "involvement" and data["role"]["matched"] == "School nurse"
    out = send_guide("level", "--role", "school nurse", "--sector", "school", "--involvement", "none", db=db).stdout
    assert out.startswith("Level 3 (health framework)") and "although you work in a school" in out


def test_interactive_stops_cleanly_at_end_of_input(db):
    out = send_guide("level", "--interactive", "--role", "GP", db=db, stdin="")
    assert out.returncode == 1 and "Traceback" not in out.stderr


def test_cohort_lookup(db):
    data = json.loads(send_guide("cohort", "Level 3", "--json", db=db).stdout)
    assert "School nurse" in [r["role"] for r in data["roles"]]
    assert data["refresher"]["minutes"] == 240
    plain = send_guide("cohort", "tier 1", db=db).stdout
    assert plain.startswith("Tier 1:")


@pytest.mark.parametrize("level", ["Level 1", "Level 2", "Level 4"])
def test_competencies_are_in_the_plain_answer_and_the_cohort_lookup(db, level):
    data = json.loads(send_guide("cohort", level, "--json", db=db).stdout)
    assert data["competencies"]
    plain = send_guide("cohort", level, db=db).stdout
    assert "Competencies:" in plain and all(c["text"] in plain for c in data["competencies"])
    involvement = {"Level 1": "none", "Level 2": "contact", "Level 4": "lead"}[level]
    answer = send_guide("level", "--role", "ward clerk", "--sector", "health", "--involvement", involvement, "--full", db=db).stdout
    assert answer.startswith(level) and all(c["text"] in answer for c in data["competencies"])


def test_responsibilities_lookup(db):
    listing = json.loads(send_guide("responsibilities", "--json", db=db).stdout)
    assert "governing-boards" in [t["topic"] for t in listing]
    data = json.loads(send_guide("responsibilities", "headteacher", "--json", db=db).stdout)
    assert any("SENCo has enough time and resources" in i["text"] for i in data["items"])


def test_glossary_lookup(db):
    data = json.loads(send_guide("glossary", "EHCP", "--json", db=db).stdout)
    assert data[0]["expansion"] == "Education, Health and Care Plan"
    assert json.loads(send_guide("glossary", "DCO", "--json", db=db).stdout)[0]["expansion"] is None


def test_unknown_lookups_are_clear_errors(db):
    for args in (["cohort", "Level 9"], ["glossary", "XYZ"], ["responsibilities", "astronaut"]):
        out = send_guide(*args, db=db)
        assert out.returncode == 1 and out.stderr.startswith("send-guide: ") and "Traceback" not in out.stderr


def test_coverage_command():
    out = send_guide("coverage")
    assert out.returncode == 0 and "0 uncovered" in out.stdout


def test_an_unbuilt_database_says_what_to_do(tmp_path):
    out = send_guide("level", "--role", "GP", db=f"sqlite:///{tmp_path / 'empty.db'}")
    assert out.returncode == 1 and "send-guide build" in out.stderr


def test_an_unreachable_database_names_the_setting():
    out = send_guide("glossary", db="postgresql://nobody:secret@127.0.0.1:1/none")
    assert out.returncode == 1 and "DATABASE_URL" in out.stderr and "secret" not in out.stderr


@pytest.mark.assistant
def test_train_prints_the_current_model_without_training_again(assistant):
    out = send_guide("train")
    assert out.returncode == 0 and out.stdout.strip() == str(assistant.model)
    assert "up to date" in out.stderr


def test_serve_with_an_unreachable_redis_stops_before_starting_anything_and_names_the_setting(db, monkeypatch):
    from tests.services import free_port

    monkeypatch.setenv("REDIS_URL", f"redis://:secret@127.0.0.1:{free_port()}/0")
    out = send_guide("serve", db=db)
    assert out.returncode == 1 and "Check REDIS_URL" in out.stderr and "secret" not in out.stderr
    assert "Traceback" not in out.stderr and "Starting" not in out.stdout


def test_the_phases_the_lincolnshire_report_gives_two_ways_are_noted_on_the_platform_not_on_each_tier(db, kb):
    timeline = next(t for t in kb.tensions if t.id == "lincolnshire-timeline")
    assert "special schools in Phase 2" in timeline.statement and "special schools in Phase 1" in timeline.statement
    assert timeline.statement in send_guide("responsibilities", "learning-platform", db=db).stdout
    for tier in kb.levels_of("schools"):  # a tier's answer is about the person's training, not the roll-out
        assert timeline.statement not in send_guide("cohort", tier.name, db=db).stdout


def test_a_topic_in_plain_text_keeps_each_list_s_lead_in(db, kb):
    for topic in ("governing-boards", "headteacher", "teachers"):
        plain = send_guide("responsibilities", topic, db=db).stdout
        leads = {i.heading.rstrip(":") for i in kb.topic(topic).items if i.heading}
        assert leads and all(f"{lead}:" in plain for lead in leads), topic
    head = next(i.text for i in kb.topic("headteacher").items if "Code of Practice 2015 recommends" in i.text)
    assert head.startswith("Ensure that the SENCo has enough time")  # one bullet of the document, not a duty of its own


def test_output_read_only_in_part_ends_quietly(db):
    """"send-guide level ... | head -1": the reader closing the pipe early is no error, and shows no traceback."""
    command = [sys.executable, "-m", "bot.cli", "--database-url", db, "level", "--role", "GP receptionist"]
    writer = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writer.stdout.close()  # before the command has written its answer (it takes a second to start)
    _, errors = writer.communicate(timeout=120)
    assert b"Traceback" not in errors and writer.returncode == 0, errors
