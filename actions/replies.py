"""Turn the knowledge base's answers (knowledge.answers dicts) into chat messages.

Each reply is built once as a channel-neutral document: titled sections of items, each
item with the numbers of its sources, and the numbered sources (document and section).
`message()` sends it as plain text, for the REST channel and any client that reads text,
with the document attached as custom data under `send_guide`; the web page, Slack and
Teams each render that document in their own form. Nothing a person typed is echoed
back, so no user text ever reaches a reply's markup.
"""
from __future__ import annotations

import json
import uuid
from typing import Any, Dict, Iterable, List, Optional, Text

from actions.knowledge_base import slot_of
from knowledge.answers import induction_label
from knowledge.local.calendar import LOCAL_SESSION
from knowledge.sources import shown_quote

SHORT_LIST = 3
AREAS_TITLE = "Learning areas the report says are being developed for {level}:"
KEY = "send_guide"
FIND_MINE = {"title": "Find my own level", "payload": "/find_level"}

Message = Dict[Text, Any]
Item = Dict[Text, Any]
Section = Dict[Text, Any]


def _refs(cite: Any) -> List[int]:
    return [r + 1 for r in (cite if isinstance(cite, list) else [cite])]


def item(text: Text, cite: Any = None, url: Optional[Text] = None) -> Item:
    """One line of a reply; `cite` is a 0-based index, or a list of them, into the reply's citations."""
    return {"text": text, "refs": [] if cite is None else _refs(cite), **({"url": url} if url else {})}


def section(items: List[Item], title: Optional[Text] = None, listed: bool = True, more: Optional[Text] = None) -> Section:
    return {"title": title, "items": items, "list": listed, "more": more}


def reply(kind: Text, sections: Iterable[Section], citations: List[Dict[Text, Text]]) -> Dict[Text, Any]:
    """The document every channel renders: one numbered source per document section its items cite."""
    sections = [s for s in sections if s["items"]]
    sources: Dict[tuple, Dict[Text, Any]] = {}
    for i in (i for s in sections for i in s["items"]):
        refs = []
        for old in i["refs"]:
            c = citations[old - 1]
            source = sources.setdefault((c["document"], c["section"]), {
                "n": len(sources) + 1, "document": c["document"], "title": c.get("title", c["document"]),
                "section": c["section"], "quotes": []})
            quote = shown_quote(c["quote"], bool(c.get("excerpt"))) if c.get("quote") else None
            if quote and quote not in source["quotes"]:
                source["quotes"].append(quote)
            refs += [source["n"]] if source["n"] not in refs else []
        i["refs"] = refs
    return {"kind": kind, "sections": sections, "sources": list(sources.values())}


def plain(doc: Dict[Text, Any]) -> Text:
    """The reply as text: sections apart by a blank line, each line with its source numbers."""
    blocks = []
    for s in doc["sections"]:
        lines = [s["title"]] if s["title"] else []
        for i in s["items"]:
            url = i.get("url") or ""
            text = f"{i['text']}: {url} (opens another site)" if url.startswith("http") else i["text"]
            lines.append(("• " if s["list"] else "") + text + "".join(f" [{r}]" for r in i["refs"]))
        if s["more"]:
            lines.append(s["more"])
        blocks.append("\n".join(lines))
    if doc["sources"]:
        blocks.append("Sources:\n" + "\n".join(f'[{c["n"]}] {c["title"]} ({c["document"]}), "{c["section"]}"' for c in doc["sources"]))
    return "\n\n".join(blocks)


def message(doc: Dict[Text, Any], buttons: Optional[List[Dict[Text, Text]]] = None) -> Message:
    """Keyword arguments for `dispatcher.utter_message`, with an id that feedback can refer to."""
    payload = {**doc, "id": uuid.uuid4().hex}
    return {"text": plain(doc), "buttons": buttons or [], "json_message": {KEY: payload}}


def question(q: Dict[Text, Any], where_to_train: bool = False) -> Message:
    """The question, its options numbered in full with the level each leads to (a text-only client can answer with a
    number), and a button per option that sends every fact the option settles. ``where_to_train``: asked, so where to
    train for the least they need is shown before the question ("... where can I do my SEND training online?")."""
    floor, items, least = q.get("floor"), _taken(q), q.get("least")
    train = _where_to_train(least["training"]) if where_to_train and least else []
    if floor:
        framework = "health framework" if floor["framework"] == "health" else "school tiers"
        items.append(item(f"So far you need at least {floor['level']} ({framework})."))
        items += [item(w["text"], w["cite"]) for w in floor["why"]]
        if floor["refresher"]:
            items.append(item(f"Refresher: {floor['refresher']['text']}", floor["refresher"]["cite"]))
    asking = [item(("One more question decides whether more applies. " if floor else "") + q["question"], 0)]
    if q.get("because") and not (floor and any(w["text"] == q["because"] for w in floor["why"])):
        asking.append(item(f"(I ask because: {q['because']})", q["because_cite"]))
    choices = [item(f"{n}. {o['label']}" + (f" ({o['leads_to']})" if o.get("leads_to") else ""), o.get("cite"))  # where each leads
               for n, o in enumerate(q["options"], 1)]
    buttons = [{"title": o["short"], "payload": "/inform" + json.dumps({slot_of(f): v for f, v in o["sets"].items()})}
               for o in q["options"]]
    asked = [section(items, listed=False), section(train, WHERE_FOR_LEAST.format(level=least["level"])), section(asking, listed=False)] \
        if train else [section(items + asking, listed=False)]
    return message(reply("question", [*asked, section(choices, listed=False)], q["citations"]), buttons)


