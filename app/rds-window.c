/* rds-window.c: the console's main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laid out like the RDS console: a navigation sidebar (Dashboard,
 * Databases, Snapshots, Events), a header bar with the Region, the
 * simulator's clock and the main menu, and the page. A database's page and
 * the wizards open over the page they came from, and Back returns to it.
 * Results come as toasts; when a long operation ends while the window is
 * not focused, a desktop notification says so. Size, last page and Region
 * are remembered.
 */

#include "config.h"

#include "rds-window.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rds-activity-watcher.h"
#include "rds-application.h"
#include "rds-clock-control.h"
#include "rds-cluster-page.h"
#include "rds-connection-store.h"
#include "rds-accessible-names.h"
#include "rds-create-database-wizard.h"
#include "rds-create-replica-wizard.h"
#include "rds-restore-database-wizard.h"
#include "rds-dashboard-page.h"
#include "rds-database-page.h"
#include "rds-databases-page.h"
#include "rds-db-instance.h"
#include "rds-encrypt-database-wizard.h"
#include "rds-encrypt-job.h"
#include "rds-events-page.h"
#include "rds-format.h"
#include "rds-modify-database-wizard.h"
#include "rds-info-panel.h"
#include "rds-ports-page.h"
#include "rds-region.h"
#include "rds-sample-environment.h"
#include "rds-secrets.h"
#include "rds-session.h"
#include "rds-snapshot-page.h"
#include "rds-snapshots-page.h"
#include "rds-keys-page.h"
#include "rds-backups-page.h"
#include "rds-widget-util.h"
#include "rds-word-wrap.h"

struct _RdsWindow
{
  AdwApplicationWindow  parent_instance;

  RdsSession           *session;
  GSettings            *settings;
  GCancellable         *cancellable;
  RdsActivityWatcher   *instance_watcher;
  RdsActivityWatcher   *snapshot_watcher;
  GSignalGroup         *list_signals;
  GSignalGroup         *session_signals;
  GSignalGroup         *jobs_signals;     /* the session's encryption jobs */
  GMenu                *connection_menu;
  char                 *previous_page;
  char                 *reference_return; /* where a reference page was opened from */
  char                 *last_toast;
  AdwToast             *progress_toast;  /* while the sample environment is made */
  gboolean              sample_offered;
  gboolean              quiet;          /* no toasts, no notifications */
  gboolean              keyring_warned;
  gboolean              state_warned;
  gboolean              selecting_page;

  /* Template */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *navigation;
  GtkWidget            *back_button;
  GtkDropDown          *region_dropdown;
  AdwWindowTitle       *page_title;
  RdsClockControl      *clock_control;
  GtkStack             *stack;
  AdwStatusPage        *failed_page;
  AdwStatusPage        *starting_page;
  GtkWidget            *starting_spinner;
  guint                 spinner_timeout;
  AdwWindowTitle       *sidebar_title;
  GtkMenuButton        *connection_button;
  GtkMenuButton        *primary_button;
  GMenuModel           *primary_menu;
  GtkWidget            *failed_connections_button;
  GtkRevealer          *problem_revealer;
  GtkLabel             *problem_label;
  AdwFlap              *info_flap;
  GtkWidget            *info_panel;      /* made when first opened */
  GtkWidget            *info_return;     /* weak: where the focus was before F1 */
};

G_DEFINE_FINAL_TYPE (RdsWindow, rds_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_INFO_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every page of the window, made when first shown. Those with an icon are
 * the sidebar’s rows, first and in its order (Alt+1 to Alt+6). A
 * reference page is looked up on the way (from a wizard's Info): Back
 * returns to wherever it was opened from, a wizard included. */
static const struct
{
  const char *name;
  const char *title;
  const char *icon;
  GType     (*get_type) (void);
  gboolean    reference;
  const char *section;    /* outside the sidebar: the row it is part of (NULL: Databases) */
} pages[] = {
  { "dashboard", N_("Dashboard"), "view-grid-symbolic", rds_dashboard_page_get_type },
  { "databases", N_("Databases"), "drive-multidisk-symbolic", rds_databases_page_get_type },
  { "snapshots", N_("Snapshots"), "camera-photo-symbolic", rds_snapshots_page_get_type },
  { "automated-backups", N_("Automated backups"), "document-open-recent-symbolic", rds_backups_page_get_type },
  { "events", N_("Events"), "x-office-calendar-symbolic", rds_events_page_get_type },
  { "keys", N_("KMS keys"), "dialog-password-symbolic", rds_keys_page_get_type },
  { "database", N_("Database"), NULL, rds_database_page_get_type },
  { "cluster", N_("DB cluster"), NULL, rds_cluster_page_get_type },
  { "snapshot", N_("Snapshot"), NULL, rds_snapshot_page_get_type, FALSE, "snapshots" },
  { "ports", N_("Ports Reference"), NULL, rds_ports_page_get_type, TRUE },
};

static guint
n_sidebar_pages (void)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (pages) && pages[n].icon != NULL)
    n++;
  return n;
}

static GtkWidget *
ensure_page (RdsWindow  *self,
             const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  if (page != NULL)
    return page;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, name))
      {
        page = g_object_new (pages[i].get_type (), "session", self->session, NULL);
        if (RDS_IS_DATABASES_PAGE (page) && self->settings != NULL)
          g_settings_bind (self->settings, "databases-page-size", page, "page-size", G_SETTINGS_BIND_DEFAULT);
        gtk_stack_add_titled (self->stack, page, name, _(pages[i].title));
        return page;
      }

  return NULL;
}

/**
 * rds_window_get_page_names:
 *
 * Returns: (transfer none): every page the window shows, its wizards
 *   included, for the screenshots' scenes to cover them all
 */
const char * const *
rds_window_get_page_names (void)
{
  static const char *names[G_N_ELEMENTS (pages) + 5];

  if (names[0] == NULL)
    {
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        names[n++] = pages[i].name;
      names[n++] = "create-database";
      names[n++] = "modify-database";
      names[n++] = "create-read-replica";
      names[n++] = "restore-database";
    }
  return names;
}

static gboolean
is_reference_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return pages[i].reference;
  return FALSE;
}

/* The sidebar's row a page outside it is part of: a snapshot's page,
 * Snapshots; a database's page and the wizards, Databases. */
static const char *
section_of (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].name, name) == 0 && pages[i].section != NULL)
      return pages[i].section;
  return "databases";
}

