#!/usr/bin/python3
# test_boto3.py: boto3 drives rds-simd; every answer is checked against the model.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import sys
import urllib.error
import unittest
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from model_check import ModelChecker
from simd import ACCESS_KEY, REGION, SECRET_KEY, Simd

MINUTE = 60
HOUR = 3600


class Boto3Conformance(unittest.TestCase):
    def setUp(self):
        warnings.simplefilter("ignore", ResourceWarning)
        self.simd = Simd()
        self.checker = ModelChecker()
        self.rds = self.client()

    def tearDown(self):
        code, err = self.simd.stop()
        self.simd.close()
        self.assertEqual(code, 0, err)
        self.assertEqual(self.checker.problems, [], "answers the model does not allow")

    def client(self, secret=SECRET_KEY, key=ACCESS_KEY, region=REGION):
        client = boto3.client("rds", endpoint_url=self.simd.url, region_name=region,
                              aws_access_key_id=key, aws_secret_access_key=secret,
                              config=Config(retries={"max_attempts": 1, "mode": "standard"}))
        self.checker.attach(client)
        return client

    def assertError(self, code, status, call, **kwargs):
        with self.assertRaises(ClientError) as caught:
            call(**kwargs)
        error = caught.exception.response
        self.assertEqual(error["Error"]["Code"], code, error["Error"].get("Message"))
        self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], status)
        self.assertTrue(error["Error"]["Message"])
        self.assertTrue(error["ResponseMetadata"]["RequestId"])
        return error["Error"]["Message"]

    def create(self, identifier, **extra):
        params = dict(DBInstanceIdentifier=identifier, DBInstanceClass="db.t3.micro",
                      Engine="postgres", MasterUsername="postgres",
                      MasterUserPassword="correct-horse-battery", AllocatedStorage=20)
        params.update(extra)
        return self.rds.create_db_instance(**params)["DBInstance"]

    def describe(self, identifier):
        return self.rds.describe_db_instances(DBInstanceIdentifier=identifier)["DBInstances"][0]

    def wait_available(self, identifier):
        # The clock moved already: the waiter's first poll sees it done.
        self.rds.get_waiter("db_instance_available").wait(
            DBInstanceIdentifier=identifier, WaiterConfig={"Delay": 1, "MaxAttempts": 1})

    def test_lifecycle(self):
        created = self.create("shop-db", MultiAZ=True, StorageType="gp3", AllocatedStorage=100,
                              MaxAllocatedStorage=500, DeletionProtection=True,
                              Tags=[{"Key": "team", "Value": "shop"}])
        self.assertEqual(created["DBInstanceStatus"], "creating")
        self.assertTrue(created["MultiAZ"])
        self.assertNotEqual(created["AvailabilityZone"], created["SecondaryAvailabilityZone"])
        self.assertEqual(created["PendingModifiedValues"], {"MasterUserPassword": "****"})
        self.assertEqual(created["Iops"], 3000)
        self.assertEqual(created["StorageThroughput"], 125)
        self.assertNotIn("Endpoint", created)

        self.simd.advance(30 * MINUTE)
        self.wait_available("shop-db")
        db = self.describe("shop-db")
        self.assertEqual(db["Endpoint"]["Port"], 5432)
        self.assertTrue(db["Endpoint"]["Address"].startswith("shop-db."))
        self.assertEqual(db["TagList"], [{"Key": "team", "Value": "shop"}])
        self.assertIn("LatestRestorableTime", db)

        # Modify, waiting for the window...
        modified = self.rds.modify_db_instance(DBInstanceIdentifier="shop-db",
                                               DBInstanceClass="db.m5.large")["DBInstance"]
        self.assertEqual(modified["DBInstanceStatus"], "available")
        self.assertEqual(modified["PendingModifiedValues"]["DBInstanceClass"], "db.m5.large")

        # ...or now.
        modified = self.rds.modify_db_instance(DBInstanceIdentifier="shop-db",
                                               AllocatedStorage=200,
                                               ApplyImmediately=True)["DBInstance"]
        self.assertEqual(modified["DBInstanceStatus"], "modifying")
        self.assertEqual(modified["PendingModifiedValues"]["AllocatedStorage"], 200)
        self.assertEqual(modified["PendingModifiedValues"]["DBInstanceClass"], "db.m5.large")
        self.simd.advance(30 * MINUTE)
        db = self.describe("shop-db")
        self.assertEqual(db["DBInstanceStatus"], "storage-optimization")
        self.assertEqual(db["DBInstanceClass"], "db.m5.large")
        self.assertEqual(db["AllocatedStorage"], 200)
        self.assertEqual(db["PendingModifiedValues"], {})
        self.simd.advance(4 * HOUR)

        # Reboot with failover swaps the zones.
        rebooting = self.rds.reboot_db_instance(DBInstanceIdentifier="shop-db",
                                                ForceFailover=True)["DBInstance"]
        self.assertEqual(rebooting["DBInstanceStatus"], "rebooting")
        self.simd.advance(10 * MINUTE)
        after = self.describe("shop-db")
        self.assertEqual(after["AvailabilityZone"], db["SecondaryAvailabilityZone"])

        # Stop, start.
        self.assertEqual(self.rds.stop_db_instance(DBInstanceIdentifier="shop-db")
                         ["DBInstance"]["DBInstanceStatus"], "stopping")
        self.simd.advance(10 * MINUTE)
        stopped = self.describe("shop-db")
        self.assertEqual(stopped["DBInstanceStatus"], "stopped")
        self.assertIn("AutomaticRestartTime", stopped)
        self.assertEqual(self.rds.start_db_instance(DBInstanceIdentifier="shop-db")
                         ["DBInstance"]["DBInstanceStatus"], "starting")
        self.simd.advance(10 * MINUTE)
        self.wait_available("shop-db")

        # Snapshots
        snapshot = self.rds.create_db_snapshot(DBInstanceIdentifier="shop-db",
                                               DBSnapshotIdentifier="shop-before")["DBSnapshot"]
        self.assertEqual(snapshot["Status"], "creating")
        self.simd.advance(10 * MINUTE)
        self.rds.get_waiter("db_snapshot_available").wait(
            DBSnapshotIdentifier="shop-before", WaiterConfig={"Delay": 1, "MaxAttempts": 1})
        snapshots = self.rds.describe_db_snapshots(DBInstanceIdentifier="shop-db",
                                                   SnapshotType="manual")["DBSnapshots"]
        self.assertEqual([s["DBSnapshotIdentifier"] for s in snapshots], ["shop-before"])
        # Its automated backups: the first, at creation, named for when it was taken.
        automated = self.rds.describe_db_snapshots(DBInstanceIdentifier="shop-db",
                                                   SnapshotType="automated")["DBSnapshots"]
        self.assertTrue(automated)
        self.assertTrue(all(s["DBSnapshotIdentifier"].startswith("rds:shop-db-2026-01-05-") for s in automated))
        self.assertEqual(snapshots[0]["PercentProgress"], 100)

        # Tags
        arn = db["DBInstanceArn"]
        self.rds.add_tags_to_resource(ResourceName=arn, Tags=[{"Key": "env", "Value": "prod"}])
        tags = self.rds.list_tags_for_resource(ResourceName=arn)["TagList"]
        self.assertEqual(sorted(t["Key"] for t in tags), ["env", "team"])
        self.rds.remove_tags_from_resource(ResourceName=arn, TagKeys=["team"])
        self.assertEqual(self.rds.list_tags_for_resource(ResourceName=arn)["TagList"],
                         [{"Key": "env", "Value": "prod"}])

        # Events
        events = self.rds.describe_events(SourceType="db-instance", SourceIdentifier="shop-db",
                                          Duration=24 * 60)["Events"]
        messages = [e["Message"] for e in events]
        for expected in ("DB instance created.", "Finished DB Instance backup.",
                         "DB instance restarted.", "DB instance stopped.", "DB instance started."):
            self.assertIn(expected, messages)
        self.assertTrue(all(e["SourceArn"] == arn for e in events))

        # Deleting needs protection off and a final snapshot (or not).
        self.assertError("InvalidParameterCombination", 400, self.rds.delete_db_instance,
                         DBInstanceIdentifier="shop-db", SkipFinalSnapshot=True)
        self.rds.modify_db_instance(DBInstanceIdentifier="shop-db", DeletionProtection=False)
        deleting = self.rds.delete_db_instance(DBInstanceIdentifier="shop-db",
                                               FinalDBSnapshotIdentifier="shop-final")
        self.assertEqual(deleting["DBInstance"]["DBInstanceStatus"], "deleting")
        self.simd.advance(30 * MINUTE)
        self.rds.get_waiter("db_instance_deleted").wait(
            DBInstanceIdentifier="shop-db", WaiterConfig={"Delay": 1, "MaxAttempts": 1})
        final = self.rds.describe_db_snapshots(DBSnapshotIdentifier="shop-final")["DBSnapshots"]
        self.assertEqual(final[0]["Status"], "available")
        self.rds.delete_db_snapshot(DBSnapshotIdentifier="shop-before")
        self.assertGreater(self.checker.checked, 20)

    def test_paginators(self):
        self.simd.set_quotas(DBInstances=100)
        for i in range(45):
            self.create("db-%02d" % i)
        pages = list(self.rds.get_paginator("describe_db_instances").paginate(
            PaginationConfig={"PageSize": 20}))
        self.assertEqual([len(p["DBInstances"]) for p in pages], [20, 20, 5])
        names = [d["DBInstanceIdentifier"] for p in pages for d in p["DBInstances"]]
        self.assertEqual(names, ["db-%02d" % i for i in range(45)])

        versions = self.rds.get_paginator("describe_db_engine_versions").paginate(
            PaginationConfig={"PageSize": 20})
        # 44 of RDS's engines, 9 of Aurora's.
        self.assertEqual(sum(len(p["DBEngineVersions"]) for p in versions), 53)
        options = self.rds.get_paginator("describe_orderable_db_instance_options").paginate(
            Engine="mysql", EngineVersion="8.0.41", PaginationConfig={"PageSize": 100})
        found = [o for p in options for o in p["OrderableDBInstanceOptions"]]
        self.assertEqual(len(found), 54 * 4)
        self.assertTrue(all(o["Engine"] == "mysql" for o in found))

        self.simd.advance(HOUR)
        # Each instance's own (its daily backup may have come too), page by page.
        events = self.rds.get_paginator("describe_events").paginate(
            Duration=120, SourceType="db-instance", PaginationConfig={"PageSize": 20})
        each = sum(len(self.rds.describe_events(Duration=120, SourceType="db-instance",
                                                SourceIdentifier="db-%02d" % i)["Events"]) for i in range(45))
        self.assertGreaterEqual(each, 45 * 3)
        self.assertEqual(sum(len(p["Events"]) for p in events), each)

        self.assertEqual(self.rds.describe_db_subnet_groups()["DBSubnetGroups"][0]
                         ["DBSubnetGroupName"], "default")
        groups = self.rds.describe_db_parameter_groups(DBParameterGroupName="default.mysql8.0")
        self.assertEqual(groups["DBParameterGroups"][0]["DBParameterGroupFamily"], "mysql8.0")
        self.assertEqual(len(self.rds.describe_db_security_groups()["DBSecurityGroups"]), 1)

    def test_errors(self):
        rds = self.rds
        self.create("exists")
        self.assertEqual(self.assertError("DBInstanceNotFound", 404, rds.describe_db_instances,
                                          DBInstanceIdentifier="nope"),
                         "DBInstance nope not found.")
        self.assertError("DBInstanceAlreadyExists", 400, self.create, identifier="exists")
        self.assertError("InvalidParameterValue", 400, self.create, identifier="9lives")
        self.assertError("InvalidParameterValue", 400, self.create, identifier="pw",
                         MasterUserPassword="short")
        self.assertError("InvalidParameterCombination", 400, self.create, identifier="tiny",
                         AllocatedStorage=5)
        self.assertError("InvalidParameterCombination", 400, self.create, identifier="az",
                         MultiAZ=True, AvailabilityZone="us-east-1a")
        self.assertError("KMSKeyNotAccessibleFault", 400, self.create, identifier="kms",
                         StorageEncrypted=True, KmsKeyId="alias/nobody")
        self.assertError("DBParameterGroupNotFound", 404, self.create, identifier="pg",
                         DBParameterGroupName="tuned")
        self.assertError("DBSubnetGroupNotFoundFault", 404, self.create, identifier="sn",
                         DBSubnetGroupName="private")
        self.assertError("InvalidDBInstanceState", 400, rds.start_db_instance,
                         DBInstanceIdentifier="exists")
        self.assertError("InvalidDBInstanceState", 400, rds.reboot_db_instance,
                         DBInstanceIdentifier="exists")
        self.assertError("InvalidParameterCombination", 400, rds.delete_db_instance,
                         DBInstanceIdentifier="exists")
        self.assertError("DBSnapshotNotFound", 404, rds.describe_db_snapshots,
                         DBSnapshotIdentifier="nothing")
        self.assertError("DBSnapshotNotFound", 404, rds.delete_db_snapshot,
                         DBSnapshotIdentifier="nothing")
        self.assertError("InvalidParameterValue", 400, rds.describe_db_instances, MaxRecords=5)
        self.assertError("InvalidParameterValue", 400, rds.list_tags_for_resource,
                         ResourceName="arn:aws:rds:eu-west-1:1:db:exists")

        self.simd.advance(HOUR)
        rds.create_db_snapshot(DBInstanceIdentifier="exists", DBSnapshotIdentifier="twice")
        self.assertError("DBSnapshotAlreadyExists", 400, rds.create_db_snapshot,
                         DBInstanceIdentifier="exists", DBSnapshotIdentifier="twice")
        self.assertError("InvalidDBSnapshotState", 400, rds.delete_db_snapshot,
                         DBSnapshotIdentifier="twice")

        self.simd.set_quotas(DBInstances=1)
        self.assertError("InstanceQuotaExceeded", 400, self.create, identifier="second")
        self.simd.set_quotas(DBInstances=40, AllocatedStorage=30)
        self.assertError("StorageQuotaExceeded", 400, self.create, identifier="second")

        # Signatures
        self.assertError("SignatureDoesNotMatch", 403, self.client(secret="wrong").describe_db_instances)
        self.assertError("InvalidClientTokenId", 403, self.client(key="AKIDWHO").describe_db_instances)

        # A failed request changed nothing.
        names = [d["DBInstanceIdentifier"] for d in rds.describe_db_instances()["DBInstances"]]
        self.assertEqual(names, ["exists"])

    def test_regions(self):
        self.create("seoul-db")
        self.assertEqual(len(self.rds.describe_db_instances()["DBInstances"]), 1)
        away = self.client(region="ap-northeast-2")
        self.assertEqual(away.describe_db_instances()["DBInstances"], [])
        self.create("tokyo-db")
        self.assertEqual(away.describe_db_instances()["DBInstances"], [])
        zones = {o["Name"] for o in away.describe_orderable_db_instance_options(
            Engine="postgres", DBInstanceClass="db.t3.micro", MaxRecords=20)
                 ["OrderableDBInstanceOptions"][0]["AvailabilityZones"]}
        self.assertEqual(zones, {"ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c",
                                 "ap-northeast-2d"})

    def test_snapshot_copy_and_share(self):
        rds = self.rds
        self.create("snap-db", AllocatedStorage=50)
        self.simd.advance(30 * MINUTE)
        rds.create_db_snapshot(DBInstanceIdentifier="snap-db", DBSnapshotIdentifier="snap-base",
                               Tags=[{"Key": "team", "Value": "data"}])
        self.simd.advance(10 * MINUTE)
        base = rds.describe_db_snapshots(DBSnapshotIdentifier="snap-base")["DBSnapshots"][0]
        self.assertEqual(base["Status"], "available")

        # In its Region: a manual snapshot that names its source, creating, then available.
        copied = rds.copy_db_snapshot(SourceDBSnapshotIdentifier="snap-base",
                                      TargetDBSnapshotIdentifier="snap-copy", CopyTags=True,
                                      Tags=[{"Key": "copy", "Value": "yes"}])["DBSnapshot"]
        self.assertEqual(copied["Status"], "creating")
        self.assertEqual(copied["SnapshotType"], "manual")
        self.assertEqual(copied["PercentProgress"], 0)
        self.assertEqual(copied["SourceDBSnapshotIdentifier"], base["DBSnapshotArn"])
        self.assertEqual(copied["SourceRegion"], REGION)
        self.assertEqual(copied["OriginalSnapshotCreateTime"], base["OriginalSnapshotCreateTime"])
        self.assertEqual(sorted(t["Key"] for t in copied["TagList"]), ["copy", "team"])
        self.assertFalse(copied["Encrypted"])
        self.simd.advance(15 * MINUTE)
        rds.get_waiter("db_snapshot_available").wait(
            DBSnapshotIdentifier="snap-copy", WaiterConfig={"Delay": 1, "MaxAttempts": 1})
        events = [e["Message"] for e in rds.describe_events(
            SourceType="db-snapshot", SourceIdentifier="snap-copy", Duration=60)["Events"]]
        self.assertEqual(events, ["Started copy of snapshot snap-base in region us-east-1.",
                                  "Finished copy of snapshot snap-base."])

        # Across Regions, asked of the destination (boto3 presigns the source's
        # request), encrypted on the way with a key of the destination.
        west = self.client(region="us-west-2")
        remote = west.copy_db_snapshot(SourceDBSnapshotIdentifier=base["DBSnapshotArn"],
                                       TargetDBSnapshotIdentifier="snap-west", KmsKeyId="alias/aws/rds",
                                       SourceRegion=REGION)["DBSnapshot"]
        self.assertEqual(remote["Status"], "pending")
        self.assertTrue(remote["Encrypted"])
        self.assertTrue(remote["KmsKeyId"].startswith("arn:aws:kms:us-west-2:"))
        self.assertEqual(remote["SourceRegion"], REGION)
        self.simd.advance(2 * HOUR)
        west.get_waiter("db_snapshot_available").wait(
            DBSnapshotIdentifier="snap-west", WaiterConfig={"Delay": 1, "MaxAttempts": 1})
        events = [e["Message"] for e in west.describe_events(
            SourceType="db-snapshot", SourceIdentifier="snap-west", Duration=180)["Events"]]
        self.assertEqual(events[0], "Started copy of snapshot snap-base from region us-east-1.")
        self.assertTrue(events[-1].startswith("Finished copy of snapshot snap-base from region us-east-1 in "))

        # The errors of each rule.
        self.assertError("DBSnapshotAlreadyExists", 400, rds.copy_db_snapshot,
                         SourceDBSnapshotIdentifier="snap-base", TargetDBSnapshotIdentifier="snap-copy")
        self.assertError("DBSnapshotNotFound", 404, rds.copy_db_snapshot,
                         SourceDBSnapshotIdentifier="nothing", TargetDBSnapshotIdentifier="x")
        west_arn = west.describe_db_snapshots(DBSnapshotIdentifier="snap-west")["DBSnapshots"][0]["DBSnapshotArn"]
        message = self.assertError("InvalidParameterValue", 400, rds.copy_db_snapshot,
                                   SourceDBSnapshotIdentifier=west_arn, TargetDBSnapshotIdentifier="back",
                                   SourceRegion="us-west-2")
        self.assertIn("KMS key", message)
        self.assertError("KMSKeyNotAccessibleFault", 400, rds.copy_db_snapshot,
                         SourceDBSnapshotIdentifier="snap-base", TargetDBSnapshotIdentifier="x",
                         KmsKeyId="alias/nobody")
        rds.create_db_snapshot(DBInstanceIdentifier="snap-db", DBSnapshotIdentifier="snap-busy")
        self.assertError("InvalidDBSnapshotState", 400, rds.copy_db_snapshot,
                         SourceDBSnapshotIdentifier="snap-busy", TargetDBSnapshotIdentifier="x")
        self.simd.set_quotas(ManualSnapshots=3)
        self.assertError("SnapshotQuotaExceeded", 400, rds.copy_db_snapshot,
                         SourceDBSnapshotIdentifier="snap-base", TargetDBSnapshotIdentifier="x")
        self.simd.set_quotas(ManualSnapshots=100)

        # Deleting a copy under way cancels it.
        rds.copy_db_snapshot(SourceDBSnapshotIdentifier="snap-base", TargetDBSnapshotIdentifier="snap-doomed")
        self.assertEqual(rds.delete_db_snapshot(DBSnapshotIdentifier="snap-doomed")["DBSnapshot"]["Status"],
                         "deleted")
        self.assertError("DBSnapshotNotFound", 404, rds.describe_db_snapshots,
                         DBSnapshotIdentifier="snap-doomed")
        events = [e["Message"] for e in rds.describe_events(
            SourceType="db-snapshot", SourceIdentifier="snap-doomed", Duration=60)["Events"]]
        self.assertIn("Canceled snapshot copy request of snap-base.", events)

        # Sharing: accounts, then public, then back.
        def restore(answer):
            result = answer["DBSnapshotAttributesResult"]
            self.assertEqual(result["DBSnapshotIdentifier"], "snap-copy")
            self.assertEqual([a["AttributeName"] for a in result["DBSnapshotAttributes"]], ["restore"])
            return result["DBSnapshotAttributes"][0]["AttributeValues"]

        self.assertEqual(restore(rds.describe_db_snapshot_attributes(DBSnapshotIdentifier="snap-copy")), [])
        self.assertEqual(restore(rds.modify_db_snapshot_attribute(
            DBSnapshotIdentifier="snap-copy", AttributeName="restore",
            ValuesToAdd=["111122223333", "444455556666"])), ["111122223333", "444455556666"])
        self.assertEqual(restore(rds.modify_db_snapshot_attribute(
            DBSnapshotIdentifier="snap-copy", AttributeName="restore", ValuesToAdd=["all"])),
            ["111122223333", "444455556666", "all"])
        public = rds.describe_db_snapshots(SnapshotType="public", IncludePublic=True)["DBSnapshots"]
        self.assertEqual([s["DBSnapshotIdentifier"] for s in public], ["snap-copy"])
        self.assertEqual(rds.describe_db_snapshots(SnapshotType="shared", IncludeShared=True)["DBSnapshots"], [])
        self.assertEqual(restore(rds.modify_db_snapshot_attribute(
            DBSnapshotIdentifier="snap-copy", AttributeName="restore",
            ValuesToRemove=["all", "444455556666"])), ["111122223333"])

        self.assertError("SharedSnapshotQuotaExceeded", 400, rds.modify_db_snapshot_attribute,
                         DBSnapshotIdentifier="snap-copy", AttributeName="restore",
                         ValuesToAdd=["%012d" % (200000000000 + i) for i in range(20)])
        self.assertError("InvalidParameterValue", 400, rds.modify_db_snapshot_attribute,
                         DBSnapshotIdentifier="snap-copy", AttributeName="restore", ValuesToAdd=["12345"])
        self.assertError("InvalidParameterValue", 400, rds.modify_db_snapshot_attribute,
                         DBSnapshotIdentifier="snap-copy", AttributeName="copy", ValuesToAdd=["111122223333"])
        self.assertError("DBSnapshotNotFound", 404, rds.describe_db_snapshot_attributes,
                         DBSnapshotIdentifier="nothing")
        # Encrypted with the AWS managed key: not shareable; and never public.
        message = self.assertError("InvalidParameterValue", 400, west.modify_db_snapshot_attribute,
                                   DBSnapshotIdentifier="snap-west", AttributeName="restore",
                                   ValuesToAdd=["111122223333"])
        self.assertIn("alias/aws/rds", message)
        self.assertError("InvalidParameterValue", 400, west.modify_db_snapshot_attribute,
                         DBSnapshotIdentifier="snap-west", AttributeName="restore", ValuesToAdd=["all"])

        # An acknowledged copy and share survive kill -9.
        rds.copy_db_snapshot(SourceDBSnapshotIdentifier="snap-base", TargetDBSnapshotIdentifier="snap-durable")
        self.simd.kill()
        self.simd.start()
        rds = self.rds = self.client()
        durable = rds.describe_db_snapshots(DBSnapshotIdentifier="snap-durable")["DBSnapshots"][0]
        self.assertEqual(durable["Status"], "creating")
        self.assertEqual(restore(rds.describe_db_snapshot_attributes(DBSnapshotIdentifier="snap-copy")),
                         ["111122223333"])
        self.simd.advance(30 * MINUTE)
        rds.get_waiter("db_snapshot_available").wait(
            DBSnapshotIdentifier="snap-durable", WaiterConfig={"Delay": 1, "MaxAttempts": 1})

    def test_account_quotas(self):
        def quotas(client):
            return {q["AccountQuotaName"]: (q["Used"], q["Max"])
                    for q in client.describe_account_attributes()["AccountQuotas"]}

        self.assertEqual(quotas(self.rds), {"DBInstances": (0, 40), "AllocatedStorage": (0, 100000),
                                            "ManualSnapshots": (0, 100), "DBClusters": (0, 40),
                                            "ManualClusterSnapshots": (0, 100)})
        self.create("counted", AllocatedStorage=50)
        self.rds.create_db_cluster(DBClusterIdentifier="counted-cluster", Engine="aurora-postgresql",
                                   MasterUsername="dbadmin", MasterUserPassword="correct-horse-battery")
        self.simd.advance(HOUR)
        self.rds.create_db_snapshot(DBInstanceIdentifier="counted", DBSnapshotIdentifier="kept")
        self.rds.create_db_cluster_snapshot(DBClusterIdentifier="counted-cluster", DBClusterSnapshotIdentifier="kept")
        self.assertEqual(quotas(self.rds), {"DBInstances": (1, 40), "AllocatedStorage": (50, 100000),
                                            "ManualSnapshots": (1, 100), "DBClusters": (1, 40),
                                            "ManualClusterSnapshots": (1, 100)})
        # Quotas are per Region.
        self.assertEqual(quotas(self.client(region="eu-west-1"))["DBInstances"], (0, 40))

    def test_restart_keeps_everything(self):
        self.create("kept", Tags=[{"Key": "k", "Value": "v"}])
        self.simd.advance(HOUR)
        before = self.describe("kept")
        code, err = self.simd.stop()
        self.assertEqual(code, 0, err)
        self.simd.start()
        self.rds = self.client()
        after = self.describe("kept")
        self.assertEqual(before, after)
        state = self.simd.control("GET", "state")
        self.assertTrue(state["paused"])
        self.assertEqual(state["time"], "2026-01-05T01:00:00.000Z")

    def cloudwatch(self):
        checker = ModelChecker("cloudwatch")
        client = boto3.client("cloudwatch", endpoint_url=self.simd.url, region_name=REGION,
                              aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
                              config=Config(retries={"max_attempts": 1, "mode": "standard"}))
        checker.attach(client)
        def check():
            self.assertGreater(checker.checked, 0)
            self.assertEqual(checker.problems, [], "CloudWatch answers the model does not allow")
        self.addCleanup(check)
        return client

    def test_availability(self):
        # Converting to Multi-AZ: no downtime, the standby built in steps.
        self.create("ha-db", DBInstanceClass="db.m5.large", BackupRetentionPeriod=3)
        self.simd.advance(20 * MINUTE)
        self.wait_available("ha-db")
        modified = self.rds.modify_db_instance(DBInstanceIdentifier="ha-db", MultiAZ=True,
                                               ApplyImmediately=True)["DBInstance"]
        self.assertEqual(modified["DBInstanceStatus"], "modifying")
        self.assertFalse(modified["MultiAZ"])
        self.assertEqual(modified["PendingModifiedValues"], {"MultiAZ": True})
        self.assertEqual(self.simd.instance("ha-db")["standby"]["state"], "snapshot")
        self.simd.advance(40 * MINUTE)
        self.wait_available("ha-db")
        db = self.describe("ha-db")
        self.assertTrue(db["MultiAZ"])
        primary, secondary = db["AvailabilityZone"], db["SecondaryAvailabilityZone"]
        self.assertNotEqual(primary, secondary)
        self.assertEqual(self.simd.instance("ha-db")["standby"]["state"], "in-sync")

        # Reboot with failover: the zones swap, the endpoint stays.
        self.assertEqual(self.rds.reboot_db_instance(DBInstanceIdentifier="ha-db", ForceFailover=True)
                         ["DBInstance"]["DBInstanceStatus"], "rebooting")
        self.simd.advance(5 * MINUTE)
        self.wait_available("ha-db")
        after = self.describe("ha-db")
        self.assertEqual((after["AvailabilityZone"], after["SecondaryAvailabilityZone"]), (secondary, primary))
        self.assertEqual(after["Endpoint"], db["Endpoint"])

        # Read replicas: one here, one in another Region by ARN.
        replica = self.rds.create_db_instance_read_replica(
            DBInstanceIdentifier="ha-r1", SourceDBInstanceIdentifier="ha-db")["DBInstance"]
        self.assertEqual(replica["DBInstanceStatus"], "creating")
        self.assertEqual(replica["ReadReplicaSourceDBInstanceIdentifier"], "ha-db")
        self.assertEqual(replica["BackupRetentionPeriod"], 0)
        west = self.client(region="us-west-2")
        remote = west.create_db_instance_read_replica(
            DBInstanceIdentifier="ha-west", SourceDBInstanceIdentifier=db["DBInstanceArn"],
            SourceRegion="us-east-1")["DBInstance"]
        self.assertEqual(remote["ReadReplicaSourceDBInstanceIdentifier"], db["DBInstanceArn"])
        self.assertTrue(remote["AvailabilityZone"].startswith("us-west-2"))
        self.assertEqual(sorted(self.describe("ha-db")["ReadReplicaDBInstanceIdentifiers"]),
                         sorted(["ha-r1", remote["DBInstanceArn"]]))
        self.simd.advance(30 * MINUTE)
        self.wait_available("ha-r1")
        west.get_waiter("db_instance_available").wait(DBInstanceIdentifier="ha-west",
                                                      WaiterConfig={"Delay": 1, "MaxAttempts": 1})
        self.assertEqual(self.describe("ha-r1")["StatusInfos"],
                         [{"StatusType": "read replication", "Normal": True, "Status": "replicating"}])

        # Its lag is a metric; the simulator tells it too.
        self.simd.advance(10 * MINUTE)
        cloudwatch = self.cloudwatch()
        now = datetime.datetime.strptime(self.simd.control("GET", "state")["time"],
                                         "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
        lag = cloudwatch.get_metric_statistics(
            Namespace="AWS/RDS", MetricName="ReplicaLag", Period=60, Statistics=["Maximum"],
            Dimensions=[{"Name": "DBInstanceIdentifier", "Value": "ha-r1"}],
            StartTime=now - datetime.timedelta(minutes=10), EndTime=now)["Datapoints"]
        self.assertTrue(lag)
        self.assertTrue(all(0 <= p["Maximum"] < 60 for p in lag), lag)
        self.assertEqual(self.simd.instance("ha-r1")["replication"]["state"], "replicating")

        # The errors of each rule.
        self.assertError("InvalidParameterCombination", 400, self.rds.reboot_db_instance,
                         DBInstanceIdentifier="ha-r1", ForceFailover=True)
        self.assertError("DBInstanceNotFound", 404, self.rds.create_db_instance_read_replica,
                         DBInstanceIdentifier="x", SourceDBInstanceIdentifier="nobody")
        self.assertError("DBSubnetGroupNotAllowedFault", 400, self.rds.create_db_instance_read_replica,
                         DBInstanceIdentifier="x", SourceDBInstanceIdentifier="ha-db",
                         DBSubnetGroupName="default")
        self.assertError("InvalidDBInstanceState", 400, self.rds.promote_read_replica,
                         DBInstanceIdentifier="ha-db")
        self.assertError("InvalidDBInstanceState", 400, self.rds.stop_db_instance,
                         DBInstanceIdentifier="ha-r1")
        self.assertError("InvalidParameterCombination", 400, self.rds.modify_db_instance,
                         DBInstanceIdentifier="ha-db", BackupRetentionPeriod=0, ApplyImmediately=True)
        self.create("no-backups", BackupRetentionPeriod=0)
        self.simd.advance(20 * MINUTE)
        message = self.assertError("InvalidDBInstanceState", 400, self.rds.create_db_instance_read_replica,
                                   DBInstanceIdentifier="x", SourceDBInstanceIdentifier="no-backups")
        self.assertIn("Automated backups are not enabled", message)

        # Promotion: modifying, rebooting, then a standalone instance.
        promoted = self.rds.promote_read_replica(DBInstanceIdentifier="ha-r1",
                                                 BackupRetentionPeriod=5)["DBInstance"]
        self.assertEqual(promoted["DBInstanceStatus"], "modifying")
        self.simd.advance(10 * MINUTE)
        self.wait_available("ha-r1")
        alone = self.describe("ha-r1")
        self.assertNotIn("ReadReplicaSourceDBInstanceIdentifier", alone)
        self.assertEqual(alone["BackupRetentionPeriod"], 5)
        self.assertEqual(self.describe("ha-db")["ReadReplicaDBInstanceIdentifiers"], [remote["DBInstanceArn"]])

        # The primary's zone goes down: it fails over by itself.
        self.simd.zone(secondary, True)
        self.assertEqual(self.describe("ha-db")["DBInstanceStatus"], "rebooting")
        self.simd.advance(3 * MINUTE)
        self.wait_available("ha-db")
        self.assertEqual(self.describe("ha-db")["AvailabilityZone"], primary)
        self.assertEqual(self.simd.control("POST", "faults", {})["zonesDown"], [secondary])
        events = [e["Message"] for e in self.rds.describe_events(
            SourceType="db-instance", SourceIdentifier="ha-db", Duration=60)["Events"]]
        self.assertIn("Multi-AZ failover to standby complete - DNS propagation may take a few minutes.",
                      events)
        self.simd.zone(secondary, False)

    # Availability and read scaling, rule by rule: what RDS refuses, and
    # what faults do, as the API shows them.

    def available(self, identifier, **extra):
        """A new DB instance, available with its first backup taken."""
        self.create(identifier, **extra)
        self.simd.advance(HOUR)
        self.wait_available(identifier)
        return self.describe(identifier)

    def replica(self, identifier, source, client=None, AllocatedStorage=None, **extra):
        client = client or self.rds
        if AllocatedStorage is not None:
            # This boto3 (2022) predates the parameter (2023); the AWS CLI
            # has it. Sent as it would send it, signed with the rest.
            def add(params, **kwargs):
                params["body"]["AllocatedStorage"] = str(AllocatedStorage)
            client.meta.events.register("before-call.rds.CreateDBInstanceReadReplica", add)
        try:
            return client.create_db_instance_read_replica(
                DBInstanceIdentifier=identifier, SourceDBInstanceIdentifier=source, **extra)["DBInstance"]
        finally:
            if AllocatedStorage is not None:
                client.meta.events.unregister("before-call.rds.CreateDBInstanceReadReplica", add)

    def events(self, identifier, minutes):
        """The DB instance's event messages over the last minutes, oldest first."""
        return [e["Message"] for e in self.rds.describe_events(
            SourceType="db-instance", SourceIdentifier=identifier, Duration=minutes)["Events"]]

    def assertInOrder(self, expected, messages):
        """The expected messages come in this order (among others)."""
        rest = iter(messages)
        missing = [message for message in expected if message not in rest]
        self.assertEqual(missing, [], messages)

    def test_read_replica_limit_of_fifteen(self):
        # PostgreSQL (as MySQL and MariaDB): 15 replicas of a source.
        self.available("many")
        for i in range(15):
            self.replica("many-r%02d" % i, "many")
        message = self.assertError("InvalidDBInstanceState", 400, self.replica,
                                   identifier="many-r15", source="many")
        self.assertIn("already has 15 read replicas", message)
        self.assertEqual(len(self.describe("many")["ReadReplicaDBInstanceIdentifiers"]), 15)
        self.assertError("DBInstanceNotFound", 404, self.describe, identifier="many-r15")

    def test_read_replica_limit_of_five_and_no_cascade_for_oracle(self):
        self.available("ora", Engine="oracle-se2", DBInstanceClass="db.m5.large", MasterUsername="admin")
        for i in range(5):
            self.replica("ora-r%d" % i, "ora")
        message = self.assertError("InvalidDBInstanceState", 400, self.replica, identifier="ora-r5", source="ora")
        self.assertIn("already has 5 read replicas", message)

        # Oracle has no replica of a replica, even one that keeps backups.
        self.simd.advance(HOUR)
        self.wait_available("ora-r0")
        self.rds.modify_db_instance(DBInstanceIdentifier="ora-r0", BackupRetentionPeriod=1,
                                    ApplyImmediately=True)
        self.simd.advance(HOUR)
        self.assertEqual(self.describe("ora-r0")["BackupRetentionPeriod"], 1)
        message = self.assertError("InvalidDBInstanceState", 400, self.replica, identifier="ora-rr",
                                   source="ora-r0")
        self.assertIn("can't create a read replica of a read replica", message)

    def test_read_replica_depth_limit(self):
        # MySQL: replicas of replicas, three levels below the primary.
        self.available("chain", Engine="mysql", MasterUsername="admin")
        source = "chain"
        for level in (1, 2, 3):
            name = "chain-%d" % level
            self.assertEqual(self.replica(name, source)["ReadReplicaSourceDBInstanceIdentifier"], source)
            self.simd.advance(HOUR)
            self.wait_available(name)
            # A replica has no backups of its own, which a source needs.
            message = self.assertError("InvalidDBInstanceState", 400, self.replica,
                                       identifier="chain-x", source=name)
            self.assertIn("Automated backups are not enabled", message)
            self.rds.modify_db_instance(DBInstanceIdentifier=name, BackupRetentionPeriod=1,
                                        ApplyImmediately=True)
            self.simd.advance(HOUR)
            self.wait_available(name)
            source = name
        message = self.assertError("InvalidDBInstanceState", 400, self.replica,
                                   identifier="chain-4", source="chain-3")
        self.assertIn("at most 3 levels deep", message)
        self.assertEqual(self.describe("chain-3")["ReadReplicaDBInstanceIdentifiers"], [])

    def test_read_replica_storage_encryption_and_state_rules(self):
        west = self.client(region="us-west-2")
        plain = self.available("plain", AllocatedStorage=50)

        message = self.assertError("InvalidParameterCombination", 400, self.replica, identifier="small",
                                   source="plain", AllocatedStorage=40)
        self.assertIn("can't be less than its source's", message)
        message = self.assertError("InvalidParameterCombination", 400, self.replica, identifier="keyed",
                                   source="plain", KmsKeyId="alias/aws/rds")
        self.assertIn("unencrypted", message)
        message = self.assertError("InvalidParameterCombination", 400, self.replica, identifier="keyed",
                                   source=plain["DBInstanceArn"], client=west, SourceRegion=REGION,
                                   KmsKeyId="alias/aws/rds")
        self.assertIn("unencrypted", message)
        self.assertEqual(west.describe_db_instances()["DBInstances"], [])

        # A replica still being created can't be promoted.
        self.assertEqual(self.replica("young", "plain", AllocatedStorage=60)["AllocatedStorage"], 60)
        message = self.assertError("InvalidDBInstanceState", 400, self.rds.promote_read_replica,
                                   DBInstanceIdentifier="young")
        self.assertIn("not in available state", message)
        self.assertEqual(self.describe("young")["DBInstanceStatus"], "creating")

        # An encrypted source: in its Region the replica has its key and no
        # other; in another it needs a key of that Region it can use.
        secret = self.available("secret", StorageEncrypted=True)
        self.assertEqual(self.replica("secret-r", "secret")["KmsKeyId"], secret["KmsKeyId"])
        other = self.kms_client().create_key()["KeyMetadata"]["Arn"]
        message = self.assertError("InvalidParameterCombination", 400, self.replica, identifier="secret-k",
                                   source="secret", KmsKeyId=other)
        self.assertIn("source's KMS key", message)
        message = self.assertError("InvalidParameterCombination", 400, self.replica, identifier="secret-west",
                                   source=secret["DBInstanceArn"], client=west, SourceRegion=REGION)
        self.assertIn("KmsKeyId is required", message)
        for key in (secret["KmsKeyId"], "alias/nobody"):
            self.assertError("KMSKeyNotAccessibleFault", 400, self.replica, identifier="secret-west",
                             source=secret["DBInstanceArn"], client=west, SourceRegion=REGION, KmsKeyId=key)
        remote = self.replica("secret-west", secret["DBInstanceArn"], client=west, SourceRegion=REGION,
                              KmsKeyId="alias/aws/rds")
        self.assertTrue(remote["StorageEncrypted"])
        self.assertTrue(remote["KmsKeyId"].startswith("arn:aws:kms:us-west-2:"), remote["KmsKeyId"])

    def test_read_replica_sql_server_not_cross_region(self):
        mssql = self.available("mssql", Engine="sqlserver-se", DBInstanceClass="db.m5.large",
                               MasterUsername="admin", LicenseModel="license-included")
        west = self.client(region="us-west-2")
        message = self.assertError("InvalidParameterCombination", 400, self.replica, identifier="mssql-west",
                                   source=mssql["DBInstanceArn"], client=west, SourceRegion=REGION)
        self.assertIn("SQL Server", message)
        self.assertEqual(self.describe("mssql")["ReadReplicaDBInstanceIdentifiers"], [])
        # In its own Region it may have one.
        self.assertEqual(self.replica("mssql-r", "mssql")["Engine"], "sqlserver-se")

    def test_failover_too_soon_is_abandoned(self):
        db = self.available("ha", MultiAZ=True)
        primary, secondary = db["AvailabilityZone"], db["SecondaryAvailabilityZone"]
        self.rds.reboot_db_instance(DBInstanceIdentifier="ha", ForceFailover=True)
        self.simd.advance(5 * MINUTE)
        self.wait_available("ha")
        self.assertEqual(self.describe("ha")["AvailabilityZone"], secondary)

        # Minutes later, another: RDS abandons the failover and only reboots.
        again = self.rds.reboot_db_instance(DBInstanceIdentifier="ha", ForceFailover=True)["DBInstance"]
        self.assertEqual(again["DBInstanceStatus"], "rebooting")
        self.simd.advance(5 * MINUTE)
        self.wait_available("ha")
        after = self.describe("ha")
        self.assertEqual((after["AvailabilityZone"], after["SecondaryAvailabilityZone"]), (secondary, primary))
        events = self.rds.describe_events(SourceType="db-instance", SourceIdentifier="ha",
                                          Duration=15)["Events"]
        abandoned = [e for e in events if e["Message"] == "Abandoning user requested failover since a "
                     "failover recently occurred on the database instance."]
        self.assertEqual(len(abandoned), 1, [e["Message"] for e in events])
        self.assertEqual(abandoned[0]["EventCategories"], ["failover"])
        self.assertEqual([e["Message"] for e in events].count("Multi-AZ instance failover started."), 1)

        # Once the last failover is long enough ago, one happens again.
        self.simd.advance(10 * MINUTE)
        self.rds.reboot_db_instance(DBInstanceIdentifier="ha", ForceFailover=True)
        self.simd.advance(5 * MINUTE)
        self.wait_available("ha")
        self.assertEqual(self.describe("ha")["AvailabilityZone"], primary)

    def test_convert_to_single_az(self):
        db = self.available("pair", MultiAZ=True)
        modified = self.rds.modify_db_instance(DBInstanceIdentifier="pair", MultiAZ=False,
                                               ApplyImmediately=True)["DBInstance"]
        self.assertEqual(modified["DBInstanceStatus"], "modifying")
        self.assertTrue(modified["MultiAZ"])
        self.assertEqual(modified["PendingModifiedValues"], {"MultiAZ": False})
        self.simd.advance(30 * MINUTE)
        self.wait_available("pair")
        single = self.describe("pair")
        self.assertFalse(single["MultiAZ"])
        self.assertNotIn("SecondaryAvailabilityZone", single)
        self.assertEqual(single["AvailabilityZone"], db["AvailabilityZone"])
        self.assertEqual(single["Endpoint"], db["Endpoint"])
        self.assertEqual(single["PendingModifiedValues"], {})
        self.assertIsNone(self.simd.instance("pair")["standby"])
        self.assertInOrder(["Applying modification to convert to a standard (Single-AZ) DB instance.",
                            "Finished applying modification to convert to a standard (Single-AZ) DB instance."],
                           self.events("pair", 30))
        self.assertError("InvalidParameterCombination", 400, self.rds.reboot_db_instance,
                         DBInstanceIdentifier="pair", ForceFailover=True)

    def test_faults_fail_multi_az_over(self):
        db = self.available("ha", MultiAZ=True)
        secondary = db["SecondaryAvailabilityZone"]

        # Its host fails: the standby takes over, the endpoint stays.
        self.assertEqual(self.simd.fail("ha", "host")["zonesDown"], [])
        self.assertEqual(self.describe("ha")["DBInstanceStatus"], "rebooting")
        self.simd.advance(3 * MINUTE)
        self.wait_available("ha")
        after = self.describe("ha")
        self.assertEqual(after["AvailabilityZone"], secondary)
        self.assertEqual(after["Endpoint"], db["Endpoint"])
        # The failed host's standby is rebuilt.
        self.assertEqual(self.simd.instance("ha")["standby"]["state"], "snapshot")
        self.simd.advance(HOUR)
        rebuilt = self.describe("ha")["SecondaryAvailabilityZone"]
        self.assertNotEqual(rebuilt, secondary)
        self.assertEqual(self.simd.instance("ha")["standby"]["state"], "in-sync")
        self.assertInOrder(["Multi-AZ instance failover started.",
                            "Multi-AZ failover to standby complete - DNS propagation may take a few minutes.",
                            "Multi-AZ instance recovery started.",
                            "Multi-AZ instance recovery completed. Pending failover or activation."],
                           self.events("ha", 70))

        # Its storage fails: the same, to the new standby.
        self.simd.fail("ha", "storage")
        self.assertEqual(self.describe("ha")["DBInstanceStatus"], "rebooting")
        self.simd.advance(3 * MINUTE)
        self.wait_available("ha")
        self.assertEqual(self.describe("ha")["AvailabilityZone"], rebuilt)
        self.assertEqual(self.simd.instance("ha")["faults"], [])

    def test_faults_single_az_host_and_storage(self):
        self.available("solo")
        for body, status in (({"instance": "solo", "fail": "disk"}, 400),
                             ({"instance": "nobody", "fail": "host"}, 404),
                             ({"instance": "solo"}, 400)):
            with self.assertRaises(urllib.error.HTTPError) as caught:
                self.simd.control("POST", "faults", body)
            self.assertEqual(caught.exception.code, status)
        self.assertEqual(self.describe("solo")["DBInstanceStatus"], "available")

        # A failed host is replaced: down for minutes, then back by itself.
        self.simd.fail("solo", "host")
        self.assertEqual(self.describe("solo")["DBInstanceStatus"], "rebooting")
        self.assertEqual(self.simd.instance("solo")["faults"], ["host"])
        self.simd.advance(20 * MINUTE)
        self.wait_available("solo")

        # Failed storage is restored from the backups, which takes longer.
        self.simd.fail("solo", "storage")
        self.simd.advance(15 * MINUTE)
        self.assertEqual(self.describe("solo")["DBInstanceStatus"], "rebooting")
        self.simd.advance(30 * MINUTE)
        self.wait_available("solo")
        self.assertInOrder(["Recovery of the DB instance has started. Recovery time will vary with the amount "
                            "of data to be recovered.",
                            "The DB instance was restored from its automated backups to its latest restorable "
                            "time; changes made after it were lost.",
                            "Recovery of the DB instance is complete."], self.events("solo", 50))

        # Without backups, failed storage is lost.
        self.rds.modify_db_instance(DBInstanceIdentifier="solo", BackupRetentionPeriod=0, ApplyImmediately=True)
        self.simd.advance(30 * MINUTE)
        self.wait_available("solo")
        self.simd.fail("solo", "storage")
        self.simd.advance(6 * HOUR)
        self.assertEqual(self.describe("solo")["DBInstanceStatus"], "failed")
        self.assertIn("The DB instance's storage failed and it has no automated backups: it can't be recovered. "
                      "Restore it from a snapshot.", self.events("solo", 370))
        self.assertError("InvalidDBInstanceState", 400, self.rds.reboot_db_instance, DBInstanceIdentifier="solo")

    def test_faults_single_az_zone_down_with_replica(self):
        db = self.available("solo")
        zone = db["AvailabilityZone"]
        elsewhere = next(z for z in ("us-east-1a", "us-east-1b") if z != zone)
        self.replica("solo-r", "solo", AvailabilityZone=elsewhere)
        self.replica("solo-near", "solo", AvailabilityZone=zone)
        self.simd.advance(HOUR)
        self.wait_available("solo-r")
        self.wait_available("solo-near")

        # Its zone goes down: the instance is failed until the zone returns,
        # and its replicas can't replicate meanwhile: the one in another
        # zone can't reach it, the one in the same zone is down too.
        self.assertEqual(self.simd.zone(zone, True)["zonesDown"], [zone])
        self.assertEqual(self.describe("solo")["DBInstanceStatus"], "failed")
        self.simd.advance(3 * HOUR)
        self.assertEqual(self.describe("solo")["DBInstanceStatus"], "failed")
        self.assertError("InvalidDBInstanceState", 400, self.rds.reboot_db_instance, DBInstanceIdentifier="solo")
        replica = self.describe("solo-r")
        self.assertEqual(replica["DBInstanceStatus"], "available")
        self.assertEqual(replica["StatusInfos"], [{"StatusType": "read replication", "Normal": False,
                                                   "Status": "error", "Message":
                                                   "The read replica can't reach its source DB instance."}])
        near = self.describe("solo-near")
        self.assertEqual(near["DBInstanceStatus"], "failed")
        self.assertEqual(near["StatusInfos"], [{"StatusType": "read replication", "Normal": False,
                                                "Status": "error", "Message": "The read replica is not running."}])

        self.assertEqual(self.simd.zone(zone, False)["zonesDown"], [])
        self.assertEqual(self.describe("solo")["DBInstanceStatus"], "rebooting")
        self.simd.advance(HOUR)
        self.wait_available("solo")
        self.assertEqual(self.describe("solo")["AvailabilityZone"], zone)
        self.wait_available("solo-near")
        for replica in ("solo-r", "solo-near"):
            self.assertEqual(self.describe(replica)["StatusInfos"],
                             [{"StatusType": "read replication", "Normal": True, "Status": "replicating"}])
        self.assertInOrder(["DB instance shutdown.",
                            "The DB instance is unavailable: its Availability Zone %s is down. It recovers when "
                            "the zone is back; to recover sooner, restore it to a point in time in another "
                            "zone." % zone,
                            "Recovery of the DB instance has started. Recovery time will vary with the amount "
                            "of data to be recovered.",
                            "Recovery of the DB instance is complete."], self.events("solo", 300))
        self.assertInOrder(["Replication for the Read Replica resumed.", "Replication has stopped.",
                            "Replication for the Read Replica resumed."], self.events("solo-r", 300))

    def test_cloudwatch_metrics(self):
        cw = self.cloudwatch()
        self.create("watched")
        self.simd.advance(30 * MINUTE)
        self.assertEqual(self.describe("watched")["DBInstanceStatus"], "available")
        self.simd.advance(24 * HOUR)
        dimensions = [{"Name": "DBInstanceIdentifier", "Value": "watched"}]
        start = datetime.datetime(2026, 1, 5, 6, 0, tzinfo=datetime.timezone.utc)
        end = start + datetime.timedelta(hours=6)

        names = {m["MetricName"] for m in cw.list_metrics(Namespace="AWS/RDS")["Metrics"]
                 if m["Dimensions"] == dimensions}
        self.assertTrue({"CPUUtilization", "DatabaseConnections", "FreeStorageSpace",
                         "FreeableMemory", "BurstBalance", "CPUCreditBalance"} <= names, names)
        self.assertNotIn("ReplicaLag", names)

        stats = cw.get_metric_statistics(Namespace="AWS/RDS", MetricName="CPUUtilization",
                                         Dimensions=dimensions, StartTime=start, EndTime=end,
                                         Period=3600, Statistics=["Average", "Maximum", "SampleCount"])
        self.assertEqual(len(stats["Datapoints"]), 6)
        for point in stats["Datapoints"]:
            self.assertEqual(point["SampleCount"], 60.0)
            self.assertLessEqual(point["Average"], point["Maximum"])
            self.assertEqual(point["Unit"], "Percent")
        extended = cw.get_metric_statistics(Namespace="AWS/RDS", MetricName="ReadLatency",
                                            Dimensions=dimensions, StartTime=start, EndTime=end,
                                            Period=3600, ExtendedStatistics=["p50", "p99"])
        for point in extended["Datapoints"]:
            self.assertLessEqual(point["ExtendedStatistics"]["p50"], point["ExtendedStatistics"]["p99"])

        # Five metrics over a day at a minute, in pages the paginator follows.
        queries = [{"Id": "m%d" % i, "MetricStat": {
            "Metric": {"Namespace": "AWS/RDS", "MetricName": name, "Dimensions": dimensions},
            "Period": 60, "Stat": "Average"}}
            for i, name in enumerate(["CPUUtilization", "DatabaseConnections", "FreeStorageSpace",
                                      "ReadIOPS", "WriteIOPS"])]
        queries.append({"Id": "io", "Expression": "m3 + m4", "Label": "Total IOPS"})
        day_start = datetime.datetime(2026, 1, 5, 1, 0, tzinfo=datetime.timezone.utc)
        day_end = day_start + datetime.timedelta(hours=20)
        pages = list(cw.get_paginator("get_metric_data").paginate(
            MetricDataQueries=queries, StartTime=day_start, EndTime=day_end, MaxDatapoints=2000,
            ScanBy="TimestampAscending"))
        self.assertGreater(len(pages), 3)
        counts = {}
        for page in pages:
            for result in page["MetricDataResults"]:
                counts[result["Id"]] = counts.get(result["Id"], 0) + len(result["Values"])
                self.assertEqual(len(result["Timestamps"]), len(result["Values"]))
        self.assertEqual(counts, {"m0": 1200, "m1": 1200, "m2": 1200, "m3": 1200, "m4": 1200,
                                  "io": 1200})

        self.assertEqual(self.cloudwatch_error(cw, "InvalidNextToken", 400, cw.get_metric_data,
                                               MetricDataQueries=queries[:1], StartTime=start,
                                               EndTime=end, NextToken="garbage")[:3], "The")
        # The workload, through the control API: idle from now on.
        workload = self.simd.control("POST", "workload", {"instance": "watched"})
        self.assertEqual(workload["profile"], "steady-oltp")
        self.assertEqual(workload["profiles"],
                         ["idle", "steady-oltp", "read-heavy-reporting", "spiky-batch"])
        workload = self.simd.control("POST", "workload", {"instance": "watched", "profile": "idle"})
        self.assertEqual((workload["profile"], workload["multiplier"]), ("idle", 1.0))
        for body, status in (({"instance": "watched", "profile": "frantic"}, 400),
                             ({"instance": "watched", "multiplier": 1000}, 400),
                             ({"instance": "nobody"}, 404), ({}, 400)):
            with self.assertRaises(urllib.error.HTTPError) as caught:
                self.simd.control("POST", "workload", body)
            self.assertEqual(caught.exception.code, status)
        self.assertEqual(self.simd.control("POST", "workload", {"instance": "watched"})["profile"], "idle")
        self.simd.advance(2 * HOUR)
        idle = cw.get_metric_statistics(Namespace="AWS/RDS", MetricName="DatabaseConnections",
                                        Dimensions=dimensions,
                                        StartTime=end + datetime.timedelta(hours=13, minutes=30),
                                        EndTime=end + datetime.timedelta(hours=14, minutes=30),
                                        Period=3600, Statistics=["Maximum"])
        self.assertEqual([p["Maximum"] for p in idle["Datapoints"]], [0.0])

        self.cloudwatch_error(cw, "InvalidParameterValue", 400, cw.get_metric_statistics,
                              Namespace="AWS/RDS", MetricName="CPUUtilization", StartTime=start,
                              EndTime=end, Period=90, Statistics=["Average"])
        self.cloudwatch_error(cw, "InvalidParameterCombination", 400, cw.get_metric_statistics,
                              Namespace="AWS/RDS", MetricName="CPUUtilization",
                              StartTime=start - datetime.timedelta(days=2), EndTime=end, Period=60,
                              Statistics=["Average"])

    def test_cloudwatch_alarms(self):
        cw = self.cloudwatch()
        self.create("alarmed")
        self.simd.advance(30 * MINUTE)
        dimensions = [{"Name": "DBInstanceIdentifier", "Value": "alarmed"}]
        for name, threshold in (("low", 1.0), ("high", 99.0)):
            cw.put_metric_alarm(AlarmName="cpu-" + name, Namespace="AWS/RDS",
                                MetricName="CPUUtilization", Dimensions=dimensions,
                                Statistic="Average", Period=60, EvaluationPeriods=3,
                                DatapointsToAlarm=2, Threshold=threshold,
                                ComparisonOperator="GreaterThanOrEqualToThreshold",
                                TreatMissingData="missing",
                                AlarmActions=["arn:aws:sns:us-east-1:123456789012:ops"])
        self.simd.advance(5 * MINUTE)
        alarms = {a["AlarmName"]: a for a in cw.describe_alarms()["MetricAlarms"]}
        self.assertEqual(alarms["cpu-low"]["StateValue"], "ALARM")
        self.assertEqual(alarms["cpu-high"]["StateValue"], "OK")
        self.assertEqual(alarms["cpu-low"]["DatapointsToAlarm"], 2)
        self.assertEqual(alarms["cpu-low"]["AlarmActions"], ["arn:aws:sns:us-east-1:123456789012:ops"])
        reason = json.loads(alarms["cpu-low"]["StateReasonData"])
        self.assertEqual(reason["threshold"], 1.0)
        self.assertEqual(len(reason["recentDatapoints"]), 3)

        pages = list(cw.get_paginator("describe_alarms").paginate(PaginationConfig={"PageSize": 1}))
        self.assertEqual(len(pages), 2)
        history = cw.describe_alarm_history(AlarmName="cpu-low", HistoryItemType="StateUpdate")
        self.assertEqual(len(history["AlarmHistoryItems"]), 1)
        self.assertEqual(history["AlarmHistoryItems"][0]["AlarmType"], "MetricAlarm")

        self.cloudwatch_error(cw, "ResourceNotFound", 404, cw.set_alarm_state, AlarmName="nobody",
                              StateValue="OK", StateReason="x")
        self.cloudwatch_error(cw, "ResourceNotFound", 404, cw.delete_alarms,
                              AlarmNames=["cpu-low", "nobody"])
        self.cloudwatch_error(cw, "InvalidParameterCombination", 400, cw.put_metric_alarm,
                              AlarmName="bad", Namespace="AWS/RDS", MetricName="CPUUtilization",
                              Period=60, EvaluationPeriods=1, Threshold=1,
                              ComparisonOperator="GreaterThanThreshold")
        cw.delete_alarms(AlarmNames=["cpu-low", "cpu-high"])
        self.assertEqual(cw.describe_alarms()["MetricAlarms"], [])

    def cloudwatch_error(self, client, code, status, call, **kwargs):
        with self.assertRaises(ClientError) as caught:
            call(**kwargs)
        error = caught.exception.response
        self.assertEqual(error["Error"]["Code"], code, error["Error"].get("Message"))
        self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], status)
        return error["Error"]["Message"]


    def kms_client(self):
        checker = ModelChecker("kms")
        client = boto3.client("kms", endpoint_url=self.simd.url, region_name=REGION,
                              aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
                              config=Config(retries={"max_attempts": 1, "mode": "standard"}))
        checker.attach(client)
        def check():
            self.assertGreater(checker.checked, 0)
            self.assertEqual(checker.problems, [], "KMS answers the model does not allow")
        self.addCleanup(check)
        return client

    def test_kms(self):
        kms = self.kms_client()
        error = lambda code, call, **kwargs: self.cloudwatch_error(kms, code, 400, call, **kwargs)

        # CreateKey, DescribeKey: timestamps are numbers on this wire.
        created = kms.create_key(Description="orders", Tags=[{"TagKey": "team", "TagValue": "data"}])
        key = created["KeyMetadata"]
        key_id, arn = key["KeyId"], key["Arn"]
        self.assertEqual(arn, "arn:aws:kms:us-east-1:%s:key/%s" % (key["AWSAccountId"], key_id))
        self.assertEqual(key["KeyState"], "Enabled")
        self.assertTrue(key["Enabled"])
        self.assertEqual(key["KeyManager"], "CUSTOMER")
        self.assertEqual(key["KeySpec"], "SYMMETRIC_DEFAULT")
        self.assertEqual(key["EncryptionAlgorithms"], ["SYMMETRIC_DEFAULT"])
        self.assertEqual(key["CreationDate"],
                         datetime.datetime(2026, 1, 5, tzinfo=datetime.timezone.utc))
        self.assertEqual(kms.describe_key(KeyId=arn)["KeyMetadata"], key)
        error("UnsupportedOperationException", kms.create_key, KeySpec="RSA_2048")
        error("TagException", kms.create_key, Tags=[{"TagKey": "aws:x", "TagValue": "y"}])

        # ListKeys pages; RDS's own key is there from the first call.
        for _ in range(3):
            kms.create_key()
        pages = list(kms.get_paginator("list_keys").paginate(PaginationConfig={"PageSize": 2}))
        self.assertEqual(len(pages), 3)
        self.assertEqual(sum(len(p["Keys"]) for p in pages), 5)
        self.assertTrue(pages[0]["Truncated"])
        error("InvalidMarkerException", kms.list_keys, Marker="nonsense")

        # Aliases.
        kms.create_alias(AliasName="alias/orders", TargetKeyId=key_id)
        error("AlreadyExistsException", kms.create_alias, AliasName="alias/orders", TargetKeyId=key_id)
        error("NotAuthorizedException", kms.create_alias, AliasName="alias/aws/mine", TargetKeyId=key_id)
        error("ValidationException", kms.create_alias, AliasName="orders", TargetKeyId=key_id)
        error("NotFoundException", kms.create_alias, AliasName="alias/x",
              TargetKeyId="00000000-0000-4000-8000-000000000000")
        self.assertEqual(kms.describe_key(KeyId="alias/orders")["KeyMetadata"]["KeyId"], key_id)
        alias_arn = "arn:aws:kms:us-east-1:%s:alias/orders" % key["AWSAccountId"]
        self.assertEqual(kms.describe_key(KeyId=alias_arn)["KeyMetadata"]["KeyId"], key_id)
        aliases = kms.list_aliases()["Aliases"]
        self.assertEqual([a["AliasName"] for a in aliases], ["alias/aws/rds", "alias/orders"])
        self.assertEqual(aliases[1]["AliasArn"], alias_arn)
        self.assertIn("CreationDate", aliases[1])
        second = kms.create_key()["KeyMetadata"]["KeyId"]
        kms.update_alias(AliasName="alias/orders", TargetKeyId=second)
        self.assertEqual([a["AliasName"] for a in kms.list_aliases(KeyId=second)["Aliases"]], ["alias/orders"])
        self.assertEqual(kms.list_aliases(KeyId=key_id)["Aliases"], [])
        kms.delete_alias(AliasName="alias/orders")
        error("NotFoundException", kms.delete_alias, AliasName="alias/orders")
        error("NotFoundException", kms.describe_key, KeyId="alias/orders")
        error("NotFoundException", kms.describe_key, KeyId="nonsense")
        error("NotFoundException", kms.describe_key, KeyId=arn.replace("us-east-1", "us-west-2"))
        error("InvalidArnException", kms.describe_key, KeyId="arn:aws:kms:us-east-1:1:thing")

        # Tags.
        kms.tag_resource(KeyId=key_id, Tags=[{"TagKey": "env", "TagValue": "dev"}])
        kms.untag_resource(KeyId=key_id, TagKeys=["team"])
        self.assertEqual(kms.list_resource_tags(KeyId=key_id)["Tags"], [{"TagKey": "env", "TagValue": "dev"}])

        # RDS's own key: AWS managed, the one RDS encrypts with by default.
        managed = kms.describe_key(KeyId="alias/aws/rds")["KeyMetadata"]
        self.assertEqual(managed["KeyManager"], "AWS")
        self.assertEqual(managed["Description"],
                         "Default key that protects my RDS database volumes when no other key is defined")
        default = self.create("default-key", StorageEncrypted=True)
        self.assertEqual(default["KmsKeyId"], managed["Arn"])
        error("AccessDeniedException", kms.disable_key, KeyId="alias/aws/rds")
        error("AccessDeniedException", kms.schedule_key_deletion, KeyId=managed["KeyId"])
        error("AccessDeniedException", kms.tag_resource, KeyId=managed["KeyId"],
              Tags=[{"TagKey": "a", "TagValue": "b"}])
        error("AccessDeniedException", kms.create_alias, AliasName="alias/mine", TargetKeyId=managed["KeyId"])

        # Disabled: RDS refuses it; a DB instance using it stops, then recovers.
        self.create("enc", StorageEncrypted=True, KmsKeyId=key_id)
        self.simd.advance(30 * MINUTE)
        self.wait_available("enc")
        kms.disable_key(KeyId=key_id)
        self.assertEqual(kms.describe_key(KeyId=key_id)["KeyMetadata"]["KeyState"], "Disabled")
        self.assertError("KMSKeyNotAccessibleFault", 400, self.create, identifier="refused",
                         StorageEncrypted=True, KmsKeyId=arn)
        self.simd.advance(10 * MINUTE)
        self.assertEqual(self.describe("enc")["DBInstanceStatus"],
                         "inaccessible-encryption-credentials-recoverable")
        kms.enable_key(KeyId=key_id)
        self.simd.advance(20 * MINUTE)
        self.assertEqual(self.describe("enc")["DBInstanceStatus"], "available")

        # ScheduleKeyDeletion, CancelKeyDeletion.
        error("ValidationException", kms.schedule_key_deletion, KeyId=second, PendingWindowInDays=6)
        scheduled = kms.schedule_key_deletion(KeyId=second, PendingWindowInDays=7)
        self.assertEqual(scheduled["KeyState"], "PendingDeletion")
        self.assertEqual(scheduled["PendingWindowInDays"], 7)
        self.assertEqual(scheduled["KeyId"], arn.replace(key_id, second))
        self.assertIsInstance(scheduled["DeletionDate"], datetime.datetime)
        error("KMSInvalidStateException", kms.enable_key, KeyId=second)
        self.assertEqual(kms.cancel_key_deletion(KeyId=second)["KeyId"], arn.replace(key_id, second))
        self.assertEqual(kms.describe_key(KeyId=second)["KeyMetadata"]["KeyState"], "Disabled")
        error("KMSInvalidStateException", kms.cancel_key_deletion, KeyId=second)
        kms.schedule_key_deletion(KeyId=second, PendingWindowInDays=7)
        self.simd.advance(7 * 24 * HOUR)
        error("NotFoundException", kms.describe_key, KeyId=second)

        # An acknowledged alias survives kill -9.
        kms.create_alias(AliasName="alias/kept", TargetKeyId=key_id)
        self.simd.kill()
        self.simd.start()
        self.rds = self.client()
        kms = self.kms_client()
        self.assertEqual(kms.describe_key(KeyId="alias/kept")["KeyMetadata"]["KeyId"], key_id)
        self.assertEqual([a["AliasName"] for a in kms.list_aliases()["Aliases"]],
                         ["alias/aws/rds", "alias/kept"])

if __name__ == "__main__":
    unittest.main(verbosity=2)
