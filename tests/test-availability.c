/* test-availability.c: Multi-AZ, failover, faults and read replicas as the console shows them:
 * the Convert to Multi-AZ wizard (now or in the maintenance window), Convert to Single-AZ, the
 * topology and the Databases table at each step, the fault controls and Promote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"
#include "rds-convert-multi-az-wizard.h"
#include "rds-convert-single-az-dialog.h"
#include "rds-region.h"
#include "rds-rules.h"
#include "rds-fault-panel.h"
#include "rds-topology-view.h"

static gboolean
says_no_zone_down (Fixture       *f,
                   gconstpointer  data)
{
  RdsTopologyView *view = (gpointer) data;
  g_autofree char *text = rds_topology_view_describe (view);

  if (strstr (text, "is down") == NULL)
    return TRUE;
  rds_topology_view_refresh (view);
  return FALSE;
}

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
wizard_at_step (Fixture       *f,
                gconstpointer  data)
{
  RdsConvertMultiAzWizard *wizard = ((gpointer *) data)[0];

  return rds_convert_multi_az_wizard_get_step (wizard) == GPOINTER_TO_INT (((gpointer *) data)[1]);
}

static gboolean
wizard_reached (Fixture       *f,
                gconstpointer  data)
{
  RdsConvertMultiAzWizard *wizard = ((gpointer *) data)[0];

  return rds_convert_multi_az_wizard_get_step (wizard) >= GPOINTER_TO_INT (((gpointer *) data)[1]);
}

static void
wait_step (Fixture                 *f,
           RdsConvertMultiAzWizard *wizard,
           int                      step)
{
  gpointer data[] = { wizard, GINT_TO_POINTER (step) };

  if (!spin_until (f, wizard_at_step, data))
    g_error ("The wizard is at step %d, not %d", rds_convert_multi_az_wizard_get_step (wizard), step);
}

static const char *
zone_of (Fixture    *f,
         const char *identifier,
         const char *field)
{
  return rds_shape_get_string (RDS_SHAPE (find_instance (f, identifier)), field);
}

/* The topology says @fragment, once it asked the simulator again. */
static gboolean
describes_now (Fixture       *f,
               gconstpointer  data)
{
  RdsTopologyView *view = ((gpointer *) data)[0];
  g_autofree char *text = rds_topology_view_describe (view);

  if (strstr (text, ((gpointer *) data)[1]) != NULL)
    return TRUE;
  rds_topology_view_refresh (view);
  return FALSE;
}

/* The topology no longer says @fragment, once it asked the simulator again. */
static gboolean
no_longer_describes (Fixture       *f,
                     gconstpointer  data)
{
  RdsTopologyView *view = ((gpointer *) data)[0];
  const char *fragment = ((gpointer *) data)[1];
  g_autofree char *text = rds_topology_view_describe (view);

  if (strstr (text, fragment) == NULL)
    return TRUE;
  rds_topology_view_refresh (view);
  return FALSE;
}

static void
wait_not_describes (Fixture         *f,
                    RdsTopologyView *view,
                    const char      *fragment)
{
  gpointer data[] = { view, (gpointer) fragment };

  if (!spin_until (f, no_longer_describes, data))
    {
      g_autofree char *text = rds_topology_view_describe (view);

      g_error ("The topology still says “%s”: “%s”", fragment, text);
    }
}

/* The Region's events about @identifier: one says @fragment. */
static gboolean
has_event (Fixture       *f,
           gconstpointer  data)
{
  const char *identifier = ((const char * const *) data)[0];
  const char *fragment = ((const char * const *) data)[1];
  GListModel *events = rds_resource_list_get_model (rds_session_get_events (f->session));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(RdsShape) event = g_list_model_get_item (events, i);
      const char *message = rds_shape_get_string (event, "message");

      if (g_strcmp0 (rds_shape_get_string (event, "source-identifier"), identifier) == 0 &&
          message != NULL && strstr (message, fragment) != NULL)
        return TRUE;
    }
  rds_session_refresh (f->session);
  return FALSE;
}

static void
assert_event (Fixture    *f,
              const char *identifier,
              const char *fragment)
{
  const char *data[] = { identifier, fragment };

  if (!spin_until (f, has_event, data))
    g_error ("No event of %s says “%s”", identifier, fragment);
}

/* Advances the clock a minute at a time until @identifier is @status:
 * what comes in the minutes after it is still to see. */