static gboolean
is_top_page (const char *name)
{
  for (guint i = 0; i < n_sidebar_pages (); i++)
    if (g_strcmp0 (pages[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

/* Pages */

static void
update_title (RdsWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  GtkStackPage *page = child != NULL ? gtk_stack_get_page (self->stack, child) : NULL;
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  const char *title = page != NULL ? gtk_stack_page_get_title (page) : NULL;
  const char *subtitle = NULL;

  if (g_strcmp0 (name, "database") == 0)
    {
      title = rds_database_page_get_identifier (RDS_DATABASE_PAGE (child));
      subtitle = _("Database");
    }
  else if (g_strcmp0 (name, "snapshot") == 0)
    {
      title = rds_snapshot_page_get_identifier (RDS_SNAPSHOT_PAGE (child));
      subtitle = _("DB snapshot");
    }
  else if (g_strcmp0 (name, "cluster") == 0)
    {
      title = rds_cluster_page_get_identifier (RDS_CLUSTER_PAGE (child));
      subtitle = _("DB cluster");
    }

  adw_window_title_set_title (self->page_title, title != NULL ? title : "");
  adw_window_title_set_subtitle (self->page_title, subtitle);
  gtk_widget_set_visible (self->back_button, name != NULL && !is_top_page (name) &&
                          self->session != NULL);
}

static void
select_navigation_row (RdsWindow  *self,
                       const char *name)
{
  for (guint i = 0; i < n_sidebar_pages (); i++)
    if (g_str_equal (pages[i].name, name))
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->navigation, i);

        self->selecting_page = TRUE;
        gtk_list_box_select_row (self->navigation, row);
        self->selecting_page = FALSE;
        return;
      }
}

/**
 * rds_window_show_page:
 * @name: "dashboard", "databases", "snapshots", "events", "database",
 *   "create-database", "modify-database" or "create-read-replica"
 */
/* The keyboard's place after a page shows: a database's page or a wizard
 * (opened by an action, Ctrl+N or a link) takes the focus, on its first
 * control, so Tab and typing start there rather than in the header; so
 * does any page when the focus went with the page before (a wizard done,
 * Back from a database).
 * A page chosen in the sidebar leaves the focus on the sidebar. */
static void
focus_into_page (RdsWindow  *self,
                 const char *name)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (page == NULL || (focus != NULL && gtk_widget_is_ancestor (focus, page)))
    return;
  /* Focus left in the page before, now behind, is as good as lost. */
  if (focus == NULL || !is_top_page (name) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

void
rds_window_show_page (RdsWindow  *self,
                      const char *name)
{
  const char *current;

  g_return_if_fail (RDS_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (self->session == NULL || ensure_page (self, name) == NULL)
    return;

  current = gtk_stack_get_visible_child_name (self->stack);
  if (is_reference_page (name) && current != NULL && !is_reference_page (current))
    {
      g_free (self->reference_return);
      self->reference_return = g_strdup (current);
    }
  else if (g_strcmp0 (current, name) != 0 && current != NULL && is_top_page (current) &&
           !is_top_page (name))
    {
      g_free (self->previous_page);
      self->previous_page = g_strdup (current);
    }

  gtk_stack_set_visible_child_name (self->stack, name);
  rds_accessible_name_controls (gtk_stack_get_visible_child (self->stack));
  rds_word_wrap_all (gtk_stack_get_visible_child (self->stack));

  if (is_top_page (name))
    {
      select_navigation_row (self, name);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-page", name);
    }
  else if (!is_reference_page (name))
    /* A database's page and its wizards are part of Databases, a
     * snapshot's page of Snapshots, wherever they were opened from (Back
     * still returns there); a reference page is part of none, and leaves
     * the sidebar as it was. */
    select_navigation_row (self, section_of (name));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_title (self);
  focus_into_page (self, name);
}

const char *
rds_window_get_page (RdsWindow *self)
{
  g_return_val_if_fail (RDS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * rds_window_get_page_widget:
 *
 * Returns: (transfer none) (nullable): the page called @name
 */
GtkWidget *
rds_window_get_page_widget (RdsWindow  *self,
                            const char *name)
{
  g_return_val_if_fail (RDS_IS_WINDOW (self), NULL);

  return ensure_page (self, name);
}

void
rds_window_go_back (RdsWindow *self)
{
  const char *current;

  g_return_if_fail (RDS_IS_WINDOW (self));

  current = gtk_stack_get_visible_child_name (self->stack);
  if (current == NULL || is_top_page (current))
    {
      /* Folded, Back from a page of the sidebar shows the sidebar. */
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      return;
    }

  if (is_reference_page (current) && self->reference_return != NULL &&
      gtk_stack_get_child_by_name (self->stack, self->reference_return) != NULL)
    {
      rds_window_show_page (self, self->reference_return);
      return;
    }
  rds_window_show_page (self, self->previous_page != NULL ? self->previous_page : "databases");
}

/* The sidebar is one Tab stop, as a list of pages is: Tab goes into its
 * current row and on out of the sidebar, the arrow keys go from row to
 * row (and page to page). A GtkListBox selects each row Tab reaches,
 * which went through every page. Only the selected row takes the focus
 * from Tab; it keeps the focus as the arrows move the selection. */
static void
update_navigation_focus (RdsWindow     *self,
                         GtkListBoxRow *selected)
{
  gboolean had_focus;

  if (self->navigation == NULL) /* disposed */
    return;

  had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->navigation)) != NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->navigation));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      gtk_widget_set_focusable (row, selected == NULL || row == GTK_WIDGET (selected));
  if (had_focus && selected != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (selected));
}

static void
navigation_row_selected_cb (RdsWindow     *self,
                            GtkListBoxRow *row)
{
  const char *current;
  int index;

  update_navigation_focus (self, row);
  if (row == NULL || self->selecting_page || self->stack == NULL)
    return;

  /* GtkListBox says its selected row is selected again when the focus
   * comes back into it (as the leaflet unfolds); the page stays. */
  current = gtk_stack_get_visible_child_name (self->stack);
  index = gtk_list_box_row_get_index (row);
  if (index >= 0 && index < (int) n_sidebar_pages () && current != NULL &&
      g_str_equal (pages[index].name, is_top_page (current) ? current : section_of (current)))
    return;
  if (index >= 0 && index < (int) n_sidebar_pages ())
    rds_window_show_page (self, pages[index].name);
}

static void
navigation_row_activated_cb (RdsWindow     *self,
                             GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  /* Clicking the current page's row still leaves a database's page. */
  if (index >= 0 && index < (int) n_sidebar_pages ())
    rds_window_show_page (self, pages[index].name);
}

void
rds_window_open_database (RdsWindow  *self,
                          const char *identifier)
{
  g_return_if_fail (RDS_IS_WINDOW (self));
  g_return_if_fail (identifier != NULL);

  rds_database_page_set_identifier (RDS_DATABASE_PAGE (ensure_page (self, "database")), identifier);
  rds_window_show_page (self, "database");
}

/* Wizards: one of each at a time, kept (with what was typed) until done
 * or cancelled. */

/* Takes @wizard out once another page shows, with the focus out of it
 * first: a field that still had it warned that it lost it unseen. */
static void
remove_wizard (RdsWindow *self,
               GtkWidget *wizard)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (wizard == NULL || gtk_stack_get_page (self->stack, wizard) == NULL)
    return;
  if (focus != NULL && (focus == wizard || gtk_widget_is_ancestor (focus, wizard)))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_remove (self->stack, wizard);
}

static void
wizard_done_cb (RdsWindow *self,
                GtkWidget *wizard)
{
  if (gtk_stack_get_visible_child (self->stack) == wizard)
    rds_window_go_back (self);
  remove_wizard (self, wizard);
}

static void
database_created_cb (RdsWindow  *self,
                     const char *identifier,
                     GtkWidget  *wizard)
{
  rds_window_show_page (self, "databases");
  remove_wizard (self, wizard);
  rds_databases_page_select (RDS_DATABASES_PAGE (ensure_page (self, "databases")), identifier);
}

void
rds_window_create_database (RdsWindow *self)
{
  GtkWidget *wizard;

  g_return_if_fail (RDS_IS_WINDOW (self));

  if (self->session == NULL)
    return;

  wizard = gtk_stack_get_child_by_name (self->stack, "create-database");
  if (wizard == NULL)
    {
      RdsApplication *app = RDS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      RdsSecrets *secrets = app != NULL ? rds_application_get_secrets (app) : NULL;

      wizard = GTK_WIDGET (rds_create_database_wizard_new (self->session, secrets));
      gtk_stack_add_titled (self->stack, wizard, "create-database", _("Create database"));
      g_signal_connect_object (wizard, "cancelled", G_CALLBACK (wizard_done_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (wizard, "created", G_CALLBACK (database_created_cb), self,
                               G_CONNECT_SWAPPED);
    }

  rds_window_show_page (self, "create-database");
}

static void
database_modified_cb (RdsWindow  *self,
                      const char *identifier,
                      GtkWidget  *wizard)
{
  rds_window_open_database (self, identifier);
  remove_wizard (self, wizard);
}

void
rds_window_modify_database (RdsWindow     *self,
                            RdsDbInstance *instance)
{
  GtkWidget *wizard;

  g_return_if_fail (RDS_IS_WINDOW (self));
  g_return_if_fail (RDS_IS_DB_INSTANCE (instance));

  if (self->session == NULL)
    return;

  /* Modifying another instance starts over, once a modification in
   * flight has its answer. */
  wizard = gtk_stack_get_child_by_name (self->stack, "modify-database");
  if (wizard != NULL && !rds_modify_database_wizard_get_busy (RDS_MODIFY_DATABASE_WIZARD (wizard)) &&
      rds_modify_database_wizard_get_instance (RDS_MODIFY_DATABASE_WIZARD (wizard)) != instance)
    {
      remove_wizard (self, wizard);
      wizard = NULL;
    }

  if (wizard == NULL)
    {
      RdsApplication *app = RDS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      RdsSecrets *secrets = app != NULL ? rds_application_get_secrets (app) : NULL;

      wizard = GTK_WIDGET (rds_modify_database_wizard_new (self->session, instance, secrets));
      gtk_stack_add_titled (self->stack, wizard, "modify-database", _("Modify DB instance"));
      g_signal_connect_object (wizard, "cancelled", G_CALLBACK (wizard_done_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (wizard, "modified", G_CALLBACK (database_modified_cb), self,
                               G_CONNECT_SWAPPED);
    }

  rds_window_show_page (self, "modify-database");
}

static void
replica_created_cb (RdsWindow  *self,
                    const char *identifier,
                    const char *region,
                    GtkWidget  *wizard)
{
  rds_window_show_page (self, "databases");
  remove_wizard (self, wizard);
  /* One in another Region is in that Region's list, not this one's. */
  if (self->session != NULL && g_strcmp0 (region, rds_session_get_region (self->session)) == 0)
    rds_databases_page_select (RDS_DATABASES_PAGE (ensure_page (self, "databases")), identifier);
}

/**
 * rds_window_create_read_replica:
 * @source: the DB instance to replicate
 *
 * Opens Create read replica for @source, as the Actions menu does.
 */
void
rds_window_create_read_replica (RdsWindow     *self,
                                RdsDbInstance *source)
{
  GtkWidget *wizard;

  g_return_if_fail (RDS_IS_WINDOW (self));
  g_return_if_fail (RDS_IS_DB_INSTANCE (source));

  if (self->session == NULL)
    return;

  /* Another source starts over, once a creation in flight has its answer. */
  wizard = gtk_stack_get_child_by_name (self->stack, "create-read-replica");
  if (wizard != NULL && !rds_create_replica_wizard_get_busy (RDS_CREATE_REPLICA_WIZARD (wizard)) &&
      rds_create_replica_wizard_get_source (RDS_CREATE_REPLICA_WIZARD (wizard)) != source)
    {
      remove_wizard (self, wizard);
      wizard = NULL;
    }

  if (wizard == NULL)
    {
      wizard = GTK_WIDGET (rds_create_replica_wizard_new (self->session, source));
      gtk_stack_add_titled (self->stack, wizard, "create-read-replica", _("Create read replica"));
      g_signal_connect_object (wizard, "cancelled", G_CALLBACK (wizard_done_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (wizard, "created", G_CALLBACK (replica_created_cb), self,
                               G_CONNECT_SWAPPED);
    }

  rds_window_show_page (self, "create-read-replica");
}

/* Restore to point in time, or Restore snapshot: one wizard at a time,
 * started over for another source once a restore in flight has its
 * answer; the restored instance shows chosen in Databases, as a created
 * one does. */
static void
show_restore_wizard (RdsWindow *self,
                     gpointer   source)
{
  GtkWidget *wizard = gtk_stack_get_child_by_name (self->stack, "restore-database");

  if (wizard != NULL && !rds_restore_database_wizard_get_busy (RDS_RESTORE_DATABASE_WIZARD (wizard)) &&
      rds_restore_database_wizard_get_source (RDS_RESTORE_DATABASE_WIZARD (wizard)) != source)
    {
      remove_wizard (self, wizard);
      wizard = NULL;
    }

  if (wizard == NULL)
    {
      wizard = GTK_WIDGET (rds_restore_database_wizard_new (self->session, source));
      gtk_stack_add_titled (self->stack, wizard, "restore-database",
                            RDS_IS_DB_SNAPSHOT (source) ? _("Restore snapshot") : _("Restore to point in time"));
      g_signal_connect_object (wizard, "cancelled", G_CALLBACK (wizard_done_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (wizard, "created", G_CALLBACK (database_created_cb), self,
                               G_CONNECT_SWAPPED);
    }

  rds_window_show_page (self, "restore-database");
}

/* Toasts and notifications */

/* Screenshots for docs show what a page shows, not what happened on the
 * way: a quiet window shows no toasts and sends no notifications. */
void
rds_window_set_quiet (RdsWindow *self,
                      gboolean   quiet)
{
  g_return_if_fail (RDS_IS_WINDOW (self));

  self->quiet = quiet;
}

void
rds_window_add_toast (RdsWindow  *self,
                      const char *title)
{
  AdwToast *toast;

  g_return_if_fail (RDS_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  if (self->quiet)
    return;
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  /* The toast shown (a queued one waits) gets names a screen reader can say. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != adw_toast_overlay_get_child (self->toast_overlay))
      {
        rds_accessible_name_controls (child);
        rds_word_wrap_all (child);
      }
  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
}

/**
 * rds_window_get_last_toast:
 *
 * Returns: (nullable): the title of the last toast shown, or queued
 */
const char *
rds_window_get_last_toast (RdsWindow *self)
{
  g_return_val_if_fail (RDS_IS_WINDOW (self), NULL);

  return self->last_toast;
}

/* An error that belongs to no field: the service's message, as a toast. */
void
rds_window_show_error (RdsWindow    *self,
                       const GError *error)
{
  AdwToast *toast;

  g_return_if_fail (RDS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_free (self->last_toast);
  self->last_toast = g_strdup (error->message);
}

static char *
describe_finished (const char *key,
                   const char *to,
                   gboolean    snapshot)
{
  g_autofree char *status = NULL;

  if (to == NULL)
    /* Translators: %s is a DB instance or snapshot identifier */
    return g_strdup_printf (snapshot ? _("Snapshot %s was deleted") : _("%s was deleted"), key);

  status = rds_format_status (NULL, to);
  /* Translators: "database-1 is now Available"; the second %s is a status */
  return g_strdup_printf (snapshot ? _("Snapshot %s is now %s") : _("%s is now %s"), key, status);
}

static void
finished_cb (RdsWindow          *self,
             RdsShape           *item,
             const char         *key,
             const char         *from,
             const char         *to,
             RdsActivityWatcher *watcher)
{
  gboolean snapshot = watcher == self->snapshot_watcher;
  g_autofree char *text = describe_finished (key, to, snapshot);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  gboolean notify = self->settings == NULL ||
                    g_settings_get_boolean (self->settings, "notify-when-done");

  /* The sample environment is on its way: its own toast tells of it. */
  if (self->progress_toast != NULL || self->quiet)
    return;

  rds_window_add_toast (self, text);

  if (app != NULL && notify && !gtk_window_is_active (GTK_WINDOW (self)))
    {
      g_autoptr(GNotification) notification = g_notification_new (text);
      g_autofree char *id = g_strconcat (snapshot ? "snapshot:" : "instance:", key, NULL);

      g_notification_set_body (notification, _("RDS Console"));
      g_notification_set_default_action (notification, "app.activate");
      g_application_send_notification (app, id, notification);
    }
}

/* The first start: an empty console or a living one */

static void
sample_created_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RdsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->progress_toast != NULL)
    adw_toast_dismiss (self->progress_toast);
  g_clear_object (&self->progress_toast);
  /* Its databases became available and one stopped: that is what "ready"
   * says, not seven toasts more. */
  rds_activity_watcher_reset (self->instance_watcher);
  rds_activity_watcher_reset (self->snapshot_watcher);

  if (!rds_sample_environment_create_finish (RDS_SESSION (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rds_window_show_error (self, error);
      return;
    }

  rds_window_add_toast (self, _("The sample environment is ready"));
}

static void
sample_response_cb (RdsWindow   *self,
                    const char  *response,
                    AdwMessageDialog *dialog)
{
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "sample-offer-answered", TRUE);

  if (g_strcmp0 (response, "sample") == 0 && self->session != NULL)
    {
      /* Shown until the environment is ready: it takes a few seconds. */
      g_clear_object (&self->progress_toast);
      self->progress_toast = adw_toast_new (_("Creating the sample environment…"));
      adw_toast_set_timeout (self->progress_toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->progress_toast));
      g_free (self->last_toast);
      self->last_toast = g_strdup (adw_toast_get_title (self->progress_toast));
      rds_sample_environment_create_async (self->session, self->cancellable, sample_created_cb,
                                           g_object_ref (self));
      rds_window_show_page (self, "databases");
    }
}

/* The first start's offer: the sample environment, or empty. */
static void
present_sample_offer (RdsWindow *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Welcome to RDS Console"), NULL));
  adw_message_dialog_set_body (dialog,
                               _("The simulated RDS is empty. Start with a sample environment: "
                                 "five databases of different engines, one of them Multi-AZ, one "
                                 "stopped, and a snapshot. Or start empty and create your own."));
  adw_message_dialog_add_responses (dialog,
                                    "empty", _("Start _Empty"),
                                    "sample", _("Add _Sample Databases"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "sample", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "sample");
  adw_message_dialog_set_close_response (dialog, "empty");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sample_response_cb), self,
                           G_CONNECT_SWAPPED);
  rds_accessible_name_controls (GTK_WIDGET (dialog));
  rds_word_wrap_all (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
maybe_offer_sample (RdsWindow *self)
{
  RdsResourceList *instances, *snapshots;

  if (self->sample_offered || self->session == NULL || !rds_session_is_simulator (self->session))
    return;
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "sample-offer-answered"))
    return;

  instances = rds_session_get_instances (self->session);
  snapshots = rds_session_get_snapshots (self->session);
  if (!rds_resource_list_get_loaded (instances) || !rds_resource_list_get_loaded (snapshots))
    return;

  self->sample_offered = TRUE;
  if (g_list_model_get_n_items (rds_resource_list_get_model (instances)) > 0 ||
      g_list_model_get_n_items (rds_resource_list_get_model (snapshots)) > 0)
    return;

  present_sample_offer (self);
}

/* Session */

static void
set_pages_session (RdsWindow  *self,
                   RdsSession *session)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "session") != NULL)
        g_object_set (child, "session", session, NULL);
    }
  rds_clock_control_set_session (self->clock_control, session);
}

static void
select_region_in_dropdown (RdsWindow  *self,
                           const char *region)
{
  guint n;
  const RdsRegion *regions = rds_region_get_all (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (regions[i].name, region))
      {
        gtk_drop_down_set_selected (self->region_dropdown, i);
        return;
      }
}

/* Why the lists could not be refreshed, above the page, until they are. */
static void
update_problem (RdsWindow *self)
{
  const GError *problem = self->session != NULL ? rds_session_get_problem (self->session) : NULL;

  if (problem != NULL)
    gtk_label_set_label (self->problem_label, problem->message);
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);
}

/* Encryption jobs: saved as they go, so that a console closed half way
 * shows where they stopped when it opens again on the same endpoint. */

/* Whose a saved job is: the embedded simulator's (its port changes from
 * one start to the next), or a connection's at its endpoint (AWS itself
 * has none: the connection says which account). */
static char *
jobs_owner (RdsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char *embedded = RDS_IS_APPLICATION (app) ? rds_application_get_simulator_url (RDS_APPLICATION (app)) : NULL;
  const char *endpoint = rds_session_get_endpoint (self->session);
  g_autofree char *connection = g_settings_get_string (self->settings, "connection");

  if (embedded != NULL && g_strcmp0 (embedded, endpoint) == 0)
    return g_strdup ("embedded");
  return g_strdup_printf ("%s %s", connection, endpoint != NULL ? endpoint : "aws");
}

static void
save_jobs (RdsWindow *self)
{
  g_auto(GStrv) saved = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;
  g_autofree char *owner = NULL;
  GListModel *jobs;

  if (self->settings == NULL || self->session == NULL)
    return;
  owner = jobs_owner (self);

  /* Other connections' stay as they are. */
  saved = g_settings_get_strv (self->settings, "encrypt-jobs");
  for (guint i = 0; saved[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (saved[i], NULL);
      JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (object != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (object, "owner", NULL), owner) != 0)
        g_strv_builder_add (builder, saved[i]);
    }

  jobs = rds_session_get_jobs (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(RdsEncryptJob) job = g_list_model_get_item (jobs, i);
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      if (rds_encrypt_job_get_step (job) >= RDS_ENCRYPT_STEP_DONE)
        continue;
      node = rds_encrypt_job_to_json (job);
      json_object_set_string_member (json_node_get_object (node), "owner", owner);
      text = json_to_string (node, FALSE);
      g_strv_builder_add (builder, text);
    }
  next = g_strv_builder_end (builder);
  /* A job says it changed as its step's progress moves: that isn't saved. */
  if (!g_strv_equal ((const char * const *) saved, (const char * const *) next))
    g_settings_set_strv (self->settings, "encrypt-jobs", (const char * const *) next);
}

/* A job done leaves the session (its wizard keeps it to show): Encrypt
 * database starts afresh after it. */
static void
job_changed_cb (RdsWindow     *self,
                RdsEncryptJob *job)
{
  if (rds_encrypt_job_get_step (job) >= RDS_ENCRYPT_STEP_DONE && self->session != NULL)
    rds_session_remove_job (self->session, job);
  else
    save_jobs (self);
}

static void
jobs_changed_cb (RdsWindow  *self,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GListModel *jobs)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(RdsEncryptJob) job = g_list_model_get_item (jobs, i);

      g_signal_connect_object (job, "changed", G_CALLBACK (job_changed_cb), self, G_CONNECT_SWAPPED);
    }
  save_jobs (self);
}

/* The jobs saved for the session's endpoint, not running: each says where
 * it stopped, and a toast offers to show it. */
static void
load_jobs (RdsWindow *self)
{
  g_auto(GStrv) saved = NULL;
  g_autofree char *owner = NULL;

  if (self->settings == NULL || self->session == NULL)
    return;

  owner = jobs_owner (self);
  saved = g_settings_get_strv (self->settings, "encrypt-jobs");
  for (guint i = 0; saved[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (saved[i], NULL);
      JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autoptr(RdsEncryptJob) job = NULL;
      g_autofree char *title = NULL;
      AdwToast *toast;

      if (object == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (object, "owner", NULL), owner) != 0 ||
          (job = rds_encrypt_job_new_from_json (self->session, node, NULL)) == NULL ||
          rds_session_find_job (self->session, rds_encrypt_job_get_region (job),
                                rds_encrypt_job_get_source (job)) != NULL)
        continue;

      rds_session_add_job (self->session, job);
      /* Translators: %s is a DB instance being encrypted */
      title = g_strdup_printf (_("Encrypting %s stopped when the console closed"), rds_encrypt_job_get_source (job));
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-encrypt-job");
      adw_toast_set_action_target_value (toast, g_variant_new_string (rds_encrypt_job_get_source (job)));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      g_free (self->last_toast);
      self->last_toast = g_strdup (title);
    }
}

static void
show_encrypt_job_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);
  RdsEncryptJob *job;

  if (self->session == NULL)
    return;
  job = rds_session_find_job (self->session, rds_session_get_region (self->session),
                              g_variant_get_string (parameter, NULL));
  if (job != NULL)
    rds_widget_present_over (widget, rds_encrypt_database_wizard_new_for_job (self->session, job));
}

