"""The source documents cut into passages (paragraphs, bullets, table rows), each cited to its section
with its own words as the quote, so a question no curated content answers can be answered from what
the documents say. Headings and lines too short to say anything are left out (unless they hold a phone
number, an email address, a postcode or a date, or are an item of a list); a bullet keeps the line that leads into its list
("The aims of the service are:")."""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Mapping, Sequence

from knowledge.schema import Citation, Document, Level, SourcePassage
from knowledge.sources import Document as SourceText
from knowledge.sources import SUPERSCRIPT, Span, normalise
from knowledge.words import NUMBERS, SHORT_FORMS, tokens, written_out

MIN_PASSAGE = 25  # characters: shorter lines are headings, labels or page furniture
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2013]\s+|\d{1,2}[.)]\s+(?=[A-Z]))")
_ITEM = re.compile(r"^\s*[-*\u2022\u25aa\u2013]\s+")  # a list item's mark (a numbered line may be a heading: "1. Background")
_LETTERS = re.compile(r"[A-Za-z]{3,}")
# A numbered paragraph ("1.13. The delivery model ...", "24** Providers will need to ..."), not a list item
_NUMBERED = re.compile(r"^(?:\d+\.\d+\.\s+[A-Z]|\d{1,2}\*\*\s)")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A phone number, an email, a postcode or a date ("Date: 17 June 2022"): short, but wanted.
_WANTED = re.compile(rf"\b\d{{5}} ?\d{{6}}\b|@|\b[A-Z]{{1,2}}\d{{1,2}}[A-Z]? ?\d[A-Z]{{2}}\b|\b\d{{1,2}} {_MONTH} (?:19|20)\d\d\b")


def source_passages(documents: Iterable[Document], texts: Mapping[str, tuple[SourceText, Mapping[str, Span]]]) -> tuple[SourcePassage, ...]:
    return tuple(p for doc in documents for p in _of(doc, *texts[doc.file_name]))


def _of(doc: Document, source: SourceText, spans: Mapping[str, Span]) -> Iterator[SourcePassage]:
    for section in doc.sections:
        span = spans[section.path]
        lines = source.text[span.start: span.end].splitlines()
        # The first line is the heading, unless it is an item of a list the documents print with no heading (the
        # governors' key questions), which the content finds by its first item and cites by another name: then it is
        # the section's first passage.
        headless = bool(lines) and bool(_ITEM.match(lines[0])) and _ITEM.sub("", lines[0]).strip() != section.path.split(" > ")[-1]
        for text, lead_in in _joined(lines if headless else lines[1:]):
            yield SourcePassage(Citation(doc.file_name, section.path, text, doc.title), lead_in)


