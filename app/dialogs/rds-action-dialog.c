/* rds-action-dialog.c: a dialog that confirms one call to the endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of Reboot, Stop, Delete and Take snapshot: a heading, what will
 * happen, the subclass's fields, Cancel and the action's button. The
 * button stays disabled until the fields are valid. Submitting sends the
 * request and keeps the dialog open, with a spinner in the button, until
 * the endpoint answers (the fields stay editable: the request is made).
 * On success the window shows a toast and the dialog closes; on failure
 * the service's message appears next to the field it concerns, or above
 * the buttons, and every field keeps its value.
 */

#include "config.h"

#include "rds-action-dialog.h"

#include <glib/gi18n.h>

#include "rds-aws-error.h"
#include "rds-form-field.h"
#include "rds-session.h"
#include "rds-shape.h"

typedef struct
{
  RdsSession   *session;
  RdsShape     *resource;
  GCancellable *cancellable;
  gboolean      busy;
  gboolean      valid;
  char         *error;

  GtkWidget    *last_field;

  /* Template */
  AdwWindowTitle *window_title;
  GtkWidget      *content;
  GtkWidget      *body_label;
  GtkWidget      *error_box;
  GtkWidget      *error_label;
  GtkWidget      *submit_button;
  GtkWidget      *submit_label;
  GtkWidget      *spinner;
} RdsActionDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RdsActionDialog, rds_action_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RESOURCE,
  PROP_BUSY,
  N_PROPS
};

enum {
  SUCCEEDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_actions (RdsActionDialog *self)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.submit",
                                 priv->valid && !priv->busy && priv->session != NULL);
  /* Sent, a request is not taken back: the dialog waits for its answer,
   * to show it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !priv->busy);
  gtk_window_set_deletable (GTK_WINDOW (self), !priv->busy);
}

static gboolean
rds_action_dialog_close_request (GtkWindow *window)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (RDS_ACTION_DIALOG (window));

  if (priv->busy)
    return TRUE;

  return GTK_WINDOW_CLASS (rds_action_dialog_parent_class)->close_request (window);
}

static void
set_busy (RdsActionDialog *self,
          gboolean         busy)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  if (priv->busy == busy)
    return;

  priv->busy = busy;
  gtk_widget_set_visible (priv->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (priv->spinner), busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (RdsActionDialog *self,
            const char      *message)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_free (priv->error);
  priv->error = g_strdup (message);
  gtk_label_set_label (GTK_LABEL (priv->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (priv->error_box, message != NULL);
}

/* Puts @error next to the field it concerns; TRUE when one does. */
static gboolean
show_error_in_field (GtkWidget    *widget,
                     const GError *error)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (RDS_IS_FORM_FIELD (child))
        {
          const char *parameter = rds_form_field_get_parameter (RDS_FORM_FIELD (child));

          if (parameter != NULL && gtk_widget_get_visible (child) &&
              rds_aws_error_concerns (error, parameter))
            {
              rds_form_field_set_error (RDS_FORM_FIELD (child), error->message);
              return TRUE;
            }
        }
      if (show_error_in_field (child, error))
        return TRUE;
    }

  return FALSE;
}

static void send_request (RdsActionDialog *self,
                          RdsRequest      *request);

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RdsActionDialog) self = user_data;
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer;
  GtkWindow *parent;

  if (RDS_IS_CLIENT (object))
    {
      answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
      /* Another Region's client: the session's lists follow all the same. */
      if (answer != NULL && priv->session != NULL)
        rds_session_refresh (priv->session);
    }
  else
    answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (answer != NULL && RDS_ACTION_DIALOG_GET_CLASS (self)->next_request != NULL)
    {
      g_autoptr(RdsRequest) next = RDS_ACTION_DIALOG_GET_CLASS (self)->next_request (self, answer);

      if (next != NULL)
        {
          rds_query_result_free (answer);
          send_request (self, next);
          return;
        }
    }

  set_busy (self, FALSE);

  if (answer == NULL)
    {
      if (!show_error_in_field (priv->content, error))
        show_error (self, error->message);
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL && RDS_ACTION_DIALOG_GET_CLASS (self)->describe_success != NULL)
    {
      g_autofree char *toast = RDS_ACTION_DIALOG_GET_CLASS (self)->describe_success (self, answer);

      if (toast != NULL)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", toast);
    }

  g_signal_emit (self, signals[SUCCEEDED], 0, answer);
  rds_query_result_free (answer);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * rds_action_dialog_submit:
 *
 * Sends the dialog's request, as its button does.
 */
void
rds_action_dialog_submit (RdsActionDialog *self)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);
  g_autoptr(RdsRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RDS_IS_ACTION_DIALOG (self));

  if (priv->busy || !priv->valid || priv->session == NULL)
    return;

  show_error (self, NULL);
  request = RDS_ACTION_DIALOG_GET_CLASS (self)->build_request (self, &error);
  if (request == NULL)
    {
      show_error (self, error != NULL ? error->message : _("The request could not be made."));
      return;
    }

  set_busy (self, TRUE);
  send_request (self, request);
}

