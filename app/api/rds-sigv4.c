/* rds-sigv4.c: AWS Signature Version 4, signing and verification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows the published algorithm: a canonical request (method, normalized
 * and encoded path, sorted query, lowercased and trimmed headers, the list of
 * signed headers, the payload hash), a string to sign over its hash and the
 * credential scope, and an HMAC chain from the secret key down to the
 * signature. The same code signs (RdsClient) and verifies (RdsServer), so a
 * request the client signs is exactly what the server checks.
 */

#include "config.h"

#include "rds-sigv4.h"

#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (rds-sigv4-error-quark, rds_sigv4_error)

typedef struct
{
  char *name;
  char *value;
} Header;

struct _RdsSigv4Request
{
  char   *method;
  char   *path;
  char   *query;
  GArray *headers;
  GBytes *body;
};

static void
header_clear (gpointer data)
{
  Header *header = data;

  g_free (header->name);
  g_free (header->value);
}

RdsSigv4Request *
rds_sigv4_request_new (const char *method,
                       const char *path,
                       const char *query)
{
  RdsSigv4Request *request;

  g_return_val_if_fail (method != NULL, NULL);

  request = g_new0 (RdsSigv4Request, 1);
  request->method = g_strdup (method);
  request->path = g_strdup (path != NULL && *path != '\0' ? path : "/");
  request->query = g_strdup (query != NULL ? query : "");
  request->headers = g_array_new (FALSE, FALSE, sizeof (Header));
  g_array_set_clear_func (request->headers, header_clear);
  request->body = g_bytes_new_static ("", 0);

  return request;
}

void
rds_sigv4_request_free (RdsSigv4Request *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_array_unref (request->headers);
  g_bytes_unref (request->body);
  g_free (request);
}

void
rds_sigv4_request_add_header (RdsSigv4Request *request,
                              const char      *name,
                              const char      *value)
{
  Header header;

  g_return_if_fail (request != NULL);
  g_return_if_fail (name != NULL);

  header.name = g_strdup (name);
  header.value = g_strdup (value != NULL ? value : "");
  g_array_append_val (request->headers, header);
}

void
rds_sigv4_request_set_body (RdsSigv4Request *request,
                            const guint8    *body,
                            gsize            length)
{
  g_return_if_fail (request != NULL);

  g_bytes_unref (request->body);
  request->body = g_bytes_new (body, length);
}

const char *
rds_sigv4_request_get_header (const RdsSigv4Request *request,
                              const char            *name)
{
  g_return_val_if_fail (request != NULL, NULL);

  for (guint i = 0; i < request->headers->len; i++)
    {
      const Header *header = &g_array_index (request->headers, Header, i);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        return header->value;
    }

  return NULL;
}

/* RFC 3986 unreserved characters stay, everything else is %XX (uppercase). */
static void
append_uri_encoded (GString    *out,
                    const char *text,
                    gssize      length,
                    gboolean    keep_slash)
{
  static const char hex[] = "0123456789ABCDEF";
  const guchar *p = (const guchar *) text;
  const guchar *end = p + (length < 0 ? (gssize) strlen (text) : length);

  for (; p < end; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == '~' ||
          (keep_slash && *p == '/'))
        {
          g_string_append_c (out, *p);
        }
      else
        {
          g_string_append_c (out, '%');
          g_string_append_c (out, hex[*p >> 4]);
          g_string_append_c (out, hex[*p & 0xf]);
        }
    }
}

/* Removes "." and ".." segments and empty segments, keeps a trailing slash. */
static char *
normalize_path (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GString *out = g_string_new ("/");
  guint n = g_strv_length (segments);
  gboolean trailing_slash;

  trailing_slash = n > 1 && (segments[n - 1][0] == '\0' ||
                             g_str_equal (segments[n - 1], ".") ||
                             g_str_equal (segments[n - 1], ".."));

  for (guint i = 0; i < n; i++)
    {
      const char *segment = segments[i];

      if (segment[0] == '\0' || g_str_equal (segment, "."))
        continue;
      if (g_str_equal (segment, ".."))
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, (gpointer) segment);
    }

  for (guint i = 0; i < kept->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, g_ptr_array_index (kept, i));
    }
  if (trailing_slash && kept->len > 0)
    g_string_append_c (out, '/');

  return g_string_free (out, FALSE);
}

typedef struct
{
  char *key;
  char *value;
} QueryPair;

static int
query_pair_compare (gconstpointer a,
                    gconstpointer b)
{
  const QueryPair *pa = a;
  const QueryPair *pb = b;
  int cmp = strcmp (pa->key, pb->key);

  return cmp != 0 ? cmp : strcmp (pa->value, pb->value);
}

