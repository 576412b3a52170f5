"""The source documents cut into passages (paragraphs, bullets, table rows), each cited to its section
with its own words as the quote, so a question no curated content answers can be answered from what
the documents say. Headings and lines too short to say anything are left out (unless they hold a phone
number, an email address or a postcode); a bullet keeps the line that leads into its list ("The aims of the service are:")."""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Mapping

from knowledge.schema import Citation, Document, SourcePassage
from knowledge.sources import Document as SourceText
from knowledge.sources import Span, normalise

MIN_PASSAGE = 25  # characters: shorter lines are headings, labels or page furniture
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2013]\s+|\d{1,2}[.)]\s+(?=[A-Z]))")
_LETTERS = re.compile(r"[A-Za-z]{3,}")
_CONTACT = re.compile(r"\b\d{5} ?\d{6}\b|@|\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b")  # a phone number, an email, a postcode: short but wanted


def source_passages(documents: Iterable[Document], texts: Mapping[str, tuple[SourceText, Mapping[str, Span]]]) -> tuple[SourcePassage, ...]:
    return tuple(p for doc in documents for p in _of(doc, *texts[doc.file_name]))


def _of(doc: Document, source: SourceText, spans: Mapping[str, Span]) -> Iterator[SourcePassage]:
    for section in doc.sections:
        span = spans[section.path]
        lead_in = None
        for line in source.text[span.start: span.end].splitlines()[1:]:  # the first line is the heading
            bullet = bool(_BULLET.match(line))
            text = _BULLET.sub("", line).strip()
            if not text:
                continue
            if not bullet:
                lead_in = text if text.endswith(":") else None
            if (len(normalise(text)) >= MIN_PASSAGE or _CONTACT.search(text)) and _LETTERS.search(text):
                yield SourcePassage(Citation(doc.file_name, section.path, text, doc.title), lead_in if bullet else None)