static void
advance_minutes_until (Fixture    *f,
                       const char *identifier,
                       const char *status)
{
  for (guint minutes = 0; minutes < 60 &&
       g_strcmp0 (rds_db_instance_get_status (find_instance (f, identifier)), status) != 0; minutes++)
    advance (f, 60);
  wait_for_status (f, identifier, status);
}

/* An amount as the console writes it, "14.71 USD": its value. */
static double
usd (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text);
  g_assert_true (g_str_has_prefix (end, " USD"));
  return value;
}

static GtkWidget *
wizard_child (RdsConvertMultiAzWizard *wizard,
              const char              *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (wizard),
                                                                RDS_TYPE_CONVERT_MULTI_AZ_WIZARD, name));

  g_assert_nonnull (child);
  return child;
}

static gboolean
progress_says (Fixture       *f,
               gconstpointer  data)
{
  RdsConvertMultiAzWizard *wizard = ((gpointer *) data)[0];

  return strstr (rds_convert_multi_az_wizard_get_progress_text (wizard), ((gpointer *) data)[1]) != NULL;
}

/* The value under the caption @caption on the page's current tab. */
static const char *
field_value (RdsDatabasePage *page,
             const char      *caption)
{
  GtkWidget *label = find_widget (GTK_WIDGET (page), is_label_showing, caption);
  GtkWidget *box;

  if (label == NULL || !gtk_widget_has_css_class (label, "caption-heading"))
    return NULL;
  /* A caption with its Info link is in a row of its own. */
  box = gtk_widget_get_parent (label);
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (box)) == GTK_ORIENTATION_HORIZONTAL)
    box = gtk_widget_get_parent (box);
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box)));
}

static gboolean
field_shows (Fixture       *f,
             gconstpointer  data)
{
  return g_strcmp0 (field_value (((gpointer *) data)[0], ((gpointer *) data)[1]), ((gpointer *) data)[2]) == 0;
}

/* The database page shows @wanted under @caption, on its tab @tab. */
static void
assert_field (Fixture         *f,
              RdsDatabasePage *page,
              const char      *tab,
              const char      *caption,
              const char      *wanted)
{
  gpointer data[] = { page, (gpointer) caption, (gpointer) wanted };

  rds_database_page_show_tab (page, tab);
  if (!spin_until (f, field_shows, data))
    g_error ("The page shows “%s” as %s, not “%s”", field_value (page, caption), caption, wanted);
}

/* The wizard's costs: Single-AZ now, as the catalog prices the instance;
 * Multi-AZ after, twice that (a second instance, a second copy of the
 * storage), with the difference. */
static void
assert_conversion_costs (Fixture                 *f,
                         RdsConvertMultiAzWizard *wizard,
                         const char              *identifier)
{
  RdsShape *instance = RDS_SHAPE (find_instance (f, identifier));
  const char *now_text = gtk_label_get_label (GTK_LABEL (wizard_child (wizard, "cost_now_label")));
  const char *after_text = gtk_label_get_label (GTK_LABEL (wizard_child (wizard, "cost_after_label")));
  const char *more_text = strstr (after_text, "(+");
  RdsCostEstimate single;
  g_autofree char *expected = NULL;
  double now, after, more;

  rds_catalog_estimate_monthly (rds_catalog_find_engine (rds_shape_get_string (instance, "engine")),
                                rds_catalog_find_class (rds_shape_get_string (instance, "db-instance-class")),
                                FALSE, rds_shape_get_string (instance, "storage-type"),
                                rds_shape_get_int (instance, "allocated-storage"), 0, 0, &single);
  g_assert_cmpfloat (single.total, >, 0);
  expected = g_strdup_printf ("%.2f USD", single.total);
  g_assert_cmpstr (now_text, ==, expected);

  now = usd (now_text);
  after = usd (after_text);
  g_assert_nonnull (more_text);
  more = usd (more_text + 2);
  g_assert_true (g_str_has_suffix (after_text, "USD)"));
  g_assert_cmpfloat_with_epsilon (after, 2 * now, 0.011);
  g_assert_cmpfloat_with_epsilon (more, after - now, 0.011);
}

/* Convert to Multi-AZ: the wizard explains and prices it, then follows each
 * step while the topology shows the standby being built. */
