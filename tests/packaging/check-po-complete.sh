#!/bin/bash
# check-po-complete.sh - fails when a translatable string of the sources is missing from a translation, untranslated or fuzzy
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po-complete.sh SRCDIR WORKDIR
# The template is made by po/update-po.sh --pot (same xgettext options as the build) in WORKDIR.
set -euo pipefail

srcdir=${1:?usage: check-po-complete.sh SRCDIR WORKDIR}
workdir=${2:?usage: check-po-complete.sh SRCDIR WORKDIR}
mkdir -p "$workdir"
pot="$workdir/yusuan.pot"

bash "$srcdir/po/update-po.sh" --pot "$pot"
total=$(msgattrib --no-obsolete "$pot" | grep -c '^msgid ' || true)
total=$((total - 1))   # the header

status=0

while read -r lang; do
  case "$lang" in ''|'#'*) continue ;; esac
  po="$srcdir/po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "po/LINGUAS lists $lang but po/$lang.po does not exist" >&2
    status=1
    continue
  fi
  merged="$workdir/$lang.merged.po"
  # No fuzzy matching here: a string the po file does not have is untranslated,
  # not a guess.
  msgmerge --quiet --no-fuzzy-matching --output-file="$merged" "$po" "$pot"

  # msgattrib always writes the header entry: it is not counted.
  untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$merged" | grep -c '^msgid ' || true)
  untranslated=$((untranslated > 0 ? untranslated - 1 : 0))
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" | grep -c '^msgid ' || true)
  fuzzy=$((fuzzy > 0 ? fuzzy - 1 : 0))
  if [ "$untranslated" -gt 0 ]; then
    echo "po/$lang.po: $untranslated of $total strings missing or untranslated:" >&2
    msgattrib --untranslated --no-obsolete --no-wrap "$merged" | sed -n '/^#:/,/^$/p' >&2
    status=1
  fi
  if [ "$fuzzy" -gt 0 ]; then
    echo "po/$lang.po: $fuzzy fuzzy translations to review:" >&2
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" | sed -n '/^#:/,/^$/p' >&2
    status=1
  fi
  obsolete=$(msgattrib --only-obsolete "$po" | grep -c '^#~ msgid ' || true)
  if [ $status -eq 0 ]; then
    echo "po/$lang.po: all $total strings translated, none fuzzy (obsolete entries: $obsolete)"
  fi
done < "$srcdir/po/LINGUAS"

if [ $status -ne 0 ]; then
  echo "Run po/update-po.sh, translate, and remove the fuzzy flags you have reviewed." >&2
fi
exit $status
