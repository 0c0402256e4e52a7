/* rds-keys-page.c: the KMS keys page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The KMS keys of the session's Region, as the KMS console lists them,
 * with what RDS cares about: which DB instances of the Region each key
 * encrypts. The page asks KMS itself (ListKeys, DescribeKey for each key,
 * ListAliases, every page of each), so it works against any endpoint;
 * "Used by" comes from the session's list of DB instances. It asks again
 * when the Region changes, when the simulator's clock jumps, when the
 * instances are refreshed while it shows, and after each change it makes.
 *
 * Create key, and for a customer managed key what its state allows:
 * Enable, Disable (which makes the databases that use it inaccessible),
 * Schedule deletion and Cancel deletion. AWS managed keys allow none.
 */

#include "config.h"

#include "rds-keys-page.h"

#include <glib/gi18n.h>

#include "rds-action.h"
#include "rds-alias-list-entry.h"
#include "rds-create-key-dialog.h"
#include "rds-db-instance.h"
#include "rds-disable-key-dialog.h"
#include "rds-info-button.h"
#include "rds-key-item.h"
#include "rds-key-list-entry.h"
#include "rds-key-metadata.h"
#include "rds-request.h"
#include "rds-resource-list.h"
#include "rds-schedule-key-deletion-dialog.h"
#include "rds-session.h"
#include "rds-widget-util.h"

#define PAGE_LIMIT 100

struct _RdsKeysPage
{
  RdsPage             parent_instance;

  GListStore         *store;          /* RdsKeyItem */
  GCancellable       *cancellable;    /* the listing in flight */
  GCancellable       *calls;          /* Enable, Cancel deletion */
  gboolean            loading;
  gboolean            loaded;
  gboolean            again;          /* asked for while loading */
  char               *error;
  GSignalGroup       *session_signals;
  GSignalGroup       *instances_signals;
  GSignalGroup       *item_signals;

  GtkWidget          *title_label;
  GtkWidget          *region_label;
  GtkWidget          *content_stack;
  GtkWidget          *error_page;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *alias_column;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
};

G_DEFINE_FINAL_TYPE (RdsKeysPage, rds_keys_page, RDS_TYPE_PAGE)

static RdsKeyItem *
selected_key (RdsKeysPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (RdsKeysPage *self)
{
  RdsKeyItem *key = selected_key (self);
  gboolean session = rds_page_get_session (RDS_PAGE (self)) != NULL;
  gboolean customer = session && key != NULL && !rds_key_item_is_aws_managed (key);
  const char *state = key != NULL ? rds_key_item_get_state (key) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.create", session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.refresh", session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.enable",
                                 customer && g_strcmp0 (state, "Disabled") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.disable",
                                 customer && g_strcmp0 (state, "Enabled") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.schedule-deletion",
                                 customer && (g_strcmp0 (state, "Enabled") == 0 ||
                                              g_strcmp0 (state, "Disabled") == 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key.cancel-deletion",
                                 customer && g_strcmp0 (state, "PendingDeletion") == 0);
}

static void
update_state (RdsKeysPage *self)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *title = NULL;
  g_autofree char *region = NULL;
  const char *page;

  /* Translators: the KMS keys page's title, with how many keys there are */
  title = g_strdup_printf (_("KMS keys (%u)"), n);
  gtk_label_set_label (GTK_LABEL (self->title_label), title);
  if (session != NULL)
    /* Translators: %s is a Region's name, such as "US East (N. Virginia)" */
    region = g_strdup_printf (_("The keys of %s. A key encrypts databases and snapshots of its Region only."),
                              rds_format_region_name (rds_session_get_region (session)));
  gtk_label_set_label (GTK_LABEL (self->region_label), region != NULL ? region : "");

  if (self->error != NULL && n == 0)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), self->error);
      page = "error";
    }
  else if (!self->loaded && n == 0)
    page = "loading";
  else
    page = n == 0 ? "empty" : "list";
  gtk_stack_set_visible_child_name (GTK_STACK (self->content_stack), page);
}