static void
convert (Fixture *f)
{
  RdsTopologyView *view;
  RdsConvertMultiAzWizard *wizard;
  RdsDatabasePage *page;
  GtkWidget *button;
  g_autofree char *primary = NULL;
  g_autofree char *expected = NULL;

  create_instance (f, "ha-app", "postgres", FALSE);
  advance_until (f, "ha-app", "available");
  primary = g_strdup (zone_of (f, "ha-app", "availability-zone"));
  assert_databases_table_cell (f, "ha-app", "Multi-AZ", "No");
  assert_databases_table_cell (f, "ha-app", "Region & AZ", primary);

  view = open_topology (f, "ha-app");
  g_assert_nonnull (view);
  expected = g_strdup_printf ("Primary ha-app in %s, Available. The endpoint points at it.", primary);
  wait_describes (f, view, expected);
  {
    g_autofree char *text = rds_topology_view_describe (view);

    g_assert_null (strstr (text, "Standby"));
  }
  screenshot (f, GTK_WIDGET (f->window), "topology-single-az");

  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.convert-to-multi-az", NULL));
  wizard = RDS_CONVERT_MULTI_AZ_WIZARD (find_toplevel (RDS_TYPE_CONVERT_MULTI_AZ_WIZARD));
  g_assert_nonnull (wizard);
  wait_for_frames (f, GTK_WIDGET (wizard));
  screenshot (f, GTK_WIDGET (wizard), "wizard-convert-multi-az");
  g_assert_cmpint (rds_convert_multi_az_wizard_get_step (wizard), ==, -1);
  assert_conversion_costs (f, wizard, "ha-app");

  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (wizard), RDS_TYPE_CONVERT_MULTI_AZ_WIZARD,
                                                      "convert_button"));
  gtk_widget_activate (button);

  /* Each step in turn, the database available throughout. */
  wait_step (f, wizard, 0);
  wait_describes (f, view, "Standby being created in");
  wait_describes (f, view, "taking a snapshot of the primary");
  screenshot (f, GTK_WIDGET (wizard), "wizard-convert-multi-az-progress");
  screenshot (f, GTK_WIDGET (f->window), "topology-converting");
  for (int step = 1; step <= 2; step++)
    for (int minutes = 0; rds_convert_multi_az_wizard_get_step (wizard) < step; minutes++)
      {
        g_assert_cmpint (minutes, <, 30);
        advance (f, 60);
        g_assert_cmpstr (rds_db_instance_get_status (find_instance (f, "ha-app")), ==, "modifying");
        spin_until_ms (f, wizard_reached, (gpointer[]) { wizard, GINT_TO_POINTER (step) }, 300);
      }
  wait_describes (f, view, "synchronizing the standby");
  advance_until (f, "ha-app", "available");
  wait_step (f, wizard, 3);
  g_assert_nonnull (strstr (rds_convert_multi_az_wizard_get_progress_text (wizard), "is a Multi-AZ deployment"));
  screenshot (f, GTK_WIDGET (wizard), "wizard-convert-multi-az-done");

  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Synchronous standby in %s, in sync.", zone_of (f, "ha-app",
                                                                              "secondary-availability-zone"));
  wait_describes (f, view, expected);
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (find_instance (f, "ha-app")), "multi-az"));
  gtk_window_destroy (GTK_WINDOW (wizard));
  screenshot (f, GTK_WIDGET (f->window), "topology-multi-az");

  /* Converted, the menu offers Single-AZ instead. */
  g_assert_false (rds_db_instance_allows (find_instance (f, "ha-app"), RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ));
  g_assert_true (rds_db_instance_allows (find_instance (f, "ha-app"), RDS_INSTANCE_ACTION_CONVERT_TO_SINGLE_AZ));

  /* The table says so; the primary stayed where it was. */
  assert_databases_table_cell (f, "ha-app", "Multi-AZ", "Yes");
  assert_databases_table_cell (f, "ha-app", "Region & AZ", primary);
  assert_databases_table_cell (f, "ha-app", "Status", "Available");
}

/* Convert to Multi-AZ in the next maintenance window: the change waits,
 * shown as pending, and is made when the window comes, step by step. */
