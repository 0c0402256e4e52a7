/* test-sim-clusters.c: Aurora clusters: members, the cluster volume, failover, endpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the engine on a paused clock and moves it explicitly.
 */

#include "config.h"

#include <math.h>

#include "rds-db-cluster.h"
#include "rds-db-cluster-endpoint.h"
#include "rds-db-cluster-member.h"
#include "rds-db-cluster-snapshot.h"
#include "rds-db-instance.h"
#include "rds-request.h"
#include "rds-sim-engine.h"
#include "sim-calls.h"
#include "sim-state-text.h"

#define EAST "us-east-1"
/* Monday 2026-01-05 00:00:00 UTC */
#define START_TIME G_GINT64_CONSTANT (1767571200000000)
#define MINUTE 60
#define HOUR 3600
#define DAY (24 * HOUR)

typedef struct
{
  RdsSimClock  *clock;
  RdsSimEngine *engine;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->clock = rds_sim_clock_new (START_TIME, 1.0, TRUE);
  f->engine = rds_sim_engine_new (42, f->clock);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->engine);
  g_assert_finalize_object (f->clock);
}

static RdsDbCluster *
describe_cluster (Fixture    *f,
                  const char *id)
{
  g_autoptr(RdsQueryResult) result = sim_call (f->engine, EAST, "DescribeDBClusters", "DBClusterIdentifier", id,
                                               NULL);

  g_assert_cmpuint (result->items->len, ==, 1);
  return g_object_ref (g_ptr_array_index (result->items, 0));
}

static char *
cluster_status (Fixture    *f,
                const char *id)
{
  g_autoptr(RdsDbCluster) cluster = describe_cluster (f, id);

  return g_strdup (rds_db_cluster_get_status (cluster));
}

static char *
writer_of (Fixture    *f,
           const char *id)
{
  g_autoptr(RdsDbCluster) cluster = describe_cluster (f, id);

  return g_strdup (rds_db_cluster_get_writer (cluster));
}

/* Seconds until the cluster has @status, a second at a time. */
static gint64
advance_until_cluster (Fixture    *f,
                       const char *id,
                       const char *status,
                       gint64      limit)
{
  for (gint64 waited = 0; waited <= limit; waited++)
    {
      g_autofree char *now = cluster_status (f, id);

      if (g_str_equal (now, status))
        return waited;
      rds_sim_engine_advance (f->engine, 1);
    }
  g_error ("%s did not become %s within %" G_GINT64_FORMAT " s", id, status, limit);
  return -1;
}

static void
make_cluster (Fixture    *f,
              const char *id,
              const char *engine)
{
  g_autoptr(RdsQueryResult) created = sim_call (f->engine, EAST, "CreateDBCluster",
                                                "DBClusterIdentifier", id,
                                                "Engine", engine,
                                                "MasterUsername", "dbadmin",
                                                "MasterUserPassword", "correct-horse-battery",
                                                NULL);
  g_assert_cmpstr (rds_db_cluster_get_status (RDS_DB_CLUSTER (created->item)), ==, "creating");
}

static void
add_instance (Fixture    *f,
              const char *cluster,
              const char *id,
              const char *klass,
              const char *tier,
              const char *zone)
{
  g_autoptr(RdsQueryResult) created = sim_call (f->engine, EAST, "CreateDBInstance",
                                                "DBInstanceIdentifier", id,
                                                "DBClusterIdentifier", cluster,
                                                "Engine", "aurora-mysql",
                                                "DBInstanceClass", klass,
                                                "PromotionTier", tier,
                                                "AvailabilityZone", zone,
                                                NULL);
  g_assert_cmpstr (rds_db_instance_get_status (RDS_DB_INSTANCE (created->item)), ==, "creating");
}

/* A cluster of a writer and readers, all available. */
static void
make_cluster_with (Fixture    *f,
                   const char *id,
                   guint       n_readers)
{
  g_autofree char *writer = g_strdup_printf ("%s-instance-1", id);

  make_cluster (f, id, "aurora-mysql");
  add_instance (f, id, writer, "db.r6g.large", "1", NULL);
  for (guint i = 0; i < n_readers; i++)
    {
      g_autofree char *reader = g_strdup_printf ("%s-instance-%u", id, i + 2);

      add_instance (f, id, reader, "db.r6g.large", "1", NULL);
    }
  for (guint i = 0; i <= n_readers; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-instance-%u", id, i + 1);

      sim_advance_until (f->engine, EAST, name, "available", HOUR);
    }
  advance_until_cluster (f, id, "available", HOUR);
}

static JsonObject *
sim_detail (Fixture    *f,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = rds_sim_engine_describe_cluster (f->engine, EAST, id, &error);
  JsonObject *object;

  g_assert_no_error (error);
  object = json_object_ref (json_node_get_object (node));
  json_node_unref (node);
  return object;
}

static gboolean
detail_quorum (Fixture    *f,
               const char *id,
               const char *which)
{
  g_autoptr(JsonObject) detail = sim_detail (f, id);

  return json_object_get_boolean_member (json_object_get_object_member (detail, "volume"), which);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The instances an endpoint sends connections to now, sorted, joined by
 * spaces. */
static char *
endpoint_reaches (Fixture    *f,
                  const char *id,
                  const char *endpoint)
{
  g_autoptr(JsonObject) detail = sim_detail (f, id);
  JsonArray *list = json_object_get_array_member (json_object_get_object_member (detail, "endpoints"), endpoint);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (list); i++)
    g_ptr_array_add (names, (gpointer) json_array_get_string_element (list, i));
  g_ptr_array_sort (names, compare_names);
  {
    GString *out = g_string_new (NULL);

    for (guint i = 0; i < names->len; i++)
      {
        const char *name = *(const char **) ((gpointer *) names->pdata + i);

        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, name);
      }
    return g_string_free (out, FALSE);
  }
}

static gboolean
has_event (Fixture    *f,
           const char *id,
           const char *message)
{
  g_auto(GStrv) events = (GStrv) g_ptr_array_free (sim_events (f->engine, EAST, "db-cluster", id, "1440"), FALSE);

  return g_strv_contains ((const char * const *) events, message);
}

