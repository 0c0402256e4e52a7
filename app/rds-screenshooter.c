/* rds-screenshooter.c: the console's pages as PNG images, for docs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Behind `rds-console --screenshots DIR`. The application starts the
 * embedded simulator in a scene that is the same at every run (a new
 * state, the clock paused at a fixed time, a fixed seed, no keyring, no
 * saved settings, no animations); the screenshooter adds the sample
 * environment, shows each scene of the table below in the window (a page,
 * a tab, a wizard, the Info panel, a dialog or a menu over them), waits
 * until its lists are loaded and two frames painted, and writes the
 * pixels to DIR/NAME.png: the window's, with its open menu laid where it
 * is, or the dialog's. Then an index of them with captions, in Markdown
 * (index.md) and HTML (index.html).
 */

#include "config.h"

#include "rds-screenshooter.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "rds-copy-snapshot-dialog.h"
#include "rds-create-database-wizard.h"
#include "rds-create-replica-wizard.h"
#include "rds-database-form.h"
#include "rds-cluster-page.h"
#include "rds-instance-class-section.h"
#include "rds-database-page.h"
#include "rds-db-instance.h"
#include "rds-databases-page.h"
#include "rds-modify-database-wizard.h"
#include "rds-page.h"
#include "rds-resource-list.h"
#include "rds-restore-database-wizard.h"
#include "rds-restore-timeline.h"
#include "rds-sample-environment.h"
#include "rds-session.h"
#include "rds-share-snapshot-dialog.h"
#include "rds-snapshots-page.h"
#include "rds-keys-page.h"

/* Later steps of the wizards, as a user reaches them. */

static GtkWidget *
form_widget (GtkWidget  *wizard,
             const char *name)
{
  RdsDatabaseForm *form = RDS_IS_CREATE_DATABASE_WIZARD (wizard)
                          ? rds_create_database_wizard_get_form (RDS_CREATE_DATABASE_WIZARD (wizard))
                          : rds_modify_database_wizard_get_form (RDS_MODIFY_DATABASE_WIZARD (wizard));

  return rds_database_form_get_widget (form, name);
}

/* Create database: Easy create. */
static void
choose_easy_create (GtkWidget *wizard)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (wizard, "method_easy")), TRUE);
}

/* Create database: Aurora (MySQL-compatible) chosen. */
static void
choose_aurora (GtkWidget *wizard)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (wizard, "engine_aurora_mysql")), TRUE);
}

/* Create database: Aurora Serverless v2, its capacity range in view. */
static void
choose_aurora_serverless (GtkWidget *wizard)
{
  GtkWidget *family = form_widget (wizard, "class_serverless");
  GtkWidget *scroller = gtk_widget_get_ancestor (family, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t at;

  choose_aurora (wizard);
  /* Chosen once Aurora's classes are loaded. */
  rds_instance_class_section_choose (RDS_INSTANCE_CLASS_SECTION (gtk_widget_get_ancestor (family,
                                                                                         RDS_TYPE_INSTANCE_CLASS_SECTION)),
                                     "db.serverless");
  /* The instance configuration at the top: its families, then the range. */
  if (scroller != NULL &&
      gtk_widget_compute_point (form_widget (wizard, "class_description"), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                &GRAPHENE_POINT_INIT (0, 0), &at))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), at.y - 80);
}

/* Modify: more storage, then Continue to the summary of modifications. */
static void
continue_to_summary (GtkWidget *wizard)
{
  gtk_editable_set_text (GTK_EDITABLE (form_widget (wizard, "allocated_entry")), "200");
  gtk_widget_activate_action (wizard, "wizard.continue", NULL);
}

/* Restore to point in time: a custom time, halfway through the window. */
static void
choose_custom_restore_time (GtkWidget *wizard)
{
  RdsRestoreDatabaseWizard *restore = RDS_RESTORE_DATABASE_WIZARD (wizard);
  RdsRestoreTimeline *timeline = RDS_RESTORE_TIMELINE (rds_restore_database_wizard_get_widget (restore, "timeline"));
  gint64 earliest = rds_restore_timeline_get_earliest (timeline);
  gint64 latest = rds_restore_timeline_get_latest (timeline);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (rds_restore_database_wizard_get_widget (restore, "custom_check")),
                               TRUE);
  if (earliest > 0)
    rds_restore_timeline_set_chosen (timeline, (earliest + (latest - earliest) / 2) / G_USEC_PER_SEC * G_USEC_PER_SEC);
}

/* Databases: a database chosen in the list. */
static void
choose_billing_postgres (GtkWidget *page)
{
  rds_databases_page_select (RDS_DATABASES_PAGE (page), "billing-postgres");
}

/* Steps that change the simulator: each asked through the session, and
 * the scene settles once every answer is in (and the lists refreshed). */
static guint scene_calls;

static void
scene_call_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer = rds_session_call_finish (RDS_SESSION (object), result, &error);

  if (answer == NULL)
    g_warning ("A scene's step failed: %s", error->message);
  g_clear_pointer (&answer, rds_query_result_free);
  rds_session_refresh (RDS_SESSION (object));
  scene_calls--;
}

static void
scene_control_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rds_session_control_finish (RDS_SESSION (object), result, &error))
    g_warning ("A scene's step failed: %s", error->message);
  scene_calls--;
}

static RdsSession *
page_session (GtkWidget *page)
{
  return RDS_IS_PAGE (page) ? rds_page_get_session (RDS_PAGE (page)) : NULL;
}

static RdsDbInstance *
page_instance (GtkWidget *page)
{
  return RDS_IS_DATABASE_PAGE (page) ? rds_database_page_get_instance (RDS_DATABASE_PAGE (page)) : NULL;
}

/* Topology: legacy-oracle converting to Multi-AZ (unless it is already). */
static void
convert_legacy (GtkWidget *page)
{
  RdsDbInstance *instance = page_instance (page);
  g_autoptr(RdsRequest) request = NULL;

  if (instance == NULL || !rds_db_instance_allows (instance, RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ))
    return;
  request = rds_request_new ("ModifyDBInstance");
  rds_request_set (request, "DBInstanceIdentifier", rds_db_instance_get_identifier (instance));
  rds_request_set_boolean (request, "MultiAZ", TRUE);
  rds_request_set_boolean (request, "ApplyImmediately", TRUE);
  scene_calls++;
  rds_session_call_async (page_session (page), request, NULL, scene_call_cb, NULL);
}

