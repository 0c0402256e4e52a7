/* rds-events-page.c: the Events page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every event of the Region, newest first, filtered by source type, time
 * range (back from the simulated now) and search. The session's events,
 * which the dashboard shows too, reach back at least a day, and as far as
 * the range.
 */

#include "config.h"

#include "rds-events-page.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>

#include "rds-event.h"
#include "rds-format.h"
#include "rds-resource-list.h"
#include "rds-search-filter.h"
#include "rds-session.h"
#include "rds-since-filter.h"

struct _RdsEventsPage
{
  RdsPage             parent_instance;

  GtkWidget          *title_label;
  GtkWidget          *search_entry;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *range_dropdown;
  GtkWidget          *content_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *time_column;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkStringFilter    *type_filter;
  RdsSearchFilter    *search_filter;
  RdsSinceFilter     *since_filter;
};

G_DEFINE_FINAL_TYPE (RdsEventsPage, rds_events_page, RDS_TYPE_PAGE)

/* The source type filter's choices, in the dropdown's order. */
static const char * const source_types[] = { NULL, "db-instance", "db-snapshot" };
/* The time range's choices in minutes; RDS keeps events 14 days. */
static const int durations[] = { 60, 1440, 10080, 20160 };
/* The session's events serve the dashboard's last day too. */
#define SHARED_MINUTES 1440

static void
update_state (RdsEventsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *title = NULL;

  /* Translators: the Events page's title, with how many are shown */
  title = g_strdup_printf (_("Events (%u)"), shown);
  gtk_label_set_label (GTK_LABEL (self->title_label), title);

  gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack),
                                    rds_widget_list_page (rds_page_get_list (RDS_PAGE (self)), shown));
}

static void
search_changed_cb (RdsEventsPage *self,
                   GtkEditable   *entry)
{
  rds_search_filter_set_search (self->search_filter, gtk_editable_get_text (entry));
}

static void
type_selected_cb (RdsEventsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);

  gtk_string_filter_set_search (self->type_filter,
                                selected < G_N_ELEMENTS (source_types) ? source_types[selected] : NULL);
}

static int
range_minutes (RdsEventsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->range_dropdown);

  return durations[MIN (selected, G_N_ELEMENTS (durations) - 1)];
}

/* The range ends at the simulated now, which moves. */
static void
update_since (RdsEventsPage *self)
{
  gint64 now = rds_page_get_session (RDS_PAGE (self)) != NULL ? rds_session_get_simulated_time (rds_page_get_session (RDS_PAGE (self))) : 0;

  rds_since_filter_set_since (self->since_filter,
                              now > 0 ? now - (gint64) range_minutes (self) * 60 * G_USEC_PER_SEC : 0);
}

/* The session's list reaches back as far as the range; the range itself
 * is a filter, so the dashboard's last day stays whole. */
static void
range_selected_cb (RdsEventsPage *self)
{
  g_autofree char *duration = NULL;

  update_since (self);
  if (rds_page_get_list (RDS_PAGE (self)) == NULL)
    return;

  duration = g_strdup_printf ("%d", MAX (range_minutes (self), SHARED_MINUTES));
  rds_resource_list_set_parameter (rds_page_get_list (RDS_PAGE (self)), "Duration", duration);
  if (rds_page_get_session (RDS_PAGE (self)) != NULL)
    rds_session_refresh (rds_page_get_session (RDS_PAGE (self)));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (RDS_EVENTS_PAGE (widget)->search_entry);
}

static void
rds_events_page_dispose (GObject *object)
{
  RdsEventsPage *self = RDS_EVENTS_PAGE (object);

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);
  if (self->type_dropdown != NULL)
    g_signal_handlers_disconnect_by_data (self->type_dropdown, self);
  if (self->range_dropdown != NULL)
    g_signal_handlers_disconnect_by_data (self->range_dropdown, self);
  g_clear_object (&self->since_filter);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_EVENTS_PAGE);

  G_OBJECT_CLASS (rds_events_page_parent_class)->dispose (object);
}

static RdsResourceList *
rds_events_page_get_list (RdsPage    *page,
                          RdsSession *session)
{
  return rds_session_get_events (session);
}

static void
rds_events_page_session_changed (RdsPage *page)
{
  RdsEventsPage *self = RDS_EVENTS_PAGE (page);

  range_selected_cb (self);
  update_state (self);
}

static void
rds_events_page_class_init (RdsEventsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsPageClass *page_class = RDS_PAGE_CLASS (klass);

  object_class->dispose = rds_events_page_dispose;
  page_class->get_list = rds_events_page_get_list;
  page_class->session_changed = rds_events_page_session_changed;

  g_type_ensure (RDS_TYPE_EVENT);
  g_type_ensure (RDS_TYPE_SEARCH_FILTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-events-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, time_column);
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, type_filter);
  gtk_widget_class_bind_template_child (widget_class, RdsEventsPage, search_filter);

  gtk_widget_class_install_action (widget_class, "page.focus-search", NULL, focus_search_action);
}

static void
rds_events_page_init (RdsEventsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rds_page_show_list_in (RDS_PAGE (self), self->sort_model);

  rds_search_filter_add_field (self->search_filter, "message", NULL);
  rds_search_filter_add_field (self->search_filter, "source-identifier", NULL);

  gtk_column_view_sort_by_column (self->column_view, self->time_column, GTK_SORT_DESCENDING);

  self->since_filter = rds_since_filter_new ("date");
  gtk_multi_filter_append (GTK_MULTI_FILTER (gtk_filter_list_model_get_filter (self->filter_model)),
                           GTK_FILTER (g_object_ref (self->since_filter)));

  g_signal_group_connect_swapped (rds_page_get_list_signals (RDS_PAGE (self)), "notify::loaded",
                                  G_CALLBACK (update_state), self);
  g_signal_group_connect_swapped (rds_page_get_list_signals (RDS_PAGE (self)), "refreshed",
                                  G_CALLBACK (update_since), self);

  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->search_entry, "changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected",
                            G_CALLBACK (type_selected_cb), self);
  g_signal_connect_swapped (self->range_dropdown, "notify::selected",
                            G_CALLBACK (range_selected_cb), self);

  update_state (self);
}
