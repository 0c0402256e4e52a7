/* test-database-page.c: a database's page: its tags, and what it shows while loading and once gone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"

static gboolean
tag_count_is (Fixture       *f,
              gconstpointer  data)
{
  RdsDbInstance *instance = find_instance (f, "tagged-db");
  GListModel *tags = rds_shape_get_list (RDS_SHAPE (instance), "tag-list");

  return (tags != NULL ? g_list_model_get_n_items (tags) : 0) == GPOINTER_TO_UINT (data);
}

static gboolean
field_has_error (Fixture       *f,
                 gconstpointer  data)
{
  return rds_form_field_get_error (RDS_FORM_FIELD ((gpointer) data)) != NULL;
}

static gboolean
is_squeezer (GtkWidget     *widget,
             gconstpointer  data)
{
  return ADW_IS_SQUEEZER (widget);
}

/* Tags: view, add, remove, from a database's page. */
static void
tags (Fixture *f)
{
  GtkWidget *tabs;
  int height;
  RdsDatabasePage *page;
  GtkWidget *key, *value, *key_field;

  create_instance (f, "tagged-db", "mysql", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "tagged-db"));
  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  /* The keyboard goes round the page, a toast and all (selectable values
   * used to stop Shift+Tab for good). */
  rds_window_add_toast (f->window, "A toast to Tab through");
  wait_for_frames (f, GTK_WIDGET (f->window));
  assert_focus_cycles (f);
  tabs = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "tabs"));
  /* A database's page fits beside the sidebar of a 1200 px window (220
   * px): opening one did not fold the sidebar away. */
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 1200 - 221);
  }
  /* Each tab as tall as its content, not as the tallest. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (tabs), "connectivity");
  wait_for_frames (f, tabs);
  height = gtk_widget_get_height (tabs);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (tabs), "configuration");
  wait_for_frames (f, tabs);
  g_assert_cmpint (gtk_widget_get_height (tabs), !=, height);
  /* The tab bar spans the page, whatever its labels' length. */
  {
    GtkWidget *bar = find_widget (GTK_WIDGET (page), is_squeezer, NULL);

    g_assert_nonnull (bar);
    g_assert_cmpint (gtk_widget_get_width (bar), ==, gtk_widget_get_width (tabs));
  }
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (tabs), "tags");
  assert_no_focusable_labels (GTK_WIDGET (page));
  assert_no_focusable_flow_cells (GTK_WIDGET (page));
  key = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "tag_key_entry"));
  value = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "tag_value_entry"));
  key_field = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "tag_key_field"));

  gtk_editable_set_text (GTK_EDITABLE (key), "aws:owner");
  g_assert_nonnull (rds_form_field_get_error (RDS_FORM_FIELD (key_field)));
  gtk_editable_set_text (GTK_EDITABLE (key), "team");
  g_assert_null (rds_form_field_get_error (RDS_FORM_FIELD (key_field)));
  gtk_editable_set_text (GTK_EDITABLE (value), "payments");
  /* Added with Enter in the value, as a person does. */
  gtk_widget_grab_focus (value);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (value)), "activate");
  g_assert_true (spin_until (f, tag_count_is, GUINT_TO_POINTER (1)));
  /* Added: the fields empty for the next one, the cursor in its key. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (key)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), key));

  gtk_editable_set_text (GTK_EDITABLE (key), "environment");
  gtk_editable_set_text (GTK_EDITABLE (value), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tags.add", NULL));
  g_assert_true (spin_until (f, tag_count_is, GUINT_TO_POINTER (2)));
  screenshot (f, GTK_WIDGET (f->window), "page-database-tags");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tags.remove", "s", "team"));
  g_assert_true (spin_until (f, tag_count_is, GUINT_TO_POINTER (1)));

  /* Refused by the service (50 tags at most): its message next to the
   * key, what was typed kept to be corrected. */
  for (guint i = 1; i <= 49; i++)
    {
      g_autoptr(RdsRequest) request = rds_request_new ("AddTagsToResource");
      g_autofree char *tag = g_strdup_printf ("tag-%02u", i);

      rds_request_set (request, "ResourceName", rds_db_instance_get_arn (find_instance (f, "tagged-db")));
      rds_request_add_tag (request, "Tags", tag, "x");
      call (f, request);
    }
  gtk_editable_set_text (GTK_EDITABLE (key), "notes");
  gtk_editable_set_text (GTK_EDITABLE (value), "kept");
  /* Enter in the value, as a person adds a tag: whether or not the list
   * has already heard of the 50 tags (and made the Add button
   * insensitive), the service says why. */
  g_signal_emit_by_name (value, "activate");
  g_assert_true (spin_until (f, field_has_error, key_field));
  g_assert_nonnull (strstr (rds_form_field_get_error (RDS_FORM_FIELD (key_field)), "more than 50 tags"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (key)), ==, "notes");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "kept");
}

static gboolean
instances_loaded (Fixture       *f,
                  gconstpointer  data)
{
  return rds_resource_list_get_loaded (rds_session_get_instances (f->session));
}

/* A database's page waits for the Region's databases before it says one
 * is gone. */
static void
database_loading_then_gone (Fixture *f)
{
  RdsDatabasePage *page;
  GtkStack *stack;

  create_instance (f, "here-db", "mysql", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", "here-db"));
  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "instance");

  /* Another Region: its databases are not known yet. */
  rds_session_set_region (f->session, "eu-west-1");
  rds_database_page_set_identifier (page, "elsewhere-db");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  rds_session_refresh (f->session);
  g_assert_true (spin_until (f, instances_loaded, NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "gone");
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  CONSOLE_TEST_ADD ("/console/database/tags", tags);
  CONSOLE_TEST_ADD ("/console/database/loading-then-gone", database_loading_then_gone);

  return g_test_run ();
}