/* Topology: billing-postgres failing over to its standby. */
static void
fail_over_billing (GtkWidget *page)
{
  RdsDbInstance *instance = page_instance (page);
  g_autoptr(RdsRequest) request = NULL;

  if (instance == NULL || !rds_db_instance_allows (instance, RDS_INSTANCE_ACTION_FAILOVER))
    return;
  request = rds_request_new ("RebootDBInstance");
  rds_request_set (request, "DBInstanceIdentifier", rds_db_instance_get_identifier (instance));
  rds_request_set_boolean (request, "ForceFailover", TRUE);
  scene_calls++;
  rds_session_call_async (page_session (page), request, NULL, scene_call_cb, NULL);
}

/* Topology: the zone of reports-sqlserver (Single-AZ) down. */
static void
take_zone_down (GtkWidget *page)
{
  RdsDbInstance *instance = page_instance (page);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  if (instance == NULL || g_strcmp0 (rds_db_instance_get_status (instance), "failed") == 0)
    return;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, rds_shape_get_string (RDS_SHAPE (instance), "availability-zone"));
  json_builder_set_member_name (builder, "down");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  scene_calls++;
  rds_session_control_async (page_session (page), "faults", body, NULL, scene_control_cb, NULL);
}

/* Sends @body to /_sim/faults for a scene. */
static void
scene_fault (GtkWidget  *page,
             JsonNode   *body)
{
  scene_calls++;
  rds_session_control_async (page_session (page), "faults", body, NULL, scene_control_cb, NULL);
}

/* The cluster volume of shop-aurora: a copy in its writer's zone lost,
 * once (the zone that goes down next: two copies down there, not three). */
static void
lose_cluster_copy (GtkWidget *page)
{
  RdsDbCluster *cluster = rds_cluster_page_get_cluster (RDS_CLUSTER_PAGE (page));
  RdsSession *session = page_session (page);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  RdsDbInstance *writer;
  const char * const *zones;
  int copy = 0;

  if (cluster == NULL || session == NULL || rds_cluster_page_get_copies_up (RDS_CLUSTER_PAGE (page)) < 6)
    return;
  writer = rds_db_cluster_get_writer (cluster) != NULL
           ? rds_resource_list_find (rds_session_get_instances (session), rds_db_cluster_get_writer (cluster))
           : NULL;
  zones = rds_shape_get_strv (RDS_SHAPE (cluster), "availability-zones");
  for (int i = 0; writer != NULL && zones != NULL && zones[i] != NULL; i++)
    if (g_strcmp0 (zones[i], rds_shape_get_string (RDS_SHAPE (writer), "availability-zone")) == 0)
      copy = 2 * i;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cluster");
  json_builder_add_string_value (builder, rds_db_cluster_get_identifier (cluster));
  json_builder_set_member_name (builder, "copy");
  json_builder_add_int_value (builder, copy);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  scene_fault (page, body);
}

/* The cluster of a cluster's page, or of an Aurora instance's page. */
static RdsDbCluster *
page_cluster (GtkWidget *page)
{
  RdsDbInstance *instance = page_instance (page);
  const char *identifier;

  if (RDS_IS_CLUSTER_PAGE (page))
    return rds_cluster_page_get_cluster (RDS_CLUSTER_PAGE (page));
  identifier = instance != NULL ? rds_shape_get_string (RDS_SHAPE (instance), "db-cluster-identifier") : NULL;
  return identifier != NULL && page_session (page) != NULL
         ? rds_resource_list_find (rds_session_get_clusters (page_session (page)), identifier) : NULL;
}

/* The zone of shop-aurora's writer down: two copies go, the cluster fails
 * over to its reader. Once: not while it fails over already. */
static void
take_writer_zone_down (GtkWidget *page)
{
  RdsDbCluster *cluster = page_cluster (page);
  RdsSession *session = page_session (page);
  RdsDbInstance *writer;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  if (cluster == NULL || session == NULL || rds_db_cluster_get_writer (cluster) == NULL ||
      g_strcmp0 (rds_db_cluster_get_status (cluster), "available") != 0)
    return;
  writer = rds_resource_list_find (rds_session_get_instances (session), rds_db_cluster_get_writer (cluster));
  if (writer == NULL || g_strcmp0 (rds_db_instance_get_status (writer), "available") != 0)
    return;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, rds_shape_get_string (RDS_SHAPE (writer), "availability-zone"));
  json_builder_set_member_name (builder, "down");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  scene_fault (page, body);
}

/* KMS keys: the sample's customer managed key chosen. */
static void
choose_sample_key (GtkWidget *page)
{
  rds_keys_page_select_key (RDS_KEYS_PAGE (page), "alias/orders");
}

/* Snapshots: the first snapshot chosen. */
static void
choose_first_snapshot (GtkWidget *page)
{
  gtk_single_selection_set_selected (rds_snapshots_page_get_selection (RDS_SNAPSHOTS_PAGE (page)), 0);
}

/* Every scene the command renders, in order (see RdsScene); those of an
 * empty simulator first, before the sample environment. A wizard is
 * kept from scene to scene, as it is for a user: the scene that takes it
 * to a later step comes last of its wizard's (and the one that chooses a
 * database, last of its page's), so that each scene shows the same with
 * --only as in a full run. */
