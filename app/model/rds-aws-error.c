/* rds-aws-error.c: the errors the RDS Query API answers with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rds-aws-error.h"

#include <glib/gi18n.h>

#include <string.h>

G_DEFINE_QUARK (rds-aws-error-quark, rds_aws_error)

/* Wire codes and HTTP statuses from the botocore model (many faults drop
 * their "Fault" suffix on the wire, some keep it). */
static const struct
{
  RdsAwsError  code;
  const char  *aws_code;
  guint        http_status;
} errors[] = {
  { RDS_AWS_ERROR_UNKNOWN, "InternalFailure", 500 },
  { RDS_AWS_ERROR_INVALID_PARAMETER_VALUE, "InvalidParameterValue", 400 },
  { RDS_AWS_ERROR_INVALID_PARAMETER_COMBINATION, "InvalidParameterCombination", 400 },
  { RDS_AWS_ERROR_MISSING_PARAMETER, "MissingParameter", 400 },
  { RDS_AWS_ERROR_INVALID_ACTION, "InvalidAction", 400 },
  { RDS_AWS_ERROR_MALFORMED_QUERY_STRING, "MalformedQueryString", 404 },
  { RDS_AWS_ERROR_THROTTLING, "Throttling", 400 },
  { RDS_AWS_ERROR_ACCESS_DENIED, "AccessDenied", 403 },
  { RDS_AWS_ERROR_INTERNAL_FAILURE, "InternalFailure", 500 },
  { RDS_AWS_ERROR_SERVICE_UNAVAILABLE, "ServiceUnavailable", 503 },
  { RDS_AWS_ERROR_MISSING_AUTHENTICATION_TOKEN, "MissingAuthenticationToken", 403 },
  { RDS_AWS_ERROR_INCOMPLETE_SIGNATURE, "IncompleteSignature", 400 },
  { RDS_AWS_ERROR_INVALID_CLIENT_TOKEN_ID, "InvalidClientTokenId", 403 },
  { RDS_AWS_ERROR_SIGNATURE_DOES_NOT_MATCH, "SignatureDoesNotMatch", 403 },
  { RDS_AWS_ERROR_REQUEST_ENTITY_TOO_LARGE, "RequestEntityTooLarge", 413 },
  { RDS_AWS_ERROR_REQUEST_URI_TOO_LONG, "RequestURITooLong", 414 },
  { RDS_AWS_ERROR_REQUEST_HEADER_SECTION_TOO_LARGE, "RequestHeaderSectionTooLarge", 431 },
  { RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS, "DBInstanceAlreadyExists", 400 },
  { RDS_AWS_ERROR_DB_INSTANCE_NOT_FOUND, "DBInstanceNotFound", 404 },
  { RDS_AWS_ERROR_INVALID_DB_INSTANCE_STATE, "InvalidDBInstanceState", 400 },
  { RDS_AWS_ERROR_INSUFFICIENT_DB_INSTANCE_CAPACITY, "InsufficientDBInstanceCapacity", 400 },
  { RDS_AWS_ERROR_INSTANCE_QUOTA_EXCEEDED, "InstanceQuotaExceeded", 400 },
  { RDS_AWS_ERROR_STORAGE_QUOTA_EXCEEDED, "StorageQuotaExceeded", 400 },
  { RDS_AWS_ERROR_DB_PARAMETER_GROUP_NOT_FOUND, "DBParameterGroupNotFound", 404 },
  { RDS_AWS_ERROR_DB_SECURITY_GROUP_NOT_FOUND, "DBSecurityGroupNotFound", 404 },
  { RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_FOUND, "DBSubnetGroupNotFoundFault", 404 },
  { RDS_AWS_ERROR_STORAGE_TYPE_NOT_SUPPORTED, "StorageTypeNotSupported", 400 },
  { RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, "KMSKeyNotAccessibleFault", 400 },
  { RDS_AWS_ERROR_CERTIFICATE_NOT_FOUND, "CertificateNotFound", 404 },
  { RDS_AWS_ERROR_OPTION_GROUP_NOT_FOUND, "OptionGroupNotFoundFault", 404 },
  { RDS_AWS_ERROR_DB_SNAPSHOT_ALREADY_EXISTS, "DBSnapshotAlreadyExists", 400 },
  { RDS_AWS_ERROR_DB_SNAPSHOT_NOT_FOUND, "DBSnapshotNotFound", 404 },
  { RDS_AWS_ERROR_INVALID_DB_SNAPSHOT_STATE, "InvalidDBSnapshotState", 400 },
  { RDS_AWS_ERROR_SNAPSHOT_QUOTA_EXCEEDED, "SnapshotQuotaExceeded", 400 },
  { RDS_AWS_ERROR_INVALID_VPC_NETWORK_STATE, "InvalidVPCNetworkStateFault", 400 },
  { RDS_AWS_ERROR_DB_CLUSTER_NOT_FOUND, "DBClusterNotFoundFault", 404 },
  { RDS_AWS_ERROR_INVALID_DB_CLUSTER_STATE, "InvalidDBClusterStateFault", 400 },
  { RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_ALLOWED, "DBSubnetGroupNotAllowedFault", 400 },
  { RDS_AWS_ERROR_SHARED_SNAPSHOT_QUOTA_EXCEEDED, "SharedSnapshotQuotaExceeded", 400 },
  { RDS_AWS_ERROR_DB_INSTANCE_AUTOMATED_BACKUP_NOT_FOUND, "DBInstanceAutomatedBackupNotFound", 404 },
  { RDS_AWS_ERROR_INVALID_DB_INSTANCE_AUTOMATED_BACKUP_STATE, "InvalidDBInstanceAutomatedBackupState", 400 },
  { RDS_AWS_ERROR_INVALID_RESTORE, "InvalidRestoreFault", 400 },
  { RDS_AWS_ERROR_POINT_IN_TIME_RESTORE_NOT_ENABLED, "PointInTimeRestoreNotEnabled", 400 },
  { RDS_AWS_ERROR_DB_CLUSTER_ALREADY_EXISTS, "DBClusterAlreadyExistsFault", 400 },
  { RDS_AWS_ERROR_DB_CLUSTER_QUOTA_EXCEEDED, "DBClusterQuotaExceededFault", 403 },
  { RDS_AWS_ERROR_DB_CLUSTER_PARAMETER_GROUP_NOT_FOUND, "DBClusterParameterGroupNotFound", 404 },
  { RDS_AWS_ERROR_DB_CLUSTER_ENDPOINT_NOT_FOUND, "DBClusterEndpointNotFoundFault", 400 },
  { RDS_AWS_ERROR_DB_CLUSTER_ENDPOINT_ALREADY_EXISTS, "DBClusterEndpointAlreadyExistsFault", 400 },
  { RDS_AWS_ERROR_DB_CLUSTER_ENDPOINT_QUOTA_EXCEEDED, "DBClusterEndpointQuotaExceededFault", 403 },
  { RDS_AWS_ERROR_INVALID_DB_CLUSTER_ENDPOINT_STATE, "InvalidDBClusterEndpointStateFault", 400 },
  { RDS_AWS_ERROR_DB_CLUSTER_SNAPSHOT_ALREADY_EXISTS, "DBClusterSnapshotAlreadyExistsFault", 400 },
  { RDS_AWS_ERROR_DB_CLUSTER_SNAPSHOT_NOT_FOUND, "DBClusterSnapshotNotFoundFault", 404 },
  { RDS_AWS_ERROR_INVALID_DB_CLUSTER_SNAPSHOT_STATE, "InvalidDBClusterSnapshotStateFault", 400 },
  { RDS_AWS_ERROR_INVALID_NEXT_TOKEN, "InvalidNextToken", 400 },
  { RDS_AWS_ERROR_RESOURCE_NOT_FOUND, "ResourceNotFound", 404 },
  { RDS_AWS_ERROR_LIMIT_EXCEEDED, "LimitExceeded", 400 },
  { RDS_AWS_ERROR_SERIALIZATION, "SerializationException", 400 },
  { RDS_AWS_ERROR_UNKNOWN_OPERATION, "UnknownOperationException", 400 },
  /* KMS answers its client errors with 400 */
  { RDS_AWS_ERROR_NOT_FOUND, "NotFoundException", 400 },
  { RDS_AWS_ERROR_DISABLED, "DisabledException", 400 },
  { RDS_AWS_ERROR_KMS_INVALID_STATE, "KMSInvalidStateException", 400 },
  { RDS_AWS_ERROR_ALREADY_EXISTS, "AlreadyExistsException", 400 },
  { RDS_AWS_ERROR_VALIDATION, "ValidationException", 400 },
  { RDS_AWS_ERROR_LIMIT_EXCEEDED_EXCEPTION, "LimitExceededException", 400 },
  { RDS_AWS_ERROR_INVALID_ARN, "InvalidArnException", 400 },
  { RDS_AWS_ERROR_UNSUPPORTED_OPERATION, "UnsupportedOperationException", 400 },
  { RDS_AWS_ERROR_TAG, "TagException", 400 },
  { RDS_AWS_ERROR_INVALID_MARKER, "InvalidMarkerException", 400 },
  { RDS_AWS_ERROR_ACCESS_DENIED_EXCEPTION, "AccessDeniedException", 400 },
  { RDS_AWS_ERROR_NOT_AUTHORIZED, "NotAuthorizedException", 400 },
};

