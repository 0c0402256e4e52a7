/* rds-snapshot-page.c: a DB snapshot's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RDS console's page of one DB snapshot, opened from the Snapshots
 * page: its name and status, a summary (the DB instance it was taken of,
 * a link to that instance's page while it exists; its type, status and
 * progress, engine, creation time and size), its configuration, storage,
 * encryption (with the KMS key's alias, from ListAliases) and network,
 * where a copy came from, whom a manual snapshot is shared with
 * (DescribeDBSnapshotAttributes) and its tags. The Actions menu is the
 * Snapshots page's, offered by the same rule. The page follows the
 * snapshot by name in the session's list: it stays current with every
 * poll, and says so when the snapshot is gone.
 */

#include "config.h"

#include "rds-snapshot-page.h"

#include "rds-widget-util.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rds-client.h"
#include "rds-copy-snapshot-dialog.h"
#include "rds-db-snapshot.h"
#include "rds-delete-snapshot-dialog.h"
#include "rds-format.h"
#include "rds-heading.h"
#include "rds-link-button.h"
#include "rds-resource-list.h"
#include "rds-session.h"
#include "rds-share-snapshot-dialog.h"
#include "rds-snapshots-page.h"
#include "rds-status-badge.h"

/* The value of the restore attribute that makes a snapshot public. */
#define PUBLIC "all"

typedef char *(*ValueFunc) (RdsSnapshotPage *self,
                            RdsShape        *snapshot);

typedef struct
{
  GtkWidget *value;
  ValueFunc  func;
} Field;

struct _RdsSnapshotPage
{
  RdsPage          parent_instance;

  char            *identifier;
  RdsDbSnapshot   *snapshot;
  GSignalGroup    *snapshot_signals;
  GSignalGroup    *instances_signals;  /* the session's instances: is the link's target there? */
  GArray          *fields;
  GtkWidget       *copy_card;
  GListStore      *tags;

  /* Whom it is shared with */
  GtkStringList   *shared_with;        /* the values of its restore attribute */
  GCancellable    *sharing_cancellable;
  char            *sharing_of;         /* the snapshot the list is of */
  char            *sharing_error;
  gboolean         sharing_loading;

  /* Its KMS key's alias */
  GCancellable    *alias_cancellable;
  char            *alias_key;          /* the key asked about */
  char            *alias;              /* its alias, once known */
  gboolean         alias_loading;

  GtkWidget       *stack;
  AdwStatusPage   *gone_page;
  GtkWidget       *title_label;
  RdsStatusBadge  *status_badge;
  GtkWidget       *actions_button;
  GtkWidget       *summary_grid;
  GtkWidget       *sections_box;
  GtkWidget       *instance_link;
  GtkWidget       *instance_label;
  GtkWidget       *sharing_card;
  GtkWidget       *sharing_stack;
  GtkWidget       *sharing_list;
  GtkWidget       *sharing_note;
  GtkWidget       *sharing_error_label;
  GtkWidget       *tags_heading;
  GtkWidget       *tags_stack;
  GtkWidget       *tags_list;
};

G_DEFINE_FINAL_TYPE (RdsSnapshotPage, rds_snapshot_page, RDS_TYPE_PAGE)

