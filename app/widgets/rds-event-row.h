/* rds-event-row.h: one event, in a boxed list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RDS_TYPE_EVENT_ROW (rds_event_row_get_type ())
G_DECLARE_FINAL_TYPE (RdsEventRow, rds_event_row, RDS, EVENT_ROW, AdwActionRow)

GtkWidget *rds_event_row_new (gpointer event);

G_END_DECLS
