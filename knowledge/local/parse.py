"""An organisation's document read into sections of passages: Markdown, HTML, .docx and text PDFs.

Each kind is read by a well-kept library (markdown-it-py, lxml, python-docx, pypdf) and comes out
the same way: sections in the document's order, each a heading (a Markdown or HTML heading, a
.docx heading style, a PDF page) and its passages (paragraphs, list items, table rows), as the
document words them. What a passage quotes is then checked against this text like the five
documents' quotes. Run in a capped worker (bot/documents/worker.py): a hostile file costs that
worker only; the limits here hold whatever the worker's.
"""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

KINDS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
SPACE = re.compile(r"\s+")
WRAPPED = 0.7  # a PDF line at least this share of the page's longest runs on into the next (a heading or a last line is shorter)
_LIST_ITEM = re.compile(r"(?:[•\u2022\-]|\d+[.)])\s")


class DocumentError(ValueError):
    """The file cannot be added; the message says why, in words for the person who added it."""


@dataclass(frozen=True)
class DocumentLimits:
    file_megabytes: float = 5  # as staff lists: the web servers refuse a bigger body before reading it
    pages: int = 500
    characters: int = 2_000_000  # of text, however the file is packed
    seconds: float = 60
    memory_megabytes: int = 1024

    def describe(self) -> str:
        return f"{self.file_megabytes:g} MB, {self.pages:,} pages and {self.characters:,} characters of text"


LIMITS = DocumentLimits()


@dataclass
class Parsed:
    kind: str
    sections: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(self, heading: str | None, text: str) -> None:
        text = clean(text)
        if heading is not None:
            self.sections.append((clean(heading) or "Untitled section", []))
        elif text:
            if not self.sections:
                self.sections.append(("Opening", []))
            self.sections[-1][1].append(text)

    def characters(self) -> int:
        return sum(len(h) + sum(map(len, ps)) for h, ps in self.sections)


def clean(text: str) -> str:
    """Text as it is stored and quoted: Unicode composed, control characters gone, runs of white space one space."""
    text = "".join(c for c in unicodedata.normalize("NFC", text) if c.isspace() or unicodedata.category(c) != "Cc")
    return SPACE.sub(" ", text).strip()


def kind_of(filename: str) -> str:
    kind = KINDS.get(PurePath(filename).suffix.casefold())
    if kind is None:
        raise DocumentError(f"{PurePath(filename).suffix or 'a file without an extension'} is not a kind of document this "
                            "reads: give Markdown (.md), HTML (.html), Word (.docx) or PDF (.pdf)")
    return kind


def read(data: bytes, filename: str, limits: DocumentLimits = LIMITS) -> Parsed:
    kind = kind_of(filename)
    if len(data) > limits.file_megabytes * 2**20:
        raise DocumentError(f"the file is over the limit of {limits.file_megabytes:g} MB")
    parsed = {"markdown": _markdown, "html": _html, "docx": _docx, "pdf": _pdf}[kind](data, limits)
    if parsed.characters() > limits.characters:
        raise DocumentError(f"the document has more than the limit of {limits.characters:,} characters of text")
    if not any(passages for _, passages in parsed.sections):
        raise DocumentError("no text could be read from it")
    return parsed


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError("it is not UTF-8 text") from None


def _markdown(data: bytes, _: DocumentLimits) -> Parsed:
    from markdown_it import MarkdownIt

    parsed, heading, tokens = Parsed("markdown"), False, MarkdownIt("commonmark").enable("table").parse(_text(data))
    for token in tokens:
        if token.type == "heading_open":
            heading = True
        elif token.type == "inline":
            words = "".join(" " if c.type in ("softbreak", "hardbreak") else c.content for c in token.children or []
                            if c.type in ("text", "code_inline", "softbreak", "hardbreak"))
            parsed.add(words if heading else None, words)
            heading = False
    return parsed


_BLOCKS = "h1 h2 h3 h4 h5 h6 p li td th dd dt blockquote pre".split()


def _html(data: bytes, _: DocumentLimits) -> Parsed:
    from lxml import etree, html

    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        raise DocumentError("it is not HTML that can be read") from None
    for br in root.iter("br"):
        br.tail = " " + (br.tail or "")
    for bad in root.xpath("//script|//style|//noscript|//template|//iframe|//frame|//object|//embed"):
        bad.drop_tree()
    parsed = Parsed("html")
    for element in root.iter(*_BLOCKS):
        if any(a.tag in _BLOCKS for a in element.iterancestors()):
            continue  # its text is read with the block around it
        words = " ".join(element.itertext())  # "a<br>b" is two words, not "ab"
        parsed.add(words if element.tag in _BLOCKS[:6] else None, words)
    return parsed


def _docx(data: bytes, limits: DocumentLimits) -> Parsed:
    import zipfile

    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > 20 * limits.file_megabytes * 2**20:
                raise DocumentError(f"its parts unpack to more than {20 * limits.file_megabytes:g} MB")
        document = docx.Document(io.BytesIO(data))
    except DocumentError:
        raise
    except Exception:  # noqa: BLE001 - python-docx raises many kinds for a damaged file
        raise DocumentError("it is not a Word document that can be read") from None
    parsed = Parsed("docx")
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):  # a table: a passage per row
            for row in block.rows:
                parsed.add(None, " | ".join(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip())))
        else:
            style = (block.style.name if block.style is not None else "") or ""
            parsed.add(block.text if style.startswith(("Heading", "Title")) else None, block.text)
    return parsed


def _pdf(data: bytes, limits: DocumentLimits) -> Parsed:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > limits.pages:
            raise DocumentError(f"it has more than the limit of {limits.pages:,} pages")
        parsed, read = Parsed("pdf"), 0
        for number, page in enumerate(reader.pages, 1):
            text = page.extract_text() or ""
            read += len(text)
            if read > limits.characters:
                raise DocumentError(f"the document has more than the limit of {limits.characters:,} characters of text")
            parsed.add(f"Page {number}", "")
            for paragraph in _paragraphs(text):
                parsed.add(None, paragraph)
    except DocumentError:
        raise
    except LimitReachedError:
        raise DocumentError("a part of it unpacks to more than the limit pypdf allows (a compressed bomb?)") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        raise DocumentError("it is not a PDF that can be read") from None
    if not any(passages for _, passages in parsed.sections):
        raise DocumentError("it has no text to read: a scanned PDF holds pictures of pages; give a PDF with its text, or "
                            "the document it was made from")
    return parsed


def _paragraphs(text: str) -> list[str]:
    """A page's lines joined into paragraphs. A line runs on into the next when it does not end a sentence, the
    next is not a list item, and either it is nearly as long as the page's longest line (wrapped, not ended) or
    the next starts in lower case; a blank line always parts them."""
    lines = [line.strip() for line in text.splitlines()]
    longest = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    previous = ""
    for line in lines:
        if not line:
            previous = ""
            continue
        wrapped = len(previous) >= WRAPPED * longest or line[:1].islower()
        if previous and not re.search(r"[.!?:;]$", previous) and not _LIST_ITEM.match(line) and wrapped:
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        previous = line
    return paragraphs
