/* test-backups.c: the Automated backups page, as a user goes through it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database's backups on the Current Region tab with its restorable
 * window; deleted with its backups retained, they move to the Retained
 * tab, restore from there to a new database, and are deleted there. All
 * on a manual clock, against what the endpoint answers.
 */

#include "config.h"

#include "console-test.h"
#include "rds-backups-page.h"
#include "rds-db-instance-automated-backup.h"
#include "rds-restore-database-wizard.h"
#include "rds-restore-timeline.h"

#define HOUR 3600

static RdsBackupsPage *
show_backups_page (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "automated-backups"));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "automated-backups");
  return RDS_BACKUPS_PAGE (rds_window_get_page_widget (f->window, "automated-backups"));
}

static GtkWidget *
page_child (RdsBackupsPage *page,
            const char     *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_BACKUPS_PAGE, name));

  g_assert_nonnull (child);
  return child;
}

static const char *
page_title (RdsBackupsPage *page)
{
  return gtk_label_get_label (GTK_LABEL (page_child (page, "title_label")));
}

static const char *
page_state (RdsBackupsPage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (page_child (page, "content_stack")));
}

/* The row of the backup of @identifier in @status among those the page
 * shows, chosen; NULL if there is none (and the lists asked again). */
typedef struct
{
  RdsBackupsPage *page;
  const char     *identifier;
  const char     *status;
} Row;

