/* test-databases-page.c: the Databases page: a database created, modified and deleted, the actions each status allows, search, pages, the rows in sight, read replicas under their source, Aurora clusters and their instances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"

/* Whether the Databases page has the database named @data selected; the
 * selection follows a new database once the list has its row. */
static gboolean
database_selected (Fixture       *f,
                   gconstpointer  data)
{
  RdsDatabasesPage *page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  RdsDbInstance *selected = rds_databases_page_get_selected (page);

  return selected != NULL && g_strcmp0 (rds_db_instance_get_identifier (selected), data) == 0;
}

/* Whether the Actions menu of a databases page offers @action. */
static gboolean
action_enabled (GtkWidget  *page,
                const char *group,
                const char *action)
{
  RdsInstanceActions *actions = rds_databases_page_get_actions (RDS_DATABASES_PAGE (page));

  g_assert_cmpstr (group, ==, "db");
  return g_action_group_get_action_enabled (rds_instance_actions_get_group (actions), action);
}

/* The databases table as shown */

static void
append_labels (GtkWidget *widget,
               GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\t", gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_labels (child, text);
}

static gboolean
find_row_text (GtkWidget  *widget,
               const char *identifier,
               GString    *text)
{
  /* A row of the table is a "row" in its "listview"; its first label is
   * the identifier. */
  if (g_str_equal (gtk_widget_get_css_name (widget), "row") &&
      gtk_widget_get_parent (widget) != NULL &&
      g_str_equal (gtk_widget_get_css_name (gtk_widget_get_parent (widget)), "listview"))
    {
      g_autofree char *prefix = g_strconcat (identifier, "\t", NULL);

      g_string_truncate (text, 0);
      append_labels (widget, text);
      return g_str_has_prefix (text->str, prefix);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_row_text (child, identifier, text))
      return TRUE;
  return FALSE;
}

/* The labels of @identifier's row of the databases table, tab-separated,
 * or NULL when no row shows it. */
static char *
databases_row (Fixture    *f,
               const char *identifier)
{
  GtkWidget *page = rds_window_get_page_widget (f->window, "databases");
  GtkWidget *table = GTK_WIDGET (gtk_widget_get_template_child (page, RDS_TYPE_DATABASES_PAGE,
                                                                "column_view"));
  g_autoptr(GString) text = g_string_new (NULL);

  if (!find_row_text (table, identifier, text))
    return NULL;
  return g_strdup (text->str);
}

/* A row of the databases table that is hidden, or NULL. */
static GtkWidget *
find_hidden_row (GtkWidget *widget)
{
  if (g_str_equal (gtk_widget_get_css_name (widget), "row") && gtk_widget_get_parent (widget) != NULL &&
      g_str_equal (gtk_widget_get_css_name (gtk_widget_get_parent (widget)), "listview"))
    return gtk_widget_get_visible (widget) ? NULL : widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_hidden_row (child);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static guint
count_visible_rows (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (g_str_equal (gtk_widget_get_css_name (widget), "row") && gtk_widget_get_parent (widget) != NULL &&
      g_str_equal (gtk_widget_get_css_name (gtk_widget_get_parent (widget)), "listview"))
    return 1;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_visible_rows (child);
  return n;
}

/* The rows of the databases table a user sees (or would, scrolling). */
static guint
visible_rows (Fixture *f)
{
  GtkWidget *page = rds_window_get_page_widget (f->window, "databases");

  return count_visible_rows (GTK_WIDGET (gtk_widget_get_template_child (page, RDS_TYPE_DATABASES_PAGE,
                                                                        "column_view")));
}

static void
wait_frames (RdsDatabasesPage *page,
             guint             n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (page));

  for (gint64 frame = gdk_frame_clock_get_frame_counter (clock);
       gdk_frame_clock_get_frame_counter (clock) < frame + n; )
    g_main_context_iteration (NULL, TRUE);
}

/* @data: "identifier\tlabel\tlabel…": the row shows each label. */
static gboolean
row_shows (Fixture       *f,
           gconstpointer  data)
{
  g_auto(GStrv) wanted = g_strsplit (data, "\t", -1);
  g_autofree char *row = databases_row (f, wanted[0]);

  if (row == NULL)
    return FALSE;
  for (guint i = 1; wanted[i] != NULL; i++)
    {
      g_autofree char *cell = g_strconcat ("\t", wanted[i], "\t", NULL);

      if (strstr (row, cell) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
assert_row_shows (Fixture    *f,
                  const char *wanted)
{
  if (!spin_until (f, row_shows, wanted))
    {
      g_autofree char *identifier = g_strndup (wanted, strcspn (wanted, "\t"));
      g_autofree char *row = databases_row (f, identifier);

      g_error ("the row of %s shows “%s”, not “%s”", identifier, row != NULL ? row : "nothing", wanted);
    }
}

static gboolean
dialog_idle (Fixture       *f,
             gconstpointer  data)
{
  return !rds_action_dialog_get_busy ((RdsActionDialog *) data);
}

static gboolean
dialog_submit_enabled (RdsActionDialog *dialog)
{
  return gtk_widget_get_sensitive (rds_action_dialog_get_submit_button (dialog));
}

static gboolean
window_inactive (Fixture       *f,
                 gconstpointer  data)
{
  return !gtk_window_is_active (GTK_WINDOW (f->window));
}

/* The Snapshots page's title. */
static const char *
page_title (RdsSnapshotsPage *page)
{
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_SNAPSHOTS_PAGE,
                                                                        "title_label")));
}

/* The System tab lists automated snapshots, and only them. */
static gboolean
automated_listed (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *shown = G_LIST_MODEL (rds_snapshots_page_get_selection ((RdsSnapshotsPage *) data));

  if (g_list_model_get_n_items (shown) == 0)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(RdsShape) snapshot = g_list_model_get_item (shown, i);

      if (g_strcmp0 (rds_shape_get_string (snapshot, "snapshot-type"), "automated") != 0)
        return FALSE;
    }
  return TRUE;
}