void
rds_window_set_session (RdsWindow  *self,
                        RdsSession *session)
{
  g_autofree char *last_page = NULL;
  guint interval = 2;

  g_return_if_fail (RDS_IS_WINDOW (self));
  g_return_if_fail (session == NULL || RDS_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    rds_session_stop_polling (self->session);
  g_set_object (&self->session, session);
  set_pages_session (self, session);
  rds_activity_watcher_set_list (self->instance_watcher,
                                 session != NULL ? rds_session_get_instances (session) : NULL);
  rds_activity_watcher_set_list (self->snapshot_watcher,
                                 session != NULL ? rds_session_get_snapshots (session) : NULL);
  g_signal_group_set_target (self->list_signals,
                             session != NULL ? rds_session_get_instances (session) : NULL);
  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->jobs_signals, session != NULL ? rds_session_get_jobs (session) : NULL);
  update_problem (self);

  if (session == NULL)
    {
      /* Between connections: what the last one showed goes. */
      remove_wizard (self, gtk_stack_get_child_by_name (self->stack, "create-database"));
      remove_wizard (self, gtk_stack_get_child_by_name (self->stack, "modify-database"));
      remove_wizard (self, gtk_stack_get_child_by_name (self->stack, "create-read-replica"));
      remove_wizard (self, gtk_stack_get_child_by_name (self->stack, "restore-database"));
      gtk_stack_set_visible_child_name (self->stack, "starting");
      gtk_widget_set_sensitive (GTK_WIDGET (self->region_dropdown), FALSE);
      self->sample_offered = FALSE;
      update_title (self);
    }
  else
    {
      select_region_in_dropdown (self, rds_session_get_region (session));
      gtk_widget_set_sensitive (GTK_WIDGET (self->region_dropdown), TRUE);

      if (self->settings != NULL)
        {
          interval = g_settings_get_uint (self->settings, "refresh-interval");
          last_page = g_settings_get_string (self->settings, "last-page");
        }
      rds_session_start_polling (session, interval * 1000);
      rds_window_show_page (self, last_page != NULL ? last_page : "dashboard");
      load_jobs (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

RdsSession *
rds_window_get_session (RdsWindow *self)
{
  g_return_val_if_fail (RDS_IS_WINDOW (self), NULL);

  return self->session;
}

static void
region_selected_cb (RdsWindow *self)
{
  guint n;
  const RdsRegion *regions = rds_region_get_all (&n);
  guint selected = gtk_drop_down_get_selected (self->region_dropdown);

  if (self->session == NULL || selected >= n)
    return;

  /* The wizards that act on a database of the Region that was: gone with
   * it (a request sent from them would go to the new Region). */
  if (g_strcmp0 (regions[selected].name, rds_session_get_region (self->session)) != 0)
    {
      const char *bound[] = { "modify-database", "create-read-replica", "restore-database" };

      for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
        {
          GtkWidget *wizard = gtk_stack_get_child_by_name (self->stack, bound[i]);

          if (wizard != NULL && gtk_stack_get_visible_child (self->stack) == wizard)
            rds_window_show_page (self, "databases");
          remove_wizard (self, wizard);
        }
    }

  rds_session_set_region (self->session, regions[selected].name);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "region", regions[selected].name);
}

/* The connection in use: its name under the sidebar's title, checked in
 * the switcher, and in the words of the starting and failed pages. */
static void
update_connection (RdsWindow      *self,
                   RdsApplication *app)
{
  RdsConnection *connection = rds_application_get_connection (app);
  gboolean embedded = connection == NULL || rds_connection_get_kind (connection) == RDS_CONNECTION_EMBEDDED;
  g_autofree char *connecting = NULL;

  adw_window_title_set_subtitle (self->sidebar_title, connection != NULL ? rds_connection_get_name (connection) : NULL);
  gtk_widget_set_visible (self->failed_connections_button, !embedded);
  if (embedded)
    {
      adw_status_page_set_title (self->starting_page, _("Starting the Simulator"));
      adw_status_page_set_description (self->starting_page, _("Loading the simulated RDS…"));
      adw_status_page_set_title (self->failed_page, _("The Simulator Didn’t Start"));
      return;
    }
  /* Translators: %s is a connection's name */
  connecting = g_strdup_printf (_("Connecting to %s…"), rds_connection_get_name (connection));
  adw_status_page_set_title (self->starting_page, _("Connecting"));
  adw_status_page_set_description (self->starting_page, connecting);
  adw_status_page_set_title (self->failed_page, _("Could Not Connect"));
}

/* Starting or connecting usually takes a fraction of a second: the
 * starting page spins only when it lasts, rather than flash a spinner at
 * every start (and load librsvg for its icon before the first frame). */
#define SPINNER_DELAY_MS 500

static gboolean
spinner_timeout_cb (gpointer data)
{
  RdsWindow *self = data;

  self->spinner_timeout = 0;
  gtk_widget_set_visible (self->starting_spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->starting_spinner));
  return G_SOURCE_REMOVE;
}

static void
update_spinner (RdsWindow *self)
{
  gboolean starting = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "starting") == 0;

  if (starting && self->spinner_timeout == 0 && !gtk_widget_get_visible (self->starting_spinner))
    self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, spinner_timeout_cb, self);
  else if (!starting)
    {
      g_clear_handle_id (&self->spinner_timeout, g_source_remove);
      gtk_spinner_stop (GTK_SPINNER (self->starting_spinner));
      gtk_widget_set_visible (self->starting_spinner, FALSE);
    }
}

