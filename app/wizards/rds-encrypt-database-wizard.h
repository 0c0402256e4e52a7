/* rds-encrypt-database-wizard.h: encrypt an unencrypted DB instance, and watch it happen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_ENCRYPT_DATABASE_WIZARD (rds_encrypt_database_wizard_get_type ())
G_DECLARE_FINAL_TYPE (RdsEncryptDatabaseWizard, rds_encrypt_database_wizard, RDS, ENCRYPT_DATABASE_WIZARD, AdwWindow)

GtkWindow     *rds_encrypt_database_wizard_new         (RdsSession               *session,
                                                        RdsDbInstance            *instance);
GtkWindow     *rds_encrypt_database_wizard_new_for_job (RdsSession               *session,
                                                        RdsEncryptJob            *job);
RdsEncryptJob *rds_encrypt_database_wizard_get_job     (RdsEncryptDatabaseWizard *self);

G_END_DECLS
