/* rds-info-button.h: the "Info" link that opens a concept in the side panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RDS_TYPE_INFO_BUTTON (rds_info_button_get_type ())
G_DECLARE_FINAL_TYPE (RdsInfoButton, rds_info_button, RDS, INFO_BUTTON, GtkButton)

GtkWidget  *rds_info_button_new         (const char    *concept);
const char *rds_info_button_get_concept (RdsInfoButton *self);
void        rds_info_button_set_concept (RdsInfoButton *self,
                                         const char    *concept);

G_END_DECLS
