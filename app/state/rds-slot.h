/* rds-slot.h: one row of a view, whatever item it shows now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RDS_TYPE_SLOT (rds_slot_get_type ())
G_DECLARE_FINAL_TYPE (RdsSlot, rds_slot, RDS, SLOT, GObject)

RdsSlot  *rds_slot_new      (void);
gpointer  rds_slot_get_item (RdsSlot  *self);
void      rds_slot_set_item (RdsSlot  *self,
                             gpointer  item);

G_END_DECLS