static void
convert_in_window (Fixture *f)
{
  RdsTopologyView *view;
  RdsConvertMultiAzWizard *wizard;
  RdsDatabasePage *page;
  g_autofree char *window = NULL;
  int start, length;
  gint64 now, opens;

  create_instance (f, "ha-later", "mysql", FALSE);
  advance_until (f, "ha-later", "available");
  open_topology (f, "ha-later");
  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.convert-to-multi-az", NULL));
  wizard = RDS_CONVERT_MULTI_AZ_WIZARD (find_toplevel (RDS_TYPE_CONVERT_MULTI_AZ_WIZARD));
  g_assert_nonnull (wizard);
  wait_for_frames (f, GTK_WIDGET (wizard));
  assert_conversion_costs (f, wizard, "ha-later");

  /* The window's row chooses it, as a click on it does. */
  window = g_strdup (rds_shape_get_string (RDS_SHAPE (find_instance (f, "ha-later")),
                                          "preferred-maintenance-window"));
  g_assert_nonnull (window);
  {
    g_autofree char *subtitle = g_strdup_printf ("The window is %s UTC.", window);

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (wizard_child (wizard, "window_row"))), ==,
                     subtitle);
  }
  adw_action_row_activate (ADW_ACTION_ROW (wizard_child (wizard, "window_row")));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (wizard_child (wizard, "now_check"))));
  gtk_widget_activate (wizard_child (wizard, "convert_button"));
  g_assert_true (spin_until (f, progress_says,
                             (gpointer[]) { wizard, (gpointer) "will convert in its next maintenance window" }));
  g_assert_cmpint (rds_convert_multi_az_wizard_get_step (wizard), ==, -1);
  screenshot (f, GTK_WIDGET (wizard), "wizard-convert-multi-az-scheduled");

  /* Pending: still Single-AZ, nothing under way; the page shows the
   * change waiting, and the topology no standby. */
  g_assert_cmpstr (rds_db_instance_get_status (find_instance (f, "ha-later")), ==, "available");
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (find_instance (f, "ha-later")), "multi-az"));
  assert_field (f, page, "maintenance", "Pending modifications", "Multi-AZ: Yes");
  advance (f, 60);
  g_assert_cmpstr (rds_db_instance_get_status (find_instance (f, "ha-later")), ==, "available");
  assert_field (f, page, "maintenance", "Pending modifications", "Multi-AZ: Yes");
  view = open_topology (f, "ha-later");
  wait_describes (f, view, "Primary ha-later in");
  {
    g_autofree char *text = rds_topology_view_describe (view);

    g_assert_null (strstr (text, "Standby"));
  }

  /* A minute before the window opens, it still waits. */
  g_assert_true (rds_rules_parse_maintenance_window (window, &start, &length, NULL));
  now = rds_session_get_now (f->session);
  opens = rds_rules_next_window_start (start, now);
  g_assert_cmpint (opens - now, >, 60 * G_USEC_PER_SEC);
  advance (f, (int) ((opens - now) / G_USEC_PER_SEC) - 60);
  g_assert_cmpstr (rds_db_instance_get_status (find_instance (f, "ha-later")), !=, "modifying");
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (find_instance (f, "ha-later")), "multi-az"));
  g_assert_cmpint (rds_convert_multi_az_wizard_get_step (wizard), ==, -1);

  /* The window opens: the conversion starts, and the wizard and the
   * topology follow its steps until it is Multi-AZ. */
  advance (f, 120);
  wait_for_status (f, "ha-later", "modifying");
  wait_describes (f, view, "Standby being created in");
  g_assert_true (spin_until (f, wizard_reached, (gpointer[]) { wizard, GINT_TO_POINTER (0) }));
  advance_until (f, "ha-later", "available");
  wait_step (f, wizard, 3);
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (find_instance (f, "ha-later")), "multi-az"));
  wait_describes (f, view, "Synchronous standby in");
  gtk_window_destroy (GTK_WINDOW (wizard));
  assert_field (f, page, "maintenance", "Pending modifications", "None");
  assert_field (f, page, "configuration", "Multi-AZ", "Yes");
  assert_databases_table_cell (f, "ha-later", "Multi-AZ", "Yes");
}

