/* rds-heading.c: a title of a form or a page, with its Info link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A section's title ("Storage", style title-4) or a group's ("Storage
 * autoscaling", style heading), followed by an "Info" link when it has a
 * concept to explain. The title is a heading to a screen reader, so one
 * can jump from section to section.
 */

#include "config.h"

#include "rds-heading.h"

#include "rds-info-button.h"

struct _RdsHeading
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  GtkWidget *info_button;   /* nullable */
  char      *style;
};

G_DEFINE_FINAL_TYPE (RdsHeading, rds_heading, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_STYLE,
  PROP_INFO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rds_heading_dispose (GObject *object)
{
  RdsHeading *self = RDS_HEADING (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->info_button, gtk_widget_unparent);

  G_OBJECT_CLASS (rds_heading_parent_class)->dispose (object);
}

static void
rds_heading_finalize (GObject *object)
{
  RdsHeading *self = RDS_HEADING (object);

  g_free (self->style);

  G_OBJECT_CLASS (rds_heading_parent_class)->finalize (object);
}

static void
rds_heading_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RdsHeading *self = RDS_HEADING (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, rds_heading_get_label (self));
      break;
    case PROP_STYLE:
      g_value_set_string (value, self->style);
      break;
    case PROP_INFO:
      g_value_set_string (value, rds_heading_get_info (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_heading_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RdsHeading *self = RDS_HEADING (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      rds_heading_set_label (self, g_value_get_string (value));
      break;
    case PROP_STYLE:
      rds_heading_set_style (self, g_value_get_string (value));
      break;
    case PROP_INFO:
      rds_heading_set_info (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_heading_class_init (RdsHeadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_heading_dispose;
  object_class->finalize = rds_heading_finalize;
  object_class->get_property = rds_heading_get_property;
  object_class->set_property = rds_heading_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The label's style class: "heading" (a group) or "title-4" (a section). */
  properties[PROP_STYLE] =
    g_param_spec_string ("style", NULL, NULL, "heading",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The concept the Info link explains; none, no link. */
  properties[PROP_INFO] =
    g_param_spec_string ("info", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heading");
}

static void
rds_heading_init (RdsHeading *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->label = g_object_new (GTK_TYPE_LABEL,
                              "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                              "xalign", 0.0f,
                              "wrap", TRUE,
                              NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  self->style = g_strdup ("heading");
  gtk_widget_add_css_class (self->label, self->style);
}

GtkWidget *
rds_heading_new (const char *label,
                 const char *style,
                 const char *info)
{
  return g_object_new (RDS_TYPE_HEADING, "label", label, "style", style, "info", info, NULL);
}

const char *
rds_heading_get_label (RdsHeading *self)
{
  g_return_val_if_fail (RDS_IS_HEADING (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->label));
}

void
rds_heading_set_label (RdsHeading *self,
                       const char *label)
{
  g_return_if_fail (RDS_IS_HEADING (self));

  if (g_strcmp0 (rds_heading_get_label (self), label != NULL ? label : "") == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->label), label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
rds_heading_set_style (RdsHeading *self,
                       const char *style)
{
  g_return_if_fail (RDS_IS_HEADING (self));

  if (style == NULL)
    style = "heading";
  if (g_strcmp0 (self->style, style) == 0)
    return;

  gtk_widget_remove_css_class (self->label, self->style);
  g_free (self->style);
  self->style = g_strdup (style);
  gtk_widget_add_css_class (self->label, self->style);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

const char *
rds_heading_get_info (RdsHeading *self)
{
  g_return_val_if_fail (RDS_IS_HEADING (self), NULL);

  return self->info_button != NULL ? rds_info_button_get_concept (RDS_INFO_BUTTON (self->info_button)) : NULL;
}

void
rds_heading_set_info (RdsHeading *self,
                      const char *info)
{
  g_return_if_fail (RDS_IS_HEADING (self));

  if (info != NULL && *info == '\0')
    info = NULL;
  if (g_strcmp0 (rds_heading_get_info (self), info) == 0)
    return;

  if (info == NULL)
    g_clear_pointer (&self->info_button, gtk_widget_unparent);
  else if (self->info_button == NULL)
    {
      self->info_button = rds_info_button_new (info);
      gtk_widget_set_parent (self->info_button, GTK_WIDGET (self));
    }
  else
    rds_info_button_set_concept (RDS_INFO_BUTTON (self->info_button), info);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INFO]);
}

/**
 * rds_heading_get_info_button:
 *
 * Returns: (transfer none) (nullable): the Info link
 */
GtkWidget *
rds_heading_get_info_button (RdsHeading *self)
{
  g_return_val_if_fail (RDS_IS_HEADING (self), NULL);

  return self->info_button;
}
