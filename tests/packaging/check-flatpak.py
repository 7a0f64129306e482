#!/usr/bin/env python3
# check-flatpak.py - lints the Flatpak manifest and checks that it builds what meson builds
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   check-flatpak.py lint MANIFEST
#   check-flatpak.py match MANIFEST BUILDDIR APPLICATION_ID COMMAND
#
# The manifest cannot be built offline, so "lint" checks its structure (and asks
# flatpak-builder --show-manifest when it is installed), and "match" checks it against the
# configured build: application id, command, and the app module's meson options.

import json
import os
import re
import shutil
import subprocess
import sys

MINIMAL_FINISH_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
# Keys newer than the flatpak-builder of Debian 12 (1.2.3); it only warns about them.
NEWER_KEYS = {"rename-mime-icons", "rename-mime-file"}
HEX = {"sha256": 64, "sha512": 128}

errors = []


def fail(msg):
    errors.append(msg)


def app_id_of(manifest):
    return manifest.get("id", manifest.get("app-id"))


def app_module(manifest):
    modules = manifest.get("modules") or []
    return modules[-1] if modules and isinstance(modules[-1], dict) else None


def lint(path):
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{path}: not valid JSON: {e}")
        return

    if not isinstance(manifest, dict):
        fail("the manifest is not a JSON object")
        return
    if "id" in manifest and "app-id" in manifest:
        fail('both "id" and "app-id" are set; keep "id"')
    if not app_id_of(manifest):
        fail('no "id"')
    if manifest.get("runtime") != "org.gnome.Platform":
        fail(f'runtime is {manifest.get("runtime")!r}, expected "org.gnome.Platform"')
    if manifest.get("sdk") != "org.gnome.Sdk":
        fail(f'sdk is {manifest.get("sdk")!r}, expected "org.gnome.Sdk"')
    version = manifest.get("runtime-version")
    if not isinstance(version, str) or not version.isdigit() or int(version) < 43:
        fail(f"runtime-version {version!r}: GNOME 43 or newer is needed (GTK 4.8, libadwaita 1.2)")
    if not manifest.get("command"):
        fail('no "command"')

    finish_args = manifest.get("finish-args") or []
    if set(finish_args) != MINIMAL_FINISH_ARGS or len(finish_args) != len(MINIMAL_FINISH_ARGS):
        extra = sorted(set(finish_args) - MINIMAL_FINISH_ARGS)
        lacking = sorted(MINIMAL_FINISH_ARGS - set(finish_args))
        fail(f"finish-args must be exactly {sorted(MINIMAL_FINISH_ARGS)} "
             f"(files go through the portal); extra: {extra}, lacking: {lacking}")

    modules = manifest.get("modules")
    if not isinstance(modules, list) or not modules:
        fail("no modules")
        return
    names = set()
    for i, module in enumerate(modules):
        if not isinstance(module, dict):
            fail(f"module {i} is not an object (only inline modules are used here)")
            continue
        name = module.get("name")
        if not name:
            fail(f"module {i} has no name")
        if name in names:
            fail(f"module name {name!r} is used twice")
        names.add(name)
        if module.get("buildsystem") not in ("meson", "cmake", "cmake-ninja", "autotools", "simple", None):
            fail(f"module {name}: unknown buildsystem {module.get('buildsystem')!r}")
        if not isinstance(module.get("config-opts", []), list):
            fail(f"module {name}: config-opts must be a list")
        sources = module.get("sources")
        if not isinstance(sources, list) or not sources:
            fail(f"module {name} has no sources")
            continue
        for source in sources:
            kind = source.get("type")
            if kind in ("archive", "file") and "url" in source:
                if not source["url"].startswith("https://"):
                    fail(f"module {name}: {source['url']} is not https")
                sums = [k for k in HEX if k in source]
                if not sums:
                    fail(f"module {name}: {source['url']} has no sha256")
                for k in sums:
                    # The structure only: the archive cannot be fetched offline.
                    if not re.fullmatch(f"[0-9a-f]{{{HEX[k]}}}", str(source[k])):
                        fail(f"module {name}: {k} is not {HEX[k]} lowercase hex digits")
            elif kind == "git":
                if not (source.get("tag") or source.get("commit") or source.get("branch")):
                    fail(f"module {name}: git source without tag, commit or branch")
            elif kind == "dir":
                if not source.get("path"):
                    fail(f"module {name}: dir source without path")
            elif kind not in ("patch", "shell", "script", "file"):
                fail(f"module {name}: unexpected source type {kind!r}")

    app = app_module(manifest)
    if app is not None and app.get("buildsystem") != "meson":
        fail(f"the last module ({app.get('name')}) must be the application, built with meson")

    builder = shutil.which("flatpak-builder")
    if builder:
        r = subprocess.run([builder, "--show-manifest", path], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"flatpak-builder --show-manifest failed: {r.stderr.strip()}")
        for line in r.stderr.splitlines():
            if "WARNING" not in line:
                continue
            m = re.search(r"Unknown property (\S+)", line)
            if m and m.group(1) in NEWER_KEYS:
                print(f"note: this flatpak-builder predates {m.group(1)} (1.4); Flathub's knows it")
                continue
            fail(f"flatpak-builder: {line.strip()}")
    else:
        print("note: flatpak-builder is not installed; structure checked only")


