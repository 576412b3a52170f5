"""`send-guide documents`: add an organisation's own document (or a new version of it), list, show and remove them.

    send-guide documents add FILE --title "Ward training policy" --owner "Example NHS Trust" [--by NAME]
    send-guide documents list [--removed]
    send-guide documents show ID
    send-guide documents remove ID [--by NAME]
    send-guide documents rules [RULES.yml] [--by NAME]   (the organisation's rules that raise a level; none: show them)
    send-guide documents calendar [FILE.csv|.ics] [--by NAME]   (the organisation's training sessions; none: show them)
"""
from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path

from knowledge.db import make_engine
from knowledge.local import store
from knowledge.local.parse import LIMITS, DocumentError


def arguments(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help=f"add a Markdown, HTML, .docx or text PDF file (up to {LIMITS.describe()})")
    add.add_argument("file", type=Path)
    add.add_argument("--title", required=True, help="the document's title; the same title and owner again adds a new version")
    add.add_argument("--owner", required=True, help="the organisation or team it belongs to, as answers name it")
    listed = actions.add_parser("list", help="the documents cited now, with their versions")
    listed.add_argument("--removed", action="store_true", help="removed ones too")
    listed.add_argument("--json", action="store_true", help="print one JSON value for scripts")
    actions.add_parser("show", help="a document's newest version, section by section").add_argument("id", type=int)
    actions.add_parser("remove", help="stop citing a document, at once, on every server").add_argument("id", type=int)
    rules_action = actions.add_parser("rules", help="set the organisation's rules that raise a role's level (a YAML file "
                                                    "checked against the documents), or show the ones in force")
    rules_action.add_argument("file", type=Path, nargs="?")
    calendar_action = actions.add_parser("calendar", help="set the organisation's training calendar (CSV: level, date, title, "
                                                          "place or link; or .ics), or show its next sessions")
    calendar_action.add_argument("file", type=Path, nargs="?")
    for action in (add, actions.choices["remove"], rules_action, calendar_action):
        action.add_argument("--by", default=None, help="who is doing it, as the record keeps it (default: this login)")


def run(args: argparse.Namespace) -> int:
    from bot.documents import worker

    engine = make_engine(args.database_url)
    by = getattr(args, "by", None) or getpass.getuser()
    if args.action == "add":
        if not args.file.is_file():
            print(f"send-guide: no such file: {args.file}")
            return 1
        if args.file.stat().st_size > LIMITS.file_megabytes * 2**20:
            print(f"send-guide: {args.file.name} is not added: the file is over the limit of {LIMITS.file_megabytes:g} MB")
            return 1
        try:
            parsed = worker.read(args.file.read_bytes(), args.file.name)
        except DocumentError as error:
            print(f"send-guide: {args.file.name} is not added: {error}")
            return 1
        document_id, version = store.add(engine, parsed, args.file.name, args.title, args.owner, by)
        passages = sum(len(ps) for _, ps in parsed.sections)
        print(f"Added {args.file.name} as document {document_id}, version {version}: {len(parsed.sections)} sections, "
              f"{passages} passages. Answers cite it from now on.")
        return 0
    if args.action == "rules":
        return _rules(args, engine, by)
    if args.action == "calendar":
        return _calendar(args, engine, by)
    if args.action == "remove":
        if not store.remove(engine, args.id, by):
            print(f"send-guide: no document {args.id} is cited now (send-guide documents list)")
            return 1
        print(f"Removed document {args.id}: no answer cites it from now on. Its versions are kept as a record.")
        return 0
    if args.action == "show":
        found = {d.id: d for d in store.documents(engine, removed=True)}.get(args.id)
        if found is None:
            print(f"send-guide: no document {args.id}")
            return 1
        print(f"{found.title} ({found.owner}), version {found.versions[-1][0]} of {found.versions[-1][1]}"
              + (f", removed {found.removed_at:%Y-%m-%d %H:%M}" if found.removed_at else ""))
        for heading, texts in store.sections(engine, args.id):
            print(f"\n{heading}")
            for text in texts:
                print(f"  • {text}")
        return 0
    listed = store.documents(engine, removed=args.removed)
    if getattr(args, "json", False):
        print(json.dumps([{"id": d.id, "title": d.title, "owner": d.owner, "removed": bool(d.removed_at),
                           "versions": [{"number": n, "file": f, "by": b, "at": a.isoformat()} for n, f, b, a in d.versions]}
                          for d in listed], indent=2))
        return 0
    if not listed:
        print("No documents of your organisation are added (send-guide documents add FILE --title ... --owner ...).")
    for d in listed:
        number, file_name, added_by, added_at = d.versions[-1]
        print(f"{d.id}. {d.title} ({d.owner}): version {number}, {file_name}, added by {added_by} on {added_at:%Y-%m-%d %H:%M}"
              + (" [removed]" if d.removed_at else ""))
    return 0


def _rules(args: argparse.Namespace, engine: object, by: str) -> int:
    from knowledge.guide import Guide
    from knowledge.local import rules

    guide = Guide.open(args.database_url)
    if args.file is not None:
        try:
            found = rules.read(args.file.read_text(encoding="utf-8"), guide.kb, guide.catalogue, engine)
        except (OSError, UnicodeDecodeError) as error:
            print(f"send-guide: cannot read {args.file} ({type(error).__name__})")
            return 1
        except rules.RulesError as error:
            print(f"send-guide: {args.file.name} is not used: {error}")
            return 1
        rules.save(engine, found, by)
        print(f"The organisation's rules are now the {len(found)} in {args.file.name}.")
    in_force = rules.current(engine)
    if not in_force:
        print("No rules of the organisation are in force: the documents' levels apply.")
    for rule in in_force:
        print(f"{rule.role}: {guide.kb.level(rule.level).name}, as {rule.citation.title} says in \"{rule.citation.section}\": "
              f"\u201c{rule.citation.quote}\u201d")
    return 0


def _calendar(args: argparse.Namespace, engine: object, by: str) -> int:
    from knowledge.guide import Guide
    from knowledge.local import calendar

    guide = Guide.open(args.database_url)
    if args.file is not None:
        try:
            sessions = calendar.read(args.file.read_bytes(), args.file.name, guide.kb)
        except OSError as error:
            print(f"send-guide: cannot read {args.file} ({type(error).__name__})")
            return 1
        except calendar.CalendarError as error:
            print(f"send-guide: {args.file.name} is not used: {error}")
            return 1
        calendar.save(engine, sessions, args.file.name, by)
        print(f"The training calendar is now the {len(sessions)} sessions in {args.file.name}.")
    for level in guide.kb.levels:
        for session in calendar.next_for(calendar.current(engine), level.id):
            print(f"{level.name}: {session.shown()}")
    return 0
