/* rds-shape.c: base class of every resource and nested shape of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shape subclass lists its fields once in a static RdsField table. From it
 * RdsShape installs the GObject properties (nick = AWS wire name, blurb =
 * help text), implements get/set_property and finalize, copies and compares
 * instances, and reads and writes JSON. The XML codec in app/api walks the
 * same table. Adding a field to the model is adding a row.
 */

#include "config.h"

#include "rds-shape.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_ABSTRACT_TYPE (RdsShape, rds_shape, G_TYPE_OBJECT)

static GQuark field_quark;

GType
rds_tristate_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { RDS_TRISTATE_UNSET, "RDS_TRISTATE_UNSET", "unset" },
        { RDS_TRISTATE_FALSE, "RDS_TRISTATE_FALSE", "false" },
        { RDS_TRISTATE_TRUE, "RDS_TRISTATE_TRUE", "true" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("RdsTristate"), values);
      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

#define FIELD_PTR(self, field, ctype) ((ctype *) (gpointer) ((guint8 *) (self) + (field)->offset))

static inline const RdsField *
field_of_pspec (GParamSpec *pspec)
{
  RdsShapeClass *klass = g_type_class_peek (pspec->owner_type);

  /* pspecs[] and fields[] share their order: no qdata lookup. */
  if (G_LIKELY (RDS_IS_SHAPE_CLASS (klass) && pspec->param_id >= 1 &&
                pspec->param_id <= klass->n_fields && klass->pspecs[pspec->param_id - 1] == pspec))
    return &klass->fields[pspec->param_id - 1];

  return g_param_spec_get_qdata (pspec, field_quark);
}

/* By the class's own table: g_object_class_find_property () takes a global
 * lock, and typed getters run for every item of a list on every keystroke
 * of a search. */
static GParamSpec *
find_pspec (RdsShape   *self,
            const char *name)
{
  RdsShapeClass *klass = RDS_SHAPE_GET_CLASS (self);
  guint index = klass->by_name != NULL
                ? GPOINTER_TO_UINT (g_hash_table_lookup (klass->by_name, name)) : 0;

  if (G_UNLIKELY (index == 0))
    {
      g_critical ("%s has no field named “%s”", G_OBJECT_TYPE_NAME (self), name);
      return NULL;
    }

  return klass->pspecs[index - 1];
}

static void
free_field (RdsShape       *self,
            const RdsField *field)
{
  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
      g_clear_pointer (FIELD_PTR (self, field, char *), g_free);
      break;
    case RDS_FIELD_KIND_STRV:
      g_clear_pointer (FIELD_PTR (self, field, char **), g_strfreev);
      break;
    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
      g_clear_pointer (FIELD_PTR (self, field, GArray *), g_array_unref);
      break;
    case RDS_FIELD_KIND_OBJECT:
    case RDS_FIELD_KIND_LIST:
      g_clear_object (FIELD_PTR (self, field, GObject *));
      break;
    case RDS_FIELD_KIND_INTERNED:
      *FIELD_PTR (self, field, const char *) = NULL;
      break;
    case RDS_FIELD_KIND_INT:
    case RDS_FIELD_KIND_OPTIONAL_INT:
    case RDS_FIELD_KIND_BOOLEAN:
    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
    case RDS_FIELD_KIND_DOUBLE:
    case RDS_FIELD_KIND_TIMESTAMP:
    default:
      break;
    }
}

static void
rds_shape_finalize (GObject *object)
{
  RdsShape *self = RDS_SHAPE (object);
  RdsShapeClass *klass = RDS_SHAPE_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    free_field (self, &klass->fields[i]);

  G_OBJECT_CLASS (rds_shape_parent_class)->finalize (object);
}

static GDateTime *
date_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = NULL;

  if (usec == 0)
    return NULL;

  seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

static GListStore *
ensure_list (RdsShape       *self,
             const RdsField *field)
{
  GListStore **store = FIELD_PTR (self, field, GListStore *);

  if (*store == NULL)
    *store = g_list_store_new (field->item_type ());

  return *store;
}

static void
rds_shape_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RdsShape *self = RDS_SHAPE (object);
  const RdsField *field = field_of_pspec (pspec);

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
      g_value_set_string (value, *FIELD_PTR (self, field, char *));
      break;
    case RDS_FIELD_KIND_INTERNED:
      g_value_set_static_string (value, *FIELD_PTR (self, field, const char *));
      break;
    case RDS_FIELD_KIND_INT:
    case RDS_FIELD_KIND_OPTIONAL_INT:
      g_value_set_int (value, *FIELD_PTR (self, field, int));
      break;
    case RDS_FIELD_KIND_BOOLEAN:
      g_value_set_boolean (value, *FIELD_PTR (self, field, gboolean));
      break;
    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
      g_value_set_enum (value, *FIELD_PTR (self, field, RdsTristate));
      break;
    case RDS_FIELD_KIND_DOUBLE:
      g_value_set_double (value, *FIELD_PTR (self, field, double));
      break;
    case RDS_FIELD_KIND_TIMESTAMP:
      g_value_take_boxed (value, date_time_from_usec (*FIELD_PTR (self, field, gint64)));
      break;
    case RDS_FIELD_KIND_OBJECT:
      g_value_set_object (value, *FIELD_PTR (self, field, GObject *));
      break;
    case RDS_FIELD_KIND_LIST:
      g_value_set_object (value, ensure_list (self, field));
      break;
    case RDS_FIELD_KIND_STRV:
      g_value_set_boxed (value, *FIELD_PTR (self, field, char **));
      break;
    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
      g_value_set_boxed (value, *FIELD_PTR (self, field, GArray *));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_list_items (RdsShape       *self,
                const RdsField *field,
                GListModel     *items)
{
  GListStore *store = ensure_list (self, field);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n_new = items != NULL ? g_list_model_get_n_items (items) : 0;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_new; i++)
    g_ptr_array_add (copies, g_list_model_get_item (items, i));

  g_list_store_splice (store, 0, n_old, copies->pdata, copies->len);
}