static void
create_modify_delete (Fixture *f)
{
  RdsCreateDatabaseWizard *wizard = open_create_wizard (f);
  RdsDatabaseForm *form = rds_create_database_wizard_get_form (wizard);
  RdsCostPanel *cost = rds_create_database_wizard_get_cost_panel (wizard);
  g_autofree char *cost_before = NULL;
  RdsDbInstance *instance;
  RdsDatabasesPage *databases;
  RdsSnapshotsPage *snapshots;
  GtkWidget *dialog;
  GtkWidget *other;

  g_assert_true (spin_until (f, form_ready, form));
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-default");

  /* Bad identifiers, passwords and storage are refused next to their fields. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (form_widget (form, "engine_postgres")), TRUE);
  g_assert_true (spin_until (f, form_ready, form));
  g_assert_cmpstr (rds_database_form_get_engine (form), ==, "postgres");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "username_entry"))), ==,
                   "postgres");

  type_into (form, "identifier_entry", "1st-db");
  g_assert_cmpstr (field_error (form, "identifier_field"), ==, "Must begin with a letter.");
  type_into (form, "identifier_entry", "orders--db");
  g_assert_cmpstr (field_error (form, "identifier_field"), ==, "Can't contain two consecutive hyphens.");
  type_into (form, "identifier_entry", "orders-db-");
  g_assert_nonnull (field_error (form, "identifier_field"));
  type_into (form, "password_entry", "short");
  g_assert_cmpstr (field_error (form, "password_field"), ==, "Must be at least 8 characters long.");
  type_into (form, "password_entry", "has/slash-in-it");
  g_assert_nonnull (strstr (field_error (form, "password_field"), "/ (slash)"));
  type_into (form, "allocated_entry", "5");
  g_assert_cmpstr (field_error (form, "allocated_field"), ==,
                   "Must be between 20 and 65536 GiB for this engine and storage type.");
  /* Storage the form refuses is not priced. */
  g_assert_cmpstr (rds_cost_panel_get_total (cost), ==, "—");
  /* gp3 from 400 GiB: its IOPS and throughput appear with the least they take. */
  type_into (form, "allocated_entry", "400");
  g_assert_true (gtk_widget_get_visible (form_widget (form, "iops_field")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "iops_entry"))), ==, "12000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_widget (form, "throughput_entry"))), ==, "500");
  g_assert_null (field_error (form, "iops_field"));
  g_assert_cmpstr (rds_cost_panel_get_total (cost), !=, "—");
  type_into (form, "allocated_entry", "5");
  g_assert_false (rds_database_form_get_valid (form));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL) &&
                  rds_create_database_wizard_get_busy (wizard));
  rds_widget_reveal (form_widget (form, "identifier_field"));
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-errors");

  /* Fixed, and with a class and storage that cost more. */
  type_into (form, "identifier_entry", "orders-db");
  type_into (form, "password_entry", "correct-horse-battery");
  type_into (form, "confirm_entry", "correct-horse-battery");
  type_into (form, "allocated_entry", "100");
  g_assert_null (field_error (form, "identifier_field"));
  g_assert_null (field_error (form, "password_field"));
  g_assert_null (field_error (form, "allocated_field"));
  cost_before = g_strdup (rds_cost_panel_get_total (cost));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_widget (form, "class_standard")), TRUE);
  select_dropdown_item (form_widget (form, "class_dropdown"), "db.m5.large");
  g_assert_cmpstr (cost_before, !=, rds_cost_panel_get_total (cost));
  g_assert_true (rds_database_form_get_valid (form));
  screenshot (f, GTK_WIDGET (f->window), "wizard-create-filled");

  /* Submitted with the cursor still in a field, as with Ctrl+Return. */
  gtk_widget_grab_focus (form_widget (form, "identifier_entry"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL));
  wait_for_status (f, "orders-db", "creating");
  /* The password goes to the keyring before the window moves on. */
  g_assert_true (spin_until (f, on_page, "databases"));
  databases = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  instance = find_instance (f, "orders-db");
  g_assert_cmpstr (rds_db_instance_get_engine (instance), ==, "postgres");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), ==, "db.m5.large");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (instance), "allocated-storage"), ==, 100);
  /* The new row is selected; creating offers only Delete. */
  g_assert_true (spin_until (f, database_selected, "orders-db"));
  g_assert_true (rds_databases_page_get_selected (databases) == find_instance (f, "orders-db"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "modify"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "reboot"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "stop"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "start"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "take-snapshot"));
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "delete"));
  assert_row_shows (f, "orders-db\tCreating\tInstance\tPostgreSQL\tdb.m5.large\tNo\t100 GiB");
  screenshot (f, GTK_WIDGET (f->window), "page-databases-creating");

  /* With the window in the background, the end of the creation is a desktop
   * notification too. */
  other = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (spin_until (f, window_inactive, NULL));
  advance_until (f, "orders-db", "available");
  g_assert_true (spin_until (f, notified, "orders-db is now Available"));
  gtk_window_destroy (GTK_WINDOW (other));
  g_assert_true (rds_databases_page_get_selected (databases) == instance);
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "modify"));
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "reboot"));
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "stop"));
  g_assert_false (action_enabled (GTK_WIDGET (databases), "db", "start"));
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "take-snapshot"));
  g_assert_true (action_enabled (GTK_WIDGET (databases), "db", "delete"));
  assert_row_shows (f, "orders-db\tAvailable\tdb.m5.large");
  screenshot (f, GTK_WIDGET (f->window), "page-databases-available");

  /* Modify, applied immediately: pending, then the new class. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (databases), "db.modify", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "modify-database");
  {
    RdsModifyDatabaseWizard *modify =
      RDS_MODIFY_DATABASE_WIZARD (rds_window_get_page_widget (f->window, "modify-database"));
    RdsDatabaseForm *modify_form = rds_modify_database_wizard_get_form (modify);

    g_assert_true (spin_until (f, form_ready, modify_form));
    /* The instance's windows are shown as chosen; what only creation
     * sets is not shown at all. */
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_widget (modify_form,
                                                                               "maintenance_window_choose"))));
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_widget (modify_form,
                                                                               "backup_window_choose"))));
    g_assert_false (gtk_widget_get_visible (form_widget (modify_form, "encryption_title")));
    g_assert_false (gtk_widget_get_visible (form_widget (modify_form, "logs_title")));
    screenshot (f, GTK_WIDGET (f->window), "wizard-modify-form");
    select_dropdown_item (form_widget (modify_form, "class_dropdown"), "db.m5.xlarge");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (modify), "wizard.continue", NULL));
    g_assert_cmpstr (rds_modify_database_wizard_get_step (modify), ==, "summary");
    screenshot (f, GTK_WIDGET (f->window), "wizard-modify-summary");
    {
      GtkWidget *attribute = gtk_grid_get_child_at (rds_modify_database_wizard_get_summary (modify), 0, 1);
      GtkWidget *wanted = gtk_grid_get_child_at (rds_modify_database_wizard_get_summary (modify), 2, 1);

      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (attribute)), ==, "DB instance class");
      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (wanted)), "db.m5.xlarge"));
      /* The windows shown are the instance's: no change of them. */
      g_assert_null (gtk_grid_get_child_at (rds_modify_database_wizard_get_summary (modify), 0, 2));
    }
    g_object_set (gtk_widget_get_template_child (GTK_WIDGET (modify), RDS_TYPE_MODIFY_DATABASE_WIZARD,
                                                 "apply_now"), "active", TRUE, NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (modify), "wizard.modify", NULL));
  }
  wait_for_status (f, "orders-db", "modifying");
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "database");
  {
    RdsShape *pending = rds_shape_get_object (RDS_SHAPE (instance), "pending-modified-values");

    g_assert_nonnull (pending);
    g_assert_cmpstr (rds_shape_get_string (pending, "db-instance-class"), ==, "db.m5.xlarge");
    g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), ==, "db.m5.large");
  }
  screenshot (f, GTK_WIDGET (f->window), "page-database-modifying");
  /* The page stays as the layout settles: the sidebar, folded away for
   * the wizard, comes back, and GTK gives it the focus the page lost (the
   * Modify button went insensitive), which selects its row again. */
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "database");
  advance_until (f, "orders-db", "available");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (instance), "db-instance-class"), ==, "db.m5.xlarge");
  assert_row_shows (f, "orders-db\tAvailable\tdb.m5.xlarge");

  /* Its automated backups, on the Snapshots page's System tab (the
   * Manual tab, the first, has none yet). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "snapshots"));
  snapshots = RDS_SNAPSHOTS_PAGE (rds_window_get_page_widget (f->window, "snapshots"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_snapshots_page_get_selection (snapshots))),
                    ==, 0);
  g_assert_cmpstr (page_title (snapshots), ==, "Manual snapshots (0)");
  rds_snapshots_page_show_tab (snapshots, "automated");
  g_assert_true (spin_until (f, automated_listed, snapshots));
  g_assert_cmpstr (page_title (snapshots), ==, "System snapshots (1)");
  screenshot (f, GTK_WIDGET (f->window), "page-snapshots-system");
  rds_snapshots_page_show_tab (snapshots, "manual");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "orders-db"));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "database");

  /* Delete with a final snapshot, confirmed by typing "delete me". */
  g_assert_true (gtk_widget_activate_action (rds_window_get_page_widget (f->window, "database"),
                                             "db.delete", NULL));
  dialog = GTK_WIDGET (action_dialog ());
  g_assert_nonnull (dialog);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_labelled (dialog, "final"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rds_form_field_get_child (
                     RDS_FORM_FIELD (field_titled (dialog, "Final snapshot name"))))), ==,
                   "orders-db-final-snapshot");
  screenshot (f, dialog, "dialog-delete");
  g_assert_false (dialog_submit_enabled (RDS_ACTION_DIALOG (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (dialog, is_entry_with_placeholder, "delete me")),
                         "delete me");
  /* Not yet: the automated backups go, and that needs acknowledging. */
  g_assert_false (dialog_submit_enabled (RDS_ACTION_DIALOG (dialog)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (dialog, "acknowledge")), TRUE);
  g_assert_true (dialog_submit_enabled (RDS_ACTION_DIALOG (dialog)));
  screenshot (f, dialog, "dialog-delete-confirmed");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  wait_for_status (f, "orders-db", "deleting");
  advance_until (f, "orders-db", NULL);

  /* The final snapshot stays, on the Snapshots page. */
  g_assert_true (spin_until (f, snapshot_available, "orders-db-final-snapshot"));
  g_assert_cmpint (rds_shape_get_int (find_snapshot (f, "orders-db-final-snapshot"), "allocated-storage"),
                   ==, 100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "snapshots"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_snapshots_page_get_selection (snapshots))),
                    ==, 1);
  g_assert_cmpstr (page_title (snapshots), ==, "Manual snapshots (1)");
  screenshot (f, GTK_WIDGET (f->window), "page-snapshots-final");

  /* Its automated backups went with it. */
  rds_snapshots_page_show_tab (snapshots, "automated");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rds_snapshots_page_get_selection (snapshots))),
                    ==, 0);
  g_assert_cmpstr (page_title (snapshots), ==, "System snapshots (0)");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (
                     GTK_WIDGET (snapshots), RDS_TYPE_SNAPSHOTS_PAGE, "content_stack"))), ==, "empty");
}

