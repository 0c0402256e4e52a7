/* rds-form-field.c: a labelled field of a form, with its rules and errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in the RDS console's forms: a bold title, an optional description,
 * the control, and under it the field's constraints ("1 to 63 letters,
 * digits or hyphens…") which give way to what is wrong, in red, as soon
 * as the value breaks them. The error is the control's accessible
 * description and marks it invalid. "parameter" names the API member the
 * field sets, so an error from the endpoint finds its field.
 */

#include "config.h"

#include "rds-form-field.h"

#include "rds-accessible-names.h"
#include "rds-info-button.h"

struct _RdsFormField
{
  GtkWidget  parent_instance;

  GtkWidget *title_box;
  GtkWidget *title_label;
  GtkWidget *info_button;   /* nullable */
  GtkWidget *description_label;
  GtkWidget *child;
  GtkWidget *message_box;
  GtkWidget *error_icon;
  GtkWidget *message_label;

  char      *hint;
  char      *error;
  char      *parameter;
};

static void rds_form_field_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RdsFormField, rds_form_field, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      rds_form_field_buildable_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_HINT,
  PROP_ERROR,
  PROP_PARAMETER,
  PROP_INFO,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static void
update_message (RdsFormField *self)
{
  gboolean has_error = self->error != NULL && *self->error != '\0';
  const char *text = has_error ? self->error : self->hint;

  gtk_label_set_label (GTK_LABEL (self->message_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->message_box, text != NULL && *text != '\0');
  gtk_widget_set_visible (self->error_icon, has_error);

  if (has_error)
    {
      gtk_widget_add_css_class (self->message_box, "field-error");
      gtk_widget_remove_css_class (self->message_label, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (self->message_box, "field-error");
      gtk_widget_add_css_class (self->message_label, "dim-label");
    }

  if (self->child != NULL)
    {
      if (has_error)
        gtk_widget_add_css_class (self->child, "error");
      else
        gtk_widget_remove_css_class (self->child, "error");

      gtk_accessible_update_state (GTK_ACCESSIBLE (self->child), GTK_ACCESSIBLE_STATE_INVALID,
                                   has_error ? GTK_ACCESSIBLE_INVALID_TRUE
                                             : GTK_ACCESSIBLE_INVALID_FALSE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->child),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      text != NULL ? text : "", -1);
    }
}

static void
rds_form_field_dispose (GObject *object)
{
  RdsFormField *self = RDS_FORM_FIELD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->child = NULL;
  self->title_box = NULL;
  self->title_label = NULL;
  self->info_button = NULL;
  self->description_label = NULL;
  self->message_box = NULL;

  G_OBJECT_CLASS (rds_form_field_parent_class)->dispose (object);
}

static void
rds_form_field_finalize (GObject *object)
{
  RdsFormField *self = RDS_FORM_FIELD (object);

  g_free (self->hint);
  g_free (self->error);
  g_free (self->parameter);

  G_OBJECT_CLASS (rds_form_field_parent_class)->finalize (object);
}

static void
rds_form_field_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RdsFormField *self = RDS_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (GTK_LABEL (self->title_label)));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, gtk_label_get_label (GTK_LABEL (self->description_label)));
      break;
    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_PARAMETER:
      g_value_set_string (value, self->parameter);
      break;
    case PROP_INFO:
      g_value_set_string (value, rds_form_field_get_info (self));
      break;
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_form_field_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RdsFormField *self = RDS_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      rds_form_field_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      rds_form_field_set_description (self, g_value_get_string (value));
      break;
    case PROP_HINT:
      rds_form_field_set_hint (self, g_value_get_string (value));
      break;
    case PROP_ERROR:
      rds_form_field_set_error (self, g_value_get_string (value));
      break;
    case PROP_PARAMETER:
      rds_form_field_set_parameter (self, g_value_get_string (value));
      break;
    case PROP_INFO:
      rds_form_field_set_info (self, g_value_get_string (value));
      break;
    case PROP_CHILD:
      rds_form_field_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_form_field_buildable_add_child (GtkBuildable *buildable,
                                    GtkBuilder   *builder,
                                    GObject      *child,
                                    const char   *type)
{
  if (GTK_IS_WIDGET (child))
    rds_form_field_set_child (RDS_FORM_FIELD (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
rds_form_field_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = rds_form_field_buildable_add_child;
}

static void
rds_form_field_class_init (RdsFormFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_form_field_dispose;
  object_class->finalize = rds_form_field_finalize;
  object_class->get_property = rds_form_field_get_property;
  object_class->set_property = rds_form_field_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PARAMETER] =
    g_param_spec_string ("parameter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The concept the title's Info link explains; none, no link. */
  properties[PROP_INFO] =
    g_param_spec_string ("info", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "formfield");
}

static void
rds_form_field_init (RdsFormField *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  self->title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_visible (self->title_box, FALSE);
  gtk_widget_set_parent (self->title_box, GTK_WIDGET (self));
  self->title_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE,
                                    "visible", FALSE, NULL);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_box_append (GTK_BOX (self->title_box), self->title_label);

  self->description_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE,
                                          "visible", FALSE, NULL);
  gtk_widget_add_css_class (self->description_label, "dim-label");
  gtk_widget_add_css_class (self->description_label, "caption");
  gtk_widget_set_parent (self->description_label, GTK_WIDGET (self));

  self->message_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_parent (self->message_box, GTK_WIDGET (self));
  self->error_icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_set_valign (self->error_icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->message_box), self->error_icon);
  self->message_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE,
                                      "hexpand", TRUE, NULL);
  gtk_widget_add_css_class (self->message_label, "caption");
  gtk_box_append (GTK_BOX (self->message_box), self->message_label);

  update_message (self);
}

