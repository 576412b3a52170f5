"""The five source documents: where they are, their sections, and quote look-up.

Quotes are matched after normalising case, white space, typographic quotes and the
HTML tags that survive in the documents' tables, so a citation checks what a reader
sees rather than how the text happened to be encoded.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SEEDS_ENV = "SEND_GUIDE_SEEDS"
_DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def seeds_dir() -> Path:
    """The folder holding the source documents (``SEND_GUIDE_SEEDS`` overrides the default)."""
    return Path(os.environ.get(SEEDS_ENV) or _DEFAULT_SEEDS)


def normalise(text: str) -> str:
    """Fold text for comparison: no tags or emphasis stars, one space, ASCII quotes, lower case."""
    text = _TAG.sub(" ", text).replace("*", "").translate(_TYPOGRAPHIC)
    return _SPACE.sub(" ", text).strip().casefold()


def shown_quote(quote: str, excerpt: bool = False) -> str:
    """A quote as a source shows it: one space, none before punctuation ("Health Visitors ," is shown "Health
    Visitors,"), and an ellipsis where it stops short of its sentence's end; the stored quote keeps the
    document's own spacing, so it still matches the document."""
    shown = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(quote.split()))
    return f"{shown} \u2026" if excerpt else shown


def _heading_key(line: str) -> str:
    return normalise(line.strip().lstrip("-").strip()).rstrip(":").strip()


class SourceError(ValueError):
    """A document or section that the content names cannot be found."""


@dataclass(frozen=True)
class Span:
    """A section's place in its document: where its heading starts and the next one begins."""

    start: int
    end: int


class Document:
    """One source document, read once, with its section spans located by heading."""

    def __init__(self, file_name: str, text: str) -> None:
        self.file_name = file_name
        self.text = text
        self._lines = text.splitlines(keepends=True)

    @classmethod
    def load(cls, file_name: str, folder: Path | None = None) -> "Document":
        path = (folder or seeds_dir()) / file_name
        if not path.is_file():
            raise SourceError(f"source document not found: {path} (set {SEEDS_ENV} to the seeds folder)")
        return cls(file_name, path.read_text(encoding="utf-8"))

    def find_heading(self, heading: str, after: int = 0, occurrence: int = 1) -> int:
        """Offset of the ``occurrence``-th line after ``after`` that reads as ``heading``."""
        wanted, offset, seen = _heading_key(heading), 0, 0
        for line in self._lines:
            if offset >= after and _heading_key(line) == wanted:
                seen += 1
                if seen == occurrence:
                    return offset
            offset += len(line)
        raise SourceError(f"{self.file_name}: heading not found: {heading!r}")

    def spans(self, headings: list[tuple[str, int]]) -> list[Span]:
        """Spans of headings given in document order, each ending where the next begins."""
        starts, after = [], 0
        for heading, occurrence in headings:
            after = self.find_heading(heading, after, occurrence)
            starts.append(after)
            after += 1
        ends = starts[1:] + [len(self.text)]
        return [Span(s, e) for s, e in zip(starts, ends)]

    def contains(self, quote: str, span: Span | None = None) -> bool:
        """Whether the quote is the document's own words, read as a reader would: a paragraph a page broke goes on past
        the footnotes printed at the foot of that page."""
        text = self.text if span is None else self.text[span.start : span.end]
        return normalise(quote) in _normalised(text) or normalise(quote) in _normalised(FOOTNOTE_LINE.sub("", text))

    def ends_where_its_sentence_ends(self, quote: str, span: Span) -> bool:
        """True when the quote runs to the end of a sentence, a bullet or a table cell somewhere in the span."""
        lines = _lines(self.text[span.start : span.end])
        for m in re.finditer(re.escape(normalise(quote)).replace(r"\ ", "[ \n]"), lines):
            after = lines[m.end() : m.end() + 2]
            if after[:1] in ("", "\n") or (m.group(0)[-1:] in _STOPS and after[:1] == " ") \
                    or (after[:1] in _STOPS and after[1:2] in ("", " ", "\n")):
                return True
        return False


SUPERSCRIPT = "\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u2070"  # a footnote's mark
FOOTNOTE_LINE = re.compile(rf"^[{SUPERSCRIPT}]+\s.*$", re.MULTILINE)  # "² Stakeholders might include ...": the note itself


@lru_cache(maxsize=64)
def _normalised(text: str) -> str:
    return normalise(text)


_STOPS = ".?!;:"


@lru_cache(maxsize=64)
def _lines(text: str) -> str:
    """The text normalised line by line, with a line break wherever a line, table cell or bullet ends."""
    text = _TAG.sub("\n", text).replace("•", "\n").replace("\t", "\n").replace("*", "").translate(_TYPOGRAPHIC)
    return "\n".join(" ".join(line.split()).casefold() for line in text.split("\n") if line.strip())
