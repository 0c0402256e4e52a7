/* rds-backups-page.c: the Automated backups page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Region's automated backups (DescribeDBInstanceAutomatedBackups), in
 * the RDS console's two tabs: Current Region, the backups of the databases
 * that exist (active, or creating before the first), and Retained, what a
 * database deleted with "Retain automated backups" left behind, kept until
 * its retention period ends. Each shows the window a restore can go to.
 *
 * Restore to point in time, from either; Delete, for a retained backup
 * only (RDS refuses to delete the backups of a database that exists).
 * Activating a current backup opens its database.
 */

#include "config.h"

#include "rds-backups-page.h"

#include <glib/gi18n.h>

#include "rds-db-instance-automated-backup.h"
#include "rds-delete-automated-backup-dialog.h"
#include "rds-format.h"
#include "rds-info-button.h"
#include "rds-resource-list.h"
#include "rds-restore-window.h"
#include "rds-search-filter.h"
#include "rds-session.h"
#include "rds-status-badge.h"
#include "rds-widget-util.h"

struct _RdsBackupsPage
{
  RdsPage              parent_instance;

  GSignalGroup        *backup_signals;
  GtkCustomFilter     *status_filter;

  GtkWidget           *title_label;
  GtkWidget           *search_entry;
  GtkWidget           *current_tab;
  GtkWidget           *retained_tab;
  GtkWidget           *empty_page;
  GtkWidget           *content_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *status_model;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  RdsSearchFilter     *search_filter;
};

G_DEFINE_FINAL_TYPE (RdsBackupsPage, rds_backups_page, RDS_TYPE_PAGE)

static gboolean
showing_retained (RdsBackupsPage *self)
{
  /* Asked by the filter too, while the template goes at dispose. */
  return self->retained_tab != NULL && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->retained_tab));
}

static gboolean
is_retained (RdsDbInstanceAutomatedBackup *backup)
{
  return g_strcmp0 (rds_db_instance_automated_backup_get_status (backup), "retained") == 0;
}

static RdsDbInstanceAutomatedBackup *
selected_backup (RdsBackupsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* A backup restores to a point in time once it has a window: the first
 * backup of a new database is still being made before that. */
static gboolean
can_restore (RdsDbInstanceAutomatedBackup *backup)
{
  RdsRestoreWindow *window;

  if (backup == NULL)
    return FALSE;
  window = (RdsRestoreWindow *) rds_shape_get_object (RDS_SHAPE (backup), "restore-window");
  return window != NULL && rds_restore_window_latest_usec (NULL, window) > 0 &&
         g_strcmp0 (rds_db_instance_automated_backup_get_status (backup), "creating") != 0;
}

static void
update_actions (RdsBackupsPage *self)
{
  RdsDbInstanceAutomatedBackup *backup = selected_backup (self);
  gboolean session = rds_page_get_session (RDS_PAGE (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.restore", session && can_restore (backup));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.delete",
                                 session && backup != NULL && is_retained (backup));
}

static char *
page_title (RdsBackupsPage *self,
            guint           shown,
            guint           total)
{
  if (showing_retained (self))
    /* Translators: the Automated backups page's title on its Retained tab, with how many
     * are shown of how many there are */
    return shown < total ? g_strdup_printf (_("Retained backups (%u of %u)"), shown, total)
                         /* Translators: the Automated backups page's title on its Retained tab */
                         : g_strdup_printf (_("Retained backups (%u)"), total);
  /* Translators: the Automated backups page's title on its Current Region tab, with how many
   * are shown of how many there are */
  return shown < total ? g_strdup_printf (_("Automated backups (%u of %u)"), shown, total)
                       /* Translators: the Automated backups page's title on its Current Region tab */
                       : g_strdup_printf (_("Automated backups (%u)"), total);
}

static void
update_state (RdsBackupsPage *self)
{
  RdsResourceList *list = rds_page_get_list (RDS_PAGE (self));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->status_model));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *title = page_title (self, shown, total);
  const char *page;

  gtk_label_set_label (GTK_LABEL (self->title_label), title);
  if (showing_retained (self))
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), _("No Retained Backups"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                       _("When a database is deleted with “Retain automated backups” "
                                         "chosen, its system snapshots and transaction logs stay here "
                                         "until its backup retention period ends, and it can still be "
                                         "restored to any point in that time."));
    }
  else
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), _("No Automated Backups"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                       _("A database with a backup retention period of 1 day or more "
                                         "is backed up once a day and its transaction logs every "
                                         "5 minutes, so that it can be restored to any second of "
                                         "that period."));
    }

  if (list == NULL || (!rds_resource_list_get_loaded (list) && total == 0))
    page = "loading";
  else if (total == 0)
    page = "empty";
  else
    page = shown == 0 ? "no-results" : "list";
  gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), page);
}

static gboolean
status_filter_func (gpointer item,
                    gpointer data)
{
  RdsBackupsPage *self = data;

  return is_retained (item) == showing_retained (self);
}

/* A backup's status changes in place (active, then retained when its
 * instance is deleted): the tabs are sorted again after each refresh. */
