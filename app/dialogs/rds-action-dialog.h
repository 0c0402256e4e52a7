/* rds-action-dialog.h: a dialog that confirms one call to the endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rds-action.h"
#include "rds-client.h"
#include "rds-request.h"
#include "rds-types.h"

G_BEGIN_DECLS

#define RDS_TYPE_ACTION_DIALOG (rds_action_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (RdsActionDialog, rds_action_dialog, RDS, ACTION_DIALOG, AdwWindow)

struct _RdsActionDialogClass
{
  AdwWindowClass parent_class;

  /* The request to send, or NULL and an error shown in the dialog. */
  RdsRequest *(*build_request) (RdsActionDialog  *self,
                                GError          **error);
  /* Whether the fields allow submitting; called when one changes. */
  gboolean    (*validate)      (RdsActionDialog  *self);
  /* What the window's toast says when the call succeeded. */
  char       *(*describe_success) (RdsActionDialog *self,
                                   RdsQueryResult  *result);
  /* Optional: the next request of the same submission after @result (a
   * key, then its alias), or NULL when the submission is done. */
  RdsRequest *(*next_request)  (RdsActionDialog *self,
                                RdsQueryResult  *result);
  /* Optional: the client to send the request with (another Region's), or
   * NULL for the session's. */
  RdsClient  *(*get_client)    (RdsActionDialog *self);
};

RdsSession *rds_action_dialog_get_session      (RdsActionDialog *self);
gpointer    rds_action_dialog_get_resource     (RdsActionDialog *self);
void        rds_action_dialog_set_heading      (RdsActionDialog *self,
                                                const char      *heading);
void        rds_action_dialog_set_body         (RdsActionDialog *self,
                                                const char      *body);
void        rds_action_dialog_set_submit_label (RdsActionDialog *self,
                                                const char      *label,
                                                gboolean         destructive);
void        rds_action_dialog_add              (RdsActionDialog *self,
                                                GtkWidget       *widget);
GtkWidget  *rds_action_dialog_add_delete_confirmation (RdsActionDialog  *self,
                                                       GtkWidget       **field);
gboolean    rds_action_dialog_delete_confirmed (GtkWidget       *entry);
void        rds_action_dialog_revalidate       (RdsActionDialog *self);
gboolean    rds_action_dialog_get_busy         (RdsActionDialog *self);
void        rds_action_dialog_submit           (RdsActionDialog *self);
GtkWidget  *rds_action_dialog_get_submit_button (RdsActionDialog *self);
const char *rds_action_dialog_get_error        (RdsActionDialog *self);

/* Helpers for subclasses' fields. */
GtkWidget  *rds_action_dialog_add_check        (RdsActionDialog *self,
                                                const char      *label);
GtkWidget  *rds_action_dialog_add_entry        (RdsActionDialog *self,
                                                const char      *title,
                                                const char      *parameter,
                                                const char      *hint,
                                                GtkWidget      **field);

G_END_DECLS