def meson_options(builddir):
    path = os.path.join(builddir, "meson-info", "intro-buildoptions.json")
    with open(path, encoding="utf-8") as f:
        return {o["name"]: o for o in json.load(f)}


def option_value_ok(option, value):
    kind = option["type"]
    if kind == "boolean":
        return value in ("true", "false")
    if kind == "combo":
        return value in option.get("choices", [])
    if kind == "integer":
        return re.fullmatch(r"-?[0-9]+", value) is not None
    if kind == "array":
        return True
    if kind == "feature":
        return value in ("enabled", "disabled", "auto")
    return True


def match(path, builddir, application_id, command):
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    expected_name = f"{application_id}.json"
    if os.path.basename(path) != expected_name:
        fail(f"the manifest is named {os.path.basename(path)}, expected {expected_name}")
    if app_id_of(manifest) != application_id:
        fail(f"manifest id {app_id_of(manifest)!r} differs from meson's application_id {application_id!r}")
    if manifest.get("command") != command:
        fail(f"manifest command {manifest.get('command')!r} differs from the GUI executable {command!r}")

    app = app_module(manifest)
    if app is None:
        fail("no application module")
        return
    options = meson_options(builddir)
    for opt in app.get("config-opts", []):
        m = re.fullmatch(r"-D([A-Za-z0-9_.:-]+)=(.*)", opt) or re.fullmatch(r"--([a-z_-]+)=(.*)", opt)
        if not m:
            fail(f"app module option {opt!r} is not -Dname=value")
            continue
        name, value = m.group(1).replace("-", "_") if opt.startswith("--") else m.group(1), m.group(2)
        if name not in options:
            fail(f"app module option {opt!r}: meson has no option {name!r}")
        elif not option_value_ok(options[name], value):
            fail(f"app module option {opt!r}: {value!r} is not a valid {options[name]['type']} "
                 f"for {name!r}")
    user_options = [o for o in options.values() if o.get("section") == "user"]
    if any(o["name"] == "gui" for o in user_options):
        if "-Dgui=false" in app.get("config-opts", []):
            fail("the Flatpak must build the GUI (-Dgui=false)")

    for icon in manifest.get("rename-mime-icons", []):
        svg = os.path.join(os.path.dirname(os.path.abspath(path)), "..", "data", "icons", "hicolor",
                           "scalable", "mimetypes", f"{icon}.svg")
        if not os.path.exists(svg):
            fail(f"rename-mime-icons names {icon}, which data/ does not install")

    for source in app.get("sources", []):
        if source.get("type") == "dir":
            root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), source["path"]))
            if not os.path.exists(os.path.join(root, "meson.build")):
                fail(f"the app module's dir source {source['path']} is not the project root")


def main(argv):
    if len(argv) >= 3 and argv[1] == "lint":
        lint(argv[2])
    elif len(argv) == 6 and argv[1] == "match":
        match(*argv[2:])
    else:
        print(f"usage: {argv[0]} lint MANIFEST | match MANIFEST BUILDDIR APPLICATION_ID COMMAND",
              file=sys.stderr)
        return 2
    for e in errors:
        print(f"FAIL: {e}", file=sys.stderr)
    if not errors:
        print(f"{os.path.basename(argv[2])}: {argv[1]} ok")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