/* Creating a cluster, its writer and readers */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RdsDbCluster) cluster = NULL;
  g_autoptr(RdsDbInstance) writer = NULL;
  GListModel *members;
  gint64 took;

  make_cluster (f, "orders", "aurora-mysql");
  took = advance_until_cluster (f, "orders", "available", HOUR);
  g_assert_cmpint (took, >=, 60);
  g_assert_cmpint (took, <=, 180);
  g_assert_true (has_event (f, "orders", "DB cluster created."));

  add_instance (f, "orders", "orders-1", "db.r6g.large", "1", NULL);
  add_instance (f, "orders", "orders-2", "db.r6g.large", "1", NULL);
  took = sim_advance_until (f->engine, EAST, "orders-1", "available", HOUR);
  g_assert_cmpint (took, >=, 5 * MINUTE);
  g_assert_cmpint (took, <=, 11 * MINUTE);
  sim_advance_until (f->engine, EAST, "orders-2", "available", HOUR);

  cluster = describe_cluster (f, "orders");
  members = rds_db_cluster_get_members (cluster);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);
  g_assert_cmpstr (rds_db_cluster_get_writer (cluster), ==, "orders-1");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (cluster), "port"), ==, 3306);
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (cluster), "backup-retention-period"), ==, 1);
  g_assert_true (g_str_has_prefix (rds_shape_get_string (RDS_SHAPE (cluster), "endpoint"), "orders.cluster-"));
  g_assert_true (g_str_has_prefix (rds_shape_get_string (RDS_SHAPE (cluster), "reader-endpoint"),
                                   "orders.cluster-ro-"));
  g_assert_cmpuint (g_strv_length ((char **) rds_shape_get_strv (RDS_SHAPE (cluster), "availability-zones")), ==, 3);
  /* Readers spread over the zones: the second instance is not with the first. */
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (cluster), "multi-az"));
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (cluster), "storage-type"), ==, "aurora");

  writer = sim_describe (f->engine, EAST, "orders-1");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (writer), "db-cluster-identifier"), ==, "orders");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (writer), "master-username"), ==, "dbadmin");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (writer), "promotion-tier"), ==, 1);
  /* An Aurora instance takes no backups of its own. */
  g_assert_cmpuint (rds_sim_engine_get_n_changes (f->engine), >, 0);
  {
    g_autoptr(RdsQueryResult) snapshots = sim_call (f->engine, EAST, "DescribeDBSnapshots", NULL);

    g_assert_cmpuint (snapshots->items->len, ==, 0);
  }
  /* Aurora PostgreSQL listens on 5432. */
  make_cluster (f, "billing", "aurora-postgresql");
  {
    g_autoptr(RdsDbCluster) pg = describe_cluster (f, "billing");

    g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (pg), "port"), ==, 5432);
  }
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  RdsSimEngine *e = f->engine;

  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "aurora-mysql", "CreateDBCluster",
                    "DBClusterIdentifier", "x", "Engine", "mysql", "MasterUsername", "dbadmin",
                    "MasterUserPassword", "correct-horse-battery", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "between 1 and 35", "CreateDBCluster",
                    "DBClusterIdentifier", "x", "Engine", "aurora-mysql", "MasterUsername", "dbadmin",
                    "MasterUserPassword", "correct-horse-battery", "BackupRetentionPeriod", "0", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "aurora-iopt1", "CreateDBCluster",
                    "DBClusterIdentifier", "x", "Engine", "aurora-mysql", "MasterUsername", "dbadmin",
                    "MasterUserPassword", "correct-horse-battery", "StorageType", "gp3", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_PARAMETER_GROUP_NOT_FOUND, NULL, "CreateDBCluster",
                    "DBClusterIdentifier", "x", "Engine", "aurora-mysql", "MasterUsername", "dbadmin",
                    "MasterUserPassword", "correct-horse-battery", "DBClusterParameterGroupName", "mine", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "DB cluster", "CreateDBInstance",
                    "DBInstanceIdentifier", "solo", "Engine", "aurora-mysql", "DBInstanceClass", "db.r6g.large",
                    NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_NOT_FOUND, "DBCluster nope not found.", "CreateDBInstance",
                    "DBInstanceIdentifier", "solo", "Engine", "aurora-mysql", "DBInstanceClass", "db.r6g.large",
                    "DBClusterIdentifier", "nope", NULL);

  make_cluster_with (f, "orders", 0);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_ALREADY_EXISTS, NULL, "CreateDBCluster",
                    "DBClusterIdentifier", "orders", "Engine", "aurora-mysql", "MasterUsername", "dbadmin",
                    "MasterUserPassword", "correct-horse-battery", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "master user password",
                    "CreateDBInstance", "DBInstanceIdentifier", "r", "Engine", "aurora-mysql",
                    "DBInstanceClass", "db.r6g.large", "DBClusterIdentifier", "orders",
                    "MasterUserPassword", "correct-horse-battery", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "doesn't match", "CreateDBInstance",
                    "DBInstanceIdentifier", "r", "Engine", "aurora-postgresql", "DBInstanceClass", "db.r6g.large",
                    "DBClusterIdentifier", "orders", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "DBInstanceClass=db.t3.micro",
                    "CreateDBInstance", "DBInstanceIdentifier", "r", "Engine", "aurora-mysql",
                    "DBInstanceClass", "db.t3.micro", "DBClusterIdentifier", "orders", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "PromotionTier", "CreateDBInstance",
                    "DBInstanceIdentifier", "r", "Engine", "aurora-mysql", "DBInstanceClass", "db.r6g.large",
                    "DBClusterIdentifier", "orders", "PromotionTier", "16", NULL);
  /* The instance's own actions that are its cluster's. */
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "StopDBCluster", "StopDBInstance",
                    "DBInstanceIdentifier", "orders-instance-1", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "CreateDBClusterSnapshot",
                    "CreateDBSnapshot", "DBInstanceIdentifier", "orders-instance-1",
                    "DBSnapshotIdentifier", "s", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, NULL, "CreateDBInstanceReadReplica",
                    "DBInstanceIdentifier", "rr", "SourceDBInstanceIdentifier", "orders-instance-1", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "ModifyDBCluster", "ModifyDBInstance",
                    "DBInstanceIdentifier", "orders-instance-1", "BackupRetentionPeriod", "7", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "cluster instance", "DeleteDBInstance",
                    "DBInstanceIdentifier", "orders-instance-1", "FinalDBSnapshotIdentifier", "last", NULL);
  /* Cluster actions in the wrong state, or without what they need. */
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE, "no available reader", "FailoverDBCluster",
                    "DBClusterIdentifier", "orders", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE, "expected it to be stopped",
                    "StartDBCluster", "DBClusterIdentifier", "orders", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE, "still contains DB instances",
                    "DeleteDBCluster", "DBClusterIdentifier", "orders", "SkipFinalSnapshot", "true", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "between 1 and 35", "ModifyDBCluster",
                    "DBClusterIdentifier", "orders", "BackupRetentionPeriod", "36", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_NOT_FOUND, "DBCluster nope not found.",
                    "DescribeDBClusters", "DBClusterIdentifier", "nope", NULL);
}

static void
test_max_members (Fixture       *f,
                  gconstpointer  data)
{
  rds_sim_engine_set_quota (f->engine, RDS_SIM_QUOTA_INSTANCES, 100);
  make_cluster (f, "big", "aurora-mysql");
  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *id = g_strdup_printf ("big-%u", i);

      add_instance (f, "big", id, "db.r6g.large", "1", NULL);
    }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INSTANCE_QUOTA_EXCEEDED, "15 readers", "CreateDBInstance",
                    "DBInstanceIdentifier", "big-16", "Engine", "aurora-mysql", "DBInstanceClass", "db.r6g.large",
                    "DBClusterIdentifier", "big", NULL);
}

/* The cluster volume */

/* Every pattern of whole copies lost: writes while 4 of 6 are up, reads
 * while 3 are; each pattern heals by itself. */
static void
test_quorum_patterns (Fixture       *f,
                      gconstpointer  data)
{
  make_cluster_with (f, "q", 0);

  for (guint pattern = 0; pattern < 64; pattern++)
    {
      g_autoptr(GError) error = NULL;
      int lost = 0;

      for (int copy = 0; copy < 6; copy++)
        if (pattern & (1u << copy))
          {
            g_assert_true (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "q", copy, -1, &error));
            g_assert_no_error (error);
            lost++;
          }
      g_assert_cmpint (detail_quorum (f, "q", "writeQuorum"), ==, 6 - lost >= 4);
      g_assert_cmpint (detail_quorum (f, "q", "readQuorum"), ==, 6 - lost >= 3);

      /* Repairs take minutes at most. */
      rds_sim_engine_advance (f->engine, 3 * MINUTE);
      g_assert_true (detail_quorum (f, "q", "writeQuorum"));
      {
        g_autoptr(JsonObject) detail = sim_detail (f, "q");

        g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (detail, "volume"),
                                                     "fewestCopiesUp"), ==, 6);
      }
    }
  g_assert_true (has_event (f, "q", "The cluster volume has its write quorum again: writes go on."));
}

/* Copies lost in different protection groups don't add up: quorum is per
 * group. */
static void
test_quorum_per_group (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  make_cluster_with (f, "q", 0);
  g_assert_true (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "q", 0, 0, &error));
  g_assert_true (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "q", 1, 0, &error));
  g_assert_true (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "q", 2, -1, &error));
  /* Group 0 has 3 copies: no writes. */
  g_assert_false (detail_quorum (f, "q", "writeQuorum"));
  g_assert_true (detail_quorum (f, "q", "readQuorum"));
  g_assert_false (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "q", 0, 0, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_clear_error (&error);
  g_assert_false (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "q", 0, 7, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_clear_error (&error);
  g_assert_false (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "q", 6, -1, &error));
  g_assert_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE);
  g_clear_error (&error);

  /* A segment is repaired within 30 s. */
  rds_sim_engine_advance (f->engine, 30);
  {
    g_autoptr(JsonObject) detail = sim_detail (f, "q");

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (detail, "volume"),
                                                                           "segmentsLost")), ==, 0);
  }
  g_assert_true (detail_quorum (f, "q", "writeQuorum"));
  g_assert_true (has_event (f, "q", "Copy 1 of protection group 0 was repaired from its peers."));
}

/* An AZ outage takes two copies: writes go on; one more lost copy stops
 * them until its repair; the zone's copies catch up when it is back. */
static void
test_zone_outage_volume (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsDbCluster) cluster = NULL;
  g_autoptr(JsonObject) detail = NULL;
  const char *zone;
  int copy_elsewhere;

  make_cluster_with (f, "q", 1);
  cluster = describe_cluster (f, "q");
  zone = rds_shape_get_strv (RDS_SHAPE (cluster), "availability-zones")[2];

  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, zone, TRUE, &error));
  g_assert_true (detail_quorum (f, "q", "writeQuorum"));
  detail = sim_detail (f, "q");
  {
    JsonArray *copies = json_object_get_array_member (json_object_get_object_member (detail, "volume"), "copies");

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (copies, 4), "state"), ==, "down");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (copies, 5), "state"), ==, "down");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (copies, 0), "state"), ==, "up");
  }

  copy_elsewhere = 1;
  g_assert_true (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "q", copy_elsewhere, -1, &error));
  g_assert_false (detail_quorum (f, "q", "writeQuorum"));
  g_assert_true (detail_quorum (f, "q", "readQuorum"));
  g_assert_true (has_event (f, "q", "The cluster volume lost its write quorum: every protection group has 3 of 6 "
                                    "copies, and writes need 4. Writes wait until a copy is repaired."));
  /* The copy in a zone that is up is repaired; the zone's wait. */
  rds_sim_engine_advance (f->engine, 3 * MINUTE);
  g_assert_true (detail_quorum (f, "q", "writeQuorum"));
  g_clear_pointer (&detail, json_object_unref);
  detail = sim_detail (f, "q");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (detail, "volume"), "fewestCopiesUp"),
                   ==, 4);

  /* The zone is back: its copies catch up. */
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, zone, FALSE, &error));
  g_clear_pointer (&detail, json_object_unref);
  detail = sim_detail (f, "q");
  {
    JsonArray *copies = json_object_get_array_member (json_object_get_object_member (detail, "volume"), "copies");

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (copies, 4), "state"), ==,
                     "catching-up");
  }
  rds_sim_engine_advance (f->engine, 3 * MINUTE);
  g_clear_pointer (&detail, json_object_unref);
  detail = sim_detail (f, "q");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (detail, "volume"), "fewestCopiesUp"),
                   ==, 6);
}

