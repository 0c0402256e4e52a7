#!/usr/bin/python3
# check-layers.py: what each part of app/ may include.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# - app/model, app/sim, app/api, app/simd and app/state run without a
#   display: none includes GTK, libadwaita or a header of the console's
#   widgets (the build sees to it too: each part's library is compiled
#   with only its own include folder and those below it).
# - app/ itself holds only the application shell: main, the application,
#   the window, and the screenshooter (the application's --screenshots
#   mode, which drives the window through its scenes).
# - Only the shell includes rds-window.h: what the window holds reaches
#   it through its actions (win.toast, win.show-error,
#   win.open-database, win.modify-database...).

import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
app = os.path.join(root, "app")

headless = ["model", "sim", "api", "simd", "state"]
headless_headers = set()
for part in headless:
    for name in os.listdir(os.path.join(app, part)):
        if name.endswith(".h"):
            headless_headers.add(name)
# Generated or shared with everything.
allowed_plain = headless_headers | {"config.h"}

include = re.compile(r'^\s*#\s*include\s+[<"]([^>"]+)[>"]', re.M)
problems = []

for part in headless:
    directory = os.path.join(app, part)
    for name in sorted(os.listdir(directory)):
        if not name.endswith((".c", ".h")):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as source:
            for header in include.findall(source.read()):
                base = os.path.basename(header)
                if header.startswith(("gtk/", "adwaita")) or base in ("gtk.h", "adwaita.h"):
                    problems.append("app/%s/%s includes %s: this part runs without a display" % (part, name, header))
                elif base.startswith("rds-") and base not in allowed_plain:
                    problems.append("app/%s/%s includes the console's %s" % (part, name, header))

for directory, _, names in os.walk(app):
    for name in names:
        if not name.endswith((".c", ".h")) or name in ("rds-window.c", "rds-window.h", "rds-application.c",
                                                         "rds-screenshooter.c", "rds-screenshooter.h"):
            continue
        path = os.path.join(directory, name)
        with open(path, encoding="utf-8") as source:
            if "rds-window.h" in include.findall(source.read()):
                problems.append("%s includes rds-window.h: use the window's actions" % os.path.relpath(path, root))

shell = {"main.c", "rds-application.c", "rds-application.h", "rds-window.c", "rds-window.h",
         "rds-screenshooter.c", "rds-screenshooter.h", "meson.build"}
for name in os.listdir(app):
    if os.path.isfile(os.path.join(app, name)) and name not in shell:
        problems.append("app/%s is not the application shell: it belongs in a folder of app/" % name)

for problem in problems:
    print(problem)
if problems:
    sys.exit(1)
print("layers: clean")
