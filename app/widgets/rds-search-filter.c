/* rds-search-filter.c: search-as-you-type over a list of resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Matches when any of the chosen string fields of a shape, or the label
 * shown for it, contains the search, ignoring case. Fields are read in
 * place (no copy per item); labels, and for interned values the verdict,
 * are cached per distinct value, so a keystroke over 10,000 DB instances
 * costs well under a frame. Changes tell the filter model whether the new
 * search is stricter or looser, so it only looks at the items that can
 * change.
 */

#include "config.h"

#include "rds-search-filter.h"

#include <string.h>

#include "rds-shape.h"

typedef struct
{
  char               *property;
  RdsSearchLabelFunc  label_func;
  GHashTable         *labels;     /* raw value → folded label */

  /* Resolved once for the class of the items, read in place after. */
  RdsShapeClass      *klass;
  const RdsField     *field;
  /* Interned values (engines, statuses, classes, zones: a handful of
   * distinct ones over thousands of items) → VERDICT_*, for this search. */
  GHashTable         *verdicts;
} Field;

enum { VERDICT_UNKNOWN, VERDICT_NO, VERDICT_YES };

struct _RdsSearchFilter
{
  GtkFilter  parent_instance;

  GArray    *fields;
  char      *search;              /* as typed */
  char      *folded;              /* casefolded, NULL when empty */
  gboolean   ascii;               /* folded is plain ASCII */
};

G_DEFINE_FINAL_TYPE (RdsSearchFilter, rds_search_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_free (field->property);
  g_clear_pointer (&field->labels, g_hash_table_unref);
  g_clear_pointer (&field->verdicts, g_hash_table_unref);
}