static void
rds_shape_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RdsShape *self = RDS_SHAPE (object);
  const RdsField *field = field_of_pspec (pspec);
  GDateTime *dt;

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
      rds_shape_set_string (self, field->name, g_value_get_string (value));
      break;
    case RDS_FIELD_KIND_INTERNED:
      rds_shape_set_string (self, field->name, g_value_get_string (value));
      break;
    case RDS_FIELD_KIND_INT:
    case RDS_FIELD_KIND_OPTIONAL_INT:
      rds_shape_set_int (self, field->name, g_value_get_int (value));
      break;
    case RDS_FIELD_KIND_BOOLEAN:
      rds_shape_set_boolean (self, field->name, g_value_get_boolean (value));
      break;
    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
      rds_shape_set_tristate (self, field->name, g_value_get_enum (value));
      break;
    case RDS_FIELD_KIND_DOUBLE:
      rds_shape_set_double (self, field->name, g_value_get_double (value));
      break;
    case RDS_FIELD_KIND_TIMESTAMP:
      dt = g_value_get_boxed (value);
      rds_shape_set_timestamp (self, field->name,
                               dt != NULL ? g_date_time_to_unix (dt) * G_USEC_PER_SEC +
                                            g_date_time_get_microsecond (dt) : 0);
      break;
    case RDS_FIELD_KIND_OBJECT:
      rds_shape_set_object (self, field->name, g_value_get_object (value));
      break;
    case RDS_FIELD_KIND_LIST:
      set_list_items (self, field, g_value_get_object (value));
      break;
    case RDS_FIELD_KIND_STRV:
      rds_shape_set_strv (self, field->name, g_value_get_boxed (value));
      break;
    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
      {
        GArray *array = g_value_get_boxed (value);

        rds_shape_take_array (self, field->name, array != NULL ? g_array_copy (array) : NULL);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
rds_shape_constructed (GObject *object)
{
  RdsShape *self = RDS_SHAPE (object);
  RdsShapeClass *klass = RDS_SHAPE_GET_CLASS (self);

  /* Optional numbers start out absent. Construct properties are set after
   * this, and instance_init would only see this base class's (empty) table. */
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].kind == RDS_FIELD_KIND_OPTIONAL_INT)
        *FIELD_PTR (self, &klass->fields[i], int) = -1;
      else if (klass->fields[i].kind == RDS_FIELD_KIND_DOUBLE)
        *FIELD_PTR (self, &klass->fields[i], double) = NAN;
    }

  G_OBJECT_CLASS (rds_shape_parent_class)->constructed (object);
}

static void
rds_shape_class_init (RdsShapeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rds_shape_constructed;
  object_class->finalize = rds_shape_finalize;
  object_class->get_property = rds_shape_get_property;
  object_class->set_property = rds_shape_set_property;

  field_quark = g_quark_from_static_string ("rds-shape-field");
}

static void
rds_shape_init (RdsShape *self)
{
}

static GParamSpec *
pspec_for_field (const RdsField *field)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
    case RDS_FIELD_KIND_INTERNED:
      return g_param_spec_string (field->name, field->wire_name, field->blurb, NULL, flags);
    case RDS_FIELD_KIND_INT:
      return g_param_spec_int (field->name, field->wire_name, field->blurb,
                               field->minimum, field->maximum,
                               CLAMP (0, field->minimum, field->maximum), flags);
    case RDS_FIELD_KIND_OPTIONAL_INT:
      return g_param_spec_int (field->name, field->wire_name, field->blurb,
                               -1, field->maximum, -1, flags);
    case RDS_FIELD_KIND_BOOLEAN:
      return g_param_spec_boolean (field->name, field->wire_name, field->blurb, FALSE, flags);
    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
      return g_param_spec_enum (field->name, field->wire_name, field->blurb,
                                RDS_TYPE_TRISTATE, RDS_TRISTATE_UNSET, flags);
    case RDS_FIELD_KIND_DOUBLE:
      return g_param_spec_double (field->name, field->wire_name, field->blurb,
                                  -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
    case RDS_FIELD_KIND_TIMESTAMP:
      return g_param_spec_boxed (field->name, field->wire_name, field->blurb,
                                 G_TYPE_DATE_TIME, flags);
    case RDS_FIELD_KIND_OBJECT:
      return g_param_spec_object (field->name, field->wire_name, field->blurb,
                                  field->item_type (), flags);
    case RDS_FIELD_KIND_LIST:
      return g_param_spec_object (field->name, field->wire_name, field->blurb,
                                  G_TYPE_LIST_MODEL, flags);
    case RDS_FIELD_KIND_STRV:
      return g_param_spec_boxed (field->name, field->wire_name, field->blurb,
                                 G_TYPE_STRV, flags);
    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
      return g_param_spec_boxed (field->name, field->wire_name, field->blurb,
                                 G_TYPE_ARRAY, flags);
    default:
      g_assert_not_reached ();
    }
}

/**
 * rds_shape_class_install_fields:
 * @klass: a final subclass, in its class_init
 * @fields: (array length=n_fields): a static table that outlives the class
 *
 * Installs one property per field.
 */
void
rds_shape_class_install_fields (RdsShapeClass  *klass,
                                const RdsField *fields,
                                guint           n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (RDS_IS_SHAPE_CLASS (klass));
  g_return_if_fail (klass->fields == NULL);

  /* GObject does not let subclasses inherit these two. */
  object_class->get_property = rds_shape_get_property;
  object_class->set_property = rds_shape_set_property;

  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->pspecs = g_new0 (GParamSpec *, n_fields);
  klass->by_wire_name = g_hash_table_new (g_str_hash, g_str_equal);
  klass->by_name = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_fields; i++)
    {
      const RdsField *field = &fields[i];
      GParamSpec *pspec = pspec_for_field (field);

      g_assert (field->kind != RDS_FIELD_KIND_OBJECT || field->item_type != NULL);
      g_assert (field->kind != RDS_FIELD_KIND_LIST || field->item_type != NULL);

      g_param_spec_set_qdata (pspec, field_quark, (gpointer) field);
      g_object_class_install_property (object_class, i + 1, pspec);
      klass->pspecs[i] = pspec;
      g_hash_table_insert (klass->by_wire_name, (gpointer) field->wire_name, (gpointer) field);
      g_hash_table_insert (klass->by_name, (gpointer) field->name, GUINT_TO_POINTER (i + 1));
    }
}

const RdsField *
rds_shape_class_get_fields (RdsShapeClass *klass,
                            guint         *n_fields)
{
  g_return_val_if_fail (RDS_IS_SHAPE_CLASS (klass), NULL);

  if (n_fields != NULL)
    *n_fields = klass->n_fields;
  return klass->fields;
}

const RdsField *
rds_shape_class_find_wire_name (RdsShapeClass *klass,
                                const char    *wire_name)
{
  g_return_val_if_fail (RDS_IS_SHAPE_CLASS (klass), NULL);

  if (klass->by_wire_name == NULL)
    return NULL;
  return g_hash_table_lookup (klass->by_wire_name, wire_name);
}

