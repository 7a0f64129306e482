#!/bin/bash
# check-po-macros.sh - fails when a translatable string is cut short by a format macro that xgettext cannot see
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po-macros.sh SRCDIR WORKDIR
# _("line %" G_GINT64_FORMAT) is extracted as "line %": the string looked up at run time
# never matches it, so the message stays English whatever the translation says.
set -euo pipefail

srcdir=${1:?usage: check-po-macros.sh SRCDIR WORKDIR}
workdir=${2:?usage: check-po-macros.sh SRCDIR WORKDIR}
mkdir -p "$workdir"
pot="$workdir/yusuan.pot"

bash "$srcdir/po/update-po.sh" --pot "$pot" 2>/dev/null

truncated=$(msgcat --no-wrap "$pot" | awk '/^#:/ { refs = $0 } /^msgid "([^"]*[^%])?(%%)*%"$/ { print refs "  " $0 }')
if [ -n "$truncated" ]; then
  echo "These translatable strings end in a lone % because a macro such as G_GINT64_FORMAT" >&2
  echo "follows it inside _(), so they can never be translated. Write \"%\" PRId64 (from" >&2
  echo "<inttypes.h>, which xgettext understands) or format the number into a string first:" >&2
  echo "$truncated" >&2
  exit 1
fi
echo "no translatable string is cut short by a format macro"