/* Reboot with failover: the endpoint moves to the standby; the zones swap. */
static void
failover (Fixture *f)
{
  RdsTopologyView *view;
  RdsDatabasePage *page;
  RdsActionDialog *dialog;
  GtkWidget *check = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *expected = NULL;

  create_instance (f, "ha-db", "mysql", TRUE);
  advance_until (f, "ha-db", "available");
  primary = g_strdup (zone_of (f, "ha-db", "availability-zone"));
  secondary = g_strdup (zone_of (f, "ha-db", "secondary-availability-zone"));
  assert_databases_table_cell (f, "ha-db", "Multi-AZ", "Yes");
  assert_databases_table_cell (f, "ha-db", "Region & AZ", primary);
  view = open_topology (f, "ha-db");

  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.reboot", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_REBOOT_DATABASE_DIALOG));
  g_assert_nonnull (dialog);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (dialog)); w != NULL; )
    {
      if (GTK_IS_CHECK_BUTTON (w) && gtk_widget_get_visible (w))
        {
          check = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  rds_action_dialog_submit (dialog);
  wait_for_status (f, "ha-db", "rebooting");
  wait_describes (f, view, "Failing over to the standby");
  screenshot (f, GTK_WIDGET (f->window), "topology-failing-over");

  advance_until (f, "ha-db", "available");
  g_assert_cmpstr (zone_of (f, "ha-db", "availability-zone"), ==, secondary);
  g_assert_cmpstr (zone_of (f, "ha-db", "secondary-availability-zone"), ==, primary);
  expected = g_strdup_printf ("Primary ha-db in %s, Available. The endpoint points at it.", secondary);
  wait_describes (f, view, expected);

  /* The table shows where the primary is now; still Multi-AZ. */
  assert_databases_table_cell (f, "ha-db", "Region & AZ", secondary);
  assert_databases_table_cell (f, "ha-db", "Multi-AZ", "Yes");
  assert_databases_table_cell (f, "ha-db", "Status", "Available");
}

/* Convert to Single-AZ: the dialog, applied now; the standby goes, the
 * database stays where it was, available, and no longer fails over. */
static void
convert_back (Fixture *f)
{
  RdsTopologyView *view;
  RdsDatabasePage *page;
  RdsActionDialog *dialog;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *expected = NULL;

  create_instance (f, "ha-back", "postgres", TRUE);
  advance_until (f, "ha-back", "available");
  primary = g_strdup (zone_of (f, "ha-back", "availability-zone"));
  secondary = g_strdup (zone_of (f, "ha-back", "secondary-availability-zone"));
  g_assert_nonnull (secondary);
  view = open_topology (f, "ha-back");
  expected = g_strdup_printf ("Synchronous standby in %s, in sync.", secondary);
  wait_describes (f, view, expected);
  g_assert_true (rds_db_instance_allows (find_instance (f, "ha-back"), RDS_INSTANCE_ACTION_CONVERT_TO_SINGLE_AZ));
  g_assert_false (rds_db_instance_allows (find_instance (f, "ha-back"), RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ));

  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.convert-to-single-az", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_CONVERT_SINGLE_AZ_DIALOG));
  g_assert_nonnull (dialog);
  screenshot (f, GTK_WIDGET (dialog), "dialog-convert-single-az");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (GTK_WIDGET (dialog), "immediately")), TRUE);
  rds_action_dialog_submit (dialog);
  g_assert_true (spin_until (f, no_action_dialog, NULL));
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "Converting ha-back to Single-AZ");
  wait_for_status (f, "ha-back", "modifying");

  /* The standby is removed with no downtime: the primary stays, and the
   * topology shows it alone. */
  wait_not_describes (f, view, "Standby");
  advance_until (f, "ha-back", "available");
  g_assert_false (rds_shape_get_boolean (RDS_SHAPE (find_instance (f, "ha-back")), "multi-az"));
  g_assert_null (zone_of (f, "ha-back", "secondary-availability-zone"));
  g_assert_cmpstr (zone_of (f, "ha-back", "availability-zone"), ==, primary);
  g_free (expected);
  expected = g_strdup_printf ("Primary ha-back in %s, Available. The endpoint points at it.", primary);
  wait_describes (f, view, expected);
  wait_not_describes (f, view, "Standby");
  screenshot (f, GTK_WIDGET (f->window), "topology-converted-single-az");
  assert_event (f, "ha-back", "Finished applying modification to convert to a standard (Single-AZ)");

  /* Single-AZ: it converts again, and fails over no more. */
  g_assert_true (rds_db_instance_allows (find_instance (f, "ha-back"), RDS_INSTANCE_ACTION_CONVERT_TO_MULTI_AZ));
  g_assert_false (rds_db_instance_allows (find_instance (f, "ha-back"), RDS_INSTANCE_ACTION_CONVERT_TO_SINGLE_AZ));
  g_assert_false (rds_db_instance_allows (find_instance (f, "ha-back"), RDS_INSTANCE_ACTION_FAILOVER));
  assert_databases_table_cell (f, "ha-back", "Multi-AZ", "No");
  assert_databases_table_cell (f, "ha-back", "Region & AZ", primary);
}

