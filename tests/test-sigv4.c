/* test-sigv4.c: AWS's SigV4 test suite, signing and verifying
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rds-sigv4.h"

#define SUITE_ACCESS_KEY "AKIDEXAMPLE"
#define SUITE_SECRET_KEY "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define SUITE_REGION     "us-east-1"
#define SUITE_SERVICE    "service"
#define SUITE_TIME       G_GINT64_CONSTANT (1440938160) /* 2015-08-30T12:36:00Z */

typedef struct
{
  char *dir;
  char *name;
} SuiteCase;

static void
suite_case_free (gpointer data)
{
  SuiteCase *tc = data;

  g_free (tc->dir);
  g_free (tc->name);
  g_free (tc);
}

static char *
read_case_file (const SuiteCase *tc,
                const char      *suffix)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.%s", tc->dir, tc->name, suffix);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Parses a `.req`/`.sreq` file: request line, headers with folded
 * continuation lines, a blank line and the body. The Authorization header is
 * left out: each test adds the one it means to check. */
static RdsSigv4Request *
parse_request (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *method = NULL;
  g_autofree char *target = NULL;
  RdsSigv4Request *request;
  const char *first_space;
  const char *version;
  const char *question;
  guint i;

  first_space = strchr (lines[0], ' ');
  version = g_strrstr (lines[0], " HTTP/");
  g_assert_nonnull (first_space);
  g_assert_nonnull (version);
  method = g_strndup (lines[0], first_space - lines[0]);
  target = g_strndup (first_space + 1, version - first_space - 1);

  question = strchr (target, '?');
  if (question != NULL)
    {
      g_autofree char *path = g_strndup (target, question - target);
      request = rds_sigv4_request_new (method, path, question + 1);
    }
  else
    {
      request = rds_sigv4_request_new (method, target, NULL);
    }

  for (i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *line = lines[i];
      const char *colon;

      if ((line[0] == ' ' || line[0] == '\t') && values->len > 0)
        {
          char *joined = g_strconcat (g_ptr_array_index (values, values->len - 1), "\n", line, NULL);
          g_free (g_ptr_array_index (values, values->len - 1));
          g_ptr_array_index (values, values->len - 1) = joined;
          continue;
        }

      colon = strchr (line, ':');
      g_assert_nonnull (colon);
      g_ptr_array_add (names, g_strndup (line, colon - line));
      g_ptr_array_add (values, g_strdup (colon + 1));
    }

  for (guint j = 0; j < names->len; j++)
    {
      const char *name = g_ptr_array_index (names, j);

      if (g_ascii_strcasecmp (name, "authorization") == 0)
        continue;
      rds_sigv4_request_add_header (request, name, g_ptr_array_index (values, j));
    }

  if (lines[i] != NULL)
    {
      g_autofree char *body = g_strjoinv ("\n", lines + i + 1);
      rds_sigv4_request_set_body (request, (const guint8 *) body, strlen (body));
    }

  return request;
}

static char *
signed_headers_of (const char *authz)
{
  const char *start = strstr (authz, "SignedHeaders=");
  const char *end;

  g_assert_nonnull (start);
  start += strlen ("SignedHeaders=");
  end = strchr (start, ',');
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

static const char *
suite_lookup (const char *access_key_id,
              gpointer    user_data)
{
  return g_str_equal (access_key_id, SUITE_ACCESS_KEY) ? SUITE_SECRET_KEY : NULL;
}

static void
test_suite_case (gconstpointer data)
{
  const SuiteCase *tc = data;
  g_autofree char *sreq_text = read_case_file (tc, "sreq");
  g_autofree char *creq = read_case_file (tc, "creq");
  g_autofree char *sts = read_case_file (tc, "sts");
  g_autofree char *authz = read_case_file (tc, "authz");
  g_autofree char *signed_headers = signed_headers_of (authz);
  g_autoptr(RdsSigv4Request) unsigned_request = parse_request (sreq_text);
  g_autoptr(RdsSigv4Request) signed_request = parse_request (sreq_text);
  g_autofree char *our_creq = NULL;
  g_autofree char *our_sts = NULL;
  g_autofree char *our_authz = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RdsSigv4Identity) identity = { 0 };
  gboolean ok;

  our_creq = rds_sigv4_canonical_request (unsigned_request, signed_headers);
  g_assert_cmpstr (our_creq, ==, creq);

  our_sts = rds_sigv4_string_to_sign ("20150830T123600Z",
                                      "20150830/" SUITE_REGION "/" SUITE_SERVICE "/aws4_request",
                                      our_creq);
  g_assert_cmpstr (our_sts, ==, sts);

  our_authz = rds_sigv4_authorization (unsigned_request, signed_headers, SUITE_ACCESS_KEY,
                                       SUITE_SECRET_KEY, SUITE_REGION, SUITE_SERVICE);
  g_assert_cmpstr (our_authz, ==, authz);

  /* The verifier accepts the request signed with the published `.authz`.
   * (The suite's get-vanilla-with-session-token.sreq carries get-vanilla's
   * signature by mistake; its `.authz` is the right one.) */
  rds_sigv4_request_add_header (signed_request, "Authorization", authz);
  ok = rds_sigv4_verify (signed_request, SUITE_SERVICE, suite_lookup, NULL,
                         SUITE_TIME, &identity, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (identity.access_key_id, ==, SUITE_ACCESS_KEY);
  g_assert_cmpstr (identity.region, ==, SUITE_REGION);
  g_assert_cmpstr (identity.service, ==, SUITE_SERVICE);
}

static void
test_suite_case_tampered (gconstpointer data)
{
  const SuiteCase *tc = data;
  g_autofree char *sreq_text = read_case_file (tc, "sreq");
  g_autofree char *authz = read_case_file (tc, "authz");
  g_autoptr(RdsSigv4Request) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tampered = NULL;
  char *x_amz_date_line;

  /* ...and refuses it once a signed header changes: here the host. */
  tampered = g_strdup (sreq_text);
  x_amz_date_line = strstr (tampered, "example.amazonaws.com");
  g_assert_nonnull (x_amz_date_line);
  x_amz_date_line[0] = 'E';
  request = parse_request (tampered);
  rds_sigv4_request_add_header (request, "Authorization", authz);

  g_assert_false (rds_sigv4_verify (request, SUITE_SERVICE, suite_lookup, NULL,
                                    SUITE_TIME, NULL, &error));
  g_assert_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_SIGNATURE_DOES_NOT_MATCH);
}