enum {
  PROP_0,
  PROP_IDENTIFIER,
  PROP_SNAPSHOT,
  PROP_SHARING_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Values, as the RDS console writes them */

static char *
string_of (RdsShape   *shape,
           const char *name)
{
  return rds_format_or_dash (NULL, rds_shape_get_string (shape, name));
}

static char *
value_type (RdsSnapshotPage *self,
            RdsShape        *s)
{
  return rds_format_snapshot_type (NULL, rds_shape_get_string (s, "snapshot-type"));
}

/* "Available", or "Creating (45%)" while it is made or copied. */
static char *
value_status (RdsSnapshotPage *self,
              RdsShape        *s)
{
  const char *status = rds_shape_get_string (s, "status");
  g_autofree char *shown = rds_format_status (NULL, status);

  if (g_strcmp0 (status, "creating") == 0 || g_strcmp0 (status, "copying") == 0)
    {
      g_autofree char *percent = rds_format_percent (NULL, rds_shape_get_int (s, "percent-progress"));

      /* Translators: a snapshot's status and how far it is, "Creating (45%)" */
      return g_strdup_printf (_("%s (%s)"), shown, percent);
    }
  return g_steal_pointer (&shown);
}

static char *
value_engine (RdsSnapshotPage *self,
              RdsShape        *s)
{
  return rds_format_engine_version (NULL, rds_shape_get_string (s, "engine"),
                                    rds_shape_get_string (s, "engine-version"));
}

static char *
value_created (RdsSnapshotPage *self,
               RdsShape        *s)
{
  return rds_format_time (NULL, rds_shape_get_timestamp (s, "snapshot-create-time"));
}

static char *
value_storage (RdsSnapshotPage *self,
               RdsShape        *s)
{
  return rds_format_gib (NULL, rds_shape_get_int (s, "allocated-storage"));
}

static char *
value_engine_version (RdsSnapshotPage *self,
                      RdsShape        *s)
{
  return string_of (s, "engine-version");
}

static char *
value_license (RdsSnapshotPage *self,
               RdsShape        *s)
{
  return string_of (s, "license-model");
}

static char *
value_option_group (RdsSnapshotPage *self,
                    RdsShape        *s)
{
  return string_of (s, "option-group-name");
}

static char *
value_master_username (RdsSnapshotPage *self,
                       RdsShape        *s)
{
  return string_of (s, "master-username");
}

static char *
value_iam (RdsSnapshotPage *self,
           RdsShape        *s)
{
  return rds_format_enabled (NULL, rds_shape_get_boolean (s, "iam-database-authentication-enabled"));
}

static char *
value_instance_created (RdsSnapshotPage *self,
                        RdsShape        *s)
{
  return rds_format_time (NULL, rds_shape_get_timestamp (s, "instance-create-time"));
}

static char *
value_arn (RdsSnapshotPage *self,
           RdsShape        *s)
{
  return string_of (s, "db-snapshot-arn");
}

static char *
value_storage_type (RdsSnapshotPage *self,
                    RdsShape        *s)
{
  return rds_format_storage_type (NULL, rds_shape_get_string (s, "storage-type"));
}

static char *
value_iops (RdsSnapshotPage *self,
            RdsShape        *s)
{
  int iops = rds_shape_get_int (s, "iops");

  /* Translators: provisioned IOPS, "3000 IOPS" */
  return iops > 0 ? g_strdup_printf (_("%d IOPS"), iops) : g_strdup ("-");
}

static char *
value_throughput (RdsSnapshotPage *self,
                  RdsShape        *s)
{
  int value = rds_shape_get_int (s, "storage-throughput");

  /* Translators: a storage throughput */
  return value > 0 ? g_strdup_printf (_("%d MiB/s"), value) : g_strdup ("-");
}

static char *
value_encryption (RdsSnapshotPage *self,
                  RdsShape        *s)
{
  return g_strdup (rds_shape_get_boolean (s, "encrypted") ? _("Enabled") : _("Not enabled"));
}

static char *
value_kms_key (RdsSnapshotPage *self,
               RdsShape        *s)
{
  return string_of (s, "kms-key-id");
}

static char *
value_kms_alias (RdsSnapshotPage *self,
                 RdsShape        *s)
{
  if (self->alias != NULL && g_strcmp0 (self->alias_key, rds_shape_get_string (s, "kms-key-id")) == 0)
    return g_strdup (self->alias);
  return g_strdup ("-");
}

static char *
value_zone (RdsSnapshotPage *self,
            RdsShape        *s)
{
  return rds_format_zone (NULL, rds_shape_get_string (s, "availability-zone"));
}

static char *
value_vpc (RdsSnapshotPage *self,
           RdsShape        *s)
{
  return string_of (s, "vpc-id");
}

static char *
value_port (RdsSnapshotPage *self,
            RdsShape        *s)
{
  int port = rds_shape_get_int (s, "port");

  return port > 0 ? g_strdup_printf ("%d", port) : g_strdup ("-");
}

static char *
value_source_snapshot (RdsSnapshotPage *self,
                       RdsShape        *s)
{
  return string_of (s, "source-db-snapshot-identifier");
}

static char *
value_source_region (RdsSnapshotPage *self,
                     RdsShape        *s)
{
  const char *region = rds_shape_get_string (s, "source-region");
  const char *name = region != NULL ? rds_format_region_name (region) : NULL;

  if (region == NULL)
    return g_strdup ("-");
  if (g_strcmp0 (name, region) == 0)
    return g_strdup (region);
  /* Translators: a Region's name and code, "US East (N. Virginia) us-east-1" */
  return g_strdup_printf (_("%s %s"), name, region);
}

static char *
value_original_created (RdsSnapshotPage *self,
                        RdsShape        *s)
{
  return rds_format_time (NULL, rds_shape_get_timestamp (s, "original-snapshot-create-time"));
}

typedef struct
{
  const char *section;     /* NULL: same section as before */
  const char *label;
  ValueFunc   func;
  const char *info;        /* the concept the section's Info link explains */
  gboolean    wide;        /* a row of its own: a long value (an ARN) on one line */
} FieldInfo;

/* The summary's "DB instance" comes first, a link (see build_summary). */
static const FieldInfo summary_fields[] = {
  { NULL, N_("Snapshot type"), value_type },
  { NULL, N_("Status"), value_status },
  { NULL, N_("Engine"), value_engine },
  { NULL, N_("Snapshot creation time"), value_created },
  { NULL, N_("Allocated storage"), value_storage },
};

static const FieldInfo section_fields[] = {
  { N_("Configuration"), N_("Engine version"), value_engine_version, "backups" },
  { NULL, N_("License model"), value_license },
  { NULL, N_("Option group"), value_option_group },
  { NULL, N_("Master username"), value_master_username },
  { NULL, N_("IAM DB authentication"), value_iam },
  { NULL, N_("DB instance creation time"), value_instance_created },
  { NULL, N_("Availability Zone"), value_zone },
  { NULL, N_("VPC"), value_vpc },
  { NULL, N_("Port"), value_port },
  { NULL, N_("Amazon Resource Name (ARN)"), value_arn, NULL, TRUE },
  { N_("Storage & encryption"), N_("Storage type"), value_storage_type, "storage-types" },
  { NULL, N_("Provisioned IOPS"), value_iops },
  { NULL, N_("Storage throughput"), value_throughput },
  { NULL, N_("Encryption"), value_encryption },
  { NULL, N_("AWS KMS key"), value_kms_key },
  { NULL, N_("KMS key alias"), value_kms_alias },
};

/* Only for a copy. */
static const FieldInfo copy_fields[] = {
  { N_("Copied from"), N_("Source snapshot"), value_source_snapshot, "snapshot-copy" },
  { NULL, N_("Source Region"), value_source_region },
  { NULL, N_("Original snapshot creation time"), value_original_created },
};

/* Building the page */

static GtkWidget *
field_box (RdsSnapshotPage *self,
           const char      *label,
           ValueFunc        func)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = rds_caption_label_new (label);
  GtkWidget *value = gtk_label_new ("-");
  Field field = { value, func };

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  /* Selectable with the mouse, to copy an ARN; the keyboard never stops
   * on it. */
  rds_label_set_mouse_selectable (GTK_LABEL (value));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  caption, NULL, -1);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), value);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  g_array_append_val (self->fields, field);

  return box;
}

