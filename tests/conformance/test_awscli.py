#!/usr/bin/python3
# test_awscli.py: Debian's AWS CLI v2 drives rds-simd.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every command goes through the CLI's own model: an answer it could not
# parse would fail the command. Errors must come back with the service's
# code and the CLI's exit status for service errors (254).

import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from simd import Simd, aws_environment, simd_path

AWS = "/usr/bin/aws"
MINUTE = 60
HOUR = 3600


class AwsCliConformance(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.simd = Simd()
        cls.env = aws_environment(cls.simd)

    @classmethod
    def tearDownClass(cls):
        code, err = cls.simd.stop()
        cls.simd.close()
        assert code == 0, err

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
        return result.stderr

    def test_1_lifecycle(self):
        created = self.aws("create-db-instance", "--db-instance-identifier", "cli-db",
                           "--db-instance-class", "db.t3.micro", "--engine", "mysql",
                           "--master-username", "admin", "--master-user-password", "cli-Passw0rd",
                           "--allocated-storage", "20", "--backup-retention-period", "7",
                           "--tags", "Key=owner,Value=cli")["DBInstance"]
        self.assertEqual(created["DBInstanceStatus"], "creating")
        self.assertEqual(created["Engine"], "mysql")
        self.assertEqual(created["BackupRetentionPeriod"], 7)

        # The clock moves; the waiter's first poll sees it available.
        self.simd.advance(20 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-db")
        db = self.aws("describe-db-instances", "--db-instance-identifier", "cli-db")["DBInstances"][0]
        self.assertEqual(db["DBInstanceStatus"], "available")
        self.assertEqual(db["Endpoint"]["Port"], 3306)
        self.assertEqual(db["DBParameterGroups"][0]["DBParameterGroupName"], "default.mysql8.0")
        self.assertEqual(db["OptionGroupMemberships"][0]["OptionGroupName"], "default:mysql-8-0")

        # Without --apply-immediately: pending until the window.
        modified = self.aws("modify-db-instance", "--db-instance-identifier", "cli-db",
                            "--db-instance-class", "db.t3.small",
                            "--ca-certificate-identifier", "rds-ca-rsa4096-g1")["DBInstance"]
        self.assertEqual(modified["PendingModifiedValues"],
                         {"DBInstanceClass": "db.t3.small",
                          "CACertificateIdentifier": "rds-ca-rsa4096-g1"})
        self.assertEqual(modified["DBInstanceStatus"], "available")

        # With it: now (and what was pending goes too).
        modified = self.aws("modify-db-instance", "--db-instance-identifier", "cli-db",
                            "--allocated-storage", "30", "--apply-immediately")["DBInstance"]
        self.assertEqual(modified["DBInstanceStatus"], "modifying")
        self.assertEqual(modified["PendingModifiedValues"]["AllocatedStorage"], 30)
        self.simd.advance(20 * MINUTE)
        db = self.aws("describe-db-instances", "--db-instance-identifier", "cli-db")["DBInstances"][0]
        self.assertEqual(db["DBInstanceClass"], "db.t3.small")
        self.assertEqual(db["CACertificateIdentifier"], "rds-ca-rsa4096-g1")
        self.assertEqual(db["AllocatedStorage"], 30)
        self.assertEqual(db["DBInstanceStatus"], "storage-optimization")
        self.simd.advance(4 * 3600)

        self.assertEqual(self.aws("reboot-db-instance", "--db-instance-identifier", "cli-db")
                         ["DBInstance"]["DBInstanceStatus"], "rebooting")
        self.simd.advance(5 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-db")

        self.assertEqual(self.aws("stop-db-instance", "--db-instance-identifier", "cli-db")
                         ["DBInstance"]["DBInstanceStatus"], "stopping")
        self.simd.advance(10 * MINUTE)
        self.assertEqual(self.aws("describe-db-instances", "--db-instance-identifier", "cli-db")
                         ["DBInstances"][0]["DBInstanceStatus"], "stopped")
        self.assertEqual(self.aws("start-db-instance", "--db-instance-identifier", "cli-db")
                         ["DBInstance"]["DBInstanceStatus"], "starting")
        self.simd.advance(10 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-db")

        snapshot = self.aws("create-db-snapshot", "--db-instance-identifier", "cli-db",
                            "--db-snapshot-identifier", "cli-snap")["DBSnapshot"]
        self.assertEqual(snapshot["Status"], "creating")
        self.simd.advance(10 * MINUTE)
        self.aws("wait", "db-snapshot-available", "--db-snapshot-identifier", "cli-snap")
        self.assertEqual(len(self.aws("describe-db-snapshots", "--db-instance-identifier", "cli-db",
                                      "--snapshot-type", "manual")["DBSnapshots"]), 1)

        arn = db["DBInstanceArn"]
        self.aws("add-tags-to-resource", "--resource-name", arn, "--tags", "Key=env,Value=dev")
        tags = self.aws("list-tags-for-resource", "--resource-name", arn)["TagList"]
        self.assertEqual(sorted(t["Key"] for t in tags), ["env", "owner"])
        self.aws("remove-tags-from-resource", "--resource-name", arn, "--tag-keys", "owner")
        self.assertEqual(self.aws("list-tags-for-resource", "--resource-name", arn)["TagList"],
                         [{"Key": "env", "Value": "dev"}])

        events = self.aws("describe-events", "--source-type", "db-instance",
                          "--source-identifier", "cli-db", "--duration", "1440")["Events"]
        messages = [e["Message"] for e in events]
        self.assertIn("DB instance created.", messages)
        self.assertIn("DB instance restarted.", messages)
        self.assertIn("Finished applying modification to DB instance class", messages)

        deleting = self.aws("delete-db-instance", "--db-instance-identifier", "cli-db",
                            "--final-db-snapshot-identifier", "cli-final")["DBInstance"]
        self.assertEqual(deleting["DBInstanceStatus"], "deleting")
        self.simd.advance(20 * MINUTE)
        self.aws("wait", "db-instance-deleted", "--db-instance-identifier", "cli-db")
        self.aws("wait", "db-snapshot-available", "--db-snapshot-identifier", "cli-final")
        self.aws("delete-db-snapshot", "--db-snapshot-identifier", "cli-snap")

    def test_5_availability(self):
        self.aws("create-db-instance", "--db-instance-identifier", "cli-ha",
                 "--db-instance-class", "db.m5.large", "--engine", "mysql",
                 "--master-username", "admin", "--master-user-password", "cli-Passw0rd",
                 "--allocated-storage", "50")
        self.simd.advance(20 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-ha")

        self.aws_error("InvalidParameterCombination", "reboot-db-instance",
                       "--db-instance-identifier", "cli-ha", "--force-failover")
        modified = self.aws("modify-db-instance", "--db-instance-identifier", "cli-ha",
                            "--multi-az", "--apply-immediately")["DBInstance"]
        self.assertEqual(modified["PendingModifiedValues"], {"MultiAZ": True})
        self.simd.advance(40 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-ha")
        db = self.aws("describe-db-instances", "--db-instance-identifier", "cli-ha")["DBInstances"][0]
        self.assertTrue(db["MultiAZ"])

        rebooting = self.aws("reboot-db-instance", "--db-instance-identifier", "cli-ha",
                             "--force-failover")["DBInstance"]
        self.assertEqual(rebooting["DBInstanceStatus"], "rebooting")
        self.simd.advance(5 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-ha")
        after = self.aws("describe-db-instances", "--db-instance-identifier", "cli-ha")["DBInstances"][0]
        self.assertEqual(after["AvailabilityZone"], db["SecondaryAvailabilityZone"])

        # A replica here and one in another Region, named by ARN.
        replica = self.aws("create-db-instance-read-replica", "--db-instance-identifier", "cli-ha-r",
                           "--source-db-instance-identifier", "cli-ha")["DBInstance"]
        self.assertEqual(replica["ReadReplicaSourceDBInstanceIdentifier"], "cli-ha")
        remote = self.aws("create-db-instance-read-replica", "--db-instance-identifier", "cli-ha-west",
                          "--source-db-instance-identifier", db["DBInstanceArn"],
                          "--source-region", "us-east-1", "--region", "us-west-2")["DBInstance"]
        self.assertTrue(remote["DBInstanceArn"].startswith("arn:aws:rds:us-west-2:"))
        self.aws_error("DBInstanceNotFound", "create-db-instance-read-replica",
                       "--db-instance-identifier", "x", "--source-db-instance-identifier", "nobody")
        self.aws_error("InvalidDBInstanceState", "promote-read-replica", "--db-instance-identifier", "cli-ha")
        self.simd.advance(30 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-ha-r")
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-ha-west",
                 "--region", "us-west-2")
        self.assertEqual(sorted(self.aws("describe-db-instances", "--db-instance-identifier", "cli-ha")
                                ["DBInstances"][0]["ReadReplicaDBInstanceIdentifiers"]),
                         sorted(["cli-ha-r", remote["DBInstanceArn"]]))

        promoted = self.aws("promote-read-replica", "--db-instance-identifier", "cli-ha-west",
                            "--backup-retention-period", "3", "--region", "us-west-2")["DBInstance"]
        self.assertEqual(promoted["DBInstanceStatus"], "modifying")
        self.simd.advance(10 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-ha-west",
                 "--region", "us-west-2")
        alone = self.aws("describe-db-instances", "--db-instance-identifier", "cli-ha-west",
                         "--region", "us-west-2")["DBInstances"][0]
        self.assertNotIn("ReadReplicaSourceDBInstanceIdentifier", alone)
        self.assertEqual(alone["BackupRetentionPeriod"], 3)

        # Deleting the source promotes the replica left.
        self.aws("delete-db-instance", "--db-instance-identifier", "cli-ha", "--skip-final-snapshot")
        self.simd.advance(10 * MINUTE)
        self.aws("wait", "db-instance-deleted", "--db-instance-identifier", "cli-ha")
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-ha-r")
        self.assertNotIn("ReadReplicaSourceDBInstanceIdentifier",
                         self.aws("describe-db-instances", "--db-instance-identifier", "cli-ha-r")
                         ["DBInstances"][0])
        for identifier, region in (("cli-ha-r", "us-east-1"), ("cli-ha-west", "us-west-2")):
            self.aws("delete-db-instance", "--db-instance-identifier", identifier, "--skip-final-snapshot",
                     "--region", region)

    def test_2_catalog(self):
        versions = self.aws("describe-db-engine-versions", "--engine", "postgres",
                            "--default-only")["DBEngineVersions"]
        self.assertEqual([v["EngineVersion"] for v in versions], ["17.4"])
        self.assertEqual(versions[0]["DBParameterGroupFamily"], "postgres17")
        # The CLI follows the Markers by itself.
        options = self.aws("describe-orderable-db-instance-options", "--engine", "oracle-se2",
                           "--engine-version", "19.0.0.0.ru-2025-01.rur-2025-01.r1")
        classes = {o["DBInstanceClass"] for o in options["OrderableDBInstanceOptions"]}
        self.assertIn("db.m5.large", classes)
        self.assertNotIn("db.m5.8xlarge", classes)
        self.assertNotIn("db.t4g.micro", classes)
        self.assertEqual(self.aws("describe-db-subnet-groups")["DBSubnetGroups"][0]
                         ["SubnetGroupStatus"], "Complete")
        self.assertGreater(len(self.aws("describe-db-parameter-groups")["DBParameterGroups"]), 20)

    def test_3_errors(self):
        base = ["--db-instance-class", "db.t3.micro", "--engine", "postgres",
                "--master-username", "postgres", "--master-user-password", "correct-horse",
                "--allocated-storage", "20"]
        self.aws_error("DBInstanceNotFound", "describe-db-instances",
                       "--db-instance-identifier", "missing")
        self.aws_error("InvalidParameterValue", "create-db-instance",
                       "--db-instance-identifier", "bad--name", *base)
        self.aws_error("CertificateNotFound", "create-db-instance", "--db-instance-identifier",
                       "ca-db", "--ca-certificate-identifier", "rds-ca-1999", *base)
        self.aws_error("InvalidParameterCombination", "create-db-instance",
                       "--db-instance-identifier", "enc-db", "--kms-key-id", "alias/aws/rds", *base)
        self.aws_error("InvalidParameterValue", "create-db-instance", "--db-instance-identifier",
                       "win-db", "--preferred-backup-window", "03:00-03:10", *base)
        self.aws_error("DBSnapshotNotFound", "delete-db-snapshot", "--db-snapshot-identifier", "no")
        self.aws_error("InvalidParameterValue", "describe-events", "--source-type", "db-thing")
        stderr = self.aws_error("DBInstanceNotFound", "delete-db-instance",
                                "--db-instance-identifier", "missing-too", "--skip-final-snapshot",
                                "--final-db-snapshot-identifier", "x")
        self.assertNotIn("Traceback", stderr)

        env = dict(self.env, AWS_SECRET_ACCESS_KEY="wrong")
        result = subprocess.run([AWS, "rds", "describe-db-instances", "--endpoint-url",
                                 self.simd.url], env=env, capture_output=True, text=True)
        self.assertEqual(result.returncode, 254)
        self.assertIn("SignatureDoesNotMatch", result.stderr)

    def cloudwatch(self, *args):
        command = [AWS, "cloudwatch", *args, "--endpoint-url", self.simd.url, "--output", "json"]
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            self.fail("aws cloudwatch %s failed (%d): %s" % (" ".join(args), result.returncode,
                                                           result.stderr))
        return json.loads(result.stdout) if result.stdout.strip() else None

    def test_4_cloudwatch(self):
        self.aws("create-db-instance", "--db-instance-identifier", "cli-watched",
                 "--db-instance-class", "db.m5.large", "--engine", "postgres",
                 "--master-username", "pg", "--master-user-password", "cli-Passw0rd",
                 "--allocated-storage", "50")
        self.simd.advance(30 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-watched")
        self.simd.advance(6 * 60 * MINUTE)
        dimension = "Name=DBInstanceIdentifier,Value=cli-watched"
        state = self.simd.control("GET", "state")
        end = state["time"]

        listed = self.cloudwatch("list-metrics", "--namespace", "AWS/RDS", "--dimensions", dimension)
        names = {m["MetricName"] for m in listed["Metrics"]}
        self.assertIn("FreeStorageSpace", names)
        self.assertNotIn("CPUCreditBalance", names)

        stats = self.cloudwatch("get-metric-statistics", "--namespace", "AWS/RDS",
                                "--metric-name", "FreeStorageSpace", "--dimensions", dimension,
                                "--start-time", "2026-01-05T02:00:00Z", "--end-time", end,
                                "--period", "3600", "--statistics", "Minimum", "Maximum")
        self.assertGreaterEqual(len(stats["Datapoints"]), 4)
        for point in stats["Datapoints"]:
            self.assertEqual(point["Unit"], "Bytes")
            self.assertLess(point["Maximum"], 50 * 2**30)
            self.assertGreater(point["Minimum"], 45 * 2**30)

        with tempfile.NamedTemporaryFile("w", suffix=".json") as queries:
            json.dump([{"Id": "cpu", "MetricStat": {"Metric": {
                "Namespace": "AWS/RDS", "MetricName": "CPUUtilization",
                "Dimensions": [{"Name": "DBInstanceIdentifier", "Value": "cli-watched"}]},
                "Period": 300, "Stat": "p90"}}], queries)
            queries.flush()
            data = self.cloudwatch("get-metric-data", "--metric-data-queries", "file://" + queries.name,
                                   "--start-time", "2026-01-05T02:00:00Z", "--end-time", end)
        result = data["MetricDataResults"][0]
        self.assertEqual(result["Id"], "cpu")
        self.assertEqual(result["StatusCode"], "Complete")
        self.assertGreaterEqual(len(result["Values"]), 48)
        self.assertTrue(all(0 <= v <= 100 for v in result["Values"]))
        self.assertGreater(result["Timestamps"][0], result["Timestamps"][-1])

        # An alarm on it: unknown at first, then evaluated on the clock.
        self.cloudwatch("put-metric-alarm", "--alarm-name", "cli-cpu", "--namespace", "AWS/RDS",
                        "--metric-name", "CPUUtilization", "--dimensions", dimension,
                        "--statistic", "Average", "--period", "300", "--evaluation-periods", "1",
                        "--threshold", "95", "--comparison-operator", "GreaterThanThreshold")
        alarms = self.cloudwatch("describe-alarms", "--alarm-names", "cli-cpu")["MetricAlarms"]
        self.assertEqual(alarms[0]["StateValue"], "INSUFFICIENT_DATA")
        self.assertEqual(alarms[0]["Dimensions"], [{"Name": "DBInstanceIdentifier",
                                                    "Value": "cli-watched"}])
        self.simd.advance(10 * MINUTE)
        alarms = self.cloudwatch("describe-alarms", "--state-value", "OK")["MetricAlarms"]
        self.assertEqual([a["AlarmName"] for a in alarms], ["cli-cpu"])
        self.assertTrue(alarms[0]["StateReason"].startswith("Threshold Crossed: 1 datapoint ["))
        self.cloudwatch("set-alarm-state", "--alarm-name", "cli-cpu", "--state-value", "ALARM",
                        "--state-reason", "A drill")
        history = self.cloudwatch("describe-alarm-history", "--alarm-name", "cli-cpu")
        summaries = [item["HistorySummary"] for item in history["AlarmHistoryItems"]]
        self.assertEqual(summaries, ["Alarm updated from OK to ALARM",
                                     "Alarm updated from INSUFFICIENT_DATA to OK",
                                     'Alarm "cli-cpu" created'])
        for_metric = self.cloudwatch("describe-alarms-for-metric", "--namespace", "AWS/RDS",
                                     "--metric-name", "CPUUtilization", "--dimensions", dimension)
        self.assertEqual(len(for_metric["MetricAlarms"]), 1)
        self.cloudwatch("delete-alarms", "--alarm-names", "cli-cpu")
        self.assertEqual(self.cloudwatch("describe-alarms")["MetricAlarms"], [])

    def test_6_snapshot_copy_and_share(self):
        self.aws("create-db-instance", "--db-instance-identifier", "cli-snap-db",
                 "--db-instance-class", "db.t3.micro", "--engine", "mysql",
                 "--master-username", "admin", "--master-user-password", "cli-Passw0rd",
                 "--allocated-storage", "20")
        self.simd.advance(20 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-snap-db")
        self.aws("create-db-snapshot", "--db-instance-identifier", "cli-snap-db",
                 "--db-snapshot-identifier", "cli-snap-base", "--tags", "Key=team,Value=data")
        self.simd.advance(10 * MINUTE)
        self.aws("wait", "db-snapshot-available", "--db-snapshot-identifier", "cli-snap-base")
        base = self.aws("describe-db-snapshots", "--db-snapshot-identifier", "cli-snap-base")["DBSnapshots"][0]

        # In the Region, encrypted on the way.
        copied = self.aws("copy-db-snapshot", "--source-db-snapshot-identifier", "cli-snap-base",
                          "--target-db-snapshot-identifier", "cli-snap-copy", "--copy-tags",
                          "--kms-key-id", "alias/aws/rds")["DBSnapshot"]
        self.assertEqual(copied["Status"], "creating")
        self.assertTrue(copied["Encrypted"])
        self.assertEqual(copied["SourceDBSnapshotIdentifier"], base["DBSnapshotArn"])
        self.assertEqual(copied["TagList"], [{"Key": "team", "Value": "data"}])
        self.simd.advance(15 * MINUTE)
        self.aws("wait", "db-snapshot-available", "--db-snapshot-identifier", "cli-snap-copy")

        # Across Regions: the CLI presigns the request of the source's Region.
        remote = self.aws("copy-db-snapshot", "--source-db-snapshot-identifier", base["DBSnapshotArn"],
                          "--target-db-snapshot-identifier", "cli-snap-west",
                          "--source-region", "us-east-1", "--region", "us-west-2")["DBSnapshot"]
        self.assertEqual(remote["Status"], "pending")
        self.assertEqual(remote["SourceRegion"], "us-east-1")
        self.assertFalse(remote["Encrypted"])
        self.simd.advance(2 * 60 * MINUTE)
        self.aws("wait", "db-snapshot-available", "--db-snapshot-identifier", "cli-snap-west",
                 "--region", "us-west-2")

        copy_arn = copied["DBSnapshotArn"]
        self.aws_error("InvalidParameterValue", "copy-db-snapshot", "--source-db-snapshot-identifier",
                       copy_arn, "--target-db-snapshot-identifier", "cli-enc-west",
                       "--source-region", "us-east-1", "--region", "us-west-2")
        self.aws_error("KMSKeyNotAccessibleFault", "copy-db-snapshot", "--source-db-snapshot-identifier",
                       copy_arn, "--target-db-snapshot-identifier", "cli-enc-west",
                       "--kms-key-id", copied["KmsKeyId"],
                       "--source-region", "us-east-1", "--region", "us-west-2")
        self.aws_error("DBSnapshotAlreadyExists", "copy-db-snapshot", "--source-db-snapshot-identifier",
                       "cli-snap-base", "--target-db-snapshot-identifier", "cli-snap-copy")
        self.aws_error("DBSnapshotNotFound", "copy-db-snapshot", "--source-db-snapshot-identifier",
                       "cli-nothing", "--target-db-snapshot-identifier", "cli-x")

        # Sharing the unencrypted one; the one with the AWS managed key can't be.
        shared = self.aws("modify-db-snapshot-attribute", "--db-snapshot-identifier", "cli-snap-base",
                          "--attribute-name", "restore", "--values-to-add", "111122223333", "all")
        self.assertEqual(shared["DBSnapshotAttributesResult"],
                         {"DBSnapshotIdentifier": "cli-snap-base",
                          "DBSnapshotAttributes": [{"AttributeName": "restore",
                                                    "AttributeValues": ["111122223333", "all"]}]})
        self.aws("modify-db-snapshot-attribute", "--db-snapshot-identifier", "cli-snap-base",
                 "--attribute-name", "restore", "--values-to-remove", "all")
        described = self.aws("describe-db-snapshot-attributes", "--db-snapshot-identifier", "cli-snap-base")
        self.assertEqual(described["DBSnapshotAttributesResult"]["DBSnapshotAttributes"][0]["AttributeValues"],
                         ["111122223333"])
        self.aws_error("InvalidParameterValue", "modify-db-snapshot-attribute", "--db-snapshot-identifier",
                       "cli-snap-copy", "--attribute-name", "restore", "--values-to-add", "111122223333")
        self.aws_error("SharedSnapshotQuotaExceeded", "modify-db-snapshot-attribute",
                       "--db-snapshot-identifier", "cli-snap-base", "--attribute-name", "restore",
                       "--values-to-add", *["%012d" % (300000000000 + i) for i in range(20)])
        self.aws_error("DBSnapshotNotFound", "describe-db-snapshot-attributes",
                       "--db-snapshot-identifier", "cli-nothing")

        # Deleting a copy under way cancels it.
        self.aws("copy-db-snapshot", "--source-db-snapshot-identifier", "cli-snap-base",
                 "--target-db-snapshot-identifier", "cli-snap-doomed")
        self.assertEqual(self.aws("delete-db-snapshot", "--db-snapshot-identifier", "cli-snap-doomed")
                         ["DBSnapshot"]["Status"], "deleted")
        self.aws_error("DBSnapshotNotFound", "describe-db-snapshots", "--db-snapshot-identifier",
                       "cli-snap-doomed")


    def kms(self, *args):
        command = [AWS, "kms", *args, "--endpoint-url", self.simd.url, "--output", "json"]
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            self.fail("aws kms %s failed (%d): %s" % (" ".join(args), result.returncode, result.stderr))
        return json.loads(result.stdout) if result.stdout.strip() else None

    def kms_error(self, code, *args):
        command = [AWS, "kms", *args, "--endpoint-url", self.simd.url, "--output", "json"]
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 254, result.stderr)
        self.assertIn("An error occurred (%s)" % code, result.stderr)
        return result.stderr

    def test_7_kms(self):
        key = self.kms("create-key", "--description", "cli key", "--tags",
                       "TagKey=team,TagValue=cli")["KeyMetadata"]
        key_id = key["KeyId"]
        self.assertEqual(key["KeyState"], "Enabled")
        self.assertEqual(key["Description"], "cli key")
        self.assertTrue(key["CreationDate"].startswith("2026-01-05T"))
        self.assertEqual(self.kms("describe-key", "--key-id", key["Arn"])["KeyMetadata"]["KeyId"], key_id)
        self.kms_error("UnsupportedOperationException", "create-key", "--key-spec", "RSA_2048")

        keys = self.kms("list-keys")["Keys"]
        self.assertIn(key_id, [k["KeyId"] for k in keys])
        self.assertEqual(len(keys), 2)
        self.assertEqual(len(self.kms("list-keys", "--page-size", "1")["Keys"]), 2)
        self.kms_error("InvalidMarkerException", "list-keys", "--marker", "nonsense")

        # Aliases.
        self.kms("create-alias", "--alias-name", "alias/cli", "--target-key-id", key_id)
        self.kms_error("AlreadyExistsException", "create-alias", "--alias-name", "alias/cli",
                       "--target-key-id", key_id)
        self.kms_error("NotAuthorizedException", "create-alias", "--alias-name", "alias/aws/cli",
                       "--target-key-id", key_id)
        self.kms_error("ValidationException", "create-alias", "--alias-name", "cli",
                       "--target-key-id", key_id)
        other = self.kms("create-key")["KeyMetadata"]["KeyId"]
        self.kms("update-alias", "--alias-name", "alias/cli", "--target-key-id", other)
        aliases = self.kms("list-aliases", "--key-id", other)["Aliases"]
        self.assertEqual([a["AliasName"] for a in aliases], ["alias/cli"])
        self.assertEqual(aliases[0]["TargetKeyId"], other)
        names = [a["AliasName"] for a in self.kms("list-aliases")["Aliases"]]
        self.assertEqual(names, ["alias/aws/rds", "alias/cli"])
        self.kms("delete-alias", "--alias-name", "alias/cli")
        self.kms_error("NotFoundException", "delete-alias", "--alias-name", "alias/cli")
        self.kms_error("NotFoundException", "describe-key", "--key-id", "alias/cli")
        self.kms_error("InvalidArnException", "describe-key", "--key-id", "arn:aws:kms:us-east-1:1:thing")

        # Tags.
        self.kms("tag-resource", "--key-id", key_id, "--tags", "TagKey=env,TagValue=test")
        self.kms("untag-resource", "--key-id", key_id, "--tag-keys", "team")
        self.assertEqual(self.kms("list-resource-tags", "--key-id", key_id)["Tags"],
                         [{"TagKey": "env", "TagValue": "test"}])
        self.kms_error("TagException", "tag-resource", "--key-id", key_id, "--tags",
                       "TagKey=aws:reserved,TagValue=x")

        # RDS's own key, and its limits.
        managed = self.kms("describe-key", "--key-id", "alias/aws/rds")["KeyMetadata"]
        self.assertEqual(managed["KeyManager"], "AWS")
        self.kms_error("AccessDeniedException", "disable-key", "--key-id", "alias/aws/rds")
        self.kms_error("AccessDeniedException", "schedule-key-deletion", "--key-id", managed["KeyId"])

        # Enable, disable; RDS refuses a disabled key.
        self.kms("disable-key", "--key-id", key_id)
        self.assertEqual(self.kms("describe-key", "--key-id", key_id)["KeyMetadata"]["KeyState"], "Disabled")
        self.aws_error("KMSKeyNotAccessibleFault", "create-db-instance", "--db-instance-identifier",
                       "cli-kms-db", "--db-instance-class", "db.t3.micro", "--engine", "postgres",
                       "--master-username", "pg", "--master-user-password", "cli-Passw0rd",
                       "--allocated-storage", "20", "--storage-encrypted", "--kms-key-id", key_id)
        self.kms("enable-key", "--key-id", key_id)
        created = self.aws("create-db-instance", "--db-instance-identifier", "cli-kms-db",
                           "--db-instance-class", "db.t3.micro", "--engine", "postgres",
                           "--master-username", "pg", "--master-user-password", "cli-Passw0rd",
                           "--allocated-storage", "20", "--storage-encrypted",
                           "--kms-key-id", key_id)["DBInstance"]
        self.assertEqual(created["KmsKeyId"], key["Arn"])

        # Deletion: scheduled, cancelled, and the window's bounds.
        self.kms_error("ValidationException", "schedule-key-deletion", "--key-id", other,
                       "--pending-window-in-days", "31")
        scheduled = self.kms("schedule-key-deletion", "--key-id", other, "--pending-window-in-days", "7")
        self.assertEqual(scheduled["KeyState"], "PendingDeletion")
        self.assertEqual(scheduled["PendingWindowInDays"], 7)
        self.kms_error("KMSInvalidStateException", "disable-key", "--key-id", other)
        self.kms("cancel-key-deletion", "--key-id", other)
        self.assertEqual(self.kms("describe-key", "--key-id", other)["KeyMetadata"]["KeyState"], "Disabled")
        self.kms_error("KMSInvalidStateException", "cancel-key-deletion", "--key-id", other)

    # Availability and read scaling, rule by rule, through the CLI's own
    # options. Each test has its own instances; they run last, for the
    # hours their clock takes (test_7 expects keys made on the first day).

    def describe(self, identifier):
        return self.aws("describe-db-instances", "--db-instance-identifier", identifier)["DBInstances"][0]

    def event_messages(self, identifier, minutes):
        return [e["Message"] for e in self.aws("describe-events", "--source-type", "db-instance",
                                               "--source-identifier", identifier,
                                               "--duration", str(minutes))["Events"]]

    def assertInOrder(self, expected, messages):
        """The expected messages come in this order (among others)."""
        rest = iter(messages)
        self.assertEqual([message for message in expected if message not in rest], [], messages)

    def test_8a_read_replica_rules_and_limits(self):
        created = self.aws("create-db-instance", "--db-instance-identifier", "cli-src",
                           "--db-instance-class", "db.t3.micro", "--engine", "mysql",
                           "--master-username", "admin", "--master-user-password", "cli-Passw0rd",
                           "--allocated-storage", "50", "--backup-retention-period", "1")["DBInstance"]
        self.simd.advance(HOUR)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-src")
        replica = ["create-db-instance-read-replica", "--source-db-instance-identifier", "cli-src",
                   "--db-instance-identifier"]

        # Less storage than the source's; a key for an unencrypted source.
        self.assertIn("can't be less than its source's",
                      self.aws_error("InvalidParameterCombination", *replica, "cli-src-x",
                                     "--allocated-storage", "40"))
        self.assertIn("unencrypted", self.aws_error("InvalidParameterCombination", *replica, "cli-src-x",
                                                    "--kms-key-id", "alias/aws/rds"))
        self.assertIn("unencrypted", self.aws_error(
            "InvalidParameterCombination", "create-db-instance-read-replica", "--db-instance-identifier",
            "cli-src-x", "--source-db-instance-identifier", created["DBInstanceArn"],
            "--source-region", "us-east-1", "--region", "us-west-2", "--kms-key-id", "alias/aws/rds"))

        # Fifteen replicas of a MySQL source, and no more; one being created
        # can't be promoted yet.
        first = self.aws(*replica, "cli-src-r01", "--allocated-storage", "60")["DBInstance"]
        self.assertEqual((first["DBInstanceStatus"], first["AllocatedStorage"]), ("creating", 60))
        self.assertIn("not in available state", self.aws_error("InvalidDBInstanceState", "promote-read-replica",
                                                               "--db-instance-identifier", "cli-src-r01"))
        for i in range(2, 16):
            self.aws(*replica, "cli-src-r%02d" % i)
        self.assertIn("already has 15 read replicas",
                      self.aws_error("InvalidDBInstanceState", *replica, "cli-src-r16"))
        self.assertEqual(len(self.describe("cli-src")["ReadReplicaDBInstanceIdentifiers"]), 15)

        # Replicas of replicas, each with backups of its own, three levels deep.
        self.simd.advance(HOUR)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-src-r01")
        self.assertIn("Automated backups are not enabled", self.aws_error(
            "InvalidDBInstanceState", "create-db-instance-read-replica", "--db-instance-identifier", "cli-l2",
            "--source-db-instance-identifier", "cli-src-r01"))
        for source, level in (("cli-src-r01", "cli-l2"), ("cli-l2", "cli-l3")):
            self.aws("modify-db-instance", "--db-instance-identifier", source, "--backup-retention-period", "1",
                     "--apply-immediately")
            self.simd.advance(HOUR)
            self.aws("create-db-instance-read-replica", "--db-instance-identifier", level,
                     "--source-db-instance-identifier", source)
            self.simd.advance(HOUR)
        self.aws("modify-db-instance", "--db-instance-identifier", "cli-l3", "--backup-retention-period", "1",
                 "--apply-immediately")
        self.simd.advance(HOUR)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-l3")
        self.assertIn("at most 3 levels deep", self.aws_error(
            "InvalidDBInstanceState", "create-db-instance-read-replica", "--db-instance-identifier", "cli-l4",
            "--source-db-instance-identifier", "cli-l3"))

    def test_8b_read_replica_sql_server(self):
        created = self.aws("create-db-instance", "--db-instance-identifier", "cli-mssql",
                           "--db-instance-class", "db.m5.large", "--engine", "sqlserver-se",
                           "--license-model", "license-included", "--master-username", "admin",
                           "--master-user-password", "cli-Passw0rd", "--allocated-storage", "20")["DBInstance"]
        self.simd.advance(HOUR)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-mssql")

        # Not in another Region; five in its own, none of a replica.
        self.assertIn("SQL Server", self.aws_error(
            "InvalidParameterCombination", "create-db-instance-read-replica", "--db-instance-identifier",
            "cli-mssql-west", "--source-db-instance-identifier", created["DBInstanceArn"],
            "--source-region", "us-east-1", "--region", "us-west-2"))
        for i in range(5):
            self.aws("create-db-instance-read-replica", "--db-instance-identifier", "cli-mssql-r%d" % i,
                     "--source-db-instance-identifier", "cli-mssql")
        self.assertIn("already has 5 read replicas", self.aws_error(
            "InvalidDBInstanceState", "create-db-instance-read-replica", "--db-instance-identifier",
            "cli-mssql-r5", "--source-db-instance-identifier", "cli-mssql"))
        self.simd.advance(2 * HOUR)
        self.aws("modify-db-instance", "--db-instance-identifier", "cli-mssql-r0",
                 "--backup-retention-period", "1", "--apply-immediately")
        self.simd.advance(HOUR)
        self.assertIn("can't create a read replica of a read replica", self.aws_error(
            "InvalidDBInstanceState", "create-db-instance-read-replica", "--db-instance-identifier",
            "cli-mssql-rr", "--source-db-instance-identifier", "cli-mssql-r0"))

    def test_8c_read_replica_cross_region_keys(self):
        created = self.aws("create-db-instance", "--db-instance-identifier", "cli-secret",
                           "--db-instance-class", "db.t3.micro", "--engine", "postgres",
                           "--master-username", "pg", "--master-user-password", "cli-Passw0rd",
                           "--allocated-storage", "20", "--storage-encrypted")["DBInstance"]
        self.simd.advance(HOUR)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-secret")
        west = ["create-db-instance-read-replica", "--db-instance-identifier", "cli-secret-west",
                "--source-db-instance-identifier", created["DBInstanceArn"],
                "--source-region", "us-east-1", "--region", "us-west-2"]

        # An encrypted source's replica in another Region needs a key there.
        self.assertIn("KmsKeyId is required", self.aws_error("InvalidParameterCombination", *west))
        self.aws_error("KMSKeyNotAccessibleFault", *west, "--kms-key-id", created["KmsKeyId"])
        remote = self.aws(*west, "--kms-key-id", "alias/aws/rds")["DBInstance"]
        self.assertTrue(remote["StorageEncrypted"])
        self.assertTrue(remote["KmsKeyId"].startswith("arn:aws:kms:us-west-2:"), remote["KmsKeyId"])

    def test_8d_failover_too_soon_then_single_az(self):
        created = self.aws("create-db-instance", "--db-instance-identifier", "cli-pair",
                           "--db-instance-class", "db.m5.large", "--engine", "postgres",
                           "--master-username", "pg", "--master-user-password", "cli-Passw0rd",
                           "--allocated-storage", "20", "--multi-az")["DBInstance"]
        primary, secondary = created["AvailabilityZone"], created["SecondaryAvailabilityZone"]
        self.simd.advance(HOUR)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-pair")

        # A failover, then another minutes later: RDS abandons the second
        # and only reboots.
        self.aws("reboot-db-instance", "--db-instance-identifier", "cli-pair", "--force-failover")
        self.simd.advance(5 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-pair")
        self.assertEqual(self.aws("reboot-db-instance", "--db-instance-identifier", "cli-pair",
                                  "--force-failover")["DBInstance"]["DBInstanceStatus"], "rebooting")
        self.simd.advance(5 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-pair")
        db = self.describe("cli-pair")
        self.assertEqual((db["AvailabilityZone"], db["SecondaryAvailabilityZone"]), (secondary, primary))

        # Back to Single-AZ: the standby goes, the endpoint stays.
        modified = self.aws("modify-db-instance", "--db-instance-identifier", "cli-pair", "--no-multi-az",
                            "--apply-immediately")["DBInstance"]
        self.assertEqual((modified["DBInstanceStatus"], modified["PendingModifiedValues"]),
                         ("modifying", {"MultiAZ": False}))
        self.simd.advance(30 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-pair")
        single = self.describe("cli-pair")
        self.assertFalse(single["MultiAZ"])
        self.assertNotIn("SecondaryAvailabilityZone", single)
        self.assertEqual(single["Endpoint"], db["Endpoint"])

        events = self.event_messages("cli-pair", 60)
        self.assertEqual(events.count("Abandoning user requested failover since a failover recently occurred "
                                      "on the database instance."), 1, events)
        self.assertEqual(events.count("Multi-AZ instance failover completed."), 1, events)
        self.assertInOrder(["Multi-AZ instance failover completed.",
                            "Abandoning user requested failover since a failover recently occurred on the "
                            "database instance.",
                            "Applying modification to convert to a standard (Single-AZ) DB instance.",
                            "Finished applying modification to convert to a standard (Single-AZ) DB instance."],
                           events)

    def test_8e_host_fault_fails_multi_az_over(self):
        created = self.aws("create-db-instance", "--db-instance-identifier", "cli-ha2",
                           "--db-instance-class", "db.m5.large", "--engine", "mysql",
                           "--master-username", "admin", "--master-user-password", "cli-Passw0rd",
                           "--allocated-storage", "20", "--multi-az")["DBInstance"]
        self.simd.advance(HOUR)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-ha2")
        before = self.describe("cli-ha2")

        self.simd.fail("cli-ha2", "host")
        self.assertEqual(self.describe("cli-ha2")["DBInstanceStatus"], "rebooting")
        self.simd.advance(3 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-ha2")
        after = self.describe("cli-ha2")
        self.assertEqual(after["AvailabilityZone"], created["SecondaryAvailabilityZone"])
        self.assertEqual(after["Endpoint"], before["Endpoint"])
        self.assertInOrder(["Multi-AZ instance failover started.",
                            "Multi-AZ failover to standby complete - DNS propagation may take a few minutes.",
                            "Multi-AZ instance recovery started."], self.event_messages("cli-ha2", 10))

    def test_8f_faults_single_az(self):
        created = self.aws("create-db-instance", "--db-instance-identifier", "cli-solo",
                           "--db-instance-class", "db.t3.micro", "--engine", "postgres",
                           "--master-username", "pg", "--master-user-password", "cli-Passw0rd",
                           "--allocated-storage", "20", "--availability-zone", "us-east-1f")["DBInstance"]
        self.assertEqual(created["AvailabilityZone"], "us-east-1f")
        self.simd.advance(HOUR)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-solo")

        # Its storage fails: restored from its backups, which takes a while.
        self.simd.fail("cli-solo", "storage")
        self.simd.advance(15 * MINUTE)
        self.assertEqual(self.describe("cli-solo")["DBInstanceStatus"], "rebooting")
        self.simd.advance(30 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-solo")
        self.assertInOrder(["Recovery of the DB instance has started. Recovery time will vary with the amount "
                            "of data to be recovered.",
                            "The DB instance was restored from its automated backups to its latest restorable "
                            "time; changes made after it were lost.",
                            "Recovery of the DB instance is complete."], self.event_messages("cli-solo", 50))

        # Its zone goes down: failed until the zone returns.
        self.simd.zone("us-east-1f", True)
        try:
            self.simd.advance(HOUR)
            self.assertEqual(self.describe("cli-solo")["DBInstanceStatus"], "failed")
        finally:
            self.simd.zone("us-east-1f", False)
        self.assertEqual(self.describe("cli-solo")["DBInstanceStatus"], "rebooting")
        self.simd.advance(HOUR)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-solo")
        self.assertInOrder(["DB instance shutdown.",
                            "The DB instance is unavailable: its Availability Zone us-east-1f is down. It "
                            "recovers when the zone is back; to recover sooner, restore it to a point in time "
                            "in another zone.",
                            "Recovery of the DB instance is complete."], self.event_messages("cli-solo", 130))


class SimdArguments(unittest.TestCase):
    def test_bad_listen_addresses(self):
        env = dict(os.environ, RDS_SIMD_ACCESS_KEY_ID="AKIDEXAMPLE", RDS_SIMD_SECRET_ACCESS_KEY="secret")
        with tempfile.TemporaryDirectory() as state_dir:
            for listen in ("[:9400", "[::1", ":9400", "127.0.0.1", "127.0.0.1:70000"):
                result = subprocess.run([simd_path(), "--listen", listen, "--state-dir", state_dir],
                                        env=env, capture_output=True, text=True, timeout=30)
                self.assertEqual(result.returncode, 1, "%s: %s" % (listen, result.stderr))
                self.assertIn("rds-simd: ", result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
