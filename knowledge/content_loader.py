"""Read knowledge/content/*.yml into a validated KnowledgeBase.

Every problem names the content file and the entry, so a bad edit is found at once;
nothing is stored until the whole of the content has passed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, Iterator, Tuple

import yaml

from knowledge import schema as s
from knowledge.content_terms import glossary, named_only
from knowledge.passages import source_passages
from knowledge.sources import Document as SourceText
from knowledge.sources import SourceError, Span

CONTENT_DIR = Path(__file__).resolve().parent / "content"
_Texts = Dict[str, Tuple[SourceText, Dict[str, Span]]]


class ContentError(ValueError):
    """Content that cannot be loaded; each line of the message names the file and the entry."""

    def __init__(self, file: str, entry: str, problem: str, more: list[str] | None = None) -> None:
        self.problems = [f"{file}: {entry}: {problem}", *(more or [])]
        super().__init__("\n".join(self.problems))


class _Reader:
    """Builds records from one YAML file, resolving citation defaults as it goes."""

    def __init__(self, folder: Path, name: str, docs: dict[str, s.Document], texts: _Texts, problems: list[str]) -> None:
        self.file = name
        self.docs = docs
        self.texts = texts
        self.problems = problems
        self.data = yaml.safe_load((folder / name).read_text(encoding="utf-8")) or {}
        self.source = self.data.get("source") or {}

    def fail(self, entry: str, problem: str) -> ContentError:
        return ContentError(self.file, entry, problem)

    def get(self, mapping: Any, key: str, entry: str) -> Any:
        if not isinstance(mapping, dict) or mapping.get(key) in (None, "", []):
            raise self.fail(entry, f"missing {key!r}")
        return mapping[key]

    def citation(self, raw: Any, entry: str, omitted_ok: bool = False, **defaults: Any) -> s.Citation:
        if not isinstance(raw, dict):
            raise self.fail(entry, "missing citation")
        merged = {**self.source, **{k: v for k, v in defaults.items() if v}, **raw}
        doc_id = self.get(merged, "doc", entry)
        if doc_id not in self.docs:
            raise self.fail(entry, f"unknown document {doc_id!r}")
        doc = self.docs[doc_id]
        section = self.get(merged, "section", entry)
        known = {sec.path: sec for sec in doc.sections}
        if section not in known:
            raise self.fail(entry, f"unknown section {section!r} of {doc.file_name}")
        if known[section].omitted and not omitted_ok:
            raise self.fail(entry, f"cites {section!r}, which documents.yml says is left out")
        quote = str(self.get(merged, "quote", entry))
        text, spans = self.texts[doc.file_name]
        if not text.contains(quote, spans[section]):
            self.problems.append(str(self.fail(entry, f"quote not found in {doc.file_name} section {section!r}: {quote!r}")))
        excerpt = not text.ends_where_its_sentence_ends(quote, spans[section])
        return s.Citation(doc.file_name, section, quote, doc.title, excerpt)

    def statements(self, group: Any, entry: str, **defaults: Any) -> Iterator[tuple[str, s.Citation, bool]]:
        """Items of a list: a plain string quotes itself; a mapping may give quote/section/doc and
        `excerpt: true` for a quote that stops short of its sentence's end on purpose."""
        if not group:
            return
        section = group.get("section", defaults.get("section"))
        for n, item in enumerate(self.get(group, "items", entry)):
            where = f"{entry} item {n + 1}"
            item = {"text": item} if isinstance(item, str) else dict(item)
            stray = set(item) - {"text", "doc", "section", "quote", "excerpt"}
            if stray:  # `{text: a, b, section: x}`: an unquoted comma cut the text short
                raise self.fail(where, f"unexpected {sorted(map(str, stray))}; quote text that holds a comma")
            text = str(self.get(item, "text", where))
            raw = {k: item[k] for k in ("doc", "section", "quote") if k in item}
            raw.setdefault("quote", text)
            yield text, self.citation(raw, where, section=section, doc=group.get("doc") or defaults.get("doc")), bool(item.get("excerpt"))


