"""`send-guide`: build the knowledge base and ask it questions from the terminal."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any, Callable

from sqlalchemy.exc import SQLAlchemyError

from bot import preflight, text, training_data
from bot.plan import command as plan_command
from bot.report import command as report_command
from bot.staff import command as staff_command
from bot.documents import command as documents_command
from bot.progress import step
from knowledge import lookup
from knowledge.answers import to_dict
from knowledge.content_loader import ContentError, SourceError, load_content
from knowledge.coverage import report, uncovered
from knowledge.db import database_url, describe, make_engine
from knowledge.guide import Guide, build
from knowledge.reading import read_answer
from knowledge.rules import InvalidAnswer, NextQuestion, Profile
from knowledge.schema import FACT_VALUES, Option
from knowledge.store import KnowledgeBaseMissing

ANSWER_OPTIONS = list(FACT_VALUES)
FACT_HELP = {
    "sector": "where you work",
    "involvement": "the highest of the documents' descriptions that applies to you (the question the assistant asks)",
    "contact": "contact with children or young people with SEND",
    "assess": "you contribute to assessing, planning, intervening or evaluating their needs (in a school: you are "
              "continuously and directly involved in educating them)",
    "lead": "you lead on SEND for a service or organisation",
    "designated": "you hold a designated SEND role, such as DHO or deputy DHO",
    "confidential": "you handle confidential information about CYP with SEND",
    "new-senco": "you are a newly appointed school SENCO: before this post, twelve months or less as a SENCO in total, or never",
}


def _emit(args: argparse.Namespace, data: Any, plain: Callable[[], str]) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False) if args.json else plain())


def _build(args: argparse.Namespace) -> int:
    kb = build(args.database_url, args.content, args.seeds)
    print(f"Built the knowledge base in {describe(args.database_url or database_url())}: "
          f"{len(kb.levels)} levels and tiers, {len(kb.roles)} roles, {len(kb.topics)} topics, "
          f"{len(kb.glossary)} glossary terms, {len(kb.citations())} citations.")
    return 0


def _coverage(args: argparse.Namespace) -> int:
    kb = load_content(args.content, args.seeds)
    print(report(kb))
    return 1 if uncovered(kb) else 0


def _profile(args: argparse.Namespace) -> Profile:
    return Profile.of(args.role, **{fact.replace("-", "_"): getattr(args, fact.replace("-", "_")) for fact in ANSWER_OPTIONS})


def _level(args: argparse.Namespace) -> int:
    guide = Guide.open(args.database_url)
    if args.interactive and not args.role:
        try:
            args.role = input("What is your job role? ").strip() or None
        except EOFError:
            args.role = None
    profile = _profile(args)
    outcome = guide.decide(profile)
    while args.interactive and isinstance(outcome, NextQuestion):
        option = _prompt(outcome, guide)
        if option is None:
            return 1
        profile = profile.chose(option)
        outcome = guide.decide(profile)
    data = to_dict(outcome)
    _emit(args, data, lambda: text.question(data) if "question" in data else text.determination(data, args.full))
    return 0


def _prompt(question: NextQuestion, guide: Guide) -> Option | None:
    """Ask on the terminal until the answer picks one of the options; None at end of input."""
    print(text.question(to_dict(question)))
    while True:
        try:
            reply = input("> ")
        except EOFError:
            print("No answer given.", file=sys.stderr)
            return None
        chosen = read_answer(question.options, question.question.asks, reply, guide.catalogue, question.question.framework)
        if chosen:
            return chosen
        print(f"Sorry, I could not tell which of those you mean. Please answer with a number from 1 to {len(question.options)}.")


def _cohort(args: argparse.Namespace) -> int:
    data = lookup.cohort(Guide.open(args.database_url).kb, args.level)
    def plain() -> str:
        lines = [f"{data['level']}: {data['cohort']['text']}", text.cited_list("Named in the documents:", data["members"])]
        lines += [text.cited_list("Roles placed here:", data["roles"], "role")]
        lines += [f"Named here only with a note: {', '.join(d['roles'])}: {d['note']}" for d in data["disputed"]]
        for key in ("induction", "refresher"):
            if data[key]:
                lines.append(f"{key.title()}: {data[key]['text']}")
        if data["builds_on"]:
            lines.append(f"Builds on: {', '.join(data['builds_on'])}")
        if data["competencies"]:
            lines.append(text.cited_list("Competencies:", data["competencies"]))
        lines += [f"Note: {n['statement']}" for n in data["notes"]]
        return "\n".join(lines)
    _emit(args, data, plain)
    return 0


def _responsibilities(args: argparse.Namespace) -> int:
    guide = Guide.open(args.database_url)
    kb = guide.kb
    if not args.topic:
        listing = [{"topic": t.id, "title": t.title} for t in kb.topics]
        _emit(args, listing, lambda: "\n".join(f"{t['topic']}: {t['title']}" for t in listing))
        return 0
    data = lookup.topic(kb, args.topic, guide.catalogue)
    _emit(args, data, lambda: text.topic(data))
    return 0


def _glossary(args: argparse.Namespace) -> int:
    data = lookup.glossary(Guide.open(args.database_url).kb, args.term)
    _emit(args, data, lambda: "\n".join(f"{g['term']}: {g['meaning']}" + (f" - {g['note']}" if g["note"] else "") for g in data))
    return 0


def _training_data(args: argparse.Namespace) -> int:
    kb = load_content(args.content, args.seeds)
    if args.check:
        if training_data.is_current(kb):
            return 0
        print(f"send-guide: {training_data.GENERATED} is out of date: run `send-guide training-data`", file=sys.stderr)
        return 1
    changed = training_data.write(kb)
    print(f"{'Wrote' if changed else 'Unchanged:'} {training_data.GENERATED}")
    return 0


def _stop_on_term(signum: int, frame: object) -> None:
    """Treat a termination request like Ctrl-C, so both servers are stopped the same way."""
    raise KeyboardInterrupt


def _train(args: argparse.Namespace) -> int:
    from bot import serve

    training_data.write(load_content())
    print(serve.ensure_model(sys.stderr))
    return 0


def _nlu(args: argparse.Namespace) -> int:
    from bot import nlu_report, serve

    copied = nlu_report.overlap()
    print(f"Held-out messages: {sum(map(len, nlu_report.examples(nlu_report.HELD_OUT).values()))}; "
          f"also in the training data: {len(copied)}")
    print(nlu_report.table(nlu_report.held_out_scores(serve.ensure_model(sys.stderr))))
    if args.cross_validation:
        print("Cross-validation (3 folds) on the training data:\n" + nlu_report.table(nlu_report.cross_validation_scores()))
    return 1 if copied else 0


def _serve(args: argparse.Namespace) -> int:
    from bot import serve  # imports requests only when serving

    with step("Building the knowledge base from the five documents", sys.stdout):
        build(args.database_url)
        preflight.check({**os.environ, "DATABASE_URL": args.database_url or database_url()})
        training_data.write(load_content())
    assistant = serve.Assistant(serve.ensure_model(sys.stdout), args.port, args.actions_port, args.database_url,
                                os.environ.get("SEND_GUIDE_API_TOKEN") or None)
    with step("Starting the action server and the Rasa server (TensorFlow loads: about 30 s)", sys.stdout):
        assistant.start()
    print(f"SEND Training Guide is running.\n  Web chat page: {assistant.url}/webhooks/webchat/\n"
          f"  REST channel:  POST {assistant.url}/webhooks/rest/webhook " '{"sender": "you", "message": "hello"}\n'
          "Press Ctrl-C to stop.", flush=True)
    signal.signal(signal.SIGTERM, _stop_on_term)
    try:
        while all(p.poll() is None for p in assistant.processes):
            time.sleep(1)
        print("send-guide: a server stopped unexpectedly", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopping...")
        return 0
    finally:
        assistant.stop()


def _forget(args: argparse.Namespace) -> int:
    from bot.retention import forget

    deleted = forget(make_engine(args.database_url), args.conversation_id)
    print(f"Deleted {deleted.events} events, {deleted.feedback} feedback rows, {deleted.records} reflection records and "
          f"{deleted.ratings} self-assessment ratings of that conversation.")
    return 0


def _purge(args: argparse.Namespace) -> int:
    from bot.retention import purge

    deleted = purge(make_engine(args.database_url), args.days)
    print(f"Deleted {deleted.conversations} conversations ({deleted.events} events) last active over {args.days} days ago, "
          f"{deleted.feedback} feedback rows given before then, {deleted.records} reflection records and {deleted.ratings} "
          "self-assessment ratings.")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="send-guide", description="Which SEND training you need, from the five source documents.")
    top.add_argument("--database-url", help="SQLAlchemy URL (default: DATABASE_URL, else the package's SQLite file)")
    sub = top.add_subparsers(dest="command", required=True)

    def command(name: str, handler: Callable[[argparse.Namespace], int], help: str, json_out: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        if json_out:
            p.add_argument("--json", action="store_true", help="print one JSON value for scripts")
        return p

    data = command("training-data", _training_data, "write the Rasa training data generated from the knowledge base", False)
    data.add_argument("--check", action="store_true", help="only check that the checked-in copy is current")
    for p in (command("build", _build, "validate the content against the documents and load it", False),
              command("coverage", _coverage, "facts per section of each document", False), data):
        p.add_argument("--content", type=Path, help="content folder (default: the package's)")
        p.add_argument("--seeds", type=Path, help="source documents folder (default: SEND_GUIDE_SEEDS or ../shared/seeds)")
    p = command("level", _level, "the training level for a person, or the next question to ask")
    p.add_argument("--role", help="the job role as the person says it")
    for fact in ANSWER_OPTIONS:
        p.add_argument(f"--{fact}", choices=FACT_VALUES[fact], dest=fact.replace("-", "_"), help=FACT_HELP.get(fact))
    p.add_argument("--interactive", "-i", action="store_true", help="ask the remaining questions here")
    p.add_argument("--full", action="store_true", help="show every learning outcome and topic")
    command("train", _train, "train the model if the training inputs changed, and print its path", False)
    command("nlu", _nlu, "intent precision and recall on held-out messages the model never saw", False).add_argument(
        "--cross-validation", action="store_true", help="also 3-fold cross-validation on the training data (about an hour)")
    p = command("serve", _serve, "build, train if the inputs changed, and run the assistant on localhost", False)
    p.add_argument("--port", type=int, default=5005, help="Rasa server port (REST channel at /webhooks/rest/webhook)")
    p.add_argument("--actions-port", type=int, default=5055, help="action server port")
    staff_command.arguments(command("staff", staff_command.run, "a whole staff list (CSV or .xlsx): each person's level or open question", False))
    plan_command.arguments(command("plan", plan_command.run, "a training plan: the induction, refresher and National Award dates"),
                           FACT_HELP)
    documents_command.arguments(command("documents", documents_command.run, "your organisation's own documents: add, list, show, remove", False))
    report_command.arguments(command("report", report_command.run, "for content owners: what people asked that it could not answer"))
    p = command("forget", _forget, "delete everything held for one conversation id", False)
    p.add_argument("conversation_id", help="the sender id: the web page's conversation number, a Slack or Teams user id")
    p = command("purge", _purge, "delete conversations and feedback older than the retention period (run daily)", False)
    p.add_argument("--days", type=int, default=int(os.environ.get("SEND_GUIDE_RETENTION_DAYS") or 90),
                   help="retention period in days (default SEND_GUIDE_RETENTION_DAYS, else 90)")
    command("cohort", _cohort, "who a level or tier is for").add_argument("level", help='e.g. "Level 3", "Tier 1", "Introductory"')
    command("responsibilities", _responsibilities, "SEND responsibilities by role or topic").add_argument("topic", nargs="?")
    command("glossary", _glossary, "abbreviations the documents use").add_argument("term", nargs="?")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except (ContentError, SourceError, KnowledgeBaseMissing, lookup.NotFound, InvalidAnswer, preflight.Unreachable) as error:
        print(f"send-guide: {error}", file=sys.stderr)
        return 2 if isinstance(error, InvalidAnswer) else 1
    except SQLAlchemyError as error:
        url = describe(args.database_url or database_url())
        print(f"send-guide: cannot use the database {url} ({type(error).__name__}); check DATABASE_URL", file=sys.stderr)
        return 1
    except BrokenPipeError:  # "send-guide level ... | head": the reader stopped reading, no error of ours; stdout goes nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so flushing it at exit fails no more (Python's advice)
        return 0


if __name__ == "__main__":
    sys.exit(main())
