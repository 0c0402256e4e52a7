/* rds-concepts.h: what the Info panels teach, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RDS_CONCEPT_MAX_RELATED 3

/* One concept a learner meets in the console. Strings are untranslated
 * (marked with N_()); show them through _(). */
typedef struct
{
  const char *id;
  const char *title;
  const char *what;        /* what it is */
  const char *when;        /* when to choose it */
  const char *cost;        /* what it costs */
  const char *behind;      /* what the real service does behind it */
  const char *page;        /* the window's page where it can be seen */
  const char *page_link;   /* the link's label */
  const char *related[RDS_CONCEPT_MAX_RELATED];
} RdsConcept;

/* A well-known port, for the Ports reference. */
typedef struct
{
  const char *name;
  guint       port;
  guint       other_port;  /* 0, or a second port by variant */
  const char *use;
  gboolean    database;
} RdsWellKnownPort;

const RdsConcept       *rds_concept_lookup     (const char *id);
const RdsConcept       *rds_concepts_get_all   (guint      *n_concepts);
const RdsWellKnownPort *rds_well_known_ports   (guint      *n_ports);

G_END_DECLS
