"""Terms the documents use, read from the content files: abbreviations (glossary.yml) and things they name
without including, listing or defining them (named_only.yml). Each reader is content_loader's, which checks
every quote inside its cited section."""
from __future__ import annotations

from typing import Any

from knowledge import schema as s

MISSING = ("include", "list", "define", "explain")  # what the documents may leave undone with something they name


def glossary(r: Any) -> list[s.GlossaryEntry]:
    entries = []
    for raw in r.get(r.data, "terms", "terms"):
        term = r.get(raw, "term", "term")
        if not raw.get("expansion") and raw.get("expanded", True):
            raise r.fail(term, "give an expansion, or expanded: false when the documents do not spell it out")
        entries.append(s.GlossaryEntry(term, r.citation(raw.get("cite"), term), raw.get("expansion"), raw.get("note")))
    return entries


def named_only(r: Any) -> list[s.NamedOnly]:
    """Named, never shown: a section the curated content leaves out may be cited, since it is where the name is."""
    entries = []
    for raw in r.get(r.data, "named", "named"):
        name = r.get(raw, "name", "named")
        missing = r.get(raw, "missing", name)
        if missing not in MISSING:
            raise r.fail(name, f"missing must be one of {', '.join(MISSING)}, not {missing!r}")
        words = tuple(str(w).casefold() for w in r.get(raw, "words", name))
        entries.append(s.NamedOnly(name, words, missing, r.citation(raw.get("cite"), name, omitted_ok=True)))
    return entries
