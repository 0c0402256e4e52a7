/* rds-master-user-secret.c: The Secrets Manager secret that holds the master password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-master-user-secret.h"

struct _RdsMasterUserSecret
{
  RdsShape parent_instance;

  char       *secret_arn;
  const char *secret_status;
  char       *kms_key_id;
};

G_DEFINE_FINAL_TYPE (RdsMasterUserSecret, rds_master_user_secret, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsMasterUserSecret, secret_arn, "secret-arn", "SecretArn",
                    N_("The Amazon Resource Name of the secret")),
  RDS_FIELD_INTERNED (RdsMasterUserSecret, secret_status, "secret-status", "SecretStatus",
                      N_("creating, active, rotating or impaired")),
  RDS_FIELD_STRING (RdsMasterUserSecret, kms_key_id, "kms-key-id", "KmsKeyId",
                    N_("The KMS key that encrypts the secret")),
};

static void
rds_master_user_secret_class_init (RdsMasterUserSecretClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_master_user_secret_init (RdsMasterUserSecret *self)
{
}