/* A card of fields, three to a row, as a database's page has them. */
#define FIELDS_PER_ROW 3

static GtkWidget *
new_section (GtkWidget  *parent,
             const char *title,
             const char *info,
             GtkWidget **card_out)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = rds_heading_new (title, "heading", info);
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "summary-card");
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_box_append (GTK_BOX (card), heading);
  gtk_box_append (GTK_BOX (card), grid);
  gtk_box_append (GTK_BOX (parent), card);
  if (card_out != NULL)
    *card_out = card;

  return grid;
}

static void
build_sections (RdsSnapshotPage *self,
                const FieldInfo *fields,
                guint            n_fields,
                GtkWidget      **card)
{
  GtkWidget *grid = NULL;
  guint n = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].section != NULL)
        {
          grid = new_section (self->sections_box, _(fields[i].section), fields[i].info, card);
          n = 0;
        }
      if (fields[i].wide)
        {
          n = (n + FIELDS_PER_ROW - 1) / FIELDS_PER_ROW * FIELDS_PER_ROW;
          gtk_grid_attach (GTK_GRID (grid), field_box (self, _(fields[i].label), fields[i].func),
                           0, n / FIELDS_PER_ROW, FIELDS_PER_ROW, 1);
          n += FIELDS_PER_ROW;
          continue;
        }
      gtk_grid_attach (GTK_GRID (grid), field_box (self, _(fields[i].label), fields[i].func),
                       n % FIELDS_PER_ROW, n / FIELDS_PER_ROW, 1, 1);
      n++;
    }
}

/* The summary: the DB instance first, a link to its page while it is in
 * the session's list (its name alone once it is gone), then the rest. */
