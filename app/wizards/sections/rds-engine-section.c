/* rds-engine-section.c: the engine, its edition, license and version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The versions come from the endpoint (DescribeDBEngineVersions) for the
 * engine chosen; the engine's editions and license models from the
 * catalog. When modifying, nothing here changes: the section is hidden and
 * answers with the instance's engine, version and license, and still
 * loads the versions for their parameter group family.
 */

#include "config.h"

#include "rds-engine-section.h"

#include "rds-widget-util.h"

#include <glib/gi18n.h>

#include "rds-db-instance.h"
#include "rds-form-field.h"
#include "rds-format.h"
#include "rds-resource-list.h"
#include "rds-session.h"

struct _RdsEngineSection
{
  RdsFormSection       parent_instance;

  const RdsEngineInfo *chosen;
  RdsResourceList     *versions;
  gboolean             versions_stale;   /* asked again while a refresh was on its way */
  GPtrArray           *version_names;
  GPtrArray           *editions;
  char                *wanted_version;

  GtkWidget *engine_aurora_mysql, *engine_aurora_postgres;
  GtkWidget *engine_mysql, *engine_mariadb, *engine_postgres, *engine_oracle, *engine_sqlserver;
  GtkWidget *edition_field, *edition_dropdown, *license_field, *license_dropdown;
  GtkWidget *version_field, *version_dropdown;
};

G_DEFINE_FINAL_TYPE (RdsEngineSection, rds_engine_section, RDS_TYPE_FORM_SECTION)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_VERSION,
  PROP_LICENSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const aurora_mysql_engines[] = { "aurora-mysql", NULL };
static const char * const aurora_postgres_engines[] = { "aurora-postgresql", NULL };
static const char * const mysql_engines[] = { "mysql", NULL };
static const char * const mariadb_engines[] = { "mariadb", NULL };
static const char * const postgres_engines[] = { "postgres", NULL };
static const char * const oracle_engines[] = { "oracle-ee", "oracle-se2", NULL };
static const char * const sqlserver_engines[] = { "sqlserver-ex", "sqlserver-web", "sqlserver-se",
                                                  "sqlserver-ee", NULL };

/**
 * rds_engine_section_get_chosen:
 *
 * Returns: (nullable): the engine chosen (creating) or the instance's
 */
const RdsEngineInfo *
rds_engine_section_get_chosen (RdsEngineSection *self)
{
  g_return_val_if_fail (RDS_IS_ENGINE_SECTION (self), NULL);

  return self->chosen;
}

/**
 * rds_engine_section_get_version:
 *
 * Returns: (nullable): the engine version chosen, or the instance's
 */
const char *
rds_engine_section_get_version (RdsEngineSection *self)
{
  RdsDbInstance *instance;

  g_return_val_if_fail (RDS_IS_ENGINE_SECTION (self), NULL);

  instance = rds_form_section_get_instance (RDS_FORM_SECTION (self));
  if (instance != NULL)
    return rds_shape_get_string (RDS_SHAPE (instance), "engine-version");
  return rds_form_selected_name (self->version_names, self->version_dropdown);
}

/**
 * rds_engine_section_get_license:
 *
 * Returns: (nullable): the license model chosen, or the instance's
 */
const char *
rds_engine_section_get_license (RdsEngineSection *self)
{
  RdsDbInstance *instance;
  guint index;

  g_return_val_if_fail (RDS_IS_ENGINE_SECTION (self), NULL);

  instance = rds_form_section_get_instance (RDS_FORM_SECTION (self));
  if (instance != NULL)
    return rds_shape_get_string (RDS_SHAPE (instance), "license-model");
  index = rds_form_selected (self->license_dropdown);
  return index != GTK_INVALID_LIST_POSITION && self->chosen != NULL
         ? self->chosen->license_models[index] : NULL;
}

/**
 * rds_engine_section_get_family:
 *
 * Returns: (nullable): the DB parameter group family of the version
 */
