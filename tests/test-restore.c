/* test-restore.c: Restore to point in time and Restore snapshot, as the console does them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wizards opened from the Actions menus, filled through their widgets
 * and sent on a manual clock; the new instances followed until available.
 */

#include "config.h"

#include "console-test.h"
#include "rds-restore-database-wizard.h"
#include "rds-restore-timeline.h"

#define HOUR 3600

static RdsRestoreDatabaseWizard *
current_wizard (Fixture *f)
{
  GtkWidget *wizard = rds_window_get_page_widget (f->window, "restore-database");

  g_assert_cmpstr (rds_window_get_page (f->window), ==, "restore-database");
  g_assert_true (RDS_IS_RESTORE_DATABASE_WIZARD (wizard));
  return RDS_RESTORE_DATABASE_WIZARD (wizard);
}

static gboolean
wizard_ready (Fixture       *f,
              gconstpointer  data)
{
  RdsRestoreDatabaseWizard *wizard = (gpointer) data;

  return !rds_restore_database_wizard_get_loading (wizard) &&
         rds_database_form_get_valid (rds_restore_database_wizard_get_form (wizard));
}

static GtkWidget *
wizard_widget (RdsRestoreDatabaseWizard *wizard,
               const char               *name)
{
  GtkWidget *widget = rds_restore_database_wizard_get_widget (wizard, name);

  g_assert_nonnull (widget);
  return widget;
}

/* Restore DB instance can be pressed: its action is enabled. */
static gboolean
restore_enabled (RdsRestoreDatabaseWizard *wizard)
{
  return gtk_widget_get_sensitive (wizard_widget (wizard, "restore_button"));
}

static void
type_time (RdsRestoreDatabaseWizard *wizard,
           gint64                    usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autofree char *date = g_date_time_format (time, "%Y-%m-%d");
  g_autofree char *clock = g_date_time_format (time, "%H:%M:%S");

  gtk_editable_set_text (GTK_EDITABLE (wizard_widget (wizard, "date_entry")), date);
  gtk_editable_set_text (GTK_EDITABLE (wizard_widget (wizard, "clock_entry")), clock);
}

static const char *
time_error (RdsRestoreDatabaseWizard *wizard)
{
  return rds_form_field_get_error (RDS_FORM_FIELD (wizard_widget (wizard, "time_field")));
}

/* The Region's events about @identifier hold @message. */
static gboolean
has_event (Fixture       *f,
           gconstpointer  data)
{
  const char *identifier = ((const char * const *) data)[0];
  const char *message = ((const char * const *) data)[1];
  GListModel *events = rds_resource_list_get_model (rds_session_get_events (f->session));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(RdsShape) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (rds_shape_get_string (event, "source-identifier"), identifier) == 0 &&
          g_strcmp0 (rds_shape_get_string (event, "message"), message) == 0)
        return TRUE;
    }
  rds_session_refresh (f->session);
  return FALSE;
}

