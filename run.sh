#!/usr/bin/env bash
# ./run.sh        install, build the knowledge base, train if the inputs changed, serve the assistant
# ./run.sh ask    the same knowledge base on the command line, question by question
# ./run.sh test   install what the tests need and run them all
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/setup.sh
source "$root/scripts/setup.sh"
ensure_venv "$root"

case "${1:-serve}" in
  serve)
    shift || true
    cd "$root"
    exec send-guide serve "$@"
    ;;
  ask)
    shift
    send-guide build
    send-guide level --interactive "$@"
    ;;
  test)
    ensure_debian_packages '/usr/lib/postgresql/*/bin/pg_ctl' postgresql /usr/bin/chromium chromium \
      /usr/bin/redis-server redis-server /usr/sbin/nginx nginx
    shift
    cd "$root"
    run_tests "$@"
    ;;
  *)
    echo "usage: ./run.sh [serve [--port N] | ask [send-guide level options] | test [pytest options]]" >&2
    exit 2
    ;;
esac
