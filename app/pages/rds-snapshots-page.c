/* rds-snapshots-page.c: the Snapshots page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session's DB snapshots in a table like the Databases page's, in tabs
 * as the RDS console has them: manual snapshots, system (automated)
 * snapshots, and those shared with this account. Take snapshot (of an
 * instance picked in the dialog), and the Actions menu (restore, copy,
 * share, delete) for the chosen snapshot, offered as a snapshot's own page
 * offers them. A snapshot's name opens its page.
 */

#include "config.h"

#include "rds-snapshots-page.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>

#include "rds-copy-snapshot-dialog.h"
#include "rds-db-snapshot.h"
#include "rds-delete-snapshot-dialog.h"
#include "rds-format.h"
#include "rds-resource-list.h"
#include "rds-info-button.h"
#include "rds-link-button.h"
#include "rds-search-filter.h"
#include "rds-session.h"
#include "rds-share-snapshot-dialog.h"
#include "rds-status-badge.h"
#include "rds-take-snapshot-dialog.h"

struct _RdsSnapshotsPage
{
  RdsPage             parent_instance;

  GSignalGroup       *snapshot_signals;

  GtkWidget          *title_label;
  GtkWidget          *actions_button;
  GtkWidget          *search_entry;
  GtkWidget          *manual_tab;
  GtkWidget          *system_tab;
  GtkWidget          *shared_tab;
  GtkWidget          *empty_page;
  GtkFilterListModel *type_model;
  GtkStringFilter    *type_filter;
  GtkWidget          *content_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *time_column;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  RdsSearchFilter    *search_filter;
};

G_DEFINE_FINAL_TYPE (RdsSnapshotsPage, rds_snapshots_page, RDS_TYPE_PAGE)

static void
update_actions (RdsSnapshotsPage *self)
{
  RdsDbSnapshot *snapshot = gtk_single_selection_get_selected_item (self->selection);
  gboolean connected = rds_page_get_session (RDS_PAGE (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshot.take", connected);
  rds_snapshots_page_enable_actions (GTK_WIDGET (self), connected ? snapshot : NULL);
}

/* The tab shown: which snapshots, and how the page speaks of them. */
typedef struct
{
  const char *type;          /* SnapshotType */
  const char *empty_title;
  const char *empty_description;
} Tab;

static const Tab tabs[] = {
  { "manual", N_("No Manual Snapshots"),
    N_("Take a snapshot of a database to keep a copy of its storage until you delete it.") },
  { "automated", N_("No System Snapshots"),
    N_("RDS backs up each database with automated backups on once a day, in its backup window, "
       "and keeps the backups for its backup retention period.") },
  { "shared", N_("No Shared Snapshots"),
    N_("Snapshots that other AWS accounts share with this one appear here.") },
};

/* "Manual snapshots (3)", or "(2 of 3)" while a search hides some. */
static char *
tab_title (const Tab *tab,
           guint      shown,
           guint      total)
{
  gboolean some = shown < total;

  if (tab == &tabs[1])
    /* Translators: the Snapshots page's title on its System tab (automated backups), with how
     * many are shown of how many there are */
    return some ? g_strdup_printf (_("System snapshots (%u of %u)"), shown, total)
                /* Translators: the Snapshots page's title on its System tab, with how many there are */
                : g_strdup_printf (_("System snapshots (%u)"), total);
  if (tab == &tabs[2])
    /* Translators: the Snapshots page's title on its Shared with me tab */
    return some ? g_strdup_printf (_("Shared snapshots (%u of %u)"), shown, total)
                /* Translators: the Snapshots page's title on its Shared with me tab */
                : g_strdup_printf (_("Shared snapshots (%u)"), total);
  /* Translators: the Snapshots page's title on its Manual tab while a search hides some:
   * "Manual snapshots (2 of 40)" */
  return some ? g_strdup_printf (_("Manual snapshots (%u of %u)"), shown, total)
              /* Translators: the Snapshots page's title on its Manual tab, with how many there are */
              : g_strdup_printf (_("Manual snapshots (%u)"), total);
}

static const Tab *
current_tab (RdsSnapshotsPage *self)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->system_tab)))
    return &tabs[1];
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->shared_tab)))
    return &tabs[2];
  return &tabs[0];
}

static void
update_state (RdsSnapshotsPage *self)
{
  RdsResourceList *list = rds_page_get_list (RDS_PAGE (self));
  const Tab *tab = current_tab (self);
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->type_model));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *title = NULL;
  const char *page;

  title = tab_title (tab, shown, total);
  gtk_label_set_label (GTK_LABEL (self->title_label), title);
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), _(tab->empty_title));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), _(tab->empty_description));

  if (list == NULL || (!rds_resource_list_get_loaded (list) && total == 0))
    page = "loading";
  else if (total == 0)
    page = "empty";
  else
    page = shown == 0 ? "no-results" : "list";
  gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), page);
}