/* "Used by": the DB instances of the Region whose KmsKeyId is the key's ARN. */
static void
update_used_by (RdsKeysPage *self)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  GListModel *instances = session != NULL ? rds_resource_list_get_model (rds_session_get_instances (session)) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsKeyItem) key = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) used_by = NULL;
      const char *arn = rds_key_item_get_arn (key);

      for (guint j = 0; instances != NULL && j < g_list_model_get_n_items (instances); j++)
        {
          g_autoptr(RdsDbInstance) instance = g_list_model_get_item (instances, j);

          if (arn != NULL && g_strcmp0 (rds_shape_get_string (RDS_SHAPE (instance), "kms-key-id"), arn) == 0)
            g_strv_builder_add (builder, rds_db_instance_get_identifier (instance));
        }
      used_by = g_strv_builder_end (builder);
      rds_key_item_set_used_by (key, (const char * const *) used_by);
    }
}

/* Listing: ListKeys, DescribeKey for each, ListAliases; every page. */

typedef struct
{
  RdsKeysPage  *self;
  RdsClient    *client;
  GCancellable *cancellable;
  GPtrArray    *metadata;     /* RdsKeyMetadata, in ListKeys's order */
  GHashTable   *aliases;      /* key ID → GPtrArray of alias names */
  guint         pending;
  GError       *error;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_object_unref (load->client);
  g_object_unref (load->cancellable);
  g_ptr_array_unref (load->metadata);
  g_hash_table_unref (load->aliases);
  g_clear_error (&load->error);
  g_free (load);
}

static void
apply (RdsKeysPage *self,
       Load        *load)
{
  GListModel *model = G_LIST_MODEL (self->store);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean resort = FALSE;

  for (guint i = 0; i < load->metadata->len; i++)
    {
      RdsKeyMetadata *metadata = g_ptr_array_index (load->metadata, i);
      const char *id = rds_shape_get_string (RDS_SHAPE (metadata), "key-id");
      GPtrArray *names = g_hash_table_lookup (load->aliases, id);
      g_autoptr(RdsKeyItem) found = NULL;

      g_hash_table_add (listed, (gpointer) id);
      for (guint j = 0; found == NULL && j < g_list_model_get_n_items (model); j++)
        {
          g_autoptr(RdsKeyItem) item = g_list_model_get_item (model, j);

          if (g_strcmp0 (rds_key_item_get_key_id (item), id) == 0)
            found = g_steal_pointer (&item);
        }
      if (names != NULL)
        g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      /* A new key is listed with its aliases, so that it is sorted by
       * them (the sort model sorts what it is given, once). */
      if (found == NULL)
        {
          found = rds_key_item_new (metadata);
          rds_key_item_set_aliases (found, names != NULL && names->len > 0
                                           ? (const char * const *) names->pdata : NULL);
          g_list_store_append (self->store, found);
        }
      else
        {
          const char * const *before = rds_key_item_get_aliases (found);
          g_autofree char *was = before != NULL ? g_strjoinv (" ", (char **) before) : NULL;
          const char * const *after;
          g_autofree char *is = NULL;

          rds_key_item_set_metadata (found, metadata);
          rds_key_item_set_aliases (found, names != NULL && names->len > 0
                                           ? (const char * const *) names->pdata : NULL);
          after = rds_key_item_get_aliases (found);
          is = after != NULL ? g_strjoinv (" ", (char **) after) : NULL;
          resort |= g_strcmp0 (was, is) != 0;
        }
    }
  /* A key given another alias moves to its place. */
  if (resort && gtk_column_view_get_sorter (self->column_view) != NULL)
    gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);

  /* Keys gone (deleted at the end of their waiting period). */
  for (guint j = g_list_model_get_n_items (model); j > 0; j--)
    {
      g_autoptr(RdsKeyItem) item = g_list_model_get_item (model, j - 1);

      if (!g_hash_table_contains (listed, rds_key_item_get_key_id (item)))
        g_list_store_remove (self->store, j - 1);
    }
}

static void
load_done (Load *load)
{
  RdsKeysPage *self = load->self;

  g_assert (load->pending > 0);
  if (--load->pending > 0)
    return;

  if (!g_cancellable_is_cancelled (load->cancellable))
    {
      self->loading = FALSE;
      self->loaded = TRUE;
      g_clear_pointer (&self->error, g_free);
      if (load->error != NULL)
        {
          self->error = g_strdup (load->error->message);
          /* Keys shown stay; the error says why they may be out of date. */
          if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
            gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", self->error);
        }
      else
        apply (self, load);
      update_used_by (self);
      update_state (self);
      update_actions (self);
      if (self->again)
        {
          self->again = FALSE;
          rds_keys_page_refresh (self);
        }
    }
  load_free (load);
}

