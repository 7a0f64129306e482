#!/bin/bash
# install-deps.sh - installs every Debian 12 package Yusuan needs to build, run and test
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libxml2-dev libsqlite3-dev nettle-dev libxlsxwriter-dev
  # run
  fonts-noto-cjk dbus
  # tests and checks
  xvfb xauth xdotool imagemagick at-spi2-core desktop-file-utils appstream libxml2-utils
  sqlite3 flatpak-builder python3 valgrind poppler-utils locales
)

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps.sh: run as root (or through sudo)" >&2
  exit 2
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${packages[@]}"

# Screenshots and Chinese messages in a real locale.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; then
  sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
  locale-gen >/dev/null
fi
