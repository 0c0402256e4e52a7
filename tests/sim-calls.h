/* sim-calls.h: calling a simulator engine from a test, on its paused clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdarg.h>
#include <string.h>

#include "rds-action.h"
#include "rds-aws-error.h"
#include "rds-db-instance.h"
#include "rds-event.h"
#include "rds-sim-engine.h"

#define SIM_MINUTE 60

/* Runs an action in @region with name/value pairs ending in NULL: RDS's,
 * or else CloudWatch's. */
static inline RdsQueryResult *
sim_call_valist (RdsSimEngine  *engine,
                 const char    *region,
                 const char    *action,
                 GError       **error,
                 va_list        args)
{
  const RdsApi *api = rds_api_lookup_action (&rds_api_rds, action) != NULL ? &rds_api_rds : &rds_api_monitoring;
  g_autoptr(RdsRequest) request = rds_request_new_for_api (api, action);
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    rds_request_set (request, name, va_arg (args, const char *));

  return rds_sim_engine_call (engine, region, request, error);
}

static inline RdsQueryResult *
sim_call (RdsSimEngine *engine,
          const char   *region,
          const char   *action,
          ...)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  va_list args;

  va_start (args, action);
  result = sim_call_valist (engine, region, action, &error, args);
  va_end (args);

  if (result == NULL)
    g_error ("%s failed: %s", action, error->message);
  return result;
}

/* Expects @action to fail with @code, saying @fragment. */
static inline void
sim_assert_error (RdsSimEngine *engine,
                  const char   *region,
                  RdsAwsError   code,
                  const char   *fragment,
                  const char   *action,
                  ...)
{
  g_autoptr(GError) error = NULL;
  RdsQueryResult *result;
  va_list args;

  va_start (args, action);
  result = sim_call_valist (engine, region, action, &error, args);
  va_end (args);

  if (result != NULL)
    g_error ("%s succeeded, but %s was expected", action, rds_aws_error_get_code (code));
  if (error->code != (int) code)
    g_error ("%s failed with %s (%s), but %s was expected", action,
             rds_aws_error_get_code (error->code), error->message, rds_aws_error_get_code (code));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static inline RdsDbInstance *
sim_describe (RdsSimEngine *engine,
              const char   *region,
              const char   *id)
{
  RdsQueryResult *result = sim_call (engine, region, "DescribeDBInstances", "DBInstanceIdentifier", id, NULL);
  RdsDbInstance *instance;

  g_assert_cmpuint (result->items->len, ==, 1);
  instance = g_object_ref (g_ptr_array_index (result->items, 0));
  rds_query_result_free (result);
  return instance;
}

static inline char *
sim_status (RdsSimEngine *engine,
            const char   *region,
            const char   *id)
{
  g_autoptr(RdsDbInstance) instance = sim_describe (engine, region, id);

  return g_strdup (rds_db_instance_get_status (instance));
}

/* Advances a minute at a time until the instance has @status; returns how
 * many seconds that took. */
static inline gint64
sim_advance_until (RdsSimEngine *engine,
                   const char   *region,
                   const char   *id,
                   const char   *status,
                   gint64        limit)
{
  for (gint64 waited = 0; waited <= limit; waited += SIM_MINUTE)
    {
      g_autofree char *now = sim_status (engine, region, id);

      if (g_str_equal (now, status))
        return waited;
      rds_sim_engine_advance (engine, SIM_MINUTE);
    }

  g_error ("%s did not become %s within %" G_GINT64_FORMAT " s", id, status, limit);
  return -1;
}

/* The messages of the events of a source over the last @minutes, oldest first. */
static inline GPtrArray *
sim_events (RdsSimEngine *engine,
            const char   *region,
            const char   *source_type,
            const char   *id,
            const char   *minutes)
{
  RdsQueryResult *result = sim_call (engine, region, "DescribeEvents", "SourceType", source_type,
                                     "SourceIdentifier", id, "Duration", minutes, NULL);
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < result->items->len; i++)
    g_ptr_array_add (messages, g_strdup (rds_event_get_message (g_ptr_array_index (result->items, i))));
  g_ptr_array_add (messages, NULL);
  rds_query_result_free (result);

  return messages;
}

/* Where @message is among @messages, or -1. */
static inline int
sim_event_index (GPtrArray  *messages,
                 const char *message)
{
  for (guint i = 0; i + 1 < messages->len; i++)
    if (g_str_equal (g_ptr_array_index (messages, i), message))
      return (int) i;

  return -1;
}
