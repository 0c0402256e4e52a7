/* rds-array-store.h: a GListModel over an array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RDS_TYPE_ARRAY_STORE (rds_array_store_get_type ())
G_DECLARE_FINAL_TYPE (RdsArrayStore, rds_array_store, RDS, ARRAY_STORE, GObject)

RdsArrayStore *rds_array_store_new        (GType          item_type);
gpointer       rds_array_store_peek       (RdsArrayStore *self,
                                           guint          position);
void           rds_array_store_splice     (RdsArrayStore *self,
                                           guint          position,
                                           guint          n_removals,
                                           gpointer      *additions,
                                           guint          n_additions);
void           rds_array_store_remove_all (RdsArrayStore *self);

G_END_DECLS
