/* rds-search-filter.h: search-as-you-type over a list of resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Turns a field's raw value into the words the user sees ("postgres" →
 * "PostgreSQL"), which the search matches too. */
typedef char *(*RdsSearchLabelFunc) (gpointer    unused,
                                     const char *value);

#define RDS_TYPE_SEARCH_FILTER (rds_search_filter_get_type ())
G_DECLARE_FINAL_TYPE (RdsSearchFilter, rds_search_filter, RDS, SEARCH_FILTER, GtkFilter)

RdsSearchFilter *rds_search_filter_new        (void);
void             rds_search_filter_add_field  (RdsSearchFilter    *self,
                                               const char         *property,
                                               RdsSearchLabelFunc  label_func);
const char      *rds_search_filter_get_search (RdsSearchFilter    *self);
void             rds_search_filter_set_search (RdsSearchFilter    *self,
                                               const char         *search);

G_END_DECLS