/* TRUE when the load goes on with @answer. */
static gboolean
load_answer (Load           *load,
             RdsQueryResult *answer,
             GError         *error)
{
  if (answer != NULL)
    return !g_cancellable_is_cancelled (load->cancellable);
  if (load->error == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    load->error = g_error_copy (error);
  return FALSE;
}

static void load_keys_page    (Load       *load,
                               const char *marker);
static void load_aliases_page (Load       *load,
                               const char *marker);

static void
describe_key_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);

  if (load_answer (load, answer, error))
    {
      RdsKeyMetadata *metadata = rds_shape_get_object (answer->item, "key-metadata");

      if (metadata != NULL)
        g_ptr_array_add (load->metadata, g_object_ref (metadata));
    }
  load_done (load);
}

static void
list_keys_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);

  if (load_answer (load, answer, error))
    {
      GListModel *keys = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "keys"));
      const char *marker = rds_shape_get_string (answer->item, "next-marker");

      for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
        {
          g_autoptr(RdsShape) entry = g_list_model_get_item (keys, i);
          g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, "DescribeKey");

          rds_request_set (request, "KeyId", rds_shape_get_string (entry, "key-id"));
          load->pending++;
          rds_client_call_async (load->client, request, load->cancellable, describe_key_cb, load);
        }
      if (rds_shape_get_boolean (answer->item, "truncated") && marker != NULL)
        load_keys_page (load, marker);
    }
  load_done (load);
}

static void
load_keys_page (Load       *load,
                const char *marker)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, "ListKeys");

  rds_request_set_int (request, "Limit", PAGE_LIMIT);
  if (marker != NULL)
    rds_request_set (request, "Marker", marker);
  load->pending++;
  rds_client_call_async (load->client, request, load->cancellable, list_keys_cb, load);
}

static void
list_aliases_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);

  if (load_answer (load, answer, error))
    {
      GListModel *aliases = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "aliases"));
      const char *marker = rds_shape_get_string (answer->item, "next-marker");

      for (guint i = 0; i < g_list_model_get_n_items (aliases); i++)
        {
          g_autoptr(RdsShape) entry = g_list_model_get_item (aliases, i);
          const char *target = rds_shape_get_string (entry, "target-key-id");
          GPtrArray *names;

          /* Aliases the service keeps for keys it has not made yet name none. */
          if (target == NULL)
            continue;
          names = g_hash_table_lookup (load->aliases, target);
          if (names == NULL)
            {
              names = g_ptr_array_new_null_terminated (1, g_free, TRUE);
              g_hash_table_insert (load->aliases, g_strdup (target), names);
            }
          g_ptr_array_add (names, g_strdup (rds_shape_get_string (entry, "alias-name")));
        }
      if (rds_shape_get_boolean (answer->item, "truncated") && marker != NULL)
        load_aliases_page (load, marker);
    }
  load_done (load);
}

static void
load_aliases_page (Load       *load,
                   const char *marker)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_kms, "ListAliases");

  rds_request_set_int (request, "Limit", PAGE_LIMIT);
  if (marker != NULL)
    rds_request_set (request, "Marker", marker);
  load->pending++;
  rds_client_call_async (load->client, request, load->cancellable, list_aliases_cb, load);
}

/**
 * rds_keys_page_refresh:
 *
 * Lists the Region's keys again; a listing under way finishes first, then
 * the page asks once more.
 */