static RdsRestoreDatabaseWizard *
open_point_in_time (Fixture    *f,
                    const char *identifier)
{
  RdsDatabasesPage *page;
  RdsRestoreDatabaseWizard *wizard;

  /* From the Databases page's Actions menu, the instance chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  rds_databases_page_select (page, identifier);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.restore-to-point-in-time", NULL));
  wizard = current_wizard (f);
  g_assert_true (rds_restore_database_wizard_get_instance (wizard) == find_instance (f, identifier));
  g_assert_true (spin_until (f, wizard_ready, wizard));
  return wizard;
}

/* A point in time an hour back, through the custom date and time: the new
 * instance is creating, then available, and says what it came from. */
static void
point_in_time (Fixture *f)
{
  RdsRestoreDatabaseWizard *wizard;
  RdsDatabaseForm *form;
  RdsRestoreTimeline *timeline;
  g_autofree char *description = NULL;
  g_autofree char *when = NULL;
  g_autofree char *expected = NULL;
  gint64 latest, chosen;

  create_instance (f, "ledger", "postgres", FALSE);
  advance_until (f, "ledger", "available");
  advance (f, 3 * HOUR);
  g_assert_true (rds_db_instance_allows (find_instance (f, "ledger"), RDS_INSTANCE_ACTION_RESTORE_TO_POINT_IN_TIME));

  wizard = open_point_in_time (f, "ledger");
  form = rds_restore_database_wizard_get_form (wizard);
  timeline = RDS_RESTORE_TIMELINE (wizard_widget (wizard, "timeline"));
  latest = rds_restore_timeline_get_latest (timeline);
  g_assert_cmpint (rds_restore_timeline_get_earliest (timeline), >, 0);
  g_assert_cmpint (rds_restore_timeline_get_earliest (timeline), <, latest);
  g_assert_cmpint (rds_restore_timeline_get_chosen (timeline), ==, latest);
  g_assert_true (restore_enabled (wizard));
  /* What a restore keeps, read-only; the engine's settings not in the form. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (wizard_widget (wizard, "username_value"))), "admin"));
  g_assert_false (rds_form_shown (form_widget (form, "username_field")));
  g_assert_false (rds_form_shown (form_widget (form, "encryption_check")));
  g_assert_true (rds_form_shown (form_widget (form, "subnet_group_field")));
  g_assert_true (rds_form_shown (form_widget (form, "copy_tags_check")));
  g_assert_cmpstr (rds_form_text_of (form_widget (form, "identifier_entry")), ==, "ledger-restored");
  screenshot (f, GTK_WIDGET (f->window), "wizard-restore-point-in-time");

  /* An identifier in use is refused as typed. */
  type_into (form, "identifier_entry", "ledger");
  g_assert_nonnull (field_error (form, "identifier_field"));
  g_assert_false (restore_enabled (wizard));
  type_into (form, "identifier_entry", "ledger-before");
  g_assert_null (field_error (form, "identifier_field"));

  /* A custom time an hour before the latest; the time line follows. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_widget (wizard, "custom_check")), TRUE);
  g_assert_true (gtk_widget_get_visible (wizard_widget (wizard, "time_field")));
  chosen = latest - (gint64) HOUR * G_USEC_PER_SEC;
  chosen -= chosen % G_USEC_PER_SEC;
  type_time (wizard, chosen);
  g_assert_null (time_error (wizard));
  g_assert_cmpint (rds_restore_timeline_get_chosen (timeline), ==, chosen);
  description = rds_restore_timeline_describe (timeline);
  g_assert_nonnull (strstr (description, "Chosen: "));
  g_assert_null (strstr (description, "outside"));
  g_assert_true (restore_enabled (wizard));
  screenshot (f, GTK_WIDGET (f->window), "wizard-restore-point-in-time-custom");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.restore", NULL));
  g_assert_true (spin_until (f, on_page, "databases"));
  wait_for_status (f, "ledger-before", "creating");
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "Restoring ledger-before");
  screenshot (f, GTK_WIDGET (f->window), "databases-restoring");

  advance_until (f, "ledger-before", "available");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (find_instance (f, "ledger-before")), "engine"), ==,
                   "postgres");
  when = rds_format_timestamp (chosen);
  expected = g_strdup_printf ("Restored from DB instance ledger to ledger-before, as of %s.", when);
  {
    const char *data[] = { "ledger-before", expected };

    g_assert_true (spin_until (f, has_event, data));
  }
}

/* A custom time outside the window: said next to the field, and nothing
 * is sent. */
static void
out_of_window (Fixture *f)
{
  RdsRestoreDatabaseWizard *wizard;
  RdsRestoreTimeline *timeline;
  g_autofree char *description = NULL;
  guint before;

  create_instance (f, "journal", "mysql", FALSE);
  advance_until (f, "journal", "available");
  advance (f, HOUR);
  wizard = open_point_in_time (f, "journal");
  timeline = RDS_RESTORE_TIMELINE (wizard_widget (wizard, "timeline"));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_widget (wizard, "custom_check")), TRUE);
  type_time (wizard, rds_restore_timeline_get_earliest (timeline) - (gint64) 2 * HOUR * G_USEC_PER_SEC);
  g_assert_nonnull (time_error (wizard));
  g_assert_nonnull (strstr (time_error (wizard), "outside the restorable window"));
  description = rds_restore_timeline_describe (timeline);
  g_assert_nonnull (strstr (description, "outside the window"));
  g_assert_false (restore_enabled (wizard));
  screenshot (f, GTK_WIDGET (f->window), "wizard-restore-out-of-window");

  /* Ctrl+Return's way in is refused too: still here, nothing created. */
  before = g_list_model_get_n_items (rds_resource_list_get_model (rds_session_get_instances (f->session)));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.restore", NULL);
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "restore-database");
  g_assert_false (rds_restore_database_wizard_get_busy (wizard));
  g_assert_cmpuint (g_list_model_get_n_items (rds_resource_list_get_model (rds_session_get_instances (f->session))),
                    ==, before);

  /* Badly typed, also said; the latest time makes it all right again. */
  gtk_editable_set_text (GTK_EDITABLE (wizard_widget (wizard, "clock_entry")), "25:99");
  g_assert_nonnull (strstr (time_error (wizard), "HH:MM:SS"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_widget (wizard, "latest_check")), TRUE);
  g_assert_null (time_error (wizard));
  g_assert_true (restore_enabled (wizard));

  /* The time line, from the keyboard: Home goes to the earliest. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (timeline)));
}

static gboolean
snapshot_chosen (Fixture       *f,
                 gconstpointer  data)
{
  RdsSnapshotsPage *page = RDS_SNAPSHOTS_PAGE (rds_window_get_page_widget (f->window, "snapshots"));
  GtkSingleSelection *selection = rds_snapshots_page_get_selection (page);
  GListModel *model = G_LIST_MODEL (selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RdsDbSnapshot) snapshot = g_list_model_get_item (model, i);

      if (g_strcmp0 (rds_db_snapshot_get_identifier (snapshot), data) == 0)
        {
          gtk_single_selection_set_selected (selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* A snapshot restored in a bigger class, from the Snapshots page. */