static void
query_pair_clear (gpointer data)
{
  QueryPair *pair = data;

  g_free (pair->key);
  g_free (pair->value);
}

static char *
encode_component (const char *raw,
                  gsize       length)
{
  g_autofree char *escaped = g_strndup (raw, length);
  g_autofree char *decoded = NULL;
  GString *out = g_string_new (NULL);

  /* A '+' in a query string is not a space for SigV4: only %XX escapes are
   * decoded, then the result is encoded again the canonical way. */
  decoded = g_uri_unescape_string (escaped, NULL);
  if (decoded == NULL)
    decoded = g_steal_pointer (&escaped);
  append_uri_encoded (out, decoded, -1, FALSE);

  return g_string_free (out, FALSE);
}

static void
append_canonical_query (GString    *out,
                        const char *query)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (QueryPair));
  const char *p = query;

  g_array_set_clear_func (pairs, query_pair_clear);

  while (p != NULL && *p != '\0')
    {
      const char *amp = strchr (p, '&');
      const char *end = amp != NULL ? amp : p + strlen (p);
      const char *eq = memchr (p, '=', end - p);
      QueryPair pair;

      if (end > p)
        {
          if (eq != NULL)
            {
              pair.key = encode_component (p, eq - p);
              pair.value = encode_component (eq + 1, end - eq - 1);
            }
          else
            {
              pair.key = encode_component (p, end - p);
              pair.value = g_strdup ("");
            }
          g_array_append_val (pairs, pair);
        }

      p = amp != NULL ? amp + 1 : NULL;
    }

  g_array_sort (pairs, query_pair_compare);

  for (guint i = 0; i < pairs->len; i++)
    {
      const QueryPair *pair = &g_array_index (pairs, QueryPair, i);

      if (i > 0)
        g_string_append_c (out, '&');
      g_string_append (out, pair->key);
      g_string_append_c (out, '=');
      g_string_append (out, pair->value);
    }
}

/* Trims, folds continuation lines and collapses runs of spaces. */
static void
append_trimmed_value (GString    *out,
                      const char *value)
{
  gboolean in_space = FALSE;
  gboolean started = FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          in_space = started;
          continue;
        }
      if (in_space)
        g_string_append_c (out, ' ');
      in_space = FALSE;
      started = TRUE;
      g_string_append_c (out, *p);
    }
}

static char *
hex_sha256 (const guint8 *data,
            gsize         length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

static int
compare_string_pointers (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
all_header_names (const RdsSigv4Request *request)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < request->headers->len; i++)
    {
      const Header *header = &g_array_index (request->headers, Header, i);
      char *lower = g_ascii_strdown (header->name, -1);
      gboolean seen = FALSE;

      if (g_str_equal (lower, "authorization"))
        {
          g_free (lower);
          continue;
        }
      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (names, j), lower);
      if (seen)
        g_free (lower);
      else
        g_ptr_array_add (names, lower);
    }

  g_ptr_array_sort (names, compare_string_pointers);
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      g_string_append (out, g_ptr_array_index (names, i));
    }

  return g_string_free (out, FALSE);
}

/**
 * rds_sigv4_canonical_request:
 * @request: the request
 * @signed_headers: (nullable): lowercase header names joined by ';' in sorted
 *   order, or %NULL to sign every header but Authorization
 *
 * Returns: the canonical request, as in AWS's test suite's `.creq` files
 */
