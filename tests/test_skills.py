"""The self-assessment: the documents' own statements, ratings read from people's words, resuming, the summary and its files."""
from __future__ import annotations

import csv
import io
import re
import time

import pytest

from bot import skills_files
from bot.retention import forget, purge
from knowledge import skills
from knowledge.skills import store as skills_store
from knowledge.db import make_engine
from knowledge.records import Owner
from knowledge.sources import seeds_dir
from tests.test_retention import DAY, _save

SECRET = "test-secret"


def _flat(text: str) -> str:
    return re.sub(r"\W+", " ", text).lower()


def test_everyone_else_is_assessed_against_the_six_east_sussex_areas_in_the_documents_words(kb):
    framework = skills.framework_for(kb, senco=False)
    seed = _flat(next(seeds_dir().glob("001_*.txt")).read_text())
    assert len(framework.areas) == 6
    for area in framework.areas:
        assert _flat(area.title) in seed and area.statements  # "1. Family centred communication and engagement" ...
        for s in area.statements:
            assert s.citation.document.startswith("001_") and _flat(s.citation.quote) in seed
    assert "benchmark for staff to assess their competencies" in framework.purpose.text
    assert len({s.id for s in framework.statements}) == len(framework.statements)


def test_a_senco_is_assessed_against_the_award_s_minimum_outcomes(kb):
    framework = skills.framework_for(kb, senco=True)
    assert [a.title for a in framework.areas] == ["Professional attributes", "Knowledge and understanding", "Skills"]
    assert all(s.citation.document.startswith("004_") and s.citation.section.startswith("Section 3") for s in framework.statements)
    assert "assessed against" in framework.purpose.text


@pytest.mark.parametrize("typed, rating", [
    ("Confident", "confident"), ("yes, confident", "confident"), ("very confident.", "confident"), ("partly", "partly"),
    ("a bit", "partly"), ("somewhat", "partly"), ("not yet", "not yet"), ("Not confident", "not yet"), ("no", "not yet"),
    ("skip", "skip"), ("skip this area", "skip"), ("what is a SENCO?", None), ("not sure", None), ("", None),
    ("confident about safeguarding but not yet about the rest", None)])
def test_a_rating_is_read_from_a_person_s_own_words_and_nothing_else_is(typed, rating):
    assert skills.read_rating(typed) == rating


def test_the_assessment_goes_one_statement_at_a_time_and_skipping_an_area_moves_to_the_next(kb):
    framework = skills.framework_for(kb, senco=False)
    first, second = framework.areas[:2]
    assert skills.next_statement(framework, {}) == (0, 0, first.statements[0])
    ratings = {first.statements[0].id: skills.PARTLY}
    assert skills.next_statement(framework, ratings)[1:] == (1, first.statements[1])
    ratings.update(skills.skipping(framework, ratings, first.id))
    assert ratings[first.statements[0].id] == skills.PARTLY and ratings[first.statements[-1].id] == skills.SKIPPED
    assert skills.next_statement(framework, ratings) == (1, 0, second.statements[0])
    for area in framework.areas:
        ratings.update(skills.skipping(framework, ratings, area.id))
    assert skills.next_statement(framework, ratings) is None


def test_the_summary_lists_what_to_work_on_and_the_training_for_the_level_as_the_guide_s_reading(kb):
    framework = skills.framework_for(kb, senco=False)
    area = framework.areas[2]
    ratings = {area.statements[0].id: skills.CONFIDENT, area.statements[1].id: skills.PARTLY, area.statements[2].id: skills.NOT_YET}
    level = next(lv for lv in kb.levels if lv.id == "level-2")
    summary = skills.summarise(kb, framework, ratings, level)
    [part] = [a for a in summary.areas if a.area == area]
    assert part.to_work_on == ((area.statements[1], "partly"), (area.statements[2], "not yet"))
    assert skills.counts_text(part.counts).startswith("1 confident, 1 partly, 1 not yet")
    assert not summary.complete and summary.rated == 3
    methods = {m.text for m in level.methods}
    assert methods and methods <= {t.text for t in summary.training}
    assert all(t.citation.document.startswith("000_") for t in summary.training)
    assert "guide's reading" in summary.readings[0] and "Level 2" in summary.readings[0]
    unplaced = skills.summarise(kb, framework, ratings, None)
    assert unplaced.training == () and "find your training level" in unplaced.readings[0]


def test_a_senco_s_training_is_the_national_award_with_its_sources(kb):
    summary = skills.summarise(kb, skills.framework_for(kb, senco=True), {}, None)
    assert any("within three years of appointment" in t.text for t in summary.training)
    assert {t.citation.document[:3] for t in summary.training} == {"003", "004"}
    assert "guide's reading" in summary.readings[0]


def test_ratings_belong_to_their_owner_resume_open_by_key_and_clear(db_url, kb):
    engine = make_engine(db_url)
    framework = skills.framework_for(kb, senco=False)
    a, b = Owner("owner-a", "webchat"), Owner("owner-a", "rest")  # the same id typed into REST is someone else
    first, second = framework.statements[:2]
    skills_store.rate(engine, a, {first.id: "partly"}, SECRET)
    skills_store.rate(engine, a, {first.id: "confident", second.id: "not yet"}, SECRET)  # a rating given again replaces the first
    assert skills_store.of(engine, a) == {first.id: "confident", second.id: "not yet"} and skills_store.of(engine, b) == {}
    assert skills.next_statement(framework, skills_store.of(engine, a))[2] == framework.statements[2]
    assert skills_store.by_key(engine, a.key(SECRET)) == skills_store.of(engine, a)
    assert skills_store.by_key(engine, "' OR 1=1 --") is None and skills_store.by_key(engine, "0" * 64) == {}
    with pytest.raises(ValueError):
        skills_store.rate(engine, a, {first.id: "<script>"}, SECRET)
    assert skills_store.clear(engine, a, [first.id]) == 1 and skills_store.of(engine, a) == {second.id: "not yet"}
    engine.dispose()


def test_forget_and_purge_cover_the_ratings(db_url, kb):
    now = time.time()
    _save(db_url, "old", now - 100 * DAY)
    _save(db_url, "recent", now - 10 * DAY)
    engine = make_engine(db_url)
    statement = skills.framework_for(kb, senco=False).statements[0].id
    for sender in ("old", "recent", "forgotten"):
        skills_store.rate(engine, Owner(sender, "webchat"), {statement: "partly"}, SECRET)
    assert forget(engine, "forgotten").ratings == 1
    assert purge(engine, 90, now=now).ratings == 1
    assert skills_store.of(engine, Owner("old", "webchat")) == {} and skills_store.of(engine, Owner("recent", "webchat"))
    engine.dispose()


def test_the_downloads_hold_every_statement_with_its_rating_and_source_safely(kb):
    framework = skills.framework_for(kb, senco=True)
    first = framework.statements[0]
    ratings = {first.id: "not yet"}
    summary = skills.summarise(kb, framework, ratings, None)
    rows = list(csv.DictReader(io.StringIO(skills_files.to_csv(summary, ratings))))
    assert len(rows) == len(framework.statements) and rows[0]["Rating"] == "not yet" and rows[1]["Rating"] == "not rated"
    assert rows[0]["Statement"] == first.text and "Section 3" in rows[0]["Source"]
    page = skills_files.to_html(summary, ratings)
    assert f"<li>{first.text} (not yet)</li>" in page.replace("&#x27;", "'") and "1 of 25 statements rated" in page
    assert "<script" not in page