static const RdsScene scenes[] = {
  { .name = "dialog-sample-offer", .page = "dashboard", .dialog_action = "win.offer-sample", .before_sample = TRUE,
    .caption = N_("The first start on an empty simulator: a sample environment, or start empty") },
  { .name = "dashboard", .page = "dashboard",
    .caption = N_("The dashboard: the Region’s resources against their quotas, and its recent events") },
  { .name = "databases", .page = "databases",
    .caption = N_("Databases: the DB instances of the Region, with their status") },
  { .name = "database-connectivity", .page = "database", .database = "billing-postgres", .tab = "connectivity",
    .caption = N_("A database’s connectivity and security: its endpoint and port, its network and who may reach it") },
  { .name = "database-topology", .page = "database", .database = "billing-postgres", .tab = "topology",
    .caption = N_("A database’s topology: its Region and zones, the primary and its standby, its read replicas and their lag") },
  { .name = "database-topology-single-az", .page = "database", .database = "orders-mysql", .tab = "topology",
    .caption = N_("A Single-AZ database’s topology: one instance in one zone, and what a failure of it would do") },
  { .name = "database-monitoring", .page = "database", .database = "billing-postgres", .tab = "monitoring",
    .caption = N_("A database’s monitoring: its CloudWatch metrics over the last hours, its events on the time axis, and its alarms") },
  { .name = "database-configuration", .page = "database", .database = "billing-postgres", .tab = "configuration",
    .caption = N_("A database’s configuration: engine, class, storage, availability and encryption") },
  { .name = "database-maintenance", .page = "database", .database = "billing-postgres", .tab = "maintenance",
    .caption = N_("A database’s maintenance and backups: its windows, pending changes and backup retention") },
  { .name = "database-events", .page = "database", .database = "billing-postgres", .tab = "events",
    .caption = N_("A database’s own events") },
  { .name = "database-tags", .page = "database", .database = "billing-postgres", .tab = "tags",
    .caption = N_("A database’s tags") },
  { .name = "cluster-page", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "connectivity",
    .caption = N_("An Aurora cluster’s page: its writer and reader, and its endpoints with the instances each reaches") },
  { .name = "cluster-volume", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "volume",
    .caption = N_("An Aurora cluster volume: six copies in three Availability Zones, and the write and read quorums") },
  { .name = "cluster-monitoring", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "monitoring",
    .caption = N_("An Aurora cluster’s Monitoring: its volume’s size and I/O in CloudWatch, or one instance’s metrics") },
  { .name = "cluster-events", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "events",
    .caption = N_("An Aurora cluster’s events and its instances’") },
  { .name = "cluster-configuration", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "configuration",
    .caption = N_("An Aurora cluster’s configuration: its engine, storage configuration and encryption") },
  { .name = "cluster-maintenance", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "maintenance",
    .caption = N_("An Aurora cluster’s maintenance and backups: its windows, pending changes, backup retention and snapshots") },
  { .name = "menu-cluster-actions", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "connectivity", .menu = "cluster-actions-menu",
    .caption = N_("An Aurora cluster’s actions: add a reader, fail over, a custom endpoint, stop, snapshot, delete") },
  { .name = "dialog-create-custom-endpoint", .page = "cluster", .action = "win.open-cluster",
    .target = "shop-aurora", .tab = "connectivity", .dialog_action = "cluster.create-endpoint",
    .caption = N_("Create custom endpoint: its type and instances, and the instances it will reach") },
  { .name = "dialog-add-reader", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "connectivity", .dialog_action = "cluster.add-reader",
    .caption = N_("Add reader: its class, its Availability Zone and its failover priority") },
  { .name = "dialog-modify-cluster", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "connectivity", .dialog_action = "cluster.modify",
    .caption = N_("Modify DB cluster: the settings that are the cluster’s, applied at once") },
  { .name = "dialog-restore-cluster", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "connectivity", .dialog_action = "cluster.restore",
    .caption = N_("Restore an Aurora cluster to a point in time: a new cluster, from a second of its window") },
  { .name = "dialog-cluster-failover", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "connectivity", .dialog_action = "cluster.failover",
    .caption = N_("Fail over an Aurora cluster: the reader that becomes the writer") },
  { .name = "snapshots", .page = "snapshots",
    .caption = N_("Snapshots: the DB snapshots of the Region, manual and automated") },
  { .name = "snapshot-page", .page = "snapshot", .action = "win.open-snapshot",
    .target = "billing-postgres-before-upgrade",
    .caption = N_("A snapshot’s page: the database it was taken of, its engine, storage and encryption, whom it is shared with, and its tags") },
  { .name = "automated-backups", .page = "automated-backups",
    .caption = N_("Automated backups: each database’s backups and the window of time it can be restored to") },
  { .name = "events", .page = "events",
    .caption = N_("Events: what happened to the Region’s resources, newest first") },
  { .name = "keys", .page = "keys",
    .caption = N_("KMS keys: the Region’s keys, their state, and the databases each one encrypts") },
  { .name = "create-database", .page = "create-database", .action = "win.create-database",
    .caption = N_("Create database: the engine, the size and every setting of a new DB instance, with its monthly cost") },
  { .name = "create-database-info", .page = "create-database", .action = "win.create-database",
    .info = "managed-database",
    .caption = N_("The Info panel beside the Create database form: what a managed database does for you") },
  { .name = "menu-info-topics", .page = "create-database", .action = "win.create-database",
    .info = "multi-az", .menu = "info-topics-menu",
    .caption = N_("The Info panel’s topics: every concept it explains, and the Ports reference") },
  { .name = "create-database-easy", .page = "create-database", .action = "win.create-database",
    .prepare = choose_easy_create,
    .caption = N_("Create database, Easy create: the engine, a size and a name; the rest as recommended") },
  { .name = "create-database-aurora", .page = "create-database", .action = "win.create-database",
    .prepare = choose_aurora, .info = "aurora-cluster-volume",
    .caption = N_("Create database with Aurora: a cluster, its writer and a reader, beside what its volume is") },
  { .name = "create-database-serverless", .page = "create-database", .action = "win.create-database",
    .prepare = choose_aurora_serverless,
    .caption = N_("Create database with Aurora Serverless v2: the capacity range its instances scale within") },
  { .name = "modify-database", .page = "modify-database", .action = "win.modify-database",
    .target = "billing-postgres",
    .caption = N_("Modify: a database’s settings, ready to change") },
  { .name = "modify-database-summary", .page = "modify-database", .action = "win.modify-database",
    .target = "billing-postgres", .prepare = continue_to_summary,
    .caption = N_("Modify, the summary: each change from its current value, and when to apply them") },
  { .name = "wizard-create-read-replica", .page = "create-read-replica", .action = "win.create-read-replica",
    .target = "billing-postgres",
    .caption = N_("Create read replica: an asynchronous copy of a database for reads, in its Region or another, with its monthly cost") },
  { .name = "wizard-restore-point-in-time", .page = "restore-database", .action = "win.restore-to-point-in-time",
    .target = "billing-postgres",
    .caption = N_("Restore to point in time: a new database from a database’s automated backups, as it was at the latest restorable time or any second of its restorable window") },
  { .name = "wizard-restore-point-in-time-custom", .page = "restore-database",
    .action = "win.restore-to-point-in-time", .target = "billing-postgres", .prepare = choose_custom_restore_time,
    .caption = N_("Restore to point in time, a custom time: a date and time in UTC, checked against the restorable window on its time line") },
  { .name = "wizard-restore-snapshot", .page = "restore-database", .action = "win.restore-snapshot",
    .target = "billing-postgres-before-upgrade",
    .caption = N_("Restore snapshot: a new database from a snapshot, with what it keeps and what you may change") },
  { .name = "database-configuration-info", .page = "database", .database = "billing-postgres",
    .tab = "configuration", .info = "storage-autoscaling",
    .caption = N_("The Info panel beside a database’s configuration: storage autoscaling and its rule") },
  { .name = "ports", .page = "ports",
    .caption = N_("The Ports reference: the engines’ default ports, and the ports often confused with them") },
  { .name = "menu-main", .page = "databases", .menu = "main-menu",
    .caption = N_("The main menu: connections, preferences, the Info panel and the Ports reference") },
  { .name = "menu-databases-preferences", .page = "databases", .menu = "databases-preferences-menu",
    .caption = N_("Databases, the table’s preferences: how many databases a page shows") },
  { .name = "menu-databases-actions", .page = "databases", .menu = "databases-actions-menu",
    .prepare = choose_billing_postgres,
    .caption = N_("Databases, the Actions menu: what the chosen database’s status allows") },
  { .name = "menu-database-actions", .page = "database", .database = "billing-postgres", .tab = "connectivity",
    .menu = "actions-menu",
    .caption = N_("A database’s Actions menu: what its status allows") },
  { .name = "menu-snapshots-actions", .page = "snapshots", .menu = "snapshots-actions-menu",
    .prepare = choose_first_snapshot,
    .caption = N_("Snapshots, the Actions menu: restore the chosen snapshot to a new database, or delete it") },
  { .name = "menu-clock", .page = "dashboard", .menu = "clock-menu",
    .caption = N_("The simulator’s clock: paused or running, at which speed, and jumps ahead") },
  { .name = "menu-connection", .page = "dashboard", .menu = "connection-menu",
    .caption = N_("The connection menu: the embedded simulator, rds-simd, other endpoints, AWS") },
  { .name = "dialog-reboot-database", .page = "database", .database = "billing-postgres", .tab = "connectivity",
    .dialog_action = "db.reboot",
    .caption = N_("Reboot: a Multi-AZ database can fail over to its standby as it reboots") },
  { .name = "dialog-stop-database", .page = "database", .database = "orders-mysql", .tab = "connectivity",
    .dialog_action = "db.stop",
    .caption = N_("Stop temporarily: a stopped database starts again by itself after seven days") },
  { .name = "dialog-take-snapshot", .page = "database", .database = "billing-postgres", .tab = "connectivity",
    .dialog_action = "db.take-snapshot",
    .caption = N_("Take snapshot: a manual snapshot, kept until you delete it") },
  { .name = "dialog-delete-database", .page = "database", .database = "billing-postgres", .tab = "connectivity",
    .dialog_action = "db.delete",
    .caption = N_("Delete: a final snapshot, the automated backups, and “delete me” to confirm") },
  { .name = "dialog-promote-replica", .page = "database", .database = "billing-reports", .tab = "topology",
    .dialog_action = "db.promote",
    .caption = N_("Promote: a read replica stops replicating and becomes a database of its own") },
  { .name = "dialog-convert-single-az", .page = "database", .database = "billing-postgres", .tab = "topology",
    .dialog_action = "db.convert-to-single-az",
    .caption = N_("Convert to Single-AZ: the standby goes, and with it automatic failover") },
  { .name = "wizard-convert-multi-az", .page = "database", .database = "orders-mysql", .tab = "topology",
    .dialog_action = "db.convert-to-multi-az",
    .caption = N_("Convert to Multi-AZ: what RDS will do, what it costs, and when") },
  { .name = "wizard-encrypt-database", .page = "database", .database = "orders-mysql",
    .dialog_action = "db.encrypt",
    .caption = N_("Encrypt database: a snapshot, an encrypted copy and a restore, and why RDS needs each") },
  { .name = "dialog-create-alarm", .page = "database", .database = "billing-postgres", .tab = "monitoring",
    .dialog_action = "monitoring.create-alarm",
    .caption = N_("Create alarm: a rule on one metric of a database, evaluated by CloudWatch") },
  { .name = "dialog-delete-snapshot", .page = "snapshots", .dialog_action = "snapshot.delete",
    .prepare = choose_first_snapshot,
    .caption = N_("Delete a snapshot: gone for good, typed to confirm") },
  { .name = "dialog-copy-snapshot", .page = "snapshots", .dialog_action = "snapshot.copy",
    .prepare = choose_first_snapshot,
    .caption = N_("Copy a snapshot: in this Region or another, and encrypted on the way if you choose a key") },
  { .name = "dialog-share-snapshot", .page = "snapshots", .dialog_action = "snapshot.share",
    .prepare = choose_first_snapshot,
    .caption = N_("Share a snapshot: the AWS accounts that may copy and restore it, or everyone") },
  { .name = "dialog-create-key", .page = "keys", .dialog_action = "key.create",
    .caption = N_("Create key: a customer managed KMS key with its alias") },
  { .name = "dialog-disable-key", .page = "keys", .dialog_action = "key.disable", .prepare = choose_sample_key,
    .caption = N_("Disable a key: the databases it encrypts lose access to their storage until it is enabled again") },
  { .name = "dialog-schedule-key-deletion", .page = "keys", .dialog_action = "key.schedule-deletion",
    .prepare = choose_sample_key,
    .caption = N_("Schedule key deletion: a waiting period of 7 to 30 days, then what the key encrypts is lost for good") },
  { .name = "dialog-connections", .page = "databases", .dialog_action = "app.connections",
    .caption = N_("Connections: the embedded simulator, and the endpoints and AWS accounts you add") },
  { .name = "dialog-add-connection", .page = "databases", .dialog_action = "app.connections",
    .dialog_step = "connections.add",
    .caption = N_("Add a connection: rds-simd, another RDS-compatible endpoint, or an AWS account") },
  { .name = "dialog-preferences", .page = "databases", .dialog_action = "app.preferences",
    .caption = N_("Preferences") },
  { .name = "dialog-keyboard-shortcuts", .page = "databases", .dialog_action = "win.show-help-overlay",
    .caption = N_("Keyboard shortcuts") },
  { .name = "dialog-about", .page = "databases", .dialog_action = "app.about",
    .caption = N_("About RDS Console") },
  /* Last, since they change the simulator (each as well on its own). */
  { .name = "wizard-encrypt-database-progress", .page = "database", .database = "orders-mysql",
    .dialog_action = "db.encrypt", .dialog_step = "encrypt.start",
    .caption = N_("Encrypting a database: each step followed live, with what it does and why") },
  { .name = "wizard-convert-multi-az-progress", .page = "database", .database = "legacy-oracle", .tab = "topology",
    .dialog_action = "db.convert-to-multi-az", .dialog_step = "convert.submit",
    .caption = N_("Converting to Multi-AZ: each step followed live, with no downtime") },
  { .name = "database-topology-converting", .page = "database", .database = "legacy-oracle", .tab = "topology",
    .prepare = convert_legacy,
    .caption = N_("The topology while a conversion builds the standby, step by step") },
  { .name = "database-topology-failing-over", .page = "database", .database = "billing-postgres",
    .tab = "topology", .prepare = fail_over_billing,
    .caption = N_("A failover: the endpoint moves to the standby, which becomes the primary") },
  { .name = "cluster-volume-copy-lost", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "volume", .prepare = lose_cluster_copy,
    .caption = N_("A copy of an Aurora cluster volume lost: five of six stay, writes go on, and it is repaired") },
  { .name = "cluster-volume-zone-down", .page = "cluster", .action = "win.open-cluster", .target = "shop-aurora",
    .tab = "volume", .prepare = take_writer_zone_down,
    .caption = N_("The writer’s Availability Zone down: the volume keeps writing with four copies, and the "
                  "cluster fails over to its reader") },
  { .name = "database-topology-aurora", .page = "database", .database = "shop-aurora-instance-2",
    .tab = "topology", .prepare = take_writer_zone_down,
    .caption = N_("An Aurora instance’s topology is its cluster’s: the volume’s copies, and the reader taking "
                  "over from a writer whose zone is down") },
  { .name = "database-topology-zone-down", .page = "database", .database = "reports-sqlserver", .tab = "topology",
    .prepare = take_zone_down,
    .caption = N_("An Availability Zone down: a Single-AZ database in it is down until it returns") },
};