GtkWidget *
rds_form_field_new (const char *title,
                    GtkWidget  *child)
{
  return g_object_new (RDS_TYPE_FORM_FIELD, "title", title, "child", child, NULL);
}

GtkWidget *
rds_form_field_get_child (RdsFormField *self)
{
  g_return_val_if_fail (RDS_IS_FORM_FIELD (self), NULL);

  return self->child;
}

void
rds_form_field_set_child (RdsFormField *self,
                          GtkWidget    *child)
{
  g_return_if_fail (RDS_IS_FORM_FIELD (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  if (self->child != NULL)
    gtk_widget_unparent (self->child);
  self->child = child;
  if (child != NULL)
    {
      /* A drop-down takes the focus in a button inside it. */
      GtkWidget *button = GTK_IS_DROP_DOWN (child) ? rds_accessible_drop_down_button (GTK_DROP_DOWN (child)) : NULL;

      gtk_widget_insert_before (child, GTK_WIDGET (self), self->message_box);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      self->title_label, NULL, -1);
      if (button != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        self->title_label, NULL, -1);
    }
  update_message (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

const char *
rds_form_field_get_title (RdsFormField *self)
{
  g_return_val_if_fail (RDS_IS_FORM_FIELD (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->title_label));
}

void
rds_form_field_set_title (RdsFormField *self,
                          const char   *title)
{
  g_return_if_fail (RDS_IS_FORM_FIELD (self));

  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->title_label)), title ? title : "") == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->title_label), title);
  gtk_widget_set_visible (self->title_label, title != NULL && *title != '\0');
  gtk_widget_set_visible (self->title_box, gtk_widget_get_visible (self->title_label) || self->info_button != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
rds_form_field_set_description (RdsFormField *self,
                                const char   *description)
{
  g_return_if_fail (RDS_IS_FORM_FIELD (self));

  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->description_label)),
                 description ? description : "") == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->description_label), description);
  gtk_widget_set_visible (self->description_label, description != NULL && *description != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

void
rds_form_field_set_hint (RdsFormField *self,
                         const char   *hint)
{
  g_return_if_fail (RDS_IS_FORM_FIELD (self));

  if (g_strcmp0 (self->hint, hint) == 0)
    return;

  g_free (self->hint);
  self->hint = g_strdup (hint);
  update_message (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}

/**
 * rds_form_field_get_error:
 *
 * Returns: (nullable): what is wrong with the value, %NULL when nothing is
 */
const char *
rds_form_field_get_error (RdsFormField *self)
{
  g_return_val_if_fail (RDS_IS_FORM_FIELD (self), NULL);

  return self->error;
}

void
rds_form_field_set_error (RdsFormField *self,
                          const char   *error)
{
  g_return_if_fail (RDS_IS_FORM_FIELD (self));

  if (error != NULL && *error == '\0')
    error = NULL;
  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);
  update_message (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

const char *
rds_form_field_get_parameter (RdsFormField *self)
{
  g_return_val_if_fail (RDS_IS_FORM_FIELD (self), NULL);

  return self->parameter;
}

void
rds_form_field_set_parameter (RdsFormField *self,
                              const char   *parameter)
{
  g_return_if_fail (RDS_IS_FORM_FIELD (self));

  if (g_strcmp0 (self->parameter, parameter) == 0)
    return;

  g_free (self->parameter);
  self->parameter = g_strdup (parameter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARAMETER]);
}

const char *
rds_form_field_get_info (RdsFormField *self)
{
  g_return_val_if_fail (RDS_IS_FORM_FIELD (self), NULL);

  return self->info_button != NULL ? rds_info_button_get_concept (RDS_INFO_BUTTON (self->info_button)) : NULL;
}

void
rds_form_field_set_info (RdsFormField *self,
                         const char   *info)
{
  g_return_if_fail (RDS_IS_FORM_FIELD (self));

  if (info != NULL && *info == '\0')
    info = NULL;
  if (g_strcmp0 (rds_form_field_get_info (self), info) == 0)
    return;

  if (info == NULL)
    g_clear_pointer (&self->info_button, gtk_widget_unparent);
  else if (self->info_button == NULL)
    {
      self->info_button = rds_info_button_new (info);
      gtk_box_append (GTK_BOX (self->title_box), self->info_button);
    }
  else
    rds_info_button_set_concept (RDS_INFO_BUTTON (self->info_button), info);
  gtk_widget_set_visible (self->title_box, gtk_widget_get_visible (self->title_label) || self->info_button != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INFO]);
}
