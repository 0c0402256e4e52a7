/* rds-sim-kind.c: the kinds of simulated resources the engine knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-sim-engine-private.h"

/* In the order their records are saved. */
static GPtrArray *kinds;
/* Set by the first engine: Regions size their trees by the kinds then. */
static gboolean frozen;

static void
ensure_kinds (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      RdsSimKind *builtin[] = { &_rds_sim_kind_db_instance, &_rds_sim_kind_db_snapshot,
                                &_rds_sim_kind_metric_alarm, &_rds_sim_kind_retained_backup,
                                &_rds_sim_kind_kms_key, &_rds_sim_kind_kms_alias,
                                &_rds_sim_kind_db_cluster, &_rds_sim_kind_db_cluster_endpoint,
                                &_rds_sim_kind_db_cluster_snapshot };

      kinds = g_ptr_array_new ();
      for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
        {
          builtin[i]->index = kinds->len;
          g_ptr_array_add (kinds, builtin[i]);
        }
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * rds_sim_kind_register:
 * @kind: (transfer none): a description that lives as long as the program
 *
 * Adds a kind of resource beside the built-in ones. Only before the first
 * engine is made: each Region keeps a tree per kind from its start.
 */
void
rds_sim_kind_register (RdsSimKind *kind)
{
  g_return_if_fail (kind != NULL && kind->name != NULL && kind->arn_type != NULL);
  g_return_if_fail (kind->model_type != NULL && kind->id_property != NULL && kind->not_found_message != NULL);
  g_return_if_fail (kind->save != NULL && kind->load != NULL && kind->fire != NULL && kind->free != NULL);

  ensure_kinds ();
  g_return_if_fail (!frozen);
  g_return_if_fail (rds_sim_kind_lookup (kind->name) == NULL);

  kind->index = kinds->len;
  g_ptr_array_add (kinds, kind);
}

/**
 * rds_sim_kind_lookup:
 * @name: as records name it: "db-instance"
 *
 * Returns: (nullable): the kind, or %NULL if the engine knows none of
 *   that name
 */
const RdsSimKind *
rds_sim_kind_lookup (const char *name)
{
  ensure_kinds ();

  for (guint i = 0; name != NULL && i < kinds->len; i++)
    {
      const RdsSimKind *kind = g_ptr_array_index (kinds, i);

      if (g_str_equal (kind->name, name))
        return kind;
    }
  return NULL;
}

const RdsSimKind *
rds_sim_kind_get (guint index)
{
  ensure_kinds ();
  g_return_val_if_fail (index < kinds->len, NULL);

  return g_ptr_array_index (kinds, index);
}

guint
rds_sim_kind_get_n_kinds (void)
{
  ensure_kinds ();

  return kinds->len;
}

/* Called by every new engine: no kind may be added after. */
void
_rds_sim_kinds_freeze (void)
{
  ensure_kinds ();
  frozen = TRUE;
}
