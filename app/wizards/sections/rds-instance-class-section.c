/* rds-instance-class-section.c: the family and the DB instance class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The classes are those the endpoint offers for the engine version and
 * license (DescribeOrderableDBInstanceOptions), which the form loads and
 * hands over; a family (standard, memory optimized, burstable) narrows
 * them. Where the engine offers Aurora Serverless v2 (db.serverless), it
 * is a family of its own, with the cluster's capacity range.
 */

#include "config.h"

#include "rds-instance-class-section.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rds-db-instance.h"
#include "rds-form-field.h"
#include "rds-format.h"

typedef enum
{
  FAMILY_STANDARD,
  FAMILY_MEMORY,
  FAMILY_BURSTABLE,
  FAMILY_SERVERLESS,   /* Aurora Serverless v2: db.serverless and a capacity range */
} ClassFamily;

struct _RdsInstanceClassSection
{
  RdsFormSection  parent_instance;

  GListModel     *orderable;
  char           *license;
  GPtrArray      *class_names;
  char           *wanted_class;   /* asked for before the classes loaded */

  GtkWidget      *class_standard, *class_memory, *class_burstable, *class_serverless;
  GtkWidget      *class_field, *class_dropdown, *class_description;
  GtkWidget      *capacity_field, *min_capacity_spin, *max_capacity_spin;
};

G_DEFINE_FINAL_TYPE (RdsInstanceClassSection, rds_instance_class_section, RDS_TYPE_FORM_SECTION)

static ClassFamily
family_of_class (const char *name)
{
  if (g_strcmp0 (name, "db.serverless") == 0)
    return FAMILY_SERVERLESS;
  if (g_str_has_prefix (name, "db.t"))
    return FAMILY_BURSTABLE;
  if (g_str_has_prefix (name, "db.r") || g_str_has_prefix (name, "db.x") ||
      g_str_has_prefix (name, "db.z"))
    return FAMILY_MEMORY;
  return FAMILY_STANDARD;
}

static ClassFamily
chosen_family (RdsInstanceClassSection *self)
{
  if (rds_form_is_active (self->class_memory))
    return FAMILY_MEMORY;
  if (rds_form_is_active (self->class_burstable))
    return FAMILY_BURSTABLE;
  if (rds_form_is_active (self->class_serverless))
    return FAMILY_SERVERLESS;
  return FAMILY_STANDARD;
}

/**
 * rds_instance_class_section_get_capacity:
 * @min_acu: (out) (optional): the fewest ACUs
 * @max_acu: (out) (optional): the most ACUs
 *
 * Returns: whether Serverless v2 is chosen, with the capacity range asked for
 */
gboolean
rds_instance_class_section_get_capacity (RdsInstanceClassSection *self,
                                         double                  *min_acu,
                                         double                  *max_acu)
{
  g_return_val_if_fail (RDS_IS_INSTANCE_CLASS_SECTION (self), FALSE);

  if (min_acu != NULL)
    *min_acu = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->min_capacity_spin));
  if (max_acu != NULL)
    *max_acu = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->max_capacity_spin));
  /* The range is the new cluster's: asked for when creating one. */
  return gtk_widget_get_visible (self->capacity_field) &&
         g_strcmp0 (rds_instance_class_section_get_class (self), "db.serverless") == 0;
}

/**
 * rds_instance_class_section_get_class:
 *
 * Returns: (nullable): the class chosen, or %NULL when none is offered
 */
const char *
rds_instance_class_section_get_class (RdsInstanceClassSection *self)
{
  g_return_val_if_fail (RDS_IS_INSTANCE_CLASS_SECTION (self), NULL);

  return rds_form_selected_name (self->class_names, self->class_dropdown);
}

