"""How many questions asked on demand are answered right over REST: the held-out sets
(tests/answers/heldout.yml, fresh.yml, probe.yml and unseen.yml) and the challenge set's questions (../shared/challenge/questions.yml).

    .venv/bin/python scripts/answers.py [--show 20] [--kind yes-no]

A reply is right when it matches every regular expression the question expects. Prints the share
right per set, per document and per kind of question, then up to `--show` of the wrong ones. The unseen
set's wrong replies are never printed or dumped: its figure stays a clean measure only while nobody
works from its failures.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.sources import seeds_dir  # noqa: E402
from tests.answers import FRESH, HELD_OUT, PROBE, UNSEEN, ask_all, held_out  # noqa: E402
from tests.services import served_assistant  # noqa: E402


def _share(results: list, label: str) -> str:
    right = sum(r.right for r in results)
    return f"{label}: {right} of {len(results)} right ({100 * right / max(len(results), 1):.1f} %)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=20, help="wrong answers to print")
    parser.add_argument("--dump", type=Path, help="write every question, whether it was right, its patterns and whole reply here (YAML)")
    parser.add_argument("--kind", help="only questions of this kind (fact, list, definition, yes-no, who, silence, ...)")
    args = parser.parse_args()
    chosen = {name: [c for c in held_out(path) if not args.kind or c.get("kind") == args.kind]
              for name, path in (("held-out", HELD_OUT), ("fresh", FRESH), ("probe", PROBE), ("unseen", UNSEEN))}
    challenge = yaml.safe_load((seeds_dir().parent / "challenge" / "questions.yml").read_text(encoding="utf-8"))
    with served_assistant() as say:
        got = {name: ask_all(lambda s, m, name=name: say(f"{name}-{s}", m), cases) for name, cases in chosen.items()}
        theirs = ask_all(lambda s, m: say(f"challenge-{s}", m), challenge)
    for name, asked in chosen.items():
        print(_share(got[name], f"{name} questions"))
        for key in ("doc", "kind"):
            groups = Counter(c.get(key) for c in asked)
            print(f"  by {key}: " + ", ".join(_share([r for r, c in zip(got[name], asked) if c.get(key) == g], str(g)).split(" (")[0]
                                              for g in sorted(groups, key=str)))
    print(_share(theirs, "challenge questions"))
    read = got["held-out"] + got["fresh"] + got["probe"] + theirs  # never the unseen set's
    wrong = [r for r in read if not r.right]
    if args.dump:
        args.dump.write_text(yaml.safe_dump([{"say": r.say, "right": r.right, "missing": list(r.missing), "reply": r.reply}
                                             for r in read],
                                            allow_unicode=True, sort_keys=False, width=140), encoding="utf-8")
    for r in wrong[: args.show]:
        print(f"  wrong: {r.say!r}: no {list(r.missing)} in {r.reply[:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