static gboolean
row_chosen (Fixture       *f,
            gconstpointer  data)
{
  const Row *row = data;
  GtkSingleSelection *selection = rds_backups_page_get_selection (row->page);
  GListModel *model = G_LIST_MODEL (selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RdsShape) backup = g_list_model_get_item (model, i);

      if (g_strcmp0 (rds_shape_get_string (backup, "db-instance-identifier"), row->identifier) == 0 &&
          g_strcmp0 (rds_shape_get_string (backup, "status"), row->status) == 0)
        {
          gtk_single_selection_set_selected (selection, i);
          return TRUE;
        }
    }
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
page_empty (Fixture       *f,
            gconstpointer  data)
{
  RdsBackupsPage *page = (gpointer) data;

  if (g_strcmp0 (page_state (page), "empty") == 0)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* Whether the button of @action can be pressed. */
static gboolean
can_press (RdsBackupsPage *page,
           const char     *action)
{
  GtkWidget *button = find_widget (GTK_WIDGET (page), is_button_for, action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

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

/* A time as the page shows it. */
static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return rds_format_restore_time (NULL, time);
}

/* The backup of @identifier in the session's list, as the endpoint
 * described it. */
static RdsShape *
described_backup (Fixture    *f,
                  const char *identifier)
{
  GListModel *backups = rds_resource_list_get_model (rds_session_get_list (f->session,
                                                                           "DescribeDBInstanceAutomatedBackups"));
  RdsShape *backup;

  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      backup = g_list_model_get_item (backups, i);
      if (g_strcmp0 (rds_shape_get_string (backup, "db-instance-identifier"), identifier) == 0)
        return backup;
      g_object_unref (backup);
    }
  return NULL;
}

/* A database's backups, current then retained: restored from, then
 * deleted. */
static void
current_and_retained (Fixture *f)
{
  RdsBackupsPage *page;
  RdsRestoreDatabaseWizard *wizard;
  RdsActionDialog *dialog;
  RdsRestoreTimeline *timeline;
  g_autoptr(RdsShape) backup = NULL;
  g_autoptr(RdsRequest) sent = NULL;
  RdsShape *window;
  g_autofree char *earliest = NULL;
  g_autofree char *latest = NULL;
  Row current = { NULL, "ledger", "active" };
  Row retained = { NULL, "ledger", "retained" };

  page = show_backups_page (f);
  current.page = retained.page = page;
  g_assert_true (spin_until (f, page_empty, page));
  g_assert_cmpstr (page_title (page), ==, "Automated backups (0)");

  create_instance (f, "ledger", "postgres", FALSE);
  advance_until (f, "ledger", "available");
  advance (f, 2 * HOUR);

  /* Current Region: the backup with its window, as the endpoint says. */
  g_assert_true (spin_until (f, row_chosen, &current));
  g_assert_cmpstr (page_title (page), ==, "Automated backups (1)");
  g_assert_cmpstr (page_state (page), ==, "list");
  backup = described_backup (f, "ledger");
  g_assert_nonnull (backup);
  window = rds_shape_get_object (backup, "restore-window");
  g_assert_nonnull (window);
  g_assert_cmpint (rds_shape_get_timestamp (window, "earliest-time"), >, 0);
  g_assert_cmpint (rds_shape_get_timestamp (window, "latest-time"), >,
                   rds_shape_get_timestamp (window, "earliest-time"));
  earliest = format_time (rds_shape_get_timestamp (window, "earliest-time"));
  latest = format_time (rds_shape_get_timestamp (window, "latest-time"));
  g_assert_true (find_widget (GTK_WIDGET (page), is_label_showing, earliest) != NULL);
  g_assert_true (find_widget (GTK_WIDGET (page), is_label_showing, latest) != NULL);
  g_assert_true (find_widget (GTK_WIDGET (page), is_label_showing, "7 days") != NULL ||
                 find_widget (GTK_WIDGET (page), is_label_showing, "1 day") != NULL);
  /* A database's current backups restore, and can't be deleted. */
  g_assert_true (can_press (page, "backup.restore"));
  g_assert_false (can_press (page, "backup.delete"));
  screenshot (f, GTK_WIDGET (f->window), "page-automated-backups");

  /* Restore opens the wizard for the database. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "backup.restore", NULL));
  wizard = current_wizard (f);
  g_assert_true (rds_restore_database_wizard_get_instance (wizard) == find_instance (f, "ledger"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.cancel", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "automated-backups");

  /* Deleted with its backups retained (from its page's Delete dialog):
   * they move to the Retained tab. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "ledger"));
  g_assert_true (gtk_widget_activate_action (rds_window_get_page_widget (f->window, "database"), "db.delete", NULL));
  dialog = action_dialog ();
  g_assert_nonnull (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "final")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "Retain automated backups")),
                               TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_entry_with_placeholder, "delete me")),
                         "delete me");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  advance_until (f, "ledger", NULL);

  page = show_backups_page (f);
  g_assert_true (spin_until (f, page_empty, page));
  g_assert_cmpstr (page_title (page), ==, "Automated backups (0)");
  rds_backups_page_show_retained (page, TRUE);
  g_assert_true (spin_until (f, row_chosen, &retained));
  g_assert_cmpstr (page_title (page), ==, "Retained backups (1)");
  g_assert_true (can_press (page, "backup.restore"));
  g_assert_true (can_press (page, "backup.delete"));
  screenshot (f, GTK_WIDGET (f->window), "page-automated-backups-retained");

  /* A new database takes the name: its backups are the current ones, the
   * old ones stay retained, and its restore window is its own. */
  create_instance (f, "ledger", "mysql", FALSE);
  advance_until (f, "ledger", "available");
  advance (f, HOUR);
  rds_backups_page_show_retained (page, FALSE);
  g_assert_true (spin_until (f, row_chosen, &current));
  g_assert_cmpstr (page_title (page), ==, "Automated backups (1)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "backup.restore", NULL));
  wizard = current_wizard (f);
  g_assert_true (spin_until (f, wizard_ready, wizard));
  timeline = RDS_RESTORE_TIMELINE (rds_restore_database_wizard_get_widget (wizard, "timeline"));
  g_assert_cmpint (rds_restore_timeline_get_earliest (timeline), >=,
                   rds_shape_get_timestamp (RDS_SHAPE (find_instance (f, "ledger")), "instance-create-time"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.cancel", NULL));
  page = show_backups_page (f);
  rds_backups_page_show_retained (page, TRUE);
  g_assert_true (spin_until (f, row_chosen, &retained));
  g_assert_cmpstr (page_title (page), ==, "Retained backups (1)");

  /* Restore from the retained backups, to the latest restorable time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "backup.restore", NULL));
  wizard = current_wizard (f);
  g_assert_true (spin_until (f, wizard_ready, wizard));
  timeline = RDS_RESTORE_TIMELINE (rds_restore_database_wizard_get_widget (wizard, "timeline"));
  g_assert_cmpint (rds_restore_timeline_get_earliest (timeline), >, 0);
  g_assert_cmpint (rds_restore_timeline_get_latest (timeline), >, rds_restore_timeline_get_earliest (timeline));
  type_into (rds_restore_database_wizard_get_form (wizard), "identifier_entry", "ledger-again");
  g_assert_true (spin_until (f, wizard_ready, wizard));
  screenshot (f, GTK_WIDGET (f->window), "wizard-restore-retained");
  /* Backups don't keep the class: the form offers one, and it is sent. */
  sent = rds_database_form_build_restore_request (rds_restore_database_wizard_get_form (wizard),
                                                  "RestoreDBInstanceToPointInTime");
  g_assert_nonnull (rds_request_get_string (sent, "DBInstanceClass"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.restore", NULL));
  g_assert_true (spin_until (f, on_page, "databases"));
  wait_for_status (f, "ledger-again", "creating");
  advance_until (f, "ledger-again", "available");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (find_instance (f, "ledger-again")), "engine"), ==, "postgres");
  g_assert_cmpstr (rds_shape_get_string (RDS_SHAPE (find_instance (f, "ledger-again")), "db-instance-class"), ==,
                   rds_request_get_string (sent, "DBInstanceClass"));
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (find_instance (f, "ledger-again")), "allocated-storage"), ==, 20);

  /* Delete the retained backups: typed to confirm; the tab empties. */
  page = show_backups_page (f);
  rds_backups_page_show_retained (page, TRUE);
  g_assert_true (spin_until (f, row_chosen, &retained));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "backup.delete", NULL));
  dialog = action_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_get_sensitive (rds_action_dialog_get_submit_button (dialog)));
  screenshot (f, GTK_WIDGET (dialog), "dialog-delete-automated-backup");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_entry_with_placeholder, "delete me")),
                         "delete me");
  g_assert_true (gtk_widget_get_sensitive (rds_action_dialog_get_submit_button (dialog)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.submit", NULL));
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  g_assert_true (spin_until (f, page_empty, page));
  g_assert_cmpstr (page_title (page), ==, "Retained backups (0)");
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "Deleting the retained backups of ledger");
  /* The new database's own backups are on the other tab. */
  rds_backups_page_show_retained (page, FALSE);
  current.identifier = "ledger-again";
  g_assert_true (spin_until (f, row_chosen, &current));
}

/* The filter narrows the list by name; a filter that matches nothing says
 * so. */
static void
filter (Fixture *f)
{
  RdsBackupsPage *page;
  GtkWidget *entry;
  Row orders = { NULL, "orders", "active" };

  create_instance (f, "orders", "mysql", FALSE);
  create_instance (f, "billing", "postgres", FALSE);
  advance_until (f, "orders", "available");
  advance_until (f, "billing", "available");
  page = show_backups_page (f);
  orders.page = page;
  g_assert_true (spin_until (f, row_chosen, &orders));
  g_assert_cmpstr (page_title (page), ==, "Automated backups (2)");

  entry = page_child (page, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "orde");
  g_assert_true (spin_until (f, row_chosen, &orders));
  g_assert_cmpstr (page_title (page), ==, "Automated backups (1 of 2)");
  gtk_editable_set_text (GTK_EDITABLE (entry), "nothing-like-it");
  g_assert_cmpstr (page_state (page), ==, "no-results");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_cmpstr (page_title (page), ==, "Automated backups (2)");
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  CONSOLE_TEST_ADD ("/console/backups/current-and-retained", current_and_retained);
  CONSOLE_TEST_ADD ("/console/backups/filter", filter);

  return g_test_run ();
}
