#!/usr/bin/python3
# test_accessibility.py: the console as a screen reader sees it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts rds-console on a fresh state, with accessibility on, and walks the
# AT-SPI tree of every page, the create wizard, the clock's popover and
# the first start's dialog, as Orca would. A control (button, toggle, check, radio, combo,
# entry, spin button, menu item, tab) fails when it has no name, a name
# that is a type name ("GtkButton"), a mnemonic underscore ("_Create"), a
# name said twice ("Create database Create database"), or a button role
# with no action to invoke. Run under build-aux/headless (a private bus,
# an X server, a keyring); RDS_CONSOLE is the program.

import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import warnings

# This side only reads the tree: the AT-SPI client's own warnings (a
# slow, sanitized console makes it warn about its cache) are not the
# console's. The console keeps G_DEBUG, so its warnings stay fatal.
CONSOLE_G_DEBUG = os.environ.pop("G_DEBUG", None)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

CONTROLS = {"push button", "toggle button", "check box", "radio button", "combo box", "text",
            "password text", "spin button", "menu item", "check menu item", "radio menu item",
            "page tab", "slider", "link", "entry"}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Rds)[A-Z]\w*$")
MNEMONIC = re.compile(r"(^|\s)_\w")
DEADLINE = 60.0  # a sanitized console starts and answers slowly


def die_with_parent():
    # The console goes with this test, even if the test dies first.
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def doubled(name):
    words = name.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