const char *
rds_engine_section_get_family (RdsEngineSection *self)
{
  GListModel *model;
  const char *version;
  const RdsVersionInfo *info;
  guint n;

  g_return_val_if_fail (RDS_IS_ENGINE_SECTION (self), NULL);

  model = self->versions != NULL ? rds_resource_list_get_model (self->versions) : NULL;
  version = rds_engine_section_get_version (self);
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (rds_shape_get_string (item, "engine-version"), version) == 0)
        return rds_shape_get_string (item, "db-parameter-group-family");
    }

  info = self->chosen != NULL ? rds_catalog_find_version (self->chosen, version) : NULL;
  return info != NULL ? info->family : NULL;
}

static void
update_waiting_for (RdsEngineSection *self)
{
  rds_form_section_set_waiting_for (RDS_FORM_SECTION (self),
                                    self->versions != NULL && rds_resource_list_get_loading (self->versions)
                                    ? _("Loading engine versions…") : NULL);
}

static void
load_versions (RdsEngineSection *self)
{
  if (self->versions == NULL || self->chosen == NULL)
    return;

  rds_resource_list_set_parameter (self->versions, "Engine", self->chosen->engine);
  /* A refresh for the engine chosen before is in flight: ask again after. */
  if (!rds_resource_list_refresh (self->versions))
    self->versions_stale = TRUE;
  update_waiting_for (self);
}