static void
snapshot (Fixture *f)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBSnapshot");
  RdsRestoreDatabaseWizard *wizard;
  RdsDatabaseForm *form;
  RdsSnapshotsPage *page;

  create_instance (f, "orders", "mysql", FALSE);
  advance_until (f, "orders", "available");
  rds_request_set (request, "DBInstanceIdentifier", "orders");
  rds_request_set (request, "DBSnapshotIdentifier", "orders-monday");
  call (f, request);
  for (guint minutes = 0; minutes < 6 * 60 && !snapshot_available (f, "orders-monday"); minutes += 5)
    advance (f, 300);
  g_assert_true (spin_until (f, snapshot_available, "orders-monday"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "snapshots"));
  page = RDS_SNAPSHOTS_PAGE (rds_window_get_page_widget (f->window, "snapshots"));
  g_assert_true (spin_until (f, snapshot_chosen, "orders-monday"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "snapshot.restore", NULL));
  wizard = current_wizard (f);
  g_assert_cmpstr (rds_db_snapshot_get_identifier (rds_restore_database_wizard_get_snapshot (wizard)), ==,
                   "orders-monday");
  g_assert_true (spin_until (f, wizard_ready, wizard));
  g_assert_false (gtk_widget_get_visible (wizard_widget (wizard, "time_section")));
  form = rds_restore_database_wizard_get_form (wizard);

  /* Storage can't shrink below the snapshot's. */
  type_into (form, "allocated_entry", "10");
  g_assert_nonnull (field_error (form, "allocated_field"));
  type_into (form, "allocated_entry", "20");
  g_assert_null (field_error (form, "allocated_field"));

  type_into (form, "identifier_entry", "orders-copy");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "class_standard")), TRUE);
  select_dropdown_item (form_widget (form, "class_dropdown"), "db.m5.large");
  g_assert_true (spin_until (f, wizard_ready, wizard));
  screenshot (f, GTK_WIDGET (f->window), "wizard-restore-snapshot");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.restore", NULL));
  g_assert_true (spin_until (f, on_page, "databases"));
  wait_for_status (f, "orders-copy", "creating");
  advance_until (f, "orders-copy", "available");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (find_instance (f, "orders-copy")), "db-instance-class"), ==,
                   "db.m5.large");
  {
    const char *data[] = { "orders-copy", "Restored from snapshot orders-monday." };

    g_assert_true (spin_until (f, has_event, data));
  }
}