typedef struct
{
  const char *status;
  gboolean    modify, reboot, stop, start, delete, snapshot;
} Allowed;

static void
assert_menu (Fixture          *f,
             RdsDatabasesPage *page,
             const Allowed    *allowed)
{
  GtkWidget *widget = GTK_WIDGET (page);
  RdsDbInstance *instance = rds_databases_page_get_selected (page);

  g_assert_nonnull (instance);
  g_assert_cmpstr (rds_db_instance_get_status (instance), ==, allowed->status);
  g_assert_cmpint (action_enabled (widget, "db", "modify"), ==, allowed->modify);
  g_assert_cmpint (action_enabled (widget, "db", "reboot"), ==, allowed->reboot);
  g_assert_cmpint (action_enabled (widget, "db", "stop"), ==, allowed->stop);
  g_assert_cmpint (action_enabled (widget, "db", "start"), ==, allowed->start);
  g_assert_cmpint (action_enabled (widget, "db", "delete"), ==, allowed->delete);
  g_assert_cmpint (action_enabled (widget, "db", "take-snapshot"), ==, allowed->snapshot);
}

static gboolean
status_is (Fixture       *f,
           gconstpointer  data)
{
  const Expected *expected = data;

  return has_status (f, expected);
}

/* Every status the simulator goes through, and the Actions menu in it
 * (reference §2.2). The dialogs are driven as a user would. */
