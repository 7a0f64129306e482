#!/usr/bin/env python3
# check-po-terms.py - checks that the Chinese translation uses the official budget terms and Chinese punctuation
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po-terms.py PO_FILE
# Finance staff read these words in the published budget (the seed): a message that says
# 公共预算 for 一般公共预算 or 三公经费 for “三公”经费 reads as a different thing to them.

import re
import sys

# English wording in a msgid → the official term(s), one of which its translation must contain.
GLOSSARY = [
    (r"general public budget", ("一般公共预算",)),
    (r"government fund", ("政府性基金",)),
    (r"state capital operation", ("国有资本经营预算",)),
    (r"basic expenditure", ("基本支出",)),
    (r"project expenditure", ("项目支出",)),
    (r"personnel expenses", ("人员经费",)),
    (r"\bpublic expenses", ("公用经费",)),
    (r"three public", ("“三公”",)),
    (r"performance targets?", ("绩效目标",)),
    (r"output indicators?", ("产出指标",)),
    (r"effect indicators?", ("效益指标",)),
    (r"cost indicators?", ("成本指标",)),
    (r"satisfaction indicators?", ("满意度指标", "满意度等方面")),
    (r"fiscal appropriation", ("财政拨款",)),
    (r"fiscal special accounts?", ("财政专户",)),
    (r"operating costs", ("机关运行经费",)),
    (r"department budget", ("部门预算",)),
    (r"economic classification", ("经济分类",)),
    (r"function classification", ("功能分类",)),
    (r"finance bureau", ("财政局", "本级财政")),
    (r"\bchecks\b", ("审核",)),
    (r"\bsubmission\b", ("上报", "报送")),
    (r"10,000 yuan|ten thousand yuan|10k yuan", ("万元",)),
]

# Variants that are not the official wording, and ASCII punctuation glued to Chinese text.
FORBIDDEN = [
    (re.compile(r"(?<!“)三公经费"), "write “三公”经费, with the Chinese quotation marks, as the published tables do"),
    (re.compile(r"\"三公\""), "write “三公” with Chinese quotation marks"),
    (re.compile(r"[\u4e00-\u9fff][:,]"), "use the full-width ： and ， after Chinese text"),
    (re.compile(r"[:,][\u4e00-\u9fff]"), "use the full-width ： and ， before Chinese text"),
]


def unquote(s):
    """The text of a PO string literal: "a\\"b\\n" → a"b and a newline."""
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), m.group(0)), s[1:-1])


def parse(path):
    entries, entry, key = [], None, None
    for line in open(path, encoding="utf-8").read().splitlines() + [""]:
        if not line.strip():
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, key = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"].update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if m:
            key = m.group(1)
            if key.startswith("msgstr"):
                key = ("msgstr", int(m.group(2) or 0))
                entry["msgstr"][key[1]] = unquote(m.group(3))
            else:
                entry[key] = unquote(m.group(3))
            continue
        if line.startswith('"') and key is not None:
            if isinstance(key, tuple):
                entry["msgstr"][key[1]] += unquote(line)
            else:
                entry[key] += unquote(line)
    return entries


def main(argv):
    if len(argv) != 2:
        print("usage: check-po-terms.py PO_FILE", file=sys.stderr)
        return 2
    problems = []
    checked = 0
    for e in parse(argv[1]):
        if not e["msgid"] or "fuzzy" in e["flags"]:
            continue
        for n, msgstr in sorted(e["msgstr"].items()):
            if not msgstr:
                continue
            checked += 1
            source = e["msgid"] if n == 0 else e.get("msgid_plural", e["msgid"])
            for pattern, terms in GLOSSARY:
                if re.search(pattern, source, re.IGNORECASE) and not any(t in msgstr for t in terms):
                    problems.append(f"{source!r}\n    → {msgstr!r}\n    mentions /{pattern}/ but not "
                                    + " or ".join(terms))
            for regex, why in FORBIDDEN:
                if regex.search(msgstr):
                    problems.append(f"{source!r}\n    → {msgstr!r}\n    {why}")
    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    if not problems:
        print(f"{argv[1]}: {checked} translations use the official terms")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