/**
 * rds_shape_class_find_field:
 * @name: a property name, such as "db-instance-identifier"
 *
 * Returns: (nullable): the field behind property @name, to read many
 *   objects of @klass without a lookup each
 */
const RdsField *
rds_shape_class_find_field (RdsShapeClass *klass,
                            const char    *name)
{
  guint index;

  g_return_val_if_fail (RDS_IS_SHAPE_CLASS (klass), NULL);

  if (klass->by_name == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (klass->by_name, name));
  return index != 0 ? &klass->fields[index - 1] : NULL;
}

GParamSpec *
rds_shape_class_get_pspec (RdsShapeClass  *klass,
                           const RdsField *field)
{
  g_return_val_if_fail (RDS_IS_SHAPE_CLASS (klass), NULL);
  g_return_val_if_fail (field >= klass->fields && field < klass->fields + klass->n_fields, NULL);

  return klass->pspecs[field - klass->fields];
}

#define LOOKUP(self, name, fallback)                                                     \
  GParamSpec *pspec;                                                                     \
  const RdsField *field;                                                                 \
  g_return_val_if_fail (RDS_IS_SHAPE (self), fallback);                                  \
  if ((pspec = find_pspec (self, name)) == NULL)                                         \
    return fallback;                                                                     \
  field = field_of_pspec (pspec);                                                        \
  (void) pspec;

#define LOOKUP_VOID(self, name)                                                          \
  GParamSpec *pspec;                                                                     \
  const RdsField *field;                                                                 \
  g_return_if_fail (RDS_IS_SHAPE (self));                                                \
  if ((pspec = find_pspec (self, name)) == NULL)                                         \
    return;                                                                              \
  field = field_of_pspec (pspec);

const char *
rds_shape_get_string (RdsShape   *self,
                      const char *name)
{
  LOOKUP (self, name, NULL);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_STRING ||
                        field->kind == RDS_FIELD_KIND_INTERNED, NULL);

  return *FIELD_PTR (self, field, const char *);
}

void
rds_shape_set_string (RdsShape   *self,
                      const char *name,
                      const char *value)
{
  const char **slot;
  LOOKUP_VOID (self, name);
  g_return_if_fail (field->kind == RDS_FIELD_KIND_STRING ||
                    field->kind == RDS_FIELD_KIND_INTERNED);

  slot = FIELD_PTR (self, field, const char *);
  if (g_strcmp0 (*slot, value) == 0)
    return;

  if (field->kind == RDS_FIELD_KIND_STRING)
    {
      g_free ((char *) *slot);
      *slot = g_strdup (value);
    }
  else
    {
      *slot = g_intern_string (value);
    }

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

int
rds_shape_get_int (RdsShape   *self,
                   const char *name)
{
  LOOKUP (self, name, 0);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_INT ||
                        field->kind == RDS_FIELD_KIND_OPTIONAL_INT, 0);

  return *FIELD_PTR (self, field, int);
}

void
rds_shape_set_int (RdsShape   *self,
                   const char *name,
                   int         value)
{
  int *slot;
  LOOKUP_VOID (self, name);
  g_return_if_fail (field->kind == RDS_FIELD_KIND_INT ||
                    field->kind == RDS_FIELD_KIND_OPTIONAL_INT);

  slot = FIELD_PTR (self, field, int);
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

gboolean
rds_shape_get_boolean (RdsShape   *self,
                       const char *name)
{
  LOOKUP (self, name, FALSE);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_BOOLEAN, FALSE);

  return *FIELD_PTR (self, field, gboolean);
}

void
rds_shape_set_boolean (RdsShape   *self,
                       const char *name,
                       gboolean    value)
{
  gboolean *slot;
  LOOKUP_VOID (self, name);
  g_return_if_fail (field->kind == RDS_FIELD_KIND_BOOLEAN);

  value = !!value;
  slot = FIELD_PTR (self, field, gboolean);
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

RdsTristate
rds_shape_get_tristate (RdsShape   *self,
                        const char *name)
{
  LOOKUP (self, name, RDS_TRISTATE_UNSET);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_OPTIONAL_BOOLEAN, RDS_TRISTATE_UNSET);

  return *FIELD_PTR (self, field, RdsTristate);
}

void
rds_shape_set_tristate (RdsShape    *self,
                        const char  *name,
                        RdsTristate  value)
{
  RdsTristate *slot;
  LOOKUP_VOID (self, name);
  g_return_if_fail (field->kind == RDS_FIELD_KIND_OPTIONAL_BOOLEAN);
  g_return_if_fail (value <= RDS_TRISTATE_TRUE);

  slot = FIELD_PTR (self, field, RdsTristate);
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

double
rds_shape_get_double (RdsShape   *self,
                      const char *name)
{
  LOOKUP (self, name, 0.0);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_DOUBLE, 0.0);

  return *FIELD_PTR (self, field, double);
}

void
rds_shape_set_double (RdsShape   *self,
                      const char *name,
                      double      value)
{
  double *slot;
  LOOKUP_VOID (self, name);
  g_return_if_fail (field->kind == RDS_FIELD_KIND_DOUBLE);

  slot = FIELD_PTR (self, field, double);
  if (*slot == value || (isnan (*slot) && isnan (value)))
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

gint64
rds_shape_get_timestamp (RdsShape   *self,
                         const char *name)
{
  LOOKUP (self, name, 0);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_TIMESTAMP, 0);

  return *FIELD_PTR (self, field, gint64);
}

void
rds_shape_set_timestamp (RdsShape   *self,
                         const char *name,
                         gint64      usec)
{
  gint64 *slot;
  LOOKUP_VOID (self, name);
  g_return_if_fail (field->kind == RDS_FIELD_KIND_TIMESTAMP);

  slot = FIELD_PTR (self, field, gint64);
  if (*slot == usec)
    return;
  *slot = usec;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

gpointer
rds_shape_get_object (RdsShape   *self,
                      const char *name)
{
  LOOKUP (self, name, NULL);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_OBJECT, NULL);

  return *FIELD_PTR (self, field, GObject *);
}