/* Failover */

/* The lowest tier, then the largest class, then the first by name. */
static void
test_failover_choice (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *writer = NULL;

  make_cluster (f, "c", "aurora-mysql");
  add_instance (f, "c", "w", "db.r6g.large", "1", NULL);
  add_instance (f, "c", "a", "db.r6g.large", "2", NULL);
  add_instance (f, "c", "b", "db.r6g.large", "1", NULL);
  add_instance (f, "c", "d", "db.r6g.2xlarge", "1", NULL);
  add_instance (f, "c", "e", "db.r6g.2xlarge", "1", NULL);
  for (const char * const *id = (const char * const[]) { "w", "a", "b", "d", "e", NULL }; *id != NULL; id++)
    sim_advance_until (f->engine, EAST, *id, "available", HOUR);
  advance_until_cluster (f, "c", "available", HOUR);

  {
    g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "FailoverDBCluster", "DBClusterIdentifier", "c", NULL);

    g_assert_cmpstr (rds_db_cluster_get_status (RDS_DB_CLUSTER (r->item)), ==, "failing-over");
  }
  g_assert_cmpint (advance_until_cluster (f, "c", "available", MINUTE), <, 30);
  writer = writer_of (f, "c");
  /* Tier 1, the largest: d and e; d first by name. */
  g_assert_cmpstr (writer, ==, "d");
  g_assert_true (has_event (f, "c", "Completed failover to DB instance: d"));

  /* A tier 0 reader goes first even if smaller. */
  {
    g_autoptr(RdsQueryResult) m = sim_call (f->engine, EAST, "ModifyDBInstance", "DBInstanceIdentifier", "a",
                                            "PromotionTier", "0", NULL);
    g_autoptr(RdsDbCluster) cluster = NULL;
    g_autoptr(RdsQueryResult) r = NULL;

    cluster = describe_cluster (f, "c");
    for (guint i = 0; i < g_list_model_get_n_items (rds_db_cluster_get_members (cluster)); i++)
      {
        g_autoptr(RdsDbClusterMember) member = g_list_model_get_item (rds_db_cluster_get_members (cluster), i);

        if (g_str_equal (rds_db_cluster_member_get_instance_identifier (member), "a"))
          g_assert_cmpint (rds_db_cluster_member_get_promotion_tier (member), ==, 0);
      }
    /* The old writer restarts as a reader first. */
    sim_advance_until (f->engine, EAST, "w", "available", HOUR);
    r = sim_call (f->engine, EAST, "FailoverDBCluster", "DBClusterIdentifier", "c", NULL);
    advance_until_cluster (f, "c", "available", MINUTE);
    g_free (writer);
    writer = writer_of (f, "c");
    g_assert_cmpstr (writer, ==, "a");
  }

  /* On demand, to a reader named. */
  sim_advance_until (f->engine, EAST, "d", "available", HOUR);
  {
    g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "FailoverDBCluster", "DBClusterIdentifier", "c",
                                            "TargetDBInstanceIdentifier", "b", NULL);

    advance_until_cluster (f, "c", "available", MINUTE);
    g_free (writer);
    writer = writer_of (f, "c");
    g_assert_cmpstr (writer, ==, "b");
  }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "writer", "FailoverDBCluster",
                    "DBClusterIdentifier", "c", "TargetDBInstanceIdentifier", "b", NULL);
}

/* The writer's host fails: a reader takes over in under 30 s, and the
 * cluster endpoint follows it. */
static void
test_failover_on_failure (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *writer = NULL;
  g_autofree char *reaches = NULL;

  make_cluster_with (f, "c", 2);
  reaches = endpoint_reaches (f, "c", "writer");
  g_assert_cmpstr (reaches, ==, "c-instance-1");
  g_free (reaches);
  reaches = endpoint_reaches (f, "c", "reader");
  g_assert_cmpstr (reaches, ==, "c-instance-2 c-instance-3");

  g_assert_true (rds_sim_engine_fail_instance (f->engine, EAST, "c-instance-1", "host", &error));
  g_assert_no_error (error);
  {
    g_autofree char *status = cluster_status (f, "c");

    g_assert_cmpstr (status, ==, "failing-over");
  }
  g_assert_cmpint (advance_until_cluster (f, "c", "available", MINUTE), <, 30);
  writer = writer_of (f, "c");
  g_assert_cmpstr (writer, ==, "c-instance-2");
  g_free (reaches);
  reaches = endpoint_reaches (f, "c", "writer");
  g_assert_cmpstr (reaches, ==, "c-instance-2");
  g_free (reaches);
  reaches = endpoint_reaches (f, "c", "reader");
  g_assert_cmpstr (reaches, ==, "c-instance-3");

  /* The old writer recovers as a reader. */
  sim_advance_until (f->engine, EAST, "c-instance-1", "available", HOUR);
  g_free (reaches);
  reaches = endpoint_reaches (f, "c", "reader");
  g_assert_cmpstr (reaches, ==, "c-instance-1 c-instance-3");
}

/* The writer's zone goes down: the cluster fails over to a reader in
 * another zone and keeps writing. */
static void
test_failover_zone_outage (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsDbInstance) old_writer = NULL;
  g_autoptr(RdsDbInstance) new_writer = NULL;
  g_autofree char *writer = NULL;
  g_autofree char *zone = NULL;

  make_cluster_with (f, "c", 2);
  old_writer = sim_describe (f->engine, EAST, "c-instance-1");
  zone = g_strdup (rds_shape_get_string (RDS_SHAPE (old_writer), "availability-zone"));

  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, zone, TRUE, &error));
  g_assert_cmpint (advance_until_cluster (f, "c", "available", MINUTE), <, 30);
  writer = writer_of (f, "c");
  g_assert_cmpstr (writer, !=, "c-instance-1");
  new_writer = sim_describe (f->engine, EAST, writer);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (new_writer), "availability-zone"), !=, zone);
  g_assert_true (detail_quorum (f, "c", "writeQuorum"));
  {
    g_autofree char *status = NULL;

    g_clear_object (&old_writer);
    old_writer = sim_describe (f->engine, EAST, "c-instance-1");
    status = g_strdup (rds_db_instance_get_status (old_writer));
    g_assert_cmpstr (status, ==, "failed");
  }
  g_assert_true (has_event (f, "c", "Started cross AZ failover to DB instance: c-instance-2") ||
                 has_event (f, "c", "Started cross AZ failover to DB instance: c-instance-3"));

  /* The zone is back: the old writer too, as a reader. */
  g_assert_true (rds_sim_engine_set_zone_down (f->engine, EAST, zone, FALSE, &error));
  sim_advance_until (f->engine, EAST, "c-instance-1", "available", HOUR);
  g_free (writer);
  writer = writer_of (f, "c");
  g_assert_cmpstr (writer, !=, "c-instance-1");
}

/* Deleting the writer fails over first; deleting the last instance leaves
 * the cluster empty, and then it can be deleted. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *writer = NULL;

  make_cluster_with (f, "c", 1);
  {
    g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "DeleteDBInstance", "DBInstanceIdentifier",
                                            "c-instance-1", NULL);
  }
  advance_until_cluster (f, "c", "failing-over", MINUTE);
  advance_until_cluster (f, "c", "available", MINUTE);
  writer = writer_of (f, "c");
  g_assert_cmpstr (writer, ==, "c-instance-2");
  rds_sim_engine_advance (f->engine, 10 * MINUTE);
  {
    g_autoptr(RdsDbCluster) cluster = describe_cluster (f, "c");

    g_assert_cmpuint (g_list_model_get_n_items (rds_db_cluster_get_members (cluster)), ==, 1);
  }
  {
    g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "DeleteDBInstance", "DBInstanceIdentifier",
                                            "c-instance-2", NULL);
    g_autoptr(RdsQueryResult) d = NULL;

    sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "required unless",
                      "DeleteDBCluster", "DBClusterIdentifier", "c", NULL);
    d = sim_call (f->engine, EAST, "DeleteDBCluster", "DBClusterIdentifier", "c", "SkipFinalSnapshot", "true",
                  NULL);
    g_assert_cmpstr (rds_db_cluster_get_status (RDS_DB_CLUSTER (d->item)), ==, "deleting");
  }
  rds_sim_engine_advance (f->engine, 15 * MINUTE);
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_DB_CLUSTER_NOT_FOUND, NULL, "DescribeDBClusters",
                    "DBClusterIdentifier", "c", NULL);
  g_assert_true (has_event (f, "c", "DB cluster deleted."));
}

static void
test_stop_start (Fixture       *f,
                 gconstpointer  data)
{
  make_cluster_with (f, "c", 1);
  {
    g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "StopDBCluster", "DBClusterIdentifier", "c", NULL);
    g_autofree char *status = sim_status (f->engine, EAST, "c-instance-2");

    g_assert_cmpstr (status, ==, "stopping");
  }
  advance_until_cluster (f, "c", "stopped", HOUR);
  {
    g_autofree char *status = sim_status (f->engine, EAST, "c-instance-1");
    g_autoptr(RdsDbCluster) cluster = describe_cluster (f, "c");

    g_assert_cmpstr (status, ==, "stopped");
    g_assert_cmpint (rds_shape_get_timestamp (RDS_SHAPE (cluster), "automatic-restart-time"), >,
                     rds_sim_engine_get_now (f->engine) + (gint64) 6 * DAY * G_USEC_PER_SEC);
  }
  g_assert_true (has_event (f, "c", "DB cluster stopped."));
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE, "not in available state",
                    "StopDBCluster", "DBClusterIdentifier", "c", NULL);

  /* Seven days later it starts by itself. */
  rds_sim_engine_advance (f->engine, 7 * DAY);
  advance_until_cluster (f, "c", "available", HOUR);
  sim_advance_until (f->engine, EAST, "c-instance-2", "available", HOUR);
  g_assert_true (has_event (f, "c", "DB cluster is being started due to it exceeding the maximum allowed time "
                                    "being stopped."));
  g_assert_true (has_event (f, "c", "DB cluster started."));
}

