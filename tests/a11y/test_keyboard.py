#!/usr/bin/python3
# test_keyboard.py: the console with the keyboard alone
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts rds-console on a fresh state and, with key presses only (sent
# with xdotool to the focused window, as a keyboard would), creates a
# database, opens it, modifies and deletes it (moving the clock with its
# popover), goes back and goes through the sidebar. What the keys
# did is read back from the accessibility tree, as a screen reader user
# would hear it. Run under build-aux/headless, like the accessibility test.

import os
import shutil
import subprocess
import sys
import unittest
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_accessibility as a11y  # noqa: E402
from gi.repository import Atspi  # noqa: E402

XDOTOOL = shutil.which("xdotool") or "xdotool"  # build-aux/setup installs it


class Keyboard:
    def __init__(self, console):
        self.console = console
        found = subprocess.run([XDOTOOL, "search", "--sync", "--onlyvisible", "--name", "^RDS Console$"],
                               capture_output=True, text=True, timeout=60).stdout.split()
        self.window = found[0]
        subprocess.run([XDOTOOL, "windowfocus", "--sync", self.window], check=True, timeout=30)

    def focus_dialog(self):
        """Gives the keyboard to the dialog that opened, as a window manager
        would (Xvfb has none)."""
        found = subprocess.run([XDOTOOL, "search", "--onlyvisible", "--pid", str(self.console.process.pid)],
                               capture_output=True, text=True, timeout=60).stdout.split()
        others = [w for w in found if w != self.window]
        if not others:
            raise AssertionError("no dialog window to focus")
        subprocess.run([XDOTOOL, "windowfocus", "--sync", others[-1]], check=True, timeout=30)

    def key(self, *keys):
        subprocess.run([XDOTOOL, "key", "--delay", "30"] + list(keys), check=True, timeout=30)

    def type(self, text):
        subprocess.run([XDOTOOL, "type", "--delay", "20", text], check=True, timeout=60)

    def focused(self):
        def walk(node):
            try:
                if node.get_state_set().contains(Atspi.StateType.FOCUSED):
                    return node
                for i in range(node.get_child_count()):
                    child = node.get_child_at_index(i)
                    found = walk(child) if child is not None else None
                    if found is not None:
                        return found
            except Exception:
                pass
            return None
        # Each window keeps its focus: the newest one's is the keyboard's
        # (a dialog's, over the window).
        for window in reversed(self.console.windows()):
            found = walk(window)
            if found is not None:
                return found
        return None

    def tab_to(self, role, name, backwards=False, limit=120, key=None, prefix=False):
        """Tab (or Shift+Tab, or @key) until the focus is on @role @name."""
        for _ in range(limit):
            node = self.focused()
            if node is not None and node.get_role_name() in (role if isinstance(role, tuple) else (role,)):
                label = node.get_name() or ""
                if label == name or (prefix and label.startswith(name)):
                    return node
            if os.environ.get("KB_TRACE"):
                print("TRACE", node and (node.get_role_name(), node.get_name()), file=sys.stderr)
            self.key(key or ("shift+Tab" if backwards else "Tab"))
        node = self.focused()
        raise AssertionError("%s never reached %s %r (the focus is on %s)" % (
            key or "Tab", role, name,
            "nothing" if node is None else "%s %r" % (node.get_role_name(), node.get_name())))

    def advance_clock(self):
        """The clock's popover, Jump ahead 1 hour, and out."""
        self.tab_to("push button", "Simulator clock", prefix=True)
        self.key("Return")
        self.console.wait(lambda: self.console.find("push button", "1 hour"), "the clock's popover")
        self.tab_to("push button", "1 hour")
        self.key("Return")
        self.key("Escape")


def status_shown(console, status):
    """Whether a status badge (the page's, or the list's) says @status."""
    return console.find("status bar", status) is not None


class KeyboardTest(unittest.TestCase):
    def test_create_open_modify_delete_back(self):
        warnings.simplefilter("ignore")
        console = a11y.Console()
        try:
            # The first start's offer, answered (not what this test is about).
            console.click("push button", "Start Empty")
            console.wait(lambda: console.find("push button", "DB instances: 0/40"), "the empty dashboard")
            # Keys go to the window once the dialog is gone.
            console.wait(lambda: len(console.windows()) == 1, "the dialog to close")
            keys = Keyboard(console)

            # Create: Ctrl+N, the name, the password twice, Ctrl+Return.
            keys.key("ctrl+n")
            console.wait(lambda: console.find("push button", "Create database") and console.find("text", "DB instance identifier"),
                         "the Create database wizard")
            keys.tab_to("text", "DB instance identifier")
            keys.key("ctrl+a")
            keys.type("keyboard-db")
            keys.tab_to("password text", "Master password")
            keys.type("correct-horse-battery")
            keys.tab_to("password text", "Confirm master password")
            keys.type("correct-horse-battery")
            keys.key("ctrl+Return")
            console.wait(lambda: console.find("push button", "keyboard-db"), "the new database in the list")

            # The sidebar is one Tab stop: Tab from its row leaves it, and
            # the page with it.
            keys.tab_to("list item", "Databases", backwards=True)
            keys.key("Tab")
            console.wait(lambda: keys.focused() is not None and keys.focused().get_role_name() != "list item",
                         "the focus out of the sidebar")
            # Still Databases: Tab reaches only what shows.
            keys.tab_to("entry", "Filter by databases")

            # Open it: Shift+Tab from the list's search to its row's link.
            keys.key("ctrl+f")
            keys.tab_to("push button", "keyboard-db", backwards=True)
            keys.key("Return")
            console.wait(lambda: console.find("label", "Summary"), "the database's page")

            # Modify, once it is available: the clock jumps an hour (its
            # popover, with keys), then Modify, another class, Apply
            # immediately, Ctrl+Return twice.
            keys.advance_clock()
            console.wait(lambda: status_shown(console, "Available"), "the database available")
            keys.tab_to("push button", "Modify", backwards=True)
            keys.key("Return")
            console.wait(lambda: console.find("label", "Modify DB instance: keyboard-db") or
                         console.find("heading", "Modify DB instance: keyboard-db"), "the Modify wizard")
            keys.tab_to(("push button", "toggle button"), "DB instance class")
            keys.key("Return")
            keys.key("Down")
            keys.key("Return")
            keys.key("ctrl+Return")
            # When: one Tab stop, the arrows choose.
            keys.tab_to(("check box", "radio button"), "Apply during the next scheduled maintenance window")
            keys.tab_to(("check box", "radio button"), "Apply immediately", key="Down", limit=3)
            keys.key("space")
            keys.key("ctrl+Return")
            console.wait(lambda: status_shown(console, "Modifying"), "the database modifying")

            # Delete, once the change is done: Actions, Delete, "delete me",
            # the acknowledgement, Delete.
            keys.advance_clock()
            console.wait(lambda: not status_shown(console, "Modifying") and status_shown(console, "Available"),
                         "the change to be done")
            keys.tab_to(("push button", "toggle button"), "Actions")
            keys.key("Return")
            keys.tab_to("menu item", "Delete", key="Down", limit=20)
            keys.key("Return")
            console.wait(lambda: console.find("text", "To confirm deletion, type “delete me” into the field."),
                         "the delete dialog")
            keys.focus_dialog()
            keys.tab_to("text", "To confirm deletion, type “delete me” into the field.")
            keys.type("delete me")
            keys.tab_to("check box", "I acknowledge", prefix=True)
            keys.key("space")
            keys.tab_to("push button", "Delete")
            keys.key("Return")
            console.wait(lambda: status_shown(console, "Deleting"), "the database deleting")

            # Back to the list with Alt+Left.
            keys.key("alt+Left")
            # (Tab reaches only what shows: the list's search, not the
            # page's, which stays in the tree behind.)
            keys.tab_to("entry", "Filter by databases")
            # The sidebar stayed beside it all along (a database's page
            # used to fold it away).
            keys.tab_to("list item", "Databases", backwards=True)
        finally:
            console.close()

    def test_monitoring_chart(self):
        """A database's Monitoring tab with the keyboard alone: the charts
        are Tab stops that a screen reader names and describes, and the
        arrow keys read their points."""
        warnings.simplefilter("ignore")
        console = a11y.Console()
        try:
            console.click("push button", "Add Sample Databases")
            console.wait(lambda: len(console.windows()) == 1, "the dialog to close")
            console.wait(lambda: console.find("push button", "billing-postgres"), "the sample databases")
            keys = Keyboard(console)
            console.click("push button", "billing-postgres")
            console.wait(lambda: console.find("label", "Summary"), "the database's page")
            keys.tab_to("page tab", "Monitoring")
            keys.key("space")
            console.wait(lambda: console.find("image", "CPU utilization"), "the Monitoring tab's charts")
            chart = keys.tab_to("image", "CPU utilization")
            console.wait(lambda: "lowest" in (chart.get_description() or ""), "the chart's description")
            keys.key("End")
            console.wait(lambda: "Selected:" in (chart.get_description() or ""), "a point read out")
            before = chart.get_description()
            keys.key("Left")
            console.wait(lambda: chart.get_description() != before, "the previous point read out")
            # The next chart is a Tab away (through its buttons).
            keys.tab_to("image", "Database connections")
        finally:
            console.close()

    def test_topology(self):
        """A database's Topology tab with the keyboard alone: the picture is
        a Tab stop a screen reader describes in full, and the simulator's
        faults are buttons that say what they will do, and do it."""
        warnings.simplefilter("ignore")
        console = a11y.Console()
        try:
            console.click("push button", "Add Sample Databases")
            console.wait(lambda: len(console.windows()) == 1, "the dialog to close")
            console.wait(lambda: console.find("push button", "billing-postgres"), "the sample databases")
            keys = Keyboard(console)
            console.click("push button", "billing-postgres")
            console.wait(lambda: console.find("label", "Summary"), "the database's page")
            keys.tab_to("page tab", "Topology")
            keys.key("space")
            name = "Topology: the database's zones, standby and read replicas"
            console.wait(lambda: console.find("image", name), "the topology")
            picture = keys.tab_to("image", name)
            console.wait(lambda: "Synchronous standby in" in (picture.get_description() or ""),
                         "the topology's description")
            self.assertIn("Primary billing-postgres in", picture.get_description())
            self.assertIn("Read replica billing-reports in", picture.get_description())
            self.assertIn("Read replica billing-dr in us-west-2.", picture.get_description())
            # A fault is a Tab away; Return takes the host down and the
            # primary fails over.
            button = keys.tab_to("push button", "The primary's host: Fail host")
            self.assertIn("fails over to the standby", button.get_description() or "")
            keys.key("Return")
            console.wait(lambda: "Failing over to the standby" in (picture.get_description() or ""),
                         "the failover in the topology")
        finally:
            console.close()

    def test_info_panel(self):
        """Info beside a section opens the side panel; F1 takes the keyboard
        into it, and out again to the link; a screen reader hears what the
        panel is about, and its headings."""
        warnings.simplefilter("ignore")
        console = a11y.Console()
        try:
            console.click("push button", "Start Empty")
            console.wait(lambda: len(console.windows()) == 1, "the dialog to close")
            keys = Keyboard(console)
            keys.key("ctrl+n")
            console.wait(lambda: console.find("text", "DB instance identifier"), "the Create database wizard")
            link = keys.tab_to("push button", "Info: Multi-AZ deployments")
            keys.key("Return")
            console.wait(lambda: console.find("heading", "Multi-AZ deployments"), "the Info panel on Multi-AZ")
            self.assertIsNotNone(console.find("heading", "What it is"))
            self.assertIsNotNone(console.find("heading", "Behind the scenes"))
            # The focus stayed on the link: reading on in the form is a Tab away.
            self.assertEqual(keys.focused().get_name(), link.get_name())
            # F1: into the panel, which says what it is about.
            keys.key("F1")
            console.wait(lambda: keys.focused() is not None and keys.focused().get_name() == "Close Info Panel",
                         "the focus in the Info panel")
            close = keys.focused()
            panel = close.get_parent()
            while panel is not None and not (panel.get_name() or "").startswith("Info: "):
                panel = panel.get_parent()
            self.assertIsNotNone(panel, "the panel has no name")
            self.assertEqual(panel.get_name(), "Info: Multi-AZ deployments")
            # Its links are Tab stops: a related concept, with Return.
            keys.tab_to("push button", "Read replicas")
            keys.key("Return")
            console.wait(lambda: console.find("heading", "Read replicas"), "the Info panel on read replicas")
            # F1 again: closed, and the keyboard back on the Info link.
            keys.key("F1")
            console.wait(lambda: keys.focused() is not None and keys.focused().get_name() == "Info: Multi-AZ deployments",
                         "the focus back on the Info link")
            # Gone from what a screen reader reads.
            self.assertFalse(close.get_state_set().contains(Atspi.StateType.SHOWING))
        finally:
            console.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
