/* test-snapshot-page.c: a DB snapshot's page, opened from the Snapshots page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A snapshot taken of a new instance, opened by activating its row: what
 * its page says of it while it is made and once available, its DB
 * instance's link, whom it is shared with before and after the Share
 * dialog, and Delete from the page's Actions, after which the page says
 * the snapshot is gone.
 */

#include "config.h"

#include "console-test.h"
#include "rds-share-snapshot-dialog.h"
#include "rds-snapshot-page.h"

#define SNAPSHOT "orders-monday"
#define ACCOUNT "123456789012"

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
no_toplevel (Fixture       *f,
             gconstpointer  data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
share_ready (Fixture       *f,
             gconstpointer  data)
{
  return !rds_share_snapshot_dialog_get_loading ((RdsShareSnapshotDialog *) data);
}

static gboolean
is_entry (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_ENTRY (widget);
}

/* A label that shows text starting with @data. */
static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

/* The button that reads @data (its mnemonic and all). */
static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_instance_link (GtkWidget     *widget,
                  gconstpointer  data)
{
  return RDS_IS_LINK_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (rds_link_button_get_target (RDS_LINK_BUTTON (widget)), data) == 0;
}

static gboolean
shows (RdsSnapshotPage *page,
       const char      *text)
{
  return find_widget (GTK_WIDGET (page), is_label_showing, text) != NULL;
}

static RdsSnapshotPage *
snapshot_page (Fixture *f)
{
  return RDS_SNAPSHOT_PAGE (rds_window_get_page_widget (f->window, "snapshot"));
}

static const char *
stack_page (RdsSnapshotPage *page,
            const char      *stack)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_SNAPSHOT_PAGE, stack));

  return gtk_stack_get_visible_child_name (GTK_STACK (widget));
}

static gboolean
page_shows (Fixture       *f,
            gconstpointer  data)
{
  return shows (snapshot_page (f), data);
}

static gboolean
sharing_loaded (Fixture       *f,
                gconstpointer  data)
{
  return !rds_snapshot_page_get_sharing_loading (snapshot_page (f)) &&
         g_strcmp0 (stack_page (snapshot_page (f), "sharing_stack"), "loading") != 0;
}

/* The page lists @data among the accounts it is shared with. */
static gboolean
shared_with (Fixture       *f,
             gconstpointer  data)
{
  GListModel *accounts = rds_snapshot_page_get_shared_with (snapshot_page (f));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (accounts), i), data) == 0)
      return g_strcmp0 (stack_page (snapshot_page (f), "sharing_stack"), "list") == 0 &&
             shows (snapshot_page (f), data);
  return FALSE;
}

static gboolean
page_says_gone (Fixture       *f,
                gconstpointer  data)
{
  if (g_strcmp0 (stack_page (snapshot_page (f), "stack"), "gone") == 0)
    return TRUE;
  rds_session_refresh (f->session);
  return FALSE;
}

/* The Snapshots page lists @data: activates its row, as Enter or a double
 * click does. */
static gboolean
activate_row (Fixture       *f,
              gconstpointer  data)
{
  RdsSnapshotsPage *page = RDS_SNAPSHOTS_PAGE (rds_window_get_page_widget (f->window, "snapshots"));
  GListModel *model = G_LIST_MODEL (rds_snapshots_page_get_selection (page));
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_SNAPSHOTS_PAGE,
                                                               "column_view"));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RdsDbSnapshot) snapshot = g_list_model_get_item (model, i);

      if (g_strcmp0 (rds_db_snapshot_get_identifier (snapshot), data) == 0)
        {
          g_signal_emit_by_name (view, "activate", i);
          return TRUE;
        }
    }
  return FALSE;
}

/* The sidebar's row chosen is Snapshots. */
static void
assert_in_snapshots (Fixture *f)
{
  GtkListBox *navigation = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (f->window), RDS_TYPE_WINDOW,
                                                                        "navigation"));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (navigation);

  g_assert_nonnull (row);
  g_assert_nonnull (find_widget (GTK_WIDGET (row), is_label_showing, "Snapshots"));
}

