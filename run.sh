#!/usr/bin/env bash
# ./run.sh       install, build the knowledge base, and answer on the command line
# ./run.sh test  install what the tests need and run them all
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/setup.sh
source "$root/scripts/setup.sh"
ensure_venv "$root"

case "${1:-serve}" in
  serve)
    send-guide build
    shift || true
    send-guide level --interactive "$@"
    ;;
  test)
    ensure_postgres
    shift
    cd "$root"
    python -m pytest "$@"
    ;;
  *)
    echo "usage: ./run.sh [serve [send-guide level options] | test [pytest options]]" >&2
    exit 2
    ;;
esac
