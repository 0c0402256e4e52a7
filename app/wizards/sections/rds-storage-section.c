/* rds-storage-section.c: storage type, size, IOPS, throughput and autoscaling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The storage types are those the endpoint offers for the class and
 * license (DescribeOrderableDBInstanceOptions); each field is checked by
 * the rules of the engine and type (rds-validation). Modify may not shrink
 * the storage; a read replica has at least its source's. An Aurora
 * cluster's volume has no size to choose: the section offers its storage
 * configuration instead, Aurora Standard or I/O-Optimized.
 */

#include "config.h"

#include "rds-storage-section.h"

#include <glib/gi18n.h>

#include "rds-db-instance.h"
#include "rds-format.h"
#include "rds-heading.h"
#include "rds-validation.h"

struct _RdsStorageSection
{
  RdsFormSection  parent_instance;

  GPtrArray      *storage_types;
  char           *wanted_storage_type;   /* asked for before the types loaded */

  GtkWidget      *storage_type_field, *storage_type_dropdown;
  GtkWidget      *allocated_field, *allocated_entry, *iops_field, *iops_entry;
  GtkWidget      *throughput_field, *throughput_entry;
  GtkWidget      *autoscaling_check, *max_storage_field, *max_storage_entry;
  GtkWidget      *heading, *autoscaling_heading;
  GtkWidget      *aurora_box, *aurora_standard, *aurora_optimized;
};

G_DEFINE_FINAL_TYPE (RdsStorageSection, rds_storage_section, RDS_TYPE_FORM_SECTION)

static const char *
current_type (RdsStorageSection *self)
{
  return rds_form_selected_name (self->storage_types, self->storage_type_dropdown);
}

void
rds_storage_section_get_choice (RdsStorageSection *self,
                                RdsStorageChoice  *choice)
{
  g_return_if_fail (RDS_IS_STORAGE_SECTION (self));
  g_return_if_fail (choice != NULL);

  choice->storage_type = current_type (self);
  choice->allocated = rds_form_int_of (self->allocated_entry);
  choice->iops = rds_form_shown (self->iops_field) ? rds_form_int_of (self->iops_entry) : 0;
  choice->throughput = rds_form_shown (self->throughput_field) ? rds_form_int_of (self->throughput_entry) : 0;
  choice->max_allocated = rds_form_is_active (self->autoscaling_check)
                          ? rds_form_int_of (self->max_storage_entry) : 0;
}

/**
 * rds_storage_section_set_offer:
 * @orderable: (nullable): the orderable options of the engine version
 * @instance_class: (nullable): the class chosen
 * @license: (nullable): the license model chosen
 */
void
rds_storage_section_set_offer (RdsStorageSection *self,
                               GListModel        *orderable,
                               const char        *instance_class,
                               const char        *license)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *previous = NULL;
  const char *wanted;
  guint n = orderable != NULL ? g_list_model_get_n_items (orderable) : 0;
  int chosen;

  g_return_if_fail (RDS_IS_STORAGE_SECTION (self));

  previous = g_strdup (current_type (self));
  wanted = self->wanted_storage_type != NULL ? self->wanted_storage_type : previous;

  g_ptr_array_set_size (self->storage_types, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) option = g_list_model_get_item (orderable, i);
      const char *type = rds_shape_get_string (option, "storage-type");

      if (g_strcmp0 (rds_shape_get_string (option, "db-instance-class"), instance_class) != 0 ||
          (license != NULL && g_strcmp0 (rds_shape_get_string (option, "license-model"), license) != 0) ||
          rds_form_index_of (self->storage_types, type) >= 0)
        continue;
      g_ptr_array_add (self->storage_types, g_strdup (type));
      g_ptr_array_add (labels, rds_format_storage_type (NULL, type));
    }

  rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->storage_type_dropdown, (const char * const *) labels->pdata, labels->len);
  chosen = rds_form_index_of (self->storage_types, wanted);
  if (chosen < 0)
    chosen = MAX (rds_form_index_of (self->storage_types, "gp3"), 0);
  rds_form_section_select (RDS_FORM_SECTION (self), self->storage_type_dropdown, chosen);
  if (self->storage_types->len > 0)
    g_clear_pointer (&self->wanted_storage_type, g_free);
}

/**
 * rds_storage_section_choose:
 * @storage_type: the type, chosen now or once it is offered
 * @iops: Provisioned IOPS, or 0 to leave the field alone
 * @max_allocated: the autoscaling threshold, or 0 to leave it alone
 */
