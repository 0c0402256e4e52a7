#!/usr/bin/python3
# test_fuzz.py: a seeded, bounded fuzz of rds-simd's wire.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Random and malformed parameters, bytes that are not UTF-8, huge values,
# broken list numbering, bad and missing signatures, tampered and oversized
# bodies. Every answer must be well-formed, none a 5xx, the process must
# live, and a refused request must change nothing. RDS_FUZZ_SEED replays a
# run (the seed is printed); RDS_FUZZ_REQUESTS sets its length. CI runs
# fixed seeds; elsewhere each run draws a new one.

import hashlib
import os
import random
import sys
import unittest
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import wire
from simd import Simd

ACTIONS = ["CreateDBInstance", "DescribeDBInstances", "ModifyDBInstance", "RebootDBInstance",
           "StopDBInstance", "StartDBInstance", "DeleteDBInstance", "CreateDBSnapshot",
           "DeleteDBSnapshot", "DescribeDBSnapshots", "DescribeEvents", "DescribeDBEngineVersions",
           "DescribeOrderableDBInstanceOptions", "DescribeDBSubnetGroups",
           "DescribeDBParameterGroups", "DescribeDBSecurityGroups", "DescribeAccountAttributes",
           "AddTagsToResource", "ListTagsForResource", "RemoveTagsFromResource"]
READ_ONLY = {a for a in ACTIONS if a.startswith(("Describe", "List"))}

PARAMS = ["DBInstanceIdentifier", "DBInstanceClass", "Engine", "EngineVersion", "MasterUsername",
          "MasterUserPassword", "AllocatedStorage", "StorageType", "Iops", "MultiAZ", "Port",
          "ApplyImmediately", "SkipFinalSnapshot", "FinalDBSnapshotIdentifier",
          "DBSnapshotIdentifier", "ForceFailover", "MaxRecords", "Marker", "ResourceName",
          "BackupRetentionPeriod", "PreferredMaintenanceWindow", "PreferredBackupWindow",
          "DeletionProtection", "StartTime", "EndTime", "Duration", "SourceType", "DBName",
          "Tags.Tag.1.Key", "Tags.Tag.1.Value", "Tags.Tag.2.Key", "TagKeys.member.1",
          "Filters.Filter.1.Name", "Filters.Filter.1.Values.Value.1",
          "VpcSecurityGroupIds.VpcSecurityGroupId.1", "EnableCloudwatchLogsExports.member.1"]

NAMES = ["fuzz-a", "fuzz-b", "fuzz-c"]


def value(rng):
    kind = rng.randrange(12)
    if kind == 0:
        return rng.choice(NAMES)
    if kind == 1:
        return rng.choice(["postgres", "mysql", "mariadb", "oracle-ee", "sqlserver-ex", "aurora"])
    if kind == 2:
        return rng.choice(["db.t3.micro", "db.m5.large", "db.x", ""])
    if kind == 3:
        return str(rng.choice([0, -1, 20, 100, 65536, 2 ** 31, 2 ** 63, 10 ** 30]))
    if kind == 4:
        return rng.choice(["true", "false", "TRUE", "yes", ""])
    if kind == 5:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 12)))
    if kind == 6:
        return "".join(chr(rng.choice([0x1, 0x7f, 0xfffe, 0xffff, 0xd7ff, 0x10ffff, 0x3c, 0x26]))
                       for _ in range(rng.randrange(1, 6)))
    if kind == 7:
        return "x" * rng.choice([200, 5000, 70000])
    if kind == 8:
        return "arn:aws:rds:us-east-1:%d:db:%s" % (rng.randrange(10 ** 12), rng.choice(NAMES))
    if kind == 9:
        return rng.choice(["2026-01-05T00:00:00Z", "not-a-time", "sun:23:30-mon:00:00", "01:30-02:00"])
    if kind == 10:
        return "correct-horse-%d" % rng.randrange(1000)
    return ""


def param_name(rng):
    name = rng.choice(PARAMS)
    twist = rng.randrange(10)
    if twist == 0:
        return name.replace(".1", "." + rng.choice(["0", "2", "01", "99999999999", "x", ""]))
    if twist == 1:
        return name + "." + rng.choice(["1", "Key", ""])
    return name


