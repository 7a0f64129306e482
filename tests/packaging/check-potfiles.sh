#!/bin/bash
# check-potfiles.sh - fails when po/POTFILES.in misses a file with translatable strings, lists a missing file, or is unsorted
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.sh SRCDIR
set -euo pipefail

srcdir=${1:?usage: check-potfiles.sh SRCDIR}
cd "$srcdir"
potfiles=po/POTFILES.in
status=0

listed=$(grep -v -e '^#' -e '^[[:space:]]*$' "$potfiles")

# Sorted, so that additions from several people merge cleanly.
if ! LC_ALL=C sort --check=quiet <<<"$listed"; then
  echo "$potfiles is not sorted; sorted it reads:" >&2
  LC_ALL=C sort <<<"$listed" >&2
  status=1
fi
if dups=$(LC_ALL=C sort <<<"$listed" | uniq -d) && [ -n "$dups" ]; then
  echo "$potfiles lists these files twice:" >&2
  echo "$dups" >&2
  status=1
fi

# A listed file that is gone breaks xgettext, and with it the template.
while read -r f; do
  if [ ! -f "$f" ]; then
    echo "$potfiles lists $f, which does not exist" >&2
    status=1
  fi
done <<<"$listed"

# Every file that marks a string for translation must be listed.
candidates=$(
  {
    # C: _( N_( C_( NC_( and the g_d*gettext / ngettext calls, not as part of a longer name.
    grep -rlE --include='*.c' --include='*.h' \
      '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2|g_dcgettext|ngettext)[[:space:]]*\(' src 2>/dev/null || true
    grep -rl --include='*.ui' 'translatable="yes"' ui src 2>/dev/null || true
    # Desktop entry, metainfo, schema and MIME sources are translated through po/ too.
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml data/*.xml.in 2>/dev/null || true
  } | LC_ALL=C sort -u
)
missing=$(LC_ALL=C comm -23 <(echo "$candidates" | sed '/^$/d') <(LC_ALL=C sort -u <<<"$listed"))
if [ -n "$missing" ]; then
  echo "These files have translatable strings but are not in $potfiles:" >&2
  echo "$missing" >&2
  echo "Add them (keeping the file sorted), then run po/update-po.sh." >&2
  status=1
fi

if [ $status -eq 0 ]; then
  echo "$potfiles: $(wc -l <<<"$listed") files, sorted, all present, none missing"
fi
exit $status
