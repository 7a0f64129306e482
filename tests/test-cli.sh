#!/bin/bash
# test-cli.sh - drives yusuan-cli as a user would, on the seed fixture; prints TAP
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.sh PATH/TO/yusuan-cli
# Environment: YUSUAN_FIXTURE (the seed submission), YUSUAN_SOURCE_ROOT (for data/budget-1.xsd).

set -u

CLI=${1:?usage: test-cli.sh PATH/TO/yusuan-cli}
FIXTURE=${YUSUAN_FIXTURE:?YUSUAN_FIXTURE must name the seed submission}
SCHEMA=${YUSUAN_SOURCE_ROOT:?YUSUAN_SOURCE_ROOT must name the source tree}/data/budget-1.xsd
PYTHON=$(command -v python3 || true)

TMP=$(mktemp -d "${TMPDIR:-/tmp}/yusuan-cli-test.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 99

n=0
failures=0
rc=0

# run ARGS…: runs the CLI, keeping stdout in $TMP/out, stderr in $TMP/err, the status in $rc.
run () {
  "$CLI" "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
}

pass () {
  n=$((n + 1))
  echo "ok $n - $1"
}

fail () {
  n=$((n + 1))
  failures=$((failures + 1))
  echo "not ok $n - $1"
  echo "# exit status: $rc"
  sed -n '1,15s/^/# stdout: /p' "$TMP/out" 2>/dev/null
  sed -n '1,15s/^/# stderr: /p' "$TMP/err" 2>/dev/null
}

# expect DESCRIPTION COMMAND…: one test point, passing when COMMAND succeeds.
expect () {
  local description=$1
  shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}

status_is () { [ "$rc" -eq "$1" ]; }
stderr_says () { [ -s "$TMP/err" ] && grep -q -- "$1" "$TMP/err"; }
stdout_has () { grep -q -- "$1" "$TMP/out"; }
absent () { [ ! -e "$1" ]; }
# Nothing but the named files in the working folder (no half-written or temporary files).
only_files () {
  local actual expected
  actual=$(ls -A "$TMP" | grep -v -x -e out -e err | sort)
  expected=$(printf '%s\n' "$@" | grep -v '^$' | sort)
  [ "$actual" = "$expected" ] || { echo "# files: $(echo $actual), expected: $*"; return 1; }
}

# csv_row KEY: the CSV row whose first field is KEY.
csv_row () { grep -m1 "^$1," "$TMP/out"; }

# row_has_in_order KEY VALUE…: the row's fields include the values, in this order.
row_has_in_order () {
  local key=$1
  shift
  local row
  row=$(csv_row "$key") || return 1
  local rest=",${row#*,},"
  for value in "$@"; do
    case $rest in
      *",$value,"*) rest=${rest#*",$value,"}; rest=",$rest" ;;
      *) echo "# row $key lacks $value after the earlier values: $row"; return 1 ;;
    esac
  done
}

# Every row has as many fields as the header: no thousands separators, no stray commas.
csv_is_rectangular () {
  awk -F, 'NR == 1 { n = NF } NF != n { bad = 1; print "# ragged row: " $0 } END { exit bad }' "$TMP/out"
}

json_field () {
  "$PYTHON" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$TMP/out" "$1"
}

json_error_subjects () {
  "$PYTHON" -c '
import json, sys
doc = json.load(open(sys.argv[1]))
print(" ".join(f["subject"] for f in doc["findings"] if f["severity"] == "error"))' "$TMP/out"
}

# --- usage ------------------------------------------------------------------

run
expect "no arguments: usage on stderr, exit 2" eval 'status_is 2 && stderr_says import'

run --help
expect "--help lists the commands, exit 0" eval 'status_is 0 && stdout_has import && stdout_has export && stdout_has table && stdout_has check'

run --version
expect "--version prints the version" eval 'status_is 0 && stdout_has "yusuan-cli [0-9]"'

run frobnicate
expect "an unknown command exits 2 and names it" eval 'status_is 2 && stderr_says frobnicate'

run import --help
expect "import --help shows its options" eval 'status_is 0 && stdout_has "--force"'

run import "$FIXTURE"
expect "import without -o exits 2 and writes nothing" eval 'status_is 2 && stderr_says -o && only_files'

run table "$FIXTURE"
expect "table without a number exits 2" eval 'status_is 2 && [ ! -s "$TMP/out" ]'