static gboolean
is_fault_panel (GtkWidget     *widget,
                gconstpointer  data)
{
  return RDS_IS_FAULT_PANEL (widget);
}

/* The button of the fault panel a screen reader names @name. */
static gboolean
is_button_named (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "accessible-name"), data) == 0;
}

static gboolean
panel_has_button (Fixture       *f,
                  gconstpointer  data)
{
  return find_widget (((gpointer *) data)[0], is_button_named, ((gpointer *) data)[1]) != NULL;
}

static GtkWidget *
fault_button (Fixture    *f,
              const char *name)
{
  RdsDatabasePage *page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  GtkWidget *panel = find_widget (GTK_WIDGET (page), is_fault_panel, NULL);
  gpointer data[] = { panel, (gpointer) name };

  g_assert_nonnull (panel);
  if (!spin_until (f, panel_has_button, data))
    g_error ("No fault button “%s”", name);
  return find_widget (panel, is_button_named, name);
}

/* An AZ taken down from the fault panel: the Multi-AZ primary fails over,
 * a Single-AZ database is down until the zone returns. */
static void
zone_down (Fixture *f)
{
  RdsTopologyView *view;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;

  create_instance (f, "ha-zone", "postgres", TRUE);
  advance_until (f, "ha-zone", "available");
  primary = g_strdup (zone_of (f, "ha-zone", "availability-zone"));
  secondary = g_strdup (zone_of (f, "ha-zone", "secondary-availability-zone"));
  view = open_topology (f, "ha-zone");

  name = g_strdup_printf ("Availability Zone %s: Take down", primary);
  gtk_widget_activate (fault_button (f, name));
  wait_for_status (f, "ha-zone", "rebooting");
  expected = g_strdup_printf ("Availability Zone %s is down.", primary);
  wait_describes (f, view, expected);
  screenshot (f, GTK_WIDGET (f->window), "topology-zone-down");
  advance_until (f, "ha-zone", "available");
  g_assert_cmpstr (zone_of (f, "ha-zone", "availability-zone"), ==, secondary);

  /* The zone comes back from the same panel. */
  g_free (name);
  name = g_strdup_printf ("Availability Zone %s: Bring back", primary);
  gtk_widget_activate (fault_button (f, name));
  g_free (name);
  name = g_strdup_printf ("Availability Zone %s: Take down", primary);
  fault_button (f, name);
  g_assert_true (spin_until (f, says_no_zone_down, view));
  g_free (expected);
  expected = g_strdup_printf ("Primary ha-zone in %s", secondary);
  wait_describes (f, view, expected);
}

static gboolean
panel_lacks_button (Fixture       *f,
                    gconstpointer  data)
{
  return !panel_has_button (f, data);
}

/* The fault panel no longer offers @name (a host fails only under a
 * running database). */
static void
wait_no_fault_button (Fixture    *f,
                      const char *name)
{
  RdsDatabasePage *page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  gpointer data[] = { find_widget (GTK_WIDGET (page), is_fault_panel, NULL), (gpointer) name };

  g_assert_nonnull (data[0]);
  if (!spin_until (f, panel_lacks_button, data))
    g_error ("The fault panel still offers “%s”", name);
}

/* Advances the clock a minute at a time until the topology says @fragment. */
static void
advance_until_describes (Fixture         *f,
                         RdsTopologyView *view,
                         const char      *fragment)
{
  gpointer data[] = { view, (gpointer) fragment };

  for (guint minutes = 0; minutes < 60 && !spin_until_ms (f, describes_now, data, 200); minutes++)
    advance (f, 60);
  wait_describes (f, view, fragment);
}

/* A Multi-AZ primary's host fails, from the Topology tab's fault panel:
 * RDS fails over to the standby and builds a new one in place of the
 * failed host; then its storage fails, and it fails over again. */