static void
send_request (RdsActionDialog *self,
              RdsRequest      *request)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);
  RdsClient *client = NULL;

  if (RDS_ACTION_DIALOG_GET_CLASS (self)->get_client != NULL)
    client = RDS_ACTION_DIALOG_GET_CLASS (self)->get_client (self);
  if (client != NULL)
    rds_client_call_async (client, request, priv->cancellable, call_cb, g_object_ref (self));
  else
    rds_session_call_async (priv->session, request, priv->cancellable, call_cb, g_object_ref (self));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rds_action_dialog_submit (RDS_ACTION_DIALOG (widget));
}

/* GObject */

static void
rds_action_dialog_constructed (GObject *object)
{
  RdsActionDialog *self = RDS_ACTION_DIALOG (object);

  G_OBJECT_CLASS (rds_action_dialog_parent_class)->constructed (object);

  rds_action_dialog_revalidate (self);
}

static void
rds_action_dialog_dispose (GObject *object)
{
  RdsActionDialog *self = RDS_ACTION_DIALOG (object);
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->session);
  g_clear_object (&priv->resource);
  /* No gtk_widget_dispose_template (): GTK 4.8 looks the template up on the
   * instance's class, which a subclass has none of. The window's content
   * goes with the window. */

  G_OBJECT_CLASS (rds_action_dialog_parent_class)->dispose (object);
}

static void
rds_action_dialog_finalize (GObject *object)
{
  RdsActionDialog *self = RDS_ACTION_DIALOG (object);
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_clear_object (&priv->cancellable);
  g_free (priv->error);

  G_OBJECT_CLASS (rds_action_dialog_parent_class)->finalize (object);
}

static void
rds_action_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdsActionDialog *self = RDS_ACTION_DIALOG (object);
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    case PROP_RESOURCE:
      g_value_set_object (value, priv->resource);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, priv->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_action_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdsActionDialog *self = RDS_ACTION_DIALOG (object);
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;
    case PROP_RESOURCE:
      priv->resource = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
rds_action_dialog_real_validate (RdsActionDialog *self)
{
  return TRUE;
}

static void
rds_action_dialog_class_init (RdsActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rds_action_dialog_constructed;
  object_class->dispose = rds_action_dialog_dispose;
  object_class->finalize = rds_action_dialog_finalize;
  object_class->get_property = rds_action_dialog_get_property;
  object_class->set_property = rds_action_dialog_set_property;

  window_class->close_request = rds_action_dialog_close_request;

  klass->validate = rds_action_dialog_real_validate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOURCE] =
    g_param_spec_object ("resource", NULL, NULL, RDS_TYPE_SHAPE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RdsActionDialog::succeeded:
   * @result: (type gpointer): the endpoint's RdsQueryResult
   */
  signals[SUCCEEDED] =
    g_signal_new ("succeeded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-action-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, RdsActionDialog, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, RdsActionDialog, content);
  gtk_widget_class_bind_template_child_private (widget_class, RdsActionDialog, body_label);
  gtk_widget_class_bind_template_child_private (widget_class, RdsActionDialog, error_box);
  gtk_widget_class_bind_template_child_private (widget_class, RdsActionDialog, error_label);
  gtk_widget_class_bind_template_child_private (widget_class, RdsActionDialog, submit_button);
  gtk_widget_class_bind_template_child_private (widget_class, RdsActionDialog, submit_label);
  gtk_widget_class_bind_template_child_private (widget_class, RdsActionDialog, spinner);

  gtk_widget_class_install_action (widget_class, "dialog.submit", NULL, submit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rds_action_dialog_init (RdsActionDialog *self)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->cancellable = g_cancellable_new ();
  priv->last_field = priv->body_label;
  /* Enter in a field submits, when the dialog's action allows it. */
  gtk_window_set_default_widget (GTK_WINDOW (self), priv->submit_button);
}

RdsSession *
rds_action_dialog_get_session (RdsActionDialog *self)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_ACTION_DIALOG (self), NULL);

  return priv->session;
}

/* What the dialog acts on: a DB instance, a snapshot. */
gpointer
rds_action_dialog_get_resource (RdsActionDialog *self)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_ACTION_DIALOG (self), NULL);

  return priv->resource;
}

void
rds_action_dialog_set_heading (RdsActionDialog *self,
                               const char      *heading)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_return_if_fail (RDS_IS_ACTION_DIALOG (self));

  adw_window_title_set_title (priv->window_title, heading);
  gtk_window_set_title (GTK_WINDOW (self), heading);
}

void
rds_action_dialog_set_body (RdsActionDialog *self,
                            const char      *body)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_return_if_fail (RDS_IS_ACTION_DIALOG (self));

  gtk_label_set_markup (GTK_LABEL (priv->body_label), body != NULL ? body : "");
  gtk_widget_set_visible (priv->body_label, body != NULL && *body != '\0');
}