void
rds_shape_set_object (RdsShape   *self,
                      const char *name,
                      gpointer    object)
{
  LOOKUP_VOID (self, name);
  g_return_if_fail (field->kind == RDS_FIELD_KIND_OBJECT);
  g_return_if_fail (object == NULL || G_TYPE_CHECK_INSTANCE_TYPE (object, field->item_type ()));

  if (g_set_object (FIELD_PTR (self, field, GObject *), object))
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * rds_shape_get_list:
 *
 * Returns: (transfer none) (nullable): the items, or %NULL when there are none
 *   yet; use rds_shape_ensure_list() to get a store to add to
 */
GListModel *
rds_shape_get_list (RdsShape   *self,
                    const char *name)
{
  LOOKUP (self, name, NULL);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_LIST, NULL);

  return *FIELD_PTR (self, field, GListModel *);
}

GListStore *
rds_shape_ensure_list (RdsShape   *self,
                       const char *name)
{
  LOOKUP (self, name, NULL);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_LIST, NULL);

  return ensure_list (self, field);
}

const char * const *
rds_shape_get_strv (RdsShape   *self,
                    const char *name)
{
  LOOKUP (self, name, NULL);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_STRV, NULL);

  return (const char * const *) *FIELD_PTR (self, field, char **);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint la = a != NULL ? g_strv_length ((char **) a) : 0;
  guint lb = b != NULL ? g_strv_length ((char **) b) : 0;

  if (la != lb)
    return FALSE;
  for (guint i = 0; i < la; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

void
rds_shape_set_strv (RdsShape           *self,
                    const char         *name,
                    const char * const *value)
{
  char ***slot;
  LOOKUP_VOID (self, name);
  g_return_if_fail (field->kind == RDS_FIELD_KIND_STRV);

  slot = FIELD_PTR (self, field, char **);
  if (strv_equal ((const char * const *) *slot, value))
    return;

  g_strfreev (*slot);
  *slot = value != NULL && value[0] != NULL ? g_strdupv ((char **) value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * rds_shape_get_array:
 *
 * Returns: (transfer none) (nullable): a list of numbers (doubles, or
 *   timestamps in microseconds), %NULL when empty
 */
GArray *
rds_shape_get_array (RdsShape   *self,
                     const char *name)
{
  LOOKUP (self, name, NULL);
  g_return_val_if_fail (field->kind == RDS_FIELD_KIND_DOUBLES || field->kind == RDS_FIELD_KIND_TIMESTAMPS, NULL);

  return *FIELD_PTR (self, field, GArray *);
}

/**
 * rds_shape_take_array:
 * @value: (transfer full) (nullable): doubles, or gint64 for timestamps
 */
void
rds_shape_take_array (RdsShape   *self,
                      const char *name,
                      GArray     *value)
{
  GArray **slot;
  LOOKUP_VOID (self, name);
  g_return_if_fail (field->kind == RDS_FIELD_KIND_DOUBLES || field->kind == RDS_FIELD_KIND_TIMESTAMPS);
  g_return_if_fail (value == NULL ||
                    g_array_get_element_size (value) == (field->kind == RDS_FIELD_KIND_DOUBLES ? sizeof (double)
                                                                                              : sizeof (gint64)));

  slot = FIELD_PTR (self, field, GArray *);
  g_clear_pointer (slot, g_array_unref);
  if (value != NULL && value->len == 0)
    g_clear_pointer (&value, g_array_unref);
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static gboolean
arrays_equal (GArray *a,
              GArray *b)
{
  guint la = a != NULL ? a->len : 0, lb = b != NULL ? b->len : 0;

  return la == lb && (la == 0 || memcmp (a->data, b->data, la * g_array_get_element_size (a)) == 0);
}

gboolean
rds_shape_field_is_present (RdsShape       *self,
                            const RdsField *field)
{
  g_return_val_if_fail (RDS_IS_SHAPE (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
    case RDS_FIELD_KIND_INTERNED:
    case RDS_FIELD_KIND_OBJECT:
      return *FIELD_PTR (self, field, gpointer) != NULL;
    case RDS_FIELD_KIND_OPTIONAL_INT:
      return *FIELD_PTR (self, field, int) >= 0;
    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
      return *FIELD_PTR (self, field, RdsTristate) != RDS_TRISTATE_UNSET;
    case RDS_FIELD_KIND_TIMESTAMP:
      return *FIELD_PTR (self, field, gint64) != 0;
    case RDS_FIELD_KIND_DOUBLE:
      return !isnan (*FIELD_PTR (self, field, double));
    case RDS_FIELD_KIND_INT:
    case RDS_FIELD_KIND_BOOLEAN:
    case RDS_FIELD_KIND_LIST:
    case RDS_FIELD_KIND_STRV:
    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/**
 * rds_shape_field_set_from_text:
 * @text: a scalar as the Query API writes it
 *
 * Sets a scalar field from its wire text, notifying when it changes.
 */
gboolean
rds_shape_field_set_from_text (RdsShape        *self,
                               const RdsField  *field,
                               const char      *text,
                               GError         **error)
{
  gint64 number;
  double real;
  char *end = NULL;

  g_return_val_if_fail (RDS_IS_SHAPE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
    case RDS_FIELD_KIND_INTERNED:
      rds_shape_set_string (self, field->name, text);
      return TRUE;

    case RDS_FIELD_KIND_INT:
    case RDS_FIELD_KIND_OPTIONAL_INT:
      if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &number, NULL))
        break;
      rds_shape_set_int (self, field->name, (int) number);
      return TRUE;

    case RDS_FIELD_KIND_BOOLEAN:
    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
      {
        gboolean value;

        if (g_ascii_strcasecmp (text, "true") == 0)
          value = TRUE;
        else if (g_ascii_strcasecmp (text, "false") == 0)
          value = FALSE;
        else
          break;

        if (field->kind == RDS_FIELD_KIND_BOOLEAN)
          rds_shape_set_boolean (self, field->name, value);
        else
          rds_shape_set_tristate (self, field->name, value ? RDS_TRISTATE_TRUE : RDS_TRISTATE_FALSE);
        return TRUE;
      }

    case RDS_FIELD_KIND_DOUBLE:
      real = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        break;
      rds_shape_set_double (self, field->name, real);
      return TRUE;

    case RDS_FIELD_KIND_TIMESTAMP:
      if (!rds_parse_timestamp (text, &number))
        break;
      rds_shape_set_timestamp (self, field->name, number);
      return TRUE;

    case RDS_FIELD_KIND_OBJECT:
    case RDS_FIELD_KIND_LIST:
    case RDS_FIELD_KIND_STRV:
    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not a scalar", field->wire_name);
      return FALSE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "“%s” is not a valid value for %s", text, field->wire_name);
  return FALSE;
}

static GListStore *
copy_list (GListModel *list,
           GType       item_type)
{
  GListStore *copy = g_list_store_new (item_type);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) item = g_list_model_get_item (list, i);
      g_autoptr(RdsShape) item_copy = rds_shape_copy (item);

      g_list_store_append (copy, item_copy);
    }

  return copy;
}

static void
copy_field (RdsShape       *dest,
            RdsShape       *source,
            const RdsField *field)
{
  GObject *object;

  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
      *FIELD_PTR (dest, field, char *) = g_strdup (*FIELD_PTR (source, field, char *));
      break;
    case RDS_FIELD_KIND_INTERNED:
      *FIELD_PTR (dest, field, const char *) = *FIELD_PTR (source, field, const char *);
      break;
    case RDS_FIELD_KIND_INT:
    case RDS_FIELD_KIND_OPTIONAL_INT:
      *FIELD_PTR (dest, field, int) = *FIELD_PTR (source, field, int);
      break;
    case RDS_FIELD_KIND_BOOLEAN:
      *FIELD_PTR (dest, field, gboolean) = *FIELD_PTR (source, field, gboolean);
      break;
    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
      *FIELD_PTR (dest, field, RdsTristate) = *FIELD_PTR (source, field, RdsTristate);
      break;
    case RDS_FIELD_KIND_DOUBLE:
      *FIELD_PTR (dest, field, double) = *FIELD_PTR (source, field, double);
      break;
    case RDS_FIELD_KIND_TIMESTAMP:
      *FIELD_PTR (dest, field, gint64) = *FIELD_PTR (source, field, gint64);
      break;
    case RDS_FIELD_KIND_OBJECT:
      object = *FIELD_PTR (source, field, GObject *);
      *FIELD_PTR (dest, field, RdsShape *) = object != NULL ? rds_shape_copy (RDS_SHAPE (object)) : NULL;
      break;
    case RDS_FIELD_KIND_LIST:
      object = *FIELD_PTR (source, field, GObject *);
      *FIELD_PTR (dest, field, GListStore *) =
        object != NULL ? copy_list (G_LIST_MODEL (object), field->item_type ()) : NULL;
      break;
    case RDS_FIELD_KIND_STRV:
      *FIELD_PTR (dest, field, char **) = g_strdupv (*FIELD_PTR (source, field, char **));
      break;
    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
      object = (GObject *) *FIELD_PTR (source, field, GArray *);
      *FIELD_PTR (dest, field, GArray *) = object != NULL ? g_array_copy ((GArray *) object) : NULL;
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * rds_shape_copy:
 *
 * Returns: (transfer full): a deep copy of @self
 */
RdsShape *
rds_shape_copy (RdsShape *self)
{
  RdsShapeClass *klass;
  RdsShape *copy;

  g_return_val_if_fail (RDS_IS_SHAPE (self), NULL);

  klass = RDS_SHAPE_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      free_field (copy, &klass->fields[i]);
      copy_field (copy, self, &klass->fields[i]);
    }

  return copy;
}

static gboolean
lists_equal (GListModel *a,
             GListModel *b)
{
  guint na = a != NULL ? g_list_model_get_n_items (a) : 0;
  guint nb = b != NULL ? g_list_model_get_n_items (b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      g_autoptr(RdsShape) ia = g_list_model_get_item (a, i);
      g_autoptr(RdsShape) ib = g_list_model_get_item (b, i);

      if (!rds_shape_equal (ia, ib))
        return FALSE;
    }
  return TRUE;
}

static gboolean
field_equal (RdsShape       *a,
             RdsShape       *b,
             const RdsField *field)
{
  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
    case RDS_FIELD_KIND_INTERNED:
      return g_strcmp0 (*FIELD_PTR (a, field, const char *), *FIELD_PTR (b, field, const char *)) == 0;
    case RDS_FIELD_KIND_INT:
    case RDS_FIELD_KIND_OPTIONAL_INT:
      return *FIELD_PTR (a, field, int) == *FIELD_PTR (b, field, int);
    case RDS_FIELD_KIND_BOOLEAN:
      return *FIELD_PTR (a, field, gboolean) == *FIELD_PTR (b, field, gboolean);
    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
      return *FIELD_PTR (a, field, RdsTristate) == *FIELD_PTR (b, field, RdsTristate);
    case RDS_FIELD_KIND_DOUBLE:
      {
        double da = *FIELD_PTR (a, field, double);
        double db = *FIELD_PTR (b, field, double);

        return da == db || (isnan (da) && isnan (db));
      }
    case RDS_FIELD_KIND_TIMESTAMP:
      return *FIELD_PTR (a, field, gint64) == *FIELD_PTR (b, field, gint64);
    case RDS_FIELD_KIND_OBJECT:
      {
        RdsShape *oa = *FIELD_PTR (a, field, RdsShape *);
        RdsShape *ob = *FIELD_PTR (b, field, RdsShape *);

        if (oa == NULL || ob == NULL)
          return oa == ob;
        return rds_shape_equal (oa, ob);
      }
    case RDS_FIELD_KIND_LIST:
      return lists_equal (*FIELD_PTR (a, field, GListModel *), *FIELD_PTR (b, field, GListModel *));
    case RDS_FIELD_KIND_STRV:
      return strv_equal (*FIELD_PTR (a, field, const char * const *),
                         *FIELD_PTR (b, field, const char * const *));
    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
      return arrays_equal (*FIELD_PTR (a, field, GArray *), *FIELD_PTR (b, field, GArray *));
    default:
      g_assert_not_reached ();
    }
}

gboolean
rds_shape_equal (RdsShape *a,
                 RdsShape *b)
{
  RdsShapeClass *klass;

  g_return_val_if_fail (RDS_IS_SHAPE (a), FALSE);
  g_return_val_if_fail (RDS_IS_SHAPE (b), FALSE);

  if (a == b)
    return TRUE;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  klass = RDS_SHAPE_GET_CLASS (a);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!field_equal (a, b, &klass->fields[i]))
      return FALSE;

  return TRUE;
}

/**
 * rds_shape_list_sync:
 * @store: a GListStore of RdsShape
 * @shapes: (nullable): what it should hold
 *
 * Makes @store hold copies of @shapes, and leaves it as it is when they
 * are equal already: the rows bound to it stay (a poll's same answer).
 *
 * Returns: how many it holds
 */
guint
rds_shape_list_sync (GListStore *store,
                     GListModel *shapes)
{
  guint n = shapes != NULL ? g_list_model_get_n_items (shapes) : 0;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean same = n == old;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsShape) shape = g_list_model_get_item (shapes, i);
      g_autoptr(RdsShape) shown = same ? g_list_model_get_item (G_LIST_MODEL (store), i) : NULL;

      same = same && rds_shape_equal (shape, shown);
      g_ptr_array_add (copies, rds_shape_copy (shape));
    }
  if (!same)
    g_list_store_splice (store, 0, old, copies->pdata, copies->len);
  return n;
}