/* How long a scene may take to settle. */
#define SETTLE_TIMEOUT_USEC (60 * G_USEC_PER_SEC)

struct _RdsScreenshooter
{
  GObject    parent_instance;

  RdsWindow *window;
  char      *dir;
  GTask     *task;            /* while running */
  GStrv      only;            /* nullable: the scenes asked for */
  guint      scene;
  gboolean   prepared;        /* the scene's step is done */
  gboolean   sample_made;     /* the sample environment, after the scenes before it */
  guint      settle_source;
  gint64     settle_deadline;
  gulong     paint_id;
  GdkFrameClock *paint_clock; /* whose frames paint_id counts */
  GtkWidget *painting;        /* the widget those frames paint */
  guint      frames;
  GSourceFunc after_frames;   /* what the second frame painted leads to */
  guint      repaints;        /* frames waited for again to shoot the scene */
  gulong     session_id;
};

G_DEFINE_FINAL_TYPE (RdsScreenshooter, rds_screenshooter, G_TYPE_OBJECT)

static void next_scene (RdsScreenshooter *self);
static void sample_created_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data);

static void
stop_waiting (RdsScreenshooter *self)
{
  g_clear_handle_id (&self->settle_source, g_source_remove);
  if (self->paint_id != 0)
    g_clear_signal_handler (&self->paint_id, self->paint_clock);
  g_clear_object (&self->paint_clock);
  g_clear_object (&self->painting);
  if (self->session_id != 0)
    g_clear_signal_handler (&self->session_id, gtk_window_get_application (GTK_WINDOW (self->window)));
}

