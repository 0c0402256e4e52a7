/* rds-json-protocol.h: AWS JSON 1.1 answers and errors, written and read from the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action.h"

G_BEGIN_DECLS

#define RDS_JSON_CONTENT_TYPE "application/x-amz-json-1.1"

GBytes         *rds_json_write_response (const RdsQueryResult *result);
GBytes         *rds_json_write_error    (const char           *code,
                                         const char           *message);
RdsQueryResult *rds_json_read_response  (const RdsAction      *action,
                                         const char           *text,
                                         gssize                length,
                                         GError              **error);
gboolean        rds_json_read_error     (const char           *text,
                                         gssize                length,
                                         char                **code,
                                         char                **message);

G_END_DECLS
