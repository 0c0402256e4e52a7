#!/usr/bin/python3
# test_crash.py: kill -9 rds-simd at random moments under a stream of changes.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Four clients create instances, tag them and delete some, as fast as they
# can; rds-simd is killed with SIGKILL at a random moment, restarted on the
# same state directory, and every change it had acknowledged must be there.
# The random moments come from RDS_CRASH_SEED (printed) to replay a failure.
#
# A second test also damages the files after the crash (a flipped byte, a
# file cut short or emptied) and checks what rds-simd loads against what a
# loader written here from the file format says the damage leaves: nothing
# loaded silently, nothing acknowledged lost that the damage did not take.

import json
import os
import random
import sys
import tempfile
import shutil
import threading
import time
import unittest
import warnings
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import boto3
from botocore.config import Config

from simd import ACCESS_KEY, REGION, SECRET_KEY, Simd

CYCLES = 6
WORKERS = 4


class Ledger:
    """What rds-simd acknowledged, as the clients saw it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.created = set()
        self.tags = {}          # instance → {key: value}
        self.deleted = set()
        self.doomed = set()     # a delete was sent: acknowledged or not, it may have landed

    def live(self):
        with self.lock:
            return sorted(self.created - self.deleted)


def client(url):
    # A session each: boto3's default session is not safe across threads.
    return boto3.session.Session().client("rds", endpoint_url=url, region_name=REGION,
                        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
                        config=Config(retries={"max_attempts": 1, "mode": "standard"},
                                      connect_timeout=2, read_timeout=10))


def worker(url, cycle, number, ledger, stop, rng):
    rds = client(url)
    k = 0
    while not stop.is_set():
        k += 1
        name = "c%d-w%d-%d" % (cycle, number, k)
        try:
            choice = rng.random()
            live = ledger.live()
            if choice < 0.6 or not live:
                rds.create_db_instance(DBInstanceIdentifier=name, DBInstanceClass="db.t3.micro",
                                       Engine="postgres", MasterUsername="postgres",
                                       MasterUserPassword="crash-test-pass", AllocatedStorage=20)
                with ledger.lock:
                    ledger.created.add(name)
            elif choice < 0.9:
                target = rng.choice(live)
                arn = rds.describe_db_instances(DBInstanceIdentifier=target)["DBInstances"][0]["DBInstanceArn"]
                value = "v%d" % k
                rds.add_tags_to_resource(ResourceName=arn, Tags=[{"Key": name, "Value": value}])
                with ledger.lock:
                    ledger.tags.setdefault(target, {})[name] = value
            else:
                target = rng.choice(live)
                with ledger.lock:
                    ledger.doomed.add(target)
                rds.delete_db_instance(DBInstanceIdentifier=target, SkipFinalSnapshot=True)
                with ledger.lock:
                    ledger.deleted.add(target)
        except Exception:
            # Killed mid-request (or the target went away): not acknowledged.
            if stop.is_set():
                return


def crash_under_load(simd, cycle, ledger, rng, earliest, latest):
    """Runs the clients against simd and kills it with SIGKILL at a random
    moment of real time between earliest and latest seconds."""
    stop = threading.Event()
    threads = [threading.Thread(target=worker,
                                args=(simd.url, cycle, n, ledger, stop, random.Random(rng.random())))
               for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    # At a random moment, but not before a few changes were acknowledged:
    # a slow machine (a sanitizer build under load) still proves something.
    before = len(ledger.created)
    wanted = rng.randint(4, 8)
    deadline = time.monotonic() + 60
    while len(ledger.created) < before + wanted and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(rng.uniform(0, latest - earliest))
    simd.kill()
    stop.set()
    for thread in threads:
        thread.join()


class CrashTest(unittest.TestCase):
    def test_kill_minus_nine(self):
        warnings.simplefilter("ignore", ResourceWarning)
        seed = int(os.environ.get("RDS_CRASH_SEED", random.randrange(1 << 30)))
        print("RDS_CRASH_SEED=%d" % seed, flush=True)
        rng = random.Random(seed)
        state_dir = tempfile.mkdtemp(prefix="rds-crash-")
        ledger = Ledger()
        simd = None

        try:
            for cycle in range(CYCLES):
                simd = Simd(state_dir=state_dir, paused=False, rate=60)
                if cycle == 0:
                    simd.set_quotas(DBInstances=100000, AllocatedStorage=100000000)
                else:
                    self.verify(simd, ledger)

                crash_under_load(simd, cycle, ledger, rng, 0.2, 1.2)

            simd = Simd(state_dir=state_dir, paused=False, rate=60)
            self.verify(simd, ledger)
            self.assertGreater(len(ledger.created), 20, "too few changes to prove anything")
            print("acknowledged: %d creates, %d tags, %d deletes over %d crashes"
                  % (len(ledger.created), sum(len(t) for t in ledger.tags.values()),
                     len(ledger.deleted), CYCLES), flush=True)
        finally:
            if simd is not None:
                simd.close()
            shutil.rmtree(state_dir, ignore_errors=True)

    def verify(self, simd, ledger):
        rds = client(simd.url)
        present = {}
        for page in rds.get_paginator("describe_db_instances").paginate():
            for db in page["DBInstances"]:
                present[db["DBInstanceIdentifier"]] = db

        for name in ledger.created:
            if name in ledger.deleted:
                if name in present:
                    self.assertEqual(present[name]["DBInstanceStatus"], "deleting", name)
                continue
            if name in ledger.doomed and name not in present:
                # Killed after the delete was stored but before it was answered.
                continue
            self.assertTrue(name in present, "an acknowledged create was lost: %s" % name)
            tags = {t["Key"]: t["Value"] for t in present[name].get("TagList", [])}
            for key, value in ledger.tags.get(name, {}).items():
                self.assertEqual(tags.get(key), value, "an acknowledged tag was lost")

        # A crash never leaves files that will not load: nothing was kept
        # aside, but for a journal whose last, unacknowledged batch the kill
        # cut short (a large write() stops at a fatal signal), which loads
        # up to it ("-cut").
        self.assertEqual([f for f in os.listdir(simd.state_dir) if "corrupt" in f and ".corrupt-cut-" not in f], [])
        self.assertEqual(simd.process.poll(), None)


class Model:
    """What the state files hold, read by the rules rds-simd keeps: every
    line ends in a tab and its CRC-32; a damaged state record costs only
    itself; a state file damaged from some line on keeps what came before;
    a damaged state header, or a journal without a state, start empty; the
    journal replays up to its first damaged line. Only DB instances and
    their tags are followed."""

    def __init__(self, state_dir):
        self.instances = {}     # identifier -> {key: value}
        self.deleting = set()
        self.damage = []        # what rds-simd must report

        state = self.read(os.path.join(state_dir, "state.json"))
        journal = self.read(os.path.join(state_dir, "journal.jsonl"))
        if state is None:
            if journal is not None and (journal[0] or journal[1]):
                self.damage.append("a journal without a state")
            return
        lines, torn = state
        if not lines and not torn:
            self.damage.append("an empty state")
            return
        header = self.parse(lines[0]) if lines else None
        if header is None:
            self.damage.append("a damaged state header")
            return
        seq = header.get("seq", 0)

        count, ended, stopped = 0, False, False
        for line in lines[1:]:
            if ended:
                self.damage.append("lines after the end of the state")
                stopped = True
                break
            record = self.parse(line)
            if record is not None and "end" in record:
                ended = True
                if record["end"] != count:
                    self.damage.append("a state with records missing")
                    stopped = True
                    break
                continue
            count += 1
            if record is None:
                self.damage.append("a damaged state record")
            else:
                self.put(record)
        if not stopped and (torn or not ended):
            self.damage.append("a state cut short")

        if journal is None:
            return
        lines, torn = journal
        for line in lines:
            entry = self.parse(line)
            if entry is None:
                self.damage.append("a damaged journal line")
                return
            if entry["seq"] <= seq:
                continue
            changes = entry["changes"]
            for record in changes["put"]:
                self.put(record)
            for gone in changes["delete"]:
                if gone["type"] == "db-instance":
                    self.instances.pop(gone["id"], None)
                    self.deleting.discard(gone["id"])
        if torn:
            self.damage.append("a journal cut short")

    @staticmethod
    def read(path):
        """The complete lines of a file (empty ones skipped, as rds-simd
        does) and whether it ends in a line cut short; None if absent."""
        try:
            with open(path, "rb") as file:
                data = file.read()
        except FileNotFoundError:
            return None
        *lines, tail = data.split(b"\n")
        return [line for line in lines if line], tail != b""

    @staticmethod
    def parse(line):
        text, tab, checksum = line.rpartition(b"\t")
        if (not tab or len(checksum) != 8 or
                any(c not in b"0123456789abcdefABCDEF" for c in checksum) or
                zlib.crc32(text) != int(checksum, 16)):
            return None
        return json.loads(text)

    def put(self, record):
        if record.get("type") != "db-instance" or record.get("region") != REGION:
            return
        shape = record["shape"]
        name = shape["DBInstanceIdentifier"]
        self.instances[name] = {t["Key"]: t.get("Value") for t in shape.get("TagList", [])}
        if shape.get("DBInstanceStatus") == "deleting":
            self.deleting.add(name)
        else:
            self.deleting.discard(name)


def damage_files(state_dir, rng):
    """Damages one state file at random, as a bad disk or copy would."""
    kind = rng.choice(["flip", "flip", "flip", "truncate", "empty", "none"])
    names = [name for name in ("state.json", "journal.jsonl")
             if os.path.getsize(os.path.join(state_dir, name)) > 0]
    if kind == "none" or not names:
        return "none"
    name = rng.choice(names)
    path = os.path.join(state_dir, name)
    with open(path, "rb") as file:
        data = bytearray(file.read())
    if kind == "flip":
        at = rng.randrange(len(data))
        data[at] ^= rng.randrange(1, 256)
        what = "byte %d of %s flipped" % (at, name)
    elif kind == "truncate":
        at = rng.randrange(len(data))
        what = "%s cut at byte %d of %d" % (name, at, len(data))
        del data[at:]
    else:
        data = bytearray()
        what = "%s emptied" % name
    with open(path, "wb") as file:
        file.write(data)
    return what


class DamageTest(unittest.TestCase):
    TRIALS = 8

    def test_kill_and_damage(self):
        warnings.simplefilter("ignore", ResourceWarning)
        seed = int(os.environ.get("RDS_CRASH_SEED", random.randrange(1 << 30)))
        print("RDS_CRASH_SEED=%d" % seed, flush=True)
        rng = random.Random(seed)
        outcomes = {"reported": 0, "clean": 0}

        for trial in range(self.TRIALS):
            state_dir = tempfile.mkdtemp(prefix="rds-damage-")
            try:
                ledger = Ledger()
                # Two runs, each ended by kill -9: the second starts from a
                # checkpoint, so both files hold acknowledged changes.
                for run in range(2):
                    simd = Simd(state_dir=state_dir, paused=False, rate=60)
                    if run == 0:
                        simd.set_quotas(DBInstances=100000, AllocatedStorage=100000000)
                    crash_under_load(simd, trial * 2 + run, ledger, rng, 0.3, 1.0)

                before = Model(state_dir)
                # A kill can cut the journal's last write short (a fatal
                # signal ends a large write() part way): never synced, so
                # never acknowledged, and rds-simd says so and keeps it.
                # Anything else is damage kill -9 must not do.
                self.assertEqual([d for d in before.damage if d != "a journal cut short"], [],
                                 "kill -9 alone damaged the files")
                self.assertAcknowledgedIn(before, ledger)

                # A line that the second run found cut short by the first
                # kill was kept aside then, and said: not this damage's.
                kept_before = {f for f in os.listdir(state_dir) if "corrupt" in f}
                what = damage_files(state_dir, rng)
                expected = Model(state_dir)

                simd = Simd(state_dir=state_dir, paused=True)
                try:
                    present = self.describe(simd)
                finally:
                    code, err = simd.stop()
                    simd.close()
                self.assertEqual(code, 0, err)

                context = "trial %d, %s, damage seen: %s" % (trial, what, expected.damage)
                # Exactly what the damage left, no more and no less.
                for name, tags in expected.instances.items():
                    if name in expected.deleting and name not in present:
                        continue  # its deletion may finish as rds-simd starts
                    self.assertIn(name, present, context)
                    self.assertEqual(present[name], tags, context)
                for name in present:
                    self.assertIn(name, expected.instances, context)

                # Never silently: damage is said and the damaged file kept.
                kept = [f for f in os.listdir(state_dir) if "corrupt" in f and f not in kept_before]
                if expected.damage:
                    self.assertIn("rds-simd: ", err, context)
                    self.assertNotEqual(kept, [], context)
                    outcomes["reported"] += 1
                else:
                    self.assertEqual(kept, [], context)
                    self.assertNotIn("could not", err, context)
                    outcomes["clean"] += 1
            finally:
                shutil.rmtree(state_dir, ignore_errors=True)

        print("damage trials: %(reported)d reported, %(clean)d loaded whole" % outcomes, flush=True)

    def describe(self, simd):
        rds = client(simd.url)
        present = {}
        for page in rds.get_paginator("describe_db_instances").paginate():
            for db in page["DBInstances"]:
                present[db["DBInstanceIdentifier"]] = {t["Key"]: t["Value"]
                                                       for t in db.get("TagList", [])}
        return present

    def assertAcknowledgedIn(self, model, ledger):
        """Before any damage, the files hold every acknowledged change."""
        for name in ledger.created:
            if name in ledger.deleted or name in ledger.doomed:
                continue
            self.assertIn(name, model.instances, "an acknowledged create is not on disk")
            for key, value in ledger.tags.get(name, {}).items():
                self.assertEqual(model.instances[name].get(key), value,
                                 "an acknowledged tag is not on disk")


if __name__ == "__main__":
    unittest.main(verbosity=2)