void
rds_storage_section_choose (RdsStorageSection *self,
                            const char        *storage_type,
                            int                allocated,
                            int                iops,
                            int                max_allocated)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  int index;

  g_return_if_fail (RDS_IS_STORAGE_SECTION (self));

  if (self->storage_types->len > 0)
    {
      /* Offered: that type, else gp3, else the first. */
      index = rds_form_index_of (self->storage_types, storage_type);
      if (index < 0)
        index = MAX (rds_form_index_of (self->storage_types, "gp3"), 0);
      rds_form_section_select (section, self->storage_type_dropdown, index);
    }
  else
    {
      g_free (self->wanted_storage_type);
      self->wanted_storage_type = g_strdup (storage_type);
    }
  rds_form_section_set_int_text (section, self->allocated_entry, allocated);
  if (iops > 0)
    rds_form_section_set_int_text (section, self->iops_entry, iops);
  if (max_allocated > 0)
    rds_form_section_set_int_text (section, self->max_storage_entry, max_allocated);
}

static int
allocated_now (RdsFormSection *section)
{
  RdsDbInstance *instance = rds_form_section_get_instance (section);

  return instance != NULL ? rds_shape_get_int (RDS_SHAPE (instance), "allocated-storage") : 0;
}

static void
rds_storage_section_setup (RdsFormSection *section)
{
  RdsStorageSection *self = RDS_STORAGE_SECTION (section);
  RdsShape *i = RDS_SHAPE (rds_form_section_get_instance (section));
  int max_allocated, allocated;

  if (i == NULL)
    return;

  max_allocated = rds_shape_get_int (i, "max-allocated-storage");
  allocated = rds_shape_get_int (i, "allocated-storage");
  rds_storage_section_choose (self, rds_shape_get_string (i, "storage-type"), allocated,
                              rds_shape_get_int (i, "iops"),
                              max_allocated > 0 ? max_allocated : MAX (1000, allocated * 2));
  if (rds_shape_get_int (i, "storage-throughput") > 0)
    rds_form_section_set_int_text (section, self->throughput_entry,
                                   rds_shape_get_int (i, "storage-throughput"));
  rds_form_section_set_active (section, self->autoscaling_check, max_allocated > 0);
}

/* Shows or hides @field; one that appears empty gets the least the
 * storage takes (gp3 from 400 GiB: its 12,000 IOPS and 500 MiB/s), as the
 * RDS console fills it. */
static void
show_with_default (RdsStorageSection *self,
                   GtkWidget         *field,
                   GtkWidget         *entry,
                   gboolean           shown,
                   const char        *storage_type,
                   int                allocated,
                   gboolean           throughput)
{
  const RdsEngineInfo *engine = rds_form_section_get_engine (RDS_FORM_SECTION (self));
  RdsStorageRules rules;
  int value;

  if (shown && !gtk_widget_get_visible (field) && *rds_form_text_of (entry) == '\0' &&
      rds_catalog_storage_rules (engine, storage_type, allocated, &rules))
    {
      value = throughput ? rules.min_throughput : MAX (rules.min_iops, g_str_equal (storage_type, "io1") ? 3000 : 0);
      if (value > 0)
        rds_form_section_set_int_text (RDS_FORM_SECTION (self), entry, value);
    }
  gtk_widget_set_visible (field, shown);
}

/* The size by the engine's rules, and a replica's no smaller than its
 * source's (the instance's); modifying, no shrinking. */
static char *
allocated_problem (RdsFormSection *section,
                   const char     *storage_type,
                   const char     *text,
                   int            *allocated)
{
  const RdsEngineInfo *engine = rds_form_section_get_engine (section);
  int source = allocated_now (section);
  char *problem;

  if (!rds_form_section_get_replica (section) && !rds_form_section_get_restore (section))
    return rds_validate_allocated_storage (engine, storage_type, text, source, allocated);

  problem = rds_validate_allocated_storage (engine, storage_type, text, 0, allocated);
  if (problem == NULL && *allocated < source && rds_form_section_get_restore (section))
    /* Translators: %d is a size in GiB */
    problem = g_strdup_printf (_("A restored DB instance needs at least the storage of its backup: enter "
                                 "%d GiB or more."), source);
  else if (problem == NULL && *allocated < source)
    /* Translators: %d is a size in GiB */
    problem = g_strdup_printf (_("A read replica needs at least the storage of its source: enter %d GiB "
                                 "or more."), source);
  return problem;
}

