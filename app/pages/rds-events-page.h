/* rds-events-page.h: the Events page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rds-page.h"

G_BEGIN_DECLS

#define RDS_TYPE_EVENTS_PAGE (rds_events_page_get_type ())
G_DECLARE_FINAL_TYPE (RdsEventsPage, rds_events_page, RDS, EVENTS_PAGE, RdsPage)

G_END_DECLS