static void
actions_per_status (Fixture *f)
{
  const Allowed creating = { "creating", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  const Allowed available = { "available", TRUE, TRUE, TRUE, FALSE, TRUE, TRUE };
  const Allowed backing_up = { "backing-up", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  const Allowed rebooting = { "rebooting", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  const Allowed stopping = { "stopping", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  const Allowed stopped = { "stopped", FALSE, FALSE, FALSE, TRUE, TRUE, FALSE };
  const Allowed starting = { "starting", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE };
  const Allowed deleting = { "deleting", FALSE, FALSE, FALSE, FALSE, FALSE, FALSE };
  RdsDatabasesPage *page;
  RdsActionDialog *dialog;

  create_instance (f, "menu-db", "mysql", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  g_assert_true (rds_databases_page_select (page, "menu-db"));
  assert_menu (f, page, &creating);

  advance_until (f, "menu-db", "available");
  assert_menu (f, page, &available);

  /* Reboot, with failover since it is Multi-AZ. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.reboot", NULL));
  dialog = action_dialog ();
  g_assert_nonnull (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "failover")), TRUE);
  screenshot (f, GTK_WIDGET (dialog), "dialog-reboot");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  wait_for_status (f, "menu-db", "rebooting");
  assert_menu (f, page, &rebooting);
  advance_until (f, "menu-db", "available");

  /* Stop, saved in a snapshot; the 7 days need acknowledging. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.stop", NULL));
  dialog = action_dialog ();
  g_assert_false (dialog_submit_enabled (dialog));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "acknowledge")), TRUE);
  g_assert_true (dialog_submit_enabled (dialog));
  screenshot (f, GTK_WIDGET (dialog), "dialog-stop");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  wait_for_status (f, "menu-db", "stopping");
  assert_menu (f, page, &stopping);
  advance_until (f, "menu-db", "stopped");
  assert_menu (f, page, &stopped);
  screenshot (f, GTK_WIDGET (f->window), "page-databases-stopped");

  /* Start needs no dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.start", NULL));
  wait_for_status (f, "menu-db", "starting");
  assert_menu (f, page, &starting);
  advance_until (f, "menu-db", "available");

  /* A snapshot of a Single-AZ instance freezes its I/O: backing-up. */
  create_instance (f, "single-db", "postgres", FALSE);
  advance_until (f, "single-db", "available");
  g_assert_true (rds_databases_page_select (page, "single-db"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.take-snapshot", NULL));
  dialog = action_dialog ();
  g_assert_false (dialog_submit_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (rds_form_field_get_child (
                           RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog), "Snapshot name")))),
                         "single--db");
  g_assert_nonnull (rds_form_field_get_error (RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog),
                                                                             "Snapshot name"))));
  g_assert_false (dialog_submit_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (rds_form_field_get_child (
                           RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog), "Snapshot name")))),
                         "single-db-before");
  g_assert_true (dialog_submit_enabled (dialog));
  screenshot (f, GTK_WIDGET (dialog), "dialog-take-snapshot");
  /* Enter in the name submits it (GtkText's "activate" is what Enter emits). */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (rds_form_field_get_child (
                           RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog), "Snapshot name"))))),
                         "activate");
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  wait_for_status (f, "single-db", "backing-up");
  assert_menu (f, page, &backing_up);
  advance_until (f, "single-db", "available");
  g_assert_true (spin_until (f, snapshot_available, "single-db-before"));

  /* A second snapshot of that name is refused next to the name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.take-snapshot", NULL));
  dialog = action_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (rds_form_field_get_child (
                           RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog), "Snapshot name")))),
                         "single-db-before");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  /* Sent, it waits for its answer: closing it does nothing meanwhile. */
  g_assert_true (rds_action_dialog_get_busy (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (action_dialog () == dialog);
  g_assert_true (spin_until (f, dialog_idle, dialog));
  g_assert_nonnull (strstr (rds_form_field_get_error (RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog),
                                                                                    "Snapshot name"))),
                            "already exists"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rds_form_field_get_child (
                     RDS_FORM_FIELD (field_titled (GTK_WIDGET (dialog), "Snapshot name"))))), ==,
                   "single-db-before");
  screenshot (f, GTK_WIDGET (dialog), "dialog-take-snapshot-error");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Deleting, without a final snapshot. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.delete", NULL));
  dialog = action_dialog ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "final")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "acknowledge")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_entry_with_placeholder,
                                                    "delete me")), "delete me");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  wait_for_status (f, "single-db", "deleting");
  assert_menu (f, page, &deleting);
  (void) status_is;
}

