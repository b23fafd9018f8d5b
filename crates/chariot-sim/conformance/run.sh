#!/usr/bin/env bash
# Conformance of chariot-sim with Jamf's official Python SDK (PyPI jamf-pro-sdk).
#
# Creates a venv under ${CARGO_TARGET_DIR:-target}/conformance-venv (once, venv.sh), builds and starts
# `chariot sim --port 0`, reads the URL and demo credentials from its first lines, runs pytest
# on crates/chariot-sim/conformance/test_*.py, stops the simulator and exits with pytest's status.
#
# The SDK defaults to HTTPS on port 443; it offers SessionConfig(scheme="http") and a `port`
# argument, which the tests use to reach the loopback simulator over plain HTTP.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
# The venv (jamf-pro-sdk pinned there) is shared with the benchmark.
PYTHON="$("$HERE/venv.sh")"

(cd "$ROOT" && cargo build --quiet -p chariot-cli)
BIN="$TARGET/debug/chariot"
LOG="$(mktemp)"
"$BIN" sim --port 0 >"$LOG" 2>&1 &
SIM_PID=$!
cleanup() { kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; rm -f "$LOG"; }
trap cleanup EXIT

for _ in $(seq 1 100); do
  if grep -q '^client_secret: ' "$LOG"; then break; fi
  if ! kill -0 "$SIM_PID" 2>/dev/null; then cat "$LOG" >&2; exit 1; fi
  sleep 0.1
done
field() { sed -n "s/^$1: //p" "$LOG" | head -1; }
export SIM_URL="$(sed -n 's/^listening on //p' "$LOG" | head -1)"
export SIM_USER="$(field user)" SIM_PASSWORD="$(field password)"
export SIM_CLIENT_ID="$(field client_id)" SIM_CLIENT_SECRET="$(field client_secret)"
if [ -z "$SIM_URL" ]; then cat "$LOG" >&2; exit 1; fi

set +e
"$PYTHON" -m pytest -q -p no:cacheprovider "$HERE"/test_*.py
STATUS=$?
set -e
exit $STATUS