static void
versions_refreshed_cb (RdsEngineSection *self,
                       const GError     *error)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  GListModel *model = rds_resource_list_get_model (self->versions);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const RdsVersionInfo *default_version = rds_catalog_default_version (self->chosen);
  const char *wanted = self->wanted_version != NULL ? self->wanted_version
                       : default_version != NULL ? default_version->version : NULL;
  int chosen = 0;

  if (self->versions_stale)
    {
      self->versions_stale = FALSE;
      load_versions (self);
      return;
    }

  if (error != NULL)
    rds_form_field_set_error (RDS_FORM_FIELD (self->version_field), error->message);

  g_ptr_array_set_size (self->version_names, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) version = g_list_model_get_item (model, i);
      const char *name = rds_shape_get_string (version, "engine-version");

      if (g_strcmp0 (rds_shape_get_string (version, "engine"), self->chosen->engine) != 0)
        continue;
      if (g_strcmp0 (name, wanted) == 0)
        chosen = self->version_names->len;
      g_ptr_array_add (self->version_names, g_strdup (name));
      /* Aurora's versions say which MySQL or PostgreSQL they are compatible with. */
      if (self->chosen->aurora && rds_catalog_find_version (self->chosen, name) != NULL)
        g_ptr_array_add (labels, g_strdup (rds_catalog_find_version (self->chosen, name)->description));
      else
        g_ptr_array_add (labels, rds_format_engine_version (NULL, self->chosen->engine, name));
    }

  rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->version_dropdown, (const char * const *) labels->pdata, labels->len);
  rds_form_section_select (section, self->version_dropdown, chosen);
  update_waiting_for (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

static void
set_chosen (RdsEngineSection    *self,
            const RdsEngineInfo *engine)
{
  RdsFormSection *section = RDS_FORM_SECTION (self);
  guint n = 0;

  if (engine == NULL || self->chosen == engine)
    return;

  self->chosen = engine;
  while (engine->license_models[n] != NULL)
    n++;
  rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->license_dropdown, engine->license_models, n);
  rds_form_section_select (section, self->license_dropdown, 0);
  gtk_widget_set_visible (self->license_field, rds_form_section_get_creating (section) && n > 1);

  if (rds_form_section_get_creating (section))
    g_clear_pointer (&self->wanted_version, g_free);
  load_versions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

static const char * const *
engines_of_type (RdsEngineSection *self)
{
  if (rds_form_is_active (self->engine_aurora_mysql))
    return aurora_mysql_engines;
  if (rds_form_is_active (self->engine_aurora_postgres))
    return aurora_postgres_engines;
  if (rds_form_is_active (self->engine_mariadb))
    return mariadb_engines;
  if (rds_form_is_active (self->engine_postgres))
    return postgres_engines;
  if (rds_form_is_active (self->engine_oracle))
    return oracle_engines;
  if (rds_form_is_active (self->engine_sqlserver))
    return sqlserver_engines;
  return mysql_engines;
}

static void
engine_type_toggled_cb (RdsEngineSection *self,
                        GtkWidget        *toggle)
{
  const char * const *engines;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  if (!rds_form_is_active (toggle))
    return;

  engines = engines_of_type (self);
  g_ptr_array_set_size (self->editions, 0);
  for (guint i = 0; engines[i] != NULL; i++)
    {
      g_ptr_array_add (labels, rds_format_engine (NULL, engines[i]));
      g_ptr_array_add (self->editions, g_strdup (engines[i]));
    }

  rds_form_section_fill_dropdown (RDS_FORM_SECTION (self), self->edition_dropdown, (const char * const *) labels->pdata, labels->len);
  rds_form_section_select (RDS_FORM_SECTION (self), self->edition_dropdown, 0);
  gtk_widget_set_visible (self->edition_field, labels->len > 1);

  set_chosen (self, rds_catalog_find_engine (engines[0]));
}

static void
edition_selected_cb (RdsEngineSection *self)
{
  const char *engine = rds_form_selected_name (self->editions, self->edition_dropdown);

  if (engine != NULL)
    set_chosen (self, rds_catalog_find_engine (engine));
}

static void
version_selected_cb (RdsEngineSection *self)
{
  if (!rds_form_section_is_applying (RDS_FORM_SECTION (self)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

static void
license_selected_cb (RdsEngineSection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LICENSE]);
}

/**
 * rds_engine_section_choose:
 * @engine: an engine such as "mysql" or "sqlserver-se"
 *
 * Chooses @engine as a user would: its type, then its edition.
 */
void
rds_engine_section_choose (RdsEngineSection *self,
                           const char       *engine)
{
  struct { GtkWidget *toggle; const char * const *engines; } types[] = {
    { self->engine_aurora_mysql, aurora_mysql_engines },
    { self->engine_aurora_postgres, aurora_postgres_engines },
    { self->engine_mysql, mysql_engines }, { self->engine_mariadb, mariadb_engines },
    { self->engine_postgres, postgres_engines }, { self->engine_oracle, oracle_engines },
    { self->engine_sqlserver, sqlserver_engines },
  };

  g_return_if_fail (RDS_IS_ENGINE_SECTION (self));

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strv_contains (types[i].engines, engine))
      {
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (types[i].toggle), TRUE);
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->edition_dropdown),
                                    rds_form_index_of (self->editions, engine));
      }
}

