/* rds-command-line-dialog.h: how to drive the embedded simulator from the AWS CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rds-secrets.h"

G_BEGIN_DECLS

#define RDS_TYPE_COMMAND_LINE_DIALOG (rds_command_line_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdsCommandLineDialog, rds_command_line_dialog, RDS, COMMAND_LINE_DIALOG, AdwMessageDialog)

GtkWidget  *rds_command_line_dialog_new         (GtkWindow            *parent,
                                                 const char           *url,
                                                 const char           *region,
                                                 const char           *access_key_id,
                                                 RdsSecrets           *secrets,
                                                 const char           *secret_key);
const char *rds_command_line_dialog_get_text    (RdsCommandLineDialog *self);
void        rds_command_line_dialog_reveal      (RdsCommandLineDialog *self);

G_END_DECLS
