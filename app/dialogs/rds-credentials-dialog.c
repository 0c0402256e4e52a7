/* rds-credentials-dialog.c: a generated master password, shown once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the RDS console's "View credential details" after creating a
 * database with an auto-generated password: the username and password,
 * with a button that copies the password. The password stays masked until
 * the user asks to see it, so a screenshot never shows it. Closing the
 * dialog wipes it from the dialog's memory.
 */

#include "config.h"

#include "rds-credentials-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rds-widget-util.h"

#include "rds-secrets.h"

struct _RdsCredentialsDialog
{
  AdwMessageDialog  parent_instance;

  char             *password;
  GtkWidget        *password_label;
  GtkWidget        *show_button;
};

G_DEFINE_FINAL_TYPE (RdsCredentialsDialog, rds_credentials_dialog, ADW_TYPE_MESSAGE_DIALOG)

#define MASK "••••••••••••••••••••"

static void
show_toggled_cb (RdsCredentialsDialog *self)
{
  gboolean show = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->show_button));

  gtk_label_set_label (GTK_LABEL (self->password_label), show ? self->password : MASK);
}

static void
copy_clicked_cb (RdsCredentialsDialog *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  gdk_clipboard_set_text (clipboard, self->password);
}

static void
rds_credentials_dialog_finalize (GObject *object)
{
  RdsCredentialsDialog *self = RDS_CREDENTIALS_DIALOG (object);

  rds_secret_free (self->password);

  G_OBJECT_CLASS (rds_credentials_dialog_parent_class)->finalize (object);
}

static void
rds_credentials_dialog_class_init (RdsCredentialsDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rds_credentials_dialog_finalize;
}

static void
rds_credentials_dialog_init (RdsCredentialsDialog *self)
{
}

GtkWidget *
rds_credentials_dialog_new (GtkWindow  *parent,
                            const char *identifier,
                            const char *username,
                            const char *password,
                            gboolean    in_keyring)
{
  RdsCredentialsDialog *self;
  GtkWidget *box, *row, *copy, *user_label;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (password != NULL, NULL);

  self = g_object_new (RDS_TYPE_CREDENTIALS_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->password = g_strdup (password);

  /* Translators: %s is a DB instance identifier */
  heading = g_strdup_printf (_("Connection details of %s"), identifier);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               in_keyring
                               ? _("This is the only time RDS Console shows this password. Copy "
                                   "it now; it is also kept in your keyring.")
                               : _("This is the only time RDS Console shows this password. Copy "
                                   "it now; without a keyring it is kept only until RDS Console "
                                   "quits."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), rds_caption_label_new (_("Master username")));
  user_label = gtk_label_new (username);
  gtk_label_set_xalign (GTK_LABEL (user_label), 0);
  gtk_label_set_selectable (GTK_LABEL (user_label), TRUE);
  gtk_box_append (GTK_BOX (box), user_label);

  gtk_box_append (GTK_BOX (box), rds_caption_label_new (_("Master password")));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->password_label = gtk_label_new (MASK);
  gtk_label_set_xalign (GTK_LABEL (self->password_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->password_label), TRUE);
  gtk_widget_set_hexpand (self->password_label, TRUE);
  gtk_widget_add_css_class (self->password_label, "password-box");
  gtk_box_append (GTK_BOX (row), self->password_label);

  self->show_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->show_button), "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (self->show_button, _("Show password"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->show_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show password"), -1);
  g_signal_connect_swapped (self->show_button, "toggled", G_CALLBACK (show_toggled_cb), self);
  gtk_box_append (GTK_BOX (row), self->show_button);

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_tooltip_text (copy, _("Copy password"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy password"), -1);
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), copy);
  gtk_box_append (GTK_BOX (box), row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "close");

  return GTK_WIDGET (self);
}