static void
fail (RdsScreenshooter *self,
      GError           *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  stop_waiting (self);
  g_task_return_error (task, error);
}

static gboolean
wanted (RdsScreenshooter *self,
        const RdsScene   *scene)
{
  return self->only == NULL || g_strv_contains ((const char * const *) self->only, scene->name);
}

static gboolean
write_index (RdsScreenshooter  *self,
             GError           **error)
{
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *markdown_path = g_build_filename (self->dir, "index.md", NULL);
  g_autofree char *html_path = g_build_filename (self->dir, "index.html", NULL);
  g_autofree char *title = g_markup_escape_text (_("RDS Console screenshots"), -1);

  g_string_append_printf (markdown, "# %s\n", _("RDS Console screenshots"));
  g_string_append_printf (html,
                          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>%s</title>\n"
                          "<style>body { font-family: sans-serif; max-width: 1320px; margin: 2em auto; }"
                          " img { max-width: 100%%; border: 1px solid #ccc; }"
                          " figure { margin: 0 0 3em; }</style>\n"
                          "</head>\n<body>\n<h1>%s</h1>\n",
                          /* Translators: the language of the screenshots' index page, as HTML names it */
                          C_("html lang", "en"), title, title);
  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    {
      g_autofree char *caption = NULL;

      if (!wanted (self, &scenes[i]))
        continue;
      caption = g_markup_escape_text (_(scenes[i].caption), -1);

      g_string_append_printf (markdown, "\n## %s.png\n\n![%s](%s.png)\n\n%s\n", scenes[i].name,
                              _(scenes[i].caption), scenes[i].name, _(scenes[i].caption));
      g_string_append_printf (html,
                              "<figure id=\"%s\">\n<img src=\"%s.png\" alt=\"%s\">\n"
                              "<figcaption>%s</figcaption>\n</figure>\n",
                              scenes[i].name, scenes[i].name, caption, caption);
    }
  g_string_append (html, "</body>\n</html>\n");

  return g_file_set_contents (markdown_path, markdown->str, markdown->len, error) &&
         g_file_set_contents (html_path, html->str, html->len, error);
}

/* Where @popover's widget is in @window's widget coordinates. */
static void
popover_offset (GtkWidget *window,
                GtkWidget *popover,
                double    *x,
                double    *y)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  double popover_x, popover_y, window_x, window_y;

  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  *x = gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_x - window_x;
  *y = gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_y - window_y;
}

