#!/usr/bin/python3
# test_backups.py: boto3 and Debian's AWS CLI drive rds-simd's automated
# backups, point-in-time and snapshot restores and renames; every answer is
# checked against the model.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import subprocess
import sys
import unittest
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from model_check import ModelChecker
from simd import ACCESS_KEY, REGION, SECRET_KEY, Simd, aws_environment

AWS = "/usr/bin/aws"
MINUTE = 60
HOUR = 3600
DAY = 24 * HOUR


class BackupsConformance(unittest.TestCase):
    def setUp(self):
        warnings.simplefilter("ignore", ResourceWarning)
        self.simd = Simd()
        self.checker = ModelChecker()
        self.rds = boto3.client("rds", endpoint_url=self.simd.url, region_name=REGION,
                                aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
                                config=Config(retries={"max_attempts": 1, "mode": "standard"}))
        self.checker.attach(self.rds)
        self.env = aws_environment(self.simd)

    def tearDown(self):
        code, err = self.simd.stop()
        self.simd.close()
        self.assertEqual(code, 0, err)
        self.assertEqual(self.checker.problems, [], "answers the model does not allow")

    def assertError(self, code, status, call, **kwargs):
        with self.assertRaises(ClientError) as caught:
            call(**kwargs)
        error = caught.exception.response
        self.assertEqual(error["Error"]["Code"], code, error["Error"].get("Message"))
        self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], status)
        self.assertTrue(error["Error"]["Message"])
        return error["Error"]["Message"]

    def aws(self, *args):
        command = [AWS, "rds", *args, "--endpoint-url", self.simd.url, "--output", "json"]
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            self.fail("aws rds %s failed (%d): %s" % (" ".join(args), result.returncode, result.stderr))
        return json.loads(result.stdout) if result.stdout.strip() else None

    def aws_error(self, code, *args):
        command = [AWS, "rds", *args, "--endpoint-url", self.simd.url, "--output", "json"]
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 254, result.stderr)
        self.assertIn("An error occurred (%s)" % code, result.stderr)

    def create(self, identifier, **extra):
        params = dict(DBInstanceIdentifier=identifier, DBInstanceClass="db.t3.micro",
                      Engine="postgres", MasterUsername="postgres",
                      MasterUserPassword="correct-horse-battery", AllocatedStorage=20,
                      BackupRetentionPeriod=3, PreferredBackupWindow="03:00-03:30",
                      PreferredMaintenanceWindow="sun:05:00-sun:05:30")
        params.update(extra)
        return self.rds.create_db_instance(**params)["DBInstance"]

    def wait_available(self, identifier):
        # The clock moved already: the waiter's first poll sees it done.
        self.rds.get_waiter("db_instance_available").wait(
            DBInstanceIdentifier=identifier, WaiterConfig={"Delay": 1, "MaxAttempts": 1})

    def automated(self, identifier):
        return self.rds.describe_db_snapshots(DBInstanceIdentifier=identifier,
                                              SnapshotType="automated")["DBSnapshots"]

    def test_boto3_backups_and_restores(self):
        self.create("shop")
        self.simd.advance(30 * MINUTE)
        self.wait_available("shop")

        first = self.automated("shop")
        self.assertEqual(len(first), 1)
        self.assertTrue(first[0]["DBSnapshotIdentifier"].startswith("rds:shop-2026-01-05-"))
        self.assertEqual(first[0]["SnapshotType"], "automated")
        self.assertEqual(first[0]["Status"], "available")

        self.simd.advance(2 * DAY)
        self.assertEqual(len(self.automated("shop")), 3)
        db = self.rds.describe_db_instances(DBInstanceIdentifier="shop")["DBInstances"][0]
        latest = db["LatestRestorableTime"]

        backups = self.rds.describe_db_instance_automated_backups(DBInstanceIdentifier="shop")
        self.assertEqual(len(backups["DBInstanceAutomatedBackups"]), 1)
        backup = backups["DBInstanceAutomatedBackups"][0]
        self.assertEqual(backup["Status"], "active")
        self.assertEqual(backup["DbiResourceId"], db["DbiResourceId"])
        self.assertLessEqual(backup["RestoreWindow"]["EarliestTime"], backup["RestoreWindow"]["LatestTime"])
        self.assertEqual(backup["RestoreWindow"]["LatestTime"], latest)

        # Point in time: inside the window; outside is refused.
        when = latest - datetime.timedelta(days=1)
        self.assertError("InvalidRestoreFault", 400, self.rds.restore_db_instance_to_point_in_time,
                         SourceDBInstanceIdentifier="shop", TargetDBInstanceIdentifier="shop-then",
                         RestoreTime=latest + datetime.timedelta(hours=2))
        self.assertError("InvalidParameterCombination", 400, self.rds.restore_db_instance_to_point_in_time,
                         SourceDBInstanceIdentifier="shop", TargetDBInstanceIdentifier="shop-then",
                         RestoreTime=when, UseLatestRestorableTime=True)
        self.assertError("DBInstanceNotFound", 404, self.rds.restore_db_instance_to_point_in_time,
                         SourceDBInstanceIdentifier="nothing", TargetDBInstanceIdentifier="shop-then",
                         UseLatestRestorableTime=True)
        restored = self.rds.restore_db_instance_to_point_in_time(
            SourceDBInstanceIdentifier="shop", TargetDBInstanceIdentifier="shop-then", RestoreTime=when,
            DBInstanceClass="db.t3.small", Tags=[{"Key": "purpose", "Value": "audit"}])["DBInstance"]
        self.assertEqual(restored["DBInstanceStatus"], "creating")
        self.assertEqual(restored["DBInstanceClass"], "db.t3.small")
        self.assertEqual(restored["Engine"], "postgres")
        self.simd.advance(30 * MINUTE)
        self.wait_available("shop-then")
        events = self.rds.describe_events(SourceType="db-instance", SourceIdentifier="shop-then",
                                          Duration=60)["Events"]
        self.assertTrue(any(e["Message"].startswith("Restored from DB instance shop to ") for e in events))

        # From an automated snapshot; storage never shrinks.
        snapshot = self.automated("shop")[-1]["DBSnapshotIdentifier"]
        from_snapshot = self.rds.restore_db_instance_from_db_snapshot(
            DBInstanceIdentifier="shop-copy", DBSnapshotIdentifier=snapshot, MultiAZ=True)["DBInstance"]
        self.assertTrue(from_snapshot["MultiAZ"])
        self.assertError("DBSnapshotNotFound", 404, self.rds.restore_db_instance_from_db_snapshot,
                         DBInstanceIdentifier="shop-copy2", DBSnapshotIdentifier="nothing")
        self.assertError("DBInstanceAlreadyExists", 400, self.rds.restore_db_instance_from_db_snapshot,
                         DBInstanceIdentifier="shop-copy", DBSnapshotIdentifier=snapshot)
        self.simd.advance(40 * MINUTE)
        self.wait_available("shop-copy")

        # Renamed: the old name is free at once.
        renamed = self.rds.modify_db_instance(DBInstanceIdentifier="shop", NewDBInstanceIdentifier="shop-old",
                                              ApplyImmediately=True)["DBInstance"]
        self.assertEqual(renamed["DBInstanceIdentifier"], "shop-old")
        self.assertError("DBInstanceAlreadyExists", 400, self.rds.modify_db_instance,
                         DBInstanceIdentifier="shop-copy", NewDBInstanceIdentifier="shop-then",
                         ApplyImmediately=True)
        self.rds.modify_db_instance(DBInstanceIdentifier="shop-copy", NewDBInstanceIdentifier="shop",
                                    ApplyImmediately=True)
        self.simd.advance(5 * MINUTE)
        self.wait_available("shop")
        self.wait_available("shop-old")
        self.assertTrue(self.rds.describe_db_instances(DBInstanceIdentifier="shop")["DBInstances"][0]
                        ["Endpoint"]["Address"].startswith("shop."))

        # Deleted, its backups kept; then deleted too.
        resource_id = self.rds.describe_db_instances(DBInstanceIdentifier="shop-old")["DBInstances"][0]["DbiResourceId"]
        self.rds.delete_db_instance(DBInstanceIdentifier="shop-old", SkipFinalSnapshot=True,
                                    DeleteAutomatedBackups=False)
        self.simd.advance(10 * MINUTE)
        retained = self.rds.describe_db_instance_automated_backups(DbiResourceId=resource_id)
        self.assertEqual(retained["DBInstanceAutomatedBackups"][0]["Status"], "retained")
        arn = retained["DBInstanceAutomatedBackups"][0]["DBInstanceAutomatedBackupsArn"]
        again = self.rds.restore_db_instance_to_point_in_time(
            SourceDBInstanceAutomatedBackupsArn=arn, TargetDBInstanceIdentifier="shop-revived",
            UseLatestRestorableTime=True)["DBInstance"]
        self.assertEqual(again["DBInstanceStatus"], "creating")
        deleted = self.rds.delete_db_instance_automated_backup(DbiResourceId=resource_id)
        self.assertEqual(deleted["DBInstanceAutomatedBackup"]["Status"], "deleting")
        self.assertError("DBInstanceAutomatedBackupNotFound", 404,
                         self.rds.describe_db_instance_automated_backups, DbiResourceId=resource_id)

        # Backups off: no point in time.
        self.rds.modify_db_instance(DBInstanceIdentifier="shop-then", BackupRetentionPeriod=0,
                                    ApplyImmediately=True)
        self.simd.advance(30 * MINUTE)
        self.assertEqual(self.automated("shop-then"), [])
        self.assertError("PointInTimeRestoreNotEnabled", 400, self.rds.restore_db_instance_to_point_in_time,
                         SourceDBInstanceIdentifier="shop-then", TargetDBInstanceIdentifier="nope",
                         UseLatestRestorableTime=True)

    def test_awscli_backups_and_restores(self):
        self.aws("create-db-instance", "--db-instance-identifier", "cli-db", "--db-instance-class", "db.t3.micro",
                 "--engine", "mysql", "--master-username", "admin", "--master-user-password", "cli-Passw0rd",
                 "--allocated-storage", "20", "--backup-retention-period", "2",
                 "--preferred-backup-window", "03:00-03:30")
        self.simd.advance(30 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-db")
        self.simd.advance(DAY)

        backups = self.aws("describe-db-instance-automated-backups")["DBInstanceAutomatedBackups"]
        self.assertEqual([b["DBInstanceIdentifier"] for b in backups], ["cli-db"])
        snapshots = self.aws("describe-db-snapshots", "--snapshot-type", "automated")["DBSnapshots"]
        self.assertEqual(len(snapshots), 2)

        restored = self.aws("restore-db-instance-to-point-in-time", "--source-db-instance-identifier", "cli-db",
                            "--target-db-instance-identifier", "cli-pitr",
                            "--use-latest-restorable-time")["DBInstance"]
        self.assertEqual(restored["DBInstanceStatus"], "creating")
        self.aws_error("InvalidRestoreFault", "restore-db-instance-to-point-in-time",
                       "--source-db-instance-identifier", "cli-db", "--target-db-instance-identifier", "cli-old",
                       "--restore-time", "2020-01-01T00:00:00Z")

        self.aws("create-db-snapshot", "--db-instance-identifier", "cli-db", "--db-snapshot-identifier", "cli-snap")
        self.simd.advance(30 * MINUTE)
        self.aws("wait", "db-snapshot-available", "--db-snapshot-identifier", "cli-snap")
        self.aws("restore-db-instance-from-db-snapshot", "--db-instance-identifier", "cli-restored",
                 "--db-snapshot-identifier", "cli-snap", "--db-instance-class", "db.t3.small")
        self.simd.advance(30 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-pitr")
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-restored")
        db = self.aws("describe-db-instances", "--db-instance-identifier", "cli-restored")["DBInstances"][0]
        self.assertEqual(db["DBInstanceClass"], "db.t3.small")
        self.assertEqual(db["Engine"], "mysql")

        self.aws("modify-db-instance", "--db-instance-identifier", "cli-restored",
                 "--new-db-instance-identifier", "cli-renamed", "--apply-immediately")
        self.aws_error("DBInstanceNotFound", "describe-db-instances", "--db-instance-identifier", "cli-restored")
        self.simd.advance(5 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-renamed")

        self.aws("delete-db-instance", "--db-instance-identifier", "cli-db", "--skip-final-snapshot",
                 "--no-delete-automated-backups")
        self.simd.advance(10 * MINUTE)
        kept = self.aws("describe-db-instance-automated-backups", "--db-instance-identifier", "cli-db")
        self.assertEqual(kept["DBInstanceAutomatedBackups"][0]["Status"], "retained")
        self.aws("delete-db-instance-automated-backup", "--dbi-resource-id",
                 kept["DBInstanceAutomatedBackups"][0]["DbiResourceId"])
        self.aws_error("DBInstanceAutomatedBackupNotFound", "describe-db-instance-automated-backups",
                       "--db-instance-identifier", "cli-db")


if __name__ == "__main__":
    unittest.main(verbosity=2)