/**
 * rds_shape_update_from:
 * @self: the object to update, which keeps its identity
 * @source: an object of the same type with the new values
 *
 * Copies every field of @source that differs into @self, notifying each
 * changed property once. Nested objects are updated in place, and lists are
 * replaced only when they differ, so widgets bound to @self keep their state.
 */
void
rds_shape_update_from (RdsShape *self,
                       RdsShape *source)
{
  RdsShapeClass *klass;

  g_return_if_fail (RDS_IS_SHAPE (self));
  g_return_if_fail (RDS_IS_SHAPE (source));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (source));

  if (self == source)
    return;

  klass = RDS_SHAPE_GET_CLASS (self);
  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const RdsField *field = &klass->fields[i];
      RdsShape *mine;
      RdsShape *theirs;

      if (field_equal (self, source, field))
        continue;

      switch (field->kind)
        {
        case RDS_FIELD_KIND_OBJECT:
          mine = *FIELD_PTR (self, field, RdsShape *);
          theirs = *FIELD_PTR (source, field, RdsShape *);
          if (mine != NULL && theirs != NULL)
            {
              rds_shape_update_from (mine, theirs);
            }
          else
            {
              g_autoptr(RdsShape) copy = theirs != NULL ? rds_shape_copy (theirs) : NULL;
              rds_shape_set_object (self, field->name, copy);
            }
          break;

        case RDS_FIELD_KIND_LIST:
          {
            GListModel *theirs_list = *FIELD_PTR (source, field, GListModel *);
            g_autoptr(GListStore) copy = theirs_list != NULL
              ? copy_list (theirs_list, field->item_type ()) : NULL;

            set_list_items (self, field, G_LIST_MODEL (copy));
          }
          break;

        case RDS_FIELD_KIND_STRING:
        case RDS_FIELD_KIND_INTERNED:
        case RDS_FIELD_KIND_INT:
        case RDS_FIELD_KIND_OPTIONAL_INT:
        case RDS_FIELD_KIND_BOOLEAN:
        case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
        case RDS_FIELD_KIND_DOUBLE:
        case RDS_FIELD_KIND_TIMESTAMP:
        case RDS_FIELD_KIND_STRV:
        case RDS_FIELD_KIND_DOUBLES:
        case RDS_FIELD_KIND_TIMESTAMPS:
          free_field (self, field);
          copy_field (self, source, field);
          g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[i]);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* Timestamps, without GDateTime allocations: they are on every hot path. */