static gboolean
save_png (GtkWidget   *widget,
          GtkWidget   *popover,
          const char  *path,
          GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int scale = gtk_widget_get_scale_factor (widget);
  int width = gdk_paintable_get_intrinsic_width (paintable);
  int height = gdk_paintable_get_intrinsic_height (paintable);
  g_autoptr(GdkPaintable) menu = popover != NULL && gtk_widget_get_mapped (popover)
                                 ? gtk_widget_paintable_new (popover) : NULL;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  double x = 0, y = 0;

  /* A menu may hang past the window's edge, as it does on the screen: the
   * image grows to hold it. */
  if (menu != NULL)
    {
      graphene_rect_t menu_bounds;

      popover_offset (widget, popover, &x, &y);
      graphene_rect_init (&menu_bounds, x, y, gdk_paintable_get_intrinsic_width (menu),
                          gdk_paintable_get_intrinsic_height (menu));
      graphene_rect_union (&bounds, &menu_bounds, &bounds);
      graphene_rect_round_extents (&bounds, &bounds);
    }

  /* At the window's scale: twice the pixels at GDK_SCALE=2. */
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-bounds.origin.x, -bounds.origin.y));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  if (menu != NULL)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gdk_paintable_snapshot (menu, GDK_SNAPSHOT (snapshot), gdk_paintable_get_intrinsic_width (menu),
                              gdk_paintable_get_intrinsic_height (menu));
    }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      /* Something asked for a new frame since the last one painted (a
       * chart's answer, a list's): G_IO_ERROR_BUSY, try after it. */
      /* Translators: %s is a file's path */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("%s: the window has painted nothing yet"), path);
      return FALSE;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, bounds.size.width * scale,
                                                              bounds.size.height * scale));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s"), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * rds_screenshooter_save_png:
 * @widget: a window (or any widget of one) that has painted
 * @path: where the PNG goes
 *
 * Writes what @widget shows, as its window's renderer draws it. The UI
 * tests' screenshots are made with it too.
 *
 * Returns: %FALSE with %G_IO_ERROR_NOT_FOUND when @widget has not
 *   painted yet, %G_IO_ERROR_FAILED when the file could not be written
 */
gboolean
rds_screenshooter_save_png (GtkWidget   *widget,
                            const char  *path,
                            GError     **error)
{
  return save_png (widget, NULL, path, error);
}

static GtkWidget *
find_named_in (GtkWidget  *root,
               const char *name,
               gboolean    mapped)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0 && (!mapped || gtk_widget_get_mapped (root)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named_in (child, name, mapped);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The widget called @name that shows; or, if none does, a hidden one
 * (a folded sidebar's). */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  GtkWidget *found = find_named_in (root, name, TRUE);

  return found != NULL ? found : find_named_in (root, name, FALSE);
}

static void after_two_frames (RdsScreenshooter *self,
                              GtkWidget        *widget,
                              GSourceFunc       then);

/* A page that asks for another frame after every one would never be shot. */
#define MAX_REPAINTS 20

static gboolean
shoot_cb (gpointer data)
{
  RdsScreenshooter *self = data;
  const RdsScene *scene = &scenes[self->scene];
  g_autofree char *file = g_strconcat (scene->name, ".png", NULL);
  g_autofree char *path = g_build_filename (self->dir, file, NULL);
  GError *error = NULL;
  gboolean saved;

  self->settle_source = 0;
  saved = rds_screenshooter_save_scene (self->window, scene, path, &error);
  if (!saved && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY) && self->repaints++ < MAX_REPAINTS)
    {
      g_clear_error (&error);
      after_two_frames (self, rds_screenshooter_get_subject (self->window, scene), shoot_cb);
      return G_SOURCE_REMOVE;
    }

  self->repaints = 0;
  rds_screenshooter_end_scene (self->window, scene);
  if (!saved)
    {
      fail (self, error);
      return G_SOURCE_REMOVE;
    }
  self->scene++;
  next_scene (self);
  return G_SOURCE_REMOVE;
}

static void
painted_cb (GdkFrameClock    *clock,
            RdsScreenshooter *self)
{
  if (++self->frames < 2)
    {
      gtk_widget_queue_draw (self->painting);
      return;
    }
  g_clear_signal_handler (&self->paint_id, clock);
  g_clear_object (&self->paint_clock);
  g_clear_object (&self->painting);
  self->settle_source = g_idle_add_full (G_PRIORITY_DEFAULT, self->after_frames, self, NULL);
}

/* Two frames of @widget painted (of its own surface: a dialog's, a
 * menu's), then @then. */
static void
after_two_frames (RdsScreenshooter *self,
                  GtkWidget        *widget,
                  GSourceFunc       then)
{
  self->frames = 0;
  self->after_frames = then;
  g_set_object (&self->painting, widget);
  g_set_object (&self->paint_clock, gtk_widget_get_frame_clock (widget));
  self->paint_id = g_signal_connect (self->paint_clock, "after-paint", G_CALLBACK (painted_cb), self);
  gtk_widget_queue_draw (widget);
}

static gboolean
list_settled (RdsResourceList *list)
{
  return rds_resource_list_get_loaded (list) && !rds_resource_list_get_loading (list);
}

static gboolean
page_loading (GtkWidget *page)
{
  if (RDS_IS_PAGE (page))
    return rds_page_is_loading (RDS_PAGE (page));
  if (RDS_IS_CREATE_DATABASE_WIZARD (page))
    return rds_database_form_get_waiting_for (rds_create_database_wizard_get_form (RDS_CREATE_DATABASE_WIZARD (page))) != NULL;
  if (RDS_IS_MODIFY_DATABASE_WIZARD (page))
    return rds_database_form_get_waiting_for (rds_modify_database_wizard_get_form (RDS_MODIFY_DATABASE_WIZARD (page))) != NULL;
  if (RDS_IS_CREATE_REPLICA_WIZARD (page))
    return rds_database_form_get_waiting_for (rds_create_replica_wizard_get_form (RDS_CREATE_REPLICA_WIZARD (page))) != NULL;
  if (RDS_IS_RESTORE_DATABASE_WIZARD (page))
    return rds_restore_database_wizard_get_loading (RDS_RESTORE_DATABASE_WIZARD (page));
  return FALSE;
}

/**
 * rds_screenshooter_is_settled:
 *
 * @prepared: whether the scene's step is done (or it has none): then its
 *   dialog or menu must be open too
 *
 * Returns: whether @scene, shown, has everything it shows: the session's
 *   lists loaded, and whatever else its page asked for
 */