static void
tab_toggled_cb (RdsSnapshotsPage *self,
                GtkToggleButton  *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  gtk_string_filter_set_search (self->type_filter, current_tab (self)->type);
  update_state (self);
}

static void
selection_changed_cb (RdsSnapshotsPage *self)
{
  g_signal_group_set_target (self->snapshot_signals,
                             gtk_single_selection_get_selected_item (self->selection));
  update_actions (self);
}

/* A row activated (Enter, a double click): the snapshot's page. */
static void
activate_cb (RdsSnapshotsPage *self,
             guint             position)
{
  g_autoptr(RdsDbSnapshot) snapshot = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (snapshot != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-snapshot", "s",
                                rds_db_snapshot_get_identifier (snapshot));
}

static void
search_changed_cb (RdsSnapshotsPage *self,
                   GtkEditable      *entry)
{
  rds_search_filter_set_search (self->search_filter, gtk_editable_get_text (entry));
}

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdsSnapshotsPage *self = RDS_SNAPSHOTS_PAGE (widget);

  rds_widget_present_over (widget, GTK_WINDOW (rds_take_snapshot_dialog_new (rds_page_get_session (RDS_PAGE (self)), NULL)));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsSnapshotsPage *self = RDS_SNAPSHOTS_PAGE (widget);
  RdsDbSnapshot *snapshot = gtk_single_selection_get_selected_item (self->selection);

  if (snapshot != NULL)
    rds_widget_present_over (widget,
                             GTK_WINDOW (rds_delete_snapshot_dialog_new (rds_page_get_session (RDS_PAGE (self)), snapshot)));
}

/* Restore snapshot: the window's wizard, for the snapshot chosen. */
static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsSnapshotsPage *self = RDS_SNAPSHOTS_PAGE (widget);
  RdsDbSnapshot *snapshot = gtk_single_selection_get_selected_item (self->selection);

  if (snapshot != NULL)
    gtk_widget_activate_action (widget, "win.restore-snapshot", "s", rds_db_snapshot_get_identifier (snapshot));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdsSnapshotsPage *self = RDS_SNAPSHOTS_PAGE (widget);
  RdsDbSnapshot *snapshot = gtk_single_selection_get_selected_item (self->selection);

  if (snapshot != NULL)
    rds_widget_present_over (widget,
                             GTK_WINDOW (rds_copy_snapshot_dialog_new (rds_page_get_session (RDS_PAGE (self)), snapshot)));
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RdsSnapshotsPage *self = RDS_SNAPSHOTS_PAGE (widget);
  RdsDbSnapshot *snapshot = gtk_single_selection_get_selected_item (self->selection);

  if (snapshot != NULL)
    rds_widget_present_over (widget,
                             GTK_WINDOW (rds_share_snapshot_dialog_new (rds_page_get_session (RDS_PAGE (self)), snapshot)));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (RDS_SNAPSHOTS_PAGE (widget)->search_entry);
}

static void
rds_snapshots_page_dispose (GObject *object)
{
  RdsSnapshotsPage *self = RDS_SNAPSHOTS_PAGE (object);

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->type_model != NULL)
    g_signal_handlers_disconnect_by_data (self->type_model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (self->column_view, self);
  if (self->manual_tab != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->manual_tab, self);
      g_signal_handlers_disconnect_by_data (self->system_tab, self);
      g_signal_handlers_disconnect_by_data (self->shared_tab, self);
    }
  g_clear_object (&self->snapshot_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_SNAPSHOTS_PAGE);

  G_OBJECT_CLASS (rds_snapshots_page_parent_class)->dispose (object);
}

static RdsResourceList *
rds_snapshots_page_get_list (RdsPage    *page,
                             RdsSession *session)
{
  return rds_session_get_snapshots (session);
}

static void
rds_snapshots_page_session_changed (RdsPage *page)
{
  RdsSnapshotsPage *self = RDS_SNAPSHOTS_PAGE (page);

  update_state (self);
  update_actions (self);
}

static void
rds_snapshots_page_class_init (RdsSnapshotsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsPageClass *page_class = RDS_PAGE_CLASS (klass);

  object_class->dispose = rds_snapshots_page_dispose;
  page_class->get_list = rds_snapshots_page_get_list;
  page_class->session_changed = rds_snapshots_page_session_changed;


  g_type_ensure (RDS_TYPE_DB_SNAPSHOT);
  g_type_ensure (RDS_TYPE_SEARCH_FILTER);
  g_type_ensure (RDS_TYPE_STATUS_BADGE);
  g_type_ensure (RDS_TYPE_INFO_BUTTON);
  g_type_ensure (RDS_TYPE_LINK_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-snapshots-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, actions_button);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, manual_tab);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, system_tab);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, shared_tab);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, type_model);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, type_filter);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, time_column);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, search_filter);

  gtk_widget_class_install_action (widget_class, "snapshot.take", NULL, take_action);
  gtk_widget_class_install_action (widget_class, "snapshot.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "snapshot.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "snapshot.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "snapshot.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "page.focus-search", NULL, focus_search_action);
}

