/* test-database-wizards.c: the create, modify and read replica wizards: what they keep, the service's errors, Easy create, generated passwords, read replicas in the Region and another, and the form's sections on their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"

#include "rds-create-replica-wizard.h"
#include "rds-cluster-page.h"
#include "rds-db-cluster.h"
#include "rds-instance-class-section.h"
#include "rds-metrics-view.h"

static gboolean
is_password_label (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "password-box");
}

static gboolean
is_toggle (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget);
}

/* Leaving the wizard half-filled and coming back loses nothing. */
static void
wizard_keeps_values (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);

  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "half-filled");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_mariadb")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "events"));
  g_assert_true (open_create_wizard (f) == wizard);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "identifier_entry"))), ==,
                   "half-filled");
  g_assert_cmpstr (rds_database_form_get_engine (form), ==, "mariadb");

  /* Cancel empties it: the next one starts afresh. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.cancel", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "events");
  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "identifier_entry"))), ==,
                   "database-1");
}

static gboolean
wizard_idle (Fixture       *f,
             gconstpointer  data)
{
  return !rds_create_database_wizard_get_busy ((RdsCreateDatabaseWizard *) data);
}

/* The service's refusal shows next to the field it concerns. */
static void
wizard_service_error (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard;
  RdsDatabaseForm *form;
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  create_instance (f, "taken-db", "mysql", FALSE);
  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "taken-db");
  type_into (form, "password_entry", "correct-horse-battery");
  type_into (form, "confirm_entry", "correct-horse-battery");
  g_assert_true (rds_database_form_get_valid (form));
  /* Sent from the bottom of the form, where a person ends up. */
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (form), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_for_frames (f, scroller);
  /* Sent with Ctrl+Return from a field: the field greys out while the
   * request is away, and gives up the focus first (GTK warns otherwise). */
  g_assert_true (gtk_widget_grab_focus (form_widget (form, "confirm_entry")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, wizard_idle, wizard));

  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-database");
  g_assert_nonnull (strstr (field_error (form, "identifier_field"), "already exists"));
  /* The field with the error is in sight. */
  wait_for_frames (f, scroller);
  g_assert_true (gtk_widget_compute_point (form_widget (form, "identifier_field"), scroller,
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  g_assert_cmpfloat (point.y, >=, 0);
  g_assert_cmpfloat (point.y, <, gtk_widget_get_height (scroller));
  g_assert_nonnull (strstr (rds_create_database_wizard_get_status (wizard), "already exists"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "password_entry"))), ==,
                   "correct-horse-battery");
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-service-error");

  /* Typing fixes it, there and in the footer; nothing else was touched. */
  type_into (form, "identifier_entry", "free-db");
  g_assert_null (field_error (form, "identifier_field"));
  g_assert_null (strstr (rds_create_database_wizard_get_status (wizard), "already exists"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  wait_for_status (f, "free-db", "creating");
}

/* Easy create: engine, size, identifier and credentials; the rest defaults. */
static void
easy_create (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  RdsDbInstance *instance;

  g_assert_true (spin_until (f, form_ready, form));
  /* Easy create applies the size already chosen: Production protects
   * the database from deletion, Free tier would not. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "size_production")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "method_easy")), TRUE);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_widget (form, "deletion_check"))));
  g_assert_false (gtk_widget_get_visible (form_widget (form, "storage_section")));
  g_assert_false (gtk_widget_get_visible (form_widget (form, "template_section")));
  g_assert_true (gtk_widget_get_visible (form_widget (form, "size_section")));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_postgres")), TRUE);
  g_assert_true (spin_until (f, form_ready, form));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "size_free")), TRUE);
  type_into (form, "identifier_entry", "easy-db");
  type_into (form, "password_entry", "correct-horse-battery");
  type_into (form, "confirm_entry", "correct-horse-battery");
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-easy");
  g_assert_true (rds_database_form_get_valid (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  wait_for_status (f, "easy-db", "creating");

  instance = find_instance (f, "easy-db");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), ==, "db.t3.micro");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (instance), "allocated-storage"), ==, 20);
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (instance), "multi-az"));
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (instance), "storage-encrypted"));
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (instance), "backup-retention-period"), ==, 7);
}

static gboolean
file_contains (const char *dir,
               const char *needle)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR) ? file_contains (path, needle)
          : g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* An auto-generated password: shown once, masked until asked, kept in the
 * keyring and nowhere on disk. */
static void
generated_password (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  g_autofree char *secret = NULL;
  g_autofree char *typed = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *show, *label;

  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "generated-db");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "autogen_check")), TRUE);
  g_assert_false (gtk_widget_get_visible (form_widget (form, "password_field")));
  g_assert_true (rds_database_form_get_valid (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, has_message_dialog, NULL));
  dialog = message_dialog ();
  wait_for_status (f, "generated-db", "creating");

  secret = keyring_password (f, "us-east-1/generated-db");
  g_assert_cmpuint (strlen (secret), ==, 20);
  label = find_widget (GTK_WIDGET (dialog), is_password_label, NULL);
  g_assert_nonnull (label);
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (label)), secret));
  screenshot (f, GTK_WIDGET (dialog), "dialog-generated-password");
  show = find_widget (GTK_WIDGET (dialog), is_toggle, NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (show), TRUE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, secret);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (show), FALSE);
  adw_message_dialog_response (dialog, "close");

  /* A password the user chose goes to the keyring too. */
  wizard = open_create_wizard (f);
  form = rds_create_database_wizard_get_form (wizard);
  g_assert_true (spin_until (f, form_ready, form));
  type_into (form, "identifier_entry", "chosen-db");
  type_into (form, "password_entry", "Chosen-Password-42");
  type_into (form, "confirm_entry", "Chosen-Password-42");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  wait_for_status (f, "chosen-db", "creating");
  g_assert_true (spin_until (f, on_page, "databases"));
  typed = keyring_password (f, "us-east-1/chosen-db");
  g_assert_cmpstr (typed, ==, "Chosen-Password-42");
  g_assert_true (rds_secrets_get_persistent (rds_application_get_secrets (f->app)));

  /* Never on disk: not in the simulator's state, not in the settings. */
  advance (f, 60);
  g_assert_false (file_contains (f->dir, secret));
  g_assert_false (file_contains (f->dir, "Chosen-Password-42"));
}