/* Whether a cluster has modifications waiting for its window. */
static gboolean
any_pending (Fixture *f)
{
  g_autoptr(RdsQueryResult) result = sim_call (f->engine, EAST, "DescribeDBClusters", NULL);

  for (guint i = 0; i < result->items->len; i++)
    if (rds_shape_get_object (g_ptr_array_index (result->items, i), "pending-modified-values") != NULL)
      return TRUE;
  return FALSE;
}

static void
test_modify (Fixture       *f,
             gconstpointer  data)
{
  make_cluster_with (f, "c", 1);
  {
    g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "ModifyDBCluster", "DBClusterIdentifier", "c",
                                            "BackupRetentionPeriod", "14", "DeletionProtection", "true",
                                            "StorageType", "aurora-iopt1", NULL);
    g_autoptr(RdsDbInstance) member = sim_describe (f->engine, EAST, "c-instance-2");

    g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (r->item), "backup-retention-period"), ==, 14);
    g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (member), "backup-retention-period"), ==, 14);
    g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (member), "storage-type"), ==, "aurora-iopt1");
  }
  sim_assert_error (f->engine, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "protected", "DeleteDBCluster",
                    "DBClusterIdentifier", "c", "SkipFinalSnapshot", "true", NULL);

  /* Without ApplyImmediately, a new name, a password and IAM authentication
   * wait for the maintenance window; the rest applied at once. */
  {
    g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "ModifyDBCluster", "DBClusterIdentifier", "c",
                                            "NewDBClusterIdentifier", "Later", "MasterUserPassword", "another-secret",
                                            "EnableIAMDatabaseAuthentication", "true", "CopyTagsToSnapshot", "true",
                                            NULL);
    RdsShape *pending = rds_shape_get_object (RDS_SHAPE (r->item), "pending-modified-values");
    g_autoptr(RdsDbInstance) member = NULL;

    g_assert_nonnull (pending);
    g_assert_cmpstr (rds_shape_get_string (pending, "db-cluster-identifier"), ==, "later");
    g_assert_cmpstr (rds_shape_get_string (pending, "master-user-password"), ==, "****");
    g_assert_cmpint (rds_shape_get_tristate (pending, "iam-database-authentication-enabled"), ==, RDS_TRISTATE_TRUE);
    g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (r->item), "db-cluster-identifier"), ==, "c");
    g_assert_false (rds_shape_get_boolean (RDS_SHAPE (r->item), "iam-database-authentication-enabled"));
    g_assert_true (rds_shape_get_boolean (RDS_SHAPE (r->item), "copy-tags-to-snapshot"));
    g_assert_false (has_event (f, "c", "Reset master credentials."));

    /* The window comes within a week: all of it then, in one go. */
    for (int hours = 0; any_pending (f); hours++)
      {
        g_assert_cmpint (hours, <, 7 * 24);
        rds_sim_engine_advance (f->engine, HOUR);
      }
    {
      g_autoptr(RdsDbCluster) cluster = describe_cluster (f, "later");

      g_assert_null (rds_shape_get_object (RDS_SHAPE (cluster), "pending-modified-values"));
      g_assert_true (rds_shape_get_boolean (RDS_SHAPE (cluster), "iam-database-authentication-enabled"));
    }
    member = sim_describe (f->engine, EAST, "c-instance-1");
    g_assert_true (rds_shape_get_boolean (RDS_SHAPE (member), "iam-database-authentication-enabled"));
    g_assert_true (has_event (f, "later", "Reset master credentials."));
    g_assert_true (has_event (f, "later", "Renamed cluster from c to later."));
  }

  /* Pending, then ApplyImmediately: what was pending goes too. */
  {
    g_autoptr(RdsQueryResult) deferred = sim_call (f->engine, EAST, "ModifyDBCluster", "DBClusterIdentifier",
                                                   "later", "NewDBClusterIdentifier", "renamed", NULL);
    g_autoptr(RdsQueryResult) r = NULL;
    g_autoptr(RdsDbInstance) member = NULL;
    g_autoptr(RdsDbCluster) cluster = NULL;

    g_assert_cmpstr (rds_shape_get_string (rds_shape_get_object (RDS_SHAPE (deferred->item),
                                                                 "pending-modified-values"),
                                           "db-cluster-identifier"), ==, "renamed");
    r = sim_call (f->engine, EAST, "ModifyDBCluster", "DBClusterIdentifier", "later",
                  "EnableIAMDatabaseAuthentication", "false", "ApplyImmediately", "true", NULL);
    member = sim_describe (f->engine, EAST, "c-instance-1");
    cluster = describe_cluster (f, "renamed");
    g_assert_null (rds_shape_get_object (RDS_SHAPE (r->item), "pending-modified-values"));
    g_assert_false (rds_shape_get_boolean (RDS_SHAPE (cluster), "iam-database-authentication-enabled"));
    g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (member), "db-cluster-identifier"), ==, "renamed");
    g_assert_true (g_str_has_prefix (rds_shape_get_string (RDS_SHAPE (cluster), "endpoint"), "renamed.cluster-"));
    g_assert_true (has_event (f, "renamed", "Renamed cluster from later to renamed."));
  }
}

/* A maintenance window @minutes from now, half an hour long. */
static char *
window_in (Fixture *f,
           int      minutes)
{
  static const char * const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (rds_sim_engine_get_now (f->engine) / G_USEC_PER_SEC +
                                                              minutes * 60);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 30);

  return g_strdup_printf ("%s:%02d:%02d-%s:%02d:%02d",
                          days[g_date_time_get_day_of_week (start) - 1], g_date_time_get_hour (start),
                          g_date_time_get_minute (start),
                          days[g_date_time_get_day_of_week (end) - 1], g_date_time_get_hour (end),
                          g_date_time_get_minute (end));
}

/* The window a request moves is the one its pending change waits for; a
 * cluster busy when it opens tries again within it. */
static void
test_modify_window (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *window = NULL;
  g_autofree char *status = NULL;
  g_autoptr(RdsDbCluster) cluster = NULL;

  make_cluster_with (f, "c", 1);
  rds_sim_engine_advance (f->engine, 60 - (rds_sim_engine_get_now (f->engine) / G_USEC_PER_SEC) % 60);
  window = window_in (f, 120);
  {
    g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "ModifyDBCluster", "DBClusterIdentifier", "c",
                                            "PreferredMaintenanceWindow", window,
                                            "EnableIAMDatabaseAuthentication", "true", NULL);

    g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (r->item), "preferred-maintenance-window"), ==, window);
  }
  g_assert_true (any_pending (f));

  /* A failover just before the window opens: busy then, done a minute
   * later, and the change goes in five minutes into the window. */
  rds_sim_engine_advance (f->engine, 120 * 60 - 5);
  {
    g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "FailoverDBCluster", "DBClusterIdentifier", "c", NULL);
  }
  rds_sim_engine_advance (f->engine, 6);
  status = cluster_status (f, "c");
  g_assert_cmpstr (status, ==, "failing-over");
  g_assert_true (any_pending (f));
  rds_sim_engine_advance (f->engine, 5 * 60);
  g_assert_false (any_pending (f));
  cluster = describe_cluster (f, "c");
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (cluster), "iam-database-authentication-enabled"));
}

/* Custom endpoints */