static void
build_summary (RdsSnapshotPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = rds_caption_label_new (_("DB instance"));

  self->instance_link = g_object_new (RDS_TYPE_LINK_BUTTON, "action", "win.open-database", NULL);
  gtk_widget_set_tooltip_text (self->instance_link, _("Show the DB instance’s page"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->instance_link), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  caption, NULL, -1);
  self->instance_label = gtk_label_new ("-");
  gtk_label_set_xalign (GTK_LABEL (self->instance_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->instance_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->instance_label), PANGO_WRAP_WORD_CHAR);
  rds_label_set_mouse_selectable (GTK_LABEL (self->instance_label));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->instance_label), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  caption, NULL, -1);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), self->instance_link);
  gtk_box_append (GTK_BOX (box), self->instance_label);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (self->summary_grid), box, 0, 0, 1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (summary_fields); i++)
    gtk_grid_attach (GTK_GRID (self->summary_grid),
                     field_box (self, _(summary_fields[i].label), summary_fields[i].func),
                     (i + 1) % FIELDS_PER_ROW, (i + 1) / FIELDS_PER_ROW, 1, 1);
}

/* Keeping current */

static RdsResourceList *
snapshots_of (RdsSnapshotPage *self)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));

  return session != NULL ? rds_session_get_snapshots (session) : NULL;
}

static gboolean
is_manual (RdsSnapshotPage *self)
{
  return self->snapshot != NULL &&
         g_strcmp0 (rds_shape_get_string (RDS_SHAPE (self->snapshot), "snapshot-type"), "manual") == 0;
}

static void
update_actions (RdsSnapshotPage *self)
{
  rds_snapshots_page_enable_actions (GTK_WIDGET (self),
                                     rds_page_get_session (RDS_PAGE (self)) != NULL ? self->snapshot : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sharing.retry", is_manual (self));
}

static void
update_instance_link (RdsSnapshotPage *self)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  const char *instance = self->snapshot != NULL ? rds_db_snapshot_get_db_instance_identifier (self->snapshot)
                                                : NULL;
  gboolean exists = self->snapshot != NULL && session != NULL &&
                    rds_session_find_snapshot_instance (session, self->snapshot) != NULL;

  rds_link_button_set_target (RDS_LINK_BUTTON (self->instance_link), exists ? instance : NULL);
  gtk_label_set_label (GTK_LABEL (self->instance_label), instance != NULL ? instance : "-");
  gtk_widget_set_visible (self->instance_link, exists);
  gtk_widget_set_visible (self->instance_label, !exists);
}

static void
update_tags (RdsSnapshotPage *self)
{
  GListModel *tags = self->snapshot != NULL ? rds_shape_get_list (RDS_SHAPE (self->snapshot), "tag-list") : NULL;
  guint n = rds_shape_list_sync (self->tags, tags);
  g_autofree char *heading = NULL;

  /* Translators: the heading of a snapshot's tags, with how many there are */
  heading = g_strdup_printf (_("Tags (%u)"), n);
  rds_heading_set_label (RDS_HEADING (self->tags_heading), heading);
  gtk_stack_set_visible_child_name (GTK_STACK (self->tags_stack), n > 0 ? "list" : "empty");
}

/* Whom it is shared with: what is known, a spinner before, or why not. */
static void
update_sharing (RdsSnapshotPage *self)
{
  const char *type = self->snapshot != NULL ? rds_shape_get_string (RDS_SHAPE (self->snapshot), "snapshot-type")
                                            : NULL;
  gboolean known = self->sharing_of != NULL && g_strcmp0 (self->sharing_of, self->identifier) == 0;
  const char *page;

  /* Another account's snapshot: its owner decides. */
  gtk_widget_set_visible (self->sharing_card, g_strcmp0 (type, "shared") != 0);

  if (g_strcmp0 (type, "automated") == 0)
    {
      gtk_label_set_label (GTK_LABEL (self->sharing_note),
                           _("An automated snapshot can’t be shared. Copy it to a manual snapshot, "
                             "and share the copy."));
      page = "note";
    }
  else if (self->sharing_error != NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->sharing_error_label), self->sharing_error);
      page = "error";
    }
  else if (!known)
    page = "loading";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->shared_with)) == 0)
    {
      gtk_label_set_label (GTK_LABEL (self->sharing_note),
                           _("The snapshot is private: no other AWS account can copy or restore it."));
      page = "note";
    }
  else
    page = "list";

  gtk_stack_set_visible_child_name (GTK_STACK (self->sharing_stack), page);
}