/* What the source has, a restore starts from and sends: Multi-AZ, its VPC
 * security groups, option group, tags (copied by default) and IAM database
 * authentication, and deletion protection when ticked; the restored
 * instance has them. */
static void
source_settings (Fixture *f)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");
  g_autoptr(RdsRequest) sent = NULL;
  g_autoptr(GPtrArray) sent_tags = NULL;
  g_auto(GStrv) sent_groups = NULL;
  g_autofree char *group_id = NULL;
  g_autofree char *option_group = NULL;
  RdsRestoreDatabaseWizard *wizard;
  RdsDatabaseForm *form;
  RdsShape *source, *restored;
  GListModel *groups;

  rds_request_set (request, "DBInstanceIdentifier", "ledger");
  rds_request_set (request, "Engine", "postgres");
  rds_request_set (request, "DBInstanceClass", "db.t3.medium");
  rds_request_set_int (request, "AllocatedStorage", 20);
  rds_request_set (request, "MasterUsername", "admin");
  rds_request_set (request, "MasterUserPassword", "correct-horse-battery");
  rds_request_set_boolean (request, "MultiAZ", TRUE);
  rds_request_set_boolean (request, "EnableIAMDatabaseAuthentication", TRUE);
  rds_request_set_boolean (request, "DeletionProtection", TRUE);
  rds_request_add_tag (request, "Tags", "team", "ledger");
  rds_request_add_tag (request, "Tags", "env", "prod");
  call (f, request);
  advance_until (f, "ledger", "available");
  advance (f, 3 * HOUR);
  source = RDS_SHAPE (find_instance (f, "ledger"));
  groups = rds_shape_get_list (source, "vpc-security-groups");
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 1);
  {
    g_autoptr(RdsShape) group = g_list_model_get_item (groups, 0);
    g_autoptr(RdsShape) membership = g_list_model_get_item (rds_shape_get_list (source, "option-group-memberships"),
                                                             0);

    group_id = g_strdup (rds_shape_get_string (group, "vpc-security-group-id"));
    option_group = g_strdup (rds_shape_get_string (membership, "option-group-name"));
  }

  /* The form starts from the source. */
  wizard = open_point_in_time (f, "ledger");
  form = rds_restore_database_wizard_get_form (wizard);
  g_assert_true (rds_form_is_active (form_widget (form, "deploy_multi_az")));
  g_assert_true (gtk_widget_is_visible (form_widget (form, "auth_iam")));
  g_assert_true (rds_form_is_active (form_widget (form, "auth_iam")));
  g_assert_true (gtk_widget_is_visible (form_widget (form, "option_group_field")));
  g_assert_true (gtk_widget_is_visible (form_widget (form, "source_tags_check")));
  g_assert_true (rds_form_is_active (form_widget (form, "source_tags_check")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (form_widget (form, "source_tags_label"))),
                            "team=ledger"));
  /* Deletion protection starts off, as in the RDS console; ticked, it is sent. */
  g_assert_false (rds_form_is_active (form_widget (form, "deletion_check")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "deletion_check")), TRUE);
  g_assert_nonnull (strstr (gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (
                    GTK_DROP_DOWN (form_widget (form, "security_group_dropdown"))))), group_id));
  type_into (form, "identifier_entry", "ledger-copy");
  g_assert_true (spin_until (f, wizard_ready, wizard));
  screenshot (f, GTK_WIDGET (f->window), "wizard-restore-source-settings");

  /* What it sends. */
  sent = rds_database_form_build_restore_request (form, "RestoreDBInstanceToPointInTime");
  sent_groups = rds_request_get_list (sent, "VpcSecurityGroupIds", "VpcSecurityGroupId");
  g_assert_nonnull (sent_groups);
  g_assert_cmpstr (sent_groups[0], ==, group_id);
  g_assert_cmpstr (rds_request_get_string (sent, "OptionGroupName"), ==, option_group);
  g_assert_cmpstr (rds_request_get_string (sent, "MultiAZ"), ==, "true");
  g_assert_cmpstr (rds_request_get_string (sent, "EnableIAMDatabaseAuthentication"), ==, "true");
  g_assert_cmpstr (rds_request_get_string (sent, "DeletionProtection"), ==, "true");
  sent_tags = rds_request_get_tags (sent, "Tags", NULL);
  g_assert_nonnull (sent_tags);
  g_assert_cmpuint (sent_tags->len, ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.restore", NULL));
  g_assert_true (spin_until (f, on_page, "databases"));
  wait_for_status (f, "ledger-copy", "creating");
  advance_until (f, "ledger-copy", "available");

  /* The restored instance, as the service has it. */
  restored = RDS_SHAPE (find_instance (f, "ledger-copy"));
  g_assert_true (rds_shape_get_boolean (restored, "multi-az"));
  g_assert_true (rds_shape_get_boolean (restored, "iam-database-authentication-enabled"));
  g_assert_true (rds_shape_get_boolean (restored, "deletion-protection"));
  g_assert_cmpuint (g_list_model_get_n_items (rds_shape_get_list (restored, "tag-list")), ==, 2);
  {
    g_autoptr(RdsShape) group = g_list_model_get_item (rds_shape_get_list (restored, "vpc-security-groups"), 0);
    g_autoptr(RdsShape) membership = g_list_model_get_item (rds_shape_get_list (restored,
                                                                                "option-group-memberships"), 0);

    g_assert_cmpstr (rds_shape_get_string (group, "vpc-security-group-id"), ==, group_id);
    g_assert_cmpstr (rds_shape_get_string (membership, "option-group-name"), ==, option_group);
  }
}

