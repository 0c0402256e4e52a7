/* rds-databases-page.c: the Databases page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RDS console's databases table: the session's DB instances, sorted by
 * the clicked column, filtered as the user types, one selectable at a
 * time. The pipeline (sort, then filter, then selection) is declared in
 * the template; sorting before filtering means a keystroke only filters,
 * which keeps it within a frame over 10,000 instances. The list updates
 * its items in place on every poll, so rows, selection and scroll
 * position stay. Modify and the Actions menu act on the selected row.
 */

#include "config.h"

#include "rds-databases-page.h"

#include "rds-widget-util.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rds-db-instance.h"
#include "rds-format.h"
#include "rds-instance-actions.h"
#include "rds-link-button.h"
#include "rds-resource-list.h"
#include "rds-search-filter.h"
#include "rds-session.h"
#include "rds-status-badge.h"

struct _RdsDatabasesPage
{
  GtkWidget           parent_instance;

  RdsSession         *session;
  RdsResourceList    *list;
  GSignalGroup       *list_signals;
  RdsInstanceActions *actions;

  GtkWidget          *title_label;
  GtkWidget          *actions_button;
  GtkWidget          *search_entry;
  GtkWidget          *content_stack;
  GtkWidget          *empty_page;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *identifier_column;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  RdsSearchFilter    *search_filter;
};

G_DEFINE_FINAL_TYPE (RdsDatabasesPage, rds_databases_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (RdsDatabasesPage *self)
{
  GListModel *all = self->list != NULL ? rds_resource_list_get_model (self->list) : NULL;
  guint total = all != NULL ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *title = NULL;
  const char *page;

  /* Translators: the Databases page's title, with how many there are */
  title = g_strdup_printf (_("Databases (%u)"), total);
  gtk_label_set_label (GTK_LABEL (self->title_label), title);

  if (self->list == NULL || (!rds_resource_list_get_loaded (self->list) && total == 0))
    page = "loading";
  else if (total == 0)
    page = "empty";
  else if (shown == 0)
    page = "no-results";
  else
    page = "list";

  if (self->session != NULL && g_str_equal (page, "empty"))
    {
      /* Translators: %s is an AWS Region's name */
      g_autofree char *description =
        g_strdup_printf (_("You have no databases in %s yet."),
                         rds_format_region_name (rds_session_get_region (self->session)));

      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), description);
    }

  gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), page);
}

static void
selection_changed_cb (RdsDatabasesPage *self)
{
  rds_instance_actions_set_instance (self->actions,
                                     gtk_single_selection_get_selected_item (self->selection));
}

static void
search_changed_cb (RdsDatabasesPage *self,
                   GtkEditable      *entry)
{
  rds_search_filter_set_search (self->search_filter, gtk_editable_get_text (entry));
}

static void
activate_cb (RdsDatabasesPage *self,
             guint             position)
{
  g_autoptr(RdsDbInstance) instance = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (instance != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-database", "s",
                                rds_db_instance_get_identifier (instance));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (widget);

  gtk_widget_grab_focus (self->search_entry);
}

static void
rds_databases_page_dispose (GObject *object)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (object);

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (self->column_view, self);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->actions);
  g_clear_object (&self->list);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_DATABASES_PAGE);
  rds_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rds_databases_page_parent_class)->dispose (object);
}

static void
rds_databases_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_databases_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RdsDatabasesPage *self = RDS_DATABASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rds_databases_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_databases_page_class_init (RdsDatabasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_databases_page_dispose;
  object_class->get_property = rds_databases_page_get_property;
  object_class->set_property = rds_databases_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RDS_TYPE_DB_INSTANCE);
  g_type_ensure (RDS_TYPE_LINK_BUTTON);
  g_type_ensure (RDS_TYPE_SEARCH_FILTER);
  g_type_ensure (RDS_TYPE_STATUS_BADGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-databases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, actions_button);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, identifier_column);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, RdsDatabasesPage, search_filter);

  gtk_widget_class_install_action (widget_class, "page.focus-search", NULL, focus_search_action);
}

static void
rds_databases_page_init (RdsDatabasesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rds_search_filter_add_field (self->search_filter, "db-instance-identifier", NULL);
  rds_search_filter_add_field (self->search_filter, "engine", rds_format_engine);
  rds_search_filter_add_field (self->search_filter, "db-instance-status", rds_format_status);
  rds_search_filter_add_field (self->search_filter, "db-instance-class", NULL);
  rds_search_filter_add_field (self->search_filter, "availability-zone", NULL);

  self->actions = rds_instance_actions_new (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->actions_button),
                                  rds_instance_actions_get_menu ());

  /* Sorted by identifier until the user clicks another column. */
  gtk_column_view_sort_by_column (self->column_view, self->identifier_column, GTK_SORT_ASCENDING);

  self->list_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->list_signals, "notify::loaded",
                                  G_CALLBACK (update_state), self);

  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);

  update_state (self);
}

RdsSession *
rds_databases_page_get_session (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), NULL);

  return self->session;
}

void
rds_databases_page_set_session (RdsDatabasesPage *self,
                                RdsSession       *session)
{
  g_return_if_fail (RDS_IS_DATABASES_PAGE (self));
  g_return_if_fail (session == NULL || RDS_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_set_object (&self->list, (session != NULL ? rds_session_get_instances (session) : NULL));
  g_signal_group_set_target (self->list_signals, self->list);
  gtk_sort_list_model_set_model (self->sort_model,
                                 self->list != NULL ? rds_resource_list_get_model (self->list) : NULL);
  rds_instance_actions_set_session (self->actions, session);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkColumnView *
rds_databases_page_get_view (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), NULL);

  return self->column_view;
}

GtkSingleSelection *
rds_databases_page_get_selection (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), NULL);

  return self->selection;
}

GtkEditable *
rds_databases_page_get_search (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

RdsInstanceActions *
rds_databases_page_get_actions (RdsDatabasesPage *self)
{
  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), NULL);

  return self->actions;
}

/* Selects the row of @identifier; FALSE when it is not shown. */
gboolean
rds_databases_page_select (RdsDatabasesPage *self,
                           const char       *identifier)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (RDS_IS_DATABASES_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsDbInstance) instance = g_list_model_get_item (model, i);

      if (g_strcmp0 (rds_db_instance_get_identifier (instance), identifier) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}