/* Aurora: the cluster and its writer, with a reader in another zone when
 * asked, from the same form; its own storage configuration. */
static gboolean
cluster_has_instances (Fixture       *f,
                       gconstpointer  data)
{
  /* As the console lists it: not there yet until the wizard's calls land. */
  RdsDbCluster *cluster = rds_resource_list_find (rds_session_get_clusters (f->session), data);
  GListModel *members = cluster != NULL ? rds_db_cluster_get_members (cluster) : NULL;

  if (members != NULL && g_list_model_get_n_items (members) == 2)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static void
create_aurora (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBClusters");
  g_autoptr(RdsQueryResult) answer = NULL;
  g_autofree char *secret = NULL;
  RdsDbCluster *cluster;
  RdsDbInstance *writer, *reader;

  g_assert_true (spin_until (f, form_ready, form));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_aurora_mysql")), TRUE);
  g_assert_true (spin_until (f, form_ready, form));
  g_assert_cmpstr (rds_database_form_get_engine (form), ==, "aurora-mysql");
  g_assert_cmpstr (rds_form_field_get_title (RDS_FORM_FIELD (form_widget (form, "identifier_field"))), ==,
                   "DB cluster identifier");
  /* The cluster volume's configuration, not a size. */
  g_assert_true (gtk_widget_get_visible (form_widget (form, "aurora_box")));
  g_assert_false (gtk_widget_get_visible (form_widget (form, "allocated_field")));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (form_widget (form, "deploy_multi_az"))), ==,
                   "Create an Aurora Replica in a different AZ");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "aurora_optimized")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "deploy_multi_az")), TRUE);
  type_into (form, "identifier_entry", "shop");
  type_into (form, "password_entry", "correct-horse-battery");
  type_into (form, "confirm_entry", "correct-horse-battery");
  g_assert_true (rds_database_form_get_valid (form));
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-aurora");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, cluster_has_instances, "shop"));
  g_assert_true (spin_until (f, on_page, "databases"));

  rds_request_set (request, "DBClusterIdentifier", "shop");
  answer = call_for_answer (f, request);
  cluster = g_ptr_array_index (answer->items, 0);
  g_assert_cmpstr (rds_db_cluster_get_engine (cluster), ==, "aurora-mysql");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (cluster), "storage-type"), ==, "aurora-iopt1");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (cluster), "backup-retention-period"), >=, 1);
  g_assert_cmpstr (rds_db_cluster_get_writer (cluster), ==, "shop-instance-1");
  writer = find_instance (f, "shop-instance-1");
  reader = find_instance (f, "shop-instance-2");
  g_assert_nonnull (writer);
  g_assert_nonnull (reader);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (writer), "db-cluster-identifier"), ==, "shop");
  /* The reader is in another zone than the writer. */
  advance (f, 15 * 60);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (find_instance (f, "shop-instance-1")), "availability-zone"), !=,
                   rds_shape_get_string (RDS_SHAPE (find_instance (f, "shop-instance-2")), "availability-zone"));
  /* The password is the cluster's, in the keyring. */
  secret = keyring_password (f, "us-east-1/shop");
  g_assert_cmpstr (secret, ==, "correct-horse-battery");
  assert_databases_table_rows (f, "shop, > shop-instance-1, > shop-instance-2");
}

/* Aurora Serverless v2: its own family of the instance configuration,
 * with the cluster's capacity range, checked inline and sent to
 * CreateDBCluster; the writer is a db.serverless instance. */