/* Search as you type, over identifiers, engines and statuses as shown. */
static void
search (Fixture *f)
{
  RdsDatabasesPage *page;
  GtkEditable *entry;

  create_instance (f, "orders-mysql", "mysql", FALSE);
  create_instance (f, "billing-postgres", "postgres", FALSE);
  create_instance (f, "reports-postgres", "postgres", FALSE);
  advance_until (f, "orders-mysql", "available");
  advance_until (f, "billing-postgres", "available");
  advance_until (f, "reports-postgres", "available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "databases");
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  entry = rds_databases_page_get_search (page);

  g_assert_true (rds_databases_page_select (page, "reports-postgres"));
  g_assert_true (action_enabled (GTK_WIDGET (page), "db", "reboot"));

  /* The selection follows its database to its row in the results. */
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_showing, "Databases (3)"));
  gtk_editable_set_text (entry, "postgres");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (2)));
  /* The title says how many match of how many there are. */
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_showing, "Databases (2 of 3)"));
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "reports-postgres"));
  assert_row_shows (f, "billing-postgres\tAvailable\tPostgreSQL");
  assert_row_shows (f, "reports-postgres\tAvailable\tPostgreSQL");
  /* A cell cut short in a narrow column says all of it on hover; it keeps
   * a width of its own, so a narrow window scrolls the table sideways. */
  {
    GtkWidget *cell = find_widget (GTK_WIDGET (page), is_label_showing, "PostgreSQL");

    g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown = TRUE;

    g_assert_nonnull (cell);
    g_assert_true (gtk_widget_get_has_tooltip (cell));
    /* Whole, it needs none; cut short, it has one. */
    g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
    g_assert_cmpint (shown, ==, pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (cell))));
    gtk_label_set_label (GTK_LABEL (cell), "PG");
    wait_for_frames (f, cell);
    g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
    g_assert_false (shown);
    /* Cut short for sure: it has one (the label's text, all of it). */
    gtk_label_set_width_chars (GTK_LABEL (cell), 3);
    gtk_widget_set_size_request (gtk_widget_get_parent (cell), 30, -1);
    gtk_label_set_label (GTK_LABEL (cell), "PostgreSQL, a longer text than its column");
    wait_for_frames (f, cell);
    g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (cell))));
    g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
    g_assert_true (shown);
    gtk_label_set_label (GTK_LABEL (cell), "PostgreSQL");
    gtk_widget_set_size_request (gtk_widget_get_parent (cell), -1, -1);
    gtk_label_set_width_chars (GTK_LABEL (cell), 10);
  }
  g_assert_null (databases_row (f, "orders-mysql"));
  gtk_editable_set_text (entry, "PostgreSQL");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (2)));
  /* Hidden by the search, it is no longer what the actions act on… */
  gtk_editable_set_text (entry, "orders");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (1)));
  assert_row_shows (f, "orders-mysql\tAvailable\tMySQL Community");
  g_assert_null (databases_row (f, "billing-postgres"));
  g_assert_null (rds_databases_page_get_selected (page));
  g_assert_false (action_enabled (GTK_WIDGET (page), "db", "reboot"));
  gtk_editable_set_text (entry, "Available");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (3)));
  gtk_editable_set_text (entry, "nothing-like-this");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (0)));
  screenshot (f, GTK_WIDGET (f->window), "page-databases-no-match");
  /* …and selected again when the search shows it again. */
  gtk_editable_set_text (entry, "");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (3)));
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "reports-postgres"));
  g_assert_true (action_enabled (GTK_WIDGET (page), "db", "reboot"));
}

static gboolean
range_is (Fixture       *f,
          gconstpointer  data)
{
  RdsDatabasesPage *page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));

  return g_strcmp0 (rds_databases_page_get_range (page), data) == 0;
}

static void
assert_range (Fixture    *f,
              const char *range)
{
  if (!spin_until (f, range_is, range))
    g_error ("the Databases page shows “%s”, not “%s”",
             rds_databases_page_get_range (RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window,
                                                                                            "databases"))),
             range != NULL ? range : "one page");
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* Whether the button a user knows by its tooltip can be clicked. */
static gboolean
button_sensitive (GtkWidget  *root,
                  const char *tooltip)
{
  GtkWidget *button = find_widget (root, is_button_with_tooltip, tooltip);

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

/* One page of databases at a time, as many as the user chose. */
static gboolean
is_menu_button_with_tooltip (GtkWidget     *widget,
                             gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* Whether the Preferences menu shows @item's radio checked, as the user
 * sees it when the menu opens. */
static gboolean
page_size_checked (Fixture    *f,
                   GtkWidget  *page,
                   const char *item)
{
  GtkWidget *button = find_widget (page, is_menu_button_with_tooltip, "Preferences");
  GtkWidget *label, *model_button;
  GtkPopover *popover;
  gboolean active = FALSE;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  wait_for_frames (f, GTK_WIDGET (popover));
  label = find_widget (GTK_WIDGET (popover), is_label_showing, item);
  g_assert_nonnull (label);
  model_button = gtk_widget_get_ancestor (label, g_type_from_name ("GtkModelButton"));
  g_assert_nonnull (model_button);
  g_object_get (model_button, "active", &active, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  return active;
}

static void
pages (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  RdsDatabasesPage *page;
  GtkWidget *widget;
  GtkEditable *entry;

  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("db-%02u", i);

      create_instance (f, name, "postgres", FALSE);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  widget = GTK_WIDGET (page);
  entry = rds_databases_page_get_search (page);

  /* 50 by default: all twelve on one page, and the menu says so. */
  g_assert_cmpuint (rds_databases_page_get_page_size (page), ==, 50);
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (12)));
  assert_range (f, NULL);
  g_assert_true (page_size_checked (f, widget, "50 databases"));

  /* Ten, from the page's menu, remembered. */
  g_assert_true (gtk_widget_activate_action (widget, "table.page-size", "u", 10));
  g_assert_cmpuint (g_settings_get_uint (settings, "databases-page-size"), ==, 10);
  g_assert_true (page_size_checked (f, widget, "10 databases"));
  g_assert_false (page_size_checked (f, widget, "50 databases"));
  assert_range (f, "1–10 of 12");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (10)));
  assert_row_shows (f, "db-10\tCreating");
  g_assert_null (databases_row (f, "db-11"));
  g_assert_false (button_sensitive (widget, "Previous page"));
  g_assert_true (button_sensitive (widget, "Next page"));
  screenshot (f, GTK_WIDGET (f->window), "page-databases-pages");

  g_assert_true (gtk_widget_activate_action (widget, "page.next-page", NULL));
  assert_range (f, "11–12 of 12");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (2)));
  assert_row_shows (f, "db-12\tCreating");
  g_assert_null (databases_row (f, "db-01"));
  g_assert_true (button_sensitive (widget, "Previous page"));
  g_assert_false (button_sensitive (widget, "Next page"));

  /* A search shows what it finds from its first page. */
  gtk_editable_set_text (entry, "db-1");
  assert_range (f, NULL);
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (3)));
  assert_row_shows (f, "db-10\tCreating");
  gtk_editable_set_text (entry, "");
  assert_range (f, "1–10 of 12");

  /* Selecting a database shows its page. */
  g_assert_true (rds_databases_page_select (page, "db-12"));
  assert_range (f, "11–12 of 12");
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "db-12"));
  g_assert_true (gtk_widget_activate_action (widget, "page.previous-page", NULL));
  assert_range (f, "1–10 of 12");
  g_assert_null (rds_databases_page_get_selected (page));

  /* Deleting what made the last page leaves the page that remains. */
  g_assert_true (gtk_widget_activate_action (widget, "page.next-page", NULL));
  for (guint i = 11; i <= 12; i++)
    {
      g_autoptr(RdsRequest) request = rds_request_new ("DeleteDBInstance");
      g_autofree char *name = g_strdup_printf ("db-%02u", i);

      rds_request_set (request, "DBInstanceIdentifier", name);
      rds_request_set_boolean (request, "SkipFinalSnapshot", TRUE);
      call (f, request);
      advance_until (f, name, NULL);
    }
  assert_range (f, NULL);
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (10)));

  g_settings_set_uint (settings, "databases-page-size", 50);
  g_assert_cmpuint (rds_databases_page_get_page_size (page), ==, 50);
}