static void
fault_multi_az (Fixture *f)
{
  RdsTopologyView *view;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *expected = NULL;

  create_instance (f, "ha-fault", "mysql", TRUE);
  advance_until (f, "ha-fault", "available");
  first = g_strdup (zone_of (f, "ha-fault", "availability-zone"));
  second = g_strdup (zone_of (f, "ha-fault", "secondary-availability-zone"));
  view = open_topology (f, "ha-fault");
  expected = g_strdup_printf ("Synchronous standby in %s, in sync.", second);
  wait_describes (f, view, expected);

  /* The host: the standby takes over. */
  gtk_widget_activate (fault_button (f, "The primary's host: Fail host"));
  wait_for_status (f, "ha-fault", "rebooting");
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "The host of ha-fault failed");
  wait_describes (f, view, "Failing over to the standby");
  wait_no_fault_button (f, "The primary's host: Fail host");
  screenshot (f, GTK_WIDGET (f->window), "topology-host-failed");
  advance_minutes_until (f, "ha-fault", "available");
  g_assert_cmpstr (zone_of (f, "ha-fault", "availability-zone"), ==, second);
  g_free (expected);
  expected = g_strdup_printf ("Primary ha-fault in %s, Available. The endpoint points at it.", second);
  wait_describes (f, view, expected);
  assert_event (f, "ha-fault", "Multi-AZ failover to standby complete");
  /* The failed host goes; a new standby is built, in sync in minutes. */
  wait_describes (f, view, "Standby being created in");
  advance_until_describes (f, view, "Synchronous standby in");
  g_assert_true (rds_shape_get_boolean (RDS_SHAPE (find_instance (f, "ha-fault")), "multi-az"));
  g_assert_cmpstr (rds_db_instance_get_status (find_instance (f, "ha-fault")), ==, "available");
  g_free (first);
  g_free (second);
  first = g_strdup (zone_of (f, "ha-fault", "availability-zone"));
  second = g_strdup (zone_of (f, "ha-fault", "secondary-availability-zone"));
  g_assert_nonnull (second);
  g_assert_cmpstr (second, !=, first);
  assert_databases_table_cell (f, "ha-fault", "Region & AZ", first);
  assert_databases_table_cell (f, "ha-fault", "Multi-AZ", "Yes");

  /* The storage, long enough after (one too soon would be abandoned):
   * the standby has its own copy and takes over again. */
  advance (f, 15 * 60);
  view = open_topology (f, "ha-fault");
  gtk_widget_activate (fault_button (f, "The primary's storage: Fail storage"));
  wait_for_status (f, "ha-fault", "rebooting");
  g_assert_cmpstr (rds_window_get_last_toast (f->window), ==, "The storage of ha-fault failed");
  wait_describes (f, view, "Failing over to the standby");
  advance_minutes_until (f, "ha-fault", "available");
  g_assert_cmpstr (zone_of (f, "ha-fault", "availability-zone"), ==, second);
  g_free (expected);
  expected = g_strdup_printf ("Primary ha-fault in %s, Available. The endpoint points at it.", second);
  wait_describes (f, view, expected);
  assert_databases_table_cell (f, "ha-fault", "Region & AZ", second);
  assert_databases_table_cell (f, "ha-fault", "Status", "Available");
}

/* A Single-AZ database's host fails: no standby to take over, it is
 * unavailable while RDS moves it to a new host, in its zone; then its
 * storage fails, and RDS restores it from its automated backups. */
static void
fault_single_az (Fixture *f)
{
  RdsTopologyView *view;
  g_autofree char *zone = NULL;
  g_autofree char *down = NULL;
  g_autofree char *up = NULL;

  create_instance (f, "solo", "postgres", FALSE);
  advance_until (f, "solo", "available");
  g_assert_cmpint (rds_shape_get_int (RDS_SHAPE (find_instance (f, "solo")), "backup-retention-period"), >, 0);
  zone = g_strdup (zone_of (f, "solo", "availability-zone"));
  down = g_strdup_printf ("Primary solo in %s, Rebooting.", zone);
  up = g_strdup_printf ("Primary solo in %s, Available. The endpoint points at it.", zone);
  view = open_topology (f, "solo");
  wait_describes (f, view, up);

  /* The host. */
  gtk_widget_activate (fault_button (f, "The primary's host: Fail host"));
  wait_for_status (f, "solo", "rebooting");
  wait_describes (f, view, down);
  wait_no_fault_button (f, "The primary's host: Fail host");
  {
    g_autofree char *text = rds_topology_view_describe (view);

    g_assert_null (strstr (text, "Failing over"));
    g_assert_null (strstr (text, "Standby"));
  }
  assert_event (f, "solo", "Recovery of the DB instance has started.");
  screenshot (f, GTK_WIDGET (f->window), "topology-single-az-host-failed");
  advance (f, 4 * 60);
  g_assert_cmpstr (rds_db_instance_get_status (find_instance (f, "solo")), ==, "rebooting");
  assert_databases_table_cell (f, "solo", "Status", "Rebooting");
  view = open_topology (f, "solo");
  advance_minutes_until (f, "solo", "available");
  g_assert_cmpstr (zone_of (f, "solo", "availability-zone"), ==, zone);
  wait_describes (f, view, up);
  assert_event (f, "solo", "Recovery of the DB instance is complete.");

  /* The storage: restored from backups, which takes longer. */
  gtk_widget_activate (fault_button (f, "The primary's storage: Fail storage"));
  wait_for_status (f, "solo", "rebooting");
  wait_describes (f, view, down);
  advance (f, 15 * 60);
  g_assert_cmpstr (rds_db_instance_get_status (find_instance (f, "solo")), ==, "rebooting");
  advance_minutes_until (f, "solo", "available");
  wait_describes (f, view, up);
  assert_event (f, "solo", "restored from its automated backups");
  assert_databases_table_cell (f, "solo", "Status", "Available");
  assert_databases_table_cell (f, "solo", "Region & AZ", zone);
  assert_databases_table_cell (f, "solo", "Multi-AZ", "No");
}