char *
rds_sigv4_canonical_request (const RdsSigv4Request *request,
                             const char            *signed_headers)
{
  g_autofree char *all_names = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *unescaped_path = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *payload_hash = NULL;
  GString *out;
  gsize body_length;
  const guint8 *body;

  g_return_val_if_fail (request != NULL, NULL);

  if (signed_headers == NULL)
    signed_headers = all_names = all_header_names (request);

  out = g_string_new (request->method);
  g_string_append_c (out, '\n');

  /* The path is encoded once more, whatever it was on the wire (non-S3). */
  normalized = normalize_path (request->path);
  append_uri_encoded (out, normalized, -1, TRUE);
  g_string_append_c (out, '\n');

  append_canonical_query (out, request->query);
  g_string_append_c (out, '\n');

  names = g_strsplit (signed_headers, ";", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean first = TRUE;

      g_string_append (out, names[i]);
      g_string_append_c (out, ':');
      for (guint j = 0; j < request->headers->len; j++)
        {
          const Header *header = &g_array_index (request->headers, Header, j);

          if (g_ascii_strcasecmp (header->name, names[i]) != 0)
            continue;
          if (!first)
            g_string_append_c (out, ',');
          append_trimmed_value (out, header->value);
          first = FALSE;
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  g_string_append (out, signed_headers);
  g_string_append_c (out, '\n');

  /* Always the hash of the body as it is, never what a header claims it
   * is: a header that is not signed could otherwise pair a captured
   * signature with another body. */
  body = g_bytes_get_data (request->body, &body_length);
  payload_hash = hex_sha256 (body != NULL ? body : (const guint8 *) "", body_length);
  g_string_append (out, payload_hash);

  return g_string_free (out, FALSE);
}

char *
rds_sigv4_string_to_sign (const char *amz_date,
                          const char *scope,
                          const char *canonical_request)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (amz_date != NULL, NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (canonical_request != NULL, NULL);

  hash = hex_sha256 ((const guint8 *) canonical_request, strlen (canonical_request));

  return g_strdup_printf (RDS_SIGV4_ALGORITHM "\n%s\n%s\n%s", amz_date, scope, hash);
}

static void
hmac_sha256 (const guint8 *key,
             gsize         key_length,
             const char   *data,
             guint8        out[32])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_length);
  gsize length = 32;

  g_hmac_update (hmac, (const guchar *) data, strlen (data));
  g_hmac_get_digest (hmac, out, &length);
  g_assert (length == 32);
}

char *
rds_sigv4_signature (const char *secret_access_key,
                     const char *date,
                     const char *region,
                     const char *service,
                     const char *string_to_sign)
{
  g_autofree char *first_key = NULL;
  guint8 k_date[32], k_region[32], k_service[32], k_signing[32], signature[32];
  GString *out;

  g_return_val_if_fail (secret_access_key != NULL, NULL);

  first_key = g_strconcat ("AWS4", secret_access_key, NULL);
  hmac_sha256 ((const guint8 *) first_key, strlen (first_key), date, k_date);
  hmac_sha256 (k_date, sizeof k_date, region, k_region);
  hmac_sha256 (k_region, sizeof k_region, service, k_service);
  hmac_sha256 (k_service, sizeof k_service, "aws4_request", k_signing);
  hmac_sha256 (k_signing, sizeof k_signing, string_to_sign, signature);

  /* Key material does not linger on the stack. */
  explicit_bzero (first_key, strlen (first_key));
  explicit_bzero (k_date, sizeof k_date);
  explicit_bzero (k_region, sizeof k_region);
  explicit_bzero (k_service, sizeof k_service);
  explicit_bzero (k_signing, sizeof k_signing);

  out = g_string_sized_new (64);
  for (guint i = 0; i < sizeof signature; i++)
    g_string_append_printf (out, "%02x", signature[i]);

  return g_string_free (out, FALSE);
}

char *
rds_sigv4_authorization (const RdsSigv4Request *request,
                         const char            *signed_headers,
                         const char            *access_key_id,
                         const char            *secret_access_key,
                         const char            *region,
                         const char            *service)
{
  g_autofree char *all_names = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *string_to_sign = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *date = NULL;
  const char *amz_date;

  g_return_val_if_fail (request != NULL, NULL);

  amz_date = rds_sigv4_request_get_header (request, "x-amz-date");
  g_return_val_if_fail (amz_date != NULL && strlen (amz_date) >= 8, NULL);

  if (signed_headers == NULL)
    signed_headers = all_names = all_header_names (request);

  date = g_strndup (amz_date, 8);
  scope = g_strdup_printf ("%s/%s/%s/aws4_request", date, region, service);
  canonical = rds_sigv4_canonical_request (request, signed_headers);
  string_to_sign = rds_sigv4_string_to_sign (amz_date, scope, canonical);
  signature = rds_sigv4_signature (secret_access_key, date, region, service, string_to_sign);

  return g_strdup_printf (RDS_SIGV4_ALGORITHM " Credential=%s/%s, SignedHeaders=%s, Signature=%s",
                          access_key_id, scope, signed_headers, signature);
}

char *
rds_sigv4_format_amz_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

void
rds_sigv4_identity_clear (RdsSigv4Identity *identity)
{
  g_clear_pointer (&identity->access_key_id, g_free);
  g_clear_pointer (&identity->region, g_free);
  g_clear_pointer (&identity->service, g_free);
}