const char *
rds_aws_error_get_code (RdsAwsError code)
{
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (errors[i].code == code)
      return errors[i].aws_code;

  return "InternalFailure";
}

guint
rds_aws_error_get_http_status (RdsAwsError code)
{
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (errors[i].code == code)
      return errors[i].http_status;

  return 500;
}

/**
 * rds_aws_error_from_code:
 * @aws_code: a wire code such as "DBInstanceNotFound"
 *
 * Returns: the matching code, %RDS_AWS_ERROR_UNKNOWN when it has none
 */
RdsAwsError
rds_aws_error_from_code (const char *aws_code)
{
  g_return_val_if_fail (aws_code != NULL, RDS_AWS_ERROR_UNKNOWN);

  /* Skip the UNKNOWN row, which shares InternalFailure. */
  for (guint i = 1; i < G_N_ELEMENTS (errors); i++)
    if (g_str_equal (errors[i].aws_code, aws_code))
      return errors[i].code;

  /* Some clients and services spell faults with their model shape name. */
  if (g_str_has_suffix (aws_code, "Fault"))
    {
      g_autofree char *bare = g_strndup (aws_code, strlen (aws_code) - 5);

      for (guint i = 1; i < G_N_ELEMENTS (errors); i++)
        if (g_str_equal (errors[i].aws_code, bare))
          return errors[i].code;
    }
  if (g_str_equal (aws_code, "ThrottlingException"))
    return RDS_AWS_ERROR_THROTTLING;

  return RDS_AWS_ERROR_UNKNOWN;
}

