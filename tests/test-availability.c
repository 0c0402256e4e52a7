/* test-availability.c: Multi-AZ, failover, faults and read replicas as the console shows them:
 * the Convert to Multi-AZ wizard, the topology, the fault controls and Promote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "console-test.h"
#include "rds-convert-multi-az-wizard.h"
#include "rds-region.h"
#include "rds-fault-panel.h"
#include "rds-topology-view.h"

static gboolean
is_topology (GtkWidget     *widget,
             gconstpointer  data)
{
  return RDS_IS_TOPOLOGY_VIEW (widget);
}

static RdsTopologyView *
open_topology (Fixture    *f,
               const char *identifier)
{
  RdsDatabasePage *page;
  GtkWidget *tabs;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-database", "s", identifier));
  page = RDS_DATABASE_PAGE (rds_window_get_page_widget (f->window, "database"));
  tabs = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), RDS_TYPE_DATABASE_PAGE, "tabs"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (tabs), "topology");
  wait_for_frames (f, tabs);
  return RDS_TOPOLOGY_VIEW (find_widget (GTK_WIDGET (page), is_topology, NULL));
}

/* The view says @fragment, once it asked the simulator again. */
static gboolean
describes (Fixture       *f,
           gconstpointer  data)
{
  RdsTopologyView *view = ((gpointer *) data)[0];
  const char *fragment = ((gpointer *) data)[1];
  g_autofree char *text = rds_topology_view_describe (view);

  if (strstr (text, fragment) != NULL)
    return TRUE;
  rds_topology_view_refresh (view);
  return FALSE;
}

static void
wait_describes (Fixture         *f,
                RdsTopologyView *view,
                const char      *fragment)
{
  gpointer data[] = { view, (gpointer) fragment };

  if (!spin_until (f, describes, data))
    {
      g_autofree char *text = rds_topology_view_describe (view);

      g_error ("The topology says “%s”, not “%s”", text, fragment);
    }
}

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
  CONSOLE_TEST_ADD ("/console/availability/failover", failover);
  CONSOLE_TEST_ADD ("/console/availability/zone-down", zone_down);
  CONSOLE_TEST_ADD ("/console/availability/replicas", replicas);
  CONSOLE_TEST_ADD ("/console/availability/region-switch", region_switch);

  return g_test_run ();
}