static gboolean
aurora (RdsFormSection *section)
{
  const RdsEngineInfo *engine = rds_form_section_get_engine (section);

  return engine != NULL && engine->aurora;
}

/**
 * rds_storage_section_get_aurora_storage_type:
 *
 * Returns: the Aurora cluster storage configuration chosen: "aurora"
 *   (Aurora Standard) or "aurora-iopt1" (Aurora I/O-Optimized)
 */
const char *
rds_storage_section_get_aurora_storage_type (RdsStorageSection *self)
{
  g_return_val_if_fail (RDS_IS_STORAGE_SECTION (self), NULL);

  return rds_form_is_active (self->aurora_optimized) ? "aurora-iopt1" : "aurora";
}

/* Aurora's choice, or RDS's fields. */
static void
rds_storage_section_engine_changed (RdsFormSection *section)
{
  RdsStorageSection *self = RDS_STORAGE_SECTION (section);
  gboolean cluster = aurora (section);
  GtkWidget *rds_only[] = {
    self->storage_type_field, self->allocated_field, self->iops_field, self->throughput_field,
    self->autoscaling_heading, self->autoscaling_check, self->max_storage_field,
  };

  rds_heading_set_label (RDS_HEADING (self->heading),
                         cluster ? _("Cluster storage configuration") : _("Storage"));
  rds_heading_set_info (RDS_HEADING (self->heading), cluster ? "aurora-cluster-volume" : "storage-types");
  gtk_widget_set_visible (self->aurora_box, cluster);
  for (guint i = 0; i < G_N_ELEMENTS (rds_only); i++)
    if (cluster)
      gtk_widget_set_visible (rds_only[i], FALSE);
    else if (rds_only[i] != self->iops_field && rds_only[i] != self->throughput_field &&
             rds_only[i] != self->max_storage_field)
      gtk_widget_set_visible (rds_only[i], TRUE);
}

static gboolean
rds_storage_section_validate (RdsFormSection *section)
{
  RdsStorageSection *self = RDS_STORAGE_SECTION (section);
  const RdsEngineInfo *engine = rds_form_section_get_engine (section);
  const char *storage_type = current_type (self);
  int allocated = 0, iops = 0, throughput = 0, max_storage = 0;
  gboolean big, valid = TRUE;

  /* Nothing to get wrong in a choice of two. */
  if (aurora (section))
    return TRUE;

  rds_parse_int (rds_form_text_of (self->allocated_entry), &allocated);
  big = allocated >= rds_catalog_gp3_threshold (engine);
  show_with_default (self, self->iops_field, self->iops_entry,
                     g_strcmp0 (storage_type, "io1") == 0 || (g_strcmp0 (storage_type, "gp3") == 0 && big),
                     storage_type, allocated, FALSE);
  show_with_default (self, self->throughput_field, self->throughput_entry,
                     g_strcmp0 (storage_type, "gp3") == 0 && big, storage_type, allocated, TRUE);
  gtk_widget_set_visible (self->max_storage_field, rds_form_is_active (self->autoscaling_check));

  valid &= rds_form_section_check (section, self->storage_type_field, NULL,
                                   storage_type == NULL ? g_strdup (_("Choose a storage type.")) : NULL);
  valid &= rds_form_section_check (section, self->allocated_field, self->allocated_entry,
                                   allocated_problem (section, storage_type,
                                                      rds_form_text_of (self->allocated_entry), &allocated));
  valid &= rds_form_section_check (section, self->iops_field, self->iops_entry,
                                   rds_validate_iops (engine, storage_type, allocated,
                                                      rds_form_text_of (self->iops_entry), &iops));
  valid &= rds_form_section_check (section, self->throughput_field, self->throughput_entry,
                                   rds_validate_throughput (engine, storage_type, allocated, iops,
                                                            rds_form_text_of (self->throughput_entry),
                                                            &throughput));
  if (rds_form_is_active (self->autoscaling_check))
    valid &= rds_form_section_check (section, self->max_storage_field, self->max_storage_entry,
                                     rds_validate_max_storage (engine, storage_type, allocated,
                                                               rds_form_text_of (self->max_storage_entry),
                                                               &max_storage));
  return valid;
}

