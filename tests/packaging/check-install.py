#!/usr/bin/env python3
# check-install.py - installs the build into a temporary DESTDIR and checks that every file a user needs is in its place
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-install.py MESON BUILDDIR DESTDIR APPLICATION_ID PACKAGE GUI(true|false)
#
# `meson install --no-rebuild`: the test never builds, so it cannot race the other tests
# over the build directory; meson.build makes the test depend on what it installs, so
# `meson test` builds that first.

import gettext
import json
import os
import shutil
import subprocess
import sys
import time

errors = []


def fail(msg):
    errors.append(msg)


def load_info(builddir, name):
    with open(os.path.join(builddir, "meson-info", f"intro-{name}.json"), encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) != 7:
        print("usage: check-install.py MESON BUILDDIR DESTDIR APPLICATION_ID PACKAGE GUI",
              file=sys.stderr)
        return 2
    meson, builddir, destdir, app_id, package, gui = argv[1:]
    gui = gui == "true"

    # Everything meson will copy must exist already.
    installed = load_info(builddir, "installed")
    unbuilt = sorted(src for src in installed if not os.path.exists(src))
    if unbuilt:
        print("not built yet (run `meson compile` first):", *unbuilt, sep="\n  ", file=sys.stderr)
        return 1

    shutil.rmtree(destdir, ignore_errors=True)
    started = time.monotonic()
    r = subprocess.run([meson, "install", "-C", builddir, "--no-rebuild", "--destdir", destdir],
                       capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if r.returncode != 0:
        print(r.stdout, r.stderr, sep="\n", file=sys.stderr)
        print(f"FAIL: meson install into {destdir} failed", file=sys.stderr)
        return 1
    print(f"meson install --destdir: {len(installed)} files in {elapsed:.2f} s")

    options = {o["name"]: o["value"] for o in load_info(builddir, "buildoptions")}
    prefix = options["prefix"]

    def root(option):
        value = options[option]
        path = value if os.path.isabs(value) else os.path.join(prefix, value)
        return destdir + path

    bindir, datadir, localedir = root("bindir"), root("datadir"), root("localedir")

    expected = [
        (os.path.join(bindir, "yusuan-cli"), "the command-line tool"),
        (os.path.join(datadir, "glib-2.0", "schemas", f"{app_id}.gschema.xml"), "the settings schema"),
        (os.path.join(datadir, "mime", "packages", f"{app_id}.xml"), "the MIME types"),
        (os.path.join(datadir, package, "budget-1.xsd"), "the submission schema"),
        (os.path.join(datadir, package, "catalogs", "yusuan-2023.catalog"), "the 2023 catalogue"),
        (os.path.join(datadir, package, "examples", "sanmenxia-2023.xml"), "the example budget"),
        (os.path.join(localedir, "zh_CN", "LC_MESSAGES", f"{package}.mo"), "the Chinese translation"),
    ]
    if gui:
        icons = os.path.join(datadir, "icons", "hicolor")
        expected += [
            (os.path.join(bindir, "yusuan"), "the application"),
            (os.path.join(datadir, "applications", f"{app_id}.desktop"), "the desktop entry"),
            (os.path.join(datadir, "metainfo", f"{app_id}.metainfo.xml"), "the AppStream metainfo"),
            (os.path.join(datadir, "dbus-1", "services", f"{app_id}.service"), "the D-Bus service"),
            (os.path.join(icons, "scalable", "apps", f"{app_id}.svg"), "the application icon"),
            (os.path.join(icons, "symbolic", "apps", f"{app_id}-symbolic.svg"), "the symbolic icon"),
            (os.path.join(icons, "scalable", "mimetypes", "application-x-yusuan.svg"), "the document icon"),
        ]
    for path, what in expected:
        if not os.path.isfile(path):
            fail(f"{what} is not installed at {path[len(destdir):]}")
    for binary in ("yusuan-cli", "yusuan") if gui else ("yusuan-cli",):
        path = os.path.join(bindir, binary)
        if os.path.isfile(path) and not os.access(path, os.X_OK):
            fail(f"{binary} is installed but not executable")

    # Nothing outside the prefix.
    for dirpath, _, filenames in os.walk(destdir):
        for name in filenames:
            path = os.path.join(dirpath, name)[len(destdir):]
            if not path.startswith(prefix.rstrip("/") + "/"):
                fail(f"{path} is installed outside the prefix {prefix}")

    # The installed schema compiles and gives the defaults the application expects.
    schemadir = os.path.join(datadir, "glib-2.0", "schemas")
    if os.path.isdir(schemadir):
        r = subprocess.run(["glib-compile-schemas", "--strict", schemadir], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"the installed schema does not compile: {r.stderr.strip()}")
        else:
            env = dict(os.environ, GSETTINGS_BACKEND="memory")
            for key, want in (("window-width", "1400"), ("window-height", "900"), ("display-unit", "'wan'")):
                r = subprocess.run(["gsettings", "--schemadir", schemadir, "get", app_id, key],
                                   capture_output=True, text=True, env=env)
                if r.returncode != 0 or r.stdout.strip() != want:
                    fail(f"installed setting {key} is {r.stdout.strip() or r.stderr.strip()!r}, expected {want}")

    # The translation is found where the application looks for it (LOCALEDIR).
    mo = os.path.join(localedir, "zh_CN", "LC_MESSAGES", f"{package}.mo")
    if os.path.isfile(mo):
        t = gettext.translation(package, localedir=localedir, languages=["zh_CN"])
        if t.gettext("Yusuan") != "预算":
            fail(f"the installed zh_CN catalogue translates \"Yusuan\" as {t.gettext('Yusuan')!r}, not 预算")

    # The installed MIME package compiles into a database that knows both types.
    mimedir = os.path.join(datadir, "mime")
    if os.path.isdir(os.path.join(mimedir, "packages")):
        subprocess.run(["update-mime-database", mimedir], capture_output=True)
        try:
            types = open(os.path.join(mimedir, "types"), encoding="utf-8").read().split()
        except OSError:
            types = []
        for t in ("application/x-yusuan", "application/x-yusuan-submission+xml"):
            if t not in types:
                fail(f"the installed MIME package does not define {t}")

    # The desktop entry launches an installed binary, shows an installed icon, and is valid where it lies.
    desktop = os.path.join(datadir, "applications", f"{app_id}.desktop")
    if gui and os.path.isfile(desktop):
        entry = dict(line.split("=", 1) for line in open(desktop, encoding="utf-8").read().splitlines()
                     if "=" in line and not line.startswith("#"))
        exe = entry.get("Exec", "").split()[0] if entry.get("Exec") else ""
        if not os.path.isfile(os.path.join(bindir, exe)):
            fail(f"the desktop entry runs {exe!r}, which is not installed in {options['bindir']}")
        if entry.get("Icon") != app_id:
            fail(f"the desktop entry's icon is {entry.get('Icon')!r}, expected {app_id}")
        r = subprocess.run(["desktop-file-validate", desktop], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"the installed desktop entry is invalid: {r.stdout.strip()} {r.stderr.strip()}")

        # Opening a document or a submission from the file manager starts Yusuan: with
        # only this installation and the system's data visible, GIO picks it.
        if shutil.which("update-desktop-database") and shutil.which("gio"):
            subprocess.run(["update-desktop-database", os.path.dirname(desktop)], capture_output=True)
            empty = os.path.join(destdir, "empty")
            for sub in ("data", "config", "config-dirs"):
                os.makedirs(os.path.join(empty, sub), exist_ok=True)
            env = dict(os.environ,
                       PATH=bindir + os.pathsep + os.environ.get("PATH", ""),
                       XDG_DATA_DIRS=datadir + os.pathsep + "/usr/share",
                       XDG_DATA_HOME=os.path.join(empty, "data"),
                       XDG_CONFIG_HOME=os.path.join(empty, "config"),
                       XDG_CONFIG_DIRS=os.path.join(empty, "config-dirs"),
                       GIO_USE_VFS="local")
            for mime in ("application/x-yusuan", "application/x-yusuan-submission+xml"):
                r = subprocess.run(["gio", "mime", mime], capture_output=True, text=True, env=env)
                first = r.stdout.splitlines()[0] if r.stdout else r.stderr.strip()
                if f"{app_id}.desktop" not in first:
                    fail(f"{mime} does not open in Yusuan once installed: gio mime says {first!r}")

    # D-Bus activation (DBusActivatable=true) starts the installed binary under the app id.
    service = os.path.join(datadir, "dbus-1", "services", f"{app_id}.service")
    if gui and os.path.isfile(service):
        keys = dict(line.split("=", 1) for line in open(service, encoding="utf-8").read().splitlines()
                    if "=" in line)
        if keys.get("Name") != app_id:
            fail(f"the D-Bus service is named {keys.get('Name')!r}, expected {app_id}")
        exe = keys.get("Exec", "").split()
        if not exe or destdir + exe[0] != os.path.join(bindir, "yusuan") or "--gapplication-service" not in exe:
            fail(f"the D-Bus service runs {keys.get('Exec')!r}, not the installed yusuan --gapplication-service")

    for e in errors:
        print(f"FAIL: {e}", file=sys.stderr)
    if not errors:
        print(f"installed under {destdir}{prefix}: {len(expected)} expected files present")
        shutil.rmtree(destdir, ignore_errors=True)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