static gboolean
cluster_listed (Fixture       *f,
                gconstpointer  data)
{
  if (rds_resource_list_find (rds_session_get_clusters (f->session), data) != NULL &&
      find_instance (f, "elastic-instance-1") != NULL)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
is_metrics_view (GtkWidget     *widget,
                 gconstpointer  data)
{
  return RDS_IS_METRICS_VIEW (widget);
}

static gboolean
page_shows_label (Fixture       *f,
                  gconstpointer  data)
{
  return find_widget (rds_window_get_page_widget (f->window, "cluster"), is_label_showing, data) != NULL;
}

static void
create_serverless (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBClusters");
  g_autoptr(RdsQueryResult) answer = NULL;
  RdsFormField *capacity = NULL;
  RdsClusterPage *page;
  RdsActionDialog *dialog;
  GtkWidget *range, *spins, *max_spin, *view;
  RdsShape *scaling;
  RdsCostEstimate estimate;

  g_assert_true (spin_until (f, form_ready, form));
  /* Not for MySQL: Serverless v2 is Aurora's. */
  g_assert_false (gtk_widget_get_visible (form_widget (form, "class_serverless")));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_aurora_mysql")), TRUE);
  g_assert_true (spin_until (f, form_ready, form));
  g_assert_true (gtk_widget_get_visible (form_widget (form, "class_serverless")));
  /* Aurora has no standard classes to offer. */
  g_assert_false (gtk_widget_get_visible (form_widget (form, "class_standard")));
  capacity = RDS_FORM_FIELD (form_widget (form, "capacity_field"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (capacity)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "class_serverless")), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (capacity)));
  /* Another engine: back to a family it has; then Aurora again. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_mysql")), TRUE);
  g_assert_true (spin_until (f, form_ready, form));
  g_assert_false (gtk_widget_get_visible (form_widget (form, "class_serverless")));
  g_assert_true (gtk_widget_get_visible (form_widget (form, "class_standard")));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_widget (form, "class_serverless"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (capacity)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_aurora_mysql")), TRUE);
  g_assert_true (spin_until (f, form_ready, form));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "class_serverless")), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (capacity)));
  g_assert_cmpstr (rds_instance_class_section_get_class (RDS_INSTANCE_CLASS_SECTION (
                     gtk_widget_get_ancestor (GTK_WIDGET (capacity), RDS_TYPE_INSTANCE_CLASS_SECTION))), ==,
                   "db.serverless");
  type_into (form, "identifier_entry", "elastic");
  type_into (form, "password_entry", "correct-horse-battery");
  type_into (form, "confirm_entry", "correct-horse-battery");

  /* A maximum below the minimum is refused next to the range. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (form_widget (form, "min_capacity_spin")), 8);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (form_widget (form, "max_capacity_spin")), 4);
  g_assert_false (rds_database_form_get_valid (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_nonnull (strstr (rds_form_field_get_error (capacity), "at least the minimum"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (form_widget (form, "min_capacity_spin")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (form_widget (form, "max_capacity_spin")), 8);
  g_assert_true (rds_database_form_get_valid (form));
  g_assert_null (rds_form_field_get_error (capacity));
  /* Priced by the ACU-hour, at its minimum: 1 ACU. */
  rds_database_form_get_estimate (form, &estimate, NULL);
  g_assert_cmpfloat_with_epsilon (estimate.instance, 0.12 * 730, 0.01);
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-serverless");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, cluster_listed, "elastic"));
  rds_request_set (request, "DBClusterIdentifier", "elastic");
  answer = call_for_answer (f, request);
  scaling = rds_shape_get_object (RDS_SHAPE (g_ptr_array_index (answer->items, 0)),
                                  "serverless-v2-scaling-configuration");
  g_assert_nonnull (scaling);
  g_assert_cmpfloat (rds_shape_get_double (scaling, "min-capacity"), ==, 1);
  g_assert_cmpfloat (rds_shape_get_double (scaling, "max-capacity"), ==, 8);
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (find_instance (f, "elastic-instance-1")), "db-instance-class"),
                   ==, "db.serverless");
  /* The Databases table sizes it as the AWS console does. */
  g_assert_true (spin_until (f, on_page, "databases"));
  advance_until (f, "elastic-instance-1", "available");
  assert_databases_table_cell (f, "elastic-instance-1", "Size", "Serverless v2 (1–8 ACUs)");

  /* The cluster's page says its range. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-cluster", "s", "elastic"));
  page = RDS_CLUSTER_PAGE (rds_window_get_page_widget (f->window, "cluster"));
  rds_cluster_page_show_tab (page, "configuration");
  g_assert_true (spin_until (f, page_shows_label, "1 – 8 ACUs"));
  /* Its Monitoring has the average capacity of its Serverless v2 instances. */
  rds_cluster_page_show_tab (page, "monitoring");
  view = find_widget (GTK_WIDGET (page), is_metrics_view, NULL);
  g_assert_nonnull (view);
  g_assert_nonnull (rds_metrics_view_get_chart (RDS_METRICS_VIEW (view), "ServerlessDatabaseCapacity"));
  g_assert_nonnull (rds_metrics_view_get_chart (RDS_METRICS_VIEW (view), "VolumeBytesUsed"));
  rds_cluster_page_show_tab (page, "configuration");

  /* Modify changes the range, checked inline as in the wizard. */
  advance_until (f, "elastic-instance-1", "available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cluster.modify", NULL));
  g_assert_true (spin_until (f, has_action_dialog, NULL));
  dialog = action_dialog ();
  range = field_titled (GTK_WIDGET (dialog), "Capacity range");
  g_assert_nonnull (range);
  spins = find_widget (range, is_spin_button, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins), 8);
  max_spin = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (spins));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (max_spin), 4);
  g_assert_nonnull (strstr (rds_form_field_get_error (RDS_FORM_FIELD (range)), "at least the minimum"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins), 2);
  g_assert_null (rds_form_field_get_error (RDS_FORM_FIELD (range)));
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  g_assert_true (spin_until (f, page_shows_label, "2 – 4 ACUs"));
}