static void
rds_engine_section_setup (RdsFormSection *section)
{
  RdsEngineSection *self = RDS_ENGINE_SECTION (section);
  RdsDbInstance *instance = rds_form_section_get_instance (section);
  const char *keys[] = { "Engine", "EngineVersion", NULL };

  self->versions = rds_resource_list_new ("DescribeDBEngineVersions", keys);
  rds_resource_list_set_client (self->versions,
                                rds_session_get_client (rds_form_section_get_session (section)));
  g_signal_connect_object (self->versions, "refreshed", G_CALLBACK (versions_refreshed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->versions, "notify::loading", G_CALLBACK (update_waiting_for), self,
                           G_CONNECT_SWAPPED);

  if (instance != NULL)
    {
      const RdsEngineInfo *engine = rds_catalog_find_engine (rds_db_instance_get_engine (instance));

      self->wanted_version = g_strdup (rds_shape_get_string (RDS_SHAPE (instance), "engine-version"));
      set_chosen (self, engine != NULL ? engine : rds_catalog_find_engine ("mysql"));
    }
}

static gboolean
rds_engine_section_validate (RdsFormSection *section)
{
  RdsEngineSection *self = RDS_ENGINE_SECTION (section);

  if (!rds_form_section_get_creating (section))
    return TRUE;
  return rds_form_section_check (section, self->version_field, NULL,
                                 rds_engine_section_get_version (self) == NULL
                                 ? g_strdup (_("Choose an engine version.")) : NULL);
}

static void
rds_engine_section_add_to_create (RdsFormSection *section,
                                  RdsRequest     *request)
{
  RdsEngineSection *self = RDS_ENGINE_SECTION (section);
  const char *license = rds_engine_section_get_license (self);

  rds_request_set (request, "Engine", self->chosen->engine);
  rds_request_set (request, "EngineVersion", rds_engine_section_get_version (self));
  if (license != NULL)
    rds_request_set (request, "LicenseModel", license);
}

static void
rds_engine_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RdsEngineSection *self = RDS_ENGINE_SECTION (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_string (value, self->chosen != NULL ? self->chosen->engine : NULL);
      break;
    case PROP_VERSION:
      g_value_set_string (value, rds_engine_section_get_version (self));
      break;
    case PROP_LICENSE:
      g_value_set_string (value, rds_engine_section_get_license (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_engine_section_dispose (GObject *object)
{
  RdsEngineSection *self = RDS_ENGINE_SECTION (object);

  g_clear_object (&self->versions);
  gtk_widget_dispose_template (GTK_WIDGET (object), RDS_TYPE_ENGINE_SECTION);

  G_OBJECT_CLASS (rds_engine_section_parent_class)->dispose (object);
}

static void
rds_engine_section_finalize (GObject *object)
{
  RdsEngineSection *self = RDS_ENGINE_SECTION (object);

  g_clear_pointer (&self->version_names, g_ptr_array_unref);
  g_clear_pointer (&self->editions, g_ptr_array_unref);
  g_free (self->wanted_version);

  G_OBJECT_CLASS (rds_engine_section_parent_class)->finalize (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RdsEngineSection, name)

static void
rds_engine_section_class_init (RdsEngineSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsFormSectionClass *section_class = RDS_FORM_SECTION_CLASS (klass);

  object_class->dispose = rds_engine_section_dispose;
  object_class->finalize = rds_engine_section_finalize;
  object_class->get_property = rds_engine_section_get_property;
  section_class->setup = rds_engine_section_setup;
  section_class->validate = rds_engine_section_validate;
  section_class->add_to_create = rds_engine_section_add_to_create;

  /* Notified when the user (or the form) chooses another; "version" also
   * when the versions arrive. */
  properties[PROP_ENGINE] =
    g_param_spec_string ("engine", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LICENSE] =
    g_param_spec_string ("license", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/rds-engine-section.ui");
  BIND (engine_aurora_mysql); BIND (engine_aurora_postgres);
  BIND (engine_mysql); BIND (engine_mariadb); BIND (engine_postgres); BIND (engine_oracle);
  BIND (engine_sqlserver);
  BIND (edition_field); BIND (edition_dropdown); BIND (license_field); BIND (license_dropdown);
  BIND (version_field); BIND (version_dropdown);
}

#undef BIND

static void
rds_engine_section_init (RdsEngineSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rds_flow_box_focus_controls (GTK_FLOW_BOX (gtk_widget_get_ancestor (self->engine_mysql, GTK_TYPE_FLOW_BOX)));
  self->version_names = g_ptr_array_new_with_free_func (g_free);
  self->editions = g_ptr_array_new_with_free_func (g_free);

  GtkWidget *types[] = {
    self->engine_aurora_mysql, self->engine_aurora_postgres,
    self->engine_mysql, self->engine_mariadb, self->engine_postgres, self->engine_oracle,
    self->engine_sqlserver,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_signal_connect_object (types[i], "toggled", G_CALLBACK (engine_type_toggled_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edition_dropdown, "notify::selected", G_CALLBACK (edition_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->version_dropdown, "notify::selected", G_CALLBACK (version_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->license_dropdown, "notify::selected", G_CALLBACK (license_selected_cb),
                           self, G_CONNECT_SWAPPED);
}