void
rds_keys_page_refresh (RdsKeysPage *self)
{
  RdsSession *session;
  Load *load;

  g_return_if_fail (RDS_IS_KEYS_PAGE (self));

  session = rds_page_get_session (RDS_PAGE (self));
  if (session == NULL)
    return;
  if (self->loading)
    {
      self->again = TRUE;
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->client = g_object_ref (rds_session_get_client (session));
  load->cancellable = g_object_ref (self->cancellable);
  load->metadata = g_ptr_array_new_with_free_func (g_object_unref);
  load->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  /* Held until both listings are started, so that neither ends it early. */
  load->pending = 1;
  load_keys_page (load, NULL);
  load_aliases_page (load, NULL);
  load_done (load);
  update_state (self);
}

/* Starting over: another Region, or another session. */
static void
restart (RdsKeysPage *self)
{
  g_cancellable_cancel (self->cancellable);
  self->loading = FALSE;
  self->loaded = FALSE;
  self->again = FALSE;
  g_clear_pointer (&self->error, g_free);
  g_list_store_remove_all (self->store);
  rds_keys_page_refresh (self);
  update_state (self);
  update_actions (self);
}

static void
time_moved_cb (RdsKeysPage *self)
{
  rds_keys_page_refresh (self);
}

/* The instances changed: which of them each key encrypts. The keys
 * themselves are asked for again when the window's Refresh asks
 * (page.refresh), not at each poll of the instances: a Region with many
 * keys would be listed again and again. */
static void
instances_refreshed_cb (RdsKeysPage *self)
{
  update_used_by (self);
}

/* Actions */

static void
changed_cb (RdsKeysPage *self)
{
  rds_keys_page_refresh (self);
}

static void
present_dialog (RdsKeysPage     *self,
                RdsActionDialog *dialog)
{
  g_signal_connect_object (dialog, "succeeded", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  rds_widget_present_over (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsKeysPage *self = RDS_KEYS_PAGE (widget);

  present_dialog (self, rds_create_key_dialog_new (rds_page_get_session (RDS_PAGE (self))));
}

static void
disable_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsKeysPage *self = RDS_KEYS_PAGE (widget);
  RdsKeyItem *key = selected_key (self);

  if (key != NULL)
    present_dialog (self, rds_disable_key_dialog_new (rds_page_get_session (RDS_PAGE (self)), key));
}

static void
schedule_deletion_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RdsKeysPage *self = RDS_KEYS_PAGE (widget);
  RdsKeyItem *key = selected_key (self);

  if (key != NULL)
    present_dialog (self, rds_schedule_key_deletion_dialog_new (rds_page_get_session (RDS_PAGE (self)), key));
}

typedef struct
{
  RdsKeysPage *self;
  char        *toast;
} Call;

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) answer = rds_session_call_finish (RDS_SESSION (object), result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_widget_activate_action (GTK_WIDGET (call->self), "win.toast", "s",
                                  answer != NULL ? call->toast : error->message);
      rds_keys_page_refresh (call->self);
    }
  g_object_unref (call->self);
  g_free (call->toast);
  g_free (call);
}

/* Enable and Cancel deletion: nothing to confirm, a toast says it is done. */
static void
call_on_key (RdsKeysPage *self,
             const char  *action,
             char        *toast)
{
  RdsKeyItem *key = selected_key (self);
  g_autoptr(RdsRequest) request = NULL;
  Call *call;

  if (key == NULL)
    {
      g_free (toast);
      return;
    }

  request = rds_request_new_for_api (&rds_api_kms, action);
  rds_request_set (request, "KeyId", rds_key_item_get_key_id (key));
  call = g_new0 (Call, 1);
  call->self = g_object_ref (self);
  call->toast = toast;
  rds_session_call_async (rds_page_get_session (RDS_PAGE (self)), request, self->calls, call_cb, call);
}

static void
enable_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsKeysPage *self = RDS_KEYS_PAGE (widget);
  RdsKeyItem *key = selected_key (self);
  g_autofree char *name = key != NULL ? rds_key_item_dup_name (key) : NULL;

  /* Translators: %s is a KMS key's alias or ID */
  call_on_key (self, "EnableKey", g_strdup_printf (_("Key %s enabled"), name));
}

static void
cancel_deletion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RdsKeysPage *self = RDS_KEYS_PAGE (widget);
  RdsKeyItem *key = selected_key (self);
  g_autofree char *name = key != NULL ? rds_key_item_dup_name (key) : NULL;

  /* Translators: %s is a KMS key's alias or ID */
  call_on_key (self, "CancelKeyDeletion",
               g_strdup_printf (_("Deletion of key %s canceled: the key is disabled until you enable it"), name));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rds_keys_page_refresh (RDS_KEYS_PAGE (widget));
}

static void
selection_changed_cb (RdsKeysPage *self)
{
  g_signal_group_set_target (self->item_signals, selected_key (self));
  update_actions (self);
}

/* RdsPage */

static void
rds_keys_page_session_changed (RdsPage *page)
{
  RdsKeysPage *self = RDS_KEYS_PAGE (page);
  RdsSession *session = rds_page_get_session (page);

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->instances_signals,
                             session != NULL ? rds_session_get_instances (session) : NULL);
  restart (self);
}

static gboolean
rds_keys_page_is_loading (RdsPage *page)
{
  RdsKeysPage *self = RDS_KEYS_PAGE (page);

  return self->loading || (!self->loaded && rds_page_get_session (page) != NULL);
}

