#!/bin/bash
# run-example.sh - installs what is needed, builds, and opens the bundled example budget in Yusuan
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "$(dirname "$0")/.."
export LANG=${LANG:-C.UTF-8}

bash build-aux/install-deps.sh

builddir=${BUILDDIR:-_build}
[ -d "$builddir" ] || meson setup "$builddir"
meson compile -C "$builddir"

example="$builddir/sanmenxia-2023.yusuan"
"$builddir/src/cli/yusuan-cli" import --force data/examples/sanmenxia-2023.xml -o "$example"

export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data"
export YUSUAN_LOCALEDIR="$PWD/$builddir/po"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-example.sh: no display; starting Yusuan under Xvfb (screenshot: $builddir/example.png)" >&2
  exec xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
    bash -c "'$builddir/src/gui/yusuan' '$example' & sleep 5; import -window root '$builddir/example.png'; kill %1"
fi
exec dbus-run-session -- "$builddir/src/gui/yusuan" "$example"