/* Create read replica */

/* An available, encrypted source with automated backups. */
static RdsDbInstance *
create_source (Fixture    *f,
               const char *identifier)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", identifier);
  rds_request_set (request, "Engine", "mysql");
  rds_request_set (request, "DBInstanceClass", "db.t3.medium");
  rds_request_set (request, "StorageType", "gp2");
  rds_request_set_int (request, "AllocatedStorage", 50);
  rds_request_set (request, "MasterUsername", "admin");
  rds_request_set (request, "MasterUserPassword", "correct-horse-battery");
  rds_request_set_int (request, "BackupRetentionPeriod", 7);
  rds_request_set_boolean (request, "StorageEncrypted", TRUE);
  call (f, request);
  advance_until (f, identifier, "available");
  return find_instance (f, identifier);
}

/* Through the API, applied at once; waits until the change is made. */
static void
set_backup_retention (Fixture    *f,
                      const char *identifier,
                      int         days)
{
  g_autoptr(RdsRequest) request = rds_request_new ("ModifyDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", identifier);
  rds_request_set_int (request, "BackupRetentionPeriod", days);
  rds_request_set_boolean (request, "ApplyImmediately", TRUE);
  call (f, request);
  for (guint i = 0; i < 60 && rds_shape_get_int (RDS_SHAPE (find_instance (f, identifier)),
                                                 "backup-retention-period") != days; i++)
    advance (f, 60);
  advance_until (f, identifier, "available");
}

/* Actions ▸ Create read replica on the Databases page, as a user opens it. */
static RdsCreateReplicaWizard *
open_replica_wizard (Fixture    *f,
                     const char *source)
{
  RdsDatabasesPage *page;
  RdsInstanceActions *actions;
  GtkWidget *wizard;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  g_assert_true (rds_databases_page_select (page, source));
  actions = rds_databases_page_get_actions (page);
  g_assert_true (g_action_group_get_action_enabled (rds_instance_actions_get_group (actions),
                                                    "create-read-replica"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.create-read-replica", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-read-replica");
  wizard = rds_window_get_page_widget (f->window, "create-read-replica");
  g_assert_true (RDS_IS_CREATE_REPLICA_WIZARD (wizard));
  g_assert_true (rds_create_replica_wizard_get_source (RDS_CREATE_REPLICA_WIZARD (wizard)) ==
                 find_instance (f, source));
  g_assert_true (spin_until (f, form_ready, rds_create_replica_wizard_get_form (RDS_CREATE_REPLICA_WIZARD (wizard))));

  return RDS_CREATE_REPLICA_WIZARD (wizard);
}

/* Scrolls the form @fraction of the way down, as a user reading it would. */
static void
scroll_form (Fixture         *f,
             RdsDatabaseForm *form,
             double           fraction)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (form), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (adjustment, fraction * (gtk_adjustment_get_upper (adjustment) -
                                                    gtk_adjustment_get_page_size (adjustment)));
  wait_for_frames (f, scroller);
}

static gboolean
replica_wizard_idle (Fixture       *f,
                     gconstpointer  data)
{
  return !rds_create_replica_wizard_get_busy ((RdsCreateReplicaWizard *) data);
}

static const char *
label_of (RdsDatabaseForm *form,
          const char      *name)
{
  return gtk_label_get_label (GTK_LABEL (form_widget (form, name)));
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return strv != NULL && g_strv_contains (strv, value);
}

static void
described_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_answer (Fixture       *f,
            gconstpointer  data)
{
  return *(GAsyncResult * const *) data != NULL;
}

/* The instance @identifier of @region, straight from the endpoint (as the
 * console asks: a synchronous call on the main thread could wait forever
 * on a connection its own requests hold). */
static RdsShape *
describe_in (Fixture    *f,
             const char *region,
             const char *identifier)
{
  g_autoptr(RdsRequest) request = rds_request_new ("DescribeDBInstances");
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  RdsClient *client = rds_session_get_region_client (f->session, region);
  RdsQueryResult *answer;
  RdsShape *instance = NULL;

  rds_request_set (request, "DBInstanceIdentifier", identifier);
  rds_client_call_async (client, request, NULL, described_cb, &result);
  g_assert_true (spin_until (f, has_answer, &result));
  answer = rds_client_call_finish (client, result, &error);
  g_assert_no_error (error);
  if (answer->items != NULL && answer->items->len > 0)
    instance = g_object_ref (g_ptr_array_index (answer->items, 0));
  rds_query_result_free (answer);
  return instance;
}

/* An amount as the console writes it, "14.71 USD": its value. */
static double
usd (const char *text)
{
  char *end = NULL;
  double value;

  g_assert_nonnull (text);
  value = g_ascii_strtod (text, &end);
  g_assert_true (end != text);
  g_assert_true (g_str_has_prefix (end, " USD"));
  return value;
}

static gboolean
is_info_button_for (GtkWidget     *widget,
                    gconstpointer  data)
{
  return RDS_IS_INFO_BUTTON (widget) &&
         g_strcmp0 (rds_info_button_get_concept (RDS_INFO_BUTTON (widget)), data) == 0;
}