/* A search that narrows hides the rows it no longer needs and shows them
 * again when it widens; rows never made come the rows in sight at once
 * and the rest over the next frames; the selection, below the fold, comes
 * back with its row. (40 is the Region's quota.) */
static void
rows_in_sight_first (Fixture *f)
{
  RdsDatabasesPage *page;
  GtkEditable *entry;
  GListModel *shown;
  RdsSlotModel *slots;
  guint at_once;

  for (guint i = 1; i <= 40; i++)
    {
      g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");
      g_autofree char *name = g_strdup_printf ("db-%02u", i);

      rds_request_set (request, "DBInstanceIdentifier", name);
      rds_request_set (request, "Engine", "mariadb");
      rds_request_set (request, "DBInstanceClass", "db.t3.micro");
      rds_request_set_int (request, "AllocatedStorage", 20);
      rds_request_set (request, "MasterUsername", "admin");
      rds_request_set (request, "MasterUserPassword", "correct-horse-battery");
      call (f, request);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  entry = rds_databases_page_get_search (page);
  shown = G_LIST_MODEL (rds_databases_page_get_selection (page));
  slots = RDS_SLOT_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown)));
  rds_session_refresh (f->session);
  g_assert_true (spin_until (f, instances_shown, GUINT_TO_POINTER (40)));

  g_assert_true (rds_databases_page_select (page, "db-38"));
  gtk_editable_set_text (entry, "db-38");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (1)));
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "db-38"));
  /* The other rows stay, hidden, for when the search widens again. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 40);
  g_assert_cmpuint (visible_rows (f), ==, 1);
  g_assert_null (databases_row (f, "db-01"));
  /* Nor can the keyboard reach them (the arrow keys focus a row with
   * gtk_widget_grab_focus ()). */
  {
    GtkWidget *table = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASES_PAGE,
                                                                  "column_view"));
    GtkWidget *hidden = find_hidden_row (table);

    g_assert_nonnull (hidden);
    g_assert_false (gtk_widget_grab_focus (hidden));
  }
  assert_row_shows (f, "db-38\tCreating");
  screenshot (f, GTK_WIDGET (f->window), "page-databases-narrowed");

  /* They show again at once. */
  gtk_editable_set_text (entry, "");
  g_assert_true (instances_shown (f, GUINT_TO_POINTER (40)));
  g_assert_cmpuint (visible_rows (f), ==, 40);
  assert_row_shows (f, "db-01\tCreating");
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "db-38"));

  /* Rows never made: those in sight come at once, the rest over the next
   * frames; the selection, below the fold, comes back with its row. A
   * page of ten keeps ten rows. */
  rds_databases_page_set_page_size (page, 10);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
  wait_frames (page, 2);
  rds_databases_page_set_page_size (page, 50);
  at_once = rds_slot_model_get_occupied (slots);
  g_test_message ("rows added at once: %u of 40", at_once);
  g_assert_cmpuint (at_once, >, 10);
  g_assert_cmpuint (at_once, <, 40);
  g_assert_null (databases_row (f, "db-38"));
  g_assert_null (rds_databases_page_get_selected (page));

  g_assert_true (spin_until (f, instances_shown, GUINT_TO_POINTER (40)));
  assert_row_shows (f, "db-01\tCreating");
  assert_row_shows (f, "db-40\tCreating");
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "db-38"));
  g_assert_true (action_enabled (GTK_WIDGET (page), "db", "delete"));

  /* Selecting a database whose row has yet to come selects it at once. */
  rds_databases_page_set_page_size (page, 10);
  wait_frames (page, 2);
  rds_databases_page_set_page_size (page, 50);
  g_assert_cmpuint (rds_slot_model_get_occupied (slots), <, 39);
  g_assert_true (rds_databases_page_select (page, "db-39"));
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "db-39"));
}

/* Read replicas, under their source */

/* The row widget of @identifier in the databases table, or NULL. */
static GtkWidget *
find_row_widget (GtkWidget  *widget,
                 const char *identifier)
{
  if (g_str_equal (gtk_widget_get_css_name (widget), "row") && gtk_widget_get_parent (widget) != NULL &&
      g_str_equal (gtk_widget_get_css_name (gtk_widget_get_parent (widget)), "listview"))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *prefix = g_strconcat (identifier, "\t", NULL);

      append_labels (widget, text);
      return g_str_has_prefix (text->str, prefix) ? widget : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row_widget (child, identifier);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
is_tree_expander (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_TREE_EXPANDER (widget);
}

/* The arrow that shows and hides the replicas under @identifier's row. */
static GtkWidget *
row_expander (Fixture    *f,
              const char *identifier)
{
  GtkWidget *page = rds_window_get_page_widget (f->window, "databases");
  GtkWidget *table = GTK_WIDGET (gtk_widget_get_template_child (page, RDS_TYPE_DATABASES_PAGE, "column_view"));
  GtkWidget *row = find_row_widget (table, identifier);
  GtkWidget *expander;

  g_assert_nonnull (row);
  expander = find_widget (row, is_tree_expander, NULL);
  g_assert_nonnull (expander);
  return expander;
}

static void
create_replica (Fixture    *f,
                const char *identifier,
                const char *source)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstanceReadReplica");

  rds_request_set (request, "DBInstanceIdentifier", identifier);
  rds_request_set (request, "SourceDBInstanceIdentifier", source);
  call (f, request);
}

static void
region_call_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);

  g_assert_no_error (error);
  rds_query_result_free (answer);
  *(gboolean *) user_data = TRUE;
}

