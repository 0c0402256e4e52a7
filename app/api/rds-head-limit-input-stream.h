/* rds-head-limit-input-stream.h: a connection's input that bounds each request head
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RDS_TYPE_HEAD_LIMIT_INPUT_STREAM (rds_head_limit_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (RdsHeadLimitInputStream, rds_head_limit_input_stream,
                      RDS, HEAD_LIMIT_INPUT_STREAM, GFilterInputStream)

GInputStream *rds_head_limit_input_stream_new        (GInputStream            *base_stream,
                                                      gsize                    limit);
void          rds_head_limit_input_stream_start_head (RdsHeadLimitInputStream *self);
guint         rds_head_limit_input_stream_get_refusal (RdsHeadLimitInputStream *self);

G_END_DECLS