static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  /* Howard Hinnant's days-to-civil algorithm. */
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 y = yoe + era * 400;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;

  *year = (int) (y + (m <= 2));
  *month = (int) m;
  *day = (int) d;
}

static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/**
 * rds_format_timestamp:
 * @usec: microseconds since the epoch
 *
 * Returns: (transfer full): `YYYY-MM-DDThh:mm:ss.mmmZ`, the Query API format
 */
char *
rds_format_timestamp (gint64 usec)
{
  gint64 seconds = usec >= 0 ? usec / G_USEC_PER_SEC : (usec - G_USEC_PER_SEC + 1) / G_USEC_PER_SEC;
  gint64 days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  gint64 rest = seconds - days * 86400;
  int millis = (int) ((usec - seconds * G_USEC_PER_SEC) / 1000);
  int year, month, day;

  civil_from_days (days, &year, &month, &day);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day,
                          (int) (rest / 3600), (int) (rest / 60 % 60), (int) (rest % 60), millis);
}

static inline char *
put_two_digits (char *p,
                int   value)
{
  p[0] = (char) ('0' + value / 10);
  p[1] = (char) ('0' + value % 10);
  return p + 2;
}

/**
 * rds_format_timestamp_seconds:
 * @usec: microseconds since the epoch, not before it
 *
 * Like rds_format_timestamp() to the second, without a fraction, as
 * CloudWatch writes a metric's timestamps; quick, for long lists of them.
 *
 * Returns: (transfer full): `YYYY-MM-DDThh:mm:ssZ`
 */
char *
rds_format_timestamp_seconds (gint64 usec)
{
  char *text = g_malloc (21);

  rds_format_timestamp_into (usec, text);
  return text;
}

/**
 * rds_format_timestamp_into:
 * @buffer: room for 21 bytes
 *
 * Writes what rds_format_timestamp_seconds() returns into @buffer.
 *
 * Returns: its length, 20
 */
gsize
rds_format_timestamp_into (gint64  usec,
                           char   *buffer)
{
  gint64 seconds = MAX (usec, 0) / G_USEC_PER_SEC;
  gint64 days = seconds / 86400;
  int rest = (int) (seconds - days * 86400);
  int year, month, day;
  char *p = buffer;

  civil_from_days (days, &year, &month, &day);
  p = put_two_digits (p, year / 100 % 100);
  p = put_two_digits (p, year % 100);
  *p++ = '-';
  p = put_two_digits (p, month);
  *p++ = '-';
  p = put_two_digits (p, day);
  *p++ = 'T';
  p = put_two_digits (p, rest / 3600);
  *p++ = ':';
  p = put_two_digits (p, rest / 60 % 60);
  *p++ = ':';
  p = put_two_digits (p, rest % 60);
  *p++ = 'Z';
  *p = '\0';
  return (gsize) (p - buffer);
}

/* Digits of @value before @end, backwards. */
static char *
put_digits (char    *end,
            guint64  value,
            int      min_digits)
{
  int n = 0;

  do
    {
      *--end = (char) ('0' + value % 10);
      value /= 10;
      n++;
    }
  while (value != 0 || n < min_digits);
  return end;
}

/**
 * rds_format_number:
 * @buffer: room for 32 bytes
 *
 * Writes a metric's value as a list of them goes on the wire: whole
 * numbers exactly (bytes), others to six significant digits, as "%.6g"
 * would but without an exponent; quickly, for lists of a hundred thousand.
 *
 * Returns: the length written
 */