def _joined(lines: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """A section's passages with their lead-ins, a paragraph or bullet broken by a page (and the footnotes printed there)
    joined to the rest of it: "... evaluate the effect on" / "¹ Every Child Matters ..." / "their practice, and ..."."""
    pending: list | None = None  # [text, lead-in, kept]: the passage last read, which a broken line may go on
    notes: list = []
    for text, lead_in, kept, broken in _read(lines):
        if pending and broken and not pending[0].rstrip().endswith(_ENDS):
            pending[0], pending[2] = f"{pending[0]} {text}", True  # "them." after "... the impact this may have on"
            continue
        if _FOOTNOTE.match(text) and pending:
            notes.append((text, lead_in, kept))  # a footnote printed inside a broken paragraph comes after it
            continue
        yield from ((t, li) for t, li, k in ([pending] if pending else []) + notes if k)
        pending, notes = [text, lead_in, kept], []
    yield from ((t, li) for t, li, k in ([pending] if pending else []) + notes if k)


def _header(text: str) -> bool:
    """A table's header row ("Level | Cohort of Staff | Requirements for Training | ..."): three or more short cells, none
    empty and no figure in them. It names the columns and says nothing, so it is no passage."""
    cells = text.split("\t")
    return len(cells) >= 3 and all(cell.strip() and len(cell.split()) <= 5 and not re.search(r"[\d<@]", cell) for cell in cells)


_LETTERED = re.compile(r"[a-z]\)\s")  # "a) Risks and Impact Analysis": a lettered heading
_ENDS = (".", "!", "?", ":", ";", ")")  # a passage that ends so is whole; one that does not may go on after a page break
_UNFINISHED = re.compile(r"\b(?:with a focus on|the following|as follows)$", re.IGNORECASE)  # a bullet left so leads into a list


def _read(lines: Sequence[str]) -> Iterator[tuple[str, str | None, bool, bool]]:
    """Each line's text, the line leading into its list (a bullet's), whether it says enough to be a passage, and whether it
    is the rest of a line a page broke (a paragraph starting in lower case, not "a) Risks ...")."""
    lead_in, lead_depth, outer = None, -1, (None, -1)  # outer: the list a bullet that leads in is itself an item of
    for line in lines:
        bullet = bool(_BULLET.match(line))
        text = _BULLET.sub("", line).strip()
        if not text:
            continue
        depth = len(line) - len(line.lstrip())
        if _NUMBERED.match(text):  # "- 1.11. The platform will ...": a numbered paragraph printed as a bullet
            bullet = False
        broken = not bullet and text[:1].islower() and not _LETTERED.match(text)  # its list goes on
        if not bullet and not broken:  # a paragraph ends every list
            lead_in, lead_depth, outer = None, -1, (None, -1)
        elif bullet and depth <= lead_depth:  # a bullet beside the one that led in ends its list, and is an item of the list around it
            (lead_in, lead_depth), outer = outer if depth > outer[1] else (None, -1), (None, -1)
        listed = bullet and lead_in is not None  # "Lego therapy", under the line that leads into its list, says something
        kept = bool((len(normalise(text)) >= MIN_PASSAGE or _WANTED.search(text) or listed) and _LETTERS.search(text)) and not _header(text)
        yield text, lead_in if bullet else None, kept, broken
        unfinished = bullet and bool(_UNFINISHED.search(text))  # "- To understand key principles ... with a focus on" and
        if text.endswith(":") or unfinished:  # its items beside it; "- 2.7 ... for the following:" and its items below it
            outer = (lead_in, lead_depth) if bullet and lead_in is not None else (None, -1)
            lead_in, lead_depth = (f"{text}:", depth - 1) if unfinished else (text, depth if bullet else -1)


_TAG = re.compile(r"<[^>]+>")
_PART = re.compile(r"[\t\n]|\s\u2022\s")  # a table row's cells and the bullets inside them
EXCERPT = 240  # characters: a longer passage is shown as the part that holds the words sought
SENTENCE = 400  # characters: the sentence holding the words sought is shown whole up to this length
ELLIPSIS = "\u2026"
USED_WORDS = 12  # a paragraph or bullet this long says something with a short form, not just what it stands for


def used_in(term: str, passages: Sequence[SourcePassage]) -> tuple[SourcePassage, str] | None:
    """Where the documents use a short form, and what of it to show: the first paragraph or bullet that spells it out
    before it in brackets, else the first that says something with it ("... the RAS assessment tool used by Social Care ..."), else the table cell that holds it."""
    written = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
    holding = [p for p in passages if written.search(p.text)]
    introduced = [p for p in holding if f"({term})" in p.text]  # "the special educational needs coordinator (SENCO)"
    used = next((p for p in introduced + holding if "\t" not in p.text and len(p.text.split()) >= USED_WORDS), None) or next(iter(holding), None)
    return (used, excerpt(used.text, written)) if used else None


DESCRIBED = 600  # characters: a passage that says what a short form is, shown whole up to this length
# What follows a short form where a sentence says what it is: "(SEND) is used to describe", "SEN means", "is defined as"
_DESCRIBES = re.compile(r"^\)?\s+(?:(?:is|are) (?:used to (?:describe|mean|refer)|defined as|a term|the term|when)|means|refers to|describes)\b")


def described_in(term: str, passages: Sequence[SourcePassage]) -> SourcePassage | None:
    """The paragraph that says what a short form is ("Special Educational Needs and Disability (SEND) is used to
    describe ..."): the first whose use of it, written as the documents write it, goes on to say what it is; None
    when none does."""
    written = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
    return next((p for p in passages if len(p.text) <= DESCRIBED and "\t" not in p.text
                 and any(_DESCRIBES.match(p.text[m.end():]) for m in written.finditer(p.text))), None)


FOOTNOTE_MARK = re.compile(rf"(?<=[^\s{SUPERSCRIPT}])([{SUPERSCRIPT}]+)")  # "stakeholders²", "courses⁶": a mark after a word
_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT}]+)\s")  # "² Stakeholders might include ...": the note itself


