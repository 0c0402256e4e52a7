#!/usr/bin/python3
# check-translations.py: every translatable file is in POTFILES, and the
# Korean translation is complete and well-formed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

source_root = sys.argv[1]
po_dir = os.path.join(source_root, "po")
problems = []

with open(os.path.join(po_dir, "POTFILES.in")) as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}

marker = re.compile(r'\b(N?_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"')
for top in ("app", "ui", "data"):
    for directory, _, files in os.walk(os.path.join(source_root, top)):
        for name in files:
            if not name.endswith((".c", ".ui", ".desktop.in", ".metainfo.xml.in", ".xml.in")):
                continue
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, source_root)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            translatable = marker.search(text) or 'translatable="yes"' in text
            if translatable and relative not in listed:
                problems.append("%s has translatable strings but is not in po/POTFILES.in" % relative)

for relative in listed:
    if not os.path.exists(os.path.join(source_root, relative)):
        problems.append("po/POTFILES.in lists %s, which does not exist" % relative)

# The strings of the sources as they are now, not as the .po last saw them.
scratch = tempfile.mkdtemp(prefix="rds-po-")
pot = os.path.join(scratch, "current.pot")
subprocess.run(["xgettext", "--from-code=UTF-8", "--keyword=_", "--keyword=N_",
                "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
                "--add-comments", "--directory", source_root,
                "--files-from", os.path.join(po_dir, "POTFILES.in"), "--output", pot],
               check=True)

for lingua in open(os.path.join(po_dir, "LINGUAS")).read().split():
    po = os.path.join(scratch, lingua + ".po")
    subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", po,
                    os.path.join(po_dir, lingua + ".po"), pot], check=True)
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                            capture_output=True, text=True)
    report = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or "untranslated" in report or "fuzzy" in report:
        problems.append("%s: %s" % (os.path.basename(po), report))
    print("%s: %s" % (lingua, report))

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
