"""Each section of each document is either cited or left out with a reason."""
from __future__ import annotations

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