def footnotes(passages: Sequence[SourcePassage]) -> dict[tuple[str, str], SourcePassage]:
    """The documents' footnotes, by document and mark: what a mark in a shown passage refers to."""
    return {(p.citation.document, m.group(1)): p for p in passages for m in [_FOOTNOTE.match(p.text)] if m}


def shown_text(text: str) -> str:
    """A passage as a reply shows it: a table row's cells apart (" | "), the markup inside them dropped."""
    if "<" not in text and "\t" not in text:
        return text
    cells = (" ".join(_TAG.sub(" ", cell).split()) for cell in text.split("\t"))
    return " | ".join(cell for cell in cells if cell)


def excerpt(text: str, sought: re.Pattern) -> str:
    """What a passage shows when only a word of it is sought ("DCO"): itself when short; a table row's first
    cell and the cell or bullet holding the word, each cut marked with an ellipsis ("Level 5 … Role of the
    DMO / DCO …"). Markup in a cell is not shown."""
    plain = re.sub(r"[ ]{2,}", " ", _TAG.sub("\n", text)).strip()
    if len(plain) <= EXCERPT:
        return " ".join(plain.split())
    parts = [p.strip() for p in _PART.split(plain) if p.strip()]
    found = next((p for p in parts if sought.search(p)), None)
    if found is None:
        return plain[:EXCERPT].rsplit(" ", 1)[0] + f" {ELLIPSIS}"
    label = parts[0] if "\t" in text and parts[0] != found else ""
    found = found if len(found) <= EXCERPT else _around(found, sought)
    return " ".join(filter(None, (label, ELLIPSIS if label or not plain.startswith(found) else "", found, ELLIPSIS)))


