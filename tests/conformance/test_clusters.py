#!/usr/bin/python3
# test_clusters.py: boto3 and Debian's AWS CLI drive rds-simd's Aurora
# clusters: their instances, failovers, custom endpoints and the volume's
# faults; every answer is checked against the model, and the CLI's
# db-cluster-available waiter works.
#
# SPDX-License-Identifier: GPL-3.0-or-later

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


class ClustersConformance(unittest.TestCase):
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

    def cluster(self, identifier):
        return self.rds.describe_db_clusters(DBClusterIdentifier=identifier)["DBClusters"][0]

    def writer(self, identifier):
        members = self.cluster(identifier)["DBClusterMembers"]
        return [m["DBInstanceIdentifier"] for m in members if m["IsClusterWriter"]][0]

    def test_boto3_cluster_life(self):
        created = self.rds.create_db_cluster(DBClusterIdentifier="shop", Engine="aurora-mysql",
                                             MasterUsername="dbadmin", MasterUserPassword="correct-horse-battery",
                                             DatabaseName="shop", BackupRetentionPeriod=7,
                                             Tags=[{"Key": "team", "Value": "web"}])["DBCluster"]
        self.assertEqual(created["Status"], "creating")
        self.assertEqual(created["Engine"], "aurora-mysql")
        self.assertEqual(created["Port"], 3306)
        self.assertEqual(len(created["AvailabilityZones"]), 3)
        self.assertTrue(created["Endpoint"].startswith("shop.cluster-"))
        self.assertTrue(created["ReaderEndpoint"].startswith("shop.cluster-ro-"))
        self.assertTrue(created["DbClusterResourceId"].startswith("cluster-"))
        self.assertTrue(created["DBClusterArn"].endswith(":cluster:shop"))

        # The instances: a writer, then readers with tiers.
        writer = self.rds.create_db_instance(DBInstanceIdentifier="shop-1", DBClusterIdentifier="shop",
                                             Engine="aurora-mysql", DBInstanceClass="db.r6g.large")["DBInstance"]
        self.assertEqual(writer["DBClusterIdentifier"], "shop")
        self.rds.create_db_instance(DBInstanceIdentifier="shop-2", DBClusterIdentifier="shop",
                                    Engine="aurora-mysql", DBInstanceClass="db.r6g.large", PromotionTier=0)
        self.rds.create_db_instance(DBInstanceIdentifier="shop-3", DBClusterIdentifier="shop",
                                    Engine="aurora-mysql", DBInstanceClass="db.r6g.xlarge", PromotionTier=2)
        self.simd.advance(15 * MINUTE)
        self.rds.get_waiter("db_cluster_available").wait(DBClusterIdentifier="shop",
                                                         WaiterConfig={"Delay": 1, "MaxAttempts": 1})
        for name in ("shop-1", "shop-2", "shop-3"):
            self.rds.get_waiter("db_instance_available").wait(DBInstanceIdentifier=name,
                                                              WaiterConfig={"Delay": 1, "MaxAttempts": 1})
        cluster = self.cluster("shop")
        self.assertEqual(len(cluster["DBClusterMembers"]), 3)
        self.assertEqual(self.writer("shop"), "shop-1")
        self.assertTrue(cluster["MultiAZ"])
        self.assertEqual(cluster["TagList"], [{"Key": "team", "Value": "web"}])
        self.assertLessEqual(cluster["EarliestRestorableTime"], cluster["LatestRestorableTime"])
        # Its backups are the cluster's: no instance-level automated backups.
        listed = self.rds.describe_db_instance_automated_backups()["DBInstanceAutomatedBackups"]
        self.assertEqual([b for b in listed if b["DBInstanceIdentifier"].startswith("shop-")], [])
        by_filter = self.rds.describe_db_instances(Filters=[{"Name": "db-cluster-id", "Values": ["shop"]}])
        self.assertEqual(len(by_filter["DBInstances"]), 3)

        # Errors of the instances and the cluster.
        self.assertError("InvalidParameterCombination", 400, self.rds.create_db_instance,
                         DBInstanceIdentifier="shop-4", DBClusterIdentifier="shop", Engine="aurora-mysql",
                         DBInstanceClass="db.r6g.large", MasterUserPassword="correct-horse-battery")
        self.assertError("DBClusterNotFoundFault", 404, self.rds.create_db_instance,
                         DBInstanceIdentifier="shop-4", DBClusterIdentifier="nothing", Engine="aurora-mysql",
                         DBInstanceClass="db.r6g.large")
        self.assertError("DBClusterAlreadyExistsFault", 400, self.rds.create_db_cluster,
                         DBClusterIdentifier="shop", Engine="aurora-mysql", MasterUsername="dbadmin",
                         MasterUserPassword="correct-horse-battery")
        self.assertError("InvalidParameterValue", 400, self.rds.create_db_cluster,
                         DBClusterIdentifier="other", Engine="aurora-mysql", MasterUsername="dbadmin",
                         MasterUserPassword="correct-horse-battery", BackupRetentionPeriod=0)
        self.assertError("DBClusterParameterGroupNotFound", 404, self.rds.create_db_cluster,
                         DBClusterIdentifier="other", Engine="aurora-mysql", MasterUsername="dbadmin",
                         MasterUserPassword="correct-horse-battery", DBClusterParameterGroupName="mine")
        self.assertError("InvalidParameterCombination", 400, self.rds.stop_db_instance,
                         DBInstanceIdentifier="shop-1")
        self.assertError("InvalidDBInstanceState", 400, self.rds.create_db_snapshot,
                         DBInstanceIdentifier="shop-1", DBSnapshotIdentifier="s")
        self.assertError("InvalidDBClusterStateFault", 400, self.rds.delete_db_cluster,
                         DBClusterIdentifier="shop", SkipFinalSnapshot=True)
        self.assertError("DBClusterNotFoundFault", 404, self.rds.describe_db_clusters,
                         DBClusterIdentifier="nothing")
        self.assertError("DBClusterNotFoundFault", 404, self.rds.failover_db_cluster,
                         DBClusterIdentifier="nothing")

        # Failover on demand: tier 0 first.
        failing = self.rds.failover_db_cluster(DBClusterIdentifier="shop")["DBCluster"]
        self.assertEqual(failing["Status"], "failing-over")
        self.assertError("InvalidDBClusterStateFault", 400, self.rds.failover_db_cluster,
                         DBClusterIdentifier="shop")
        self.simd.advance(30)
        self.assertEqual(self.cluster("shop")["Status"], "available")
        self.assertEqual(self.writer("shop"), "shop-2")
        events = self.rds.describe_events(SourceType="db-cluster", SourceIdentifier="shop", Duration=60)["Events"]
        messages = [e["Message"] for e in events]
        self.assertIn("Completed failover to DB instance: shop-2", messages)
        self.assertTrue(any(m.startswith("Started ") and m.endswith("failover to DB instance: shop-2")
                            for m in messages))

        # Modify, rename; the members follow.
        modified = self.rds.modify_db_cluster(DBClusterIdentifier="shop", BackupRetentionPeriod=14,
                                              StorageType="aurora-iopt1", ApplyImmediately=True)["DBCluster"]
        self.assertEqual(modified["BackupRetentionPeriod"], 14)
        self.assertEqual(modified["StorageType"], "aurora-iopt1")
        # Without ApplyImmediately a new name and IAM authentication wait for
        # the maintenance window; asking for what is current cancels them.
        pending = self.rds.modify_db_cluster(DBClusterIdentifier="shop", NewDBClusterIdentifier="Shop-Later",
                                             EnableIAMDatabaseAuthentication=True)["DBCluster"]
        self.assertEqual(pending["DBClusterIdentifier"], "shop")
        self.assertFalse(pending["IAMDatabaseAuthenticationEnabled"])
        self.assertEqual(self.cluster("shop")["PendingModifiedValues"],
                         {"DBClusterIdentifier": "shop-later", "IAMDatabaseAuthenticationEnabled": True})
        cancelled = self.rds.modify_db_cluster(DBClusterIdentifier="shop", NewDBClusterIdentifier="shop",
                                               EnableIAMDatabaseAuthentication=False)["DBCluster"]
        self.assertNotIn("PendingModifiedValues", cancelled)
        self.rds.modify_db_instance(DBInstanceIdentifier="shop-3", PromotionTier=0)
        self.assertEqual([m["PromotionTier"] for m in self.cluster("shop")["DBClusterMembers"]
                          if m["DBInstanceIdentifier"] == "shop-3"], [0])
        self.assertError("InvalidParameterCombination", 400, self.rds.modify_db_instance,
                         DBInstanceIdentifier="shop-3", AllocatedStorage=100)

        # Stop and start the whole cluster.
        self.simd.advance(5 * MINUTE)
        stopping = self.rds.stop_db_cluster(DBClusterIdentifier="shop")["DBCluster"]
        self.assertEqual(stopping["Status"], "stopping")
        self.simd.advance(10 * MINUTE)
        self.assertEqual(self.cluster("shop")["Status"], "stopped")
        self.assertEqual(self.rds.describe_db_instances(DBInstanceIdentifier="shop-1")["DBInstances"][0]
                         ["DBInstanceStatus"], "stopped")
        self.assertIn("AutomaticRestartTime", self.cluster("shop"))
        # No instance joins a stopped cluster.
        self.assertError("InvalidDBClusterStateFault", 400, self.rds.create_db_instance,
                         DBInstanceIdentifier="shop-late", DBClusterIdentifier="shop",
                         Engine="aurora-mysql", DBInstanceClass="db.r6g.large")
        self.rds.start_db_cluster(DBClusterIdentifier="shop")
        self.simd.advance(10 * MINUTE)
        self.rds.get_waiter("db_cluster_available").wait(DBClusterIdentifier="shop",
                                                         WaiterConfig={"Delay": 1, "MaxAttempts": 1})

        # Gone: instances first, then the cluster.
        for name in ("shop-1", "shop-2", "shop-3"):
            self.rds.delete_db_instance(DBInstanceIdentifier=name)
        self.assertError("InvalidParameterCombination", 400, self.rds.delete_db_cluster,
                         DBClusterIdentifier="shop")
        deleting = self.rds.delete_db_cluster(DBClusterIdentifier="shop", SkipFinalSnapshot=True)["DBCluster"]
        self.assertEqual(deleting["Status"], "deleting")
        self.simd.advance(20 * MINUTE)
        self.rds.get_waiter("db_cluster_deleted").wait(DBClusterIdentifier="shop",
                                                       WaiterConfig={"Delay": 1, "MaxAttempts": 1})

    def test_boto3_endpoints_and_volume(self):
        self.rds.create_db_cluster(DBClusterIdentifier="hr", Engine="aurora-postgresql",
                                   MasterUsername="hradmin", MasterUserPassword="correct-horse-battery")
        for name in ("hr-1", "hr-2", "hr-3"):
            self.rds.create_db_instance(DBInstanceIdentifier=name, DBClusterIdentifier="hr",
                                        Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
        self.simd.advance(15 * MINUTE)
        self.assertEqual(self.cluster("hr")["Port"], 5432)

        # Custom endpoints: static and exclusion lists.
        reporting = self.rds.create_db_cluster_endpoint(DBClusterIdentifier="hr",
                                                        DBClusterEndpointIdentifier="reporting",
                                                        EndpointType="READER", StaticMembers=["hr-3"])
        self.assertEqual(reporting["Status"], "creating")
        self.assertEqual(reporting["EndpointType"], "CUSTOM")
        self.assertEqual(reporting["CustomEndpointType"], "READER")
        self.assertEqual(reporting["StaticMembers"], ["hr-3"])
        self.assertTrue(reporting["Endpoint"].startswith("reporting.cluster-custom-"))
        self.rds.create_db_cluster_endpoint(DBClusterIdentifier="hr", DBClusterEndpointIdentifier="most",
                                            EndpointType="ANY", ExcludedMembers=["hr-3"])
        self.assertError("DBClusterEndpointAlreadyExistsFault", 400, self.rds.create_db_cluster_endpoint,
                         DBClusterIdentifier="hr", DBClusterEndpointIdentifier="most", EndpointType="ANY")
        self.assertError("InvalidParameterCombination", 400, self.rds.create_db_cluster_endpoint,
                         DBClusterIdentifier="hr", DBClusterEndpointIdentifier="both", EndpointType="ANY",
                         StaticMembers=["hr-1"], ExcludedMembers=["hr-2"])
        self.assertError("InvalidDBClusterEndpointStateFault", 400, self.rds.modify_db_cluster_endpoint,
                         DBClusterEndpointIdentifier="most", EndpointType="READER")
        self.simd.advance(3 * MINUTE)
        endpoints = self.rds.describe_db_cluster_endpoints(DBClusterIdentifier="hr")["DBClusterEndpoints"]
        self.assertEqual([e["EndpointType"] for e in endpoints], ["WRITER", "READER", "CUSTOM", "CUSTOM"])
        self.assertEqual(sorted(self.cluster("hr")["CustomEndpoints"]),
                         sorted(e["Endpoint"] for e in endpoints[2:]))
        readers = self.rds.describe_db_cluster_endpoints(
            Filters=[{"Name": "db-cluster-endpoint-custom-type", "Values": ["reader"]}])["DBClusterEndpoints"]
        self.assertEqual([e["DBClusterEndpointIdentifier"] for e in readers], ["reporting"])
        self.assertEqual(sorted(self.simd.cluster("hr")["endpoints"]["most"]), ["hr-1", "hr-2"])
        for n in range(3, 6):
            self.rds.create_db_cluster_endpoint(DBClusterIdentifier="hr", DBClusterEndpointIdentifier="e%d" % n,
                                                EndpointType="ANY")
        self.assertError("DBClusterEndpointQuotaExceededFault", 403, self.rds.create_db_cluster_endpoint,
                         DBClusterIdentifier="hr", DBClusterEndpointIdentifier="e6", EndpointType="ANY")
        modified = self.rds.modify_db_cluster_endpoint(DBClusterEndpointIdentifier="most",
                                                       StaticMembers=["hr-1"])
        self.assertEqual(modified["Status"], "modifying")
        self.assertEqual(modified.get("ExcludedMembers", []), [])
        deleted = self.rds.delete_db_cluster_endpoint(DBClusterEndpointIdentifier="reporting")
        self.assertEqual(deleted["Status"], "deleting")
        self.assertError("DBClusterEndpointNotFoundFault", 400, self.rds.delete_db_cluster_endpoint,
                         DBClusterEndpointIdentifier="nothing")

        # The volume: an AZ outage leaves writes going; a third copy stops them.
        zones = self.cluster("hr")["AvailabilityZones"]
        self.simd.zone(zones[0], True)
        detail = self.simd.cluster("hr")
        self.assertTrue(detail["volume"]["writeQuorum"])
        self.assertEqual([c["state"] for c in detail["volume"]["copies"]][:2], ["down", "down"])
        self.simd.lose_copy("hr", 4)
        detail = self.simd.cluster("hr")
        self.assertFalse(detail["volume"]["writeQuorum"])
        self.assertTrue(detail["volume"]["readQuorum"])
        self.simd.advance(3 * MINUTE)
        self.assertTrue(self.simd.cluster("hr")["volume"]["writeQuorum"])
        self.simd.zone(zones[0], False)
        self.simd.advance(3 * MINUTE)
        self.assertEqual(self.simd.cluster("hr")["volume"]["fewestCopiesUp"], 6)
        events = [e["Message"] for e in self.rds.describe_events(SourceType="db-cluster", SourceIdentifier="hr",
                                                                  Duration=60)["Events"]]
        self.assertTrue(any(m.startswith("The cluster volume lost its write quorum") for m in events))
        self.assertIn("The cluster volume has its write quorum again: writes go on.", events)

        # The writer's host fails: a reader takes over in under 30 s.
        before = self.writer("hr")
        self.simd.fail(before, "host")
        self.simd.advance(30)
        self.assertNotEqual(self.writer("hr"), before)
        self.assertEqual(self.cluster("hr")["Status"], "available")

    def test_boto3_snapshots_and_restores(self):
        self.rds.create_db_cluster(DBClusterIdentifier="ledger", Engine="aurora-mysql", MasterUsername="dbadmin",
                                   MasterUserPassword="correct-horse-battery", BackupRetentionPeriod=2,
                                   PreferredBackupWindow="03:00-03:30")
        self.rds.create_db_instance(DBInstanceIdentifier="ledger-1", DBClusterIdentifier="ledger",
                                    Engine="aurora-mysql", DBInstanceClass="db.r6g.large")
        self.simd.advance(15 * MINUTE)
        snapshot = self.rds.create_db_cluster_snapshot(DBClusterIdentifier="ledger",
                                                       DBClusterSnapshotIdentifier="month-end",
                                                       Tags=[{"Key": "kind", "Value": "audit"}])["DBClusterSnapshot"]
        self.assertEqual(snapshot["Status"], "creating")
        self.assertEqual(snapshot["SnapshotType"], "manual")
        self.assertError("DBClusterSnapshotAlreadyExistsFault", 400, self.rds.create_db_cluster_snapshot,
                         DBClusterIdentifier="ledger", DBClusterSnapshotIdentifier="month-end")
        self.assertError("DBClusterNotFoundFault", 404, self.rds.create_db_cluster_snapshot,
                         DBClusterIdentifier="nothing", DBClusterSnapshotIdentifier="other")
        self.simd.advance(5 * MINUTE)
        self.rds.get_waiter("db_cluster_snapshot_available").wait(DBClusterSnapshotIdentifier="month-end",
                                                                  WaiterConfig={"Delay": 1, "MaxAttempts": 1})
        copy = self.rds.copy_db_cluster_snapshot(SourceDBClusterSnapshotIdentifier="month-end",
                                                 TargetDBClusterSnapshotIdentifier="month-end-copy",
                                                 CopyTags=True)["DBClusterSnapshot"]
        self.assertEqual(copy["Status"], "copying")
        self.assertEqual(copy["TagList"], [{"Key": "kind", "Value": "audit"}])
        self.simd.advance(DAY)
        automated = self.rds.describe_db_cluster_snapshots(DBClusterIdentifier="ledger",
                                                           SnapshotType="automated")["DBClusterSnapshots"]
        self.assertEqual(len(automated), 1)
        self.assertTrue(automated[0]["DBClusterSnapshotIdentifier"].startswith("rds:ledger-"))
        self.assertError("InvalidDBClusterSnapshotStateFault", 400, self.rds.delete_db_cluster_snapshot,
                         DBClusterSnapshotIdentifier=automated[0]["DBClusterSnapshotIdentifier"])
        self.rds.delete_db_cluster_snapshot(DBClusterSnapshotIdentifier="month-end-copy")
        self.assertError("DBClusterSnapshotNotFoundFault", 404, self.rds.describe_db_cluster_snapshots,
                         DBClusterSnapshotIdentifier="month-end-copy")

        restored = self.rds.restore_db_cluster_from_snapshot(DBClusterIdentifier="ledger-restored",
                                                             SnapshotIdentifier="month-end",
                                                             Engine="aurora-mysql")["DBCluster"]
        self.assertEqual(restored["Status"], "creating")
        self.assertEqual(restored.get("DBClusterMembers", []), [])
        latest = self.cluster("ledger")["LatestRestorableTime"]
        pitr = self.rds.restore_db_cluster_to_point_in_time(DBClusterIdentifier="ledger-then",
                                                            SourceDBClusterIdentifier="ledger",
                                                            RestoreToTime=latest)["DBCluster"]
        self.assertEqual(pitr["Status"], "creating")
        self.assertError("InvalidRestoreFault", 400, self.rds.restore_db_cluster_to_point_in_time,
                         DBClusterIdentifier="ledger-old", SourceDBClusterIdentifier="ledger",
                         RestoreToTime="2020-01-01T00:00:00Z")
        self.simd.advance(HOUR)
        self.rds.get_waiter("db_cluster_available").wait(DBClusterIdentifier="ledger-then",
                                                         WaiterConfig={"Delay": 1, "MaxAttempts": 1})

        # The cluster goes with a final snapshot.
        self.rds.delete_db_instance(DBInstanceIdentifier="ledger-1")
        self.rds.delete_db_cluster(DBClusterIdentifier="ledger", FinalDBSnapshotIdentifier="ledger-final")
        self.simd.advance(HOUR)
        final = self.rds.describe_db_cluster_snapshots(DBClusterSnapshotIdentifier="ledger-final")
        self.assertEqual(final["DBClusterSnapshots"][0]["Status"], "available")

    def test_kill_minus_nine_keeps_clusters(self):
        """What rds-simd acknowledged about a cluster survives kill -9: its
        members and writer, a custom endpoint, a snapshot, a modification,
        a lost copy under repair and a failover under way, which finishes
        after the restart."""
        rds = self.rds
        rds.create_db_cluster(DBClusterIdentifier="keep", Engine="aurora-postgresql",
                              MasterUsername="pgadmin", MasterUserPassword="correct-horse-battery",
                              BackupRetentionPeriod=3)
        rds.create_db_instance(DBInstanceIdentifier="keep-1", DBClusterIdentifier="keep",
                               Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
        rds.create_db_instance(DBInstanceIdentifier="keep-2", DBClusterIdentifier="keep",
                               Engine="aurora-postgresql", DBInstanceClass="db.r6g.large", PromotionTier=0)
        self.simd.advance(15 * MINUTE)
        rds.create_db_cluster_endpoint(DBClusterIdentifier="keep", DBClusterEndpointIdentifier="keep-reports",
                                       EndpointType="READER", StaticMembers=["keep-2"])
        rds.create_db_cluster_snapshot(DBClusterIdentifier="keep", DBClusterSnapshotIdentifier="keep-monday")
        self.simd.advance(10 * MINUTE)
        rds.modify_db_cluster(DBClusterIdentifier="keep", BackupRetentionPeriod=9, ApplyImmediately=True)
        rds.modify_db_cluster(DBClusterIdentifier="keep", EnableIAMDatabaseAuthentication=True)
        self.simd.lose_copy("keep", 3)
        rds.failover_db_cluster(DBClusterIdentifier="keep")
        before = self.cluster("keep")
        volume = self.simd.cluster("keep")["volume"]
        self.assertEqual(before["Status"], "failing-over")

        self.simd.kill()
        self.simd.start()
        self.rds = rds = boto3.client("rds", endpoint_url=self.simd.url, region_name=REGION,
                                      aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
                                      config=Config(retries={"max_attempts": 1, "mode": "standard"}))
        self.checker.attach(rds)
        after = self.cluster("keep")
        self.assertEqual(before["PendingModifiedValues"], {"IAMDatabaseAuthenticationEnabled": True})
        for key in ("Status", "BackupRetentionPeriod", "DBClusterMembers", "Endpoint", "ReaderEndpoint",
                    "AvailabilityZones", "DbClusterResourceId", "PendingModifiedValues"):
            self.assertEqual(after[key], before[key], key)
        self.assertEqual(self.simd.cluster("keep")["volume"]["copies"], volume["copies"])
        endpoint = rds.describe_db_cluster_endpoints(DBClusterEndpointIdentifier="keep-reports")["DBClusterEndpoints"][0]
        self.assertEqual(endpoint["StaticMembers"], ["keep-2"])
        self.assertEqual(rds.describe_db_cluster_snapshots(DBClusterSnapshotIdentifier="keep-monday")
                         ["DBClusterSnapshots"][0]["Status"], "available")
        # The failover goes on where it was.
        self.simd.advance(MINUTE)
        self.assertEqual(self.writer("keep"), "keep-2")
        self.assertEqual(self.cluster("keep")["Status"], "available")
        # And IAM authentication comes on in the maintenance window.
        self.simd.advance(7 * 24 * 60 * MINUTE)
        self.assertNotIn("PendingModifiedValues", self.cluster("keep"))
        self.assertTrue(self.cluster("keep")["IAMDatabaseAuthenticationEnabled"])

    def test_serverless_v2(self):
        rds = self.rds
        # No Serverless v2 instance before its cluster has a range.
        rds.create_db_cluster(DBClusterIdentifier="fixed", Engine="aurora-postgresql", MasterUsername="dbadmin",
                              MasterUserPassword="fixed-Passw0rd")
        self.assertIn("Serverless v2 scaling configuration",
                      self.assertError("InvalidParameterCombination", 400, rds.create_db_instance,
                                       DBInstanceIdentifier="fixed-1", DBClusterIdentifier="fixed",
                                       Engine="aurora-postgresql", DBInstanceClass="db.serverless"))
        self.assertError("InvalidParameterValue", 400, rds.create_db_cluster, DBClusterIdentifier="tiny",
                         Engine="aurora-postgresql", MasterUsername="dbadmin", MasterUserPassword="tiny-Passw0rd",
                         ServerlessV2ScalingConfiguration={"MinCapacity": 0.25, "MaxCapacity": 8})
        self.assertError("InvalidParameterCombination", 400, rds.create_db_cluster, DBClusterIdentifier="upside",
                         Engine="aurora-postgresql", MasterUsername="dbadmin", MasterUserPassword="up-Passw0rd",
                         ServerlessV2ScalingConfiguration={"MinCapacity": 16, "MaxCapacity": 8})
        classes = {o["DBInstanceClass"] for o in rds.describe_orderable_db_instance_options(
            Engine="aurora-postgresql")["OrderableDBInstanceOptions"]}
        self.assertIn("db.serverless", classes)

        # The AWS CLI's shorthand, and a Serverless v2 writer.
        created = self.aws("create-db-cluster", "--db-cluster-identifier", "elastic", "--engine",
                           "aurora-postgresql", "--master-username", "dbadmin", "--master-user-password",
                           "elastic-Passw0rd", "--serverless-v2-scaling-configuration",
                           "MinCapacity=0.5,MaxCapacity=8")["DBCluster"]
        self.assertEqual(created["ServerlessV2ScalingConfiguration"], {"MinCapacity": 0.5, "MaxCapacity": 8.0})
        rds.create_db_instance(DBInstanceIdentifier="elastic-1", DBClusterIdentifier="elastic",
                               Engine="aurora-postgresql", DBInstanceClass="db.serverless")
        self.simd.advance(20 * MINUTE)
        instance = rds.describe_db_instances(DBInstanceIdentifier="elastic-1")["DBInstances"][0]
        self.assertEqual((instance["DBInstanceClass"], instance["DBInstanceStatus"]), ("db.serverless", "available"))
        modified = rds.modify_db_cluster(DBClusterIdentifier="elastic",
                                         ServerlessV2ScalingConfiguration={"MaxCapacity": 16})["DBCluster"]
        self.assertEqual(modified["ServerlessV2ScalingConfiguration"], {"MinCapacity": 0.5, "MaxCapacity": 16.0})

        # CloudWatch has its ACUs, within the range.
        self.simd.advance(2 * HOUR)
        cw = boto3.client("cloudwatch", endpoint_url=self.simd.url, region_name=REGION,
                          aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)
        now = rds.describe_db_clusters(DBClusterIdentifier="elastic")["DBClusters"][0]["LatestRestorableTime"]
        points = cw.get_metric_statistics(Namespace="AWS/RDS", MetricName="ServerlessDatabaseCapacity",
                                          Dimensions=[{"Name": "DBInstanceIdentifier", "Value": "elastic-1"}],
                                          StartTime=now.timestamp() - HOUR, EndTime=now.timestamp(),
                                          Period=300, Statistics=["Minimum", "Maximum"])["Datapoints"]
        self.assertTrue(points)
        for point in points:
            self.assertGreaterEqual(point["Minimum"], 0.5)
            self.assertLessEqual(point["Maximum"], 16)

    def test_awscli_cluster(self):
        created = self.aws("create-db-cluster", "--db-cluster-identifier", "cli", "--engine", "aurora-mysql",
                           "--master-username", "dbadmin", "--master-user-password", "cli-Passw0rd")["DBCluster"]
        self.assertEqual(created["Status"], "creating")
        self.simd.advance(5 * MINUTE)
        self.aws("wait", "db-cluster-available", "--db-cluster-identifier", "cli")
        self.aws("create-db-instance", "--db-instance-identifier", "cli-1", "--db-cluster-identifier", "cli",
                 "--engine", "aurora-mysql", "--db-instance-class", "db.r6g.large")
        self.aws("create-db-instance", "--db-instance-identifier", "cli-2", "--db-cluster-identifier", "cli",
                 "--engine", "aurora-mysql", "--db-instance-class", "db.t4g.medium", "--promotion-tier", "0")
        self.simd.advance(15 * MINUTE)
        self.aws("wait", "db-instance-available", "--db-instance-identifier", "cli-2")
        clusters = self.aws("describe-db-clusters")["DBClusters"]
        self.assertEqual([c["DBClusterIdentifier"] for c in clusters], ["cli"])

        self.aws("failover-db-cluster", "--db-cluster-identifier", "cli", "--target-db-instance-identifier", "cli-2")
        self.simd.advance(MINUTE)
        self.aws("wait", "db-cluster-available", "--db-cluster-identifier", "cli")
        self.assertEqual(self.writer("cli"), "cli-2")

        endpoint = self.aws("create-db-cluster-endpoint", "--db-cluster-identifier", "cli",
                            "--db-cluster-endpoint-identifier", "cli-any", "--endpoint-type", "ANY",
                            "--excluded-members", "cli-1")
        self.assertEqual(endpoint["ExcludedMembers"], ["cli-1"])
        self.simd.advance(3 * MINUTE)
        listed = self.aws("describe-db-cluster-endpoints", "--db-cluster-endpoint-identifier", "cli-any")
        self.assertEqual(listed["DBClusterEndpoints"][0]["Status"], "available")
        self.aws_error("DBClusterEndpointNotFoundFault", "modify-db-cluster-endpoint",
                       "--db-cluster-endpoint-identifier", "nothing", "--endpoint-type", "ANY")
        self.aws_error("InvalidDBClusterStateFault", "delete-db-cluster", "--db-cluster-identifier", "cli",
                       "--skip-final-snapshot")
        self.aws_error("DBClusterNotFoundFault", "describe-db-clusters", "--db-cluster-identifier", "nothing")

        self.aws("stop-db-cluster", "--db-cluster-identifier", "cli")
        self.simd.advance(10 * MINUTE)
        self.assertEqual(self.cluster("cli")["Status"], "stopped")
        self.aws("start-db-cluster", "--db-cluster-identifier", "cli")
        self.simd.advance(10 * MINUTE)
        self.aws("wait", "db-cluster-available", "--db-cluster-identifier", "cli")

        self.aws("create-db-cluster-snapshot", "--db-cluster-identifier", "cli",
                 "--db-cluster-snapshot-identifier", "cli-snap")
        self.simd.advance(10 * MINUTE)
        self.aws("wait", "db-cluster-snapshot-available", "--db-cluster-snapshot-identifier", "cli-snap")
        self.aws_error("DBClusterSnapshotNotFoundFault", "delete-db-cluster-snapshot",
                       "--db-cluster-snapshot-identifier", "nothing")

        self.aws("delete-db-instance", "--db-instance-identifier", "cli-1")
        self.aws("delete-db-instance", "--db-instance-identifier", "cli-2")
        self.aws("delete-db-cluster", "--db-cluster-identifier", "cli", "--skip-final-snapshot")
        self.simd.advance(20 * MINUTE)
        self.aws("wait", "db-cluster-deleted", "--db-cluster-identifier", "cli")


if __name__ == "__main__":
    unittest.main(verbosity=2)
