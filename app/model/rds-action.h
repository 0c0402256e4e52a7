/* rds-action.h: the Query API actions and the shape of their answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

typedef enum
{
  RDS_RESULT_NONE,  /* <XResponse><ResponseMetadata/></XResponse> */
  RDS_RESULT_ITEM,  /* <XResult><DBInstance>…</DBInstance></XResult> */
  RDS_RESULT_LIST,  /* <XResult><DBInstances><DBInstance>…</DBInstances><Marker/></XResult> */
} RdsResultKind;

/* What the server writes for an action and the client reads back: described
 * once, from the botocore model. */
typedef struct
{
  const char    *name;
  RdsResultKind  kind;
  const char    *element;
  const char    *member;
  GType        (*item_type) (void);
  gboolean       paginated;
  gboolean       mutating;
} RdsAction;

const RdsAction *rds_action_lookup  (const char *name);
const RdsAction *rds_action_get_all (guint      *n_actions);

/* An answer: one item, or a page of items and the marker of the next page. */
typedef struct
{
  const RdsAction *action;
  RdsShape        *item;
  GPtrArray       *items;
  char            *marker;
} RdsQueryResult;

RdsQueryResult *rds_query_result_new  (const RdsAction *action);
void            rds_query_result_free (RdsQueryResult  *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdsQueryResult, rds_query_result_free)

G_END_DECLS