static gboolean
databases_loaded (Fixture       *f,
                  gconstpointer  data)
{
  RdsResourceList *list = rds_session_get_instances (f->session);

  return rds_resource_list_get_loaded (list) && !rds_resource_list_get_loading (list);
}

static void
show_region (Fixture    *f,
             const char *region)
{
  rds_session_set_region (f->session, region);
  rds_session_refresh (f->session);
  g_assert_true (spin_until (f, databases_loaded, NULL));
}

/* A source, its replicas (one of them with a replica of its own, one in
 * another Region) and a standalone database, as the RDS console shows
 * them: replicas under their source, expanded, with their roles. */
static void
read_replicas (Fixture *f)
{
  RdsDatabasesPage *page;
  GtkEditable *entry;
  GtkSingleSelection *selection;
  const char *all_rows = "audit-db, orders-db, > orders-replica-1, > > orders-replica-1a, > orders-replica-2, "
                         "> orders-west";

  create_instance (f, "orders-db", "mysql", FALSE);
  create_instance (f, "audit-db", "postgres", FALSE);
  advance_until (f, "orders-db", "available");
  create_replica (f, "orders-replica-1", "orders-db");
  create_replica (f, "orders-replica-2", "orders-db");
  /* In us-west-2, from the source's ARN. */
  {
    g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstanceReadReplica");
    RdsClient *west = rds_session_get_region_client (f->session, "us-west-2");
    gboolean done = FALSE;

    rds_request_set (request, "DBInstanceIdentifier", "orders-west");
    rds_request_set (request, "SourceDBInstanceIdentifier",
                     rds_db_instance_get_arn (find_instance (f, "orders-db")));
    rds_client_call_async (west, request, NULL, region_call_cb, &done);
    g_assert_true (spin_until (f, flag_set, &done));
  }
  advance_until (f, "orders-replica-1", "available");
  advance_until (f, "orders-replica-2", "available");
  advance_until (f, "orders-db", "available");
  /* A MySQL replica that keeps backups can have a replica of its own. */
  {
    g_autoptr(RdsRequest) request = rds_request_new ("ModifyDBInstance");

    rds_request_set (request, "DBInstanceIdentifier", "orders-replica-1");
    rds_request_set_int (request, "BackupRetentionPeriod", 1);
    rds_request_set_boolean (request, "ApplyImmediately", TRUE);
    call (f, request);
    advance (f, 60);
    advance_until (f, "orders-replica-1", "available");
  }
  create_replica (f, "orders-replica-1a", "orders-replica-1");
  advance_until (f, "orders-replica-1a", "available");
  advance_until (f, "orders-replica-1", "available");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  entry = rds_databases_page_get_search (page);
  selection = rds_databases_page_get_selection (page);

  /* Nested and expanded, each level sorted as the table is. */
  assert_databases_table_rows (f, all_rows);
  assert_row_shows (f, "orders-db\tAvailable\tPrimary");
  assert_row_shows (f, "orders-replica-1\tAvailable\tReplica");
  assert_row_shows (f, "orders-replica-1a\tAvailable\tReplica");
  assert_row_shows (f, "orders-replica-2\tAvailable\tReplica");
  assert_row_shows (f, "audit-db\tAvailable\tInstance");
  /* The one in another Region: what its ARN tells (its status is not
   * known here), and no page in this Region to open. */
  assert_row_shows (f, "orders-west\tReplica\tMySQL Community\tus-west-2");
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_showing, "Databases (5)"));
  screenshot (f, GTK_WIDGET (f->window), "page-databases-replicas");

  /* Only rows with replicas have an arrow; the rows are keyboard stops. */
  g_assert_true (gtk_tree_list_row_is_expandable (gtk_tree_expander_get_list_row (
    GTK_TREE_EXPANDER (row_expander (f, "orders-db")))));
  g_assert_false (gtk_tree_list_row_is_expandable (gtk_tree_expander_get_list_row (
    GTK_TREE_EXPANDER (row_expander (f, "audit-db")))));
  g_assert_true (gtk_widget_grab_focus (row_expander (f, "orders-replica-2")));

  /* Collapsed, the replicas go; expanded, they come back. */
  g_assert_true (gtk_widget_activate_action (row_expander (f, "orders-replica-1"), "listitem.collapse", NULL));
  assert_databases_table_rows (f, "audit-db, orders-db, > orders-replica-1, > orders-replica-2, > orders-west");
  g_assert_true (gtk_widget_activate_action (row_expander (f, "orders-db"), "listitem.collapse", NULL));
  assert_databases_table_rows (f, "audit-db, orders-db");
  g_assert_null (databases_row (f, "orders-replica-2"));
  /* Expanded again, all levels are. */
  g_assert_true (gtk_widget_activate_action (row_expander (f, "orders-db"), "listitem.expand", NULL));
  assert_databases_table_rows (f, all_rows);
  assert_row_shows (f, "orders-replica-2\tAvailable\tReplica");

  /* Selecting a replica shows it, its source expanded; the actions act on it. */
  g_assert_true (rds_databases_page_select (page, "orders-replica-1a"));
  assert_databases_table_rows (f, all_rows);
  g_assert_true (rds_databases_page_get_selected (page) == find_instance (f, "orders-replica-1a"));
  g_assert_true (action_enabled (GTK_WIDGET (page), "db", "promote"));
  g_assert_true (rds_databases_page_select (page, "orders-db"));
  g_assert_false (action_enabled (GTK_WIDGET (page), "db", "promote"));
  g_assert_true (action_enabled (GTK_WIDGET (page), "db", "reboot"));
  /* The one in another Region is not this Region's to act on. */
  gtk_single_selection_set_selected (selection, 5);
  g_assert_null (rds_databases_page_get_selected (page));
  g_assert_false (action_enabled (GTK_WIDGET (page), "db", "reboot"));

  /* The search finds a replica, shown under its source; the title counts
   * what matched. */
  gtk_editable_set_text (entry, "replica-2");
  assert_databases_table_rows (f, "orders-db, > orders-replica-2");
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_showing, "Databases (1 of 5)"));
  gtk_editable_set_text (entry, "replica-1a");
  assert_databases_table_rows (f, "orders-db, > orders-replica-1, > > orders-replica-1a");
  gtk_editable_set_text (entry, "west");
  assert_databases_table_rows (f, "orders-db, > orders-west");
  gtk_editable_set_text (entry, "audit");
  assert_databases_table_rows (f, "audit-db");
  g_assert_false (gtk_tree_list_row_is_expandable (gtk_tree_expander_get_list_row (
    GTK_TREE_EXPANDER (row_expander (f, "audit-db")))));
  gtk_editable_set_text (entry, "orders-db");
  /* A source that matches shows without the replicas that do not. */
  assert_databases_table_rows (f, "orders-db");
  gtk_editable_set_text (entry, "");
  assert_databases_table_rows (f, all_rows);

  /* Sorting sorts each level. */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (gtk_widget_get_template_child (
    GTK_WIDGET (page), RDS_TYPE_DATABASES_PAGE, "column_view")),
    GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASES_PAGE,
                                                          "identifier_column")),
    GTK_SORT_DESCENDING);
  assert_databases_table_rows (f, "orders-db, > orders-west, > orders-replica-2, > orders-replica-1, > > orders-replica-1a, "
               "audit-db");
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (gtk_widget_get_template_child (
    GTK_WIDGET (page), RDS_TYPE_DATABASES_PAGE, "column_view")),
    GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASES_PAGE,
                                                          "identifier_column")),
    GTK_SORT_ASCENDING);
  assert_databases_table_rows (f, all_rows);

  /* In its own Region, the replica stands alone: its source is not there. */
  show_region (f, "us-west-2");
  assert_databases_table_rows (f, "orders-west");
  assert_row_shows (f, "orders-west\tReplica\tMySQL Community");
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_showing, "Databases (1)"));
  g_assert_false (gtk_tree_list_row_is_expandable (gtk_tree_expander_get_list_row (
    GTK_TREE_EXPANDER (row_expander (f, "orders-west")))));
  screenshot (f, GTK_WIDGET (f->window), "page-databases-replica-elsewhere");

  show_region (f, "us-east-1");
  assert_databases_table_rows (f, all_rows);
}