def _around(part: str, sought: re.Pattern) -> str:
    """The sentence holding the word (whole up to SENTENCE characters), or as much of it either side of the word as an
    excerpt shows, cut at spaces."""
    found = sought.search(part)
    start = part.rfind(". ", 0, found.start())
    start = start + 2 if start >= 0 else 0
    end = part.find(". ", found.end())
    end = end + 1 if end >= 0 else len(part)
    if end - start > SENTENCE:
        if found.start() - EXCERPT // 2 > start:
            start = part.find(" ", found.start() - EXCERPT // 2, found.start()) + 1 or found.start() - EXCERPT // 2
        if found.end() + EXCERPT // 2 < end:
            end = part.rfind(" ", found.end(), found.end() + EXCERPT // 2) if " " in part[found.end(): found.end() + EXCERPT // 2] \
                else found.end() + EXCERPT // 2
    return part[start:end].strip()


CONTENTS = "Contents"  # the section of a document that lists its parts
_A_PART = r"(?:areas?|sections?|parts?|chapters?|headings?|themes?|domains?|strands?)\b"
_DOCUMENT_PARTS = re.compile(rf"\b{_A_PART}", re.IGNORECASE)
_ABOUT_PARTS = ("areas sections parts chapters headings themes domains strands list name many number have has cover covers summarise summarize outline "
                "contain contains include includes framework report specification spec document organised organized arranged structured grouped split divided")  # words that ask only for its parts
_LISTING = re.compile(r"\b(?:what are|which are|what's in|list|name|summari[sz]e|outline|how many|what \w+ (?:does|do|are|is))\b"
                      rf"|^\W*(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+)?{_A_PART}",  # "6 competency areas in ...?"
                      re.IGNORECASE)
_FOR_WHAT = re.compile(r"\s+for (?:a|an|our|my|the)\s+(?:[\w'-]+\s+){0,2}(?:meeting|slides?|presentation|report|newsletter|briefing|"
                       r"handout|poster|pack|session|email|leaflet|agenda|bulletin|update|inset)[?.!]*\s*$", re.IGNORECASE)  # "..., for a slide?"
LEVEL_LABEL = 24  # characters at a table row's start that name the level it is for ("Level 3\t<p>All health ...")
NAMED_BY = 2  # the words of a document's own title a question must use to name it ("East Sussex")
_TITLE_WORD = re.compile(r"[A-Za-z]{4,}")
_A_DOCUMENT = re.compile(r"\b(?:framework|report|specification|spec|document|guidance|paper)\b", re.IGNORECASE)
_ADDRESS = re.compile(r"\S+[@.]\S+")  # a web or email address ("eastsussex.gov.uk"), whose words are not written as words


def place_names(passages: Sequence[SourcePassage]) -> frozenset[str]:
    """Words the documents always write with a capital, and not as a short form: the names of places ("Sussex",
    "Lincolnshire"), which name a document in a question as ordinary title words ("roles", "learning") do not."""
    written = {w for p in passages for w in _TITLE_WORD.findall(_ADDRESS.sub(" ", p.text))}
    lower = {w for w in written if w.islower()}
    return frozenset(w.casefold() for w in written if w[0].isupper() and w[1:].islower() and w.casefold() not in lower)


def named_document(documents: Sequence[Document], question: str, names: frozenset[str] | None = None) -> tuple[Document, set[str]] | None:
    """The document a question names by its own title words (used by no other document's title), at least NAMED_BY
    of them ("East Sussex", "Lincolnshire report"), and those words as the question writes them; None when it names
    none. With ``names``, one of the words must be one of them (a place's name, not "roles and responsibilities"), and
    the question must speak of a document ("framework", "report"): "nurses in East Sussex" names a place, not one."""
    if names is not None and not _A_DOCUMENT.search(question):
        return None
    words = {d.file_name: {w.casefold() for w in _TITLE_WORD.findall(d.title)} for d in documents}
    asked = {w.casefold(): SHORT_FORMS.get(w.casefold(), w.casefold()).rstrip("s") for w in _TITLE_WORD.findall(question)}  # "lincs"
    best, naming = None, set()
    for d in documents:
        own = {w.rstrip("s") for w in words[d.file_name] - set().union(*(v for k, v in words.items() if k != d.file_name))}
        said = {w for w, root in asked.items() if root in own}
        if len(said) > len(naming):
            best, naming = d, said
    found = best is not None and len(naming) >= NAMED_BY and (names is None or any(w.rstrip("s") in names or w in names or asked[w] in names for w in naming))
    return (best, naming) if found else None


def level_named(levels: Sequence[Level], question: str) -> Level | None:
    """The one level or tier a question names ("does L3 cover annual reviews?"); None when it names none, or several."""
    text = written_out(question)
    named = [lv for lv in levels if any(_whole(n).search(text) for n in (lv.name, *lv.also_called))]
    return named[0] if len(named) == 1 else None


def of_level(level: Level, section: str, text: str, lead_in: str | None) -> bool:
    """Whether a passage of the documents is about a level: its section is named for it ("Learning Outcomes > Level 3"),
    its table row starts with it, or the line leading into its list names it ("In development of Tier 1 learning ...")."""
    where = f"{section.split(' > ')[-1]}\n{text[:LEVEL_LABEL]}\n{lead_in or ''}"
    return any(_whole(n).search(where) for n in (level.name, *level.also_called))


def _whole(name: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)


def contents(documents: Sequence[Document], passages: Sequence[SourcePassage], question: str) -> tuple[Document, list[SourcePassage]] | None:
    """A document's contents list, for a question that asks what parts a document it names has ("what are the six
    areas in the East Sussex framework?", "how many sections does the SENCO specification have?"); None when the
    question names no document with a contents list, or does not ask for its parts."""
    question = _FOR_WHAT.sub("", question)  # "... for a staff meeting": what the answer is for
    named = named_document(documents, question) if _DOCUMENT_PARTS.search(question) and _LISTING.search(question) else None
    if named is None or set(tokens(question)) - set(tokens(f"{named[0].title} {_ABOUT_PARTS}")) - set(NUMBERS.values()):
        return None  # (a question asking more than its parts: "the four areas of need", "a part-time course")
    best = named[0]
    title = best.title.casefold().split()[:3]  # the document's title, printed again under its contents, is not a part
    listed = [p for p in passages if p.citation.document == best.file_name and p.citation.section == CONTENTS
              and p.text.casefold().split()[:3] != title]
    return (best, listed) if listed else None