/* In the source's Region: defaults from the source, its storage as the
 * least, the service's refusal next to the identifier, and the replica
 * made, replicating from its source. */
static void
read_replica (Fixture *f)
{
  RdsDbInstance *source = create_source (f, "orders");
  const char *source_key = rds_shape_get_string (RDS_SHAPE (source), "kms-key-id");
  RdsCreateReplicaWizard *wizard = open_replica_wizard (f, "orders");
  RdsDatabaseForm *form = rds_create_replica_wizard_get_form (wizard);
  RdsCostPanel *costs = rds_create_replica_wizard_get_cost_panel (wizard);
  g_autoptr(RdsRequest) request = NULL;
  g_autofree char *encrypted = NULL;
  RdsDbInstance *replica;
  RdsTopologyView *view;
  GtkWidget *info;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  int value = 0;

  /* The source's settings, what only creating has hidden. */
  g_assert_cmpstr (label_of (form, "source_label"), ==, "orders");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "identifier_entry"))), ==,
                   "orders-replica");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "allocated_entry"))), ==, "50");
  g_assert_nonnull (source_key);
  encrypted = g_strdup_printf ("Encrypted with %s", source_key);
  g_assert_cmpstr (label_of (form, "encryption_label"), ==, encrypted);
  g_assert_false (gtk_widget_get_visible (form_widget (form, "kms_field")));
  g_assert_false (gtk_widget_get_visible (form_widget (form, "engine_section")));
  g_assert_false (gtk_widget_get_visible (form_widget (form, "template_section")));
  g_assert_false (gtk_widget_get_visible (form_widget (form, "username_field")));
  g_assert_false (gtk_widget_get_visible (form_widget (form, "backup_check")));
  g_assert_true (gtk_widget_get_visible (form_widget (form, "region_section")));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_widget (form, "deploy_single"))));
  g_assert_cmpstr (rds_database_form_get_region (form), ==, "us-east-1");
  g_assert_true (rds_database_form_get_valid (form));
  request = rds_database_form_build_replica_request (form);
  g_assert_cmpstr (rds_request_get_action (request), ==, "CreateDBInstanceReadReplica");
  g_assert_cmpstr (rds_request_get_string (request, "SourceDBInstanceIdentifier"), ==, "orders");
  g_assert_cmpstr (rds_request_get_string (request, "DBInstanceClass"), ==, "db.t3.medium");
  g_assert_true (rds_request_get_int (request, "AllocatedStorage", &value, NULL));
  g_assert_cmpint (value, ==, 50);
  g_assert_null (rds_request_get_string (request, "KmsKeyId"));
  g_assert_null (rds_request_get_string (request, "MasterUsername"));
  /* Replication in the Region costs no transfer: the line says so, and
   * the total is the instance and its storage alone. */
  g_assert_cmpstr (rds_cost_panel_get_data_transfer (costs), ==, "0.00 USD");
  g_assert_cmpstr (rds_cost_panel_get_data_transfer_assumption (costs), ==,
                   "Replication within a Region has no data transfer charge.");
  {
    RdsCostEstimate estimate;

    rds_database_form_get_estimate (form, &estimate, NULL);
    g_assert_cmpfloat (estimate.total, >, 0);
    g_assert_cmpfloat_with_epsilon (usd (rds_cost_panel_get_total (costs)), estimate.total, 0.006);
  }
  /* Its Info says the same. */
  info = find_widget (GTK_WIDGET (wizard), is_info_button_for, "read-replicas");
  g_assert_nonnull (info);
  g_signal_emit_by_name (info, "clicked");
  g_assert_true (rds_window_get_info_open (f->window));
  text = rds_info_panel_get_text (RDS_INFO_PANEL (rds_window_get_info_panel (f->window)));
  g_assert_nonnull (strstr (text, "within a Region, even to another Availability Zone, has no data transfer "
                                  "charge"));
  g_assert_nonnull (strstr (text, "another Region pays for the data sent to it"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-info", NULL));
  g_assert_false (rds_window_get_info_open (f->window));
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-read-replica");
  assert_no_focusable_labels (GTK_WIDGET (wizard));
  assert_focus_cycles (f);

  /* Less storage than the source's is refused before anything is sent. */
  type_into (form, "allocated_entry", "40");
  g_assert_false (rds_database_form_get_valid (form));
  g_assert_nonnull (strstr (field_error (form, "allocated_field"), "50 GiB"));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL);
  g_assert_false (rds_create_replica_wizard_get_busy (wizard));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-read-replica");
  type_into (form, "allocated_entry", "60");
  g_assert_null (field_error (form, "allocated_field"));
  g_assert_true (rds_database_form_get_valid (form));

  /* A name already taken: the service's answer, next to the identifier. */
  type_into (form, "identifier_entry", "orders");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (rds_create_replica_wizard_get_busy (wizard));
  /* Nothing changes while the request is away. */
  g_assert_false (gtk_widget_is_sensitive (form_widget (form, "identifier_entry")));
  g_assert_true (spin_until (f, replica_wizard_idle, wizard));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-read-replica");
  g_assert_nonnull (strstr (field_error (form, "identifier_field"), "already exists"));
  g_assert_nonnull (strstr (rds_create_replica_wizard_get_status (wizard), "already exists"));
  g_assert_true (gtk_widget_is_sensitive (form_widget (form, "identifier_entry")));
  g_assert_null (rds_create_replica_wizard_get_error (wizard));
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-read-replica-error");

  /* A refusal about no field in particular shows at the top: the
   * source's backups turned off meanwhile. */
  type_into (form, "identifier_entry", "orders-read-1");
  set_backup_retention (f, "orders", 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, replica_wizard_idle, wizard));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-read-replica");
  g_assert_nonnull (strstr (rds_create_replica_wizard_get_error (wizard), "Automated backups are not enabled"));
  g_assert_null (field_error (form, "identifier_field"));
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-read-replica-error-top");
  set_backup_retention (f, "orders", 7);

  /* A free one: the replica of orders, in the list at once. */
  type_into (form, "identifier_entry", "orders-read-2");
  type_into (form, "identifier_entry", "orders-read-1");
  g_assert_null (rds_create_replica_wizard_get_error (wizard));
  g_assert_null (field_error (form, "identifier_field"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, on_page, "databases"));
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "Creating read replica orders-read-1");
  g_assert_null (rds_window_get_page_widget (f->window, "create-read-replica"));
  wait_for_status (f, "orders-read-1", "creating");

  /* At once, before the clock moves: under its source in the table, a
   * Replica of a Primary, and on the source's Topology tab. */
  assert_databases_table_rows (f, "orders, > orders-read-1");
  assert_databases_table_cell (f, "orders-read-1", "Role", "Replica");
  assert_databases_table_cell (f, "orders-read-1", "Status", "Creating");
  assert_databases_table_cell (f, "orders", "Role", "Primary");
  screenshot (f, GTK_WIDGET (f->window), "page-databases-replica-created");
  view = open_topology (f, "orders");
  g_assert_nonnull (view);
  expected = g_strdup_printf ("Read replica orders-read-1 in %s, Creating.",
                              rds_shape_get_string (RDS_SHAPE (find_instance (f, "orders-read-1")),
                                                    "availability-zone"));
  wait_describes (f, view, expected);
  advance_until (f, "orders-read-1", "available");

  replica = find_instance (f, "orders-read-1");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (replica), "read-replica-source-db-instance-identifier"), ==,
                   "orders");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (replica), "db-instance-class"), ==, "db.t3.medium");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (replica), "allocated-storage"), ==, 60);
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (replica), "storage-encrypted"));
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (replica), "kms-key-id"), ==, source_key);
  source = find_instance (f, "orders");
  g_assert_true (strv_has (rds_shape_get_strv (RDS_SHAPE (source), "read-replica-db-instance-identifiers"),
                           "orders-read-1"));
  assert_databases_table_rows (f, "orders, > orders-read-1");
  assert_databases_table_cell (f, "orders-read-1", "Status", "Available");
  assert_databases_table_cell (f, "orders-read-1", "Role", "Replica");
}