gboolean
rds_screenshooter_is_settled (RdsWindow      *window,
                              const RdsScene *scene,
                              gboolean        prepared)
{
  RdsSession *session = rds_window_get_session (window);
  GtkWidget *subject = rds_screenshooter_get_subject (window, scene);

  return session != NULL && scene_calls == 0 && list_settled (rds_session_get_instances (session)) &&
         list_settled (rds_session_get_snapshots (session)) && list_settled (rds_session_get_events (session)) &&
         g_strcmp0 (rds_window_get_page (window), scene->page) == 0 &&
         !page_loading (rds_window_get_page_widget (window, scene->page)) &&
         (!prepared || (subject != NULL && gtk_widget_get_mapped (subject)));
}

static gboolean
settle_cb (gpointer data)
{
  RdsScreenshooter *self = data;

  if (!rds_screenshooter_is_settled (self->window, &scenes[self->scene],
                                     self->prepared || scenes[self->scene].prepare == NULL))
    {
      if (g_get_monotonic_time () < self->settle_deadline)
        return G_SOURCE_CONTINUE;
      self->settle_source = 0;
      /* Translators: %s is a screenshot's name, "dashboard" */
      fail (self, g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, _("%s: the page did not load in time"),
                               scenes[self->scene].name));
      return G_SOURCE_REMOVE;
    }

  if (!self->prepared)
    {
      self->prepared = TRUE;
      if (rds_screenshooter_prepare_scene (self->window, &scenes[self->scene]))
        return G_SOURCE_CONTINUE;
    }

  self->settle_source = 0;
  after_two_frames (self, rds_screenshooter_get_subject (self->window, &scenes[self->scene]), shoot_cb);
  return G_SOURCE_REMOVE;
}

/* The page is shown and mapped: what it asks for when shown is on its
 * way. */
static gboolean
shown_cb (gpointer data)
{
  RdsScreenshooter *self = data;

  self->settle_deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_USEC;
  self->settle_source = g_timeout_add (20, settle_cb, self);
  return G_SOURCE_REMOVE;
}

const RdsScene *
rds_screenshooter_get_scenes (guint *n_scenes)
{
  if (n_scenes != NULL)
    *n_scenes = G_N_ELEMENTS (scenes);
  return scenes;
}

/* Opens the scene's dialog or menu. */
static void
open_subject (RdsWindow      *window,
              const RdsScene *scene)
{
  if (scene->dialog_action != NULL)
    {
      GtkWidget *dialog;

      gtk_widget_activate_action (rds_window_get_page_widget (window, scene->page), scene->dialog_action, NULL);
      dialog = rds_screenshooter_get_subject (window, scene);
      if (dialog != NULL && scene->dialog_step != NULL)
        gtk_widget_activate_action (dialog, scene->dialog_step, NULL);
    }
  if (scene->menu != NULL)
    {
      GtkWidget *button = find_named (GTK_WIDGET (window), scene->menu);

      g_return_if_fail (GTK_IS_MENU_BUTTON (button));
      /* A narrow window folds its sidebar (and the connection menu) away. */
      if (!gtk_widget_get_mapped (button))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    }
}

/**
 * rds_screenshooter_show_scene:
 *
 * Shows @scene in @window: its page (by the window's action when it names
 * one), its tab, its Info panel or none.
 */
void
rds_screenshooter_show_scene (RdsWindow      *window,
                              const RdsScene *scene)
{
  g_return_if_fail (RDS_IS_WINDOW (window));
  g_return_if_fail (scene != NULL);

  if (scene->info != NULL)
    rds_window_show_info (window, scene->info);
  else
    rds_window_set_info_open (window, FALSE);

  if (scene->action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), scene->action, scene->target != NULL ? "s" : NULL,
                                scene->target);
  else if (scene->database != NULL)
    rds_window_open_database (window, scene->database);
  else
    rds_window_show_page (window, scene->page);
  if (scene->tab != NULL && g_strcmp0 (scene->page, "cluster") == 0)
    rds_cluster_page_show_tab (RDS_CLUSTER_PAGE (rds_window_get_page_widget (window, "cluster")), scene->tab);
  else if (scene->tab != NULL)
    rds_database_page_show_tab (RDS_DATABASE_PAGE (rds_window_get_page_widget (window, "database")), scene->tab);

  if (scene->prepare == NULL)
    open_subject (window, scene);
}

/**
 * rds_screenshooter_prepare_scene:
 *
 * Once @scene's page is settled, does what its step needs (a wizard's
 * Continue, a row chosen...), then opens its dialog or menu.
 *
 * Returns: whether there was anything to do (wait for it to settle again)
 */
gboolean
rds_screenshooter_prepare_scene (RdsWindow      *window,
                                 const RdsScene *scene)
{
  if (scene->prepare == NULL)
    return FALSE;
  scene->prepare (rds_window_get_page_widget (window, scene->page));
  open_subject (window, scene);
  return TRUE;
}

/**
 * rds_screenshooter_get_subject:
 *
 * Returns: (transfer none) (nullable): what @scene's shot is of: the
 *   dialog its action opened, the menu it opened, or else the window
 */
GtkWidget *
rds_screenshooter_get_subject (RdsWindow      *window,
                               const RdsScene *scene)
{
  if (scene->dialog_action != NULL)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      /* The newest: the dialog the scene's action opened. */
      for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
        {
          g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

          if (other != GTK_WINDOW (window) && gtk_window_get_transient_for (other) == GTK_WINDOW (window) &&
              gtk_widget_get_visible (GTK_WIDGET (other)))
            return GTK_WIDGET (other);
        }
      return NULL;
    }
  if (scene->menu != NULL)
    {
      GtkWidget *button = find_named (GTK_WIDGET (window), scene->menu);

      return GTK_IS_MENU_BUTTON (button) ? GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))) : NULL;
    }
  return GTK_WIDGET (window);
}

/**
 * rds_screenshooter_end_scene:
 *
 * Closes the dialog or the menu @scene opened.
 */
void
rds_screenshooter_end_scene (RdsWindow      *window,
                             const RdsScene *scene)
{
  GtkWidget *subject = rds_screenshooter_get_subject (window, scene);

  /* Gone at once, not answered: a message dialog answers its close
   * response, later. */
  if (scene->dialog_action != NULL && subject != NULL && gtk_window_get_hide_on_close (GTK_WINDOW (subject)))
    gtk_widget_set_visible (subject, FALSE);
  else if (scene->dialog_action != NULL && subject != NULL)
    gtk_window_destroy (GTK_WINDOW (subject));
  else if (scene->menu != NULL && subject != NULL)
    gtk_popover_popdown (GTK_POPOVER (subject));
}

