/* rds-sim-kind.h: a kind of simulated resource, described as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine knows its resources only through their kinds: a Region keeps
 * the resources of each kind in a tree of its own, and timers, change
 * tracking, state files, journal replay, ARNs and tags go through the
 * kind's description. A new kind is a description and a file of actions;
 * the engine itself does not change.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rds-action.h"
#include "rds-aws-error.h"
#include "rds-request.h"
#include "rds-shape.h"

G_BEGIN_DECLS

typedef struct _RdsSimEngine   RdsSimEngine;
typedef struct _RdsSimRegion   RdsSimRegion;
typedef struct _RdsSimKind     RdsSimKind;
typedef struct _RdsSimResource RdsSimResource;

#define RDS_SIM_MAX_TIMERS 6

/* What every resource starts with, so that one of any kind can be handled
 * as an RdsSimResource. A kind's own struct opens with
 *
 *   union { RdsSimResource resource; struct { RDS_SIM_RESOURCE_FIELDS (RdsDbInstance) }; };
 *
 * which names the same memory "resource" as a whole and each field on its
 * own, the model with its own type. */
#define RDS_SIM_RESOURCE_FIELDS(Model)                                       \
  const RdsSimKind *kind;                                                    \
  RdsSimRegion     *region;                                                  \
  const char       *id;         /* its key in its Region, once added */     \
  union { RdsShape *shape; Model *model; };                                  \
  gint64            due[RDS_SIM_MAX_TIMERS];    /* 0 when not scheduled */   \
  gpointer          timers[RDS_SIM_MAX_TIMERS]; /* the engine's entries */

struct _RdsSimResource
{
  RDS_SIM_RESOURCE_FIELDS (RdsShape)
};

typedef RdsQueryResult *(*RdsSimActionFunc) (RdsSimEngine  *self,
                                             RdsSimRegion  *region,
                                             RdsRequest    *request,
                                             GError       **error);

/* An action of a service: RDS's when @service is NULL. The same name may
 * be another service's action too (ListTagsForResource is RDS's and
 * CloudWatch's). */
typedef struct
{
  const char       *name;
  RdsSimActionFunc  func;
  const char       *service;
} RdsSimAction;

/* Actions of no kind (see rds-sim-engine.c), before any engine. */
void rds_sim_engine_register_actions (const RdsSimAction *table);

struct _RdsSimKind
{
  const char   *name;             /* in files and journals: "db-instance" */
  const char   *arn_type;         /* arn:aws:rds:REGION:ACCOUNT:<arn_type>:ID */
  GType       (*model_type) (void);
  const char   *id_property;      /* the model's identifier */
  RdsAwsError   not_found;        /* and its message, with %s for the identifier */
  const char   *not_found_message;
  int           timer_order;      /* timers due at the same time: lower kinds first */
  const RdsSimAction *actions;    /* ends with { NULL } */

  /* Its own part of a saved record ("sim"), timers included. */
  void            (*save)  (RdsSimResource  *resource,
                            JsonObject      *sim);
  /* A new resource from a saved record, its timers set in due[] but not
   * scheduled; NULL with an error if the record is malformed. */
  RdsSimResource *(*load)  (RdsSimRegion    *region,
                            RdsShape        *model,
                            JsonObject      *sim,
                            GError         **error);
  /* Optional: it joined its Region, or left it (counts, quotas). */
  void            (*added)   (RdsSimResource  *resource);
  void            (*removed) (RdsSimResource  *resource);
  void            (*fire)  (RdsSimEngine    *self,
                            RdsSimResource  *resource,
                            guint            timer,
                            gint64           now);
  /* Frees what is its own (the model included); its timers are gone. */
  void            (*free)  (RdsSimResource  *resource);

  guint         index;            /* set when registered */
};

void              rds_sim_kind_register      (RdsSimKind       *kind);
const RdsSimKind *rds_sim_kind_lookup        (const char       *name);
const RdsSimKind *rds_sim_kind_get           (guint             index);
guint             rds_sim_kind_get_n_kinds   (void);

G_END_DECLS