run table "$FIXTURE" 13
expect "table 13 does not exist: exit 2, named" eval 'status_is 2 && stderr_says 13'

run table "$FIXTURE" 03 --unit euro
expect "an unknown unit exits 2 and is named" eval 'status_is 2 && stderr_says euro'

run table "$FIXTURE" 03 --format xlsx
expect "an unknown table format exits 2" eval 'status_is 2 && stderr_says xlsx'

run check "$FIXTURE" --format yaml
expect "an unknown check format exits 2" eval 'status_is 2 && stderr_says yaml'

run check "$FIXTURE" --bogus
expect "an unknown option exits 2" eval 'status_is 2 && stderr_says bogus'

run table missing.yusuan 03
expect "a missing input exits 2 and is named" eval 'status_is 2 && stderr_says missing.yusuan'

# --- import -----------------------------------------------------------------

run import "$FIXTURE" -o seed.yusuan
expect "import the seed fixture" eval 'status_is 0 && [ -s seed.yusuan ] && only_files seed.yusuan'
cp seed.yusuan seed.copy

run import "$FIXTURE" -o seed.yusuan
expect "import refuses to overwrite without --force, file byte-identical" \
  eval 'status_is 2 && stderr_says --force && cmp -s seed.yusuan seed.copy'

echo "not a budget" > notes.txt
cp notes.txt notes.copy
run import "$FIXTURE" -o notes.txt
expect "import refuses to overwrite any existing file" eval 'status_is 2 && cmp -s notes.txt notes.copy'
rm -f notes.txt notes.copy

run import "$FIXTURE" -o seed.yusuan --force
expect "import --force replaces the document, which then reads" \
  eval 'status_is 0 && "$CLI" table seed.yusuan 08 >/dev/null 2>&1 && only_files seed.copy seed.yusuan'
rm -f seed.copy

printf '<?xml version="1.0"?>\n<budget xmlns="urn:yusuan:budget:1" schema-version="1"\n' > broken.xml
run import broken.xml -o broken.yusuan
expect "a broken XML: exit 2, a message, nothing written" \
  eval 'status_is 2 && stderr_says broken.xml && absent broken.yusuan && only_files broken.xml seed.yusuan'