/* The switcher lists the connections, the one in use checked. */
static void
connections_changed_cb (RdsWindow  *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *connections)
{
  g_autoptr(GMenu) items = g_menu_new ();
  g_autoptr(GMenu) manage = g_menu_new ();
  guint n = g_list_model_get_n_items (connections);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsConnection) connection = g_list_model_get_item (connections, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (rds_connection_get_name (connection), NULL);

      g_menu_item_set_action_and_target (item, "app.connect", "s", rds_connection_get_id (connection));
      g_menu_append_item (items, item);
    }
  g_menu_append (manage, _("_Manage Connections"), "app.connections");

  g_menu_remove_all (self->connection_menu);
  /* Translators: the heading of the list of connections in the switcher */
  g_menu_append_section (self->connection_menu, _("Connect To"), G_MENU_MODEL (items));
  g_menu_append_section (self->connection_menu, NULL, G_MENU_MODEL (manage));
}

static void
application_session_cb (RdsWindow      *self,
                        GParamSpec     *pspec,
                        RdsApplication *app)
{
  RdsSecrets *secrets = rds_application_get_secrets (app);

  update_connection (self, app);
  rds_window_set_session (self, rds_application_get_session (app));

  /* A saved state the simulator could not read was kept aside: say where. */
  if (self->session != NULL && rds_application_get_simulator_warning (app) != NULL && !self->state_warned)
    {
      AdwMessageDialog *dialog;

      self->state_warned = TRUE;
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("The Simulator’s Saved State Was Damaged"),
                                                           rds_application_get_simulator_warning (app)));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      rds_accessible_name_controls (GTK_WIDGET (dialog));
      rds_word_wrap_all (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  /* Without a keyring the simulator's credentials live in memory: say so once. */
  if (self->session != NULL && !rds_secrets_get_persistent (secrets) && !self->keyring_warned)
    {
      self->keyring_warned = TRUE;
      rds_window_add_toast (self, _("No keyring is available: secrets are kept in memory until "
                                    "RDS Console quits"));
    }
}