static gboolean
parse_amz_date (const char *text,
                gint64     *unix_seconds)
{
  int y, mo, d, h, mi, s;
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || strlen (text) != 16 || text[8] != 'T' || text[15] != 'Z')
    return FALSE;
  for (guint i = 0; i < 15; i++)
    if (i != 8 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d%2d%2dT%2d%2d%2dZ", &y, &mo, &d, &h, &mi, &s) != 6)
    return FALSE;

  dt = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (dt == NULL)
    return FALSE;

  *unix_seconds = g_date_time_to_unix (dt);
  return TRUE;
}

static gboolean
constant_time_equal (const char *a,
                     const char *b)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);
  guint diff = la ^ lb;

  for (gsize i = 0; i < la && i < lb; i++)
    diff |= (guchar) a[i] ^ (guchar) b[i];

  return diff == 0;
}

/* Reads "Credential=…, SignedHeaders=…, Signature=…" in any order. */
static gboolean
parse_authorization (const char  *value,
                     char       **credential,
                     char       **signed_headers,
                     char       **signature,
                     GError     **error)
{
  g_auto(GStrv) parts = NULL;
  const char *rest;

  while (*value == ' ' || *value == '\t')
    value++;

  if (!g_str_has_prefix (value, RDS_SIGV4_ALGORITHM " "))
    {
      g_set_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INCOMPLETE_SIGNATURE,
                   "Unsupported AWS 'algorithm': the Authorization header must use "
                   RDS_SIGV4_ALGORITHM ".");
      return FALSE;
    }

  rest = value + strlen (RDS_SIGV4_ALGORITHM) + 1;
  parts = g_strsplit (rest, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      char **target = NULL;
      const char *eq = strchr (part, '=');

      if (g_str_has_prefix (part, "Credential="))
        target = credential;
      else if (g_str_has_prefix (part, "SignedHeaders="))
        target = signed_headers;
      else if (g_str_has_prefix (part, "Signature="))
        target = signature;

      if (target != NULL)
        {
          g_free (*target);
          *target = g_strdup (eq + 1);
        }
    }

  if (*credential == NULL || *signed_headers == NULL || *signature == NULL)
    {
      g_set_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INCOMPLETE_SIGNATURE,
                   "Authorization header requires 'Credential', 'Signature' and "
                   "'SignedHeaders' parameters. Authorization=%s", value);
      return FALSE;
    }

  return TRUE;
}

/**
 * rds_sigv4_verify:
 * @request: the request as received
 * @service: (nullable): the service the request must be signed for
 *   ("rds"), or %NULL for any (the caller then checks @identity's)
 * @lookup: finds the secret key of an access key id
 * @now_unix_seconds: wall-clock time, for the skew check
 * @identity: (out) (optional): who signed it, for which region and
 *   service; when verifying fails after the credential scope was read, its
 *   service alone (so the error can come from that service)
 *
 * Checks the Authorization header of @request the way AWS does: its shape,
 * the access key, the credential scope, the request time and finally the
 * signature itself, compared in constant time.
 */