static void
create_endpoint (Fixture    *f,
                 const char *cluster,
                 const char *id,
                 const char *type,
                 const char *list,
                 const char *first,
                 const char *second)
{
  g_autofree char *first_key = list != NULL ? g_strdup_printf ("%s.member.1", list) : NULL;
  g_autofree char *second_key = list != NULL && second != NULL ? g_strdup_printf ("%s.member.2", list) : NULL;
  g_autoptr(RdsQueryResult) r = sim_call (f->engine, EAST, "CreateDBClusterEndpoint",
                                          "DBClusterIdentifier", cluster,
                                          "DBClusterEndpointIdentifier", id,
                                          "EndpointType", type,
                                          first_key != NULL ? first_key : "Ignored", first,
                                          second_key != NULL ? second_key : "Ignored2", second,
                                          NULL);

  g_assert_cmpstr (rds_db_cluster_endpoint_get_status (RDS_DB_CLUSTER_ENDPOINT (r->item)), ==, "creating");
  g_assert_cmpstr (rds_db_cluster_endpoint_get_endpoint_type (RDS_DB_CLUSTER_ENDPOINT (r->item)), ==, "CUSTOM");
}

static void
test_endpoints (Fixture       *f,
                gconstpointer  data)
{
  RdsSimEngine *e = f->engine;
  g_autofree char *reaches = NULL;

  make_cluster_with (f, "c", 2);
  create_endpoint (f, "c", "reporting", "READER", "StaticMembers", "c-instance-2", NULL);
  create_endpoint (f, "c", "all-but-3", "ANY", "ExcludedMembers", "c-instance-3", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_DB_CLUSTER_ENDPOINT_STATE, "creating",
                    "ModifyDBClusterEndpoint", "DBClusterEndpointIdentifier", "reporting", "EndpointType", "ANY",
                    NULL);
  rds_sim_engine_advance (e, 3 * MINUTE);

  {
    g_autoptr(RdsQueryResult) all = sim_call (e, EAST, "DescribeDBClusterEndpoints", "DBClusterIdentifier", "c",
                                              NULL);
    g_autoptr(RdsQueryResult) custom = sim_call (e, EAST, "DescribeDBClusterEndpoints",
                                                 "Filters.Filter.1.Name", "db-cluster-endpoint-type",
                                                 "Filters.Filter.1.Values.Value.1", "custom", NULL);
    g_autoptr(RdsDbCluster) cluster = describe_cluster (f, "c");

    g_assert_cmpuint (all->items->len, ==, 4);
    g_assert_cmpstr (rds_db_cluster_endpoint_get_endpoint_type (g_ptr_array_index (all->items, 0)), ==, "WRITER");
    g_assert_cmpstr (rds_db_cluster_endpoint_get_endpoint_type (g_ptr_array_index (all->items, 1)), ==, "READER");
    g_assert_cmpuint (custom->items->len, ==, 2);
    g_assert_cmpstr (rds_db_cluster_endpoint_get_status (g_ptr_array_index (custom->items, 0)), ==, "available");
    g_assert_true (g_str_has_prefix (rds_db_cluster_endpoint_get_address (g_ptr_array_index (custom->items, 1)),
                                     "reporting.cluster-custom-"));
    g_assert_cmpuint (g_strv_length ((char **) rds_shape_get_strv (RDS_SHAPE (cluster), "custom-endpoints")), ==, 2);
  }
  reaches = endpoint_reaches (f, "c", "reporting");
  g_assert_cmpstr (reaches, ==, "c-instance-2");
  g_free (reaches);
  reaches = endpoint_reaches (f, "c", "all-but-3");
  g_assert_cmpstr (reaches, ==, "c-instance-1 c-instance-2");

  /* A new instance joins the exclusion-list endpoint, not the static one. */
  add_instance (f, "c", "c-instance-4", "db.r6g.large", "1", NULL);
  sim_advance_until (e, EAST, "c-instance-4", "available", HOUR);
  g_free (reaches);
  reaches = endpoint_reaches (f, "c", "all-but-3");
  g_assert_cmpstr (reaches, ==, "c-instance-1 c-instance-2 c-instance-4");
  g_free (reaches);
  reaches = endpoint_reaches (f, "c", "reporting");
  g_assert_cmpstr (reaches, ==, "c-instance-2");

  /* A READER endpoint leaves its instance once it is the writer. */
  {
    g_autoptr(RdsQueryResult) r = sim_call (e, EAST, "FailoverDBCluster", "DBClusterIdentifier", "c",
                                            "TargetDBInstanceIdentifier", "c-instance-2", NULL);
  }
  advance_until_cluster (f, "c", "available", MINUTE);
  g_free (reaches);
  reaches = endpoint_reaches (f, "c", "reporting");
  g_assert_cmpstr (reaches, ==, "");

  /* Modify: one list replaces the other. */
  {
    g_autoptr(RdsQueryResult) r = sim_call (e, EAST, "ModifyDBClusterEndpoint",
                                            "DBClusterEndpointIdentifier", "all-but-3",
                                            "StaticMembers.member.1", "c-instance-3", NULL);
    RdsDbClusterEndpoint *endpoint = RDS_DB_CLUSTER_ENDPOINT (r->item);

    g_assert_cmpstr (rds_db_cluster_endpoint_get_status (endpoint), ==, "modifying");
    g_assert_null (rds_db_cluster_endpoint_get_excluded_members (endpoint));
    g_assert_cmpstr (rds_db_cluster_endpoint_get_static_members (endpoint)[0], ==, "c-instance-3");
  }
  rds_sim_engine_advance (e, 2 * MINUTE);
  g_free (reaches);
  reaches = endpoint_reaches (f, "c", "all-but-3");
  g_assert_cmpstr (reaches, ==, "c-instance-3");

  /* Errors */
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_ENDPOINT_ALREADY_EXISTS, NULL, "CreateDBClusterEndpoint",
                    "DBClusterIdentifier", "c", "DBClusterEndpointIdentifier", "reporting", "EndpointType", "ANY",
                    NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "not both", "CreateDBClusterEndpoint",
                    "DBClusterIdentifier", "c", "DBClusterEndpointIdentifier", "x", "EndpointType", "ANY",
                    "StaticMembers.member.1", "c-instance-1", "ExcludedMembers.member.1", "c-instance-2", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, NULL, "CreateDBClusterEndpoint",
                    "DBClusterIdentifier", "c", "DBClusterEndpointIdentifier", "x", "EndpointType", "ANY",
                    "StaticMembers.member.1", "elsewhere", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "READER or ANY", "CreateDBClusterEndpoint",
                    "DBClusterIdentifier", "c", "DBClusterEndpointIdentifier", "x", "EndpointType", "WRONG", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_ENDPOINT_NOT_FOUND, "DBClusterEndpoint nope not found.",
                    "DeleteDBClusterEndpoint", "DBClusterEndpointIdentifier", "nope", NULL);
  create_endpoint (f, "c", "e3", "ANY", NULL, NULL, NULL);
  create_endpoint (f, "c", "e4", "ANY", NULL, NULL, NULL);
  create_endpoint (f, "c", "e5", "ANY", NULL, NULL, NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_ENDPOINT_QUOTA_EXCEEDED, NULL, "CreateDBClusterEndpoint",
                    "DBClusterIdentifier", "c", "DBClusterEndpointIdentifier", "e6", "EndpointType", "ANY", NULL);
  g_assert_cmpuint (rds_aws_error_get_http_status (RDS_AWS_ERROR_DB_CLUSTER_ENDPOINT_QUOTA_EXCEEDED), ==, 403);

  /* Delete: deleting, then gone; an instance deleted leaves the lists. */
  rds_sim_engine_advance (e, 3 * MINUTE);
  {
    g_autoptr(RdsQueryResult) r = sim_call (e, EAST, "DeleteDBClusterEndpoint", "DBClusterEndpointIdentifier",
                                            "e5", NULL);

    g_assert_cmpstr (rds_db_cluster_endpoint_get_status (RDS_DB_CLUSTER_ENDPOINT (r->item)), ==, "deleting");
  }
  {
    g_autoptr(RdsQueryResult) r = sim_call (e, EAST, "DeleteDBInstance", "DBInstanceIdentifier", "c-instance-3",
                                            NULL);
  }
  rds_sim_engine_advance (e, 15 * MINUTE);
  {
    g_autoptr(RdsQueryResult) custom = sim_call (e, EAST, "DescribeDBClusterEndpoints",
                                                 "DBClusterEndpointIdentifier", "all-but-3", NULL);
    g_autoptr(RdsQueryResult) all = sim_call (e, EAST, "DescribeDBClusterEndpoints", "DBClusterIdentifier", "c",
                                              NULL);

    g_assert_cmpuint (custom->items->len, ==, 1);
    g_assert_null (rds_db_cluster_endpoint_get_static_members (g_ptr_array_index (custom->items, 0)));
    g_assert_cmpuint (all->items->len, ==, 2 + 4);
  }
}

