/* rds-action.h: the APIs the endpoint serves, their actions and the shape of their answers
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
  RDS_RESULT_SHAPE, /* <XResult>…the members of one shape…</XResult>, or that shape as
                     * the JSON object of a JSON service: GetMetricData's
                     * MetricDataResults, NextToken and Messages; KMS's answers */
} RdsResultKind;

/* How a service's requests and answers are written. */
typedef enum
{
  RDS_PROTOCOL_QUERY,   /* form-encoded Action and Version, XML answers: RDS, CloudWatch */
  RDS_PROTOCOL_JSON,    /* AWS JSON 1.1, X-Amz-Target: KMS */
} RdsProtocol;

typedef struct _RdsAction RdsAction;

/* One AWS API on the endpoint, chosen by the service its requests are
 * signed for. */
typedef struct
{
  const char      *service;        /* SigV4 and endpoint name: "rds", "monitoring" */
  RdsProtocol      protocol;
  const char      *version;        /* "2014-10-31" */
  const char      *xml_namespace;  /* Query: of its answers and errors */
  const char      *target_prefix;  /* JSON: "TrentService" of "TrentService.Encrypt" */
  const RdsAction *actions;
  guint            n_actions;
} RdsApi;

/* The APIs the model describes: RDS, CloudWatch and KMS. */
extern const RdsApi rds_api_rds;
extern const RdsApi rds_api_monitoring;
extern const RdsApi rds_api_kms;

const RdsApi    *rds_api_lookup        (const char   *service);
GPtrArray       *rds_api_get_all       (void);
void             rds_api_register      (const RdsApi *api);
const RdsAction *rds_api_lookup_action (const RdsApi *api,
                                        const char   *name);

/* What the server writes for an action and the client reads back: described
 * once, from the botocore model. */
struct _RdsAction
{
  const char    *name;
  RdsResultKind  kind;
  const char    *element;
  const char    *member;
  GType        (*item_type) (void);   /* ITEM, LIST: of the items; SHAPE: of the result */
  gboolean       paginated;
  gboolean       mutating;
  const RdsApi  *api;
};

/* RDS's actions. */
const RdsAction *rds_action_lookup  (const char *name);
const RdsAction *rds_action_get_all (guint      *n_actions);

/* An answer: one item (ITEM, SHAPE), or a page of items and the marker of
 * the next page (LIST). */
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