/* Backups off: nothing to restore to a point in time from. */
static void
backups_off (Fixture *f)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");
  RdsDatabasesPage *page;
  GActionGroup *group;

  rds_request_set (request, "DBInstanceIdentifier", "scratch");
  rds_request_set (request, "Engine", "mysql");
  rds_request_set (request, "DBInstanceClass", "db.t3.micro");
  rds_request_set_int (request, "AllocatedStorage", 20);
  rds_request_set (request, "MasterUsername", "admin");
  rds_request_set (request, "MasterUserPassword", "correct-horse-battery");
  rds_request_set_int (request, "BackupRetentionPeriod", 0);
  call (f, request);
  advance_until (f, "scratch", "available");

  g_assert_false (rds_db_instance_allows (find_instance (f, "scratch"),
                                          RDS_INSTANCE_ACTION_RESTORE_TO_POINT_IN_TIME));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  rds_databases_page_select (page, "scratch");
  group = rds_instance_actions_get_group (rds_databases_page_get_actions (page));
  g_assert_false (g_action_group_get_action_enabled (group, "restore-to-point-in-time"));
  g_assert_true (g_action_group_get_action_enabled (group, "take-snapshot"));
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  CONSOLE_TEST_ADD ("/console/restore/point-in-time", point_in_time);
  CONSOLE_TEST_ADD ("/console/restore/out-of-window", out_of_window);
  CONSOLE_TEST_ADD ("/console/restore/snapshot", snapshot);
  CONSOLE_TEST_ADD ("/console/restore/source-settings", source_settings);
  CONSOLE_TEST_ADD ("/console/restore/backups-off", backups_off);

  return g_test_run ();
}
