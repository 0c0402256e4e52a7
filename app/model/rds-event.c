/* rds-event.c: an RDS event, as DescribeEvents returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rds-event.h"

struct _RdsEvent
{
  RdsShape parent_instance;

  char        *source_identifier;
  const char  *source_type;
  char        *message;
  char       **event_categories;
  gint64       date;
  char        *source_arn;
};

G_DEFINE_FINAL_TYPE (RdsEvent, rds_event, RDS_TYPE_SHAPE)

#define T RdsEvent
static const RdsField fields[] = {
  RDS_FIELD_STRING (T, source_identifier, "source-identifier", "SourceIdentifier",
                    N_("The resource the event is about")),
  RDS_FIELD_INTERNED (T, source_type, "source-type", "SourceType",
                      N_("The kind of resource: db-instance, db-snapshot, ...")),
  RDS_FIELD_STRING (T, message, "message", "Message",
                    N_("What happened")),
  RDS_FIELD_STRV (T, event_categories, "event-categories", "EventCategories",
                  N_("The categories of the event"), "EventCategory"),
  RDS_FIELD_TIMESTAMP (T, date, "date", "Date",
                       N_("When it happened")),
  RDS_FIELD_STRING (T, source_arn, "source-arn", "SourceArn",
                    N_("The Amazon Resource Name of the resource")),
};
#undef T

static void
rds_event_class_init (RdsEventClass *klass)
{
  rds_shape_class_install_fields (RDS_SHAPE_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
rds_event_init (RdsEvent *self)
{
}

RdsEvent *
rds_event_new (const char         *source_identifier,
               const char         *source_type,
               const char         *source_arn,
               const char         *message,
               const char * const *categories,
               gint64              date)
{
  RdsEvent *self = g_object_new (RDS_TYPE_EVENT, NULL);

  self->source_identifier = g_strdup (source_identifier);
  self->source_type = g_intern_string (source_type);
  self->source_arn = g_strdup (source_arn);
  self->message = g_strdup (message);
  self->event_categories = categories != NULL && categories[0] != NULL
    ? g_strdupv ((char **) categories) : NULL;
  self->date = date;

  return self;
}

const char *
rds_event_get_source_identifier (RdsEvent *self)
{
  g_return_val_if_fail (RDS_IS_EVENT (self), NULL);

  return self->source_identifier;
}

const char *
rds_event_get_source_type (RdsEvent *self)
{
  g_return_val_if_fail (RDS_IS_EVENT (self), NULL);

  return self->source_type;
}

const char *
rds_event_get_message (RdsEvent *self)
{
  g_return_val_if_fail (RDS_IS_EVENT (self), NULL);

  return self->message;
}

const char * const *
rds_event_get_categories (RdsEvent *self)
{
  g_return_val_if_fail (RDS_IS_EVENT (self), NULL);

  return (const char * const *) self->event_categories;
}

gint64
rds_event_get_date (RdsEvent *self)
{
  g_return_val_if_fail (RDS_IS_EVENT (self), 0);

  return self->date;
}