class Fuzz(unittest.TestCase):
    def setUp(self):
        warnings.simplefilter("ignore", ResourceWarning)

    def seeds(self):
        if "RDS_FUZZ_SEED" in os.environ:
            return [int(os.environ["RDS_FUZZ_SEED"])]
        if os.environ.get("CI"):
            return [1, 2]
        return [random.randrange(1 << 30)]

    def test_fuzz(self):
        total = int(os.environ.get("RDS_FUZZ_REQUESTS", "4000"))
        for seed in self.seeds():
            with self.subTest(seed=seed):
                self.run_seed(seed, total)

    def fingerprint(self, url):
        parts = []
        for action in ("DescribeDBInstances", "DescribeDBSnapshots"):
            answer = wire.call(url, action, [("MaxRecords", "100")])
            self.assertEqual(answer.status, 200, answer.body)
            parts.append(answer.body.replace(answer.headers.get("x-amzn-RequestId", "").encode(), b""))
        return hashlib.sha256(b"".join(parts)).hexdigest()

    def send(self, rng, url):
        """One fuzzed request; returns (answer, action, whether it was well signed)."""
        action = rng.choice(ACTIONS + ["NoSuchAction", ""])
        params = [(param_name(rng), value(rng)) for _ in range(rng.randrange(0, 8))]
        if rng.random() < 0.1:
            params.append(params[0] if params else ("Marker", "m"))   # a repeat
        body = wire.query_body(action, params)
        if rng.random() < 0.05:
            body += b"&%" + rng.choice([b"zz", b"00", b"F", b""])
        mode = rng.randrange(20)
        if mode == 0:
            return wire.send(url, body, {"Content-Type": wire.FORM}), action, False
        if mode == 1:
            return wire.send(url, body, wire.sign(url, body, secret="wrong/secret")), action, False
        if mode == 2:
            headers = wire.sign(url, body)
            return wire.send(url, body + b"&Extra=1", headers), action, False
        if mode == 3:
            big = body + b"&Marker=" + b"m" * (1 << 20)
            return wire.send(url, big, wire.sign(url, big)), action, False
        if mode == 4:
            # Control API with junk JSON.
            junk = rng.choice([b"[" * 50000, b"{\"rate\": \"fast\"}", b"\xff\xfe", b"{\"seconds\": -1}",
                               b"{\"paused\": 1}", b"{" * 40 + b"}" * 40])
            path = rng.choice(["clock", "clock/advance", "quotas", "nowhere"])
            return wire.control(url, path, junk), "control", True
        if mode == 5:
            # Headers of any size: past 32 KiB, 431 rather than silence.
            headers = wire.sign(url, body)
            headers["X-Padding"] = "p" * rng.choice([100, 20000, 33000, 70000, 300000])
            return wire.send(url, body, headers), action, True
        if mode == 6:
            # A request line of any size: past 32 KiB, 414.
            query = "Action=DescribeDBInstances&Marker=" + "q" * rng.choice([10, 5000, 40000, 100000])
            return wire.send(url, b"", {}, path="/?" + query, method="GET"), action, False
        return wire.send(url, body, wire.sign(url, body)), action, True

    def run_seed(self, seed, total):
        rng = random.Random(seed)
        simd = Simd(seed=str(seed))
        # Under AddressSanitizer (slow stack unwinding on every malloc, for
        # the leak suppressions) a shorter run still covers every kind.
        with open("/proc/%d/maps" % simd.process.pid) as maps:
            if "libasan" in maps.read() and "RDS_FUZZ_REQUESTS" not in os.environ:
                total = min(total, 600)
        print("RDS_FUZZ_SEED=%d (%d requests)" % (seed, total), flush=True)
        outcomes = {}
        try:
            url = simd.url
            baseline = self.fingerprint(url)
            for i in range(total):
                answer, action, signed = self.send(rng, url)
                outcomes[answer.status] = outcomes.get(answer.status, 0) + 1
                where = "seed %d request %d (%s)" % (seed, i, action)
                self.assertLess(answer.status, 500, "%s: %r" % (where, answer.body[:300]))
                if action == "control":
                    answer.json()
                else:
                    answer.xml()   # raises on malformed XML
                self.assertIsNone(simd.process.poll(), where)
                if answer.status != 200 and action not in READ_ONLY:
                    self.assertEqual(self.fingerprint(url), baseline, "a refused request changed state: " + where)
                elif answer.status == 200 and action not in READ_ONLY:
                    baseline = self.fingerprint(url)
            code, err = simd.stop()
            self.assertEqual(code, 0, err)
            simd.start()
            self.assertEqual(self.fingerprint(simd.url), baseline, "the state did not survive a restart")
            self.assertEqual([f for f in os.listdir(simd.state_dir) if "corrupt" in f], [])
            print("outcomes by HTTP status: %s" % dict(sorted(outcomes.items())), flush=True)
        finally:
            simd.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