static void
application_start_error_cb (RdsWindow      *self,
                            GParamSpec     *pspec,
                            RdsApplication *app)
{
  const GError *error = rds_application_get_start_error (app);

  update_connection (self, app);
  if (error == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "starting");
      return;
    }

  /* Set when needed: at 128 pixels the icon is drawn from SVG, and
   * loading librsvg would delay every start by milliseconds. */
  adw_status_page_set_icon_name (self->failed_page, "dialog-error-symbolic");
  adw_status_page_set_description (self->failed_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "failed");
  update_title (self);
}

/* Actions */

static void
create_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  rds_window_create_database (RDS_WINDOW (widget));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (self->session != NULL)
    rds_session_refresh (self->session);
  /* And what the page reads beyond the session's lists (a page without
   * any has no page.refresh). */
  if (page != NULL)
    gtk_widget_activate_action (page, "page.refresh", NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  /* Pages without a search (the dashboard) send the user to Databases'. */
  if (page == NULL || !gtk_widget_activate_action (page, "page.focus-search", NULL))
    {
      rds_window_show_page (self, "databases");
      gtk_widget_activate_action (ensure_page (self, "databases"), "page.focus-search", NULL);
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rds_window_go_back (RDS_WINDOW (widget));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rds_window_show_page (RDS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  rds_window_open_database (RDS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A snapshot's page, from its name in the Snapshots page. */
static void
open_snapshot_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);
  GtkWidget *page;

  if (self->session == NULL)
    return;
  page = ensure_page (self, "snapshot");
  rds_snapshot_page_set_identifier (RDS_SNAPSHOT_PAGE (page), g_variant_get_string (parameter, NULL));
  rds_window_show_page (self, "snapshot");
}

/* An Aurora cluster's page, from its name in a list. Like a database's,
 * it is part of Databases. */
static void
open_cluster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);
  GtkWidget *page;

  if (self->session == NULL)
    return;
  page = ensure_page (self, "cluster");
  rds_cluster_page_set_identifier (RDS_CLUSTER_PAGE (page), g_variant_get_string (parameter, NULL));
  rds_window_show_page (self, "cluster");
}

