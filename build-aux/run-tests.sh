#!/bin/bash
# run-tests.sh - installs what is needed, builds, runs the whole suite and prints "N passed, N failed"
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Two builds: the normal one runs every suite (core, cli, packaging, gui under
# Xvfb); a second one with AddressSanitizer and UndefinedBehaviorSanitizer runs
# the core and cli suites again, where memory errors in parsing hostile input
# would hide.
set -euo pipefail

cd "$(dirname "$0")/.."
export LANG=C.UTF-8

bash build-aux/install-deps.sh

setup () {
  local dir=$1
  shift
  if [ -d "$dir" ]; then
    meson setup --reconfigure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}

builddir=${BUILDDIR:-_build}
asandir=${ASANDIR:-_build-asan}

setup "$builddir"
setup "$asandir" -Dgui=false -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

status=0
xvfb-run -a -s "-screen 0 1400x900x24" \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=$?
ASAN_OPTIONS=detect_leaks=1 \
  meson test -C "$asandir" --print-errorlogs --num-processes 2 --suite core --suite cli || status=$?

python3 - "$builddir/meson-logs/testlog.json" "$asandir/meson-logs/testlog.json" <<'PY'
import json, sys
results = []
for path in sys.argv[1:]:
    results += [json.loads(line)["result"] for line in open(path) if line.strip()]
passed = sum(r in ("OK", "EXPECTEDFAIL") for r in results)
skipped = results.count("SKIP")
failed = len(results) - passed - skipped
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
