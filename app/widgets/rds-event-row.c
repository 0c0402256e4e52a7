/* rds-event-row.c: one event, in a boxed list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The message, and under it when and what it is about. Used with
 * gtk_list_box_bind_model() by the dashboard and a database's page.
 */

#include "config.h"

#include "rds-event-row.h"

#include "rds-format.h"
#include "rds-shape.h"

struct _RdsEventRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (RdsEventRow, rds_event_row, ADW_TYPE_ACTION_ROW)

static void
rds_event_row_class_init (RdsEventRowClass *klass)
{
}

static void
rds_event_row_init (RdsEventRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 3);
}

/**
 * rds_event_row_new:
 * @event: (type RdsEvent): the event
 *
 * Its signature fits gtk_list_box_bind_model()'s create function.
 */
GtkWidget *
rds_event_row_new (gpointer event)
{
  RdsEventRow *self = g_object_new (RDS_TYPE_EVENT_ROW, NULL);
  g_autofree char *time = rds_format_time (NULL, rds_shape_get_timestamp (event, "date"));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", time,
                                               rds_shape_get_string (event, "source-identifier"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), rds_shape_get_string (event, "message"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  return GTK_WIDGET (self);
}