EXPLAINED = "Here is how the documents describe each option, in their own words:"


def explained(q: Dict[Text, Any]) -> Optional[Message]:
    """A question's options as the documents describe them (each level's cohort, or the rule the question asks about), for
    someone who cannot choose; None when the documents describe none of them (where a person works)."""
    cited = [(n, o) for n, o in enumerate(q["options"], 1) if o.get("level") and o.get("cite") is not None]
    lines = [item(f"{n}. {o['short']} ({o['level']}): \"{q['citations'][o['cite']]['quote']}\"", o["cite"]) for n, o in cited]
    if not lines and any("new-senco" in o["sets"] for o in q["options"]):
        lines = [item(f"\"{q['citations'][0]['quote']}\"", 0)]
    if not lines:
        return None
    after = [item("If more than one describes your work, choose the first; if none does, choose \"None of these\".")] if cited else []
    return message(reply("answer", [section([item(EXPLAINED)], listed=False), section(lines, listed=False),
                                    section(after, listed=False)], q["citations"]))


def _taken(d: Dict[Text, Any]) -> List[Item]:
    """Which role the guide took from the person's words, and how to change it."""
    taken = (d.get("role") or {}).get("taken")
    return [item(f"I've taken your role as: {taken}. Not right? Tell me your job again, for example \"I'm actually a ...\".")] \
        if taken else []


def _award(d: Dict[Text, Any]) -> Section:
    award = d.get("senco_award")
    if not award:
        return section([])
    verdict = "You must achieve the National Award in SEN Co-ordination." if award["required"] else \
        "The National Award rule below does not require it of you."
    return section([item(i["text"], i["cite"]) for i in award["requirement"][:2] + award["course"][:3]], verdict)


def _no_level(d: Dict[Text, Any], full: bool) -> List[Section]:
    head = section([item("The documents set no training level for you.")] + [item(w["text"], w["cite"]) for w in d["why"]], listed=False)
    topics = [section([item(i["text"], i["cite"]) for i in t["items"][: (None if full else 5)]], f"{t['title']}:") for t in d["topics"][:2]]
    return [head, *topics]


def determination(d: Dict[Text, Any], full: bool = False) -> Message:
    if not d["level"]:
        return message({**reply("answer", _no_level(d, full), d["citations"]), "level": "none"})
    framework = "health framework" if d["framework"] == "health" else "school tiers"
    head = [item(f"You need {d['level']} ({framework}).")] + _taken(d) + [item(w["text"], w["cite"]) for w in d["why"]]
    for key, label in (("induction", induction_label(d)), ("refresher", "Refresher")):
        if d.get(key):
            head.append(item(f"{label}: {d[key]['text']}", d[key]["cite"]))
    if d.get("builds_on"):
        head.append(item(f"It builds on {', '.join(d['builds_on'])}."))
    outcomes = d.get("learning_outcomes") or []
    shown = outcomes if full else outcomes[:SHORT_LIST]
    learn_title = "Afterwards you should be able:"
    more = f"Say \"more\" for all {len(outcomes)}." if len(shown) < len(outcomes) else None
    if not outcomes and d.get("learning_areas"):
        shown, learn_title = d["learning_areas"], AREAS_TITLE.format(level=d["level"])
    train = _where_to_train(d["training"])
    train += [item(i["text"], i["cite"]) for t in d["topics"] if t["id"] == "learning-platform" for i in t["items"][:2]]
    train += [item(f"{LOCAL_SESSION} {s}") for s in d["training"].get("sessions", [])]
    said = {w["text"] for w in d["why"]}
    notes = [item(n["statement"], n["cite"]) for n in d["notes"] if n["statement"] not in said]
    sections = [section(head, listed=False), section([item(o["text"], o["cite"]) for o in shown], learn_title, more=more),
                section(train, "Where to train:"), _award(d), section(notes, "Please note:")]
    return message({**reply("answer", sections, d["citations"]), "level": d["level"]})  # the level given, for the report


WHERE_FOR_LEAST = "Where to train for {level}, the least you need:"


def _where_to_train(training: Dict[Text, Any]) -> List[Item]:
    return [item(m["text"], m["cite"]) for m in training["methods"]] + \
        [item(s["name"], s["cite"], url=s["url"]) for s in training["sources"]]