static void
update (RdsSnapshotPage *self)
{
  RdsShape *snapshot = RDS_SHAPE (self->snapshot);

  update_actions (self);
  update_sharing (self);
  update_tags (self);

  if (snapshot == NULL)
    {
      RdsResourceList *list = snapshots_of (self);
      g_autofree char *description = NULL;

      /* Not gone before the Region's snapshots are known. */
      if (list != NULL && self->identifier != NULL && !rds_resource_list_get_loaded (list))
        {
          gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
          return;
        }

      if (self->identifier != NULL)
        /* Translators: %s is a DB snapshot's name */
        description = g_strdup_printf (_("There is no DB snapshot “%s” in this Region. It may have "
                                         "been deleted."), self->identifier);
      adw_status_page_set_description (self->gone_page, description);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "gone");
      return;
    }

  gtk_label_set_label (GTK_LABEL (self->title_label), rds_db_snapshot_get_identifier (self->snapshot));
  rds_status_badge_set_status (self->status_badge, rds_db_snapshot_get_status (self->snapshot));
  update_instance_link (self);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      g_autofree char *text = field->func (self, snapshot);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (field->value)), text) != 0)
        gtk_label_set_label (GTK_LABEL (field->value), text);
    }
  gtk_widget_set_visible (self->copy_card, rds_shape_get_string (snapshot, "source-db-snapshot-identifier") != NULL);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "snapshot");
}

/* The KMS key's alias */

static void
aliases_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RdsSnapshotPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) answer = rds_client_call_finish (RDS_CLIENT (object), result, &error);
  GListModel *aliases;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->alias_loading = FALSE;
  /* Without an alias (or a KMS that answers), the key's ARN says it all. */
  if (answer == NULL || answer->item == NULL)
    return;

  aliases = G_LIST_MODEL (rds_shape_ensure_list (answer->item, "aliases"));
  if (g_list_model_get_n_items (aliases) > 0)
    {
      g_autoptr(RdsShape) entry = g_list_model_get_item (aliases, 0);

      g_free (self->alias);
      self->alias = g_strdup (rds_shape_get_string (entry, "alias-name"));
      update (self);
    }
}

/* Asks for the alias of the snapshot's key, once per key. */
static void
load_alias (RdsSnapshotPage *self)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  const char *key = NULL;
  g_autoptr(RdsRequest) request = NULL;

  /* Another account's key is not this account's to ask about. */
  if (self->snapshot != NULL && rds_shape_get_boolean (RDS_SHAPE (self->snapshot), "encrypted") &&
      g_strcmp0 (rds_shape_get_string (RDS_SHAPE (self->snapshot), "snapshot-type"), "shared") != 0)
    key = rds_shape_get_string (RDS_SHAPE (self->snapshot), "kms-key-id");
  if (g_strcmp0 (key, self->alias_key) == 0)
    return;

  g_cancellable_cancel (self->alias_cancellable);
  g_clear_object (&self->alias_cancellable);
  g_clear_pointer (&self->alias, g_free);
  self->alias_loading = FALSE;
  g_free (self->alias_key);
  self->alias_key = g_strdup (key);
  if (key == NULL || session == NULL)
    return;

  self->alias_cancellable = g_cancellable_new ();
  self->alias_loading = TRUE;
  request = rds_request_new_for_api (&rds_api_kms, "ListAliases");
  rds_request_set (request, "KeyId", key);
  rds_client_call_async (rds_session_get_client (session), request, self->alias_cancellable, aliases_cb,
                         g_object_ref (self));
}

/* Whom it is shared with */

static void
set_sharing_loading (RdsSnapshotPage *self,
                     gboolean         loading)
{
  if (self->sharing_loading == loading)
    return;
  self->sharing_loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARING_LOADING]);
}

static void
attributes_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RdsSnapshotPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdsQueryResult) answer = rds_session_call_finish (RDS_SESSION (object), result, &error);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  GListModel *attributes;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_sharing_loading (self, FALSE);
  g_clear_pointer (&self->sharing_error, g_free);
  if (answer == NULL)
    {
      /* Translators: %s is the service's error message */
      self->sharing_error = g_strdup_printf (_("Whom the snapshot is shared with could not be read: %s"),
                                             error->message);
      update_sharing (self);
      return;
    }

  /* An answer without a result is one without attributes. */
  attributes = answer->item != NULL
               ? G_LIST_MODEL (rds_shape_ensure_list (answer->item, "db-snapshot-attributes")) : NULL;
  for (guint i = 0; attributes != NULL && i < g_list_model_get_n_items (attributes); i++)
    {
      g_autoptr(RdsShape) attribute = g_list_model_get_item (attributes, i);
      const char * const *restore = rds_shape_get_strv (attribute, "attribute-values");

      if (g_strcmp0 (rds_shape_get_string (attribute, "attribute-name"), "restore") != 0)
        continue;
      /* Public first, then the accounts. */
      if (restore != NULL && g_strv_contains (restore, PUBLIC))
        g_ptr_array_add (values, (gpointer) PUBLIC);
      for (guint j = 0; restore != NULL && restore[j] != NULL; j++)
        if (!g_str_equal (restore[j], PUBLIC))
          g_ptr_array_add (values, (gpointer) restore[j]);
    }

  /* The rows stay where nothing changed (a poll's answer, the same). */
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shared_with));
    gboolean same = n == values->len;

    for (guint i = 0; same && i < n; i++)
      same = g_str_equal (gtk_string_list_get_string (self->shared_with, i), g_ptr_array_index (values, i));
    if (!same)
      {
        g_ptr_array_add (values, NULL);
        gtk_string_list_splice (self->shared_with, 0, n, (const char * const *) values->pdata);
      }
  }
  g_free (self->sharing_of);
  self->sharing_of = g_strdup (self->identifier);
  update_sharing (self);
}

