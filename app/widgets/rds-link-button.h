/* rds-link-button.h: a resource's name that opens its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RDS_TYPE_LINK_BUTTON (rds_link_button_get_type ())
G_DECLARE_FINAL_TYPE (RdsLinkButton, rds_link_button, RDS, LINK_BUTTON, GtkButton)

const char *rds_link_button_get_target (RdsLinkButton *self);
void        rds_link_button_set_target (RdsLinkButton *self,
                                        const char    *target);
const char *rds_link_button_get_action (RdsLinkButton *self);

G_END_DECLS
