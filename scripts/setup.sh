#!/usr/bin/env bash
# Sourced by run.sh: finds Python 3.10, makes .venv and installs the pinned dependencies.
# Installs with uv (pinned in constraints.txt, fetched from the package registry) when it can, else with pip.
# Installing is skipped when pyproject.toml and constraints.txt are unchanged since last time.

# step LABEL COMMAND...: says what it is doing, runs it, and says how long it took.
step() {
  local label=$1 started=$SECONDS status=0
  shift
  echo "==> $label"
  "$@" || status=$?
  if [ "$status" -eq 0 ]; then echo "    done in $((SECONDS - started)) s"; else echo "    failed (exit $status) after $((SECONDS - started)) s"; fi
  return "$status"
}

find_python310() {
  local candidate
  if command -v pyenv >/dev/null 2>&1; then
    candidate=$(PYENV_VERSION=3.10.13 pyenv which python 2>/dev/null) && [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  fi
  for candidate in python3.10 "$HOME/.pyenv/versions/3.10.13/bin/python" /usr/local/bin/python3.10 /usr/bin/python3.10; do
    if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
  done
  return 1
}

# find_uv ROOT PYTHON: prints a uv to use, installing the pinned one beside the project if none is on PATH.
find_uv() {
  local root=$1 python=$2 tools=$1/.tools/uv
  if command -v uv >/dev/null 2>&1; then command -v uv; return 0; fi
  if [ ! -x "$tools/bin/uv" ]; then
    "$python" -m pip install --quiet --disable-pip-version-check --target "$tools" \
      -c "$root/constraints.txt" uv >/dev/null 2>&1 || return 1
  fi
  echo "$tools/bin/uv"
}

_make_venv() {
  local venv=$1 python=$2 uv=$3
  if [ -n "$uv" ]; then "$uv" venv --quiet --seed --python "$python" "$venv"; else "$python" -m venv "$venv"; fi
}

_install() {
  local root=$1 venv=$2 uv=$3
  if [ -n "$uv" ]; then
    "$uv" pip install --quiet --python "$venv/bin/python" -c "$root/constraints.txt" -e "$root[test]"
  else
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -c "$root/constraints.txt" -e "$root[test]"
  fi
}

ensure_venv() {
  local root=$1 venv=$1/.venv python="" uv="" stamp want
  stamp="$venv/.installed"
  want=$(cat "$root/pyproject.toml" "$root/constraints.txt" | sha256sum | cut -d' ' -f1)
  if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    echo "==> Dependencies: unchanged since the last install"
  else
    if ! python=$(find_python310); then
      echo "error: Python 3.10 is needed (Rasa 3.6 supports 3.8-3.10) and none was found." >&2
      echo "Install it with pyenv ('pyenv install 3.10.13') or your package manager as python3.10, then run this again." >&2
      exit 1
    fi
    "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' || { echo "error: $python is not Python 3.10" >&2; exit 1; }
    uv=$(find_uv "$root" "$python") || { uv=""; echo "    (uv could not be installed: using pip, which is slower)"; }
    if [ ! -x "$venv/bin/python" ]; then
      step "Creating $venv with $python" _make_venv "$venv" "$python" "$uv"
    fi
    step "Installing the pinned dependencies with $([ -n "$uv" ] && echo uv || echo pip) (about a minute with a warm cache)" \
      _install "$root" "$venv" "$uv"
    echo "$want" > "$stamp"
  fi
  export PATH="$venv/bin:$PATH" RASA_TELEMETRY_ENABLED=false
}

ensure_debian_packages() {
  # Pairs of <file glob> <Debian package>: installs the packages whose file is missing.
  # The tests start their own servers and browser on loopback from these packages.
  local missing=() probe package
  while [ $# -gt 1 ]; do
    probe=$1 package=$2
    shift 2
    compgen -G "$probe" >/dev/null || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "error: these Debian packages are needed and not installed: ${missing[*]}" >&2
    exit 1
  fi
  step "Installing ${missing[*]} from Debian's packages" _apt_install "${missing[@]}"
}

_apt_install() {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# run_tests [pytest options]: the model trains in the background while the tests that need no served
# assistant run in parallel (pytest-xdist); then the assistant's tests run against one trained model
# and one set of servers. Either phase failing fails the run; a phase with nothing selected is fine.
run_tests() {
  local log=var/training.log started=$SECONDS fast=0 slow=0 trained=0 train_pid
  mkdir -p var
  step "Generating the training data from the knowledge base" send-guide training-data
  echo "==> Training the model in the background (progress in $log)"
  send-guide train >"$log" 2>&1 &
  train_pid=$!
  step "Tests that need no served assistant, in parallel" \
    python -m pytest -m "not assistant" -n 2 --durations=10 "$@" || fast=$?
  [ "$fast" -eq 5 ] && fast=0
  wait "$train_pid" || trained=$?
  if [ "$trained" -ne 0 ]; then
    echo "error: training failed; the end of $log:" >&2
    tail -n 40 "$log" >&2
    return 1
  fi
  grep -E "done in|up to date" "$log" | sed 's/^/    training: /'
  step "Tests with the served assistant (one trained model, one set of servers)" \
    python -m pytest -m assistant --durations=10 "$@" || slow=$?
  [ "$slow" -eq 5 ] && slow=0
  echo "==> All tests done in $((SECONDS - started)) s"
  [ "$fast" -eq 0 ] && [ "$slow" -eq 0 ]
}