/* What the window's contents ask of it, as actions: none of them includes
 * this file. */

static void
modify_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);
  RdsDbInstance *instance = NULL;

  if (self->session != NULL)
    instance = rds_resource_list_find (rds_session_get_instances (self->session),
                                       g_variant_get_string (parameter, NULL));
  if (instance != NULL)
    rds_window_modify_database (self, instance);
  else
    {
      /* Translators: %s is a DB instance identifier */
      g_autofree char *message = g_strdup_printf (_("%s isn’t in this Region’s list of databases."),
                                                  g_variant_get_string (parameter, NULL));

      rds_window_add_toast (self, message);
    }
}

/* Restore to point in time (a DB instance's name), Restore snapshot (a
 * snapshot's) and restore from retained backups (the deleted instance's
 * resource ID): what to restore from, found in the session's list. */
static const struct
{
  const char *action;
  const char *list;
  const char *missing;
} restore_sources[] = {
  /* Translators: %s is a DB instance identifier */
  { "win.restore-to-point-in-time", "DescribeDBInstances", N_("%s isn’t in this Region’s list of databases.") },
  /* Translators: %s is a DB snapshot identifier */
  { "win.restore-snapshot", "DescribeDBSnapshots", N_("%s isn’t in this Region’s list of snapshots.") },
  { "win.restore-retained-backup", "DescribeDBInstanceAutomatedBackups",
    /* Translators: %s is a DB instance's resource ID, "db-ABCD…" */
    N_("The automated backups of %s aren’t in this Region’s list.") },
};

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);
  const char *key = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (restore_sources); i++)
    if (g_str_equal (restore_sources[i].action, action_name))
      {
        gpointer source = self->session != NULL
                          ? rds_resource_list_find (rds_session_get_list (self->session, restore_sources[i].list), key)
                          : NULL;
        g_autofree char *message = NULL;

        if (source != NULL)
          {
            show_restore_wizard (self, source);
            return;
          }
        /* Each message is a translatable format of one %s, from the table. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        message = g_strdup_printf (_(restore_sources[i].missing), key);
#pragma GCC diagnostic pop
        rds_window_add_toast (self, message);
      }
}

static void
create_read_replica_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);
  RdsDbInstance *source = NULL;

  if (self->session != NULL)
    source = rds_resource_list_find (rds_session_get_instances (self->session),
                                     g_variant_get_string (parameter, NULL));
  if (source != NULL)
    rds_window_create_read_replica (self, source);
  else
    {
      /* Translators: %s is a DB instance identifier */
      g_autofree char *message = g_strdup_printf (_("%s isn’t in this Region’s list of databases."),
                                                  g_variant_get_string (parameter, NULL));

      rds_window_add_toast (self, message);
    }
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  rds_window_add_toast (RDS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_error_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 g_variant_get_string (parameter, NULL));

  rds_window_show_error (RDS_WINDOW (widget), error);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (RDS_IS_APPLICATION (app))
    rds_application_start_backend (RDS_APPLICATION (app));
}

