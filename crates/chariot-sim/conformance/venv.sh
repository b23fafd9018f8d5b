#!/usr/bin/env bash
# Creates (once) the Python venv with Jamf's official SDK (PyPI jamf-pro-sdk) that the
# simulator conformance tests (run.sh) and the benchmark (`cargo xtask bench`) use, under
# ${CARGO_TARGET_DIR:-target}/conformance-venv, and prints its python's path on stdout.
# Shared so both pin the same SDK version.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
VENV="$TARGET/conformance-venv"
SDK_VERSION="0.9a1"     # the newest release on PyPI (pre-release only)
PYTEST_VERSION="8.4.2"

if [ ! -x "$VENV/bin/python" ]; then
  if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      apt-get install -y python3-venv >&2
      rm -rf "$VENV"
      python3 -m venv "$VENV" >&2
    else
      echo "python3 -m venv failed: install python3-venv" >&2
      exit 1
    fi
  fi
  if ! "$VENV/bin/pip" install --quiet --disable-pip-version-check "jamf-pro-sdk==$SDK_VERSION" "pytest==$PYTEST_VERSION" >&2; then
    # A half-made venv would be taken as ready next time.
    rm -rf "$VENV"
    echo "pip install jamf-pro-sdk==$SDK_VERSION failed" >&2
    exit 1
  fi
fi
echo "$VENV/bin/python"
