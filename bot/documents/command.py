"""`send-guide documents`: add an organisation's own document (or a new version of it), list, show and remove them.

    send-guide documents add FILE --title "Ward training policy" --owner "Example NHS Trust" [--by NAME]
    send-guide documents list [--removed]
    send-guide documents show ID
    send-guide documents remove ID [--by NAME]
    send-guide documents rules [RULES.yml] [--by NAME]   (the organisation's rules that raise a level; none: show them)
    send-guide documents calendar [FILE.csv|.ics] [--by NAME]   (the organisation's training sessions; none: show them)
    send-guide documents contacts [CONTACTS.yml] [--by NAME]   (who "talk to a person" and named roles point to; none: show them)
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
    contacts_action = actions.add_parser("contacts", help="set the organisation's contacts (a YAML file: for \"talk to a person\" "
                                                          "or a role the documents name, with a name and an email, phone or link), "
                                                          "or show them")
    contacts_action.add_argument("file", type=Path, nargs="?")
    for action in (add, actions.choices["remove"], rules_action, calendar_action, contacts_action):
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
    if args.action in ("rules", "calendar", "contacts"):
        return _setting(args, engine, by)
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


def _setting(args: argparse.Namespace, engine: object, by: str) -> int:
    """Put a rules, calendar or contacts file in force, then show what is in force."""
    from bot.documents import settings
    from knowledge.guide import Guide

    guide = Guide.open(args.database_url)
    if args.file is not None:
        try:
            count = settings.put(args.action, args.file.read_bytes(), args.file.name, by, engine, guide)
        except OSError as error:
            print(f"send-guide: cannot read {args.file} ({type(error).__name__})")
            return 1
        except settings.REFUSED as error:
            print(f"send-guide: {args.file.name} is not used: {settings.why(error)}")
            return 1
        print(f"In force now: the {count} {settings.NOUNS[args.action]} in {args.file.name}.")
    print("\n".join(settings.in_force(args.action, engine, guide)) or settings.NONE[args.action])
    return 0
