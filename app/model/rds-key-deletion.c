/* rds-key-deletion.c: The answer of ScheduleKeyDeletion and CancelKeyDeletion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-key-deletion.h"

struct _RdsKeyDeletion
{
  RdsShape parent_instance;

  char        *key_id;
  gint64       deletion_date;
  const char  *key_state;
  int          pending_window_in_days;
};

G_DEFINE_FINAL_TYPE (RdsKeyDeletion, rds_key_deletion, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsKeyDeletion, key_id, "key-id", "KeyId",
                    N_("The key’s ARN")),
  RDS_FIELD_TIMESTAMP (RdsKeyDeletion, deletion_date, "deletion-date", "DeletionDate",
                       N_("When a key pending deletion is deleted")),
  RDS_FIELD_INTERNED (RdsKeyDeletion, key_state, "key-state", "KeyState",
                      N_("Enabled, Disabled or PendingDeletion")),
  RDS_FIELD_OPTIONAL_INT (RdsKeyDeletion, pending_window_in_days, "pending-window-in-days",
                          "PendingWindowInDays", N_("Days until the key is deleted"), 365),
};

static void
rds_key_deletion_class_init (RdsKeyDeletionClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_key_deletion_init (RdsKeyDeletion *self)
{
}
