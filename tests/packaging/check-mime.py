#!/usr/bin/env python3
# check-mime.py - installs Yusuan's MIME types into a private database and checks how GIO names real files
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-mime.py MIME_XML FIXTURE_XML WORKDIR
# What a user sees in the file manager: a .yusuan document, even renamed, is a Yusuan budget;
# a submission is a Yusuan submission; other SQLite and XML files are not.

import os
import shutil
import sqlite3
import subprocess
import sys

APPLICATION_ID = 0x59555355  # "YUSU", PRAGMA application_id of a Yusuan document


def make_sqlite(path, application_id):
    if os.path.exists(path):
        os.unlink(path)
    db = sqlite3.connect(path)
    if application_id is not None:
        db.execute(f"PRAGMA application_id = {application_id:d}")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.commit()
    db.close()


def content_type(path, env):
    out = subprocess.run(["gio", "info", "--attributes=standard::content-type", path],
                         env=env, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("standard::content-type:"):
            return line.split(":", 3)[-1].strip()
    return None


def main():
    if len(sys.argv) != 4:
        print("usage: check-mime.py MIME_XML FIXTURE_XML WORKDIR", file=sys.stderr)
        return 2
    mime_xml, fixture, workdir = sys.argv[1:]
    shutil.rmtree(workdir, ignore_errors=True)
    share = os.path.join(workdir, "share")
    packages = os.path.join(share, "mime", "packages")
    os.makedirs(packages)
    shutil.copy(mime_xml, os.path.join(packages, os.path.basename(mime_xml)))
    # It notes that the private directory is not in XDG_DATA_DIRS: true, and intended.
    subprocess.run(["update-mime-database", os.path.join(share, "mime")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    types = open(os.path.join(share, "mime", "types"), encoding="utf-8").read().split()
    failures = []
    for t in ("application/x-yusuan", "application/x-yusuan-submission+xml"):
        if t not in types:
            failures.append(f"{t} is not in the compiled MIME database")

    files = os.path.join(workdir, "files")
    os.makedirs(files)
    cases = []

    doc = os.path.join(files, "三门峡-2023.yusuan")
    make_sqlite(doc, APPLICATION_ID)
    cases.append((doc, "application/x-yusuan"))

    renamed = os.path.join(files, "budget-copy")
    shutil.copy(doc, renamed)
    cases.append((renamed, "application/x-yusuan"))

    plain = os.path.join(files, "other.sqlite3")
    make_sqlite(plain, None)
    cases.append((plain, "application/vnd.sqlite3"))

    plain_noext = os.path.join(files, "other-database")
    shutil.copy(plain, plain_noext)
    cases.append((plain_noext, "application/vnd.sqlite3"))

    submission = os.path.join(files, "sanmenxia-2023.xml")
    shutil.copy(fixture, submission)
    cases.append((submission, "application/x-yusuan-submission+xml"))

    other_xml = os.path.join(files, "other.xml")
    with open(other_xml, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<note xmlns="urn:example:note">'
                '<!-- mentions urn:yusuan:budget:1 but is no budget --></note>\n')
    cases.append((other_xml, "application/xml"))

    env = dict(os.environ)
    env["XDG_DATA_HOME"] = share
    env["XDG_DATA_DIRS"] = "/usr/local/share:/usr/share"
    env["GIO_USE_VFS"] = "local"
    for path, expected in cases:
        got = content_type(path, env)
        status = "ok" if got == expected else "FAIL"
        print(f"{status}: {os.path.basename(path)}: {got} (expected {expected})")
        if got != expected:
            failures.append(f"{os.path.basename(path)} is {got}, expected {expected}")

    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