static void
update_classes (RdsInstanceClassSection *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *previous = g_strdup (rds_instance_class_section_get_class (self));
  const char *wanted = self->wanted_class != NULL ? self->wanted_class : previous;
  ClassFamily family = chosen_family (self);
  guint n = self->orderable != NULL ? g_list_model_get_n_items (self->orderable) : 0;
  int chosen;

  gboolean serverless_offered = FALSE, standard_offered = FALSE;

  g_ptr_array_set_size (self->class_names, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) option = g_list_model_get_item (self->orderable, i);
      const char *name = rds_shape_get_string (option, "db-instance-class");

      serverless_offered |= family_of_class (name) == FAMILY_SERVERLESS;
      standard_offered |= family_of_class (name) == FAMILY_STANDARD;

      if ((self->license != NULL &&
           g_strcmp0 (rds_shape_get_string (option, "license-model"), self->license) != 0) ||
          family_of_class (name) != family || rds_form_index_of (self->class_names, name) >= 0)
        continue;
      g_ptr_array_add (self->class_names, g_strdup (name));
      g_ptr_array_add (labels, rds_format_class (NULL, name));
    }

  /* Serverless v2 where the engine has it (Aurora), with the cluster's
   * range when creating one; a modified instance keeps its cluster's. */
  if (rds_form_section_get_instance (RDS_FORM_SECTION (self)) != NULL)
    serverless_offered &= family == FAMILY_SERVERLESS;
  gtk_widget_set_visible (self->class_serverless, serverless_offered);
  /* Aurora has no standard classes: no choice of them, as in the AWS
   * console (unless chosen, or nothing is known yet). */
  gtk_widget_set_visible (self->class_standard, standard_offered || family == FAMILY_STANDARD || n == 0);
  gtk_widget_set_visible (self->capacity_field, family == FAMILY_SERVERLESS &&
                          rds_form_section_get_instance (RDS_FORM_SECTION (self)) == NULL);
  rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->class_dropdown, (const char * const *) labels->pdata, labels->len);
  /* Serverless v2 chosen, then an engine without it: memory optimized. */
  if (family == FAMILY_SERVERLESS && !serverless_offered && n > 0 && self->wanted_class == NULL)
    {
      rds_form_section_set_active (RDS_FORM_SECTION (self), self->class_memory, TRUE);
      update_classes (self);
      return;
    }
  chosen = rds_form_index_of (self->class_names, wanted);
  rds_form_section_select (RDS_FORM_SECTION (self), self->class_dropdown, MAX (chosen, 0));
  /* A class asked for before the classes loaded waits for them. */
  if (chosen >= 0 || self->class_names->len > 0)
    g_clear_pointer (&self->wanted_class, g_free);
}

/**
 * rds_instance_class_section_set_offer:
 * @orderable: (nullable): the orderable options of the engine version
 * @license: (nullable): the license model the classes must have
 * @error: (nullable): why the options could not be read
 */
void
rds_instance_class_section_set_offer (RdsInstanceClassSection *self,
                                      GListModel              *orderable,
                                      const char              *license,
                                      const GError            *error)
{
  g_return_if_fail (RDS_IS_INSTANCE_CLASS_SECTION (self));

  g_set_object (&self->orderable, orderable);
  if (g_strcmp0 (self->license, license) != 0)
    {
      g_free (self->license);
      self->license = g_strdup (license);
    }
  rds_form_field_set_error (RDS_FORM_FIELD (self->class_field), error != NULL ? error->message : NULL);
  update_classes (self);
}

/* Chooses @instance_class and its family, now or once it is offered. */
void
rds_instance_class_section_choose (RdsInstanceClassSection *self,
                                   const char              *instance_class)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  ClassFamily family;

  g_return_if_fail (RDS_IS_INSTANCE_CLASS_SECTION (self));
  g_return_if_fail (instance_class != NULL);

  family = family_of_class (instance_class);
  g_free (self->wanted_class);
  self->wanted_class = g_strdup (instance_class);
  rds_form_section_set_active (section,
                               family == FAMILY_MEMORY ? self->class_memory
                               : family == FAMILY_BURSTABLE ? self->class_burstable
                               : family == FAMILY_SERVERLESS ? self->class_serverless
                               : self->class_standard, TRUE);
  update_classes (self);
}

static void
family_toggled_cb (RdsInstanceClassSection *self,
                   GtkWidget               *check)
{
  if (!rds_form_is_active (check) || rds_form_section_is_applying (RDS_FORM_SECTION (self)))
    return;
  update_classes (self);
  rds_form_section_changed (RDS_FORM_SECTION (self));
}

static void
rds_instance_class_section_setup (RdsFormSection *section)
{
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (section));

  if (rds_form_section_get_replica (section))
    gtk_label_set_label (GTK_LABEL (RDS_INSTANCE_CLASS_SECTION (section)->class_description),
                         _("The DB instance configuration options below are limited to those supported by "
                           "the source’s engine and version. A replica may have another class than its "
                           "source."));
  else if (rds_form_section_get_restore (section))
    gtk_label_set_label (GTK_LABEL (RDS_INSTANCE_CLASS_SECTION (section)->class_description),
                         _("The DB instance configuration options below are limited to those supported by "
                           "the backup’s engine and version. The restored instance may have another class."));
  if (instance != NULL)
    rds_instance_class_section_choose (RDS_INSTANCE_CLASS_SECTION (section),
                                       rds_shape_get_string (instance, "db-instance-class"));
}