/* Asks whom the snapshot is shared with. @replace: a newer answer is
 * wanted (the snapshot changed, it was shared): what is in flight is
 * cancelled; else (a poll) nothing is asked while it is. */
static void
cancel_sharing (RdsSnapshotPage *self)
{
  g_cancellable_cancel (self->sharing_cancellable);
  g_clear_object (&self->sharing_cancellable);
  set_sharing_loading (self, FALSE);
}

static void
load_sharing (RdsSnapshotPage *self,
              gboolean         replace)
{
  RdsSession *session = rds_page_get_session (RDS_PAGE (self));
  g_autoptr(RdsRequest) request = NULL;

  if (!replace && self->sharing_loading)
    return;
  cancel_sharing (self);
  if (session == NULL || !is_manual (self))
    return;

  self->sharing_cancellable = g_cancellable_new ();
  set_sharing_loading (self, TRUE);
  request = rds_request_new ("DescribeDBSnapshotAttributes");
  rds_request_set (request, "DBSnapshotIdentifier", self->identifier);
  rds_session_call_async (session, request, self->sharing_cancellable, attributes_cb, g_object_ref (self));
}

/* An icon beside a row's words, which screen readers pass over. */
static void
add_icon (GtkWidget  *row,
          const char *icon_name)
{
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", icon_name,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  const char *value = gtk_string_object_get_string (item);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (g_str_equal (value, PUBLIC))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Public"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Every AWS account can copy and restore it"));
      add_icon (row, "security-low-symbolic");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("AWS account"));
      add_icon (row, "avatar-default-symbolic");
    }

  return row;
}

/* Following the snapshot */

static void
set_snapshot (RdsSnapshotPage *self,
              RdsDbSnapshot   *snapshot)
{
  if (g_set_object (&self->snapshot, snapshot))
    {
      g_signal_group_set_target (self->snapshot_signals, snapshot);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
    }
  load_alias (self);
  /* Not yet asked whom this one is shared with. */
  if (self->snapshot != NULL && g_strcmp0 (self->sharing_of, self->identifier) != 0 && !self->sharing_loading &&
      self->sharing_error == NULL)
    load_sharing (self, FALSE);
  update (self);
}

static void
find_snapshot (RdsSnapshotPage *self)
{
  RdsResourceList *list = snapshots_of (self);
  RdsDbSnapshot *snapshot = NULL;

  if (list != NULL && self->identifier != NULL)
    snapshot = rds_resource_list_find (list, self->identifier);

  /* Before the first answer, an unknown snapshot is not yet gone. */
  if (snapshot == NULL && list != NULL && !rds_resource_list_get_loaded (list))
    {
      update (self);
      return;
    }

  set_snapshot (self, snapshot);
}

/* Each poll: the snapshot, and (shown) whom it is shared with. */
/* The snapshots were listed again (a poll): the snapshot as it is now.
 * Whom it is shared with is asked again when the window's Refresh asks
 * (page.refresh), after a share, and when the page is shown. */
static void
refreshed_cb (RdsSnapshotPage *self)
{
  find_snapshot (self);
}

static void
page_refresh_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  load_sharing (RDS_SNAPSHOT_PAGE (widget), TRUE);
}

static void
snapshot_changed_cb (RdsSnapshotPage *self)
{
  load_alias (self);
  update (self);
}