/* In another Region: made there, through its endpoint, from the source's
 * ARN, with a key of that Region; the data sent there costs transfer. */
static void
cross_region_read_replica (Fixture *f)
{
  RdsDbInstance *source = create_source (f, "orders");
  g_autofree char *source_arn = g_strdup (rds_db_instance_get_arn (source));
  RdsCreateReplicaWizard *wizard = open_replica_wizard (f, "orders");
  RdsDatabaseForm *form = rds_create_replica_wizard_get_form (wizard);
  RdsCostPanel *costs = rds_create_replica_wizard_get_cost_panel (wizard);
  g_autoptr(RdsRequest) request = NULL;
  g_autoptr(RdsShape) replica = NULL;
  RdsTopologyView *view;
  double in_region;

  /* In the source's Region first: no transfer in the total. */
  g_assert_cmpstr (rds_cost_panel_get_data_transfer (costs), ==, "0.00 USD");
  in_region = usd (rds_cost_panel_get_total (costs));

  select_dropdown_item (form_widget (form, "region_dropdown"), "us-west-2");
  g_assert_true (spin_until (f, form_ready, form));
  g_assert_cmpstr (rds_database_form_get_region (form), ==, "us-west-2");
  g_assert_cmpstr (label_of (form, "encryption_label"), ==, "Encrypted with a KMS key of us-west-2");
  g_assert_true (gtk_widget_get_visible (form_widget (form, "kms_field")));
  g_assert_true (gtk_widget_get_visible (form_widget (form, "subnet_group_field")));
  select_dropdown_item (form_widget (form, "zone_dropdown"), "us-west-2b");
  /* 50 GiB changed a month, at 0.02 USD per GB. */
  g_assert_cmpstr (rds_cost_panel_get_data_transfer (costs), ==, "1.00 USD");
  g_assert_nonnull (strstr (rds_cost_panel_get_data_transfer_assumption (costs), "50 GiB"));
  g_assert_nonnull (strstr (rds_cost_panel_get_data_transfer_assumption (costs), "0.02 USD per GB"));
  /* The same instance and storage, and the transfer on top. */
  g_assert_cmpfloat_with_epsilon (usd (rds_cost_panel_get_total (costs)), in_region + 1.00, 0.006);
  type_into (form, "identifier_entry", "orders-west");
  g_assert_true (rds_database_form_get_valid (form));
  request = rds_database_form_build_replica_request (form);
  g_assert_cmpstr (rds_request_get_string (request, "SourceDBInstanceIdentifier"), ==, source_arn);
  g_assert_cmpstr (rds_request_get_string (request, "KmsKeyId"), ==, "alias/aws/rds");
  g_assert_cmpstr (rds_request_get_string (request, "AvailabilityZone"), ==, "us-west-2b");
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-read-replica-cross-region");
  scroll_form (f, form, 0.5);
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-read-replica-cross-region-middle");
  scroll_form (f, form, 1.0);
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-read-replica-cross-region-end");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  g_assert_true (spin_until (f, on_page, "databases"));
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "Creating read replica orders-west");
  /* Not in this Region's list; in us-west-2's. */
  g_assert_null (find_instance (f, "orders-west"));
  /* At once, shown here under its source, with its Region; and on the
   * source's Topology tab, in that Region. */
  assert_databases_table_rows (f, "orders, > orders-west");
  assert_databases_table_cell (f, "orders-west", "Role", "Replica");
  assert_databases_table_cell (f, "orders-west", "Region & AZ", "us-west-2");
  assert_databases_table_cell (f, "orders", "Role", "Primary");
  screenshot (f, GTK_WIDGET (f->window), "page-databases-replica-created-cross-region");
  view = open_topology (f, "orders");
  g_assert_nonnull (view);
  wait_describes (f, view, "Read replica orders-west in us-west-2.");
  replica = describe_in (f, "us-west-2", "orders-west");
  g_assert_nonnull (replica);
  g_assert_cmpstr (rds_shape_get_string (replica, "read-replica-source-db-instance-identifier"), ==, source_arn);
  g_assert_cmpstr (rds_shape_get_string (replica, "availability-zone"), ==, "us-west-2b");
  g_assert_true (rds_shape_get_boolean (replica, "storage-encrypted"));
  g_assert_true (g_str_has_prefix (rds_shape_get_string (replica, "kms-key-id"), "arn:aws:kms:us-west-2:"));
  advance (f, 60);
  source = find_instance (f, "orders");
  g_assert_true (strv_has (rds_shape_get_strv (RDS_SHAPE (source), "read-replica-db-instance-identifiers"),
                           rds_shape_get_string (replica, "db-instance-arn")));
}

