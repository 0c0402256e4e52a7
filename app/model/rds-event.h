/* rds-event.h: an RDS event, as DescribeEvents returns it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_TYPE_EVENT (rds_event_get_type ())
G_DECLARE_FINAL_TYPE (RdsEvent, rds_event, RDS, EVENT, RdsShape)

RdsEvent   *rds_event_new                   (const char          *source_identifier,
                                             const char          *source_type,
                                             const char          *source_arn,
                                             const char          *message,
                                             const char * const  *categories,
                                             gint64               date);
const char *rds_event_get_source_identifier (RdsEvent            *self);
const char *rds_event_get_source_type       (RdsEvent            *self);
const char *rds_event_get_message           (RdsEvent            *self);
const char * const *rds_event_get_categories (RdsEvent           *self);
gint64      rds_event_get_date              (RdsEvent            *self);

G_END_DECLS
