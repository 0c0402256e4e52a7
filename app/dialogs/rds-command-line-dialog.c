/* rds-command-line-dialog.c: how to drive the embedded simulator from the AWS CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The endpoint of the simulator the console shows, and the environment
 * the AWS CLI (or boto3, or Terraform) needs to reach it, so a user can
 * drive it from a terminal and watch the console change. The secret
 * access key stays masked: it is read from the keyring only when the user
 * asks to see or copy it, and wiped when the dialog closes.
 */

#include "config.h"

#include "rds-command-line-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rds-widget-util.h"

struct _RdsCommandLineDialog
{
  AdwMessageDialog  parent_instance;

  char             *url;
  char             *region;
  char             *access_key_id;
  RdsSecrets       *secrets;
  char             *secret_key;    /* its key in the keyring */
  char             *secret;        /* once asked for */
  gboolean          copy_when_read;
  GCancellable     *cancellable;

  GtkWidget        *lines_label;
  GtkWidget        *show_button;
  char             *text;
};

G_DEFINE_FINAL_TYPE (RdsCommandLineDialog, rds_command_line_dialog, ADW_TYPE_MESSAGE_DIALOG)

#define MASK "••••••••••••••••••••"

/* The lines, with the secret or its mask. */
static char *
lines (RdsCommandLineDialog *self,
       gboolean              with_secret)
{
  return g_strdup_printf ("export AWS_ACCESS_KEY_ID=%s\n"
                          "export AWS_SECRET_ACCESS_KEY=%s\n"
                          "export AWS_DEFAULT_REGION=%s\n"
                          "aws rds describe-db-instances \\\n"
                          "    --endpoint-url %s",
                          self->access_key_id, with_secret && self->secret != NULL ? self->secret : MASK,
                          self->region, self->url);
}

static void
show_lines (RdsCommandLineDialog *self)
{
  gboolean show = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->show_button));

  if (self->text != NULL)
    explicit_bzero (self->text, strlen (self->text));
  g_free (self->text);
  self->text = lines (self, show);
  gtk_label_set_label (GTK_LABEL (self->lines_label), self->text);
}

static void
copy_lines (RdsCommandLineDialog *self)
{
  g_autofree char *text = lines (self, TRUE);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  explicit_bzero (text, strlen (text));
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RdsCommandLineDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *credentials = rds_secrets_lookup_finish (RDS_SECRETS (object), result, &error);
  const char *colon;

  if (credentials == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                     error != NULL ? error->message
                                     : _("The simulator’s secret access key is not in the keyring."));
      return;
    }

  /* Kept as "access key ID:secret access key". */
  colon = strchr (credentials, ':');
  self->secret = g_strdup (colon != NULL ? colon + 1 : credentials);
  rds_secret_free (credentials);
  show_lines (self);
  if (self->copy_when_read)
    copy_lines (self);
  self->copy_when_read = FALSE;
}

static void
read_secret (RdsCommandLineDialog *self)
{
  if (self->secrets == NULL)
    return;
  rds_secrets_lookup_async (self->secrets, RDS_SECRET_SIMULATOR, self->secret_key, self->cancellable,
                            looked_up_cb, g_object_ref (self));
}

static void
show_toggled_cb (RdsCommandLineDialog *self)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->show_button)) && self->secret == NULL)
    read_secret (self);
  show_lines (self);
}

static void
copy_clicked_cb (RdsCommandLineDialog *self)
{
  if (self->secret != NULL)
    {
      copy_lines (self);
      return;
    }
  self->copy_when_read = TRUE;
  read_secret (self);
}

/**
 * rds_command_line_dialog_reveal:
 *
 * Shows the secret access key, as the Show button does.
 */
void
rds_command_line_dialog_reveal (RdsCommandLineDialog *self)
{
  g_return_if_fail (RDS_IS_COMMAND_LINE_DIALOG (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->show_button), TRUE);
}

/**
 * rds_command_line_dialog_get_text:
 *
 * Returns: the lines as shown (the secret masked until revealed)
 */
const char *
rds_command_line_dialog_get_text (RdsCommandLineDialog *self)
{
  g_return_val_if_fail (RDS_IS_COMMAND_LINE_DIALOG (self), NULL);

  return self->text;
}

static void
rds_command_line_dialog_dispose (GObject *object)
{
  RdsCommandLineDialog *self = RDS_COMMAND_LINE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (rds_command_line_dialog_parent_class)->dispose (object);
}

static void
rds_command_line_dialog_finalize (GObject *object)
{
  RdsCommandLineDialog *self = RDS_COMMAND_LINE_DIALOG (object);

  rds_secret_free (self->secret);
  if (self->text != NULL)
    explicit_bzero (self->text, strlen (self->text));
  g_free (self->text);
  g_free (self->url);
  g_free (self->region);
  g_free (self->access_key_id);
  g_free (self->secret_key);
  g_clear_object (&self->secrets);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rds_command_line_dialog_parent_class)->finalize (object);
}

static void
rds_command_line_dialog_class_init (RdsCommandLineDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rds_command_line_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = rds_command_line_dialog_finalize;
}

static void
rds_command_line_dialog_init (RdsCommandLineDialog *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * rds_command_line_dialog_new:
 * @secrets: (nullable): where the simulator's credentials are kept
 * @secret_key: their key there (the simulator's state folder)
 */
GtkWidget *
rds_command_line_dialog_new (GtkWindow  *parent,
                             const char *url,
                             const char *region,
                             const char *access_key_id,
                             RdsSecrets *secrets,
                             const char *secret_key)
{
  RdsCommandLineDialog *self;
  GtkWidget *box, *row, *copy, *url_label, *scroller;

  g_return_val_if_fail (url != NULL && region != NULL && access_key_id != NULL, NULL);

  self = g_object_new (RDS_TYPE_COMMAND_LINE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->url = g_strdup (url);
  self->region = g_strdup (region);
  self->access_key_id = g_strdup (access_key_id);
  self->secrets = secrets != NULL ? g_object_ref (secrets) : NULL;
  self->secret_key = g_strdup (secret_key);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Use from the Command Line"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("The simulator this window shows answers the AWS CLI, boto3 and "
                                 "Terraform too. Run these lines in a terminal and watch the "
                                 "console follow what they do. The address stays the same across "
                                 "starts when Preferences fix the port."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), rds_caption_label_new (_("Endpoint")));
  url_label = gtk_label_new (url);
  gtk_label_set_xalign (GTK_LABEL (url_label), 0);
  rds_label_set_mouse_selectable (GTK_LABEL (url_label));
  gtk_box_append (GTK_BOX (box), url_label);

  gtk_box_append (GTK_BOX (box), rds_caption_label_new (_("In a terminal")));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->lines_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->lines_label), 0);
  rds_label_set_mouse_selectable (GTK_LABEL (self->lines_label));
  gtk_widget_add_css_class (self->lines_label, "monospace");
  /* Lines as a terminal takes them, unwrapped: scrolled sideways when long. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->lines_label);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (row), scroller);

  self->show_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->show_button), "view-reveal-symbolic");
  gtk_widget_set_valign (self->show_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->show_button, _("Show the secret access key"));
  g_signal_connect_swapped (self->show_button, "toggled", G_CALLBACK (show_toggled_cb), self);
  gtk_box_append (GTK_BOX (row), self->show_button);

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (copy, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (copy, _("Copy the lines"));
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), copy);
  gtk_box_append (GTK_BOX (box), row);
  show_lines (self);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "close");

  return GTK_WIDGET (self);
}
