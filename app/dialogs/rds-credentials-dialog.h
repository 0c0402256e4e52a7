/* rds-credentials-dialog.h: a generated master password, shown once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RDS_TYPE_CREDENTIALS_DIALOG (rds_credentials_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsCredentialsDialog, rds_credentials_dialog, RDS, CREDENTIALS_DIALOG, AdwMessageDialog)

GtkWidget *rds_credentials_dialog_new (GtkWindow  *parent,
                                       const char *identifier,
                                       const char *username,
                                       const char *password,
                                       gboolean    in_keyring);

G_END_DECLS