/* GObject */

static void
rds_keys_page_dispose (GObject *object)
{
  RdsKeysPage *self = RDS_KEYS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->calls);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  if (self->instances_signals != NULL)
    g_signal_group_set_target (self->instances_signals, NULL);
  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_KEYS_PAGE);

  G_OBJECT_CLASS (rds_keys_page_parent_class)->dispose (object);
}

static void
rds_keys_page_finalize (GObject *object)
{
  RdsKeysPage *self = RDS_KEYS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->calls);
  g_clear_object (&self->store);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->instances_signals);
  g_clear_object (&self->item_signals);
  g_free (self->error);

  G_OBJECT_CLASS (rds_keys_page_parent_class)->finalize (object);
}

static void
rds_keys_page_class_init (RdsKeysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsPageClass *page_class = RDS_PAGE_CLASS (klass);

  object_class->dispose = rds_keys_page_dispose;
  object_class->finalize = rds_keys_page_finalize;
  page_class->session_changed = rds_keys_page_session_changed;
  page_class->is_loading = rds_keys_page_is_loading;

  g_type_ensure (RDS_TYPE_KEY_ITEM);
  g_type_ensure (RDS_TYPE_INFO_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rds-keys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsKeysPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdsKeysPage, region_label);
  gtk_widget_class_bind_template_child (widget_class, RdsKeysPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsKeysPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, RdsKeysPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RdsKeysPage, alias_column);
  gtk_widget_class_bind_template_child (widget_class, RdsKeysPage, selection);
  gtk_widget_class_bind_template_child (widget_class, RdsKeysPage, sort_model);

  gtk_widget_class_install_action (widget_class, "key.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "key.enable", NULL, enable_action);
  gtk_widget_class_install_action (widget_class, "key.disable", NULL, disable_action);
  gtk_widget_class_install_action (widget_class, "key.schedule-deletion", NULL, schedule_deletion_action);
  gtk_widget_class_install_action (widget_class, "key.cancel-deletion", NULL, cancel_deletion_action);
  gtk_widget_class_install_action (widget_class, "key.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "page.refresh", NULL, refresh_action);
}

static void
rds_keys_page_init (RdsKeysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (RDS_TYPE_KEY_ITEM);
  self->calls = g_cancellable_new ();
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->store));
  gtk_column_view_sort_by_column (self->column_view, self->alias_column, GTK_SORT_ASCENDING);

  self->session_signals = g_signal_group_new (RDS_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::region", G_CALLBACK (restart), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::simulated-time", G_CALLBACK (time_moved_cb),
                                  self);
  self->instances_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->instances_signals, "refreshed", G_CALLBACK (instances_refreshed_cb), self);
  self->item_signals = g_signal_group_new (RDS_TYPE_KEY_ITEM);
  g_signal_group_connect_swapped (self->item_signals, "notify::status-text", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  update_state (self);
  update_actions (self);
}

gboolean
rds_keys_page_get_loading (RdsKeysPage *self)
{
  g_return_val_if_fail (RDS_IS_KEYS_PAGE (self), FALSE);

  return self->loading;
}

/**
 * rds_keys_page_get_keys:
 *
 * Returns: (transfer none): the keys shown, as RdsKeyItems
 */
GListModel *
rds_keys_page_get_keys (RdsKeysPage *self)
{
  g_return_val_if_fail (RDS_IS_KEYS_PAGE (self), NULL);

  return G_LIST_MODEL (self->store);
}

GtkSingleSelection *
rds_keys_page_get_selection (RdsKeysPage *self)
{
  g_return_val_if_fail (RDS_IS_KEYS_PAGE (self), NULL);

  return self->selection;
}

/**
 * rds_keys_page_select_key:
 * @alias_or_id: an alias ("alias/NAME") or a key ID
 *
 * Selects that key's row, as a click on it does.
 *
 * Returns: whether the page shows that key
 */
gboolean
rds_keys_page_select_key (RdsKeysPage *self,
                          const char  *alias_or_id)
{
  GListModel *model;

  g_return_val_if_fail (RDS_IS_KEYS_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RdsKeyItem) key = g_list_model_get_item (model, i);
      const char * const *aliases = rds_key_item_get_aliases (key);

      if (g_strcmp0 (rds_key_item_get_key_id (key), alias_or_id) == 0 ||
          (aliases != NULL && g_strv_contains (aliases, alias_or_id)))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}