/* Read replicas in the topology, with their lag; Promote from the menu. */
static void
replicas (Fixture *f)
{
  g_autoptr(RdsRequest) request = rds_request_new ("CreateDBInstanceReadReplica");
  RdsTopologyView *view;
  RdsDatabasePage *page;
  RdsActionDialog *dialog;

  create_instance (f, "shop", "mysql", FALSE);
  advance_until (f, "shop", "available");
  rds_request_set (request, "DBInstanceIdentifier", "shop-reader");
  rds_request_set (request, "SourceDBInstanceIdentifier", "shop");
  call (f, request);
  advance (f, 30 * 60);
  advance_until (f, "shop-reader", "available");
  advance (f, 10 * 60);

  view = open_topology (f, "shop");
  wait_describes (f, view, "Read replica shop-reader in");
  wait_describes (f, view, "lag ");
  screenshot (f, GTK_WIDGET (f->window), "topology-replicas");

  /* The replica's own page shows the same family, and can promote. */
  view = open_topology (f, "shop-reader");
  wait_describes (f, view, "Primary shop in");
  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "db.promote", NULL));
  dialog = RDS_ACTION_DIALOG (find_toplevel (RDS_TYPE_ACTION_DIALOG));
  g_assert_nonnull (dialog);
  screenshot (f, GTK_WIDGET (dialog), "dialog-promote-replica");
  rds_action_dialog_submit (dialog);
  wait_for_status (f, "shop-reader", "modifying");
  advance (f, 5 * 60);
  advance_until (f, "shop-reader", "available");
  g_assert_null (rds_shape_get_string (RDS_SHAPE (find_instance (f, "shop-reader")),
                                       "read-replica-source-db-instance-identifier"));
  wait_describes (f, view, "Primary shop-reader in");
}

/* Another Region chosen: a wizard bound to a database of the Region that
 * was goes with it, rather than send its request to the new one. */
static void
region_switch (Fixture *f)
{
  GtkDropDown *regions;
  const RdsRegion *all;
  guint n;

  create_instance (f, "switch-src", "postgres", FALSE);
  advance_until (f, "switch-src", "available");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.create-read-replica", "s", "switch-src"));
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "create-read-replica");

  regions = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->window), RDS_TYPE_WINDOW, "region_dropdown"));
  all = rds_region_get_all (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (all[i].name, "us-west-2"))
      gtk_drop_down_set_selected (regions, i);
  g_assert_cmpstr (rds_session_get_region (f->session), ==, "us-west-2");
  g_assert_cmpstr (rds_window_get_page (f->window), ==, "databases");
}

int
main (int   argc,
      char *argv[])
{
  console_test_init (&argc, &argv);

  CONSOLE_TEST_ADD ("/console/availability/convert", convert);
  CONSOLE_TEST_ADD ("/console/availability/convert-in-window", convert_in_window);
  CONSOLE_TEST_ADD ("/console/availability/convert-back", convert_back);
  CONSOLE_TEST_ADD ("/console/availability/failover", failover);
  CONSOLE_TEST_ADD ("/console/availability/fault-multi-az", fault_multi_az);
  CONSOLE_TEST_ADD ("/console/availability/fault-single-az", fault_single_az);
  CONSOLE_TEST_ADD ("/console/availability/zone-down", zone_down);
  CONSOLE_TEST_ADD ("/console/availability/replicas", replicas);
  CONSOLE_TEST_ADD ("/console/availability/region-switch", region_switch);

  return g_test_run ();
}