/**
 * rds_screenshooter_save_scene:
 *
 * Writes @scene, shown and settled, to @path: its dialog alone, or the
 * window with its open menu where the menu is (a popover has a surface of
 * its own, which the window's pixels do not hold).
 */
gboolean
rds_screenshooter_save_scene (RdsWindow       *window,
                              const RdsScene  *scene,
                              const char      *path,
                              GError         **error)
{
  GtkWidget *subject = rds_screenshooter_get_subject (window, scene);

  if (subject == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: the window has painted nothing yet"), path);
      return FALSE;
    }
  if (scene->menu != NULL)
    return save_png (GTK_WIDGET (window), subject, path, error);
  /* Dialogs that ask the endpoint before they show all they have. */
  if ((RDS_IS_COPY_SNAPSHOT_DIALOG (subject) &&
       rds_copy_snapshot_dialog_get_loading (RDS_COPY_SNAPSHOT_DIALOG (subject))) ||
      (RDS_IS_SHARE_SNAPSHOT_DIALOG (subject) &&
       rds_share_snapshot_dialog_get_loading (RDS_SHARE_SNAPSHOT_DIALOG (subject))))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, "%s: the dialog is still loading", path);
      return FALSE;
    }
  return save_png (subject, NULL, path, error);
}

static void
next_scene (RdsScreenshooter *self)
{
  GError *error = NULL;

  while (self->scene < G_N_ELEMENTS (scenes) && !wanted (self, &scenes[self->scene]))
    self->scene++;
  /* The scenes of an empty simulator first (the first start's offer),
   * then the sample environment for the others. */
  if (self->scene < G_N_ELEMENTS (scenes) && !scenes[self->scene].before_sample && !self->sample_made)
    {
      rds_sample_environment_create_async (rds_window_get_session (self->window),
                                           g_task_get_cancellable (self->task), sample_created_cb,
                                           g_object_ref (self));
      return;
    }
  if (self->scene == G_N_ELEMENTS (scenes))
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->task);

      if (!write_index (self, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  self->prepared = FALSE;
  rds_screenshooter_show_scene (self->window, &scenes[self->scene]);
  rds_session_refresh (rds_window_get_session (self->window));
  after_two_frames (self, GTK_WIDGET (self->window), shown_cb);
}

static void
sample_created_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RdsScreenshooter) self = user_data;
  GError *error = NULL;

  if (self->task == NULL)
    return;
  if (!rds_sample_environment_create_finish (RDS_SESSION (object), result, &error))
    {
      fail (self, error);
      return;
    }
  self->sample_made = TRUE;
  next_scene (self);
}

static void
start (RdsScreenshooter *self)
{
  /* Each scene refreshes the lists itself: a poll on the real clock would
   * land in some runs' images and not in others'. */
  rds_session_stop_polling (rds_window_get_session (self->window));
  self->scene = 0;
  next_scene (self);
}

static void
session_cb (RdsScreenshooter *self)
{
  if (rds_window_get_session (self->window) == NULL)
    return;
  stop_waiting (self);
  start (self);
}

/* The simulator did not start (the window says why). */
static gboolean
session_timeout_cb (gpointer data)
{
  RdsScreenshooter *self = data;

  self->settle_source = 0;
  fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, _("The simulator did not start in time")));
  return G_SOURCE_REMOVE;
}

static void
rds_screenshooter_dispose (GObject *object)
{
  RdsScreenshooter *self = RDS_SCREENSHOOTER (object);

  if (self->window != NULL)
    stop_waiting (self);
  g_clear_object (&self->window);

  G_OBJECT_CLASS (rds_screenshooter_parent_class)->dispose (object);
}

static void
rds_screenshooter_finalize (GObject *object)
{
  RdsScreenshooter *self = RDS_SCREENSHOOTER (object);

  g_free (self->dir);
  g_strfreev (self->only);

  G_OBJECT_CLASS (rds_screenshooter_parent_class)->finalize (object);
}

static void
rds_screenshooter_class_init (RdsScreenshooterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rds_screenshooter_dispose;
  object_class->finalize = rds_screenshooter_finalize;
}

static void
rds_screenshooter_init (RdsScreenshooter *self)
{
}

RdsScreenshooter *
rds_screenshooter_new (RdsWindow  *window,
                       const char *dir)
{
  RdsScreenshooter *self;

  g_return_val_if_fail (RDS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (RDS_TYPE_SCREENSHOOTER, NULL);
  self->window = g_object_ref (window);
  self->dir = g_strdup (dir);
  return self;
}

/**
 * rds_screenshooter_set_only:
 * @names: (nullable): the scenes to render, by name; %NULL for all
 */
void
rds_screenshooter_set_only (RdsScreenshooter   *self,
                            const char * const *names)
{
  g_return_if_fail (RDS_IS_SCREENSHOOTER (self));

  g_strfreev (self->only);
  self->only = g_strdupv ((char **) names);
}

/**
 * rds_screenshooter_find_scene:
 *
 * Returns: (nullable): the scene called @name
 */
const RdsScene *
rds_screenshooter_find_scene (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    if (g_strcmp0 (scenes[i].name, name) == 0)
      return &scenes[i];
  return NULL;
}

/**
 * rds_screenshooter_run_async:
 *
 * Renders every scene into the folder, once the window has its session.
 */
void
rds_screenshooter_run_async (RdsScreenshooter    *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (RDS_IS_SCREENSHOOTER (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, rds_screenshooter_run_async);

  if (g_mkdir_with_parents (self->dir, 0755) != 0)
    {
      int saved = errno;

      fail (self, g_error_new (G_IO_ERROR, g_io_error_from_errno (saved), _("Could not make %s: %s"),
                               self->dir, g_strerror (saved)));
      return;
    }

  if (rds_window_get_session (self->window) != NULL)
    {
      start (self);
      return;
    }
  self->session_id = g_signal_connect_swapped (gtk_window_get_application (GTK_WINDOW (self->window)),
                                               "notify::session", G_CALLBACK (session_cb), self);
  self->settle_source = g_timeout_add_seconds (SETTLE_TIMEOUT_USEC / G_USEC_PER_SEC, session_timeout_cb, self);
}

gboolean
rds_screenshooter_run_finish (RdsScreenshooter  *self,
                              GAsyncResult      *result,
                              GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
