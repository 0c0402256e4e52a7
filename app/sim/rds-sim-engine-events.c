/* rds-sim-engine-events.c: DescribeEvents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-sim-engine-private.h"

#include <string.h>

static const char * const source_types[] = {
  "db-instance", "db-parameter-group", "db-security-group", "db-snapshot", "db-cluster",
  "db-cluster-snapshot", "custom-engine-version", "db-proxy", "blue-green-deployment", NULL
};

static gboolean
event_matches (RdsEvent           *event,
               const char         *source_id,
               const char         *source_type,
               const char * const *categories,
               gint64              start,
               gint64              end)
{
  gint64 date = rds_event_get_date (event);
  const char * const *event_categories;
  gboolean any;

  if (date < start || date > end)
    return FALSE;
  if (source_type != NULL && g_strcmp0 (source_type, rds_event_get_source_type (event)) != 0)
    return FALSE;
  if (source_id != NULL && g_ascii_strcasecmp (source_id, rds_event_get_source_identifier (event)) != 0)
    return FALSE;
  if (categories == NULL || categories[0] == NULL)
    return TRUE;

  event_categories = rds_event_get_categories (event);
  any = FALSE;
  for (guint i = 0; event_categories != NULL && event_categories[i] != NULL && !any; i++)
    any = g_strv_contains (categories, event_categories[i]);

  return any;
}

/* The first event at or after @date, by bisection: events are in date order. */
static guint
first_at_or_after (GPtrArray *events,
                   gint64     date)
{
  guint low = 0, high = events->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (rds_event_get_date (g_ptr_array_index (events, middle)) < date)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

RdsQueryResult *
_rds_sim_action_describe_events (RdsSimEngine  *self,
                                 RdsSimRegion  *region,
                                 RdsRequest    *request,
                                 GError       **error)
{
  g_autoptr(RdsQueryResult) result = rds_query_result_new (rds_action_lookup ("DescribeEvents"));
  g_auto(GStrv) categories = NULL;
  const char *source_id = rds_request_get_string (request, "SourceIdentifier");
  const char *source_type = rds_request_get_string (request, "SourceType");
  const char *marker;
  gint64 now = rds_sim_engine_get_now (self);
  gint64 start = 0, end = 0;
  guint64 next_seq = 0;
  int duration = 60;
  int max_records;
  guint first;

  if (!_rds_sim_engine_page_args (request, 100, &max_records, &marker, error) ||
      !rds_request_get_timestamp (request, "StartTime", &start, error) ||
      !rds_request_get_timestamp (request, "EndTime", &end, error) ||
      !rds_request_get_int (request, "Duration", &duration, error))
    return NULL;

  if (source_type != NULL && !g_strv_contains (source_types, source_type))
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid SourceType %s: it must be one of db-instance, db-parameter-group, "
                   "db-security-group, db-snapshot, db-cluster, db-cluster-snapshot, "
                   "custom-engine-version, db-proxy or blue-green-deployment.", source_type);
      return NULL;
    }
  if (source_id != NULL && source_type == NULL)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "SourceType must be specified when SourceIdentifier is specified.");
      return NULL;
    }
  if (duration < 0)
    {
      g_set_error (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_VALUE,
                   "Invalid Duration %d: it must be a positive number of minutes.", duration);
      return NULL;
    }

  /* The window: StartTime..EndTime, or the last Duration minutes (60 by
   * default) up to EndTime or now. */
  if (end == 0)
    end = now;
  if (start == 0)
    start = end - USEC ((gint64) duration * 60);
  if (start > end)
    {
      g_set_error_literal (error, RDS_AWS_ERROR, RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION,
                           "StartTime must be before EndTime.");
      return NULL;
    }

  /* Nothing older than 14 days is kept, even before it is pruned. */
  start = MAX (start, now - USEC ((gint64) RDS_SIM_EVENT_RETENTION_DAYS * 86400));
  categories = rds_request_get_list (request, "EventCategories", "EventCategory");

  if (!_rds_sim_decode_index_marker (marker, &next_seq, error))
    return NULL;

  first = first_at_or_after (region->events, start);
  if (next_seq > region->events_base + first)
    first = (guint) MIN (next_seq - region->events_base, region->events->len);

  for (guint i = first; i < region->events->len; i++)
    {
      RdsEvent *event = g_ptr_array_index (region->events, i);

      if (rds_event_get_date (event) > end)
        break;
      if (!event_matches (event, source_id, source_type, (const char * const *) categories, start, end))
        continue;
      if (result->items->len == (guint) max_records)
        {
          result->marker = _rds_sim_encode_index_marker (region->events_base + i);
          break;
        }
      g_ptr_array_add (result->items, g_object_ref (event));
    }

  return g_steal_pointer (&result);
}
