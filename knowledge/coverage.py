"""How many facts cite each section of each document, and why a section gives none."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from knowledge.schema import KnowledgeBase


@dataclass(frozen=True)
class SectionCoverage:
    document: str
    section: str
    facts: int
    omitted: str | None


def coverage(kb: KnowledgeBase) -> list[SectionCoverage]:
    counts = Counter((c.document, c.section) for c in kb.citations())
    return [
        SectionCoverage(doc.file_name, sec.path, counts[(doc.file_name, sec.path)], sec.omitted)
        for doc in kb.documents
        for sec in doc.sections
    ]


def uncovered(kb: KnowledgeBase) -> list[SectionCoverage]:
    """Sections with no fact and no reason for leaving them out: gaps in the content."""
    return [row for row in coverage(kb) if row.facts == 0 and not row.omitted]


def report(kb: KnowledgeBase) -> str:
    lines, rows = [], coverage(kb)
    titles = {doc.file_name: doc.title for doc in kb.documents}
    for file_name in titles:
        lines.append(f"{file_name}  {titles[file_name]}")
        for row in (r for r in rows if r.document == file_name):
            state = f"left out: {row.omitted}" if row.omitted else f"{row.facts} facts"
            lines.append(f"  {row.section}: {state}")
    cited = sum(1 for r in rows if r.facts)
    left_out = sum(1 for r in rows if r.omitted)
    lines.append(f"{len(rows)} sections: {cited} cited, {left_out} left out with a reason, "
                 f"{len(rows) - cited - left_out} uncovered; {len(kb.citations())} citations in all")
    return "\n".join(lines)