void
rds_action_dialog_set_submit_label (RdsActionDialog *self,
                                    const char      *label,
                                    gboolean         destructive)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_return_if_fail (RDS_IS_ACTION_DIALOG (self));

  gtk_label_set_label (GTK_LABEL (priv->submit_label), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->submit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (priv->submit_label)), -1);
  if (destructive)
    {
      gtk_widget_remove_css_class (priv->submit_button, "suggested-action");
      gtk_widget_add_css_class (priv->submit_button, "destructive-action");
    }
}

/* Adds @widget below the body and the fields added before. */
void
rds_action_dialog_add (RdsActionDialog *self,
                       GtkWidget       *widget)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_return_if_fail (RDS_IS_ACTION_DIALOG (self));

  gtk_box_insert_child_after (GTK_BOX (priv->content), widget, priv->last_field);
  priv->last_field = widget;
}

static void
field_changed_cb (RdsActionDialog *self)
{
  rds_action_dialog_revalidate (self);
}

GtkWidget *
rds_action_dialog_add_check (RdsActionDialog *self,
                             const char      *label)
{
  GtkWidget *check;

  g_return_val_if_fail (RDS_IS_ACTION_DIALOG (self), NULL);

  check = gtk_check_button_new_with_mnemonic (label);
  gtk_widget_set_halign (check, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (check)), TRUE);
  g_signal_connect_object (check, "toggled", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rds_action_dialog_add (self, check);

  return check;
}

/**
 * rds_action_dialog_add_entry:
 * @field: (out) (optional): the RdsFormField around the entry
 *
 * Returns: (transfer none): the entry
 */
GtkWidget *
rds_action_dialog_add_entry (RdsActionDialog  *self,
                             const char       *title,
                             const char       *parameter,
                             const char       *hint,
                             GtkWidget       **field)
{
  GtkWidget *entry;
  GtkWidget *form_field;

  g_return_val_if_fail (RDS_IS_ACTION_DIALOG (self), NULL);

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  form_field = rds_form_field_new (title, entry);
  rds_form_field_set_parameter (RDS_FORM_FIELD (form_field), parameter);
  rds_form_field_set_hint (RDS_FORM_FIELD (form_field), hint);
  g_signal_connect_object (entry, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rds_action_dialog_add (self, form_field);

  if (field != NULL)
    *field = form_field;
  return entry;
}

#define DELETE_CONFIRMATION "delete me"

/**
 * rds_action_dialog_add_delete_confirmation:
 * @field: (out) (optional): the form field around the entry
 *
 * The field where a deletion is confirmed, as the RDS console asks it: by
 * typing "delete me" (not translated: the same words in every language).
 * Focused; see rds_action_dialog_delete_confirmed().
 *
 * Returns: (transfer none): the entry
 */
GtkWidget *
rds_action_dialog_add_delete_confirmation (RdsActionDialog  *self,
                                           GtkWidget       **field)
{
  g_autofree char *instruction = NULL;
  GtkWidget *entry;

  g_return_val_if_fail (RDS_IS_ACTION_DIALOG (self), NULL);

  /* Translators: %s is the text to type, "delete me", which is not translated */
  instruction = g_strdup_printf (_("To confirm deletion, type “%s” into the field."), DELETE_CONFIRMATION);
  entry = rds_action_dialog_add_entry (self, instruction, NULL, NULL, field);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), DELETE_CONFIRMATION);
  gtk_window_set_focus (GTK_WINDOW (self), entry);
  return entry;
}

/* Whether @entry, from rds_action_dialog_add_delete_confirmation(), holds
 * what confirms. */
gboolean
rds_action_dialog_delete_confirmed (GtkWidget *entry)
{
  return entry != NULL && g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), DELETE_CONFIRMATION);
}

/**
 * rds_action_dialog_revalidate:
 *
 * Asks the subclass again whether its fields allow submitting.
 */
void
rds_action_dialog_revalidate (RdsActionDialog *self)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_return_if_fail (RDS_IS_ACTION_DIALOG (self));

  priv->valid = RDS_ACTION_DIALOG_GET_CLASS (self)->validate (self);
  update_actions (self);
}

gboolean
rds_action_dialog_get_busy (RdsActionDialog *self)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_ACTION_DIALOG (self), FALSE);

  return priv->busy;
}

GtkWidget *
rds_action_dialog_get_submit_button (RdsActionDialog *self)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_ACTION_DIALOG (self), NULL);

  return priv->submit_button;
}

/**
 * rds_action_dialog_get_error:
 *
 * Returns: (nullable): the error shown above the buttons
 */
const char *
rds_action_dialog_get_error (RdsActionDialog *self)
{
  RdsActionDialogPrivate *priv = rds_action_dialog_get_instance_private (self);

  g_return_val_if_fail (RDS_IS_ACTION_DIALOG (self), NULL);

  return priv->error;
}
