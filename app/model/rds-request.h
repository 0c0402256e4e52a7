/* rds-request.h: the parameters of one Query API call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "rds-action.h"

G_BEGIN_DECLS

/* One `Filters.Filter.N` entry. */
typedef struct
{
  char  *name;
  char **values;
} RdsFilter;

void rds_filter_free (RdsFilter *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdsFilter, rds_filter_free)

#define RDS_TYPE_REQUEST (rds_request_get_type ())
G_DECLARE_FINAL_TYPE (RdsRequest, rds_request, RDS, REQUEST, GObject)

RdsRequest  *rds_request_new             (const char          *action);
RdsRequest  *rds_request_new_for_api     (const RdsApi        *api,
                                          const char          *action);
GHashTable  *rds_request_decode_form     (const char          *body,
                                          gsize                body_length,
                                          const char          *query,
                                          GError             **error);
RdsRequest  *rds_request_new_from_form   (const RdsApi        *api,
                                          GHashTable          *form,
                                          GError             **error);
RdsRequest  *rds_request_new_from_json   (const RdsApi        *api,
                                          const char          *action,
                                          JsonNode            *body,
                                          GError             **error);
JsonNode    *rds_request_to_json         (RdsRequest          *self);
const RdsApi *rds_request_get_api        (RdsRequest          *self);
const char  *rds_request_get_action      (RdsRequest          *self);
char        *rds_request_encode          (RdsRequest          *self);
gboolean     rds_request_is_empty_of     (RdsRequest          *self,
                                          const char          *prefix);
char       **rds_request_dup_names       (RdsRequest          *self);
RdsRequest  *rds_request_copy            (RdsRequest          *self);

/* Building a request (client side, tests). */
void         rds_request_set             (RdsRequest          *self,
                                          const char          *name,
                                          const char          *value);
void         rds_request_set_int         (RdsRequest          *self,
                                          const char          *name,
                                          gint64               value);
void         rds_request_set_boolean     (RdsRequest          *self,
                                          const char          *name,
                                          gboolean             value);
void         rds_request_set_timestamp   (RdsRequest          *self,
                                          const char          *name,
                                          gint64               usec);
void         rds_request_add_list_item   (RdsRequest          *self,
                                          const char          *name,
                                          const char          *member,
                                          const char          *value);
void         rds_request_add_tag         (RdsRequest          *self,
                                          const char          *name,
                                          const char          *key,
                                          const char          *value);
void         rds_request_add_filter      (RdsRequest          *self,
                                          const char          *name,
                                          const char * const  *values);

/* Reading a request (engine side). Absent parameters leave the output alone
 * and return TRUE; malformed ones set an RDS_AWS_ERROR and return FALSE. */
gboolean     rds_request_has             (RdsRequest          *self,
                                          const char          *name);
const char  *rds_request_get_string      (RdsRequest          *self,
                                          const char          *name);
gboolean     rds_request_get_int         (RdsRequest          *self,
                                          const char          *name,
                                          int                 *value,
                                          GError             **error);
gboolean     rds_request_get_boolean     (RdsRequest          *self,
                                          const char          *name,
                                          gboolean            *value,
                                          GError             **error);
gboolean     rds_request_get_timestamp   (RdsRequest          *self,
                                          const char          *name,
                                          gint64              *usec,
                                          GError             **error);
char       **rds_request_get_list        (RdsRequest          *self,
                                          const char          *name,
                                          const char          *member);
GPtrArray   *rds_request_get_tags        (RdsRequest          *self,
                                          const char          *name,
                                          GError             **error);
GPtrArray   *rds_request_get_filters     (RdsRequest          *self,
                                          GError             **error);
const char  *rds_request_require_string  (RdsRequest          *self,
                                          const char          *name,
                                          GError             **error);

G_END_DECLS