static void
list_refreshed_cb (RdsBackupsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
tab_toggled_cb (RdsBackupsPage  *self,
                GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
  update_actions (self);
}

static void
selection_changed_cb (RdsBackupsPage *self)
{
  g_signal_group_set_target (self->backup_signals, selected_backup (self));
  update_actions (self);
}

static void
search_changed_cb (RdsBackupsPage *self,
                   GtkEditable    *entry)
{
  rds_search_filter_set_search (self->search_filter, gtk_editable_get_text (entry));
}

/* A current backup's row opens its database. */
static void
activate_cb (RdsBackupsPage *self,
             guint           position)
{
  g_autoptr(RdsDbInstanceAutomatedBackup) backup = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                                          position);
  const char *identifier;

  if (backup == NULL || is_retained (backup))
    return;
  identifier = rds_shape_get_string (RDS_SHAPE (backup), "db-instance-identifier");
  if (identifier != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-database", "s", identifier);
}

/* Restore to point in time: the window's wizard, by the database's name
 * for a current backup, by its resource ID for a retained one (its name
 * may belong to another database by now). */
static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsBackupsPage *self = RDS_BACKUPS_PAGE (widget);
  RdsDbInstanceAutomatedBackup *backup = selected_backup (self);

  if (!can_restore (backup))
    return;
  if (is_retained (backup))
    gtk_widget_activate_action (widget, "win.restore-retained-backup", "s",
                                rds_db_instance_automated_backup_get_resource_id (backup));
  else
    gtk_widget_activate_action (widget, "win.restore-to-point-in-time", "s",
                                rds_shape_get_string (RDS_SHAPE (backup), "db-instance-identifier"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsBackupsPage *self = RDS_BACKUPS_PAGE (widget);
  RdsDbInstanceAutomatedBackup *backup = selected_backup (self);

  if (backup != NULL && is_retained (backup))
    rds_widget_present_over (widget,
                             GTK_WINDOW (rds_delete_automated_backup_dialog_new (rds_page_get_session (RDS_PAGE (self)),
                                                                                 backup)));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (RDS_BACKUPS_PAGE (widget)->search_entry);
}

static void
rds_backups_page_dispose (GObject *object)
{
  RdsBackupsPage *self = RDS_BACKUPS_PAGE (object);

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->status_model != NULL)
    g_signal_handlers_disconnect_by_data (self->status_model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (self->column_view, self);
  if (self->current_tab != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->current_tab, self);
      g_signal_handlers_disconnect_by_data (self->retained_tab, self);
    }
  g_clear_object (&self->backup_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_BACKUPS_PAGE);

  G_OBJECT_CLASS (rds_backups_page_parent_class)->dispose (object);
}

static RdsResourceList *
rds_backups_page_get_list (RdsPage    *page,
                           RdsSession *session)
{
  return rds_session_get_list (session, "DescribeDBInstanceAutomatedBackups");
}

static void
rds_backups_page_session_changed (RdsPage *page)
{
  RdsBackupsPage *self = RDS_BACKUPS_PAGE (page);

  update_state (self);
  update_actions (self);
}

static void
rds_backups_page_class_init (RdsBackupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsPageClass *page_class = RDS_PAGE_CLASS (klass);

  object_class->dispose = rds_backups_page_dispose;
  page_class->get_list = rds_backups_page_get_list;
  page_class->session_changed = rds_backups_page_session_changed;

  g_type_ensure (RDS_TYPE_DB_INSTANCE_AUTOMATED_BACKUP);
  g_type_ensure (RDS_TYPE_RESTORE_WINDOW);
  g_type_ensure (RDS_TYPE_SEARCH_FILTER);
  g_type_ensure (RDS_TYPE_STATUS_BADGE);
  g_type_ensure (RDS_TYPE_INFO_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rds-backups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, current_tab);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, retained_tab);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, status_model);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, RdsBackupsPage, search_filter);

  gtk_widget_class_install_action (widget_class, "backup.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "backup.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "page.focus-search", NULL, focus_search_action);
}

static void
rds_backups_page_init (RdsBackupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rds_page_show_list_in (RDS_PAGE (self), self->sort_model);

  self->status_filter = gtk_custom_filter_new (status_filter_func, self, NULL);
  gtk_filter_list_model_set_filter (self->status_model, GTK_FILTER (self->status_filter));
  g_object_unref (self->status_filter);   /* the model holds it */

  rds_search_filter_add_field (self->search_filter, "db-instance-identifier", NULL);
  rds_search_filter_add_field (self->search_filter, "engine", rds_format_engine);
  rds_search_filter_add_field (self->search_filter, "status", rds_format_status);
  rds_search_filter_add_field (self->search_filter, "dbi-resource-id", NULL);

  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  g_signal_group_connect_swapped (rds_page_get_list_signals (RDS_PAGE (self)), "notify::loaded",
                                  G_CALLBACK (update_state), self);
  g_signal_group_connect_swapped (rds_page_get_list_signals (RDS_PAGE (self)), "refreshed",
                                  G_CALLBACK (list_refreshed_cb), self);
  self->backup_signals = g_signal_group_new (RDS_TYPE_DB_INSTANCE_AUTOMATED_BACKUP);
  g_signal_group_connect_swapped (self->backup_signals, "notify", G_CALLBACK (update_actions), self);

  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->status_model, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->current_tab, "toggled", G_CALLBACK (tab_toggled_cb), self);
  g_signal_connect_swapped (self->retained_tab, "toggled", G_CALLBACK (tab_toggled_cb), self);

  update_state (self);
  update_actions (self);
}

/**
 * rds_backups_page_show_retained:
 * @retained: whether to show the Retained tab, or the Current Region one
 */
void
rds_backups_page_show_retained (RdsBackupsPage *self,
                                gboolean        retained)
{
  g_return_if_fail (RDS_IS_BACKUPS_PAGE (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (retained ? self->retained_tab : self->current_tab), TRUE);
}

GtkSingleSelection *
rds_backups_page_get_selection (RdsBackupsPage *self)
{
  g_return_val_if_fail (RDS_IS_BACKUPS_PAGE (self), NULL);

  return self->selection;
}