static void
toggle_clock_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);

  if (self->session != NULL && rds_session_is_simulator (self->session))
    rds_clock_control_toggle_paused (self->clock_control);
}

/* The Info panel */

/* Makes the panel on @concept, or on the topic it was left on. */
static void
ensure_info_panel (RdsWindow  *self,
                   const char *concept)
{
  g_autofree char *topic = NULL;

  if (self->info_panel != NULL)
    return;

  if (concept == NULL && self->settings != NULL)
    topic = g_settings_get_string (self->settings, "info-topic");
  self->info_panel = rds_info_panel_new (concept != NULL ? concept : topic);
  adw_flap_set_flap (self->info_flap, self->info_panel);
  rds_accessible_name_controls (self->info_panel);
}

gboolean
rds_window_get_info_open (RdsWindow *self)
{
  g_return_val_if_fail (RDS_IS_WINDOW (self), FALSE);

  return adw_flap_get_reveal_flap (self->info_flap);
}

/**
 * rds_window_set_info_open:
 *
 * Shows or hides the Info panel beside the page, remembered for the next
 * start. Closing it with the focus inside gives the focus back to where
 * it was before the panel took it, or to the page.
 */
void
rds_window_set_info_open (RdsWindow *self,
                          gboolean   open)
{
  g_return_if_fail (RDS_IS_WINDOW (self));

  if (!!open == rds_window_get_info_open (self))
    return;
  if (open)
    ensure_info_panel (self, NULL);
  adw_flap_set_reveal_flap (self->info_flap, open);
}

/* However the panel opened or closed (the window's actions, a swipe). */
static void
info_revealed_cb (RdsWindow *self)
{
  gboolean open = adw_flap_get_reveal_flap (self->info_flap);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!open && focus != NULL && self->info_panel != NULL && gtk_widget_is_ancestor (focus, self->info_panel))
    {
      if (self->info_return != NULL && gtk_widget_get_mapped (self->info_return))
        gtk_widget_grab_focus (self->info_return);
      else
        gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
    }
  if (!open)
    g_clear_weak_pointer (&self->info_return);

  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "info-panel-open", open);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INFO_OPEN]);
}

/**
 * rds_window_show_info:
 * @concept: a concept of rds-concepts.c
 *
 * Opens the Info panel on @concept. The focus stays where it was, on the
 * Info link, so reading on in the form is one Tab away; F1 moves it into
 * the panel.
 */
void
rds_window_show_info (RdsWindow  *self,
                      const char *concept)
{
  g_return_if_fail (RDS_IS_WINDOW (self));

  ensure_info_panel (self, concept);
  rds_info_panel_set_concept (RDS_INFO_PANEL (self->info_panel), concept);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "info-topic",
                           rds_info_panel_get_concept (RDS_INFO_PANEL (self->info_panel)));
  rds_window_set_info_open (self, TRUE);
}

/**
 * rds_window_get_info_panel:
 *
 * Returns: (transfer none) (nullable): the Info panel, once opened
 */
GtkWidget *
rds_window_get_info_panel (RdsWindow *self)
{
  g_return_val_if_fail (RDS_IS_WINDOW (self), NULL);

  return self->info_panel;
}

static void
show_info_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rds_window_show_info (RDS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The sample offer again, for its screenshot (a scene of the
 * screenshooter; in no menu). */
static void
offer_sample_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);

  if (self->session != NULL && rds_session_is_simulator (self->session))
    present_sample_offer (self);
}

static void
close_info_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  rds_window_set_info_open (RDS_WINDOW (widget), FALSE);
}

/* The panel just revealed maps with the flap's first frame: the focus
 * goes in then. */
static void
info_panel_mapped_cb (GtkWidget *panel,
                      RdsWindow *self)
{
  g_signal_handlers_disconnect_by_func (panel, info_panel_mapped_cb, self);
  gtk_widget_child_focus (panel, GTK_DIR_TAB_FORWARD);
}

/* F1: opens the panel with the focus in it, and from inside it closes it,
 * giving the focus back. With the panel open and the focus elsewhere, F1
 * goes to the panel. */
static void
focus_info_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RdsWindow *self = RDS_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (rds_window_get_info_open (self) && focus != NULL && gtk_widget_is_ancestor (focus, self->info_panel))
    {
      rds_window_set_info_open (self, FALSE);
      return;
    }

  rds_window_set_info_open (self, TRUE);
  g_set_weak_pointer (&self->info_return, focus);
  g_signal_handlers_disconnect_by_func (self->info_panel, info_panel_mapped_cb, self);
  if (gtk_widget_get_mapped (self->info_panel))
    gtk_widget_child_focus (self->info_panel, GTK_DIR_TAB_FORWARD);
  else
    g_signal_connect (self->info_panel, "map", G_CALLBACK (info_panel_mapped_cb), self);
}

/* Benchmarks: with RDS_CONSOLE_BENCHMARK set, the window prints when its
 * first frame is painted and when a frame shows the loaded lists (with
 * CLOCK_MONOTONIC microseconds and the peak RSS so far), then the process
 * exits. tests/bench-console reads these lines. */

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static void
benchmark_paint_cb (GdkFrameClock *clock,
                    RdsWindow     *self)
{
  static gboolean first_done;

  if (!first_done)
    {
      first_done = TRUE;
      g_print ("first-frame %" G_GINT64_FORMAT " %ld\n", g_get_monotonic_time (), peak_rss_kib ());
    }

  /* The lists' rows are in this frame. */
  if (self->session != NULL &&
      rds_resource_list_get_loaded (rds_session_get_instances (self->session)) &&
      g_list_model_get_n_items (rds_resource_list_get_model (rds_session_get_instances (self->session))) > 0)
    {
      g_print ("ready %" G_GINT64_FORMAT " %ld\n", g_get_monotonic_time (), peak_rss_kib ());
      fflush (stdout);
      _exit (0);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
benchmark_realize_cb (RdsWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (benchmark_paint_cb), self, 0);
}

/* Keyboard shortcuts: the window is built the first time it is asked for
 * (Ctrl+?, the main menu), not with every window: it is dozens of
 * widgets nobody sees at startup. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RdsWindow *self = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/rds-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
      rds_accessible_name_controls (GTK_WIDGET (overlay));
      rds_word_wrap_all (GTK_WIDGET (overlay));
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* Window state */

static gboolean
rds_window_close_request (GtkWindow *window)
{
  RdsWindow *self = RDS_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (rds_window_parent_class)->close_request (window);
}

static void
rds_window_dispose (GObject *object)
{
  RdsWindow *self = RDS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  if (self->session != NULL)
    rds_session_stop_polling (self->session);
  g_clear_object (&self->instance_watcher);
  g_clear_object (&self->snapshot_watcher);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->jobs_signals);
  g_clear_object (&self->connection_menu);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->progress_toast);
  g_clear_weak_pointer (&self->info_return);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_WINDOW);
  self->info_panel = NULL;

  G_OBJECT_CLASS (rds_window_parent_class)->dispose (object);
}