static void
rds_snapshots_page_init (RdsSnapshotsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rds_page_show_list_in (RDS_PAGE (self), self->sort_model);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->actions_button),
                                  rds_snapshots_page_get_actions_menu ());

  rds_search_filter_add_field (self->search_filter, "db-snapshot-identifier", NULL);
  rds_search_filter_add_field (self->search_filter, "db-instance-identifier", NULL);
  rds_search_filter_add_field (self->search_filter, "engine", rds_format_engine);
  rds_search_filter_add_field (self->search_filter, "status", rds_format_status);
  rds_search_filter_add_field (self->search_filter, "snapshot-type", rds_format_snapshot_type);

  /* Newest first, as the RDS console lists them. */
  gtk_column_view_sort_by_column (self->column_view, self->time_column, GTK_SORT_DESCENDING);

  g_signal_group_connect_swapped (rds_page_get_list_signals (RDS_PAGE (self)), "notify::loaded",
                                  G_CALLBACK (update_state), self);
  self->snapshot_signals = g_signal_group_new (RDS_TYPE_DB_SNAPSHOT);
  g_signal_group_connect_swapped (self->snapshot_signals, "notify",
                                  G_CALLBACK (update_actions), self);

  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->type_model, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->manual_tab, "toggled", G_CALLBACK (tab_toggled_cb), self);
  g_signal_connect_swapped (self->system_tab, "toggled", G_CALLBACK (tab_toggled_cb), self);
  g_signal_connect_swapped (self->shared_tab, "toggled", G_CALLBACK (tab_toggled_cb), self);

  update_state (self);
  update_actions (self);
}

/**
 * rds_snapshots_page_show_tab:
 * @type: a SnapshotType: "manual", "automated" or "shared"
 *
 * Shows the tab of snapshots of @type.
 */
void
rds_snapshots_page_show_tab (RdsSnapshotsPage *self,
                             const char       *type)
{
  GtkWidget *buttons[] = { self->manual_tab, self->system_tab, self->shared_tab };

  g_return_if_fail (RDS_IS_SNAPSHOTS_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    if (g_strcmp0 (tabs[i].type, type) == 0)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (buttons[i]), TRUE);
}

GtkSingleSelection *
rds_snapshots_page_get_selection (RdsSnapshotsPage *self)
{
  g_return_val_if_fail (RDS_IS_SNAPSHOTS_PAGE (self), NULL);

  return self->selection;
}

/**
 * rds_snapshots_page_get_actions_menu:
 *
 * Returns: (transfer none): the Actions menu of a DB snapshot, naming the
 *   snapshot.* actions; the Snapshots page's and a snapshot's page's
 */
GMenuModel *
rds_snapshots_page_get_actions_menu (void)
{
  static GMenuModel *menu;

  if (menu == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PATH "/ui/rds-snapshot-actions-menu.ui");

      menu = g_object_ref (G_MENU_MODEL (gtk_builder_get_object (builder, "menu")));
    }

  return menu;
}

/**
 * rds_snapshots_page_enable_actions:
 * @widget: the widget the snapshot.* actions are installed on
 * @snapshot: (nullable): the snapshot they act on, if any
 *
 * Enables snapshot.restore, snapshot.copy, snapshot.share and
 * snapshot.delete on @widget as @snapshot allows them
 * (rds_db_snapshot_allows()): one rule for every page that offers them.
 */
void
rds_snapshots_page_enable_actions (GtkWidget     *widget,
                                   RdsDbSnapshot *snapshot)
{
  static const struct
  {
    const char        *name;
    RdsSnapshotAction  action;
  } actions[] = {
    { "snapshot.restore", RDS_SNAPSHOT_ACTION_RESTORE },
    { "snapshot.copy", RDS_SNAPSHOT_ACTION_COPY },
    { "snapshot.share", RDS_SNAPSHOT_ACTION_SHARE },
    { "snapshot.delete", RDS_SNAPSHOT_ACTION_DELETE },
  };

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (snapshot == NULL || RDS_IS_DB_SNAPSHOT (snapshot));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (widget, actions[i].name,
                                   snapshot != NULL && rds_db_snapshot_allows (snapshot, actions[i].action));
}