class Console:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="rds-a11y-")
        env = dict(os.environ)
        env.pop("GTK_A11Y", None)
        env.pop("NO_AT_BRIDGE", None)
        if CONSOLE_G_DEBUG is not None:
            env["G_DEBUG"] = CONSOLE_G_DEBUG
        # Leaks are the C tests' business; a sanitized console checking
        # them at exit would only be slow here.
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
        self.log = open(os.path.join(self.dir, "console.log"), "w+")
        self.process = subprocess.Popen([os.environ["RDS_CONSOLE"], "--state-dir", self.dir, "--paused"],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        preexec_fn=die_with_parent)
        self.app = self.wait(self.find_app, "the console on the accessibility bus")

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.seek(0)
        output = self.log.read()
        if output.strip():
            print("rds-console said:\n" + output, file=sys.stderr)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def find_app(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is not None and child.get_name() == "rds-console":
                return child
        return None

    # The console answers at its own pace: poll what a user would see,
    # until a deadline. Nothing here waits for simulated time.
    def wait(self, condition, what):
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            result = condition()
            if result:
                return result
            time.sleep(0.05)
        raise AssertionError("timed out waiting for %s" % what)

    def windows(self):
        return [self.app.get_child_at_index(i) for i in range(self.app.get_child_count())]

    def find(self, role, name, root=None):
        def walk(node):
            try:
                if node.get_role_name() == role and node.get_name() == name and \
                        node.get_state_set().contains(Atspi.StateType.VISIBLE):
                    return node
                for i in range(node.get_child_count()):
                    child = node.get_child_at_index(i)
                    found = walk(child) if child is not None else None
                    if found is not None:
                        return found
            except gi.repository.GLib.Error:
                pass
            return None
        roots = [root] if root is not None else self.windows()
        for window in roots:
            found = walk(window)
            if found is not None:
                return found
        return None

    def find_prefix(self, role, prefix):
        def walk(node):
            try:
                if node.get_role_name() == role and (node.get_name() or "").startswith(prefix):
                    action = node.get_action_iface()
                    if action is not None and action.get_n_actions() > 0:
                        return node
                for i in range(node.get_child_count()):
                    child = node.get_child_at_index(i)
                    found = walk(child) if child is not None else None
                    if found is not None:
                        return found
            except gi.repository.GLib.Error:
                pass
            return None
        for window in self.windows():
            found = walk(window)
            if found is not None:
                return found
        return None

    def do(self, node):
        action = node.get_action_iface()
        for i in range(action.get_n_actions()):
            if action.get_action_name(i) in ("click", "activate"):
                action.do_action(i)
                return
        raise AssertionError("%s %r has no action" % (node.get_role_name(), node.get_name()))

    def click(self, role, name):
        node = self.wait(lambda: self.find(role, name), "%s %r" % (role, name))
        action = node.get_action_iface()
        for i in range(action.get_n_actions()):
            if action.get_action_name(i) in ("click", "activate"):
                action.do_action(i)
                return
        raise AssertionError("%s %r has no action" % (role, name))

    def window_action(self, name):
        frame = self.windows()[0]
        action = frame.get_action_iface()
        for i in range(action.get_n_actions()):
            if action.get_action_name(i) == name:
                action.do_action(i)
                return
        raise AssertionError("the window has no action %s" % name)

    def select_page(self, title):
        item = self.wait(lambda: self.find("list item", title), "the sidebar's %r" % title)
        parent = item.get_parent()
        parent.get_selection_iface().select_child(item.get_index_in_parent())

    def problems(self, where):
        found = []

        def walk(node, inside_combo, path):
            try:
                states = node.get_state_set()
                if not states.contains(Atspi.StateType.VISIBLE):
                    return
                role = node.get_role_name()
                name = (node.get_name() or "").strip()
            except gi.repository.GLib.Error:
                return
            # Inside a combo, what takes the focus (GTK 4.8's drop-down
            # button) is what the screen reader says.
            if role in CONTROLS and (not inside_combo or states.contains(Atspi.StateType.FOCUSABLE)):
                action = node.get_action_iface()
                actions = action.get_n_actions() if action is not None else 0
                what = "%s: %s %r (in %s)" % (where, role, name, " > ".join(path[-3:]) or "the window")
                if not name:
                    found.append(what + " has no name")
                elif TYPE_NAME.match(name):
                    found.append(what + " is named by its type")
                elif MNEMONIC.search(name):
                    found.append(what + " shows a mnemonic underscore")
                elif doubled(name):
                    found.append(what + " says its name twice")
                # GTK 4.8 wraps a menu button's toggle in a button of the
                # same name without actions: the toggle inside is invoked.
                # (GTK 4.8 gives check and radio buttons no AT-SPI action at
                # all: a screen reader toggles them with Space once focused.)
                if role in ("push button", "toggle button") and actions == 0 and not invocable_child(node):
                    found.append(what + " has no action to invoke")
            for i in range(node.get_child_count()):
                child = node.get_child_at_index(i)
                if child is not None:
                    walk(child, inside_combo or role == "combo box", path + [name] if name else path)

        def invocable_child(node):
            for i in range(node.get_child_count()):
                child = node.get_child_at_index(i)
                action = child.get_action_iface() if child is not None else None
                if action is not None and action.get_n_actions() > 0 and \
                        child.get_role_name() in ("push button", "toggle button"):
                    return True
            return False

        for window in self.windows():
            walk(window, False, [])
        return found


class AccessibilityTest(unittest.TestCase):
    def test_every_page_and_wizard(self):
        warnings.simplefilter("ignore")
        console = Console()
        problems = []
        try:
            # The first start's offer, then the pages with the sample in them.
            console.wait(lambda: console.find("push button", "Add Sample Databases"), "the sample offer")
            problems += console.problems("sample offer")
            console.click("push button", "Add Sample Databases")
            # The offer's answer opens the Databases page; the dashboard
            # counts what it shows when it is shown.
            console.wait(lambda: console.find("entry", "Filter by databases"), "the Databases page")
            console.select_page("Dashboard")
            console.wait(lambda: console.find("push button", "DB instances: 8/40"), "the sample on the dashboard")
            problems += console.problems("dashboard")
            # Each page once shown stays in the tree: walk them all at the end.
            for page, control in (("Databases", ("entry", "Filter by databases")),
                                  ("Snapshots", ("entry", "Filter by snapshots")),
                                  ("Automated backups", ("entry", "Filter by automated backups")),
                                  ("Events", ("entry", "Filter by events")),
                                  ("KMS keys", ("push button", "Create key"))):
                console.select_page(page)
                console.wait(lambda: console.find(*control), "the %s page" % page)
            # A snapshot's page, from its name in the Snapshots table.
            console.select_page("Snapshots")
            console.click("push button", "billing-postgres-before-upgrade")
            console.wait(lambda: console.find("push button", "Share snapshot…"), "the snapshot's page")
            # An Aurora cluster's page, from its name in the Databases table:
            # its Actions, the metrics dropdown, the volume's fault controls.
            console.select_page("Databases")
            console.click("push button", "shop-aurora")
            console.wait(lambda: console.find("push button", "Create custom endpoint"), "the cluster's page")
            console.window_action("win.create-database")
            console.wait(lambda: console.find("radio button", "Easy create") or
                         console.find("check box", "Easy create"), "the create wizard")
            problems += console.problems("pages and wizard")
            # The clock's popover: its speeds.
            clock = console.wait(lambda: console.find_prefix("push button", "Simulator clock"), "the clock")
            console.do(clock)
            console.wait(lambda: console.find("radio button", "Paused") or console.find("check box", "Paused"),
                         "the clock's speeds")
            problems += console.problems("clock")
            console.do(clock)
            # Connections, from the switcher: the list, then the editor.
            switcher = console.wait(lambda: console.find("toggle button", "Connection") or
                                    console.find("push button", "Connection"), "the connection switcher")
            # GTK 4.8: the toggle inside the menu button is what acts.
            if switcher.get_action_iface() is None or switcher.get_action_iface().get_n_actions() == 0:
                switcher = switcher.get_child_at_index(0)
            console.do(switcher)
            console.click("menu item", "Manage Connections")
            console.wait(lambda: console.find("push button", "Add connection"), "the connections")
            problems += console.problems("connections")
            console.click("push button", "Add connection")
            console.wait(lambda: console.find("text", "Name") or console.find("entry", "Name"),
                         "the connection editor")
            problems += console.problems("connection editor")
        finally:
            console.close()
        self.assertEqual(problems, [], "\n" + "\n".join(problems))


if __name__ == "__main__":
    unittest.main(verbosity=2)