static RdsShape *
orderable_option (const char *instance_class,
                  const char *storage_type)
{
  RdsShape *option = g_object_new (RDS_TYPE_ORDERABLE_DB_INSTANCE_OPTION, NULL);

  rds_shape_set_string (option, "engine", "postgres");
  rds_shape_set_string (option, "db-instance-class", instance_class);
  rds_shape_set_string (option, "storage-type", storage_type);
  rds_shape_set_string (option, "license-model", "postgresql-license");
  return option;
}

static void
counter_cb (gpointer  object,
            guint    *count)
{
  (*count)++;
}

static const char *
section_error (RdsFormSection *section,
               const char     *field)
{
  return rds_form_field_get_error (RDS_FORM_FIELD (rds_form_section_get_widget (section, field)));
}

/* Sections work on their own, as the coming wizards (restore, read
 * replica, Multi-AZ conversion) will assemble them: each takes the
 * engine, checks its fields, adds its parameters to a request and says
 * what Modify would change. */
static void
test_sections_on_their_own (void)
{
  g_autoptr(RdsSession) session = rds_session_new ("http://127.0.0.1:9", "AKIDSECTIONS", "sections-secret", TRUE);
  const RdsEngineInfo *postgres = rds_catalog_find_engine ("postgres");
  g_autoptr(GListStore) orderable = g_list_store_new (RDS_TYPE_SHAPE);
  g_autoptr(RdsFormSection) storage = g_object_ref_sink (g_object_new (RDS_TYPE_STORAGE_SECTION, NULL));
  g_autoptr(RdsFormSection) classes = g_object_ref_sink (g_object_new (RDS_TYPE_INSTANCE_CLASS_SECTION, NULL));
  g_autoptr(RdsFormSection) modify = g_object_ref_sink (g_object_new (RDS_TYPE_STORAGE_SECTION, NULL));
  g_autoptr(RdsRequest) request = rds_request_new ("RestoreDBInstanceFromDBSnapshot");
  g_autoptr(RdsRequest) changes_request = rds_request_new ("ModifyDBInstance");
  g_autoptr(RdsDbInstance) instance = g_object_new (RDS_TYPE_DB_INSTANCE, NULL);
  RdsFormDiff diff = { g_ptr_array_new_with_free_func ((GDestroyNotify) rds_form_change_free), NULL };
  GtkWidget *allocated;
  guint changed = 0;
  int value = 0;

  const char *options[][2] = {
    { "db.t3.micro", "gp2" }, { "db.t3.micro", "gp3" }, { "db.m5.large", "io1" }, { "db.m5.large", "gp3" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autoptr(RdsShape) option = orderable_option (options[i][0], options[i][1]);

      g_list_store_append (orderable, option);
    }

  /* The class section offers the classes of the chosen family. */
  rds_form_section_setup (classes, session, RDS_DATABASE_FORM_CREATE, NULL);
  rds_form_section_set_engine (classes, postgres);
  rds_instance_class_section_set_offer (RDS_INSTANCE_CLASS_SECTION (classes), G_LIST_MODEL (orderable),
                                        "postgresql-license", NULL);
  rds_instance_class_section_choose (RDS_INSTANCE_CLASS_SECTION (classes), "db.m5.large");
  g_assert_cmpstr (rds_instance_class_section_get_class (RDS_INSTANCE_CLASS_SECTION (classes)), ==,
                   "db.m5.large");
  g_assert_true (rds_form_section_validate (classes));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (rds_form_section_get_widget (classes, "class_memory")),
                               TRUE);
  g_assert_null (rds_instance_class_section_get_class (RDS_INSTANCE_CLASS_SECTION (classes)));
  g_assert_false (rds_form_section_validate (classes));
  g_assert_nonnull (section_error (classes, "class_field"));

  /* The storage section: the types of the class, the rules of the engine. */
  rds_form_section_setup (storage, session, RDS_DATABASE_FORM_CREATE, NULL);
  rds_form_section_set_engine (storage, postgres);
  g_signal_connect (storage, "changed", G_CALLBACK (counter_cb), &changed);
  rds_storage_section_set_offer (RDS_STORAGE_SECTION (storage), G_LIST_MODEL (orderable), "db.t3.micro",
                                 "postgresql-license");
  rds_storage_section_choose (RDS_STORAGE_SECTION (storage), "gp2", 50, 0, 1000);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (rds_form_section_validate (storage));

  allocated = rds_form_section_get_widget (storage, "allocated_entry");
  gtk_editable_set_text (GTK_EDITABLE (allocated), "5");
  g_assert_cmpuint (changed, >, 0);
  g_assert_false (rds_form_section_validate (storage));
  g_assert_cmpstr (section_error (storage, "allocated_field"), ==,
                   "Must be between 20 and 65536 GiB for this engine and storage type.");
  gtk_editable_set_text (GTK_EDITABLE (allocated), "200");
  g_assert_true (rds_form_section_validate (storage));
  g_assert_null (section_error (storage, "allocated_field"));

  rds_form_section_add_to_create (storage, request);
  g_assert_cmpstr (rds_request_get_string (request, "StorageType"), ==, "gp2");
  g_assert_true (rds_request_get_int (request, "AllocatedStorage", &value, NULL));
  g_assert_cmpint (value, ==, 200);
  g_assert_cmpstr (rds_request_get_string (request, "MaxAllocatedStorage"), ==, "1000");

  /* Modifying: filled from the instance; storage never shrinks; the
   * summary and the request say what changes. */
  rds_shape_set_string (RDS_SHAPE (instance), "db-instance-identifier", "orders");
  rds_shape_set_string (RDS_SHAPE (instance), "engine", "postgres");
  rds_shape_set_string (RDS_SHAPE (instance), "storage-type", "gp3");
  rds_shape_set_int (RDS_SHAPE (instance), "allocated-storage", 100);
  rds_form_section_setup (modify, session, RDS_DATABASE_FORM_MODIFY, instance);
  rds_form_section_set_engine (modify, postgres);
  rds_storage_section_set_offer (RDS_STORAGE_SECTION (modify), G_LIST_MODEL (orderable), "db.t3.micro",
                                 "postgresql-license");
  allocated = rds_form_section_get_widget (modify, "allocated_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (allocated)), ==, "100");
  g_assert_true (rds_form_section_validate (modify));
  gtk_editable_set_text (GTK_EDITABLE (allocated), "80");
  g_assert_false (rds_form_section_validate (modify));
  g_assert_nonnull (section_error (modify, "allocated_field"));
  gtk_editable_set_text (GTK_EDITABLE (allocated), "150");
  g_assert_true (rds_form_section_validate (modify));

  diff.request = changes_request;
  rds_form_section_add_changes (modify, &diff);
  g_assert_cmpuint (diff.changes->len, ==, 1);
  g_assert_cmpstr (((RdsFormChange *) g_ptr_array_index (diff.changes, 0))->attribute, ==,
                   "Allocated storage (GiB)");
  g_assert_cmpstr (((RdsFormChange *) g_ptr_array_index (diff.changes, 0))->wanted, ==, "150");
  g_assert_cmpstr (rds_request_get_string (changes_request, "AllocatedStorage"), ==, "150");
  g_assert_null (rds_request_get_string (changes_request, "StorageType"));
  g_ptr_array_unref (diff.changes);
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  g_test_add_func ("/console/wizard/sections-on-their-own", test_sections_on_their_own);
  CONSOLE_TEST_ADD ("/console/wizard/keeps-what-was-typed", wizard_keeps_values);
  CONSOLE_TEST_ADD ("/console/wizard/service-error", wizard_service_error);
  CONSOLE_TEST_ADD ("/console/wizard/easy-create", easy_create);
  CONSOLE_TEST_ADD ("/console/wizard/generated-password", generated_password);
  CONSOLE_TEST_ADD ("/console/wizard/create-aurora", create_aurora);
  CONSOLE_TEST_ADD ("/console/wizard/create-serverless", create_serverless);
  CONSOLE_TEST_ADD ("/console/wizard/read-replica", read_replica);
  CONSOLE_TEST_ADD ("/console/wizard/read-replica-cross-region", cross_region_read_replica);

  return g_test_run ();
}