/* Actions: as on the Snapshots page, for this snapshot. */

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (widget);

  if (self->snapshot != NULL)
    gtk_widget_activate_action (widget, "win.restore-snapshot", "s", rds_db_snapshot_get_identifier (self->snapshot));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (widget);

  if (self->snapshot != NULL)
    rds_widget_present_over (widget, GTK_WINDOW (rds_copy_snapshot_dialog_new (rds_page_get_session (RDS_PAGE (self)),
                                                                               self->snapshot)));
}

static void
shared_cb (RdsSnapshotPage *self)
{
  load_sharing (self, TRUE);
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (widget);
  RdsActionDialog *dialog;

  if (self->snapshot == NULL)
    return;
  dialog = rds_share_snapshot_dialog_new (rds_page_get_session (RDS_PAGE (self)), self->snapshot);
  /* Saved: the page lists whom it is shared with now. */
  g_signal_connect_object (dialog, "succeeded", G_CALLBACK (shared_cb), self, G_CONNECT_SWAPPED);
  rds_widget_present_over (widget, GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (widget);

  if (self->snapshot != NULL)
    rds_widget_present_over (widget,
                             GTK_WINDOW (rds_delete_snapshot_dialog_new (rds_page_get_session (RDS_PAGE (self)),
                                                                         self->snapshot)));
}

static void
retry_sharing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (widget);

  g_clear_pointer (&self->sharing_error, g_free);
  load_sharing (self, TRUE);
  update_sharing (self);
}

/* GObject */

static void
rds_snapshot_page_dispose (GObject *object)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (object);

  g_cancellable_cancel (self->sharing_cancellable);
  g_cancellable_cancel (self->alias_cancellable);
  g_clear_object (&self->snapshot_signals);
  g_clear_object (&self->instances_signals);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->tags);
  g_clear_object (&self->shared_with);
  gtk_widget_dispose_template (GTK_WIDGET (self), RDS_TYPE_SNAPSHOT_PAGE);

  G_OBJECT_CLASS (rds_snapshot_page_parent_class)->dispose (object);
}

static void
rds_snapshot_page_finalize (GObject *object)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (object);

  g_clear_object (&self->sharing_cancellable);
  g_clear_object (&self->alias_cancellable);
  g_clear_pointer (&self->fields, g_array_unref);
  g_free (self->identifier);
  g_free (self->sharing_of);
  g_free (self->sharing_error);
  g_free (self->alias_key);
  g_free (self->alias);

  G_OBJECT_CLASS (rds_snapshot_page_parent_class)->finalize (object);
}

static void
rds_snapshot_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (object);

  switch (prop_id)
    {
    case PROP_IDENTIFIER:
      g_value_set_string (value, self->identifier);
      break;
    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;
    case PROP_SHARING_LOADING:
      g_value_set_boolean (value, self->sharing_loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_snapshot_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (object);

  switch (prop_id)
    {
    case PROP_IDENTIFIER:
      rds_snapshot_page_set_identifier (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_snapshot_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rds_snapshot_page_parent_class)->map (widget);

  /* Shown again: whom it is shared with may have changed meanwhile. */
  load_sharing (RDS_SNAPSHOT_PAGE (widget), FALSE);
}

static RdsResourceList *
rds_snapshot_page_get_list (RdsPage    *page,
                            RdsSession *session)
{
  return rds_session_get_snapshots (session);
}

static gboolean
rds_snapshot_page_is_loading (RdsPage *page)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (page);

  return self->sharing_loading || self->alias_loading;
}

static void
rds_snapshot_page_session_changed (RdsPage *page)
{
  RdsSnapshotPage *self = RDS_SNAPSHOT_PAGE (page);
  RdsSession *session = rds_page_get_session (page);

  g_signal_group_set_target (self->instances_signals, session != NULL ? rds_session_get_instances (session) : NULL);
  /* Another endpoint: what was known of the last one's snapshot goes. */
  g_clear_pointer (&self->sharing_of, g_free);
  g_clear_pointer (&self->sharing_error, g_free);
  g_clear_pointer (&self->alias_key, g_free);
  g_clear_pointer (&self->alias, g_free);
  g_cancellable_cancel (self->alias_cancellable);
  g_clear_object (&self->alias_cancellable);
  self->alias_loading = FALSE;
  cancel_sharing (self);
  set_snapshot (self, NULL);
  find_snapshot (self);
}

static void
rds_snapshot_page_class_init (RdsSnapshotPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdsPageClass *page_class = RDS_PAGE_CLASS (klass);

  object_class->dispose = rds_snapshot_page_dispose;
  object_class->finalize = rds_snapshot_page_finalize;
  object_class->get_property = rds_snapshot_page_get_property;
  object_class->set_property = rds_snapshot_page_set_property;
  widget_class->map = rds_snapshot_page_map;
  page_class->get_list = rds_snapshot_page_get_list;
  page_class->session_changed = rds_snapshot_page_session_changed;
  page_class->is_loading = rds_snapshot_page_is_loading;

  properties[PROP_IDENTIFIER] =
    g_param_spec_string ("identifier", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL, RDS_TYPE_DB_SNAPSHOT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHARING_LOADING] =
    g_param_spec_boolean ("sharing-loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RDS_TYPE_STATUS_BADGE);
  g_type_ensure (RDS_TYPE_HEADING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rds-snapshot-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, gone_page);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, status_badge);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, actions_button);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, summary_grid);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, sharing_card);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, sharing_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, sharing_list);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, sharing_note);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, sharing_error_label);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, tags_heading);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, tags_stack);
  gtk_widget_class_bind_template_child (widget_class, RdsSnapshotPage, tags_list);

  gtk_widget_class_install_action (widget_class, "snapshot.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "snapshot.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "snapshot.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "snapshot.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "sharing.retry", NULL, retry_sharing_action);
  gtk_widget_class_install_action (widget_class, "page.refresh", NULL, page_refresh_action);
}