def _documents(folder: Path) -> dict[str, s.Document]:
    data = yaml.safe_load((folder / "documents.yml").read_text(encoding="utf-8"))
    docs: dict[str, s.Document] = {}
    for raw in data["documents"]:
        sections = []
        for sec in raw["sections"]:
            name = sec.get("cite_as", sec["heading"])
            parent = sec.get("parent")
            parent_name = next((x.get("cite_as", x["heading"]) for x in raw["sections"] if x["heading"] == parent), parent)
            sections.append(s.Section(f"{parent_name} > {name}" if parent else name, sec.get("omitted")))
        if raw["id"] in docs:
            raise ContentError("documents.yml", raw["id"], "duplicate id")
        docs[raw["id"]] = s.Document(raw["id"], raw["file"], raw["title"], tuple(sections))
    return docs


def section_spans(folder: Path | None = None, seeds: Path | None = None) -> _Texts:
    """For each document file: its text and the span of each section path."""
    folder = folder or CONTENT_DIR
    data = yaml.safe_load((folder / "documents.yml").read_text(encoding="utf-8"))
    docs = _documents(folder)
    found = {}
    for raw in data["documents"]:
        doc = docs[raw["id"]]
        text = SourceText.load(doc.file_name, seeds)
        spans = text.spans([(sec["heading"], sec.get("occurrence", 1)) for sec in raw["sections"]])
        found[doc.file_name] = (text, {sec.path: span for sec, span in zip(doc.sections, spans)})
    return found


def _levels(r: _Reader) -> list[s.Level]:
    levels = []
    by_id: dict[str, s.Level] = {}
    for raw in r.get(r.data, "levels", "levels"):
        lid = r.get(raw, "id", "level")
        cohort = r.get(raw, "cohort", lid)

        def stmts(key: str) -> tuple[s.Statement, ...]:
            return tuple(s.Statement(*x) for x in r.statements(raw.get(key), f"{lid} {key}", section=r.source.get("section")))

        def requirement(key: str) -> s.Requirement | None:
            req = raw.get(key)
            if not req:
                return None
            return s.Requirement(r.get(req, "text", f"{lid} {key}"), r.citation(req.get("cite"), f"{lid} {key}"),
                                 req.get("minutes"), req.get("within_weeks"), req.get("period_years"))

        qualifies = tuple(
            s.Qualifier(r.get(q, "fact", f"{lid} qualifies"), tuple(str(v) for v in r.get(q, "values", f"{lid} qualifies")),
                        r.citation(q.get("cite") or cohort.get("cite"), f"{lid} qualifies"))
            for q in raw.get("qualifies", [])
        )
        members = tuple(s.Statement(r.get(m, "text", f"{lid} members"), r.citation(m.get("cite"), f"{lid} members"), bool(m.get("excerpt")))
                        for m in raw.get("members", []))
        sources = tuple(
            s.TrainingSource(r.get(x, "name", f"{lid} sources"), r.get(x, "url", f"{lid} sources"), r.citation(x.get("cite"), f"{lid} sources"), x.get("note"))
            for x in raw.get("sources", [])
        )
        methods = stmts("methods")
        if raw.get("sources_as"):
            other = by_id.get(raw["sources_as"])
            if other is None:
                raise r.fail(lid, f"unknown level {raw['sources_as']!r}")
            sources = other.sources
            methods += (s.Statement(f"Training sources: as for {other.name}.", r.citation(raw.get("sources_cite"), f"{lid} sources_cite")),)
        level = s.Level(
            id=lid, name=r.get(raw, "name", lid), framework=r.get(r.data, "framework", "framework"), rank=int(r.get(raw, "rank", lid)),
            cohort=s.Statement(r.get(cohort, "text", f"{lid} cohort"), r.citation(cohort.get("cite"), f"{lid} cohort")),
            also_called=tuple(raw.get("also_called", [])), qualifies=qualifies, members=members, induction=requirement("induction"),
            refresher=requirement("refresher"), competencies=stmts("competencies"), learning_outcomes=stmts("learning_outcomes"),
            learning_areas=stmts("learning_areas"),
            methods=methods, sources=sources,
        )
        if lid in by_id:
            raise r.fail(lid, "duplicate id")
        by_id[lid] = level
        levels.append(level)
    return levels