static gboolean
rds_instance_class_section_validate (RdsFormSection *section)
{
  RdsInstanceClassSection *self = RDS_INSTANCE_CLASS_SECTION (section);
  double min_acu, max_acu;
  gboolean serverless = rds_instance_class_section_get_capacity (self, &min_acu, &max_acu);
  gboolean valid;

  valid = rds_form_section_check (section, self->class_field, NULL,
                                  rds_instance_class_section_get_class (self) == NULL
                                  ? g_strdup (_("No instance class of this family is offered for the "
                                                "engine version. Choose another family."))
                                  : NULL);
  valid &= rds_form_section_check (section, self->capacity_field, NULL,
                                   !serverless ? NULL
                                   : fmod (min_acu * 2.0, 1.0) != 0.0 || fmod (max_acu * 2.0, 1.0) != 0.0
                                   ? g_strdup (_("Capacity goes in steps of 0.5 ACUs."))
                                   : min_acu > max_acu
                                   /* Translators: the Serverless v2 capacity range, in ACUs */
                                   ? g_strdup_printf (_("The maximum (%g ACUs) must be at least the minimum (%g ACUs)."),
                                                      max_acu, min_acu)
                                   : NULL);
  return valid;
}

static void
rds_instance_class_section_add_to_create (RdsFormSection *section,
                                          RdsRequest     *request)
{
  RdsInstanceClassSection *self = RDS_INSTANCE_CLASS_SECTION (section);
  double min_acu, max_acu;

  rds_request_set (request, "DBInstanceClass", rds_instance_class_section_get_class (self));
  /* The cluster's, which an Aurora form hands over to CreateDBCluster. */
  if (rds_instance_class_section_get_capacity (self, &min_acu, &max_acu))
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      rds_request_set (request, "ServerlessV2ScalingConfiguration.MinCapacity",
                       g_ascii_dtostr (text, sizeof text, min_acu));
      rds_request_set (request, "ServerlessV2ScalingConfiguration.MaxCapacity",
                       g_ascii_dtostr (text, sizeof text, max_acu));
    }
}

static void
rds_instance_class_section_add_changes (RdsFormSection *section,
                                        RdsFormDiff    *diff)
{
  RdsInstanceClassSection *self = RDS_INSTANCE_CLASS_SECTION (section);
  RdsShape *instance = RDS_SHAPE (rds_form_section_get_instance (section));
  const char *current = rds_shape_get_string (instance, "db-instance-class");
  const char *wanted = rds_instance_class_section_get_class (self);
  g_autofree char *shown_current = rds_format_class (NULL, current);
  g_autofree char *shown_wanted = rds_format_class (NULL, wanted);

  rds_form_diff_text (diff, _("DB instance class"), "DBInstanceClass", current, wanted,
                      shown_current, shown_wanted);
}

static void
rds_instance_class_section_dispose (GObject *object)
{
  RdsInstanceClassSection *self = RDS_INSTANCE_CLASS_SECTION (object);

  g_clear_object (&self->orderable);
  gtk_widget_dispose_template (GTK_WIDGET (object), RDS_TYPE_INSTANCE_CLASS_SECTION);

  G_OBJECT_CLASS (rds_instance_class_section_parent_class)->dispose (object);
}

static void
rds_instance_class_section_finalize (GObject *object)
{
  RdsInstanceClassSection *self = RDS_INSTANCE_CLASS_SECTION (object);

  g_clear_pointer (&self->class_names, g_ptr_array_unref);
  g_free (self->license);
  g_free (self->wanted_class);

  G_OBJECT_CLASS (rds_instance_class_section_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RdsInstanceClassSection, name)

static void
rds_instance_class_section_class_init (RdsInstanceClassSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsFormSectionClass *section_class = RDS_FORM_SECTION_CLASS (klass);

  object_class->dispose = rds_instance_class_section_dispose;
  object_class->finalize = rds_instance_class_section_finalize;
  section_class->setup = rds_instance_class_section_setup;
  section_class->validate = rds_instance_class_section_validate;
  section_class->add_to_create = rds_instance_class_section_add_to_create;
  section_class->add_changes = rds_instance_class_section_add_changes;
  section_class->add_to_replica = rds_instance_class_section_add_to_create;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-instance-class-section.ui");
  BIND (class_standard); BIND (class_memory); BIND (class_burstable); BIND (class_serverless);
  BIND (class_field); BIND (class_dropdown); BIND (class_description); BIND (capacity_field);
  BIND (min_capacity_spin); BIND (max_capacity_spin);
}

#undef BIND

static void
rds_instance_class_section_init (RdsInstanceClassSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->class_names = g_ptr_array_new_with_free_func (g_free);

  GtkWidget *families[] = { self->class_standard, self->class_memory, self->class_burstable,
                            self->class_serverless };

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    g_signal_connect_object (families[i], "toggled", G_CALLBACK (family_toggled_cb), self,
                             G_CONNECT_SWAPPED);
  rds_form_section_watch (RDS_FORM_SECTION (self), self->class_dropdown);
  rds_form_section_watch (RDS_FORM_SECTION (self), self->min_capacity_spin);
  rds_form_section_watch (RDS_FORM_SECTION (self), self->max_capacity_spin);
}
