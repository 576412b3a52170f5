"""Rasa training data that follows from the knowledge base, generated so it never drifts.

`send-guide training-data` writes data/nlu/generated.yml; `--check` fails when the
checked-in copy differs from what the knowledge base gives now. A generated sentence that is also a
held-out message (tests/nlu/heldout.yml) takes the next template instead, so the held-out set stays
unseen whatever the catalogue's names.
"""
from __future__ import annotations

import re
from itertools import cycle
from pathlib import Path

import yaml

from knowledge.schema import KnowledgeBase

GENERATED = Path(__file__).resolve().parents[1] / "data" / "nlu" / "generated.yml"
HEADER = "# Generated from the knowledge base by `send-guide training-data`; do not edit by hand.\n"

ROLE_TEMPLATES = ["I'm a {}", "i am a {}", "I work as a {}", "my role is {}", "{}", "I'm the {}",
                  "im a {} what training do i need", "I've just started as a {}", "which level for a {}", "job: {}"]
TERM_TEMPLATES = ["what's an {}?", "what does {} mean", "what is {}", "{} stands for what?", "meaning of {}", "what does {} stand for",
                  "{} meaning", "what is {} short for", "define {}", "what's the {}?"]
# Questions about someone else's role: the least that role needs, and what would raise it.
ROLE_TRAINING_TEMPLATES = ["what training does a {} need", "what's the minimum SEND training for a {}", "how many hours of SEND training does a {} need",
                           "which level is a {}", "what SEND training should our {} have", "what level should a {} do",
                           "does a {} need SEND training", "what SEND level for {}s"]
TOPIC_TEMPLATES = ["what do the documents say about {}", "tell me about {}", "what should I know about {}", "{} please",
                   "what does the guidance say on {}"]
LEVEL_TEMPLATES = {
    "ask_cohort": ["which staff need {}?", "who needs {}", "who should do {} training", "which roles are in {}", "who is {} for"],
    "ask_hours": ["how many refresher hours for {}?", "how many hours is {}", "what are the hours for {}", "refresher for {}",
                  "how long is {} training", "how long does {} take"],
    "ask_outcomes": ["learning outcomes for {}", "what will I be able to do after {}", "what does {} cover", "what will I learn in {}",
                     "what does {} include", "what's covered in {}"],
    "ask_competencies": ["competencies for {}", "what are the {} competencies", "list the {} competencies", "which competencies does {} need"],
    "ask_training": ["suggested training for {}", "where can I do {} training", "training courses for {}", "how do I train for {}"],
    "ask_builds_on": ["does {} include the lower levels?", "what does {} build on", "do I need the levels below {}"],
}


def _entity(text: str, entity: str, value: str | None = None) -> str:
    if value is None:
        return f"[{text}]({entity})"
    return f'[{text}]{{"entity": "{entity}", "value": "{value}"}}'


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _examples(templates: list[str], values: list[str], entity: str, per_value: int, canonical: dict[str, str] | None = None,
              unseen: frozenset[str] = frozenset()) -> str:
    rotation = cycle(templates)
    lines = []
    for value in values:
        for _ in range(per_value):
            for _ in templates:  # the next template whose sentence is not held out
                template = next(rotation)
                if _key(template.format(value)) not in unseen:
                    break
            lines.append("- " + template.format(_entity(value, entity, (canonical or {}).get(value))))
    return "\n".join(lines) + "\n"


def _held_out() -> frozenset[str]:
    from bot.nlu_report import HELD_OUT, examples

    return frozenset(_key(e) for group in examples(HELD_OUT).values() for e in group) if HELD_OUT.is_file() else frozenset()


def _spoken(title: str) -> str:
    """A topic's title as people would say it: "5. Working together across education, health and care" -> "working together..."."""
    return re.sub(r"^\d+\.\s*", "", title).replace(":", "").lower()


def _level_names(kb: KnowledgeBase) -> dict[str, str]:
    """Ways people write each level, mapped to its name ("L3" -> "Level 3")."""
    names: dict[str, str] = {}
    for level in kb.levels:
        names[level.name] = level.name
        names[level.name.lower()] = level.name
        for other in level.also_called:
            names[other] = level.name
        if level.framework == "health":
            names[f"L{level.rank}"] = level.name
    return names


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line strings as YAML block literals, the way Rasa's own data files look."""


_BlockDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def generate(kb: KnowledgeBase) -> str:
    roles = sorted({alias for r in kb.roles for alias in (r.name, *r.aliases)}, key=str.casefold)
    terms = [g.term for g in kb.glossary]
    levels = _level_names(kb)
    topics = {_spoken(t.title): t.id for t in kb.topics if not t.id.endswith("builds-on")}
    unseen = _held_out()
    nlu: list[dict] = [
        {"lookup": "role", "examples": "".join(f"- {r}\n" for r in roles)},
        {"lookup": "job_word", "examples": "".join(f"- {w}\n" for w in dict.fromkeys((*kb.wording.job_words, *kb.wording.job_nouns)))},
        {"intent": "tell_role", "examples": _examples(ROLE_TEMPLATES, roles, "role", 1, unseen=unseen)},
        {"intent": "ask_role_training", "examples": _examples(ROLE_TRAINING_TEMPLATES, roles, "role", 1, unseen=unseen)},
        {"intent": "ask_term", "examples": _examples(TERM_TEMPLATES, terms, "term", 2, unseen=unseen)},
        {"intent": "ask_responsibilities", "examples": _examples(TOPIC_TEMPLATES, list(topics), "topic", 1, topics, unseen)},
    ]
    nlu += [{"intent": intent, "examples": _examples(templates, list(levels), "level", 1, levels, unseen)}
            for intent, templates in LEVEL_TEMPLATES.items()]
    synonyms = {name: [k for k in sorted(levels) if levels[k] == name and k.casefold() != name.casefold()] for name in set(levels.values())}
    nlu += [{"synonym": name, "examples": "".join(f"- {k}\n" for k in variants)} for name, variants in sorted(synonyms.items()) if variants]
    return HEADER + yaml.dump({"version": "3.1", "nlu": nlu}, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True, width=1000)


def write(kb: KnowledgeBase, path: Path = GENERATED) -> bool:
    """Write the generated data; True when the file changed."""
    text = generate(kb)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def is_current(kb: KnowledgeBase, path: Path = GENERATED) -> bool:
    return path.exists() and path.read_text(encoding="utf-8") == generate(kb)