cat > entities.xml <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE budget [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<budget xmlns="urn:yusuan:budget:1" schema-version="1" fiscal-year="2023" stage="approved">&d;&d;&d;&d;</budget>
EOF
run import entities.xml -o entities.yusuan
expect "an entity bomb: exit 2, nothing written" eval 'status_is 2 && [ -s "$TMP/err" ] && absent entities.yusuan'
rm -f entities.xml

sed 's/stage="approved"/stage="finished"/' "$FIXTURE" > invalid.xml
run import invalid.xml -o invalid.yusuan
expect "a schema-invalid submission: exit 2, nothing written" \
  eval 'status_is 2 && stderr_says invalid.xml && absent invalid.yusuan'

# Yusuan's own checks pass this one; only the schema validator, reading in
# parallel while the document is already being saved, refuses it.
sed 's/<assets /<assets colour="red" /' "$FIXTURE" > unknown.xml
run import unknown.xml -o unknown.yusuan
expect "a submission only the schema refuses: exit 2, the message, nothing written or left behind" \
  eval 'status_is 2 && stderr_says colour && absent unknown.yusuan && [ -z "$(ls -A | grep "^\.unknown")" ]'
rm -f unknown.xml

run import "$FIXTURE" -o no-such-folder/seed.yusuan
expect "import into a missing folder exits 2, naming the folder" \
  eval 'status_is 2 && stderr_says no-such-folder && absent no-such-folder'

# --- table ------------------------------------------------------------------

run table seed.yusuan 03
expect "table 03 is CSV with a header row and a total row" eval 'status_is 0 && [ "$(sed -n 2p "$TMP/out" | cut -d, -f1)" = total ]'
expect "table 03: 行政运行 2706.73 = basic 2386.93 (1751.03 / 388.85 / 247.05) + project 319.80" \
  row_has_in_order 2010301 2706.73 2386.93 1751.03 388.85 247.05 319.80
expect "table 03: function rows at every level (201, 20103, 2010301)" \
  eval 'csv_row 201 >/dev/null && csv_row 20103 >/dev/null && csv_row 2080501 >/dev/null'
expect "table 03: 2080501 87.46 (14.56 / 64.66 / 8.25)" row_has_in_order 2080501 87.46 14.56 64.66 8.25
expect "table 03: total 3337.84, basic 3018.04" row_has_in_order total 3337.84 3018.04
expect "table 03 CSV is rectangular (no thousands separators)" csv_is_rectangular
cp "$TMP/out" t03-doc.csv

run table seed.yusuan 3
expect "table 3 is table 03" eval 'status_is 0 && cmp -s "$TMP/out" t03-doc.csv'

run table "$FIXTURE" 03
expect "table of the XML itself equals the table of the document" eval 'status_is 0 && cmp -s "$TMP/out" t03-doc.csv'

cp seed.yusuan seed-document.xml
run table seed-document.xml 03
expect "a document named .xml is still read as a document (content decides)" \
  eval 'status_is 0 && cmp -s "$TMP/out" t03-doc.csv'
rm -f seed-document.xml
cp "$FIXTURE" fixture.yusuan
run table fixture.yusuan 03
expect "an XML named .yusuan is still read as XML" eval 'status_is 0 && cmp -s "$TMP/out" t03-doc.csv'
rm -f fixture.yusuan

run table seed.yusuan 03 --unit yuan
expect "--unit yuan gives the exact sums of 2010301" \
  row_has_in_order 2010301 27067315.00 23869315.00 17510301.00 3888468.00 2470546.00 3198000.00
expect "--unit yuan gives the exact total" row_has_in_order total 33378372.00 30180372.00

run table seed.yusuan 06
expect "table 06: total 3018.04 = 人员经费 2894.27 + 公用经费 123.77" \
  eval 'status_is 0 && row_has_in_order total 3018.04 2894.27 123.77'
expect "table 06: 30103/50101 奖金 743.48, 30302/50905 退休费 407.67" \
  eval 'row_has_in_order 30103/50101 743.48 && row_has_in_order 30302/50905 407.67'

run table seed.yusuan 06 --unit yuan
expect "table 06 in yuan: 30180372.00 = 28942707.00 + 1237665.00" row_has_in_order total 30180372.00 28942707.00 1237665.00

run table seed.yusuan 01
expect "table 01: revenue and expenditure totals 3337.84" \
  eval 'status_is 0 && row_has_in_order revenue-total 3337.84 && row_has_in_order expenditure-total 3337.84'
expect "table 01: 201 2706.73, 208 316.22, 210 118.59, 221 196.30" \
  eval 'row_has_in_order 201 2706.73 && row_has_in_order 208 316.22 && row_has_in_order 210 118.59 && row_has_in_order 221 196.30'

run table seed.yusuan 10
expect "table 10: nine projects, 319.80 in all" \
  eval 'status_is 0 && row_has_in_order total 319.80 && [ "$(grep -c "^411200230000000" "$TMP/out")" -eq 9 ]'

run table seed.yusuan 08
expect "table 08: 11.50 = 10.00 + 1.50" eval 'status_is 0 && row_has_in_order total 11.50 10.00 1.50'

run table seed.yusuan 03 --format text
expect "text format shows the table laid out, with 行政运行 2706.73" \
  eval 'status_is 0 && stdout_has 2706.73 && stdout_has 行政运行 && ! grep -q "^2010301," "$TMP/out"'

all_tables_ok=true
for t in 01 02 03 04 05 06 07 08 09 10 11 12; do
  for u in wan yuan; do
    for f in csv text; do
      if ! "$CLI" table seed.yusuan "$t" --unit "$u" --format "$f" >/dev/null 2>"$TMP/err"; then
        echo "# table $t --unit $u --format $f failed: $(head -c 300 "$TMP/err")"
        all_tables_ok=false
      fi
    done
  done
done
expect "all twelve tables print in both units and both formats" $all_tables_ok

# --- check ------------------------------------------------------------------

run check seed.yusuan
expect "check exits 1 on the seed (a project without indicators)" \
  eval 'status_is 1 && stdout_has 411200230000000025604'

run check seed.yusuan --format json
if [ -n "$PYTHON" ]; then
  expect "check --format json is valid JSON" eval '"$PYTHON" -m json.tool "$TMP/out" >/dev/null'
  expect "check --format json: \"errors\": 1, on project 411200230000000025604" \
    eval 'status_is 1 && [ "$(json_field errors)" = 1 ] && [ "$(json_error_subjects)" = 411200230000000025604 ]'
  expect "check --format json: the four warnings of the seed" \
    eval '[ "$(json_field warnings)" -ge 4 ] && stdout_has 411200230000000002810 && stdout_has 411200230000000002006 && stdout_has 411200230000000002807'
else
  expect "check --format json # SKIP no python3" true
  expect "check --format json errors # SKIP no python3" true
  expect "check --format json warnings # SKIP no python3" true
fi

run check "$FIXTURE" --format json
expect "check reads the XML too, with the same findings" eval 'status_is 1 && cp "$TMP/out" check-xml.json && "$CLI" check seed.yusuan --format json | cmp -s - check-xml.json'
rm -f check-xml.json

# --- export -----------------------------------------------------------------

run export seed.yusuan -o out.xml
expect "export refuses while the rules find errors: exit 1, findings listed, nothing written" \
  eval 'status_is 1 && stderr_says 411200230000000025604 && stderr_says --allow-errors && absent out.xml'

run export seed.yusuan -o out.xml --allow-errors
expect "export --allow-errors writes the submission" eval 'status_is 0 && [ -s out.xml ]'

if command -v xmllint >/dev/null; then
  expect "the exported submission is schema-valid (xmllint)" \
    eval 'xmllint --noout --nonet --schema "$SCHEMA" out.xml 2>"$TMP/err"'
else
  expect "the exported submission is schema-valid # SKIP no xmllint" true
fi

run validate out.xml
expect "validate accepts the exported submission" status_is 0

run export seed.yusuan -o again.xml --allow-errors
expect "export is deterministic: same document, same bytes" eval 'status_is 0 && cmp -s out.xml again.xml'
rm -f again.xml

run export "$FIXTURE" -o from-xml.xml --allow-errors
expect "exporting the XML directly gives the same bytes as through the document" \
  eval 'status_is 0 && cmp -s out.xml from-xml.xml'
rm -f from-xml.xml

run import out.xml -o round.yusuan
expect "the exported submission imports again" status_is 0
run table round.yusuan 03
expect "and gives the same table 03" eval 'status_is 0 && cmp -s "$TMP/out" t03-doc.csv'
rm -f round.yusuan

cp seed.yusuan seed.copy
run export seed.yusuan -o seed.yusuan --allow-errors
expect "export refuses to write over a document" eval 'status_is 2 && cmp -s seed.yusuan seed.copy'
rm -f seed.copy

run export seed.yusuan
expect "export without -o exits 2" status_is 2

# --- validate -----------------------------------------------------------------

run validate "$FIXTURE"
expect "validate accepts the fixture" status_is 0

run validate invalid.xml
expect "validate: a schema violation exits 1 and names the file" eval 'status_is 1 && stderr_says invalid.xml'

run validate broken.xml
expect "validate: malformed XML exits 2" eval 'status_is 2 && stderr_says broken.xml'

# --- control numbers (控制数) ---------------------------------------------------

run control seed.yusuan
expect "control: a document without control numbers says how to take them, exit 0" \
  eval 'status_is 0 && stdout_has "--take"'

# The bureau's 一下: the seed's own figures, but 10.84 万元 less for basic expenditure.
sed 's/stage="approved"/stage="control-numbers"/; s/amount="4108391.00"/amount="4000000.00"/' "$FIXTURE" > control.xml
cp seed.yusuan seed.copy
run control seed.yusuan --take control.xml --format csv
expect "control --take: basic expenditure above its control number by the exact amount, exit 1" \
  eval 'status_is 1 && [ "$(csv_row general-public-budget/basic)" = "general-public-budget/basic,3007.20,3018.04,,10.84" ]'
expect "control --take: project expenditure exactly within" \
  eval '[ "$(csv_row general-public-budget/project)" = "general-public-budget/project,319.80,319.80,0.00," ]'
expect "control --take changed the document, atomically, leaving nothing beside it" \
  eval '! cmp -s seed.yusuan seed.copy && [ -z "$(ls -A | grep "^\.seed")" ]'

run control seed.yusuan --unit yuan --format csv
expect "control --unit yuan: the exact sums" \
  eval 'status_is 1 && [ "$(csv_row general-public-budget/basic)" = "general-public-budget/basic,30071981.00,30180372.00,,108391.00" ]'

run check seed.yusuan --format json
expect "check: the control number is an error the checks report" \
  eval 'status_is 1 && grep -q "\"rule\": \"control-numbers\"" "$TMP/out"'

cp seed.yusuan seed.copy
run control seed.yusuan --take "$FIXTURE"
expect "control --take of an approved budget: refused, saying why, the document unchanged" \
  eval 'status_is 2 && stderr_says "control numbers" && cmp -s seed.yusuan seed.copy'
sed 's/fiscal-year="2023"/fiscal-year="2024"/' control.xml > control-2024.xml
run control seed.yusuan --take control-2024.xml
expect "control --take of another year: refused, naming the year, the document unchanged" \
  eval 'status_is 2 && stderr_says 2024 && cmp -s seed.yusuan seed.copy'
run control seed.yusuan --take broken.xml
expect "control --take of a broken file: refused, naming it, the document unchanged" \
  eval 'status_is 2 && stderr_says broken.xml && cmp -s seed.yusuan seed.copy'
run control "$FIXTURE" --take control.xml
expect "control --take into a submission XML: refused (control numbers live in a document)" status_is 2
rm -f seed.copy control-2024.xml

# Spending an appropriation the bureau set no control number for: listed, a warning.
sed 's/fund="general-public-budget" category="public" amount="19958.00"/fund="government-fund" category="public" amount="19958.00"/' \
  "$FIXTURE" > government-fund.xml
"$CLI" import government-fund.xml -o government-fund.yusuan >/dev/null 2>&1
run control government-fund.yusuan --take control.xml --format csv
expect "control: an appropriation spent from without a control number is listed, with no figure to keep to" \
  eval '[ "$(csv_row government-fund/basic)" = "government-fund/basic,,2.00,," ]'
run check government-fund.yusuan
expect "check: and the checks warn of it" eval 'grep -q "^warning \[control-numbers-unset\] 预算03表 government-fund/basic" "$TMP/out"'
rm -f government-fund.xml government-fund.yusuan

run control seed.yusuan --remove
expect "control --remove: no control numbers left, exit 0" eval 'status_is 0 && stdout_has "--take"'
run check seed.yusuan --format json
expect "check: without control numbers, no control-number finding" \
  eval '! grep -q "control-numbers" "$TMP/out"'
rm -f control.xml

# --- next year and consolidation ------------------------------------------------

run next-year seed.yusuan -o next.yusuan
expect "next-year: next year's budget, at the first proposal, with this year's totals as its prior year" \
  eval 'status_is 0 && sqlite3 next.yusuan "SELECT fiscal_year, stage FROM header" | grep -qx "2024|first-proposal" &&
        sqlite3 next.yusuan "SELECT amount FROM prior_figures WHERE key = '"'"'revenue-total'"'"'" | grep -qx 3337837200'
run table next.yusuan 03
expect "next-year: the same lines, so the same table 03" eval 'status_is 0 && cmp -s "$TMP/out" t03-doc.csv'
cp next.yusuan next.copy
run next-year seed.yusuan -o next.yusuan
expect "next-year refuses to overwrite without --force" eval 'status_is 2 && cmp -s next.yusuan next.copy'
rm -f next.copy next.yusuan

# Another unit of the same department sends its own submission.
sed 's/103001/103002/g; s/4112002300000000/4112002399999999/g' "$FIXTURE" > unit.xml
cp seed.yusuan dept.yusuan
run consolidate dept.yusuan unit.xml
expect "consolidate: the unit joins the department, its figures added" \
  eval 'status_is 0 && stdout_has "2 units" && "$CLI" table dept.yusuan 01 > t01.csv &&
        grep -q "^revenue-total,.*,6675.67" t01.csv'
cp dept.yusuan dept.copy
run consolidate dept.yusuan unit.xml
expect "consolidate again: the unit's figures replaced, not added twice" \
  eval 'status_is 0 && "$CLI" table dept.yusuan 01 > t01.csv && grep -q "^revenue-total,.*,6675.67" t01.csv'
sed 's/103001/103003/g' "$FIXTURE" > clash.xml
cp dept.yusuan dept.copy
run consolidate dept.yusuan unit.xml clash.xml
expect "consolidate: a project code another unit uses refuses it all, naming it; the document unchanged" \
  eval 'status_is 2 && stderr_says clash.xml && stderr_says 103001 && cmp -s dept.yusuan dept.copy'
run consolidate "$FIXTURE" unit.xml
expect "consolidate into a submission XML: refused" status_is 2
rm -f unit.xml clash.xml dept.yusuan dept.copy t01.csv

echo "1..$n"
[ "$failures" -eq 0 ]
