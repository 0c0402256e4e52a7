/* rds-key-metadata.c: A KMS key: its identity, state and use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-key-metadata.h"

struct _RdsKeyMetadata
{
  RdsShape parent_instance;

  char        *aws_account_id;
  char        *key_id;
  char        *arn;
  gint64       creation_date;
  gboolean     enabled;
  char        *description;
  const char  *key_usage;
  const char  *key_state;
  gint64       deletion_date;
  const char  *origin;
  const char  *key_manager;
  const char  *customer_master_key_spec;
  const char  *key_spec;
  char       **encryption_algorithms;
  RdsTristate  multi_region;
};

G_DEFINE_FINAL_TYPE (RdsKeyMetadata, rds_key_metadata, RDS_TYPE_SHAPE)

static const RdsField fields[] = {
  RDS_FIELD_STRING (RdsKeyMetadata, aws_account_id, "aws-account-id", "AWSAccountId",
                    N_("The account that owns the key")),
  RDS_FIELD_STRING (RdsKeyMetadata, key_id, "key-id", "KeyId",
                    N_("The key’s unique identifier")),
  RDS_FIELD_STRING (RdsKeyMetadata, arn, "arn", "Arn",
                    N_("The key’s ARN")),
  RDS_FIELD_TIMESTAMP (RdsKeyMetadata, creation_date, "creation-date", "CreationDate",
                       N_("When the key was created")),
  RDS_FIELD_BOOLEAN (RdsKeyMetadata, enabled, "enabled", "Enabled",
                     N_("Whether the key can be used")),
  RDS_FIELD_STRING (RdsKeyMetadata, description, "description", "Description",
                    N_("What the key is for")),
  RDS_FIELD_INTERNED (RdsKeyMetadata, key_usage, "key-usage", "KeyUsage",
                      N_("What the key does: ENCRYPT_DECRYPT")),
  RDS_FIELD_INTERNED (RdsKeyMetadata, key_state, "key-state", "KeyState",
                      N_("Enabled, Disabled or PendingDeletion")),
  RDS_FIELD_TIMESTAMP (RdsKeyMetadata, deletion_date, "deletion-date", "DeletionDate",
                       N_("When a key pending deletion is deleted")),
  RDS_FIELD_INTERNED (RdsKeyMetadata, origin, "origin", "Origin",
                      N_("Where the key material comes from: AWS_KMS")),
  RDS_FIELD_INTERNED (RdsKeyMetadata, key_manager, "key-manager", "KeyManager",
                      N_("Who manages the key: CUSTOMER or AWS")),
  RDS_FIELD_INTERNED (RdsKeyMetadata, customer_master_key_spec, "customer-master-key-spec",
                      "CustomerMasterKeySpec", N_("The key spec, by its former name")),
  RDS_FIELD_INTERNED (RdsKeyMetadata, key_spec, "key-spec", "KeySpec",
                      N_("The kind of key: SYMMETRIC_DEFAULT")),
  RDS_FIELD_STRV (RdsKeyMetadata, encryption_algorithms, "encryption-algorithms",
                  "EncryptionAlgorithms", N_("The encryption algorithms the key supports"),
                  "member"),
  RDS_FIELD_OPTIONAL_BOOLEAN (RdsKeyMetadata, multi_region, "multi-region", "MultiRegion",
                              N_("Whether the key is a multi-Region key")),
};

static void
rds_key_metadata_class_init (RdsKeyMetadataClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_key_metadata_init (RdsKeyMetadata *self)
{
}