gboolean
rds_sigv4_verify (const RdsSigv4Request *request,
                  const char            *service,
                  RdsSigv4LookupFunc     lookup,
                  gpointer               lookup_data,
                  gint64                 now_unix_seconds,
                  RdsSigv4Identity      *identity,
                  GError               **error)
{
  g_autofree char *credential = NULL;
  g_autofree char *signed_headers = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *string_to_sign = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) scope_parts = NULL;
  g_auto(GStrv) header_names = NULL;
  const char *authorization;
  const char *content_sha;
  g_autofree char *amz_date = NULL;
  const char *secret;
  gint64 request_time;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (lookup != NULL, FALSE);

  authorization = rds_sigv4_request_get_header (request, "authorization");
  if (authorization == NULL)
    {
      g_set_error_literal (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_MISSING_AUTHENTICATION_TOKEN,
                           "Request is missing Authentication Token: sign it with AWS "
                           "Signature Version 4 (an Authorization header).");
      return FALSE;
    }

  if (!parse_authorization (authorization, &credential, &signed_headers, &signature, error))
    return FALSE;

  /* AKID/yyyymmdd/region/service/aws4_request */
  scope_parts = g_strsplit (credential, "/", -1);
  if (g_strv_length (scope_parts) != 5)
    {
      g_set_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INCOMPLETE_SIGNATURE,
                   "Credential should have 5 parts separated by '/' "
                   "(access key/date/region/service/aws4_request), got '%s'.", credential);
      return FALSE;
    }
  if (identity != NULL)
    identity->service = g_strdup (scope_parts[3]);

  secret = lookup (scope_parts[0], lookup_data);
  if (secret == NULL)
    {
      g_set_error_literal (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INVALID_CLIENT_TOKEN_ID,
                           "The security token included in the request is invalid: "
                           "the access key ID is not known to this endpoint.");
      return FALSE;
    }

  amz_date = g_strdup (rds_sigv4_request_get_header (request, "x-amz-date"));
  if (amz_date != NULL)
    g_strstrip (amz_date);
  if (amz_date == NULL || !parse_amz_date (amz_date, &request_time))
    {
      g_set_error_literal (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INCOMPLETE_SIGNATURE,
                           "Authorization header requires existence of either a "
                           "'X-Amz-Date' or a 'Date' header in the form yyyyMMdd'T'HHmmss'Z'.");
      return FALSE;
    }

  if (strncmp (amz_date, scope_parts[1], 8) != 0 || strlen (scope_parts[1]) != 8)
    {
      g_set_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INVALID_SCOPE,
                   "Credential should be scoped to a valid date: the scope date '%s' "
                   "does not match the request date '%.8s'.", scope_parts[1], amz_date);
      return FALSE;
    }
  if (service != NULL && !g_str_equal (scope_parts[3], service))
    {
      g_set_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INVALID_SCOPE,
                   "Credential should be scoped to correct service: '%s'.", service);
      return FALSE;
    }
  if (!g_str_equal (scope_parts[4], "aws4_request"))
    {
      g_set_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INVALID_SCOPE,
                   "Credential should be scoped with a valid terminator: 'aws4_request', "
                   "not '%s'.", scope_parts[4]);
      return FALSE;
    }

  header_names = g_strsplit (signed_headers, ";", -1);
  if (!g_strv_contains ((const char * const *) header_names, "host"))
    {
      g_set_error_literal (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_SIGNATURE_DOES_NOT_MATCH,
                           "'Host' must be a signed header.");
      return FALSE;
    }

  if (request_time < now_unix_seconds - RDS_SIGV4_MAX_SKEW_SECONDS ||
      request_time > now_unix_seconds + RDS_SIGV4_MAX_SKEW_SECONDS)
    {
      g_autofree char *now_text = rds_sigv4_format_amz_date (now_unix_seconds);
      g_autofree char *bound = NULL;

      if (request_time < now_unix_seconds)
        {
          bound = rds_sigv4_format_amz_date (now_unix_seconds - RDS_SIGV4_MAX_SKEW_SECONDS);
          g_set_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_REQUEST_EXPIRED,
                       "Signature expired: %s is now earlier than %s (%s - 15 min.) "
                       "Check the system clock of the client.", amz_date, bound, now_text);
        }
      else
        {
          bound = rds_sigv4_format_amz_date (now_unix_seconds + RDS_SIGV4_MAX_SKEW_SECONDS);
          g_set_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_REQUEST_EXPIRED,
                       "Signature not yet current: %s is still later than %s (%s + 15 min.) "
                       "Check the system clock of the client.", amz_date, bound, now_text);
        }
      return FALSE;
    }

  /* The signature covers the hash of the body received; a client that
   * also states it must state it right. */
  content_sha = rds_sigv4_request_get_header (request, "x-amz-content-sha256");
  if (content_sha != NULL)
    {
      gsize body_length;
      const guint8 *body = g_bytes_get_data (request->body, &body_length);
      g_autofree char *body_hash = hex_sha256 (body != NULL ? body : (const guint8 *) "", body_length);
      g_autofree char *stated = g_strstrip (g_ascii_strdown (content_sha, -1));

      if (!g_str_equal (stated, body_hash))
        {
          g_set_error_literal (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_SIGNATURE_DOES_NOT_MATCH,
                               "The provided 'x-amz-content-sha256' header does not match what "
                               "was computed from the request body.");
          return FALSE;
        }
    }

  scope = g_strjoin ("/", scope_parts[1], scope_parts[2], scope_parts[3], scope_parts[4], NULL);
  canonical = rds_sigv4_canonical_request (request, signed_headers);
  string_to_sign = rds_sigv4_string_to_sign (amz_date, scope, canonical);
  expected = rds_sigv4_signature (secret, scope_parts[1], scope_parts[2], scope_parts[3],
                                  string_to_sign);

  if (!constant_time_equal (expected, signature))
    {
      g_set_error_literal (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_SIGNATURE_DOES_NOT_MATCH,
                           "The request signature we calculated does not match the signature "
                           "you provided. Check your AWS Secret Access Key and signing method. "
                           "Consult the service documentation for details.");
      return FALSE;
    }

  if (identity != NULL)
    {
      identity->access_key_id = g_strdup (scope_parts[0]);
      identity->region = g_strdup (scope_parts[2]);
    }

  return TRUE;
}