/* Saved and loaded mid-failover and mid-repair, the state goes on the same. */
static void
test_save_load (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RdsSimClock) clock = rds_sim_clock_new (0, 1.0, TRUE);
  g_autoptr(RdsSimEngine) loaded = rds_sim_engine_new (1, clock);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autofree char *after_a = NULL;
  g_autofree char *after_b = NULL;

  make_cluster_with (f, "c", 1);
  create_endpoint (f, "c", "reporting", "READER", "StaticMembers", "c-instance-2", NULL);
  g_assert_true (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "c", 3, -1, &error));
  g_assert_true (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "c", 0, 0, &error));
  g_assert_true (rds_sim_engine_fail_instance (f->engine, EAST, "c-instance-1", "host", &error));

  saved = sim_state_dump (f->engine);
  sim_state_load (loaded, saved);
  again = sim_state_dump (loaded);
  g_assert_cmpstr (saved, ==, again);

  rds_sim_engine_advance (f->engine, HOUR);
  rds_sim_engine_advance (loaded, HOUR);
  after_a = sim_state_dump (f->engine);
  after_b = sim_state_dump (loaded);
  g_assert_cmpstr (after_a, ==, after_b);
  g_assert_nonnull (strstr (after_b, "\"IsClusterWriter\":true"));
}

/* Cluster snapshots: manual, automated, copies, final; restores */

static char *
snapshot_status (Fixture    *f,
                 const char *id)
{
  g_autoptr(RdsQueryResult) result = sim_call (f->engine, EAST, "DescribeDBClusterSnapshots",
                                               "DBClusterSnapshotIdentifier", id, NULL);

  return g_strdup (rds_db_cluster_snapshot_get_status (g_ptr_array_index (result->items, 0)));
}

static void
test_snapshots (Fixture       *f,
                gconstpointer  data)
{
  RdsSimEngine *e = f->engine;

  make_cluster_with (f, "c", 0);
  {
    g_autoptr(RdsQueryResult) r = sim_call (e, EAST, "CreateDBClusterSnapshot", "DBClusterIdentifier", "c",
                                            "DBClusterSnapshotIdentifier", "before-upgrade", NULL);
    RdsDbClusterSnapshot *snapshot = RDS_DB_CLUSTER_SNAPSHOT (r->item);

    g_assert_cmpstr (rds_db_cluster_snapshot_get_status (snapshot), ==, "creating");
    g_assert_cmpstr (rds_db_cluster_snapshot_get_snapshot_type (snapshot), ==, "manual");
    g_assert_cmpstr (rds_db_cluster_snapshot_get_cluster_identifier (snapshot), ==, "c");
  }
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_SNAPSHOT_ALREADY_EXISTS, NULL, "CreateDBClusterSnapshot",
                    "DBClusterIdentifier", "c", "DBClusterSnapshotIdentifier", "before-upgrade", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_DB_CLUSTER_SNAPSHOT_STATE, "creating",
                    "RestoreDBClusterFromSnapshot", "DBClusterIdentifier", "r", "SnapshotIdentifier",
                    "before-upgrade", "Engine", "aurora-mysql", NULL);
  rds_sim_engine_advance (e, 5 * MINUTE);
  {
    g_autofree char *status = snapshot_status (f, "before-upgrade");

    g_assert_cmpstr (status, ==, "available");
  }

  /* A copy, then the copy deleted. */
  {
    g_autoptr(RdsQueryResult) r = sim_call (e, EAST, "CopyDBClusterSnapshot",
                                            "SourceDBClusterSnapshotIdentifier", "before-upgrade",
                                            "TargetDBClusterSnapshotIdentifier", "kept", NULL);

    g_assert_cmpstr (rds_db_cluster_snapshot_get_status (RDS_DB_CLUSTER_SNAPSHOT (r->item)), ==, "copying");
  }
  rds_sim_engine_advance (e, 10 * MINUTE);
  {
    g_autofree char *status = snapshot_status (f, "kept");
    g_autoptr(RdsQueryResult) d = NULL;

    g_assert_cmpstr (status, ==, "available");
    d = sim_call (e, EAST, "DeleteDBClusterSnapshot", "DBClusterSnapshotIdentifier", "kept", NULL);
    g_assert_cmpstr (rds_db_cluster_snapshot_get_status (RDS_DB_CLUSTER_SNAPSHOT (d->item)), ==, "deleting");
  }
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_SNAPSHOT_NOT_FOUND, "DBClusterSnapshot kept not found.",
                    "DescribeDBClusterSnapshots", "DBClusterSnapshotIdentifier", "kept", NULL);

  /* Daily automated snapshots, kept for the retention period (1 day). */
  rds_sim_engine_advance (e, 3 * DAY);
  {
    g_autoptr(RdsQueryResult) automated = sim_call (e, EAST, "DescribeDBClusterSnapshots", "DBClusterIdentifier",
                                                    "c", "SnapshotType", "automated", NULL);
    const char *name;

    g_assert_cmpuint (automated->items->len, >=, 1);
    g_assert_cmpuint (automated->items->len, <=, 2);
    name = rds_db_cluster_snapshot_get_identifier (g_ptr_array_index (automated->items, 0));
    g_assert_true (g_str_has_prefix (name, "rds:c-2026-01-"));
    sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_DB_CLUSTER_SNAPSHOT_STATE, "automated",
                      "DeleteDBClusterSnapshot", "DBClusterSnapshotIdentifier", name, NULL);
  }

  /* Restored: a new cluster, empty, then with an instance. */
  {
    g_autoptr(RdsQueryResult) r = sim_call (e, EAST, "RestoreDBClusterFromSnapshot", "DBClusterIdentifier",
                                            "restored", "SnapshotIdentifier", "before-upgrade", "Engine",
                                            "aurora-mysql", NULL);
    RdsDbCluster *cluster = RDS_DB_CLUSTER (r->item);

    g_assert_cmpstr (rds_db_cluster_get_status (cluster), ==, "creating");
    g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (cluster), "master-username"), ==, "dbadmin");
    g_assert_null (rds_db_cluster_get_writer (cluster));
  }
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, NULL, "RestoreDBClusterFromSnapshot",
                    "DBClusterIdentifier", "r2", "SnapshotIdentifier", "before-upgrade", "Engine",
                    "aurora-postgresql", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_SNAPSHOT_NOT_FOUND, NULL, "RestoreDBClusterFromSnapshot",
                    "DBClusterIdentifier", "r2", "SnapshotIdentifier", "nothing", "Engine", "aurora-mysql", NULL);
  advance_until_cluster (f, "restored", "available", HOUR);
  g_assert_true (has_event (f, "restored", "Restored from snapshot before-upgrade."));

  /* A final snapshot when the cluster goes; its automated ones go too. */
  {
    g_autoptr(RdsQueryResult) d = sim_call (e, EAST, "DeleteDBInstance", "DBInstanceIdentifier", "c-instance-1",
                                            NULL);
    g_autoptr(RdsQueryResult) g = sim_call (e, EAST, "DeleteDBCluster", "DBClusterIdentifier", "c",
                                            "FinalDBSnapshotIdentifier", "c-final", NULL);
    g_autoptr(RdsQueryResult) automated = sim_call (e, EAST, "DescribeDBClusterSnapshots", "SnapshotType",
                                                    "automated", "DBClusterIdentifier", "c", NULL);

    g_assert_cmpuint (automated->items->len, ==, 0);
  }
  rds_sim_engine_advance (e, 30 * MINUTE);
  {
    g_autofree char *status = snapshot_status (f, "c-final");

    g_assert_cmpstr (status, ==, "available");
  }
}

static void
test_point_in_time (Fixture       *f,
                    gconstpointer  data)
{
  RdsSimEngine *e = f->engine;
  g_autoptr(RdsDbCluster) source = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *too_early = NULL;

  make_cluster_with (f, "c", 0);
  rds_sim_engine_advance (e, 2 * DAY);
  source = describe_cluster (f, "c");
  latest = rds_format_timestamp_seconds (rds_shape_get_timestamp (RDS_SHAPE (source), "latest-restorable-time"));
  too_early = rds_format_timestamp_seconds (rds_shape_get_timestamp (RDS_SHAPE (source), "earliest-restorable-time") -
                                            (gint64) G_USEC_PER_SEC * HOUR);

  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_RESTORE, "restorable window", "RestoreDBClusterToPointInTime",
                    "DBClusterIdentifier", "old", "SourceDBClusterIdentifier", "c", "RestoreToTime", too_early, NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, NULL, "RestoreDBClusterToPointInTime",
                    "DBClusterIdentifier", "old", "SourceDBClusterIdentifier", "c", "RestoreToTime", latest,
                    "UseLatestRestorableTime", "true", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_DB_CLUSTER_NOT_FOUND, NULL, "RestoreDBClusterToPointInTime",
                    "DBClusterIdentifier", "old", "SourceDBClusterIdentifier", "nothing",
                    "UseLatestRestorableTime", "true", NULL);
  {
    g_autoptr(RdsQueryResult) r = sim_call (e, EAST, "RestoreDBClusterToPointInTime", "DBClusterIdentifier",
                                            "then", "SourceDBClusterIdentifier", "c", "RestoreToTime", latest,
                                            NULL);

    g_assert_cmpstr (rds_db_cluster_get_status (RDS_DB_CLUSTER (r->item)), ==, "creating");
  }
  advance_until_cluster (f, "then", "available", HOUR);
  {
    g_autofree char *message = g_strdup_printf ("Restored from DB cluster c to %s.", latest);

    g_assert_true (has_event (f, "then", message));
  }
}

/* Aurora's metrics: the volume's by DBClusterIdentifier, the readers' lag */

