/* rds-snapshots-page.c: the Snapshots page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session's DB snapshots in a table like the Databases page's, with
 * Take snapshot (of an instance picked in the dialog) and Delete snapshot
 * for a selected manual snapshot that is available.
 */

#include "config.h"

#include "rds-snapshots-page.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>

#include "rds-db-snapshot.h"
#include "rds-delete-snapshot-dialog.h"
#include "rds-format.h"
#include "rds-resource-list.h"
#include "rds-info-button.h"
#include "rds-search-filter.h"
#include "rds-session.h"
#include "rds-status-badge.h"
#include "rds-take-snapshot-dialog.h"

struct _RdsSnapshotsPage
{
  RdsPage             parent_instance;

  GSignalGroup       *snapshot_signals;

  GtkWidget          *title_label;
  GtkWidget          *search_entry;
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
  gboolean deletable = snapshot != NULL &&
                       g_strcmp0 (rds_db_snapshot_get_status (snapshot), "available") == 0 &&
                       g_strcmp0 (rds_shape_get_string (RDS_SHAPE (snapshot), "snapshot-type"),
                                  "manual") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshot.delete",
                                 rds_page_get_session (RDS_PAGE (self)) != NULL && deletable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshot.take", rds_page_get_session (RDS_PAGE (self)) != NULL);
}

static void
update_state (RdsSnapshotsPage *self)
{
  GListModel *all = rds_page_get_list (RDS_PAGE (self)) != NULL ? rds_resource_list_get_model (rds_page_get_list (RDS_PAGE (self))) : NULL;
  guint total = all != NULL ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *title = NULL;

  if (shown < total)
    /* Translators: the Snapshots page's title while a search hides some: "Snapshots (2 of 40)" */
    title = g_strdup_printf (_("Snapshots (%u of %u)"), shown, total);
  else
    /* Translators: the Snapshots page's title, with how many there are */
    title = g_strdup_printf (_("Snapshots (%u)"), total);
  gtk_label_set_label (GTK_LABEL (self->title_label), title);

  gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack),
                                    rds_widget_list_page (rds_page_get_list (RDS_PAGE (self)), shown));
}

static void
selection_changed_cb (RdsSnapshotsPage *self)
{
  g_signal_group_set_target (self->snapshot_signals,
                             gtk_single_selection_get_selected_item (self->selection));
  update_actions (self);
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
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-snapshots-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, time_column);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotsPage, search_filter);

  gtk_widget_class_install_action (widget_class, "snapshot.take", NULL, take_action);
  gtk_widget_class_install_action (widget_class, "snapshot.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.focus-search", NULL, focus_search_action);
}

static void
rds_snapshots_page_init (RdsSnapshotsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rds_page_show_list_in (RDS_PAGE (self), self->sort_model);

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
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (search_changed_cb), self);

  update_state (self);
  update_actions (self);
}

GtkSingleSelection *
rds_snapshots_page_get_selection (RdsSnapshotsPage *self)
{
  g_return_val_if_fail (RDS_IS_SNAPSHOTS_PAGE (self), NULL);

  return self->selection;
}
