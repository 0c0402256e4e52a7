/* rds-heading.h: a title of a form or a page, with its Info link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RDS_TYPE_HEADING (rds_heading_get_type ())
G_DECLARE_FINAL_TYPE (RdsHeading, rds_heading, RDS, HEADING, GtkWidget)

GtkWidget  *rds_heading_new        (const char *label,
                                    const char *style,
                                    const char *info);
const char *rds_heading_get_label  (RdsHeading *self);
void        rds_heading_set_label  (RdsHeading *self,
                                    const char *label);
void        rds_heading_set_style  (RdsHeading *self,
                                    const char *style);
const char *rds_heading_get_info   (RdsHeading *self);
void        rds_heading_set_info   (RdsHeading *self,
                                    const char *info);
GtkWidget  *rds_heading_get_info_button (RdsHeading *self);

G_END_DECLS
