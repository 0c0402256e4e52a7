/* rds-key-item.h: one KMS key as the KMS keys page shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rds-key-metadata.h"

G_BEGIN_DECLS

#define RDS_TYPE_KEY_ITEM (rds_key_item_get_type ())
G_DECLARE_FINAL_TYPE (RdsKeyItem, rds_key_item, RDS, KEY_ITEM, GObject)

RdsKeyItem         *rds_key_item_new              (RdsKeyMetadata     *metadata);
RdsKeyMetadata     *rds_key_item_get_metadata     (RdsKeyItem         *self);
void                rds_key_item_set_metadata     (RdsKeyItem         *self,
                                                   RdsKeyMetadata     *metadata);
const char         *rds_key_item_get_key_id       (RdsKeyItem         *self);
const char         *rds_key_item_get_arn          (RdsKeyItem         *self);
const char         *rds_key_item_get_state        (RdsKeyItem         *self);
gboolean            rds_key_item_is_aws_managed   (RdsKeyItem         *self);
const char * const *rds_key_item_get_aliases      (RdsKeyItem         *self);
void                rds_key_item_set_aliases      (RdsKeyItem         *self,
                                                   const char * const *aliases);
const char * const *rds_key_item_get_used_by      (RdsKeyItem         *self);
void                rds_key_item_set_used_by      (RdsKeyItem         *self,
                                                   const char * const *used_by);
char               *rds_key_item_dup_name         (RdsKeyItem         *self);

G_END_DECLS
