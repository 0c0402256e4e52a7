#!/usr/bin/python3
# test_crash.py: kill -9 rds-simd at random moments under a stream of changes.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Four clients create instances, tag them and delete some, as fast as they
# can; rds-simd is killed with SIGKILL at a random moment, restarted on the
# same state directory, and every change it had acknowledged must be there.
# The random moments come from RDS_CRASH_SEED (printed) to replay a failure.

import os
import random
import sys
import tempfile
import shutil
import threading
import time
import unittest
import warnings

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

                stop = threading.Event()
                threads = [threading.Thread(target=worker,
                                            args=(simd.url, cycle, n, ledger, stop,
                                                  random.Random(rng.random())))
                           for n in range(WORKERS)]
                for thread in threads:
                    thread.start()

                # The crash comes at a random moment of real time.
                time.sleep(rng.uniform(0.2, 1.2))
                simd.kill()
                stop.set()
                for thread in threads:
                    thread.join()

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

        # A crash never leaves files that will not load: nothing was kept aside.
        self.assertEqual([f for f in os.listdir(simd.state_dir) if "corrupt" in f], [])
        self.assertEqual(simd.process.poll(), None)


if __name__ == "__main__":
    unittest.main(verbosity=2)
