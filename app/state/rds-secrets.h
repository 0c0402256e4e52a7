/* rds-secrets.h: secrets in the user's keyring, or in memory without one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a secret is for. */
#define RDS_SECRET_SIMULATOR       "simulator-credentials"
#define RDS_SECRET_MASTER_PASSWORD "master-password"

#define RDS_TYPE_SECRETS (rds_secrets_get_type ())
G_DECLARE_FINAL_TYPE (RdsSecrets, rds_secrets, RDS, SECRETS, GObject)

RdsSecrets *rds_secrets_new             (void);
RdsSecrets *rds_secrets_new_in_memory   (void);
gboolean    rds_secrets_get_persistent  (RdsSecrets           *self);
void        rds_secrets_store_async     (RdsSecrets           *self,
                                         const char           *kind,
                                         const char           *key,
                                         const char           *label,
                                         const char           *secret,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
void        rds_secrets_store_master_password_async
                                        (RdsSecrets           *self,
                                         const char           *region,
                                         const char           *identifier,
                                         const char           *password,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean    rds_secrets_store_finish    (RdsSecrets           *self,
                                         GAsyncResult         *result,
                                         GError              **error);
void        rds_secrets_lookup_async    (RdsSecrets           *self,
                                         const char           *kind,
                                         const char           *key,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
char       *rds_secrets_lookup_finish   (RdsSecrets           *self,
                                         GAsyncResult         *result,
                                         GError              **error);
void        rds_secrets_clear_async     (RdsSecrets           *self,
                                         const char           *kind,
                                         const char           *key,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
void        rds_secret_free             (char                 *secret);

G_END_DECLS