/**
 * rds_aws_error_code_is_retryable:
 *
 * Returns: whether a request that failed with @aws_code may succeed as it
 *   is a moment later: throttling and the services' transient failures,
 *   as the AWS SDKs' standard retry mode lists them
 */
gboolean
rds_aws_error_code_is_retryable (const char *aws_code)
{
  static const char * const retryable[] = {
    /* Throttling */
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException",
    "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
    "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
    "EC2ThrottledException",
    /* Transient */
    "RequestTimeout", "RequestTimeoutException", "InternalFailure", "ServiceUnavailable",
  };

  g_return_val_if_fail (aws_code != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (retryable); i++)
    if (g_str_equal (retryable[i], aws_code))
      return TRUE;
  return FALSE;
}

/**
 * rds_aws_error_code_get_advice:
 *
 * Returns: (nullable): what a person can do about @aws_code, for the
 *   errors of credentials and permissions whose messages do not say, or
 *   %NULL
 */
const char *
rds_aws_error_code_get_advice (const char *aws_code)
{
  static const struct
  {
    const char *code;
    const char *advice;
  } advice[] = {
    { "ExpiredToken", N_("The credentials have expired: renew them (a new session token, or “aws sso login” for the profile) and try again.") },
    { "ExpiredTokenException", N_("The credentials have expired: renew them (a new session token, or “aws sso login” for the profile) and try again.") },
    { "RequestExpired", N_("The request was signed too long ago: check that this computer’s clock is right.") },
    { "InvalidClientTokenId", N_("The endpoint does not know this access key: check the connection’s access key ID.") },
    { "UnrecognizedClientException", N_("The endpoint does not know this access key: check the connection’s access key ID.") },
    { "SignatureDoesNotMatch", N_("Check the connection’s secret access key.") },
    { "MissingAuthenticationToken", N_("The connection has no credentials: add an access key to it.") },
    { "AccessDenied", N_("These credentials may not do this: ask for the IAM permission it needs, or use other credentials.") },
    { "AccessDeniedException", N_("These credentials may not do this: ask for the IAM permission it needs, or use other credentials.") },
    { "UnauthorizedOperation", N_("These credentials may not do this: ask for the IAM permission it needs, or use other credentials.") },
    { "OptInRequired", N_("The account is not signed up for this service in this Region.") },
  };

  g_return_val_if_fail (aws_code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (advice); i++)
    if (g_str_equal (advice[i].code, aws_code))
      return _(advice[i].advice);
  return NULL;
}

