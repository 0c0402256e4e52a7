/* rds-status-badge.c: a resource's status, as a colored badge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Green when available, blue with a spinner while the resource moves
 * between states, grey when stopped, red when something is wrong, as in
 * the RDS console. The label is the translated status.
 */

#include "config.h"

#include "rds-status-badge.h"

#include "rds-format.h"

struct _RdsStatusBadge
{
  GtkWidget   parent_instance;

  char       *status;
  GtkWidget  *spinner;
  GtkWidget  *icon;
  GtkWidget  *label;
  const char *css_class;
};

G_DEFINE_FINAL_TYPE (RdsStatusBadge, rds_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
icon_for (RdsStatusKind kind)
{
  switch (kind)
    {
    case RDS_STATUS_KIND_SUCCESS:
      return "emblem-ok-symbolic";
    case RDS_STATUS_KIND_WARNING:
      return "dialog-warning-symbolic";
    case RDS_STATUS_KIND_ERROR:
      return "dialog-error-symbolic";
    case RDS_STATUS_KIND_NEUTRAL:
      return "media-playback-stop-symbolic";
    case RDS_STATUS_KIND_PROGRESS:
    default:
      return NULL;
    }
}

static void
update (RdsStatusBadge *self)
{
  RdsStatusKind kind = rds_status_get_kind (self->status);
  g_autofree char *label = rds_format_status (NULL, self->status);
  gboolean progress = kind == RDS_STATUS_KIND_PROGRESS;
  const char *icon = icon_for (kind);

  gtk_label_set_label (GTK_LABEL (self->label), label);
  /* Made the first time it spins: a table of 10,000 mostly settled
   * instances makes and drops rows of badges as a search narrows it. */
  if (progress && self->spinner == NULL)
    {
      self->spinner = gtk_spinner_new ();
      gtk_widget_insert_after (self->spinner, GTK_WIDGET (self), NULL);
    }
  if (self->spinner != NULL)
    {
      gtk_widget_set_visible (self->spinner, progress);
      gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), progress);
    }
  gtk_widget_set_visible (self->icon, icon != NULL);
  if (icon != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon);

  if (self->css_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->css_class);
  self->css_class = rds_status_get_css_class (self->status);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->css_class);
  gtk_widget_set_visible (GTK_WIDGET (self), self->status != NULL && *self->status != '\0');

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
rds_status_badge_dispose (GObject *object)
{
  RdsStatusBadge *self = RDS_STATUS_BADGE (object);

  g_clear_pointer (&self->spinner, gtk_widget_unparent);
  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (rds_status_badge_parent_class)->dispose (object);
}

static void
rds_status_badge_finalize (GObject *object)
{
  RdsStatusBadge *self = RDS_STATUS_BADGE (object);

  g_free (self->status);

  G_OBJECT_CLASS (rds_status_badge_parent_class)->finalize (object);
}

static void
rds_status_badge_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdsStatusBadge *self = RDS_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_status_badge_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdsStatusBadge *self = RDS_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      rds_status_badge_set_status (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_status_badge_class_init (RdsStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_status_badge_dispose;
  object_class->finalize = rds_status_badge_finalize;
  object_class->get_property = rds_status_badge_get_property;
  object_class->set_property = rds_status_badge_set_property;

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statusbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
rds_status_badge_init (RdsStatusBadge *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "status-badge");
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->icon = gtk_image_new ();
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  update (self);
}

GtkWidget *
rds_status_badge_new (void)
{
  return g_object_new (RDS_TYPE_STATUS_BADGE, NULL);
}

const char *
rds_status_badge_get_status (RdsStatusBadge *self)
{
  g_return_val_if_fail (RDS_IS_STATUS_BADGE (self), NULL);

  return self->status;
}

void
rds_status_badge_set_status (RdsStatusBadge *self,
                             const char     *status)
{
  g_return_if_fail (RDS_IS_STATUS_BADGE (self));

  if (g_strcmp0 (self->status, status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