/* The hourly points of a metric over the last @hours: their averages,
 * oldest first (NULL-terminated array of doubles as a GArray). */
static GArray *
hourly (Fixture    *f,
        const char *metric,
        const char *dimension,
        const char *value,
        const char *stat,
        int         hours)
{
  gint64 now = rds_sim_engine_get_now (f->engine);
  g_autofree char *start = rds_format_timestamp (now - (gint64) hours * HOUR * G_USEC_PER_SEC);
  g_autofree char *end = rds_format_timestamp (now);
  g_autoptr(RdsQueryResult) result = sim_call (f->engine, EAST, "GetMetricStatistics",
                                               "Namespace", "AWS/RDS", "MetricName", metric,
                                               "Dimensions.member.1.Name", dimension,
                                               "Dimensions.member.1.Value", value,
                                               "StartTime", start, "EndTime", end, "Period", "3600",
                                               "Statistics.member.1", stat, NULL);
  GListModel *points = rds_shape_get_list (result->item, "datapoints");
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));
  const char *field = g_str_equal (stat, "Maximum") ? "maximum" : g_str_equal (stat, "Minimum") ? "minimum" : "average";

  for (guint i = 0; points != NULL && i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(RdsShape) point = g_list_model_get_item (points, i);
      double v = rds_shape_get_double (point, field);

      g_array_append_val (values, v);
    }
  return values;
}

/* Serverless v2: the cluster's range, checked; instances of db.serverless
 * within it, their ACUs following the load in CloudWatch. */
static void
test_serverless (Fixture       *f,
                 gconstpointer  data)
{
  RdsSimEngine *e = f->engine;
  g_autoptr(GArray) capacity = NULL;
  g_autoptr(GArray) utilization = NULL;
  g_autoptr(GArray) wider = NULL;
  double lowest = G_MAXDOUBLE, highest = 0;

  /* Without a range, no Serverless v2 instance; with a wrong one, no cluster. */
  make_cluster (f, "plain", "aurora-mysql");
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "Serverless v2 scaling configuration",
                    "CreateDBInstance", "DBInstanceIdentifier", "s", "DBClusterIdentifier", "plain",
                    "Engine", "aurora-mysql", "DBInstanceClass", "db.serverless", NULL);
  for (const char * const *bad = (const char * const[]) { "0.25", "129", "1.3", "x", NULL }; *bad != NULL; bad++)
    sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "steps of 0.5", "CreateDBCluster",
                      "DBClusterIdentifier", "bad", "Engine", "aurora-mysql", "MasterUsername", "dbadmin",
                      "MasterUserPassword", "correct-horse-battery",
                      "ServerlessV2ScalingConfiguration.MinCapacity", *bad,
                      "ServerlessV2ScalingConfiguration.MaxCapacity", "16", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "greater than or equal",
                    "CreateDBCluster", "DBClusterIdentifier", "bad", "Engine", "aurora-mysql",
                    "MasterUsername", "dbadmin", "MasterUserPassword", "correct-horse-battery",
                    "ServerlessV2ScalingConfiguration.MinCapacity", "8",
                    "ServerlessV2ScalingConfiguration.MaxCapacity", "4", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "both", "CreateDBCluster",
                    "DBClusterIdentifier", "bad", "Engine", "aurora-mysql", "MasterUsername", "dbadmin",
                    "MasterUserPassword", "correct-horse-battery",
                    "ServerlessV2ScalingConfiguration.MaxCapacity", "4", NULL);
  /* Aurora MySQL 2 (MySQL 5.7) has no Serverless v2, even with a range. */
  {
    g_autoptr(RdsQueryResult) old = sim_call (e, EAST, "CreateDBCluster", "DBClusterIdentifier", "old",
                                              "Engine", "aurora-mysql", "EngineVersion", "5.7.mysql_aurora.2.12.4",
                                              "MasterUsername", "dbadmin", "MasterUserPassword", "correct-horse-battery",
                                              "ServerlessV2ScalingConfiguration.MinCapacity", "0.5",
                                              "ServerlessV2ScalingConfiguration.MaxCapacity", "4", NULL);
  }
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "DBInstanceClass=db.serverless",
                    "CreateDBInstance", "DBInstanceIdentifier", "old-1", "DBClusterIdentifier", "old",
                    "Engine", "aurora-mysql", "DBInstanceClass", "db.serverless", NULL);
  sim_assert_error (e, EAST, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "DBInstanceClass=db.serverless",
                    "CreateDBInstance", "DBInstanceIdentifier", "not-aurora", "Engine", "mysql",
                    "DBInstanceClass", "db.serverless", "AllocatedStorage", "20", "MasterUsername", "admin",
                    "MasterUserPassword", "correct-horse-battery", NULL);

  {
    g_autoptr(RdsQueryResult) created = sim_call (e, EAST, "CreateDBCluster", "DBClusterIdentifier", "elastic",
                                                  "Engine", "aurora-mysql", "MasterUsername", "dbadmin",
                                                  "MasterUserPassword", "correct-horse-battery",
                                                  "ServerlessV2ScalingConfiguration.MinCapacity", "0.5",
                                                  "ServerlessV2ScalingConfiguration.MaxCapacity", "4", NULL);
    RdsShape *scaling = rds_shape_get_object (RDS_SHAPE (created->item), "serverless-v2-scaling-configuration");

    g_assert_nonnull (scaling);
    g_assert_cmpfloat (rds_shape_get_double (scaling, "min-capacity"), ==, 0.5);
    g_assert_cmpfloat (rds_shape_get_double (scaling, "max-capacity"), ==, 4);
  }
  add_instance (f, "elastic", "elastic-1", "db.serverless", "0", NULL);
  add_instance (f, "elastic", "elastic-2", "db.r6g.large", "1", NULL);
  add_instance (f, "elastic", "elastic-3", "db.serverless", "0", NULL);
  sim_advance_until (e, EAST, "elastic-1", "available", HOUR);
  sim_advance_until (e, EAST, "elastic-2", "available", HOUR);
  sim_advance_until (e, EAST, "elastic-3", "available", HOUR);
  add_instance (f, "elastic", "elastic-4", "db.serverless", "2", NULL);
  sim_advance_until (e, EAST, "elastic-4", "available", HOUR);
  /* The writer busy, its readers quiet. */
  {
    g_autoptr(GError) error = NULL;
    const char *profile = NULL;
    double multiplier;

    g_assert_true (rds_sim_engine_get_workload (e, EAST, "elastic-1", &profile, &multiplier, &error));
    g_assert_true (rds_sim_engine_set_workload (e, EAST, "elastic-1", profile, 3.0, &error));
    g_assert_true (rds_sim_engine_set_workload (e, EAST, "elastic-3", profile, 0.2, &error));
    g_assert_true (rds_sim_engine_set_workload (e, EAST, "elastic-4", profile, 0.2, &error));
  }
  rds_sim_engine_advance (e, 24 * HOUR);

  /* Over a day its ACUs follow the load within 0.5 to 4, in steps of 0.5,
   * its processors kept busy about as much; the utilization is their share
   * of the most. */
  capacity = hourly (f, "ServerlessDatabaseCapacity", "DBInstanceIdentifier", "elastic-1", "Average", 24);
  utilization = hourly (f, "ACUUtilization", "DBInstanceIdentifier", "elastic-1", "Average", 24);
  g_assert_cmpuint (capacity->len, >=, 20);
  g_assert_cmpuint (utilization->len, ==, capacity->len);
  for (guint i = 0; i < capacity->len; i++)
    {
      double acu = g_array_index (capacity, double, i);

      g_assert_cmpfloat (acu, >=, 0.5);
      g_assert_cmpfloat (acu, <=, 4);
      g_assert_cmpfloat_with_epsilon (g_array_index (utilization, double, i), 100.0 * acu / 4, 1e-6);
      lowest = MIN (lowest, acu);
      highest = MAX (highest, acu);
    }
  g_assert_cmpfloat (highest, >, lowest);
  {
    g_autoptr(GArray) maxima = hourly (f, "ServerlessDatabaseCapacity", "DBInstanceIdentifier", "elastic-1",
                                       "Maximum", 24);

    for (guint i = 0; i < maxima->len; i++)
      g_assert_cmpfloat (fmod (g_array_index (maxima, double, i) * 2.0, 1.0), ==, 0.0);
  }
  /* A reader of tier 0 keeps at least the writer's ACUs, to take over at
   * its size. */
  {
    g_autoptr(GArray) follower = hourly (f, "ServerlessDatabaseCapacity", "DBInstanceIdentifier", "elastic-3",
                                         "Minimum", 24);
    g_autoptr(GArray) writer = hourly (f, "ServerlessDatabaseCapacity", "DBInstanceIdentifier", "elastic-1",
                                       "Minimum", 24);

    g_autoptr(GArray) own_size = hourly (f, "ServerlessDatabaseCapacity", "DBInstanceIdentifier", "elastic-4",
                                         "Average", 24);
    g_autoptr(GArray) led = hourly (f, "ServerlessDatabaseCapacity", "DBInstanceIdentifier", "elastic-3",
                                    "Average", 24);
    double sum_own = 0, sum_led = 0;

    g_assert_cmpuint (follower->len, ==, writer->len);
    for (guint i = 0; i < follower->len; i++)
      g_assert_cmpfloat (g_array_index (follower, double, i), >=, g_array_index (writer, double, i));
    /* A reader of tier 2 as quiet keeps its own, smaller size. */
    g_assert_cmpuint (own_size->len, ==, led->len);
    for (guint i = 0; i < own_size->len; i++)
      {
        sum_own += g_array_index (own_size, double, i);
        sum_led += g_array_index (led, double, i);
      }
    g_assert_cmpfloat (sum_own, <, sum_led);
  }
  /* The cluster's: the average of its Serverless v2 instances' (not the
   * provisioned reader's), listed by ListMetrics too. */
  {
    g_autoptr(GArray) whole = hourly (f, "ServerlessDatabaseCapacity", "DBClusterIdentifier", "elastic", "Average", 24);
    GArray *parts[3] = { NULL, NULL, NULL };
    const char *ids[] = { "elastic-1", "elastic-3", "elastic-4" };
    g_autoptr(RdsQueryResult) listed = sim_call (e, EAST, "ListMetrics", "Namespace", "AWS/RDS",
                                                 "MetricName", "ServerlessDatabaseCapacity",
                                                 "Dimensions.member.1.Name", "DBClusterIdentifier",
                                                 "Dimensions.member.1.Value", "elastic", NULL);

    for (guint p = 0; p < 3; p++)
      {
        parts[p] = hourly (f, "ServerlessDatabaseCapacity", "DBInstanceIdentifier", ids[p], "Average", 24);
        g_assert_cmpuint (parts[p]->len, ==, whole->len);
      }
    g_assert_cmpuint (whole->len, >=, 20);
    for (guint i = 0; i < whole->len; i++)
      g_assert_cmpfloat_with_epsilon (g_array_index (whole, double, i),
                                      (g_array_index (parts[0], double, i) + g_array_index (parts[1], double, i) +
                                       g_array_index (parts[2], double, i)) / 3, 1e-6);
    g_assert_cmpuint (g_list_model_get_n_items (rds_shape_get_list (listed->item, "metrics")), ==, 1);
    for (guint p = 0; p < 3; p++)
      g_clear_pointer (&parts[p], g_array_unref);
  }
  /* A provisioned reader has no ACUs. */
  {
    g_autoptr(GArray) none = hourly (f, "ServerlessDatabaseCapacity", "DBInstanceIdentifier", "elastic-2",
                                     "Average", 6);

    g_assert_cmpuint (none->len, ==, 0);
  }

  /* A wider range: from now on it may grow further; a narrower one holds it. */
  {
    g_autoptr(RdsQueryResult) r = sim_call (e, EAST, "ModifyDBCluster", "DBClusterIdentifier", "elastic",
                                            "ServerlessV2ScalingConfiguration.MinCapacity", "2",
                                            "ServerlessV2ScalingConfiguration.MaxCapacity", "2", NULL);
    RdsShape *scaling = rds_shape_get_object (RDS_SHAPE (r->item), "serverless-v2-scaling-configuration");

    g_assert_cmpfloat (rds_shape_get_double (scaling, "min-capacity"), ==, 2);
  }
  rds_sim_engine_advance (e, 3 * HOUR);
  wider = hourly (f, "ServerlessDatabaseCapacity", "DBInstanceIdentifier", "elastic-1", "Average", 2);
  g_assert_cmpuint (wider->len, >=, 1);
  for (guint i = 0; i < wider->len; i++)
    g_assert_cmpfloat (g_array_index (wider, double, i), ==, 2);
  /* Only one bound: the other stays. */
  {
    g_autoptr(RdsQueryResult) r = sim_call (e, EAST, "ModifyDBCluster", "DBClusterIdentifier", "elastic",
                                            "ServerlessV2ScalingConfiguration.MaxCapacity", "64", NULL);
    RdsShape *scaling = rds_shape_get_object (RDS_SHAPE (r->item), "serverless-v2-scaling-configuration");

    g_assert_cmpfloat (rds_shape_get_double (scaling, "min-capacity"), ==, 2);
    g_assert_cmpfloat (rds_shape_get_double (scaling, "max-capacity"), ==, 64);
  }
}