gsize
rds_format_number (double  value,
                   char   *buffer)
{
  static const double powers[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                   1e13, 1e14, 1e15 };
  char digits_buffer[48];
  char *end = digits_buffer + sizeof digits_buffer, *p;
  double magnitude = fabs (value);
  int decimals = 0;
  guint64 scaled;
  gsize length;

  if (!isfinite (value) || magnitude >= 1e18)
    {
      g_ascii_formatd (buffer, 32, "%.6g", value);
      return strlen (buffer);
    }

  if (magnitude < 1e6 && magnitude != floor (magnitude) && magnitude >= 1e-15)
    decimals = CLAMP (5 - (int) floor (log10 (magnitude)), 0, 15);
  scaled = (guint64) llround (magnitude * powers[decimals]);

  p = end;
  if (decimals > 0)
    {
      guint64 whole = scaled / (guint64) powers[decimals];
      guint64 fraction = scaled % (guint64) powers[decimals];

      /* Without the zeros a fraction ends with. */
      while (decimals > 0 && fraction % 10 == 0)
        {
          fraction /= 10;
          decimals--;
        }
      if (decimals > 0)
        {
          p = put_digits (p, fraction, decimals);
          *--p = '.';
        }
      p = put_digits (p, whole, 1);
    }
  else
    {
      p = put_digits (p, scaled, 1);
    }
  if (value < 0 && scaled != 0)
    *--p = '-';

  length = (gsize) (end - p);
  memcpy (buffer, p, length);
  buffer[length] = '\0';
  return length;
}

/* @n decimal digits at @text, no sign, no space. */
static gboolean
digits (const char *text,
        int         n,
        int        *value)
{
  *value = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return TRUE;
}

/**
 * rds_parse_timestamp:
 * @text: ISO 8601 in UTC (`Z` or `+00:00`), with or without fractional
 *   seconds, or a number of seconds since the epoch (botocore sends either)
 */
gboolean
rds_parse_timestamp (const char *text,
                     gint64     *usec)
{
  int year, month, day, hour = 0, minute = 0, second = 0;
  gint64 fraction = 0;
  const char *p;
  char *end = NULL;

  g_return_val_if_fail (usec != NULL, FALSE);

  if (text == NULL || *text == '\0')
    return FALSE;

  /* Epoch seconds, possibly with a fraction. */
  if (strchr (text, '-') == NULL)
    {
      double value = g_ascii_strtod (text, &end);

      if (end == text || *end != '\0' || value < 0 || value > 253402300799.0)
        return FALSE;
      *usec = (gint64) (value * G_USEC_PER_SEC);
      return TRUE;
    }

  if (!digits (text, 4, &year) || text[4] != '-' || !digits (text + 5, 2, &month) || text[7] != '-' ||
      !digits (text + 8, 2, &day))
    return FALSE;
  p = text + 10;
  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      if (!digits (p + 1, 2, &hour) || p[3] != ':' || !digits (p + 4, 2, &minute) || p[6] != ':' ||
          !digits (p + 7, 2, &second))
        return FALSE;
      p += 9;
      if (*p == '.')
        {
          gint64 scale = G_USEC_PER_SEC;

          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            {
              if (scale > 1)
                {
                  scale /= 10;
                  fraction += (*p - '0') * scale;
                }
              p++;
            }
        }
    }

  if (*p == 'Z' || *p == 'z')
    p++;
  else if (g_str_has_prefix (p, "+00:00") || g_str_has_prefix (p, "-00:00"))
    p += 6;
  if (*p != '\0')
    return FALSE;

  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return FALSE;
  if (day > (int) g_date_get_days_in_month (month, year))
    return FALSE;

  *usec = ((days_from_civil (year, month, day) * 86400) + hour * 3600 + minute * 60 + second)
          * G_USEC_PER_SEC + fraction;
  return TRUE;
}

/* JSON */

static char *
format_timestamp_exact (gint64 usec)
{
  g_autofree char *millis = rds_format_timestamp (usec);
  int micros = (int) (((usec % G_USEC_PER_SEC) + G_USEC_PER_SEC) % G_USEC_PER_SEC);

  /* Keep every microsecond on disk: …ss.uuuuuuZ */
  millis[19] = '\0';
  return g_strdup_printf ("%s.%06dZ", millis, micros);
}

static JsonNode *
field_to_json (RdsShape       *self,
               const RdsField *field)
{
  JsonNode *node = NULL;

  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
    case RDS_FIELD_KIND_INTERNED:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, *FIELD_PTR (self, field, const char *));
      break;
    case RDS_FIELD_KIND_INT:
    case RDS_FIELD_KIND_OPTIONAL_INT:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, *FIELD_PTR (self, field, int));
      break;
    case RDS_FIELD_KIND_BOOLEAN:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, *FIELD_PTR (self, field, gboolean));
      break;
    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, *FIELD_PTR (self, field, RdsTristate) == RDS_TRISTATE_TRUE);
      break;
    case RDS_FIELD_KIND_DOUBLE:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_double (node, *FIELD_PTR (self, field, double));
      break;
    case RDS_FIELD_KIND_TIMESTAMP:
      {
        g_autofree char *text = format_timestamp_exact (*FIELD_PTR (self, field, gint64));
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_string (node, text);
      }
      break;
    case RDS_FIELD_KIND_OBJECT:
      node = rds_shape_to_json (*FIELD_PTR (self, field, RdsShape *));
      break;
    case RDS_FIELD_KIND_LIST:
      {
        GListModel *list = *FIELD_PTR (self, field, GListModel *);
        JsonArray *array = json_array_new ();
        guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(RdsShape) item = g_list_model_get_item (list, i);
            json_array_add_element (array, rds_shape_to_json (item));
          }
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
      }
      break;
    case RDS_FIELD_KIND_STRV:
      {
        char **strv = *FIELD_PTR (self, field, char **);
        JsonArray *array = json_array_new ();

        for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
          json_array_add_string_element (array, strv[i]);
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
      }
      break;
    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
      {
        GArray *numbers = *FIELD_PTR (self, field, GArray *);
        JsonArray *array = json_array_new ();

        for (guint i = 0; numbers != NULL && i < numbers->len; i++)
          if (field->kind == RDS_FIELD_KIND_DOUBLES)
            json_array_add_double_element (array, g_array_index (numbers, double, i));
          else
            json_array_add_int_element (array, g_array_index (numbers, gint64, i));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  return node;
}

/**
 * rds_shape_to_json:
 *
 * Returns: (transfer full): an object keyed by wire name; absent fields and
 *   empty lists are left out
 */