def _topic(r: _Reader, tid: str, title: str, groups: list[tuple[str, Any]], **defaults: Any) -> s.Topic:
    items = []
    for kind, group in groups:
        for text, cite, excerpt in r.statements(group, f"{tid} {kind}", **defaults):
            items.append(s.TopicItem(kind, text, cite, group.get("intro"), excerpt))
    return s.Topic(tid, title, tuple(items))


def _topics(reader: Callable[[str], _Reader]) -> list[s.Topic]:
    r = reader("responsibilities.yml")
    topics = [
        _topic(r, r.get(t, "id", "topic"), r.get(t, "title", t["id"]), [(g.get("kind", "item"), g) for g in r.get(t, "groups", t["id"])])
        for t in r.get(r.data, "topics", "topics")
    ]
    r = reader("competency_areas.yml")
    topics.append(_topic(r, "east-sussex-competencies", "SEND Reforms Competency Framework", [("about", r.get(r.data, "about", "about"))]))
    for area in r.get(r.data, "areas", "areas"):
        aid = r.get(area, "id", "area")
        title = f"{area['number']}. {r.get(area, 'title', aid)}"
        topics.append(_topic(r, aid, title, [("knowledge", area.get("knowledge")), ("skills", area.get("skills"))]))
    r = reader("senco_award.yml")
    outcomes = r.get(r.data, "outcomes", "outcomes")
    r.source = outcomes["source"]
    groups = [("requirement", {"items": r.get(r.data, "requirement", "requirement")}), ("course", {"items": r.get(r.data, "course", "course")})]
    groups += [("every-child-matters", r.get(r.data, "every_child_matters", "every_child_matters"))]
    groups += [(kind, {"items": items}) for kind, items in outcomes.items() if kind != "source"]
    topics.append(_topic(r, "senco-award", "National Award in SEN Co-ordination", groups))
    r = reader("tiers.yml")
    platform = r.get(r.data, "platform", "platform")
    topics.append(_topic(r, "learning-platform", r.get(platform, "title", "platform"), [("platform", platform)]))
    for name in ("tiers.yml", "levels.yml"):
        r = reader(name)
        builds = r.get(r.data, "builds_on", "builds_on")
        topics.append(s.Topic(f"{r.data['framework']}-builds-on", "How the levels build on each other",
                              (s.TopicItem("builds-on", r.get(builds, "text", "builds_on"), r.citation(builds.get("cite"), "builds_on")),)))
    r = reader("levels.yml")
    record = r.get(r.data, "reflection_record", "reflection_record")
    topics.append(_topic(r, "reflection-record", "Education, training and learning reflection record", [("field", record)]))
    topics.append(_topic(r, "health-framework-purpose", "What the health framework sets", [("purpose", r.get(r.data, "purpose", "purpose"))]))
    topics.append(_topic(r, "health-framework-introduction", "Why the health framework exists: SEND and the law",
                         [("introduction", group) for group in r.get(r.data, "introduction", "introduction")]))
    topics.append(_topic(r, "health-framework-levels", "How the health framework sets its five levels",
                         [("levels", r.get(r.data, "levels_overview", "levels_overview"))]))
    return topics


def _questions(r: _Reader) -> list[s.Question]:
    questions = []
    for q in r.get(r.data, "questions", "questions"):
        asks = r.get(q, "asks", "question")
        options = tuple(
            s.Option(str(o["value"]), r.get(o, "label", asks), {k: str(v) for k, v in (o.get("sets") or {asks: o["value"]}).items()},
                     o.get("level"), o.get("short"))
            for o in r.get(q, "options", asks)
        )
        questions.append(s.Question(asks=asks, text=r.get(q, "text", asks), options=options, framework=q.get("framework"),
                                    role=q.get("role"), citation=r.citation(q.get("cite"), f"question {asks}")))
    return questions