/* Which parameter an error code is about, when its message may not say. */
static const struct
{
  RdsAwsError  code;
  const char  *parameter;
} error_parameters[] = {
  { RDS_AWS_ERROR_DB_INSTANCE_ALREADY_EXISTS, "DBInstanceIdentifier" },
  { RDS_AWS_ERROR_DB_SNAPSHOT_ALREADY_EXISTS, "DBSnapshotIdentifier" },
  { RDS_AWS_ERROR_DB_SNAPSHOT_ALREADY_EXISTS, "FinalDBSnapshotIdentifier" },
  { RDS_AWS_ERROR_INSUFFICIENT_DB_INSTANCE_CAPACITY, "DBInstanceClass" },
  { RDS_AWS_ERROR_STORAGE_QUOTA_EXCEEDED, "AllocatedStorage" },
  { RDS_AWS_ERROR_STORAGE_TYPE_NOT_SUPPORTED, "StorageType" },
  { RDS_AWS_ERROR_DB_PARAMETER_GROUP_NOT_FOUND, "DBParameterGroupName" },
  { RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_FOUND, "DBSubnetGroupName" },
  { RDS_AWS_ERROR_DB_SUBNET_GROUP_NOT_ALLOWED, "DBSubnetGroupName" },
  { RDS_AWS_ERROR_DB_SECURITY_GROUP_NOT_FOUND, "VpcSecurityGroupIds" },
  { RDS_AWS_ERROR_KMS_KEY_NOT_ACCESSIBLE, "KmsKeyId" },
  { RDS_AWS_ERROR_CERTIFICATE_NOT_FOUND, "CACertificateIdentifier" },
  { RDS_AWS_ERROR_OPTION_GROUP_NOT_FOUND, "OptionGroupName" },
  { RDS_AWS_ERROR_INVALID_RESTORE, "RestoreTime" },
  { RDS_AWS_ERROR_ALREADY_EXISTS, "AliasName" },
  { RDS_AWS_ERROR_NOT_AUTHORIZED, "AliasName" },
};

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/**
 * rds_aws_error_concerns:
 * @parameter: an API member such as "MasterUserPassword"
 *
 * Whether @error is about @parameter: its code is about that parameter, or
 * its message names it as a word. A form uses this to show the service's
 * answer next to the field it concerns.
 */
gboolean
rds_aws_error_concerns (const GError *error,
                        const char   *parameter)
{
  gsize length;

  g_return_val_if_fail (parameter != NULL, FALSE);

  if (error == NULL || error->domain != RDS_AWS_ERROR)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (error_parameters); i++)
    if ((RdsAwsError) error->code == error_parameters[i].code &&
        g_str_equal (parameter, error_parameters[i].parameter))
      return TRUE;

  length = strlen (parameter);
  for (const char *p = strstr (error->message, parameter); p != NULL; p = strstr (p + 1, parameter))
    {
      gboolean starts = p == error->message || !is_name_char (p[-1]);
      gboolean ends = !is_name_char (p[length]);

      if (starts && ends)
        return TRUE;
    }

  return FALSE;
}
