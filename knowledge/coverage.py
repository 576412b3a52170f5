"""How much of each section of each document the knowledge base quotes, and why a section gives none.

A count of citations flatters: a section cited once by a glossary term looks as covered as
one quoted line by line. So each section reports the facts that cite it, the glossary terms
that do, and the share of its text that their quotes cover.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from knowledge.content_loader import section_spans
from knowledge.schema import KnowledgeBase
from knowledge.sources import normalise


@dataclass(frozen=True)
class SectionCoverage:
    document: str
    section: str
    facts: int  # citations other than glossary terms
    glossary: int
    quoted: float  # share of the section's text (normalised) inside some quote, 0..1
    omitted: str | None


def _quoted(text: str, quotes: set[str]) -> float:
    """The share of ``text`` covered by the quotes found in it."""
    covered = [False] * len(text)
    for quote in quotes:
        start = text.find(quote)
        while start >= 0:
            covered[start: start + len(quote)] = [True] * len(quote)
            start = text.find(quote, start + 1)
    return sum(covered) / len(text) if text else 0.0


def coverage(kb: KnowledgeBase, seeds: Path | None = None) -> list[SectionCoverage]:
    # Abbreviations and things named without being included say where a term is used, not a fact from there.
    glossary = Counter((g.citation.document, g.citation.section) for g in (*kb.glossary, *kb.named_only))
    every = Counter((c.document, c.section) for c in kb.citations())
    quotes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in kb.citations():
        quotes[(c.document, c.section)].add(normalise(c.quote))
    texts = section_spans(seeds=seeds)
    rows = []
    for doc in kb.documents:
        text, spans = texts[doc.file_name]
        for sec in doc.sections:
            key = (doc.file_name, sec.path)
            span = spans[sec.path]
            share = _quoted(normalise(text.text[span.start: span.end]), quotes[key])
            rows.append(SectionCoverage(doc.file_name, sec.path, every[key] - glossary[key], glossary[key], share, sec.omitted))
    return rows


def uncovered(kb: KnowledgeBase, seeds: Path | None = None) -> list[SectionCoverage]:
    """Sections no fact cites (glossary terms alone do not count) and no reason leaves out: gaps in the content."""
    return [row for row in coverage(kb, seeds) if row.facts == 0 and not row.omitted]


def report(kb: KnowledgeBase, seeds: Path | None = None) -> str:
    lines, rows = [], coverage(kb, seeds)
    titles = {doc.file_name: doc.title for doc in kb.documents}
    for file_name in titles:
        lines.append(f"{file_name}  {titles[file_name]}")
        for row in (r for r in rows if r.document == file_name):
            if row.omitted:
                state = f"left out: {row.omitted}"
            else:
                terms = f", {row.glossary} glossary terms" if row.glossary else ""
                state = f"{row.facts} facts{terms}; {row.quoted:.0%} of its text quoted"
            lines.append(f"  {row.section}: {state}")
    cited = sum(1 for r in rows if r.facts)
    left_out = sum(1 for r in rows if r.omitted)
    gaps = len(uncovered(kb, seeds))
    shares = sorted(r.quoted for r in rows if not r.omitted)
    median = shares[len(shares) // 2] if shares else 0.0
    lines.append(f"{len(rows)} sections: {cited} cited by facts, {left_out} left out with a reason, {gaps} uncovered; "
                 f"{len(kb.citations())} citations in all; median share of a section's text quoted {median:.0%}")
    return "\n".join(lines)


__all__ = ["SectionCoverage", "coverage", "report", "uncovered"]
