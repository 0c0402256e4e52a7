/* rds-since-filter.h: the items of a time range, by one of their timestamps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RDS_TYPE_SINCE_FILTER (rds_since_filter_get_type ())
G_DECLARE_FINAL_TYPE (RdsSinceFilter, rds_since_filter, RDS, SINCE_FILTER, GtkFilter)

RdsSinceFilter *rds_since_filter_new       (const char     *property);
gint64          rds_since_filter_get_since (RdsSinceFilter *self);
void            rds_since_filter_set_since (RdsSinceFilter *self,
                                            gint64          since);

G_END_DECLS
