/* rds-link-button.c: a resource's name that opens its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The blue identifier of a table row in the RDS console. Clicking it (or
 * activating it from the keyboard) activates "action" (a window action
 * taking a string, such as win.open-database) with "target", and shows
 * the target as its label. Unlike GtkActionable, it never has an action
 * without a target while a list row is being bound.
 */

#include "config.h"

#include "rds-link-button.h"

struct _RdsLinkButton
{
  GtkButton  parent_instance;

  char      *target;
  char      *action;
};

G_DEFINE_FINAL_TYPE (RdsLinkButton, rds_link_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rds_link_button_clicked (GtkButton *button)
{
  RdsLinkButton *self = RDS_LINK_BUTTON (button);

  if (self->action != NULL && self->target != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), self->action, "s", self->target);
}

static void
rds_link_button_finalize (GObject *object)
{
  RdsLinkButton *self = RDS_LINK_BUTTON (object);

  g_free (self->target);
  g_free (self->action);

  G_OBJECT_CLASS (rds_link_button_parent_class)->finalize (object);
}

static void
rds_link_button_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RdsLinkButton *self = RDS_LINK_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_link_button_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RdsLinkButton *self = RDS_LINK_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      rds_link_button_set_target (self, g_value_get_string (value));
      break;
    case PROP_ACTION:
      g_free (self->action);
      self->action = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_link_button_class_init (RdsLinkButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->finalize = rds_link_button_finalize;
  object_class->get_property = rds_link_button_get_property;
  object_class->set_property = rds_link_button_set_property;

  button_class->clicked = rds_link_button_clicked;

  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_link_button_init (RdsLinkButton *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self), "link-button");
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
}

/* The window action it activates with its target. */
const char *
rds_link_button_get_action (RdsLinkButton *self)
{
  g_return_val_if_fail (RDS_IS_LINK_BUTTON (self), NULL);

  return self->action;
}

const char *
rds_link_button_get_target (RdsLinkButton *self)
{
  g_return_val_if_fail (RDS_IS_LINK_BUTTON (self), NULL);

  return self->target;
}

void
rds_link_button_set_target (RdsLinkButton *self,
                            const char    *target)
{
  g_return_if_fail (RDS_IS_LINK_BUTTON (self));

  if (g_strcmp0 (self->target, target) == 0)
    return;

  g_free (self->target);
  self->target = g_strdup (target);
  gtk_button_set_label (GTK_BUTTON (self), target != NULL ? target : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}
