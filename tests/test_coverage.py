"""Each section of each document is either cited or left out with a reason."""
from __future__ import annotations

from dataclasses import replace

from knowledge.coverage import coverage, report, uncovered


def test_no_section_is_silently_left_out(kb):
    assert uncovered(kb) == []


def test_left_out_sections_have_no_facts(kb):
    assert [r for r in coverage(kb) if r.omitted and r.facts] == []


def test_report_names_every_section(kb):
    text = report(kb)
    for row in coverage(kb):
        assert f"  {row.section}: " in text
    assert "0 uncovered" in text.splitlines()[-1]


def test_the_documents_main_sections_are_well_cited(kb):
    counts = {(r.document[:3], r.section): r.facts for r in coverage(kb)}
    assert counts[("000", "SEND Training Requirements for All Staff and Healthcare Professionals")] >= 50
    assert counts[("002", "Workforce Development Learning Platform Delivery Model")] >= 5
    assert counts[("004", "Section 3: The minimum outcomes for teachers successfully completing nationally accredited SENCO training programme")] >= 20


def test_glossary_terms_alone_do_not_cover_a_section(kb):
    terms_only = replace(kb, levels=(), topics=(), roles=(), tensions=(), questions=())
    criterion_5 = "Section 1: Introduction and guidance > Criterion 5"
    row = next(r for r in coverage(terms_only) if r.section == criterion_5)
    assert (row.facts, row.glossary) == (0, 2) and row.quoted < 0.05
    assert criterion_5 in {r.section for r in uncovered(terms_only)}


def test_the_report_gives_the_share_of_each_section_quoted(kb):
    rows = {(r.document[:3], r.section): r for r in coverage(kb)}
    assert rows[("000", "Learning Outcomes > Level 1")].quoted > 0.9
    assert rows[("004", "Section 1: Introduction and guidance > Criterion 2")].quoted < 0.5
    assert "% of its text quoted" in report(kb) and "median share of a section's text quoted" in report(kb)
