/* rds-info-button.c: the "Info" link that opens a concept in the side panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in the RDS console, a small "Info" beside a section title or a field
 * title. It activates win.show-info with its concept's id; the window
 * shows the concept in its Info panel. A screen reader hears what it is
 * about ("Info: Multi-AZ deployments"), not a bare "Info".
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rds-info-button.h"

#include "rds-concepts.h"

struct _RdsInfoButton
{
  GtkButton  parent_instance;

  char      *concept;
};

G_DEFINE_FINAL_TYPE (RdsInfoButton, rds_info_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_CONCEPT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rds_info_button_finalize (GObject *object)
{
  RdsInfoButton *self = RDS_INFO_BUTTON (object);

  g_free (self->concept);

  G_OBJECT_CLASS (rds_info_button_parent_class)->finalize (object);
}

static void
rds_info_button_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RdsInfoButton *self = RDS_INFO_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CONCEPT:
      g_value_set_string (value, self->concept);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_info_button_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RdsInfoButton *self = RDS_INFO_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CONCEPT:
      rds_info_button_set_concept (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_info_button_class_init (RdsInfoButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rds_info_button_finalize;
  object_class->get_property = rds_info_button_get_property;
  object_class->set_property = rds_info_button_set_property;

  properties[PROP_CONCEPT] =
    g_param_spec_string ("concept", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_info_button_init (RdsInfoButton *self)
{
  /* A label of its own, not the button's: a button's label would name it
   * to a screen reader ("Info"), before its own accessible name. */
  /* Translators: the link beside a title that explains it in the side panel */
  gtk_button_set_child (GTK_BUTTON (self), gtk_label_new (_("Info")));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self), "info-link");
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
}

GtkWidget *
rds_info_button_new (const char *concept)
{
  return g_object_new (RDS_TYPE_INFO_BUTTON, "concept", concept, NULL);
}

const char *
rds_info_button_get_concept (RdsInfoButton *self)
{
  g_return_val_if_fail (RDS_IS_INFO_BUTTON (self), NULL);

  return self->concept;
}

void
rds_info_button_set_concept (RdsInfoButton *self,
                             const char    *concept)
{
  const RdsConcept *found;
  g_autofree char *name = NULL;

  g_return_if_fail (RDS_IS_INFO_BUTTON (self));

  if (g_strcmp0 (self->concept, concept) == 0)
    return;

  found = rds_concept_lookup (concept);
  if (concept != NULL && found == NULL)
    g_critical ("No concept called “%s” to explain", concept);

  g_free (self->concept);
  self->concept = g_strdup (concept);

  if (found != NULL)
    {
      /* Translators: what a screen reader says of an Info link; %s is the
       * concept it explains, such as “Multi-AZ deployments” */
      name = g_strdup_printf (_("Info: %s"), _(found->title));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", found->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.show-info");
    }
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self), NULL);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : _("Info"), -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCEPT]);
}
