/* rds-shape.h: base class of every resource and nested shape of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A boolean the wire may leave out, such as PendingModifiedValues.MultiAZ. */
typedef enum
{
  RDS_TRISTATE_UNSET = 0,
  RDS_TRISTATE_FALSE,
  RDS_TRISTATE_TRUE,
} RdsTristate;

#define RDS_TYPE_TRISTATE (rds_tristate_get_type ())
GType rds_tristate_get_type (void) G_GNUC_CONST;

/* How a field is stored in its instance struct and written on the wire. */
typedef enum
{
  RDS_FIELD_KIND_STRING,           /* char *, NULL when absent */
  RDS_FIELD_KIND_INTERNED,         /* const char * from g_intern_string (), NULL when absent */
  RDS_FIELD_KIND_INT,              /* int, always present */
  RDS_FIELD_KIND_OPTIONAL_INT,     /* int, -1 when absent */
  RDS_FIELD_KIND_BOOLEAN,          /* gboolean, always present */
  RDS_FIELD_KIND_OPTIONAL_BOOLEAN, /* RdsTristate */
  RDS_FIELD_KIND_DOUBLE,           /* double, NaN when absent */
  RDS_FIELD_KIND_TIMESTAMP,        /* gint64 microseconds since the epoch, 0 when absent */
  RDS_FIELD_KIND_OBJECT,           /* RdsShape *, NULL when absent */
  RDS_FIELD_KIND_LIST,             /* GListStore * of RdsShape, NULL when empty */
  RDS_FIELD_KIND_STRV,             /* char **, NULL when empty */
  RDS_FIELD_KIND_DOUBLES,          /* GArray * of double, NULL when empty: a metric's values */
  RDS_FIELD_KIND_TIMESTAMPS,       /* GArray * of gint64 microseconds, NULL when empty */
} RdsFieldKind;

/* One field of a shape, described once: the GObject property (name, blurb),
 * the AWS wire name (the property's nick, also the JSON key on disk), how
 * lists name their members, and where the value lives. */
typedef struct
{
  const char   *name;
  const char   *wire_name;
  const char   *blurb;
  RdsFieldKind  kind;
  gsize         offset;
  GType       (*item_type) (void);
  const char   *member_name;
  int           minimum;
  int           maximum;
} RdsField;

#define RDS_FIELD_STRING(T, m, name, wire, blurb) \
  { name, wire, blurb, RDS_FIELD_KIND_STRING, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 0 }
#define RDS_FIELD_INTERNED(T, m, name, wire, blurb) \
  { name, wire, blurb, RDS_FIELD_KIND_INTERNED, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 0 }
#define RDS_FIELD_INT(T, m, name, wire, blurb, min, max) \
  { name, wire, blurb, RDS_FIELD_KIND_INT, G_STRUCT_OFFSET (T, m), NULL, NULL, min, max }
#define RDS_FIELD_OPTIONAL_INT(T, m, name, wire, blurb, max) \
  { name, wire, blurb, RDS_FIELD_KIND_OPTIONAL_INT, G_STRUCT_OFFSET (T, m), NULL, NULL, -1, max }
#define RDS_FIELD_BOOLEAN(T, m, name, wire, blurb) \
  { name, wire, blurb, RDS_FIELD_KIND_BOOLEAN, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 1 }
#define RDS_FIELD_OPTIONAL_BOOLEAN(T, m, name, wire, blurb) \
  { name, wire, blurb, RDS_FIELD_KIND_OPTIONAL_BOOLEAN, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 2 }
#define RDS_FIELD_DOUBLE(T, m, name, wire, blurb) \
  { name, wire, blurb, RDS_FIELD_KIND_DOUBLE, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 0 }
#define RDS_FIELD_TIMESTAMP(T, m, name, wire, blurb) \
  { name, wire, blurb, RDS_FIELD_KIND_TIMESTAMP, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 0 }
#define RDS_FIELD_OBJECT(T, m, name, wire, blurb, type_func) \
  { name, wire, blurb, RDS_FIELD_KIND_OBJECT, G_STRUCT_OFFSET (T, m), type_func, NULL, 0, 0 }
#define RDS_FIELD_LIST(T, m, name, wire, blurb, type_func, member) \
  { name, wire, blurb, RDS_FIELD_KIND_LIST, G_STRUCT_OFFSET (T, m), type_func, member, 0, 0 }
#define RDS_FIELD_STRV(T, m, name, wire, blurb, member) \
  { name, wire, blurb, RDS_FIELD_KIND_STRV, G_STRUCT_OFFSET (T, m), NULL, member, 0, 0 }
#define RDS_FIELD_DOUBLES(T, m, name, wire, blurb, member) \
  { name, wire, blurb, RDS_FIELD_KIND_DOUBLES, G_STRUCT_OFFSET (T, m), NULL, member, 0, 0 }
