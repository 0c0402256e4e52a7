/* rds-word-wrap.h: Korean (and any spaced script) wrapped between words, not inside them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rds_word_wrap_label (GtkLabel  *label);
void rds_word_wrap_all   (GtkWidget *root);

GtkWidget *rds_word_wrap_tooltip_label (const char *text);

G_END_DECLS
