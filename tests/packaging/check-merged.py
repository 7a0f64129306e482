#!/usr/bin/env python3
# check-merged.py - checks that the built desktop entry, metainfo and MIME types carry their Chinese translations
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-merged.py MIME_XML [DESKTOP METAINFO]
# What a zh_CN user sees in the launcher, in Software and in the file manager comes from
# these files, merged from po/zh_CN.po at build time.

import sys
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
LANG = "zh_CN"

errors = []


def fail(msg):
    errors.append(msg)


def has_han(text):
    return any("\u4e00" <= c <= "\u9fff" for c in text or "")


def check_desktop(path):
    entries = {}
    for line in open(path, encoding="utf-8").read().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            entries[key.strip()] = value.strip()
    if entries.get(f"Name[{LANG}]") != "预算":
        fail(f"desktop entry: Name[{LANG}] is {entries.get(f'Name[{LANG}]')!r}, expected 预算")
    keywords = entries.get(f"Keywords[{LANG}]", "")
    for word in ("预算", "部门预算", "绩效"):
        if word not in keywords.split(";"):
            fail(f"desktop entry: Keywords[{LANG}] lacks {word} ({keywords!r})")
    if not keywords.endswith(";"):
        fail(f"desktop entry: Keywords[{LANG}] must end with a semicolon")
    for key in ("GenericName", "Comment"):
        if not has_han(entries.get(f"{key}[{LANG}]")):
            fail(f"desktop entry: {key}[{LANG}] is missing or not Chinese")


def translated_siblings(parent, tag):
    plain = [e for e in parent.findall(tag) if XML_LANG not in e.attrib]
    local = [e for e in parent.findall(tag) if e.attrib.get(XML_LANG) == LANG]
    return plain, local


def check_metainfo(path):
    root = ET.parse(path).getroot()
    for tag in ("name", "summary"):
        plain, local = translated_siblings(root, tag)
        if not local or not has_han(local[0].text):
            fail(f"metainfo: <{tag}> has no {LANG} translation")
    if [e.text for e in root.findall("name") if e.attrib.get(XML_LANG) == LANG] != ["预算"]:
        fail(f"metainfo: the {LANG} name is not 预算")
    for description in root.iter("description"):
        for tag in ("p", "li"):
            plain = [e for e in description.iter(tag) if XML_LANG not in e.attrib]
            local = [e for e in description.iter(tag) if e.attrib.get(XML_LANG) == LANG]
            if len(local) != len(plain):
                fail(f"metainfo: {len(plain) - len(local)} of {len(plain)} <{tag}> of a description "
                     f"have no {LANG} translation")
    for screenshot in root.iter("screenshot"):
        plain, local = translated_siblings(screenshot, "caption")
        if plain and not local:
            fail(f"metainfo: caption {plain[0].text!r} has no {LANG} translation")


def check_mime(path):
    root = ET.parse(path).getroot()
    for mime_type in root.findall(f"{MIME_NS}mime-type"):
        local = [c for c in mime_type.findall(f"{MIME_NS}comment") if c.attrib.get(XML_LANG) == LANG]
        if not local or not has_han(local[0].text):
            fail(f"MIME type {mime_type.get('type')}: no {LANG} comment")


def main(argv):
    if len(argv) not in (2, 4):
        print("usage: check-merged.py MIME_XML [DESKTOP METAINFO]", file=sys.stderr)
        return 2
    check_mime(argv[1])
    if len(argv) == 4:
        check_desktop(argv[2])
        check_metainfo(argv[3])
    for e in errors:
        print(f"FAIL: {e}", file=sys.stderr)
    if not errors:
        print(f"{LANG} translations present in: {', '.join(argv[1:])}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