static void
snapshot_page_case (Fixture *f)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBSnapshot");
  RdsSnapshotPage *page;
  RdsDbSnapshot *snapshot;
  RdsActionDialog *dialog;
  GtkWidget *share_button;
  GtkWidget *link;
  g_autofree char *engine = NULL;
  const char *description;

  create_instance (f, "orders", "mysql", FALSE);
  advance_until (f, "orders", "available");
  rds_request_set (request, "DBInstanceIdentifier", "orders");
  rds_request_set (request, "DBSnapshotIdentifier", SNAPSHOT);
  call (f, request);

  /* From the Snapshots page: its row activated. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "snapshots"));
  g_assert_true (spin_until (f, activate_row, SNAPSHOT));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "snapshot");
  page = snapshot_page (f);
  g_assert_cmpstr (rds_snapshot_page_get_identifier (page), ==, SNAPSHOT);
  assert_in_snapshots (f);
  snapshot = rds_snapshot_page_get_snapshot (page);
  g_assert_nonnull (snapshot);
  g_assert_cmpstr (stack_page (page, "stack"), ==, "snapshot");

  /* Being made: its progress, and nothing to do with it yet. */
  g_assert_cmpstr (rds_db_snapshot_get_status (snapshot), ==, "creating");
  g_assert_true (shows (page, SNAPSHOT));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_starting, "Creating ("));
  share_button = find_widget (GTK_WIDGET (page), is_button_labelled, "S_hare snapshot…");
  g_assert_nonnull (share_button);
  g_assert_false (gtk_widget_get_sensitive (share_button));

  /* Available: what it is. */
  for (guint minutes = 0; minutes < 6 * 60 && !snapshot_available (f, SNAPSHOT); minutes += 5)
    advance (f, 300);
  g_assert_true (spin_until (f, snapshot_available, SNAPSHOT));
  g_assert_true (rds_snapshot_page_get_snapshot (page) == snapshot);
  g_assert_true (shows (page, "Available"));
  g_assert_true (shows (page, "Manual"));
  engine = rds_format_engine_version (NULL, "mysql", rds_shape_get_string (RDS_SHAPE (snapshot), "engine-version"));
  g_assert_true (g_str_has_prefix (engine, "MySQL "));
  g_assert_true (shows (page, engine));
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (snapshot), "encrypted"));
  g_assert_true (shows (page, "Not enabled"));
  g_assert_true (shows (page, "20 GiB"));
  g_assert_true (shows (page, rds_db_snapshot_get_arn (snapshot)));
  g_assert_true (gtk_widget_get_sensitive (share_button));
  assert_no_focusable_labels (GTK_WIDGET (page));

  /* Its DB instance, a link to its page. */
  link = find_widget (GTK_WIDGET (page), is_instance_link, "orders");
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "database");
  g_assert_cmpstr (rds_database_page_get_identifier (RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window,
                                                                                                     "database"))),
                   ==, "orders");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-snapshot", "s", SNAPSHOT));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "snapshot");

  /* Private at first; shared with an account through the Share dialog. */
  g_assert_true (spin_until (f, sharing_loaded, NULL));
  g_assert_cmpstr (stack_page (page, "sharing_stack"), ==, "note");
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_starting, "The snapshot is private"));
  g_assert_cmpuint (g_list_model_get_n_items (rds_snapshot_page_get_shared_with (page)), ==, 0);
  wait_for_frames (f, GTK_WIDGET (f->window));
  screenshot (f, GTK_WIDGET (f->window), "page-snapshot");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "snapshot.share", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_SHARE_SNAPSHOT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (spin_until (f, share_ready, dialog));
  g_assert_true (rds_share_snapshot_dialog_add_account (RDS_SHARE_SNAPSHOT_DIALOG (dialog), ACCOUNT));
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_toplevel, GSIZE_TO_POINTER (RDS_TYPE_SHARE_SNAPSHOT_DIALOG)));
  g_assert_true (spin_until (f, shared_with, ACCOUNT));
  g_assert_cmpuint (g_list_model_get_n_items (rds_snapshot_page_get_shared_with (page)), ==, 1);
  wait_for_frames (f, GTK_WIDGET (f->window));
  screenshot (f, GTK_WIDGET (f->window), "page-snapshot-shared");

  /* Delete, from the page's Actions: typed to confirm; then it is gone,
   * and the page says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "snapshot.delete", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_DELETE_SNAPSHOT_DIALOG));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_entry, NULL)), "delete me");
  g_assert_true (gtk_widget_is_sensitive (rds_action_dialog_get_submit_button (dialog)));
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_toplevel, GSIZE_TO_POINTER (RDS_TYPE_DELETE_SNAPSHOT_DIALOG)));
  g_assert_true (spin_until (f, page_says_gone, NULL));
  g_assert_null (find_snapshot (f, SNAPSHOT));
  g_assert_null (rds_snapshot_page_get_snapshot (page));
  description = adw_status_page_get_description (ADW_STATUS_PAGE (gtk_widget_get_template_child (
                                                   GTK_WIDGET (page), RDS_TYPE_SNAPSHOT_PAGE, "gone_page")));
  g_assert_nonnull (strstr (description, "“" SNAPSHOT "”"));
  g_assert_true (spin_until (f, page_shows, "Snapshot Not Found"));
  g_assert_false (gtk_widget_get_sensitive (share_button));
  screenshot (f, GTK_WIDGET (f->window), "page-snapshot-gone");

  /* Back: the Snapshots page it was opened from, without it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "snapshots");
  assert_in_snapshots (f);
}

/* The keyboard goes round a snapshot's page and back. */
static void
keyboard (Fixture *f)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBSnapshot");

  create_instance (f, "ledger", "postgres", FALSE);
  advance_until (f, "ledger", "available");
  rds_request_set (request, "DBInstanceIdentifier", "ledger");
  rds_request_set (request, "DBSnapshotIdentifier", "ledger-snap");
  call (f, request);
  for (guint minutes = 0; minutes < 6 * 60 && !snapshot_available (f, "ledger-snap"); minutes += 5)
    advance (f, 300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-snapshot", "s", "ledger-snap"));
  g_assert_true (spin_until (f, sharing_loaded, NULL));
  wait_for_frames (f, GTK_WIDGET (f->window));
  assert_focus_cycles (f);
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  CONSOLE_TEST_ADD ("/console/snapshot/page", snapshot_page_case);
  CONSOLE_TEST_ADD ("/console/snapshot/keyboard", keyboard);

  return g_test_run ();
}
