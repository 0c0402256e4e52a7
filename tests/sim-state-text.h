/* sim-state-text.h: an engine's whole state as text, for tests that
 * compare states and load them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-sim-engine.h"

static inline void
sim_state_collect_cb (JsonNode *record,
                      gpointer  user_data)
{
  g_autofree char *text = json_to_string (record, FALSE);

  g_string_append (user_data, text);
  g_string_append_c (user_data, '\n');
}

/* The header and every record, a line each, as a state file holds them
 * (which also takes the engine's changes). */
static inline char *
sim_state_dump (RdsSimEngine *engine)
{
  GString *out = g_string_new (NULL);
  g_autoptr(JsonNode) header = rds_sim_engine_save_header (engine);

  sim_state_collect_cb (header, out);
  rds_sim_engine_save_records (engine, sim_state_collect_cb, out);
  return g_string_free (out, FALSE);
}

/* Loads what sim_state_dump() wrote into @engine. */
static inline void
sim_state_load (RdsSimEngine *engine,
                const char   *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (lines[i], &error);

      g_assert_no_error (error);
      if (i == 0)
        g_assert_true (rds_sim_engine_load_header (engine, node, &error));
      else
        g_assert_true (rds_sim_engine_load_record (engine, node, &error));
      g_assert_no_error (error);
    }
}