static RdsSigv4Request *
signed_post (const char *body,
             const char *amz_date,
             const char *secret,
             const char *region,
             const char *service)
{
  RdsSigv4Request *request = rds_sigv4_request_new ("POST", "/", NULL);
  g_autofree char *authorization = NULL;

  rds_sigv4_request_add_header (request, "Host", "127.0.0.1:8080");
  rds_sigv4_request_add_header (request, "Content-Type",
                                "application/x-www-form-urlencoded; charset=utf-8");
  rds_sigv4_request_add_header (request, "X-Amz-Date", amz_date);
  rds_sigv4_request_set_body (request, (const guint8 *) body, strlen (body));
  authorization = rds_sigv4_authorization (request, NULL, SUITE_ACCESS_KEY, secret,
                                           region, service);
  rds_sigv4_request_add_header (request, "Authorization", authorization);

  return request;
}

static void
test_verify_errors (void)
{
  const char *body = "Action=DescribeDBInstances&Version=2014-10-31";
  g_autoptr(RdsSigv4Request) good = signed_post (body, "20150830T123600Z", SUITE_SECRET_KEY,
                                                 "us-west-2", "rds");
  g_autoptr(RdsSigv4Request) wrong_secret = signed_post (body, "20150830T123600Z", "nope",
                                                         "us-west-2", "rds");
  g_autoptr(RdsSigv4Request) wrong_service = signed_post (body, "20150830T123600Z",
                                                          SUITE_SECRET_KEY, "us-west-2", "ec2");
  g_autoptr(RdsSigv4Request) unsigned_request = rds_sigv4_request_new ("POST", "/", NULL);
  g_autoptr(RdsSigv4Request) garbled = rds_sigv4_request_new ("POST", "/", NULL);
  g_autoptr(RdsSigv4Request) body_changed = NULL;
  g_autoptr(RdsSigv4Request) replayed = NULL;
  g_autoptr(RdsSigv4Request) stated = NULL;
  g_autofree char *original_hash = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RdsSigv4Identity) identity = { 0 };

  g_assert_true (rds_sigv4_verify (good, "rds", suite_lookup, NULL, SUITE_TIME, &identity, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (identity.region, ==, "us-west-2");

  /* Within fifteen minutes either way is fine, beyond is expired, as AWS
   * says it: SignatureDoesNotMatch, "Signature expired". */
  g_assert_true (rds_sigv4_verify (good, "rds", suite_lookup, NULL, SUITE_TIME + 899, NULL, NULL));
  g_assert_true (rds_sigv4_verify (good, "rds", suite_lookup, NULL, SUITE_TIME - 899, NULL, NULL));
  g_assert_false (rds_sigv4_verify (good, "rds", suite_lookup, NULL, SUITE_TIME + 901, NULL, &error));
  g_assert_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_REQUEST_EXPIRED);
  g_assert_nonnull (strstr (error->message, "Signature expired"));
  g_assert_nonnull (strstr (error->message, "15 min."));
  g_clear_error (&error);
  g_assert_false (rds_sigv4_verify (good, "rds", suite_lookup, NULL, SUITE_TIME - 901, NULL, &error));
  g_assert_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_REQUEST_EXPIRED);
  g_clear_error (&error);

  g_assert_false (rds_sigv4_verify (wrong_secret, "rds", suite_lookup, NULL, SUITE_TIME, NULL, &error));
  g_assert_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_SIGNATURE_DOES_NOT_MATCH);
  g_clear_error (&error);

  g_assert_false (rds_sigv4_verify (wrong_service, "rds", suite_lookup, NULL, SUITE_TIME, NULL, &error));
  g_assert_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INVALID_SCOPE);
  g_clear_error (&error);

  g_assert_false (rds_sigv4_verify (unsigned_request, "rds", suite_lookup, NULL, SUITE_TIME, NULL, &error));
  g_assert_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_MISSING_AUTHENTICATION_TOKEN);
  g_clear_error (&error);

  rds_sigv4_request_add_header (garbled, "Authorization", "AWS4-HMAC-SHA256 Credential=x");
  g_assert_false (rds_sigv4_verify (garbled, "rds", suite_lookup, NULL, SUITE_TIME, NULL, &error));
  g_assert_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INCOMPLETE_SIGNATURE);
  g_clear_error (&error);

  /* A different body under the same signature does not pass. */
  body_changed = signed_post (body, "20150830T123600Z", SUITE_SECRET_KEY, "us-west-2", "rds");
  rds_sigv4_request_set_body (body_changed, (const guint8 *) "Action=DeleteDBInstance", 23);
  g_assert_false (rds_sigv4_verify (body_changed, "rds", suite_lookup, NULL, SUITE_TIME, NULL, &error));
  g_assert_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_SIGNATURE_DOES_NOT_MATCH);
  g_clear_error (&error);

  /* Nor with an unsigned X-Amz-Content-Sha256 that vouches for the old
   * body: the server hashes the body it got. */
  replayed = signed_post (body, "20150830T123600Z", SUITE_SECRET_KEY, "us-west-2", "rds");
  original_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  rds_sigv4_request_add_header (replayed, "X-Amz-Content-Sha256", original_hash);
  rds_sigv4_request_set_body (replayed, (const guint8 *) "Action=DeleteDBInstance", 23);
  g_assert_false (rds_sigv4_verify (replayed, "rds", suite_lookup, NULL, SUITE_TIME, NULL, &error));
  g_assert_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_SIGNATURE_DOES_NOT_MATCH);
  g_clear_error (&error);

  /* A header that states the real body's hash is fine. */
  stated = signed_post (body, "20150830T123600Z", SUITE_SECRET_KEY, "us-west-2", "rds");
  rds_sigv4_request_add_header (stated, "X-Amz-Content-Sha256", original_hash);
  g_assert_true (rds_sigv4_verify (stated, "rds", suite_lookup, NULL, SUITE_TIME, NULL, &error));
  g_assert_no_error (error);
}

