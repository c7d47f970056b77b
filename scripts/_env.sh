# Shared by scripts/demo and scripts/test: create a virtual environment and install the
# project into it, re-installing only when a pyproject.toml or this file has changed.
# Usage: ensure_venv DIR EXTRAS [EXTRA_PROJECT_DIR ...]
set -euo pipefail

PYTHON="${PYTHON:-python3}"

ensure_venv() {
  local venv="$1" extras="$2"
  shift 2
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "childcare-commissioning needs Python 3.11 or newer as \$PYTHON (now: $PYTHON)" >&2
    exit 1
  fi
  local projects=(.)
  local plugin
  for plugin in plugins/*/; do
    [ -f "${plugin}pyproject.toml" ] && projects+=("${plugin%/}")
  done
  projects+=("$@")
  # Another run setting up the same environment holds its lock: wait for it (pip has no
  # lock of its own, and two installs into one environment break each other).
  if command -v flock >/dev/null; then
    mkdir -p "$venv"
    exec 9>"$venv/.lock"
    flock 9
  fi
  local stamp
  stamp=$(cat scripts/_env.sh "${projects[@]/%//pyproject.toml}" | sha256sum | cut -d' ' -f1)
  stamp="$stamp $extras"
  if [ -f "$venv/.installed" ] && [ "$(cat "$venv/.installed")" = "$stamp" ]; then
    exec 9>&-
    return 0
  fi
  echo "Setting up $venv (one-time; re-run when dependencies change)..." >&2
  [ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip >&2
  local args=(-e ".[${extras}]")
  local project
  for project in "${projects[@]:1}"; do args+=(-e "$project"); done
  "$venv/bin/python" -m pip install --quiet "${args[@]}" >&2
  echo "$stamp" > "$venv/.installed"
  exec 9>&-
}