static inline char
fold_ascii (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Whether @haystack contains @needle (lowercase ASCII), ignoring case. For
 * an ASCII needle it cannot match inside a UTF-8 sequence. The values are
 * short (identifiers, classes, zones): a plain scan beats strcasestr (),
 * whose setup (it measures the haystack first) costs more than the scan,
 * and g_ascii_tolower (), a call per character, is folded in line. */
static inline gboolean
contains_ascii (const char *haystack,
                const char *needle)
{
  const char first = needle[0];

  for (const char *h = haystack; *h != '\0'; h++)
    {
      gsize i;

      if (fold_ascii (*h) != first)
        continue;
      for (i = 1; needle[i] != '\0' && fold_ascii (h[i]) == needle[i]; i++)
        ;
      if (needle[i] == '\0')
        return TRUE;
    }
  return FALSE;
}

static const char *
folded_label (Field      *field,
              const char *value)
{
  char *label;

  label = g_hash_table_lookup (field->labels, value);
  if (label == NULL)
    {
      g_autofree char *shown = field->label_func (NULL, value);

      label = g_utf8_casefold (shown, -1);
      g_hash_table_insert (field->labels, g_strdup (value), label);
    }
  return label;
}

static gboolean
value_matches (RdsSearchFilter *self,
               Field           *field,
               const char      *value)
{
  if (self->ascii && contains_ascii (value, self->folded))
    return TRUE;
  return field->label_func != NULL && strstr (folded_label (field, value), self->folded) != NULL;
}

static gboolean
field_matches (RdsSearchFilter *self,
               Field           *field,
               RdsShape        *item)
{
  RdsShapeClass *klass = RDS_SHAPE_GET_CLASS (item);
  const char *value;
  gpointer verdict;

  if (G_UNLIKELY (field->klass != klass))
    {
      field->klass = klass;
      field->field = rds_shape_class_find_field (klass, field->property);
      if (field->field != NULL && field->field->kind != RDS_FIELD_KIND_STRING &&
          field->field->kind != RDS_FIELD_KIND_INTERNED)
        field->field = NULL;
      if (field->field == NULL)
        g_critical ("%s has no string field named “%s”", G_OBJECT_CLASS_NAME (klass), field->property);
      g_hash_table_remove_all (field->verdicts);
    }
  if (field->field == NULL)
    return FALSE;

  value = *(const char **) rds_shape_field_ptr (item, field->field);
  if (value == NULL)
    return FALSE;
  if (field->field->kind != RDS_FIELD_KIND_INTERNED)
    return value_matches (self, field, value);

  verdict = g_hash_table_lookup (field->verdicts, value);
  if (GPOINTER_TO_INT (verdict) == VERDICT_UNKNOWN)
    {
      verdict = GINT_TO_POINTER (value_matches (self, field, value) ? VERDICT_YES : VERDICT_NO);
      g_hash_table_insert (field->verdicts, (gpointer) value, verdict);
    }
  return GPOINTER_TO_INT (verdict) == VERDICT_YES;
}

static gboolean
rds_search_filter_match (GtkFilter *filter,
                         gpointer   item)
{
  RdsSearchFilter *self = RDS_SEARCH_FILTER (filter);

  if (self->folded == NULL)
    return TRUE;

  for (guint i = 0; i < self->fields->len; i++)
    if (field_matches (self, &g_array_index (self->fields, Field, i), item))
      return TRUE;

  return FALSE;
}

static GtkFilterMatch
rds_search_filter_get_strictness (GtkFilter *filter)
{
  RdsSearchFilter *self = RDS_SEARCH_FILTER (filter);

  return self->folded == NULL ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
rds_search_filter_finalize (GObject *object)
{
  RdsSearchFilter *self = RDS_SEARCH_FILTER (object);

  g_clear_pointer (&self->fields, g_array_unref);
  g_free (self->search);
  g_free (self->folded);

  G_OBJECT_CLASS (rds_search_filter_parent_class)->finalize (object);
}

static void
rds_search_filter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdsSearchFilter *self = RDS_SEARCH_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_search_filter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdsSearchFilter *self = RDS_SEARCH_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      rds_search_filter_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_search_filter_class_init (RdsSearchFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = rds_search_filter_finalize;
  object_class->get_property = rds_search_filter_get_property;
  object_class->set_property = rds_search_filter_set_property;

  filter_class->match = rds_search_filter_match;
  filter_class->get_strictness = rds_search_filter_get_strictness;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rds_search_filter_init (RdsSearchFilter *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (self->fields, field_clear);
}

RdsSearchFilter *
rds_search_filter_new (void)
{
  return g_object_new (RDS_TYPE_SEARCH_FILTER, NULL);
}

/**
 * rds_search_filter_add_field:
 * @property: a string property of the items
 * @label_func: (nullable): what the console shows for a value
 */
void
rds_search_filter_add_field (RdsSearchFilter    *self,
                             const char         *property,
                             RdsSearchLabelFunc  label_func)
{
  Field field = { 0 };

  g_return_if_fail (RDS_IS_SEARCH_FILTER (self));
  g_return_if_fail (property != NULL);

  field.property = g_strdup (property);
  field.label_func = label_func;
  if (label_func != NULL)
    field.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  field.verdicts = g_hash_table_new (NULL, NULL);
  g_array_append_val (self->fields, field);

  if (self->folded != NULL)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
}

const char *
rds_search_filter_get_search (RdsSearchFilter *self)
{
  g_return_val_if_fail (RDS_IS_SEARCH_FILTER (self), NULL);

  return self->search;
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) *text >= 0x80)
      return FALSE;
  return TRUE;
}

void
rds_search_filter_set_search (RdsSearchFilter *self,
                              const char      *search)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  GtkFilterChange change;

  g_return_if_fail (RDS_IS_SEARCH_FILTER (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (*stripped != '\0')
    folded = g_utf8_casefold (stripped, -1);

  if (g_strcmp0 (folded, self->folded) == 0)
    change = -1;
  else if (self->folded == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (folded, self->folded) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->folded, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search);
  self->search = g_strdup (search);
  g_free (self->folded);
  self->folded = g_steal_pointer (&folded);
  self->ascii = self->folded != NULL && is_ascii (self->folded);
  for (guint i = 0; i < self->fields->len; i++)
    g_hash_table_remove_all (g_array_index (self->fields, Field, i).verdicts);

  if ((int) change != -1)
    gtk_filter_changed (GTK_FILTER (self), change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}