static void
rds_storage_section_add_to_create (RdsFormSection *section,
                                   RdsRequest     *request)
{
  RdsStorageChoice storage;

  if (aurora (section))
    {
      rds_request_set (request, "StorageType",
                       rds_storage_section_get_aurora_storage_type (RDS_STORAGE_SECTION (section)));
      return;
    }
  rds_storage_section_get_choice (RDS_STORAGE_SECTION (section), &storage);
  rds_request_set (request, "StorageType", storage.storage_type);
  rds_request_set_int (request, "AllocatedStorage", storage.allocated);
  if (storage.iops > 0)
    rds_request_set_int (request, "Iops", storage.iops);
  if (storage.throughput > 0)
    rds_request_set_int (request, "StorageThroughput", storage.throughput);
  if (storage.max_allocated > 0)
    rds_request_set_int (request, "MaxAllocatedStorage", storage.max_allocated);
}

static void
rds_storage_section_add_changes (RdsFormSection *section,
                                 RdsFormDiff    *diff)
{
  RdsShape *i = RDS_SHAPE (rds_form_section_get_instance (section));
  int current_max = rds_shape_get_int (i, "max-allocated-storage");
  const char *current_type = rds_shape_get_string (i, "storage-type");
  RdsStorageChoice storage;
  g_autofree char *shown_current = NULL;
  g_autofree char *shown_wanted = NULL;

  rds_storage_section_get_choice (RDS_STORAGE_SECTION (section), &storage);
  shown_current = rds_format_storage_type (NULL, current_type);
  shown_wanted = rds_format_storage_type (NULL, storage.storage_type);
  rds_form_diff_text (diff, _("Storage type"), "StorageType", current_type, storage.storage_type,
                      shown_current, shown_wanted);
  rds_form_diff_int (diff, _("Allocated storage (GiB)"), "AllocatedStorage",
                     rds_shape_get_int (i, "allocated-storage"), storage.allocated);
  if (storage.iops > 0)
    rds_form_diff_int (diff, _("Provisioned IOPS"), "Iops", rds_shape_get_int (i, "iops"), storage.iops);
  if (storage.throughput > 0)
    rds_form_diff_int (diff, _("Storage throughput (MiB/s)"), "StorageThroughput",
                       rds_shape_get_int (i, "storage-throughput"), storage.throughput);
  if (storage.max_allocated > 0)
    rds_form_diff_int (diff, _("Maximum storage threshold (GiB)"), "MaxAllocatedStorage", current_max,
                       storage.max_allocated);
  else if (current_max > 0)
    {
      /* Autoscaling stops when the threshold is the allocated storage. */
      g_autofree char *value = g_strdup_printf ("%d", storage.allocated);

      rds_form_diff_text (diff, _("Storage autoscaling"), "MaxAllocatedStorage", "on", value,
                          _("Enabled"), _("Disabled"));
    }
}

static void
rds_storage_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RDS_TYPE_STORAGE_SECTION);

  G_OBJECT_CLASS (rds_storage_section_parent_class)->dispose (object);
}

static void
rds_storage_section_finalize (GObject *object)
{
  RdsStorageSection *self = RDS_STORAGE_SECTION (object);

  g_clear_pointer (&self->storage_types, g_ptr_array_unref);
  g_free (self->wanted_storage_type);

  G_OBJECT_CLASS (rds_storage_section_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RdsStorageSection, name)

static void
rds_storage_section_class_init (RdsStorageSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsFormSectionClass *section_class = RDS_FORM_SECTION_CLASS (klass);

  object_class->dispose = rds_storage_section_dispose;
  object_class->finalize = rds_storage_section_finalize;
  section_class->setup = rds_storage_section_setup;
  section_class->validate = rds_storage_section_validate;
  section_class->engine_changed = rds_storage_section_engine_changed;
  section_class->add_to_create = rds_storage_section_add_to_create;
  section_class->add_changes = rds_storage_section_add_changes;
  section_class->add_to_replica = rds_storage_section_add_to_create;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-storage-section.ui");
  BIND (storage_type_field); BIND (storage_type_dropdown); BIND (allocated_field);
  BIND (allocated_entry); BIND (iops_field); BIND (iops_entry); BIND (throughput_field);
  BIND (throughput_entry); BIND (autoscaling_check); BIND (max_storage_field);
  BIND (max_storage_entry); BIND (heading); BIND (autoscaling_heading); BIND (aurora_box);
  BIND (aurora_standard); BIND (aurora_optimized);
}

#undef BIND

static void
rds_storage_section_init (RdsStorageSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->storage_types = g_ptr_array_new_with_free_func (g_free);

  GtkWidget *controls[] = {
    self->storage_type_dropdown, self->allocated_entry, self->iops_entry, self->throughput_entry,
    self->max_storage_entry, self->autoscaling_check, self->aurora_optimized,
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    rds_form_section_watch (RDS_FORM_SECTION (self), controls[i]);
}
