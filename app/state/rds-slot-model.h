/* rds-slot-model.h: a list's items in slots that keep their positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RDS_TYPE_SLOT_MODEL (rds_slot_model_get_type ())
G_DECLARE_FINAL_TYPE (RdsSlotModel, rds_slot_model, RDS, SLOT_MODEL, GObject)

RdsSlotModel *rds_slot_model_new         (GListModel   *model);
GListModel   *rds_slot_model_get_model   (RdsSlotModel *self);
void          rds_slot_model_set_model   (RdsSlotModel *self,
                                          GListModel   *model);
guint         rds_slot_model_get_step    (RdsSlotModel *self);
void          rds_slot_model_set_step    (RdsSlotModel *self,
                                          guint         step);
guint         rds_slot_model_get_keep    (RdsSlotModel *self);
void          rds_slot_model_set_keep    (RdsSlotModel *self,
                                          guint         keep);
guint         rds_slot_model_get_occupied (RdsSlotModel *self);
guint         rds_slot_model_get_pending (RdsSlotModel *self);
gboolean      rds_slot_model_grow        (RdsSlotModel *self);
gpointer      rds_slot_model_get_item    (RdsSlotModel *self,
                                          guint         position);
guint         rds_slot_model_find        (RdsSlotModel *self,
                                          gpointer      item);

G_END_DECLS
