/* rds-sigv4.h: AWS Signature Version 4, signing and verification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RDS_SIGV4_ALGORITHM "AWS4-HMAC-SHA256"

/* Requests older or newer than this (wall clock) are refused, as AWS does. */
#define RDS_SIGV4_MAX_SKEW_SECONDS (15 * 60)

#define RDS_SIGV4_ERROR (rds_sigv4_error_quark ())

/* Each code maps to the AWS error code the service answers with. */
typedef enum
{
  RDS_SIGV4_ERROR_MISSING_AUTHENTICATION_TOKEN, /* MissingAuthenticationToken, 403 */
  RDS_SIGV4_ERROR_INCOMPLETE_SIGNATURE,         /* IncompleteSignature, 400 */
  RDS_SIGV4_ERROR_INVALID_CLIENT_TOKEN_ID,      /* InvalidClientTokenId, 403 */
  RDS_SIGV4_ERROR_SIGNATURE_DOES_NOT_MATCH,     /* SignatureDoesNotMatch, 403 */
  RDS_SIGV4_ERROR_REQUEST_EXPIRED,              /* SignatureDoesNotMatch (expired), 403 */
  RDS_SIGV4_ERROR_INVALID_SCOPE,                /* SignatureDoesNotMatch (scope), 403 */
} RdsSigv4Error;

/* What a request looks like to SigV4: the method, the path and query as they
 * appear on the request line (percent-encoded or not), the headers in the
 * order received (names in any case, repeated names allowed) and the body. */
typedef struct _RdsSigv4Request RdsSigv4Request;

RdsSigv4Request *rds_sigv4_request_new          (const char            *method,
                                                 const char            *path,
                                                 const char            *query);
void             rds_sigv4_request_free         (RdsSigv4Request       *request);
void             rds_sigv4_request_add_header   (RdsSigv4Request       *request,
                                                 const char            *name,
                                                 const char            *value);
void             rds_sigv4_request_set_body     (RdsSigv4Request       *request,
                                                 const guint8          *body,
                                                 gsize                  length);
const char      *rds_sigv4_request_get_header   (const RdsSigv4Request *request,
                                                 const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdsSigv4Request, rds_sigv4_request_free)

char            *rds_sigv4_canonical_request    (const RdsSigv4Request *request,
                                                 const char            *signed_headers);
char            *rds_sigv4_string_to_sign       (const char            *amz_date,
                                                 const char            *scope,
                                                 const char            *canonical_request);
char            *rds_sigv4_signature            (const char            *secret_access_key,
                                                 const char            *date,
                                                 const char            *region,
                                                 const char            *service,
                                                 const char            *string_to_sign);
char            *rds_sigv4_authorization        (const RdsSigv4Request *request,
                                                 const char            *signed_headers,
                                                 const char            *access_key_id,
                                                 const char            *secret_access_key,
                                                 const char            *region,
                                                 const char            *service);
char            *rds_sigv4_format_amz_date      (gint64                 unix_seconds);

/* Returns the secret key for an access key id, or NULL when unknown. */
typedef const char *(*RdsSigv4LookupFunc) (const char *access_key_id,
                                           gpointer    user_data);

/* What a verified request was signed for. */
typedef struct
{
  char *access_key_id;
  char *region;
  char *service;
} RdsSigv4Identity;

void             rds_sigv4_identity_clear       (RdsSigv4Identity      *identity);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RdsSigv4Identity, rds_sigv4_identity_clear)

gboolean         rds_sigv4_verify               (const RdsSigv4Request *request,
                                                 const char            *service,
                                                 RdsSigv4LookupFunc     lookup,
                                                 gpointer               lookup_data,
                                                 gint64                 now_unix_seconds,
                                                 RdsSigv4Identity      *identity,
                                                 GError               **error);

GQuark           rds_sigv4_error_quark          (void);

G_END_DECLS
