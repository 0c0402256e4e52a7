/* rds-db-instance-status-info.c: a detail of an instance's status: a read replica's replication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-db-instance-status-info.h"

struct _RdsDbInstanceStatusInfo
{
  RdsShape parent_instance;

  const char *status_type;
  gboolean    normal;
  const char *status;
  char       *message;
};

G_DEFINE_FINAL_TYPE (RdsDbInstanceStatusInfo, rds_db_instance_status_info, RDS_TYPE_SHAPE)

#define T RdsDbInstanceStatusInfo
static const RdsField fields[] = {
  RDS_FIELD_INTERNED (T, status_type, "status-type", "StatusType",
                      N_("What the status is about: read replication")),
  RDS_FIELD_BOOLEAN (T, normal, "normal", "Normal",
                     N_("Whether the instance works normally")),
  RDS_FIELD_INTERNED (T, status, "status", "Status",
                      N_("replicating, error, stopped or terminated")),
  RDS_FIELD_STRING (T, message, "message", "Message",
                    N_("What went wrong, when something did")),
};
#undef T

static void
rds_db_instance_status_info_class_init (RdsDbInstanceStatusInfoClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_db_instance_status_info_init (RdsDbInstanceStatusInfo *self)
{
}