static void
test_unknown_key (void)
{
  g_autoptr(RdsSigv4Request) request = rds_sigv4_request_new ("POST", "/", NULL);
  g_autofree char *authorization = NULL;
  g_autoptr(GError) error = NULL;

  rds_sigv4_request_add_header (request, "Host", "localhost");
  rds_sigv4_request_add_header (request, "X-Amz-Date", "20150830T123600Z");
  authorization = rds_sigv4_authorization (request, NULL, "AKIDUNKNOWN", "secret",
                                           "us-east-1", "rds");
  rds_sigv4_request_add_header (request, "Authorization", authorization);

  g_assert_false (rds_sigv4_verify (request, "rds", suite_lookup, NULL, SUITE_TIME, NULL, &error));
  g_assert_error (error, RDS_SIGV4_ERROR, RDS_SIGV4_ERROR_INVALID_CLIENT_TOKEN_ID);
}

static void
add_suite_dir (const char *dir,
               guint      *count)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (handle);
  while ((entry = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (entries, g_strdup (entry));
  g_ptr_array_sort (entries, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < entries->len; i++)
    {
      const char *name = g_ptr_array_index (entries, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *sreq = g_strdup_printf ("%s/%s.sreq", path, name);
      SuiteCase *tc;
      g_autofree char *test_name = NULL;
      g_autofree char *tamper_name = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      if (!g_file_test (sreq, G_FILE_TEST_EXISTS))
        {
          add_suite_dir (path, count);
          continue;
        }

      tc = g_new0 (SuiteCase, 1);
      tc->dir = g_strdup (path);
      tc->name = g_strdup (name);
      test_name = g_strdup_printf ("/rds/sigv4/suite/%s", name);
      tamper_name = g_strdup_printf ("/rds/sigv4/suite-tampered/%s", name);
      g_test_add_data_func (test_name, tc, test_suite_case);
      g_test_add_data_func_full (tamper_name, tc, test_suite_case_tampered, suite_case_free);
      (*count)++;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *suite = g_build_filename (TEST_DATA_DIR, "aws-sig-v4-test-suite", NULL);
  guint count = 0;

  g_test_init (&argc, &argv, NULL);

  add_suite_dir (suite, &count);
  /* 24 cases at the top, 8 normalize-path and 2 STS token cases. */
  g_assert_cmpuint (count, ==, 34);

  g_test_add_func ("/rds/sigv4/verify-errors", test_verify_errors);
  g_test_add_func ("/rds/sigv4/unknown-key", test_unknown_key);

  return g_test_run ();
}
