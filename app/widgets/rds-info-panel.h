/* rds-info-panel.h: the side panel that explains a concept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RDS_TYPE_INFO_PANEL (rds_info_panel_get_type ())
G_DECLARE_FINAL_TYPE (RdsInfoPanel, rds_info_panel, RDS, INFO_PANEL, GtkWidget)

GtkWidget  *rds_info_panel_new         (const char   *concept);
const char *rds_info_panel_get_concept (RdsInfoPanel *self);
void        rds_info_panel_set_concept (RdsInfoPanel *self,
                                        const char   *concept);
const char *rds_info_panel_get_title   (RdsInfoPanel *self);
char       *rds_info_panel_get_text    (RdsInfoPanel *self);

G_END_DECLS