static void
rds_snapshot_page_init (RdsSnapshotPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  build_summary (self);
  build_sections (self, section_fields, G_N_ELEMENTS (section_fields), NULL);
  build_sections (self, copy_fields, G_N_ELEMENTS (copy_fields), &self->copy_card);
  gtk_widget_set_visible (self->copy_card, FALSE);

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->actions_button), rds_snapshots_page_get_actions_menu ());

  self->shared_with = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->sharing_list), G_LIST_MODEL (self->shared_with),
                           create_account_row, NULL, NULL);
  self->tags = g_list_store_new (RDS_TYPE_SHAPE);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->tags_list), G_LIST_MODEL (self->tags), rds_tag_row_new, NULL, NULL);

  self->snapshot_signals = g_signal_group_new (RDS_TYPE_DB_SNAPSHOT);
  g_signal_group_connect_swapped (self->snapshot_signals, "notify", G_CALLBACK (snapshot_changed_cb), self);
  g_signal_group_connect_swapped (rds_page_get_list_signals (RDS_PAGE (self)), "refreshed",
                                  G_CALLBACK (refreshed_cb), self);
  self->instances_signals = g_signal_group_new (RDS_TYPE_RESOURCE_LIST);
  g_signal_group_connect_swapped (self->instances_signals, "refreshed", G_CALLBACK (update_instance_link), self);

  update (self);
}

const char *
rds_snapshot_page_get_identifier (RdsSnapshotPage *self)
{
  g_return_val_if_fail (RDS_IS_SNAPSHOT_PAGE (self), NULL);

  return self->identifier;
}

void
rds_snapshot_page_set_identifier (RdsSnapshotPage *self,
                                  const char      *identifier)
{
  g_return_if_fail (RDS_IS_SNAPSHOT_PAGE (self));

  if (g_strcmp0 (self->identifier, identifier) == 0)
    return;

  g_free (self->identifier);
  self->identifier = g_strdup (identifier);
  /* Another snapshot: nothing known of whom it is shared with. */
  g_clear_pointer (&self->sharing_error, g_free);
  cancel_sharing (self);
  set_snapshot (self, NULL);
  find_snapshot (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTIFIER]);
}

/**
 * rds_snapshot_page_get_snapshot:
 *
 * Returns: (transfer none) (nullable): the snapshot shown
 */
RdsDbSnapshot *
rds_snapshot_page_get_snapshot (RdsSnapshotPage *self)
{
  g_return_val_if_fail (RDS_IS_SNAPSHOT_PAGE (self), NULL);

  return self->snapshot;
}

/* Whether whom it is shared with is being asked for. */
gboolean
rds_snapshot_page_get_sharing_loading (RdsSnapshotPage *self)
{
  g_return_val_if_fail (RDS_IS_SNAPSHOT_PAGE (self), FALSE);

  return self->sharing_loading;
}

/**
 * rds_snapshot_page_get_shared_with:
 *
 * Returns: (transfer none): the values of the snapshot's restore
 *   attribute the page lists, as GtkStringObjects: account IDs, and
 *   "all" when it is public
 */
GListModel *
rds_snapshot_page_get_shared_with (RdsSnapshotPage *self)
{
  g_return_val_if_fail (RDS_IS_SNAPSHOT_PAGE (self), NULL);

  return G_LIST_MODEL (self->shared_with);
}