def everyone(least: List[Dict[Text, Any]], q: Dict[Text, Any]) -> Message:
    """What the documents set for a job they do not name: the least each framework gives everyone working in it,
    then, where the workplace is known, the descriptions that would raise it."""
    citations = [x["cite"] for x in least] + q["citations"]
    lines = [item(x["text"], n) for n, x in enumerate(least)]
    more = _raising(q, len(least))
    sections = [section([item("The documents do not name this job. The least they set for anyone working there:" if len(least) == 1
                              else "The documents do not name this job. The least they set for anyone, by where they work:")],
                        listed=False), section(lines), section(more, "More applies to someone who can say:")]
    return message({**reply("answer", sections, citations), "floor": " or ".join(x["level"] for x in least)}, [dict(FIND_MINE)])


def _raising(q: Dict[Text, Any], offset: int = 0) -> List[Item]:
    """A question's options that would raise the level, each with the level; ``offset``: citations listed before the question's."""
    return [item(f"{o['label']}: {o['level']}", o["cite"] + offset) for o in q["options"] if o.get("level")]


def minimum(q: Dict[Text, Any]) -> Message:
    """The least a named role needs (a question's floor) and the descriptions that would raise it."""
    floor = q["floor"]
    role = q["role"]["matched"] or "this role"
    framework = "health framework" if floor["framework"] == "health" else "school tiers"
    head = [item(f"{'An' if role[:1].lower() in 'aeiou' else 'A'} {role} needs at least {floor['level']} ({framework}).")]
    head += [item(w["text"], w["cite"]) for w in floor["why"]]
    if floor["refresher"]:
        head.append(item(f"Refresher: {floor['refresher']['text']}", floor["refresher"]["cite"]))
    sections = [section(head, listed=False), section(_raising(q), "More applies to someone who can say:")]
    return message({**reply("answer", sections, q["citations"]), "floor": floor["level"]}, [dict(FIND_MINE)])


VERDICTS = {  # a level asked about beside the role's (knowledge.enough)
    "below": "No: {asked} is below what the documents set for {whom}, {placed}.",
    "meets": "Yes: {asked} is what the documents set for {whom}.",
    "above": "Yes: {asked} is above what the documents set for {whom}, {placed}.",
    "below-least": "No: {asked} is below the least the documents set for {whom}, {placed}.",
    "meets-least": "{asked} is the least the documents set for {whom}; more applies if a line below is true.",
    "above-least": "{asked} is above the least the documents set for {whom}, {placed}; whether it is needed depends on the lines below.",
}


def judged(verdict: Text, asked: Text, placed: Text, answer: Message, whom: Text = "this role") -> Message:
    """An answer led by how the level asked about stands beside the role's ("No: Level 3 is below ..."), or beside the
    person's own ("for you")."""
    return _led_by(VERDICTS[verdict].format(asked=asked, placed=placed, whom=whom), answer)


def placed_in(workplace: Text, answer: Message) -> Message:
    """An answer that holds where the documents place the role, led by that condition."""
    return _led_by(f"In {workplace}, where the documents place this role (elsewhere the answer may differ):", answer)


def _led_by(line: Text, answer: Message) -> Message:
    doc = {k: v for k, v in answer["json_message"][KEY].items() if k != "id"}
    return message({**doc, "sections": [section([item(line)], listed=False)] + doc["sections"]}, answer.get("buttons"))


def joined(first: Message, then: Message) -> Message:
    """Two answers in one reply, the second's sections after the first's, its sources numbered on from the first's."""
    if not all(KEY in (m.get("json_message") or {}) for m in (first, then)):
        return first  # a plain message has no sections to join
    a, b = (m["json_message"][KEY] for m in (first, then))
    sources = [{**x, "quotes": list(x["quotes"])} for x in a["sources"]]
    number = {}
    for x in b["sources"]:
        same = next((y for y in sources if (y["document"], y["section"]) == (x["document"], x["section"])), None)
        if same is None:
            same = {**x, "n": len(sources) + 1, "quotes": []}
            sources.append(same)
        same["quotes"] += [q for q in x["quotes"] if q not in same["quotes"]]
        number[x["n"]] = same["n"]
    after = [{**s, "items": [{**i, "refs": [number[r] for r in i["refs"]]} for i in s["items"]]} for s in b["sections"]]
    doc = {k: v for k, v in a.items() if k != "id"}
    return message({**doc, "sections": a["sections"] + after, "sources": sources}, first.get("buttons"))


def cited_items(title: Text, items: List[Dict[Text, Any]], limit: Optional[int] = None, **about: Any) -> Message:
    """A titled list whose items carry full citation dicts (knowledge.lookup results); ``about`` is added to
    the reply's document ("term": what an abbreviation answer is about)."""
    citations: List[Dict[Text, Text]] = []
    lines = []
    for i in items[:limit]:
        if i["cite"] not in citations:
            citations.append(i["cite"])
        lines.append(item(i["text"], citations.index(i["cite"])))
    more = f"(and {len(items) - limit} more)" if limit is not None and len(items) > limit else None
    return message({**reply("answer", [section(lines, title, more=more)], citations), **about})