def _tensions(r: _Reader) -> list[s.Tension]:
    return [
        s.Tension(
            id=r.get(t, "id", "tension"), kind=r.get(t, "kind", t["id"]), title=r.get(t, "title", t["id"]),
            statement=" ".join(r.get(t, "statement", t["id"]).split()), levels=tuple(t.get("levels", [])),
            applies_to=tuple(t.get("applies_to", [])),
            topics=tuple(t.get("topics", [])),
            citations=tuple(r.citation(c, t["id"]) for c in r.get(t, "cites", t["id"])),
        )
        for t in r.get(r.data, "tensions", "tensions")
    ]


def _roles(r: _Reader) -> list[s.Role]:
    roles = []
    for raw in r.get(r.data, "roles", "roles"):
        rid = r.get(raw, "id", "role")
        if raw.get("level") and not raw.get("cite"):
            raise r.fail(rid, "a role placed in a level must cite where the documents place it")
        roles.append(s.Role(
            id=rid, name=r.get(raw, "name", rid), sectors=tuple(r.get(raw, "sectors", rid)),
            citation=r.citation(raw["cite"], rid) if raw.get("cite") else None,
            aliases=tuple(str(a) for a in raw.get("aliases", [])), level=raw.get("level"), tension=raw.get("tension"),
            topic=raw.get("topic"), reading=" ".join(raw["reading"].split()) if raw.get("reading") else None,
            asks=tuple(raw.get("asks", [])), based_in=tuple(raw.get("based_in", [])),
        ))
    return roles


def _wording(r: _Reader) -> s.Wording:
    def by_sector(key: str) -> dict[str, tuple[str, ...]]:
        return {sector: tuple(words) for sector, words in (r.data.get(key) or {}).items()}

    said = tuple(s.Said(r.get(x, "pattern", "said"), r.get(x, "fact", "said"), str(r.get(x, "value", "said")), x.get("context"),
                        bool(x.get("answer_only")))
                 for x in r.data.get("said", []))
    return s.Wording(settings=by_sector("settings"), settings_after=by_sector("settings_after"), job_nouns=tuple(r.data.get("job_nouns", [])),
                     not_before=tuple(r.data.get("not_before", [])), modifiers=tuple(r.data.get("modifiers", [])), said=said,
                     job_words=tuple(r.data.get("job_words", [])), object_markers=tuple(r.data.get("object_markers", [])),
                     object_prepositions=tuple(r.data.get("object_prepositions", [])), needs_setting=by_sector("needs_setting"),
                     professions=by_sector("professions"))


def load_content(folder: Path | None = None, seeds: Path | None = None) -> s.KnowledgeBase:
    """Parse the content files into records, checking each quote inside its cited section."""
    folder = folder or CONTENT_DIR
    docs = _documents(folder)
    texts = section_spans(folder, seeds)
    problems: list[str] = []

    def reader(name: str) -> _Reader:
        return _Reader(folder, name, docs, texts, problems)

    levels = _levels(reader("levels.yml")) + _levels(reader("tiers.yml"))
    roles_reader = reader("roles.yml")
    kb = s.KnowledgeBase(
        documents=tuple(docs.values()), levels=tuple(levels), questions=tuple(_questions(reader("questions.yml"))),
        tensions=tuple(_tensions(reader("tensions.yml"))), roles=tuple(_roles(roles_reader)),
        topics=tuple(_topics(reader)), glossary=tuple(glossary(reader("glossary.yml"))), wording=_wording(roles_reader),
        passages=source_passages(docs.values(), texts), named_only=tuple(named_only(reader("named_only.yml"))),
    )
    if problems:
        first, *rest = problems
        raise ContentError(*first.split(": ", 2), more=rest)
    return kb


__all__ = ["CONTENT_DIR", "ContentError", "SourceError", "load_content", "section_spans"]
