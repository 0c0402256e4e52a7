/* test-events-page.c: the Events page and the dashboard's recent events: their filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"

static guint
events_shown (Fixture *f)
{
  RdsEventsPage *page = RDS_EVENTS_PAGE (rds_window_get_page_widget (f->window, "events"));
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                        RDS_TYPE_EVENTS_PAGE,
                                                                        "column_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static gboolean
events_shown_are (Fixture       *f,
                  gconstpointer  data)
{
  return events_shown (f) == GPOINTER_TO_UINT (data);
}

static gboolean
dashboard_events_are (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *page = rds_window_get_page_widget (f->window, "dashboard");
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (page, RDS_TYPE_DASHBOARD_PAGE, "events_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0;
}

/* Events: all of them, by source type, by search, by time range. */
static void
events_filters (Fixture *f)
{
  RdsEventsPage *page;
  GtkDropDown *types, *ranges;
  GtkEditable *search_entry;
  guint all, instances, snapshots;

  /* Its backup window half a day away: the two hours below are quiet
   * whatever window the simulator would have drawn. */
  {
    g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstance");

    rds_request_set (request, "DBInstanceIdentifier", "eventful-db");
    rds_request_set (request, "Engine", "mysql");
    rds_request_set (request, "DBInstanceClass", "db.t3.micro");
    rds_request_set_int (request, "AllocatedStorage", 20);
    rds_request_set (request, "MasterUsername", "admin");
    rds_request_set (request, "MasterUserPassword", "correct-horse-battery");
    rds_request_set (request, "PreferredBackupWindow", "12:00-12:30");
    call (f, request);
  }
  advance_until (f, "eventful-db", "available");
  {
    g_autoptr(RdsRequest) request = rds_request_new ("CreateDBSnapshot");

    rds_request_set (request, "DBInstanceIdentifier", "eventful-db");
    rds_request_set (request, "DBSnapshotIdentifier", "eventful-snapshot");
    call (f, request);
  }
  advance (f, 1800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "events"));
  page = RDS_EVENTS_PAGE (rds_window_get_page_widget (f->window, "events"));
  types = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_EVENTS_PAGE,
                                                        "type_dropdown"));
  search_entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_EVENTS_PAGE,
                                                              "search_entry"));
  ranges = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_EVENTS_PAGE,
                                                         "range_dropdown"));
  all = events_shown (f);
  g_assert_cmpuint (all, >, 3);
  screenshot (f, GTK_WIDGET (f->window), "page-events");

  gtk_drop_down_set_selected (types, 1);
  instances = events_shown (f);
  gtk_drop_down_set_selected (types, 2);
  snapshots = events_shown (f);
  g_assert_cmpuint (instances, >, 0);
  g_assert_cmpuint (snapshots, >, 0);
  g_assert_cmpuint (instances + snapshots, ==, all);

  gtk_drop_down_set_selected (types, 0);
  /* The manual snapshot's two (the first automated backup's are the others). */
  gtk_editable_set_text (search_entry, "eventful-snapshot");
  g_assert_cmpuint (events_shown (f), ==, 2);
  g_assert_cmpuint (snapshots, ==, 4);
  gtk_editable_set_text (search_entry, "");
  g_assert_cmpuint (events_shown (f), ==, all);

  /* Two hours on, none of the last hour; the dashboard's last day keeps
   * them all the same. */
  advance (f, 2 * 3600);
  gtk_drop_down_set_selected (ranges, 0);
  g_assert_true (spin_until (f, events_shown_are, GUINT_TO_POINTER (0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "dashboard"));
  g_assert_true (spin_until (f, dashboard_events_are, "list"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "events"));
  gtk_drop_down_set_selected (ranges, 1);
  g_assert_true (spin_until (f, events_shown_are, GUINT_TO_POINTER (all)));
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  CONSOLE_TEST_ADD ("/console/events/filters", events_filters);

  return g_test_run ();
}