JsonNode *
rds_shape_to_json (RdsShape *self)
{
  RdsShapeClass *klass;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (RDS_IS_SHAPE (self), NULL);

  klass = RDS_SHAPE_GET_CLASS (self);
  object = json_object_new ();
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const RdsField *field = &klass->fields[i];

      if (!rds_shape_field_is_present (self, field))
        continue;
      if (field->kind == RDS_FIELD_KIND_LIST &&
          (*FIELD_PTR (self, field, GListModel *) == NULL ||
           g_list_model_get_n_items (*FIELD_PTR (self, field, GListModel *)) == 0))
        continue;
      if ((field->kind == RDS_FIELD_KIND_STRV || field->kind == RDS_FIELD_KIND_DOUBLES ||
           field->kind == RDS_FIELD_KIND_TIMESTAMPS) && *FIELD_PTR (self, field, gpointer) == NULL)
        continue;

      json_object_set_member (object, field->wire_name, field_to_json (self, field));
    }

  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}

static gboolean
json_type_error (const RdsField  *field,
                 const char      *expected,
                 GError         **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "“%s” should be %s", field->wire_name, expected);
  return FALSE;
}

static gboolean
field_from_json (RdsShape        *self,
                 const RdsField  *field,
                 JsonNode        *node,
                 GError         **error)
{
  GType value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
    case RDS_FIELD_KIND_INTERNED:
      if (value_type != G_TYPE_STRING)
        return json_type_error (field, "a string", error);
      free_field (self, field);
      if (field->kind == RDS_FIELD_KIND_STRING)
        *FIELD_PTR (self, field, char *) = g_strdup (json_node_get_string (node));
      else
        *FIELD_PTR (self, field, const char *) = g_intern_string (json_node_get_string (node));
      return TRUE;

    case RDS_FIELD_KIND_INT:
    case RDS_FIELD_KIND_OPTIONAL_INT:
      if (value_type != G_TYPE_INT64)
        return json_type_error (field, "an integer", error);
      *FIELD_PTR (self, field, int) = (int) json_node_get_int (node);
      return TRUE;

    case RDS_FIELD_KIND_BOOLEAN:
      if (value_type != G_TYPE_BOOLEAN)
        return json_type_error (field, "a boolean", error);
      *FIELD_PTR (self, field, gboolean) = json_node_get_boolean (node);
      return TRUE;

    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
      if (value_type != G_TYPE_BOOLEAN)
        return json_type_error (field, "a boolean", error);
      *FIELD_PTR (self, field, RdsTristate) =
        json_node_get_boolean (node) ? RDS_TRISTATE_TRUE : RDS_TRISTATE_FALSE;
      return TRUE;

    case RDS_FIELD_KIND_DOUBLE:
      if (value_type != G_TYPE_DOUBLE && value_type != G_TYPE_INT64)
        return json_type_error (field, "a number", error);
      *FIELD_PTR (self, field, double) = json_node_get_double (node);
      return TRUE;

    case RDS_FIELD_KIND_TIMESTAMP:
      if (value_type != G_TYPE_STRING ||
          !rds_parse_timestamp (json_node_get_string (node), FIELD_PTR (self, field, gint64)))
        return json_type_error (field, "an ISO 8601 timestamp", error);
      return TRUE;

    case RDS_FIELD_KIND_OBJECT:
      {
        RdsShape *child = rds_shape_new_from_json (field->item_type (), node, error);

        if (child == NULL)
          return FALSE;
        free_field (self, field);
        *FIELD_PTR (self, field, RdsShape *) = child;
        return TRUE;
      }

    case RDS_FIELD_KIND_LIST:
      {
        JsonArray *array;
        GListStore *store;
        guint n;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return json_type_error (field, "an array", error);
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        store = ensure_list (self, field);
        g_list_store_remove_all (store);
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(RdsShape) item = rds_shape_new_from_json (field->item_type (),
                                                                json_array_get_element (array, i),
                                                                error);
            if (item == NULL)
              return FALSE;
            g_list_store_append (store, item);
          }
        return TRUE;
      }

    case RDS_FIELD_KIND_STRV:
      {
        JsonArray *array;
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        guint n;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return json_type_error (field, "an array of strings", error);
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        for (guint i = 0; i < n; i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
              return json_type_error (field, "an array of strings", error);
            g_strv_builder_add (builder, json_node_get_string (element));
          }
        free_field (self, field);
        if (n > 0)
          *FIELD_PTR (self, field, char **) = g_strv_builder_end (builder);
        return TRUE;
      }

    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
      {
        gboolean doubles = field->kind == RDS_FIELD_KIND_DOUBLES;
        g_autoptr(GArray) numbers = NULL;
        JsonArray *array;
        guint n;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return json_type_error (field, "an array of numbers", error);
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        numbers = g_array_sized_new (FALSE, FALSE, doubles ? sizeof (double) : sizeof (gint64), n);
        for (guint i = 0; i < n; i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            GType type = JSON_NODE_HOLDS_VALUE (element) ? json_node_get_value_type (element) : G_TYPE_INVALID;

            if (type != G_TYPE_INT64 && (type != G_TYPE_DOUBLE || !doubles))
              return json_type_error (field, "an array of numbers", error);
            if (doubles)
              {
                double value = json_node_get_double (element);
                g_array_append_val (numbers, value);
              }
            else
              {
                gint64 value = json_node_get_int (element);
                g_array_append_val (numbers, value);
              }
          }
        free_field (self, field);
        if (n > 0)
          *FIELD_PTR (self, field, GArray *) = g_steal_pointer (&numbers);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * rds_shape_new_from_json:
 * @type: a subclass of #RdsShape
 *
 * Reads what rds_shape_to_json() wrote. Members this version does not know
 * are ignored; members of the wrong type are an error.
 *
 * Returns: (transfer full) (nullable): the shape, or %NULL with @error set
 */
RdsShape *
rds_shape_new_from_json (GType      type,
                         JsonNode  *node,
                         GError   **error)
{
  g_autoptr(RdsShape) self = NULL;
  RdsShapeClass *klass;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_return_val_if_fail (g_type_is_a (type, RDS_TYPE_SHAPE), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "A %s should be a JSON object", g_type_name (type));
      return NULL;
    }

  self = g_object_new (type, NULL);
  klass = RDS_SHAPE_GET_CLASS (self);

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, &value))
    {
      const RdsField *field = rds_shape_class_find_wire_name (klass, member);

      if (field == NULL || JSON_NODE_HOLDS_NULL (value))
        continue;
      if (!field_from_json (self, field, value, error))
        {
          g_prefix_error (error, "%s: ", g_type_name (type));
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}