static void
test_metrics (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GArray) volume = NULL;
  g_autoptr(GArray) lag = NULL;
  g_autoptr(GArray) writer_lag = NULL;
  g_autoptr(GArray) maximum = NULL;
  g_autoptr(GArray) left = NULL;
  g_autoptr(GArray) wrong = NULL;
  g_autoptr(GArray) storage = NULL;
  g_autoptr(RdsQueryResult) listed = NULL;
  GListModel *metrics;
  gboolean found = FALSE;

  make_cluster_with (f, "c", 1);
  rds_sim_engine_advance (f->engine, 6 * HOUR);

  /* The volume grows with the data. */
  volume = hourly (f, "VolumeBytesUsed", "DBClusterIdentifier", "c", "Average", 5);
  g_assert_cmpuint (volume->len, >=, 4);
  g_assert_cmpfloat (g_array_index (volume, double, 0), >, 0.1 * 1024 * 1024 * 1024);
  g_assert_cmpfloat (g_array_index (volume, double, volume->len - 1), >, g_array_index (volume, double, 0));
  /* What is left shrinks as much: the two add up to the 128 TiB limit. */
  left = hourly (f, "AuroraVolumeBytesLeftTotal", "DBClusterIdentifier", "c", "Average", 5);
  g_assert_cmpuint (left->len, ==, volume->len);
  for (guint i = 0; i < left->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (left, double, i) + g_array_index (volume, double, i),
                                    128.0 * 1024 * 1024 * 1024 * 1024, 1.0);

  /* Readers trail the writer by milliseconds; the writer says the worst. */
  lag = hourly (f, "AuroraReplicaLag", "DBInstanceIdentifier", "c-instance-2", "Maximum", 5);
  g_assert_cmpuint (lag->len, >=, 4);
  for (guint i = 0; i < lag->len; i++)
    {
      g_assert_cmpfloat (g_array_index (lag, double, i), >, 0.0);
      g_assert_cmpfloat (g_array_index (lag, double, i), <, 20.0);
    }
  writer_lag = hourly (f, "AuroraReplicaLag", "DBInstanceIdentifier", "c-instance-1", "Maximum", 5);
  g_assert_cmpuint (writer_lag->len, ==, 0);
  maximum = hourly (f, "AuroraReplicaLagMaximum", "DBInstanceIdentifier", "c-instance-1", "Maximum", 5);
  g_assert_cmpuint (maximum->len, >=, 4);
  /* A volume metric by instance, or an RDS storage metric of Aurora: none. */
  wrong = hourly (f, "VolumeBytesUsed", "DBInstanceIdentifier", "c-instance-1", "Average", 5);
  g_assert_cmpuint (wrong->len, ==, 0);

  listed = sim_call (f->engine, EAST, "ListMetrics", "Namespace", "AWS/RDS",
                     "Dimensions.member.1.Name", "DBClusterIdentifier", NULL);
  metrics = rds_shape_get_list (listed->item, "metrics");
  for (guint i = 0; metrics != NULL && i < g_list_model_get_n_items (metrics); i++)
    {
      g_autoptr(RdsShape) metric = g_list_model_get_item (metrics, i);

      found |= g_str_equal (rds_shape_get_string (metric, "metric-name"), "VolumeBytesUsed");
    }
  g_assert_true (found);

  /* No writes without a write quorum: the volume stops growing. */
  {
    g_autoptr(GError) error = NULL;

    storage = hourly (f, "VolumeWriteIOPs", "DBClusterIdentifier", "c", "Average", 2);
    g_assert_cmpfloat (g_array_index (storage, double, storage->len - 1), >, 0.0);
    for (int copy = 0; copy < 3; copy++)
      g_assert_true (rds_sim_engine_fail_cluster_copy (f->engine, EAST, "c", copy, -1, &error));
    rds_sim_engine_advance (f->engine, 5);
    g_assert_false (detail_quorum (f, "c", "writeQuorum"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/rds/sim/clusters/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("create", test_create);
  ADD ("errors", test_errors);
  ADD ("max-members", test_max_members);
  ADD ("quorum/patterns", test_quorum_patterns);
  ADD ("quorum/per-group", test_quorum_per_group);
  ADD ("quorum/zone-outage", test_zone_outage_volume);
  ADD ("failover/choice", test_failover_choice);
  ADD ("failover/host-failure", test_failover_on_failure);
  ADD ("failover/zone-outage", test_failover_zone_outage);
  ADD ("delete", test_delete);
  ADD ("stop-start", test_stop_start);
  ADD ("modify", test_modify);
  ADD ("modify-window", test_modify_window);
  ADD ("serverless", test_serverless);
  ADD ("endpoints", test_endpoints);
  ADD ("save-load", test_save_load);
  ADD ("snapshots", test_snapshots);
  ADD ("point-in-time", test_point_in_time);
  ADD ("metrics", test_metrics);

  return g_test_run ();
}
