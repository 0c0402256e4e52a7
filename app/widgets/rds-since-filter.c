/* rds-since-filter.c: the items of a time range, by one of their timestamps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Matches the shapes whose timestamp property is at or after :since (in
 * microseconds; 0 matches all). Events of the last hour, of the last day:
 * one list of events read from the endpoint serves every range, and a
 * later :since only looks again at the items shown.
 */

#include "config.h"

#include "rds-since-filter.h"

#include "rds-shape.h"

struct _RdsSinceFilter
{
  GtkFilter  parent_instance;

  char      *property;
  gint64     since;
};

G_DEFINE_FINAL_TYPE (RdsSinceFilter, rds_since_filter, GTK_TYPE_FILTER)

static gboolean
rds_since_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  RdsSinceFilter *self = RDS_SINCE_FILTER (filter);

  return self->since == 0 || rds_shape_get_timestamp (item, self->property) >= self->since;
}

static GtkFilterMatch
rds_since_filter_get_strictness (GtkFilter *filter)
{
  return RDS_SINCE_FILTER (filter)->since == 0 ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
rds_since_filter_finalize (GObject *object)
{
  RdsSinceFilter *self = RDS_SINCE_FILTER (object);

  g_free (self->property);

  G_OBJECT_CLASS (rds_since_filter_parent_class)->finalize (object);
}

static void
rds_since_filter_class_init (RdsSinceFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = rds_since_filter_finalize;
  filter_class->match = rds_since_filter_match;
  filter_class->get_strictness = rds_since_filter_get_strictness;
}

static void
rds_since_filter_init (RdsSinceFilter *self)
{
}

/**
 * rds_since_filter_new:
 * @property: a timestamp property of the items, such as "date"
 */
RdsSinceFilter *
rds_since_filter_new (const char *property)
{
  RdsSinceFilter *self;

  g_return_val_if_fail (property != NULL, NULL);

  self = g_object_new (RDS_TYPE_SINCE_FILTER, NULL);
  self->property = g_strdup (property);
  return self;
}

gint64
rds_since_filter_get_since (RdsSinceFilter *self)
{
  g_return_val_if_fail (RDS_IS_SINCE_FILTER (self), 0);

  return self->since;
}

void
rds_since_filter_set_since (RdsSinceFilter *self,
                            gint64          since)
{
  GtkFilterChange change;

  g_return_if_fail (RDS_IS_SINCE_FILTER (self));

  if (self->since == since)
    return;

  if (self->since == 0)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (since == 0 || since < self->since)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_MORE_STRICT;

  self->since = since;
  gtk_filter_changed (GTK_FILTER (self), change);
}
