#!/bin/bash
# update-po.sh - regenerates the translation template and merges it into every translation
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   po/update-po.sh [BUILDDIR]   write BUILDDIR/po/yusuan.pot (default BUILDDIR: _build),
#                                then msgmerge it into each po/<lang>.po of po/LINGUAS
#   po/update-po.sh --pot FILE   only write the template to FILE (used by the po-complete test)
#
# The template is never written into the source tree. The xgettext options are those of
# meson's i18n 'glib' preset, so this template is the one `ninja yusuan-pot` would make.
set -euo pipefail

srcdir=$(cd "$(dirname "$0")/.." && pwd)
package=yusuan

xgettext_args=(
  --from-code=UTF-8
  --add-comments
  --keyword=_
  --keyword=N_
  --keyword=C_:1c,2
  --keyword=NC_:1c,2
  --keyword=g_dcgettext:2
  --keyword=g_dngettext:2,3
  --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format
  --flag=C_:2:pass-c-format
  --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format
  --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format
  --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format
  --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format
  --flag=g_log:3:c-format
  --flag=g_print:1:c-format
  --flag=g_printerr:1:c-format
  --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format
  --flag=g_sprintf:2:c-format
  --flag=g_snprintf:3:c-format
  --flag=g_prefix_error:2:c-format
)

usage ()
{
  echo "usage: $0 [BUILDDIR] | --pot FILE" >&2
  exit 2
}

make_pot ()
{
  local out=$1
  local version
  version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" "$srcdir/meson.build" | head -n 1)
  mkdir -p "$(dirname "$out")"
  # Run from the source root: POTFILES.in paths and the references in the
  # template are relative to it.
  (cd "$srcdir" && xgettext "${xgettext_args[@]}" \
      --package-name="$package" --package-version="$version" \
      --msgid-bugs-address="https://github.com/yusuan/yusuan/issues" \
      --files-from=po/POTFILES.in --directory="$srcdir" --output="$out")
}

case "${1:-}" in
  --pot)
    [ $# -eq 2 ] || usage
    make_pot "$(realpath -m "$2")"
    exit 0
    ;;
  -h|--help)
    usage
    ;;
esac
[ $# -le 1 ] || usage

builddir=$(realpath -m "${1:-$srcdir/_build}")
pot="$builddir/po/$package.pot"
make_pot "$pot"
echo "template: $pot ($(grep -c '^msgid ' "$pot") messages, header included)"

while read -r lang; do
  case "$lang" in ''|'#'*) continue ;; esac
  po="$srcdir/po/$lang.po"
  if [ -f "$po" ]; then
    # Fuzzy matches are kept as suggestions for the translator; the po-complete
    # test fails until each is reviewed. Obsolete entries are dropped.
    msgmerge --quiet --previous --update --backup=none "$po" "$pot"
    msgattrib --no-obsolete --output-file="$po" "$po"
  else
    msginit --no-translator --locale="$lang" --input="$pot" --output-file="$po"
  fi
  printf '%s: ' "$lang"
  msgfmt --check --statistics --output-file=/dev/null "$po"
done < "$srcdir/po/LINGUAS"