static void
rds_window_finalize (GObject *object)
{
  RdsWindow *self = RDS_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->previous_page);
  g_free (self->reference_return);
  g_free (self->last_toast);

  G_OBJECT_CLASS (rds_window_parent_class)->finalize (object);
}

static void
rds_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RdsWindow *self = RDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_INFO_OPEN:
      g_value_set_boolean (value, rds_window_get_info_open (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RdsWindow *self = RDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rds_window_set_session (self, g_value_get_object (value));
      break;
    case PROP_INFO_OPEN:
      rds_window_set_info_open (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_window_class_init (RdsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rds_window_dispose;
  object_class->finalize = rds_window_finalize;
  object_class->get_property = rds_window_get_property;
  object_class->set_property = rds_window_set_property;

  window_class->close_request = rds_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INFO_OPEN] =
    g_param_spec_boolean ("info-open", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RDS_TYPE_CLOCK_CONTROL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rds-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, navigation);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, clock_control);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, starting_page);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, starting_spinner);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, connection_button);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, failed_connections_button);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RdsWindow, info_flap);

  gtk_widget_class_install_action (widget_class, "win.create-database", NULL, create_database_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", "s", open_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-snapshot", "s", open_snapshot_action);
  gtk_widget_class_install_action (widget_class, "win.open-cluster", "s", open_cluster_action);
  gtk_widget_class_install_action (widget_class, "win.modify-database", "s", modify_database_action);
  gtk_widget_class_install_action (widget_class, "win.create-read-replica", "s", create_read_replica_action);
  for (guint i = 0; i < G_N_ELEMENTS (restore_sources); i++)
    gtk_widget_class_install_action (widget_class, restore_sources[i].action, "s", restore_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-error", "s", show_error_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-clock", NULL, toggle_clock_action);
  gtk_widget_class_install_action (widget_class, "win.show-info", "s", show_info_action);
  gtk_widget_class_install_action (widget_class, "win.show-encrypt-job", "s", show_encrypt_job_action);
  gtk_widget_class_install_action (widget_class, "win.close-info", NULL, close_info_action);
  gtk_widget_class_install_action (widget_class, "win.offer-sample", NULL, offer_sample_action);
  gtk_widget_class_install_action (widget_class, "win.focus-info", NULL, focus_info_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-info", "info-open");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.create-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK,
                                       "win.toggle-clock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.focus-info", NULL);
  for (guint i = 0; i < n_sidebar_pages (); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i].name);
}

static GtkWidget *
navigation_row_new (const char *title,
                    const char *icon)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  return row;
}

static void
rds_window_init (RdsWindow *self)
{
  g_autoptr(GtkStringList) regions_model = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  const RdsRegion *regions;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->info_flap, "notify::reveal-flap", G_CALLBACK (info_revealed_cb), self,
                           G_CONNECT_SWAPPED);

  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < n_sidebar_pages (); i++)
    gtk_list_box_append (self->navigation,
                         navigation_row_new (_(pages[i].title), pages[i].icon));
  g_signal_connect_swapped (self->navigation, "row-selected",
                            G_CALLBACK (navigation_row_selected_cb), self);
  g_signal_connect_swapped (self->navigation, "row-activated",
                            G_CALLBACK (navigation_row_activated_cb), self);

  /* Regions by name, as the RDS console lists them: "US East (N. Virginia)". */
  regions = rds_region_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s  %s", _(regions[i].display_name),
                                                regions[i].name);

      gtk_string_list_append (regions_model, label);
    }
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->region_dropdown, expression);
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions_model));
  gtk_widget_set_sensitive (GTK_WIDGET (self->region_dropdown), FALSE);
  g_signal_connect_swapped (self->region_dropdown, "notify::selected",
                            G_CALLBACK (region_selected_cb), self);

  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (update_spinner), self);
  update_spinner (self);

  self->instance_watcher = rds_activity_watcher_new (NULL, "db-instance-status",
                                                     rds_status_is_transition);
  self->snapshot_watcher = rds_activity_watcher_new (NULL, "status", rds_status_is_transition);
  g_signal_connect_swapped (self->instance_watcher, "finished", G_CALLBACK (finished_cb), self);
  g_signal_connect_swapped (self->snapshot_watcher, "finished", G_CALLBACK (finished_cb), self);

  /* The first start's offer waits for both lists to load. */
  self->list_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->list_signals, "refreshed",
                                  G_CALLBACK (maybe_offer_sample), self);

  self->session_signals = g_signal_group_new (RDS_TYPE_SESSION);
  self->jobs_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->jobs_signals, "items-changed", G_CALLBACK (jobs_changed_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::problem",
                                  G_CALLBACK (update_problem), self);

  self->connection_menu = g_menu_new ();
  rds_menu_button_set_menu_model_lazily (self->connection_button, G_MENU_MODEL (self->connection_menu));
  rds_menu_button_set_menu_model_lazily (self->primary_button, self->primary_menu);

  {
    g_autoptr(GSimpleAction) help = g_simple_action_new ("show-help-overlay", NULL);

    g_signal_connect_object (help, "activate", G_CALLBACK (show_help_overlay_cb), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help));
  }

  if (g_getenv ("RDS_CONSOLE_BENCHMARK") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (benchmark_realize_cb), NULL);

  update_title (self);
  /* The header and sidebar as people meet them (pages get it when shown). */
  rds_accessible_name_controls (GTK_WIDGET (self));
  rds_word_wrap_all (GTK_WIDGET (self));
}

RdsWindow *
rds_window_new (RdsApplication *application)
{
  RdsWindow *self;
  GSettings *settings;

  g_return_val_if_fail (RDS_IS_APPLICATION (application), NULL);

  self = g_object_new (RDS_TYPE_WINDOW, "application", application, NULL);

  settings = rds_application_get_settings (application);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      rds_window_set_info_open (self, g_settings_get_boolean (settings, "info-panel-open"));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1280, 820);

  g_signal_connect_object (rds_application_get_connections (application), "items-changed",
                           G_CALLBACK (connections_changed_cb), self, G_CONNECT_SWAPPED);
  connections_changed_cb (self, 0, 0, 0, G_LIST_MODEL (rds_application_get_connections (application)));
  g_signal_connect_object (application, "notify::session", G_CALLBACK (application_session_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::start-error",
                           G_CALLBACK (application_start_error_cb), self, G_CONNECT_SWAPPED);
  if (rds_application_get_session (application) != NULL)
    application_session_cb (self, NULL, application);
  else
    application_start_error_cb (self, NULL, application);

  return self;
}
