/* rds-accessible-names.h: names a screen reader can say, for controls GTK 4.8 names badly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *rds_accessible_strip_mnemonic (const char *label);
void  rds_accessible_name_controls  (GtkWidget  *root);
void  rds_accessible_set_name       (GtkWidget  *widget,
                                     const char *name);

GtkWidget *rds_accessible_drop_down_button (GtkDropDown *drop_down);

G_END_DECLS