/* Aurora clusters */

static void
create_cluster (Fixture    *f,
                const char *identifier,
                const char *engine)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBCluster");

  rds_request_set (request, "DBClusterIdentifier", identifier);
  rds_request_set (request, "Engine", engine);
  rds_request_set (request, "MasterUsername", "dbadmin");
  rds_request_set (request, "MasterUserPassword", "correct-horse-battery");
  call (f, request);
}

static void
add_cluster_instance (Fixture    *f,
                      const char *cluster,
                      const char *identifier,
                      const char *engine)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");

  rds_request_set (request, "DBInstanceIdentifier", identifier);
  rds_request_set (request, "DBClusterIdentifier", cluster);
  rds_request_set (request, "Engine", engine);
  rds_request_set (request, "DBInstanceClass", "db.r6g.large");
  call (f, request);
}

/* A cluster is a row of its own, "Regional cluster", its instances under
 * it with their roles; a failover swaps them; the cluster's link opens its
 * page, and its row has no instance actions. */
static void
aurora_clusters (Fixture *f)
{
  RdsDatabasesPage *page;
  GtkEditable *entry;
  const char *all_rows = "audit-db, shop, > shop-1, > shop-2";

  create_instance (f, "audit-db", "postgres", FALSE);
  create_cluster (f, "shop", "aurora-mysql");
  add_cluster_instance (f, "shop", "shop-1", "aurora-mysql");
  add_cluster_instance (f, "shop", "shop-2", "aurora-mysql");
  advance_until (f, "shop-1", "available");
  advance_until (f, "shop-2", "available");
  advance_until (f, "audit-db", "available");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "databases"));
  page = RDS_DATABASES_PAGE (rds_window_get_page_widget (f->window, "databases"));
  entry = rds_databases_page_get_search (page);
  assert_databases_table_rows (f, all_rows);
  assert_row_shows (f, "shop\tAvailable\tRegional cluster\tAurora MySQL\tus-east-1\t2 instances");
  assert_row_shows (f, "shop-1\tAvailable\tWriter instance\tAurora MySQL");
  assert_row_shows (f, "shop-2\tAvailable\tReader instance\tAurora MySQL");
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_showing, "Databases (4)"));
  g_assert_true (gtk_tree_list_row_is_expandable (gtk_tree_expander_get_list_row (
    GTK_TREE_EXPANDER (row_expander (f, "shop")))));
  screenshot (f, GTK_WIDGET (f->window), "page-databases-aurora");

  /* A search for an instance keeps its cluster's row above it. */
  gtk_editable_set_text (entry, "shop-2");
  assert_databases_table_rows (f, "shop, > shop-2");
  gtk_editable_set_text (entry, "");
  assert_databases_table_rows (f, all_rows);

  /* The cluster's row acts on no instance. */
  rds_databases_page_select (page, "shop-1");
  g_assert_nonnull (rds_databases_page_get_selected (page));
  gtk_single_selection_set_selected (rds_databases_page_get_selection (page), 1);
  g_assert_null (rds_databases_page_get_selected (page));

  /* A failover: the roles change places. */
  {
    g_autoptr(RdsRequest) request = rds_request_new ("FailoverDBCluster");

    rds_request_set (request, "DBClusterIdentifier", "shop");
    call (f, request);
  }
  advance (f, 60);
  rds_session_refresh (f->session);
  assert_row_shows (f, "shop-1\tAvailable\tReader instance");
  assert_row_shows (f, "shop-2\tAvailable\tWriter instance");
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  CONSOLE_TEST_ADD ("/console/databases/create-modify-delete", create_modify_delete);
  CONSOLE_TEST_ADD ("/console/databases/actions-per-status", actions_per_status);
  CONSOLE_TEST_ADD ("/console/databases/search", search);
  CONSOLE_TEST_ADD ("/console/databases/pages", pages);
  CONSOLE_TEST_ADD ("/console/databases/rows-in-sight-first", rows_in_sight_first);
  CONSOLE_TEST_ADD ("/console/databases/read-replicas", read_replicas);
  CONSOLE_TEST_ADD ("/console/databases/aurora-clusters", aurora_clusters);

  return g_test_run ();
}