#define RDS_FIELD_TIMESTAMPS(T, m, name, wire, blurb, member) \
  { name, wire, blurb, RDS_FIELD_KIND_TIMESTAMPS, G_STRUCT_OFFSET (T, m), NULL, member, 0, 0 }

#define RDS_TYPE_SHAPE (rds_shape_get_type ())
G_DECLARE_DERIVABLE_TYPE (RdsShape, rds_shape, RDS, SHAPE, GObject)

struct _RdsShapeClass
{
  GObjectClass parent_class;

  /*< private >*/
  const RdsField *fields;
  guint           n_fields;
  GParamSpec    **pspecs;
  GHashTable     *by_wire_name;
  GHashTable     *by_name;       /* property name → field index + 1 */
};

void            rds_shape_class_install_fields (RdsShapeClass   *klass,
                                                const RdsField  *fields,
                                                guint            n_fields);
const RdsField *rds_shape_class_get_fields     (RdsShapeClass   *klass,
                                                guint           *n_fields);
const RdsField *rds_shape_class_find_wire_name (RdsShapeClass   *klass,
                                                const char      *wire_name);
const RdsField *rds_shape_class_find_field     (RdsShapeClass   *klass,
                                                const char      *name);
GParamSpec     *rds_shape_class_get_pspec      (RdsShapeClass   *klass,
                                                const RdsField  *field);

/* Typed access by property name, without GValues. Setters notify once, and
 * only when the value changes. */
const char     *rds_shape_get_string           (RdsShape        *self,
                                                const char      *name);
void            rds_shape_set_string           (RdsShape        *self,
                                                const char      *name,
                                                const char      *value);
int             rds_shape_get_int              (RdsShape        *self,
                                                const char      *name);
void            rds_shape_set_int              (RdsShape        *self,
                                                const char      *name,
                                                int              value);
gboolean        rds_shape_get_boolean          (RdsShape        *self,
                                                const char      *name);
void            rds_shape_set_boolean          (RdsShape        *self,
                                                const char      *name,
                                                gboolean         value);
RdsTristate     rds_shape_get_tristate         (RdsShape        *self,
                                                const char      *name);
void            rds_shape_set_tristate         (RdsShape        *self,
                                                const char      *name,
                                                RdsTristate      value);
double          rds_shape_get_double           (RdsShape        *self,
                                                const char      *name);
void            rds_shape_set_double           (RdsShape        *self,
                                                const char      *name,
                                                double           value);
gint64          rds_shape_get_timestamp        (RdsShape        *self,
                                                const char      *name);
void            rds_shape_set_timestamp        (RdsShape        *self,
                                                const char      *name,
                                                gint64           usec);
gpointer        rds_shape_get_object           (RdsShape        *self,
                                                const char      *name);
void            rds_shape_set_object           (RdsShape        *self,
                                                const char      *name,
                                                gpointer         object);
GListModel     *rds_shape_get_list             (RdsShape        *self,
                                                const char      *name);
GListStore     *rds_shape_ensure_list          (RdsShape        *self,
                                                const char      *name);
const char * const *rds_shape_get_strv         (RdsShape        *self,
                                                const char      *name);
void            rds_shape_set_strv             (RdsShape        *self,
                                                const char      *name,
                                                const char * const *value);
GArray         *rds_shape_get_array            (RdsShape        *self,
                                                const char      *name);
void            rds_shape_take_array           (RdsShape        *self,
                                                const char      *name,
                                                GArray          *value);

/* Field-level access for generic code (codecs, copies). */
gboolean        rds_shape_field_is_present     (RdsShape        *self,
                                                const RdsField  *field);
gboolean        rds_shape_field_set_from_text  (RdsShape        *self,
                                                const RdsField  *field,
                                                const char      *text,
                                                GError         **error);

/* Where @field's value lives in @self; its C type follows @field->kind. */
static inline gpointer
rds_shape_field_ptr (RdsShape       *self,
                     const RdsField *field)
{
  return (guint8 *) self + field->offset;
}

RdsShape       *rds_shape_copy                 (RdsShape        *self);
gboolean        rds_shape_equal                (RdsShape        *a,
                                                RdsShape        *b);
guint           rds_shape_list_sync            (GListStore      *store,
                                                GListModel      *shapes);
void            rds_shape_update_from          (RdsShape        *self,
                                                RdsShape        *source);

/* JSON, keyed by wire name: the state file and the control API. */
JsonNode       *rds_shape_to_json              (RdsShape        *self);
RdsShape       *rds_shape_new_from_json        (GType            type,
                                                JsonNode        *node,
                                                GError         **error);

/* ISO 8601 as the AWS Query API writes it: 2024-01-01T00:00:00.000Z */
char           *rds_format_timestamp           (gint64           usec);
char           *rds_format_timestamp_seconds   (gint64           usec);
gsize           rds_format_timestamp_into      (gint64           usec,
                                                char            *buffer);
gsize           rds_format_number              (double           value,
                                                char            *buffer);
gboolean        rds_parse_timestamp            (const char      *text,
                                                gint64          *usec);

G_END_DECLS
