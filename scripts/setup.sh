#!/usr/bin/env bash
# Sourced by run.sh: finds Python 3.10, makes .venv and installs the pinned dependencies.
# Installing is skipped when pyproject.toml and constraints.txt are unchanged since last time.

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

ensure_venv() {
  local root=$1 venv=$1/.venv python stamp want
  if [ ! -x "$venv/bin/python" ]; then
    if ! python=$(find_python310); then
      echo "error: Python 3.10 is needed (Rasa 3.6 supports 3.8-3.10) and none was found." >&2
      echo "Install it with pyenv ('pyenv install 3.10.13') or your package manager as python3.10, then run this again." >&2
      exit 1
    fi
    "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' || { echo "error: $python is not Python 3.10" >&2; exit 1; }
    echo "Creating $venv with $python"
    "$python" -m venv "$venv"
  fi
  stamp="$venv/.installed"
  want=$(cat "$root/pyproject.toml" "$root/constraints.txt" | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "Installing pinned dependencies into $venv (a few minutes the first time)"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -c "$root/constraints.txt" -e "$root[test]"
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
  echo "Installing ${missing[*]} from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
