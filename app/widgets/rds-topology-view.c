/* rds-topology-view.c: a database's deployment drawn: its Region, zones, standby and replicas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Region is a box and its Availability Zones columns in it. The
 * primary sits in its zone with the endpoint's name pointing at it; a
 * Multi-AZ standby in another zone, joined by the synchronous link (or,
 * while a conversion builds it, by the step under way); read replicas in
 * their zones below, each joined by an asynchronous link labelled with its
 * lag, and replicas in other Regions in boxes of their own. A zone that is
 * down is marked; a failover shows the endpoint moving to the standby.
 *
 * What DescribeDBInstances says is drawn for any endpoint. The simulator
 * tells more through /_sim/ (the standby's step, replicas' lag, zones down,
 * a failover under way), which the view polls every two seconds while it
 * is shown. Links in motion animate on the frame clock.
 *
 * The view is one cairo drawing; as an image it has an accessible
 * description that says all it shows, and it takes the keyboard focus so a
 * screen reader reaches it.
 */

#include "config.h"

#include "rds-topology-view.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rds-client.h"
#include "rds-format.h"
#include "rds-region.h"
#include "rds-resource-list.h"
#include "rds-session.h"

#define POLL_SECONDS 2
#define MARGIN 12.0
#define NODE_HEIGHT 66.0
#define NODE_GAP 44.0
#define ZONE_HEADER 30.0
#define REGION_HEADER 28.0
#define ENDPOINT_HEIGHT 44.0
#define REMOTE_WIDTH 210.0
#define MAX_DEPTH 3

typedef enum
{
  NODE_PRIMARY,
  NODE_STANDBY,
  NODE_REPLICA,
} NodeKind;

typedef struct
{
  NodeKind  kind;
  char     *id;
  char     *zone;         /* nullable: unknown (another Region) */
  char     *region;
  char     *status;       /* nullable: unknown */
  int       source;       /* index of the node it replicates from, -1 */
  double    lag;          /* seconds, NAN unknown */
  gboolean  broken;       /* replication stopped */
  int       step;         /* a standby being built: 0..2; -1 built */
  double    fraction;     /* of the step, -1 unknown */
  gboolean  lost;         /* a standby lost with its zone or host */
  gboolean  highlighted;  /* the database the page shows */
  gboolean  remote;       /* in another Region */
  graphene_rect_t box;
  PangoLayout *text;      /* what the box says, and its link's label: made */
  PangoLayout *label;     /* when first drawn, kept until the next rebuild */
} Node;

struct _RdsTopologyView
{
  GtkWidget        parent_instance;

  RdsSession      *session;
  RdsDbInstance   *instance;
  GListModel      *instances;    /* the Region's, the session's or set_state()'s */
  GSignalGroup    *instance_signals;
  GSignalGroup    *list_signals;
  GCancellable    *cancellable;
  guint            poll_id;
  guint            in_flight;
  gboolean         fetched;      /* the simulator answered since the instance was set */
  gint64           lags_asked;   /* when CloudWatch was last asked (another endpoint) */

  /* What the simulator said */
  JsonNode        *detail;       /* of the primary */
  GHashTable      *lags;         /* replica → double* seconds; absent: unknown */
  GHashTable      *broken;       /* replica → TRUE when replication stopped */
  GHashTable      *statuses;     /* replica in another Region → its status there */
  GStrv            zones_down;

  GArray          *nodes;        /* Node */
  GPtrArray       *zones;        /* the home Region's zones drawn, in order */
  GPtrArray       *remote_regions;
  char            *endpoint;
  char            *region;       /* without a session: the instance's */
  gboolean         failing_over;
  gboolean         laid_out_for_width;
  double           laid_out_width;
  double           natural_height;

  PangoLayout     *pango;        /* for every text, made when first drawn */
  GskRenderNode   *lines;        /* the lines that stay as they are, and what they are */
  char            *lines_key;

  guint            tick_id;
  gint64           tick_start;
  double           phase;        /* of moving dashes, 0..1 */
};

G_DEFINE_FINAL_TYPE (RdsTopologyView, rds_topology_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_INSTANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
node_clear (Node *node)
{
  g_clear_pointer (&node->id, g_free);
  g_clear_pointer (&node->zone, g_free);
  g_clear_pointer (&node->region, g_free);
  g_clear_pointer (&node->status, g_free);
  g_clear_object (&node->text);
  g_clear_object (&node->label);
}

static const char *
home_region (RdsTopologyView *self)
{
  if (self->session != NULL)
    return rds_session_get_region (self->session);
  return self->region != NULL ? self->region : "us-east-1";
}

/* "arn:aws:rds:REGION:ACCOUNT:db:ID" */
static gboolean
parse_arn (const char  *text,
           char       **region,
           char       **id)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || !g_str_has_prefix (text, "arn:"))
    return FALSE;
  parts = g_strsplit (text, ":", 7);
  if (g_strv_length (parts) != 7)
    return FALSE;
  *region = g_strdup (parts[3]);
  *id = g_strdup (parts[6]);
  return TRUE;
}

static RdsDbInstance *
find (RdsTopologyView *self,
      const char      *id)
{
  guint n = self->instances != NULL ? g_list_model_get_n_items (self->instances) : 0;

  if (id == NULL)
    return NULL;
  if (self->session != NULL)
    return rds_resource_list_find (rds_session_get_instances (self->session), id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdsDbInstance) item = g_list_model_get_item (self->instances, i);

      if (g_strcmp0 (rds_db_instance_get_identifier (item), id) == 0)
        return item;
    }
  return NULL;
}

static int
add_node (RdsTopologyView *self,
          NodeKind         kind,
          const char      *id,
          const char      *zone,
          const char      *region,
          const char      *status,
          int              source)
{
  Node node = { 0 };

  node.kind = kind;
  node.id = g_strdup (id);
  node.zone = g_strdup (zone);
  node.region = g_strdup (region);
  node.status = g_strdup (status);
  node.source = source;
  node.lag = NAN;
  node.step = -1;
  node.fraction = -1;
  node.remote = g_strcmp0 (region, home_region (self)) != 0;
  node.highlighted = self->instance != NULL && !node.remote && kind != NODE_STANDBY &&
                     g_strcmp0 (id, rds_db_instance_get_identifier (self->instance)) == 0;
  g_array_append_val (self->nodes, node);
  return (int) self->nodes->len - 1;
}

static void add_replicas (RdsTopologyView *self,
                          RdsDbInstance   *source,
                          int              source_index,
                          int              depth);

static void
add_replica (RdsTopologyView *self,
             const char      *name,
             int              source_index,
             int              depth)
{
  g_autofree char *region = NULL;
  g_autofree char *id = NULL;
  RdsDbInstance *replica;
  int index;
  Node *node;
  double *lag;

  if (parse_arn (name, &region, &id))
    {
      if (g_strcmp0 (region, home_region (self)) != 0)
        {
          int remote = add_node (self, NODE_REPLICA, id, NULL, region, g_hash_table_lookup (self->statuses, id),
                                 source_index);
          Node *there = &g_array_index (self->nodes, Node, remote);
          double *remote_lag = g_hash_table_lookup (self->lags, id);

          if (remote_lag != NULL)
            there->lag = *remote_lag;
          there->broken = g_hash_table_contains (self->broken, id);
          if (g_ptr_array_find_with_equal_func (self->remote_regions, region, g_str_equal, NULL) == FALSE)
            g_ptr_array_add (self->remote_regions, g_strdup (region));
          return;
        }
      name = id;
    }

  replica = find (self, name);
  index = add_node (self, NODE_REPLICA, name,
                    replica != NULL ? rds_shape_get_string (RDS_SHAPE (replica), "availability-zone") : NULL,
                    home_region (self),
                    replica != NULL ? rds_db_instance_get_status (replica) : NULL, source_index);
  node = &g_array_index (self->nodes, Node, index);
  lag = g_hash_table_lookup (self->lags, name);
  if (lag != NULL)
    node->lag = *lag;
  node->broken = g_hash_table_contains (self->broken, name);
  if (replica != NULL)
    {
      GListModel *infos = rds_shape_get_list (RDS_SHAPE (replica), "status-infos");

      /* Without the simulator, StatusInfos says whether it replicates. */
      for (guint i = 0; infos != NULL && i < g_list_model_get_n_items (infos); i++)
        {
          g_autoptr(RdsShape) info = g_list_model_get_item (infos, i);

          if (g_strcmp0 (rds_shape_get_string (info, "status-type"), "read replication") == 0 &&
              g_strcmp0 (rds_shape_get_string (info, "status"), "replicating") != 0)
            node->broken = TRUE;
        }
      if (depth < MAX_DEPTH)
        add_replicas (self, replica, index, depth + 1);
    }
}

static void
add_replicas (RdsTopologyView *self,
              RdsDbInstance   *source,
              int              source_index,
              int              depth)
{
  const char * const *names = rds_shape_get_strv (RDS_SHAPE (source), "read-replica-db-instance-identifiers");

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    add_replica (self, names[i], source_index, depth);
}

static gboolean
zone_is_down (RdsTopologyView *self,
              const char      *zone)
{
  return zone != NULL && self->zones_down != NULL && g_strv_contains ((const char * const *) self->zones_down, zone);
}

/* The primary's standby, as the simulator or the API tells it. */
static void
add_standby (RdsTopologyView *self,
             RdsDbInstance   *primary)
{
  JsonObject *detail = self->detail != NULL && JSON_NODE_HOLDS_OBJECT (self->detail)
                       ? json_node_get_object (self->detail) : NULL;
  JsonNode *standby_node = detail != NULL ? json_object_get_member (detail, "standby") : NULL;
  JsonObject *standby = standby_node != NULL && JSON_NODE_HOLDS_OBJECT (standby_node)
                        ? json_node_get_object (standby_node) : NULL;
  const char *state = standby != NULL ? json_object_get_string_member_with_default (standby, "state", "") : NULL;
  const char *zone = rds_shape_get_string (RDS_SHAPE (primary), "secondary-availability-zone");
  gboolean multi_az = rds_shape_get_boolean (RDS_SHAPE (primary), "multi-az");
  Node *node;
  int index;

  if (standby != NULL && json_object_get_string_member_with_default (standby, "zone", NULL) != NULL)
    zone = json_object_get_string_member (standby, "zone");
  if (g_strcmp0 (state, "removing") == 0 || (!multi_az && (state == NULL || g_str_equal (state, "none"))))
    return;
  if (!multi_az && state != NULL && !g_str_equal (state, "snapshot") && !g_str_equal (state, "restore") &&
      !g_str_equal (state, "sync") && !g_str_equal (state, "in-sync"))
    return;

  index = add_node (self, NODE_STANDBY, rds_db_instance_get_identifier (primary), zone, home_region (self),
                    NULL, 0);
  node = &g_array_index (self->nodes, Node, index);
  if (g_strcmp0 (state, "snapshot") == 0)
    node->step = 0;
  else if (g_strcmp0 (state, "restore") == 0)
    node->step = 1;
  else if (g_strcmp0 (state, "sync") == 0)
    node->step = 2;
  node->lost = g_strcmp0 (state, "lost") == 0 || zone_is_down (self, zone);
  if (node->step >= 0 && self->session != NULL)
    {
      gint64 now = rds_session_get_now (self->session) / G_USEC_PER_SEC;
      gint64 started = json_object_get_int_member_with_default (standby, "stepStarted", 0);
      gint64 ends = json_object_get_int_member_with_default (standby, "stepEnds", 0);

      if (ends > started)
        node->fraction = CLAMP ((double) (now - started) / (double) (ends - started), 0.0, 1.0);
    }
}

static int
compare_zones (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *describe (RdsTopologyView *self);
static void update_animation (RdsTopologyView *self);

/* Works out the nodes from the instances and what the simulator said. */
static void
rebuild (RdsTopologyView *self)
{
  RdsDbInstance *primary = self->instance;
  const RdsRegion *region = rds_region_lookup (home_region (self));
  JsonObject *detail = self->detail != NULL && JSON_NODE_HOLDS_OBJECT (self->detail)
                       ? json_node_get_object (self->detail) : NULL;
  g_autofree char *description = NULL;
  const char *source;
  int root;

  g_array_set_size (self->nodes, 0);
  g_ptr_array_set_size (self->zones, 0);
  g_ptr_array_set_size (self->remote_regions, 0);
  g_clear_pointer (&self->endpoint, g_free);
  self->failing_over = FALSE;
  self->laid_out_for_width = FALSE;

  if (self->instance == NULL)
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  /* The family from its top: a replica shows under its source. */
  for (int depth = 0; depth < MAX_DEPTH; depth++)
    {
      RdsDbInstance *up;

      source = rds_shape_get_string (RDS_SHAPE (primary), "read-replica-source-db-instance-identifier");
      up = source != NULL && !g_str_has_prefix (source, "arn:") ? find (self, source) : NULL;
      if (up == NULL)
        break;
      primary = up;
    }

  source = rds_shape_get_string (RDS_SHAPE (primary), "read-replica-source-db-instance-identifier");
  if (source != NULL && g_str_has_prefix (source, "arn:"))
    {
      /* The source is in another Region: drawn there. */
      g_autofree char *source_region = NULL;
      g_autofree char *source_id = NULL;

      if (parse_arn (source, &source_region, &source_id))
        {
          add_node (self, NODE_PRIMARY, source_id, NULL, source_region, NULL, -1);
          g_ptr_array_add (self->remote_regions, g_strdup (source_region));
          root = add_node (self, NODE_REPLICA, rds_db_instance_get_identifier (primary),
                           rds_shape_get_string (RDS_SHAPE (primary), "availability-zone"),
                           home_region (self), rds_db_instance_get_status (primary), 0);
          add_replicas (self, primary, root, 1);
          goto zones;
        }
    }

  root = add_node (self, NODE_PRIMARY, rds_db_instance_get_identifier (primary),
                   rds_shape_get_string (RDS_SHAPE (primary), "availability-zone"), home_region (self),
                   rds_db_instance_get_status (primary), -1);
  if (rds_shape_get_object (RDS_SHAPE (primary), "endpoint") != NULL)
    self->endpoint = g_strdup (rds_shape_get_string (rds_shape_get_object (RDS_SHAPE (primary), "endpoint"),
                                                     "address"));
  if (detail != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (detail, "instance", NULL),
                 rds_db_instance_get_identifier (primary)) == 0)
    self->failing_over = g_strcmp0 (json_object_get_string_member_with_default (detail, "operation", NULL),
                                    "failover") == 0;
  else
    g_clear_pointer (&self->detail, json_node_unref);
  add_standby (self, primary);
  add_replicas (self, primary, root, 1);

zones:
  /* The zones with something in them or down, at least three, in order. */
  {
    guint n = region != NULL ? rds_region_get_n_zones (region) : 0;
    guint shown = 0;

    for (int pass = 0; pass < 2; pass++)
      for (guint z = 0; z < n; z++)
        {
          g_autofree char *zone = rds_region_get_zone (region, z);
          gboolean used = zone_is_down (self, zone);

          for (guint i = 0; !used && i < self->nodes->len; i++)
            used = g_strcmp0 (g_array_index (self->nodes, Node, i).zone, zone) == 0;
          if (pass == 0 ? used : (!used && shown < 3))
            {
              g_ptr_array_add (self->zones, g_steal_pointer (&zone));
              shown++;
            }
        }
    g_ptr_array_sort (self->zones, compare_zones);
  }

  description = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  update_animation (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* What it says to a screen reader, and to tests */

static char *
node_status (const Node *node)
{
  return rds_format_status (NULL, node->status);
}

static char *
lag_text (const Node *node)
{
  if (node->broken)
    return g_strdup (_("replication stopped"));
  if (isnan (node->lag))
    return NULL;
  if (node->lag < 10)
    /* Translators: a read replica's lag behind its source, in seconds */
    return g_strdup_printf (_("lag %.1f s"), node->lag);
  if (node->lag < 120)
    return g_strdup_printf (_("lag %.0f s"), node->lag);
  if (node->lag < 3600)
    /* Translators: a read replica's lag behind its source, in minutes */
    return g_strdup_printf (_("lag %.0f min"), node->lag / 60);
  return g_strdup_printf (_("lag %.1f h"), node->lag / 3600);
}

/* The same, in a word, on the link. */
static const char *step_words[] = {
  N_("Snapshot"),
  N_("Restoring"),
  N_("Catching up"),
};

static const char *step_names[] = {
  N_("taking a snapshot of the primary"),
  N_("restoring the standby from the snapshot"),
  N_("synchronizing the standby"),
};

static char *
describe (RdsTopologyView *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const Node *node = &g_array_index (self->nodes, Node, i);
      g_autofree char *lag = NULL;

      switch (node->kind)
        {
        case NODE_PRIMARY:
          if (node->remote)
            /* Translators: a DB instance, then an AWS Region */
            g_string_append_printf (text, _("Primary %s in %s."), node->id, node->region);
          else
            {
              g_autofree char *status = node_status (node);

              /* Translators: a DB instance, an Availability Zone, a status */
              g_string_append_printf (text, _("Primary %s in %s, %s."), node->id, node->zone ? node->zone : "",
                                      status);
            }
          if (self->failing_over)
            g_string_append_printf (text, " %s", _("Failing over to the standby: the endpoint moves to it."));
          else if (self->endpoint != NULL)
            /* Translators: %s is a DNS name */
            g_string_append_printf (text, " %s", _("The endpoint points at it."));
          break;
        case NODE_STANDBY:
          if (node->lost)
            g_string_append_printf (text, _("Standby in %s lost; RDS replaces it."), node->zone ? node->zone : "");
          else if (node->step >= 0)
            /* Translators: an Availability Zone, then a step such as "synchronizing the standby" */
            g_string_append_printf (text, _("Standby being created in %s: %s."), node->zone ? node->zone : "",
                                    _(step_names[node->step]));
          else
            g_string_append_printf (text, _("Synchronous standby in %s, in sync."), node->zone ? node->zone : "");
          break;
        case NODE_REPLICA:
          lag = lag_text (node);
          if (node->remote)
            /* Translators: a read replica, then an AWS Region */
            g_string_append_printf (text, _("Read replica %s in %s."), node->id, node->region);
          else
            {
              g_autofree char *status = node_status (node);

              /* Translators: a read replica, an Availability Zone, a status */
              g_string_append_printf (text, _("Read replica %s in %s, %s."), node->id,
                                      node->zone ? node->zone : "", status);
            }
          if (lag != NULL)
            g_string_append_printf (text, " %s.", lag);
          break;
        default:
          break;
        }
      g_string_append_c (text, ' ');
    }
  for (guint i = 0; self->zones_down != NULL && self->zones_down[i] != NULL; i++)
    /* Translators: %s is an Availability Zone */
    g_string_append_printf (text, _("Availability Zone %s is down. "), self->zones_down[i]);

  if (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

/* Layout */

static int
zone_column (RdsTopologyView *self,
             const char      *zone)
{
  for (guint i = 0; zone != NULL && i < self->zones->len; i++)
    if (g_str_equal (g_ptr_array_index (self->zones, i), zone))
      return (int) i;
  return -1;
}

static int
remote_column (RdsTopologyView *self,
               const char      *region)
{
  for (guint i = 0; region != NULL && i < self->remote_regions->len; i++)
    if (g_str_equal (g_ptr_array_index (self->remote_regions, i), region))
      return (int) i;
  return 0;
}

static void
layout (RdsTopologyView *self,
        double           width)
{
  guint n_zones = MAX (self->zones->len, 1);
  guint n_remote = self->remote_regions->len;
  double home_width = width - 2 * MARGIN - (n_remote > 0 ? n_remote * (REMOTE_WIDTH + MARGIN) : 0);
  double column = (home_width - MARGIN) / n_zones;
  double top = MARGIN + ENDPOINT_HEIGHT + REGION_HEADER + ZONE_HEADER;
  g_autofree int *rows = g_new0 (int, n_zones + n_remote + 1);
  double bottom = top + NODE_HEIGHT;

  if (self->laid_out_for_width && self->laid_out_width == width)
    return;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = &g_array_index (self->nodes, Node, i);
      double w, x, y;
      int row;

      if (node->remote)
        {
          int r = remote_column (self, node->region);
          double left = MARGIN + home_width + MARGIN + r * (REMOTE_WIDTH + MARGIN);

          row = rows[n_zones + r]++;
          w = REMOTE_WIDTH - 2 * MARGIN;
          x = left + MARGIN;
        }
      else
        {
          int c = MAX (zone_column (self, node->zone), 0);

          /* The primary and its standby on the first row, replicas below. */
          row = node->kind == NODE_REPLICA ? MAX (rows[c], 1) : 0;
          rows[c] = row + 1;
          /* Room between neighbours for the link and its words. */
          w = CLAMP (column - MARGIN - 84, MIN (80.0, column - MARGIN), 200.0);
          x = MARGIN + MARGIN / 2 + c * column + (column - MARGIN - w) / 2;
        }
      y = top + row * (NODE_HEIGHT + NODE_GAP);
      node->box = GRAPHENE_RECT_INIT (x, y, w, NODE_HEIGHT);
      bottom = MAX (bottom, y + NODE_HEIGHT);
    }

  self->natural_height = bottom + MARGIN * 2;
  self->laid_out_width = width;
  self->laid_out_for_width = TRUE;
}

/* Drawing */

typedef struct
{
  GdkRGBA fg, dim, faint, accent, success, warning, error, card;
} Palette;

static void
palette (RdsTopologyView *self,
         Palette         *p)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &p->fg);
  p->dim = p->fg;
  p->dim.alpha *= 0.65f;
  p->faint = p->fg;
  p->faint.alpha *= 0.12f;
  if (!gtk_style_context_lookup_color (context, "accent_color", &p->accent))
    gdk_rgba_parse (&p->accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "success_color", &p->success))
    gdk_rgba_parse (&p->success, "#26a269");
  if (!gtk_style_context_lookup_color (context, "warning_color", &p->warning))
    gdk_rgba_parse (&p->warning, "#c64600");
  if (!gtk_style_context_lookup_color (context, "error_color", &p->error))
    gdk_rgba_parse (&p->error, "#c01c28");
  if (!gtk_style_context_lookup_color (context, "card_bg_color", &p->card))
    gdk_rgba_parse (&p->card, "#ffffff");
  /* The dark style's cards are translucent: made opaque over the window's
   * colour, so what is drawn over lines hides them. */
  if (p->card.alpha < 1.0f)
    {
      GdkRGBA under;

      if (!gtk_style_context_lookup_color (context, "window_bg_color", &under))
        gdk_rgba_parse (&under, "#242424");
      p->card.red = under.red * (1 - p->card.alpha) + p->card.red * p->card.alpha;
      p->card.green = under.green * (1 - p->card.alpha) + p->card.green * p->card.alpha;
      p->card.blue = under.blue * (1 - p->card.alpha) + p->card.blue * p->card.alpha;
      p->card.alpha = 1.0f;
    }
}

static void
fill_rounded (GtkSnapshot   *snapshot,
              double         x,
              double         y,
              double         w,
              double         h,
              double         r,
              const GdkRGBA *color)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, w, h), r);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_pop (snapshot);
}

static void
stroke_rounded (GtkSnapshot   *snapshot,
                double         x,
                double         y,
                double         w,
                double         h,
                double         r,
                float          width,
                const GdkRGBA *color)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, w, h), r);
  gtk_snapshot_append_border (snapshot, &rect, (float[4]) { width, width, width, width },
                              (GdkRGBA[4]) { *color, *color, *color, *color });
}

/* A layout of its own for text drawn every frame. */
static PangoLayout *
cached (RdsTopologyView  *self,
        PangoLayout     **layout,
        const char       *markup,
        double            width,
        PangoAlignment    align)
{
  if (*layout == NULL)
    {
      *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_ellipsize (*layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_markup (*layout, markup, -1);
      pango_layout_set_alignment (*layout, align);
    }
  pango_layout_set_width (*layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  return *layout;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
text (GtkSnapshot    *snapshot,
      PangoLayout    *pango,
      const char     *markup,
      double          x,
      double          y,
      double          width,
      PangoAlignment  align,
      const GdkRGBA  *color)
{
  pango_layout_set_markup (pango, markup, -1);
  pango_layout_set_width (pango, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_alignment (pango, align);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, pango, color);
  gtk_snapshot_restore (snapshot);
}

/* A cairo drawing only as large as what it draws: the lines. */
static cairo_t *
line_canvas (GtkSnapshot *snapshot,
             double       x1,
             double       y1,
             double       x2,
             double       y2)
{
  double pad = 12;

  return gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (MIN (x1, x2) - pad, MIN (y1, y2) - pad,
                                                                   fabs (x2 - x1) + 2 * pad,
                                                                   fabs (y2 - y1) + 2 * pad));
}

static void
arrow_head (cairo_t *cr,
            double   x,
            double   y,
            double   angle)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - 9 * cos (angle - 0.45), y - 9 * sin (angle - 0.45));
  cairo_line_to (cr, x - 9 * cos (angle + 0.45), y - 9 * sin (angle + 0.45));
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* What draw_link() draws: the lines that stay as they are (kept from one
 * frame to the next), the lines whose dashes move, or the words. */
typedef enum
{
  LINES_STILL,
  LINES_MOVING,
  WORDS,
} LinkPart;

static void
draw_link (RdsTopologyView *self,
           GtkSnapshot     *snapshot,
           PangoLayout     *pango,
           const Palette   *p,
           const Node      *from,
           const Node      *to,
           LinkPart         part)
{
  double x1, y1, x2, y2, mx, my;
  g_autofree char *label = NULL;
  g_autofree char *lag = NULL;
  const GdkRGBA *color;
  gboolean moving = FALSE;
  double dashes[] = { 6, 4 };
  gboolean remote = to->remote != from->remote;
  cairo_t *cr;

  if (to->kind == NODE_STANDBY)
    {
      /* Side by side on the first row. */
      gboolean right = to->box.origin.x > from->box.origin.x;

      x1 = right ? from->box.origin.x + from->box.size.width : from->box.origin.x;
      x2 = right ? to->box.origin.x : to->box.origin.x + to->box.size.width;
      y1 = y2 = from->box.origin.y + NODE_HEIGHT / 2;
      if (to->lost)
        {
          color = &p->error;
          label = g_strdup (_("Standby lost"));
        }
      else if (to->step >= 0)
        {
          color = &p->warning;
          moving = TRUE;
          label = g_strdup (_(step_words[to->step]));
        }
      else
        {
          color = &p->success;
          label = g_strdup (_("Synchronous"));
        }
    }
  else
    {
      if (remote)
        {
          /* From the bottom of the one here to the side of the one there. */
          const Node *here = from->remote ? to : from;
          const Node *there = from->remote ? from : to;

          x1 = here->box.origin.x + here->box.size.width / 2;
          y1 = here->box.origin.y + NODE_HEIGHT;
          x2 = there->box.origin.x;
          y2 = there->box.origin.y + NODE_HEIGHT / 2;
        }
      else
        {
          x1 = from->box.origin.x + from->box.size.width / 2;
          y1 = from->box.origin.y + NODE_HEIGHT;
          x2 = to->box.origin.x + to->box.size.width / 2;
          y2 = to->box.origin.y;
        }
      lag = lag_text (to);
      color = to->broken ? &p->error : &p->dim;
      moving = !to->broken && !isnan (to->lag) && to->lag >= 5;
      label = lag != NULL ? g_strdup_printf (_("Asynchronous · %s"), lag) : g_strdup (_("Asynchronous"));
    }

  if (part == WORDS)
    goto label;
  if (moving != (part == LINES_MOVING))
    return;

  cr = line_canvas (snapshot, MIN (x1, x2), MIN (y1, y2), MAX (x1, x2), MAX (y1, y2) + (remote ? NODE_GAP : 0));
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, to->kind == NODE_STANDBY && to->step < 0 && !to->lost ? 3.0 : 1.6);
  if (to->kind != NODE_STANDBY || to->step >= 0 || to->lost)
    cairo_set_dash (cr, dashes, 2, moving ? -self->phase * 10 : 0);
  cairo_move_to (cr, x1, y1);
  if (remote)
    /* Down under the first row, across, and in from the side. */
    cairo_curve_to (cr, x1, y1 + NODE_GAP, x2 - 60, y2, x2, y2);
  else if (y1 == y2)
    cairo_line_to (cr, x2, y2);
  else
    cairo_curve_to (cr, x1, (y1 + y2) / 2, x2, (y1 + y2) / 2, x2, y2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (to->kind != NODE_STANDBY)
    arrow_head (cr, x2, y2, remote ? 0 : y1 == y2 ? atan2 (y2 - y1, x2 - x1) : G_PI / 2);
  cairo_destroy (cr);
  return;

label:
  mx = (x1 + x2) / 2;
  my = remote ? MAX (y1, y2) + NODE_GAP / 2 : (y1 + y2) / 2;
  {
    g_autofree char *escaped = g_markup_escape_text (label, -1);
    g_autofree char *markup = g_strdup_printf ("<small>%s</small>", escaped);
    double w = y1 == y2 ? MAX (fabs (x2 - x1) - 4, 60) : 230;

    PangoLayout *layout = cached (self, &((Node *) to)->label, markup, w, PANGO_ALIGN_CENTER);
    PangoRectangle ink, logical;
    double ty = to->kind == NODE_STANDBY ? my - 20 : my - 8;

    /* On a patch of the card's colour, so lines behind don't blur it. */
    pango_layout_get_pixel_extents (layout, &ink, &logical);
    fill_rounded (snapshot, mx - w / 2 + logical.x - 3, ty + logical.y - 1, logical.width + 6, logical.height + 2, 4,
                  &p->card);
    append_layout (snapshot, layout, mx - w / 2, ty, to->broken || to->lost ? &p->error : &p->fg);
  }
}

static void
draw_node (RdsTopologyView *self,
           GtkSnapshot     *snapshot,
           PangoLayout     *pango,
           const Palette   *p,
           const Node      *node)
{
  const graphene_rect_t *b = &node->box;
  const GdkRGBA *edge = &p->dim;
  const char *role;
  g_autofree char *line = NULL;
  g_autofree char *markup = NULL;
  gboolean failed = g_strcmp0 (node->status, "failed") == 0 || node->lost ||
                    (!node->remote && zone_is_down (self, node->zone));
  gboolean dashed = node->kind == NODE_STANDBY && (node->step >= 0 || node->lost);

  switch (node->kind)
    {
    case NODE_PRIMARY:
      role = _("Primary");
      edge = &p->accent;
      break;
    case NODE_STANDBY:
      role = _("Standby");
      break;
    case NODE_REPLICA:
    default:
      role = _("Read replica");
      break;
    }
  if (failed)
    edge = &p->error;

  fill_rounded (snapshot, b->origin.x, b->origin.y, b->size.width, b->size.height, 8, &p->card);
  if (dashed)
    {
      /* Not there yet, or gone: a dashed outline. */
      cairo_t *cr = line_canvas (snapshot, b->origin.x, b->origin.y, b->origin.x + b->size.width,
                                 b->origin.y + b->size.height);
      double dashes[] = { 5, 4 };
      double x = b->origin.x + 0.75, y = b->origin.y + 0.75, w = b->size.width - 1.5, h = b->size.height - 1.5;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w - 8, y + 8, 8, -G_PI / 2, 0);
      cairo_arc (cr, x + w - 8, y + h - 8, 8, 0, G_PI / 2);
      cairo_arc (cr, x + 8, y + h - 8, 8, G_PI / 2, G_PI);
      cairo_arc (cr, x + 8, y + 8, 8, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_width (cr, 1.5);
      gdk_cairo_set_source_rgba (cr, edge);
      cairo_stroke (cr);
      cairo_destroy (cr);
    }
  else
    stroke_rounded (snapshot, b->origin.x, b->origin.y, b->size.width, b->size.height, 8,
                    node->highlighted ? 3.0f : 1.5f, edge);

  if (node->kind == NODE_STANDBY && node->step >= 0)
    /* Translators: a step of three, such as 2/3 */
    line = g_strdup_printf (_("Creating: step %d of 3"), node->step + 1);
  else if (node->kind == NODE_STANDBY)
    line = g_strdup (node->lost ? _("Lost") : _("In sync"));
  else if (node->remote && node->status == NULL)
    line = g_strdup (node->region);
  else
    line = node_status (node);
  if (node->text == NULL)
    {
      if (node->kind == NODE_STANDBY)
        markup = g_markup_printf_escaped ("<small>%s</small>\n<b>%s</b>\n<small>%s</small>", role, line,
                                          _("Not readable"));
      else
        markup = g_markup_printf_escaped ("<small>%s</small>\n<b>%s</b>\n<small>%s</small>", role, node->id,
                                          line);
    }
  append_layout (snapshot, cached (self, &((Node *) node)->text, markup, b->size.width - 16, PANGO_ALIGN_LEFT),
                 b->origin.x + 8, b->origin.y + 6, failed ? &p->error : &p->fg);

  /* A standby being built: how far its step is. */
  if (node->kind == NODE_STANDBY && node->step >= 0 && node->fraction >= 0)
    {
      double w = b->size.width - 16;

      gtk_snapshot_append_color (snapshot, &p->faint,
                                 &GRAPHENE_RECT_INIT (b->origin.x + 8, b->origin.y + b->size.height - 9, w, 4));
      gtk_snapshot_append_color (snapshot, &p->warning,
                                 &GRAPHENE_RECT_INIT (b->origin.x + 8, b->origin.y + b->size.height - 9,
                                                      w * node->fraction, 4));
    }
}

/* The arrow from the endpoint's name to the primary (or, moving, to the
 * standby that takes over). */
static void
draw_endpoint (RdsTopologyView *self,
               GtkSnapshot     *snapshot,
               const Palette   *p)
{
  const Node *target;
  double x, y = MARGIN + 20, start;
  double dashes[] = { 4, 4 };
  cairo_t *cr;

  if (self->endpoint == NULL || self->nodes->len == 0)
    return;
  target = &g_array_index (self->nodes, Node, 0);
  for (guint i = 0; self->failing_over && i < self->nodes->len; i++)
    if (g_array_index (self->nodes, Node, i).kind == NODE_STANDBY)
      target = &g_array_index (self->nodes, Node, i);
  x = target->box.origin.x + target->box.size.width / 2;
  start = MIN (x, MARGIN + 40);

  cr = line_canvas (snapshot, start, y, x, target->box.origin.y);
  gdk_cairo_set_source_rgba (cr, self->failing_over ? &p->warning : &p->accent);
  cairo_set_line_width (cr, 2);
  if (self->failing_over)
    cairo_set_dash (cr, dashes, 2, -self->phase * 8);
  cairo_move_to (cr, start, y);
  cairo_curve_to (cr, x, y, x, y, x, target->box.origin.y - 2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  arrow_head (cr, x, target->box.origin.y - 2, G_PI / 2);
  cairo_destroy (cr);
}

/* The colours the kept lines were drawn in: another style, other lines. */
static void
palette_key (const Palette *p,
             GString       *key)
{
  const GdkRGBA *colors[] = { &p->dim, &p->accent, &p->success, &p->warning, &p->error };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    g_string_append_printf (key, "%.3f %.3f %.3f %.3f ", colors[i]->red, colors[i]->green, colors[i]->blue,
                            colors[i]->alpha);
}

static void
draw (RdsTopologyView *self,
      GtkSnapshot     *snapshot,
      double           width)
{
  PangoLayout *pango = self->pango;
  guint n_zones = MAX (self->zones->len, 1);
  guint n_remote = self->remote_regions->len;
  double home_width = width - 2 * MARGIN - (n_remote > 0 ? n_remote * (REMOTE_WIDTH + MARGIN) : 0);
  double column = (home_width - MARGIN) / n_zones;
  double region_top = MARGIN + ENDPOINT_HEIGHT;
  double region_height = self->natural_height - region_top - MARGIN;
  const RdsRegion *region = rds_region_lookup (home_region (self));
  Palette p;

  palette (self, &p);

  /* The home Region and its zones */
  stroke_rounded (snapshot, MARGIN, region_top, home_width, region_height, 12, 1, &p.dim);
  {
    g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> <small>%s</small>", home_region (self),
                                                       region != NULL ? _(region->display_name) : "");

    text (snapshot, pango, markup, MARGIN + 12, region_top + 6, home_width - 24, PANGO_ALIGN_LEFT, &p.fg);
  }
  for (guint i = 0; i < self->zones->len; i++)
    {
      const char *zone = g_ptr_array_index (self->zones, i);
      double x = MARGIN + MARGIN / 2 + i * column;
      double y = region_top + REGION_HEADER;
      gboolean down = zone_is_down (self, zone);
      g_autofree char *markup = NULL;
      GdkRGBA tint = p.error;

      tint.alpha *= 0.12f;
      /* Outlined, cheap to paint; filled when down, to stand out. */
      if (down)
        fill_rounded (snapshot, x, y, column - MARGIN, region_height - REGION_HEADER - MARGIN / 2, 8, &tint);
      else
        stroke_rounded (snapshot, x, y, column - MARGIN, region_height - REGION_HEADER - MARGIN / 2, 8, 1,
                        &p.faint);
      markup = down ? g_markup_printf_escaped ("<small>%s · <b>%s</b></small>", zone, _("Zone down"))
                    : g_markup_printf_escaped ("<small>%s</small>", zone);
      text (snapshot, pango, markup, x + 8, y + 6, column - MARGIN - 16, PANGO_ALIGN_LEFT, down ? &p.error : &p.dim);
    }

  /* Other Regions */
  for (guint r = 0; r < n_remote; r++)
    {
      const char *name = g_ptr_array_index (self->remote_regions, r);
      const RdsRegion *other = rds_region_lookup (name);
      double x = MARGIN + home_width + MARGIN + r * (REMOTE_WIDTH + MARGIN);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>", name,
                                                         other != NULL ? _(other->display_name) : "");

      stroke_rounded (snapshot, x, region_top, REMOTE_WIDTH, region_height, 12, 1, &p.dim);
      text (snapshot, pango, markup, x + 12, region_top + 6, REMOTE_WIDTH - 24, PANGO_ALIGN_LEFT, &p.fg);
    }

  /* Lines that stay as they are, drawn once and kept while they do; those
   * that move, each frame; the nodes over them, and the words over all. */
  {
    g_autoptr(GString) key = g_string_new (NULL);

    g_string_append_printf (key, "%s %.0f|", self->failing_over ? "f" : "-", width);
    for (guint i = 0; i < self->nodes->len; i++)
      {
        const Node *node = &g_array_index (self->nodes, Node, i);

        g_string_append_printf (key, "%d %.0f %.0f %.0f %d %d %d %d %d %d|", node->source, node->box.origin.x,
                                node->box.origin.y, node->box.size.width, node->kind, node->step, node->lost,
                                node->broken, !isnan (node->lag) && node->lag >= 5, node->remote);
      }
    palette_key (&p, key);
    if (self->lines_key == NULL || !g_str_equal (key->str, self->lines_key))
      {
        GtkSnapshot *still = gtk_snapshot_new ();

        for (guint i = 0; i < self->nodes->len; i++)
          {
            const Node *node = &g_array_index (self->nodes, Node, i);

            if (node->source >= 0 && node->source < (int) self->nodes->len)
              draw_link (self, still, pango, &p, &g_array_index (self->nodes, Node, node->source), node,
                         LINES_STILL);
          }
        if (!self->failing_over)
          draw_endpoint (self, still, &p);
        g_clear_pointer (&self->lines, gsk_render_node_unref);
        self->lines = gtk_snapshot_free_to_node (still);
        g_free (self->lines_key);
        self->lines_key = g_string_free (g_steal_pointer (&key), FALSE);
      }
  }
  if (self->lines != NULL)
    gtk_snapshot_append_node (snapshot, self->lines);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const Node *node = &g_array_index (self->nodes, Node, i);

      if (node->source >= 0 && node->source < (int) self->nodes->len)
        draw_link (self, snapshot, pango, &p, &g_array_index (self->nodes, Node, node->source), node,
                   LINES_MOVING);
    }
  if (self->failing_over)
    draw_endpoint (self, snapshot, &p);
  for (guint i = 0; i < self->nodes->len; i++)
    draw_node (self, snapshot, pango, &p, &g_array_index (self->nodes, Node, i));
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const Node *node = &g_array_index (self->nodes, Node, i);

      if (node->source >= 0 && node->source < (int) self->nodes->len)
        draw_link (self, snapshot, pango, &p, &g_array_index (self->nodes, Node, node->source), node, WORDS);
    }

  /* The endpoint's name */
  if (self->endpoint != NULL && self->nodes->len > 0)
    {
      g_autofree char *markup = NULL;

      markup = g_markup_printf_escaped ("<small>%s</small> <tt>%s</tt>",
                                        self->failing_over ? _("Endpoint, moving to the standby:") : _("Endpoint:"),
                                        self->endpoint);
      text (snapshot, pango, markup, MARGIN, MARGIN, width - 2 * MARGIN, PANGO_ALIGN_LEFT, &p.fg);
    }
}

static void
rds_topology_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  RdsTopologyView *self = RDS_TOPOLOGY_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->nodes->len == 0 || width <= 0 || height <= 0)
    return;

  if (self->pango == NULL)
    {
      self->pango = gtk_widget_create_pango_layout (widget, NULL);
      pango_layout_set_ellipsize (self->pango, PANGO_ELLIPSIZE_END);
    }
  layout (self, width);
  draw (self, snapshot, width);
}

static void
rds_topology_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RdsTopologyView *self = RDS_TOPOLOGY_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 720 + (int) (self->remote_regions->len * (REMOTE_WIDTH + MARGIN));
    }
  else
    {
      layout (self, for_size > 0 ? for_size : 720);
      *minimum = *natural = self->nodes->len > 0 ? (int) ceil (self->natural_height) : 0;
    }
}

static GtkSizeRequestMode
rds_topology_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Animation: moving dashes while something is under way. */

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  RdsTopologyView *self = RDS_TOPOLOGY_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->tick_start == 0)
    self->tick_start = now;
  self->phase = fmod ((now - self->tick_start) / 1e6, 1.0) * 2;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
update_animation (RdsTopologyView *self)
{
  gboolean moving = self->failing_over;

  for (guint i = 0; !moving && i < self->nodes->len; i++)
    {
      const Node *node = &g_array_index (self->nodes, Node, i);

      moving = (node->kind == NODE_STANDBY && node->step >= 0) ||
               (node->kind == NODE_REPLICA && !node->broken && !isnan (node->lag) && node->lag >= 5);
    }

  /* No motion for those who asked for none. */
  if (moving)
    {
      GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
      gboolean animations = TRUE;

      g_object_get (settings, "gtk-enable-animations", &animations, NULL);
      moving = animations;
    }

  if (moving && self->tick_id == 0)
    {
      self->tick_start = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (!moving && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
      self->phase = 0;
    }
}

/* Polling the simulator */

static JsonNode *
instance_body (const char *id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "instance");
  json_builder_add_string_value (builder, id);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

typedef struct
{
  RdsTopologyView *self;
  char            *replica;   /* NULL: the primary's detail, or the faults */
  gboolean         faults;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->self);
  g_free (fetch->replica);
  g_free (fetch);
}

/* A replica's lag and whether it replicates, from /_sim/instance. */
static void
read_replica (RdsTopologyView *self,
              const char      *replica,
              JsonNode        *answer)
{
  JsonObject *object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  JsonNode *replication = object != NULL ? json_object_get_member (object, "replication") : NULL;
  JsonObject *r = replication != NULL && JSON_NODE_HOLDS_OBJECT (replication)
                  ? json_node_get_object (replication) : NULL;
  JsonNode *lag = r != NULL ? json_object_get_member (r, "lagSeconds") : NULL;

  if (lag != NULL && JSON_NODE_HOLDS_VALUE (lag))
    {
      double *value = g_new (double, 1);

      *value = json_node_get_double (lag);
      g_hash_table_insert (self->lags, g_strdup (replica), value);
    }
  else
    g_hash_table_remove (self->lags, replica);
  if (r != NULL && g_strcmp0 (json_object_get_string_member_with_default (r, "state", NULL), "error") == 0)
    g_hash_table_add (self->broken, g_strdup (replica));
  else
    g_hash_table_remove (self->broken, replica);
  if (object != NULL && json_object_get_string_member_with_default (object, "status", NULL) != NULL)
    g_hash_table_insert (self->statuses, g_strdup (replica),
                         g_strdup (json_object_get_string_member (object, "status")));
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fetch *fetch = user_data;
  RdsTopologyView *self = fetch->self;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object_answer;

  answer = rds_session_control_finish_answer (RDS_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fetch_free (fetch);
      return;
    }
  self->in_flight--;
  object_answer = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;

  if (object_answer != NULL && fetch->faults)
    {
      JsonNode *zones = json_object_get_member (object_answer, "zonesDown");
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; zones != NULL && JSON_NODE_HOLDS_ARRAY (zones) &&
                        i < json_array_get_length (json_node_get_array (zones)); i++)
        g_strv_builder_add (builder, json_array_get_string_element (json_node_get_array (zones), i));
      g_strfreev (self->zones_down);
      self->zones_down = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }
  else if (object_answer != NULL && fetch->replica != NULL)
    read_replica (self, fetch->replica, answer);
  else if (object_answer != NULL)
    {
      g_clear_pointer (&self->detail, json_node_unref);
      self->detail = g_steal_pointer (&answer);
    }

  if (self->in_flight == 0)
    {
      self->fetched = TRUE;
      rebuild (self);
    }
  fetch_free (fetch);
}

static void
remote_fetch_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fetch *fetch = user_data;
  RdsTopologyView *self = fetch->self;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = rds_client_control_finish (RDS_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fetch_free (fetch);
      return;
    }
  self->in_flight--;
  read_replica (self, fetch->replica, answer);
  if (self->in_flight == 0)
    {
      self->fetched = TRUE;
      rebuild (self);
    }
  fetch_free (fetch);
}

static void
fetch (RdsTopologyView *self,
       const char      *path,
       JsonNode        *body,
       const char      *replica,
       gboolean         faults)
{
  Fetch *data = g_new0 (Fetch, 1);

  data->self = g_object_ref (self);
  data->replica = g_strdup (replica);
  data->faults = faults;
  self->in_flight++;
  rds_session_control_async (self->session, path, body, self->cancellable, fetch_cb, data);
}

/* Another endpoint: the replicas' lag is CloudWatch's ReplicaLag, the
 * latest minute of the last five. */
typedef struct
{
  RdsTopologyView *self;
  GPtrArray       *replicas;   /* their identifiers, by query index */
} LagFetch;

static void
lags_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LagFetch *fetch = user_data;
  RdsTopologyView *self = fetch->self;
  g_autoptr(GError) error = NULL;
  RdsQueryResult *answer = rds_session_call_finish (RDS_SESSION (object), result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GListModel *results = answer != NULL ? rds_shape_get_list (answer->item, "metric-data-results") : NULL;

      self->in_flight--;
      for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(RdsShape) one = g_list_model_get_item (results, i);
          const char *id = rds_shape_get_string (one, "id");
          GArray *values = rds_shape_get_array (one, "values");
          guint index = id != NULL && id[0] == 'r' ? (guint) g_ascii_strtoull (id + 1, NULL, 10) : G_MAXUINT;

          if (index >= fetch->replicas->len)
            continue;
          if (values != NULL && values->len > 0)
            {
              double *lag = g_new (double, 1);

              /* Newest first, as CloudWatch answers by default. */
              *lag = g_array_index (values, double, 0);
              g_hash_table_insert (self->lags, g_strdup (g_ptr_array_index (fetch->replicas, index)), lag);
            }
        }
      if (self->in_flight == 0)
        {
          self->fetched = TRUE;
          rebuild (self);
        }
    }
  g_clear_pointer (&answer, rds_query_result_free);
  g_object_unref (fetch->self);
  g_ptr_array_unref (fetch->replicas);
  g_free (fetch);
}

static void
fetch_lags (RdsTopologyView *self)
{
  g_autoptr(RdsRequest) request = rds_request_new_for_api (&rds_api_monitoring, "GetMetricData");
  gint64 now = g_get_real_time ();
  LagFetch *fetch;
  guint n = 0;

  fetch = g_new0 (LagFetch, 1);
  fetch->replicas = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->nodes->len && n < 100; i++)
    {
      const Node *node = &g_array_index (self->nodes, Node, i);
      g_autofree char *prefix = NULL;
      g_autofree char *key = NULL;
      g_autofree char *id = NULL;

      if (node->kind != NODE_REPLICA || node->remote)
        continue;
      prefix = g_strdup_printf ("MetricDataQueries.member.%u.", n + 1);
      id = g_strdup_printf ("r%u", n);
#define SET(field, value) G_STMT_START { g_free (key); key = g_strconcat (prefix, field, NULL); \
  rds_request_set (request, key, value); } G_STMT_END
      SET ("Id", id);
      SET ("MetricStat.Metric.Namespace", "AWS/RDS");
      SET ("MetricStat.Metric.MetricName", "ReplicaLag");
      SET ("MetricStat.Metric.Dimensions.member.1.Name", "DBInstanceIdentifier");
      SET ("MetricStat.Metric.Dimensions.member.1.Value", node->id);
      SET ("MetricStat.Period", "60");
      SET ("MetricStat.Stat", "Maximum");
#undef SET
      g_ptr_array_add (fetch->replicas, g_strdup (node->id));
      n++;
    }
  if (n == 0)
    {
      g_ptr_array_unref (fetch->replicas);
      g_free (fetch);
      return;
    }
  rds_request_set_timestamp (request, "StartTime", now - (gint64) 5 * 60 * G_USEC_PER_SEC);
  rds_request_set_timestamp (request, "EndTime", now);
  fetch->self = g_object_ref (self);
  self->in_flight++;
  rds_session_call_async (self->session, request, self->cancellable, lags_cb, fetch);
}

/**
 * rds_topology_view_refresh:
 *
 * Asks the simulator again what it knows beyond the API; another
 * endpoint's CloudWatch, the replicas' lag.
 */
void
rds_topology_view_refresh (RdsTopologyView *self)
{
  g_return_if_fail (RDS_IS_TOPOLOGY_VIEW (self));

  rebuild (self);
  if (self->session == NULL || self->instance == NULL || self->in_flight > 0)
    return;
  if (!rds_session_is_simulator (self->session))
    {
      /* CloudWatch has a point a minute, and bills by the request. */
      if (self->lags_asked == 0 || g_get_monotonic_time () - self->lags_asked >= 60 * G_USEC_PER_SEC)
        {
          self->lags_asked = g_get_monotonic_time ();
          fetch_lags (self);
        }
      return;
    }

  {
    g_autoptr(JsonNode) empty = json_node_new (JSON_NODE_OBJECT);

    json_node_take_object (empty, json_object_new ());
    fetch (self, "faults", empty, NULL, TRUE);
  }
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const Node *node = &g_array_index (self->nodes, Node, i);
      g_autoptr(JsonNode) body = NULL;

      if (node->kind == NODE_STANDBY || (node->remote && node->kind != NODE_REPLICA))
        continue;
      body = instance_body (node->id);
      if (node->remote)
        {
          /* Asked in its own Region. */
          Fetch *data = g_new0 (Fetch, 1);

          data->self = g_object_ref (self);
          data->replica = g_strdup (node->id);
          self->in_flight++;
          rds_client_control_async (rds_session_get_region_client (self->session, node->region), "POST",
                                    "instance", body, self->cancellable, remote_fetch_cb, data);
          continue;
        }
      fetch (self, "instance", body, node->kind == NODE_REPLICA ? node->id : NULL, FALSE);
    }
}

static gboolean
poll_cb (gpointer user_data)
{
  rds_topology_view_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
changed_cb (RdsTopologyView *self)
{
  rebuild (self);
}

/* The simulator's clock moved: its steps and lags too. */
static void
time_cb (RdsTopologyView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rds_topology_view_refresh (self);
}

/* GObject */

static void
rds_topology_view_map (GtkWidget *widget)
{
  RdsTopologyView *self = RDS_TOPOLOGY_VIEW (widget);

  GTK_WIDGET_CLASS (rds_topology_view_parent_class)->map (widget);
  rds_topology_view_refresh (self);
  if (self->poll_id == 0)
    self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
}

static void
rds_topology_view_unmap (GtkWidget *widget)
{
  RdsTopologyView *self = RDS_TOPOLOGY_VIEW (widget);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  GTK_WIDGET_CLASS (rds_topology_view_parent_class)->unmap (widget);
}

static void
rds_topology_view_dispose (GObject *object)
{
  RdsTopologyView *self = RDS_TOPOLOGY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->instance_signals);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->instance);
  g_clear_object (&self->instances);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->detail, json_node_unref);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->lines, gsk_render_node_unref);
  g_clear_pointer (&self->lines_key, g_free);

  G_OBJECT_CLASS (rds_topology_view_parent_class)->dispose (object);
}

static void
rds_topology_view_finalize (GObject *object)
{
  RdsTopologyView *self = RDS_TOPOLOGY_VIEW (object);

  g_array_unref (self->nodes);
  g_ptr_array_unref (self->zones);
  g_ptr_array_unref (self->remote_regions);
  g_hash_table_unref (self->lags);
  g_hash_table_unref (self->broken);
  g_hash_table_unref (self->statuses);
  g_strfreev (self->zones_down);
  g_free (self->endpoint);
  g_free (self->region);

  G_OBJECT_CLASS (rds_topology_view_parent_class)->finalize (object);
}

static void
rds_topology_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdsTopologyView *self = RDS_TOPOLOGY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_INSTANCE:
      g_value_set_object (value, self->instance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_topology_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdsTopologyView *self = RDS_TOPOLOGY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rds_topology_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_INSTANCE:
      rds_topology_view_set_instance (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_topology_view_class_init (RdsTopologyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_topology_view_dispose;
  object_class->finalize = rds_topology_view_finalize;
  object_class->get_property = rds_topology_view_get_property;
  object_class->set_property = rds_topology_view_set_property;

  widget_class->snapshot = rds_topology_view_snapshot;
  widget_class->measure = rds_topology_view_measure;
  widget_class->get_request_mode = rds_topology_view_get_request_mode;
  widget_class->map = rds_topology_view_map;
  widget_class->unmap = rds_topology_view_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INSTANCE] =
    g_param_spec_object ("instance", NULL, NULL, RDS_TYPE_DB_INSTANCE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "topology");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rds_topology_view_init (RdsTopologyView *self)
{
  self->cancellable = g_cancellable_new ();
  self->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_set_clear_func (self->nodes, (GDestroyNotify) node_clear);
  self->zones = g_ptr_array_new_with_free_func (g_free);
  self->remote_regions = g_ptr_array_new_with_free_func (g_free);
  self->lags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->broken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->instance_signals = g_signal_group_new (RDS_TYPE_DB_INSTANCE);
  g_signal_group_connect_swapped (self->instance_signals, "notify", G_CALLBACK (changed_cb), self);
  self->list_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->list_signals, "items-changed", G_CALLBACK (changed_cb), self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Topology: the database's zones, standby and read replicas"), -1);
}

GtkWidget *
rds_topology_view_new (void)
{
  return g_object_new (RDS_TYPE_TOPOLOGY_VIEW, NULL);
}

RdsSession *
rds_topology_view_get_session (RdsTopologyView *self)
{
  g_return_val_if_fail (RDS_IS_TOPOLOGY_VIEW (self), NULL);

  return self->session;
}

void
rds_topology_view_set_session (RdsTopologyView *self,
                               RdsSession      *session)
{
  g_return_if_fail (RDS_IS_TOPOLOGY_VIEW (self));
  g_return_if_fail (session == NULL || RDS_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (rds_session_get_instances (self->session), self);
    }
  g_set_object (&self->session, session);
  self->lags_asked = 0;

  g_clear_object (&self->instances);
  if (session != NULL)
    {
      self->instances = g_object_ref (rds_resource_list_get_model (rds_session_get_instances (session)));
      g_signal_connect_object (session, "notify::simulated-time", G_CALLBACK (time_cb), self, G_CONNECT_SWAPPED);
      /* Fresh databases: ask the simulator again too. */
      g_signal_connect_object (rds_session_get_instances (session), "refreshed", G_CALLBACK (time_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_group_set_target (self->list_signals, self->instances);
  g_clear_pointer (&self->detail, json_node_unref);
  g_hash_table_remove_all (self->lags);
  g_hash_table_remove_all (self->broken);
  g_clear_pointer (&self->zones_down, g_strfreev);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

RdsDbInstance *
rds_topology_view_get_instance (RdsTopologyView *self)
{
  g_return_val_if_fail (RDS_IS_TOPOLOGY_VIEW (self), NULL);

  return self->instance;
}

void
rds_topology_view_set_instance (RdsTopologyView *self,
                                RdsDbInstance   *instance)
{
  g_return_if_fail (RDS_IS_TOPOLOGY_VIEW (self));
  g_return_if_fail (instance == NULL || RDS_IS_DB_INSTANCE (instance));

  if (!g_set_object (&self->instance, instance))
    return;

  g_signal_group_set_target (self->instance_signals, instance);
  g_clear_pointer (&self->detail, json_node_unref);
  g_hash_table_remove_all (self->lags);
  g_hash_table_remove_all (self->broken);
  self->fetched = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rds_topology_view_refresh (self);
  else
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTANCE]);
}

/**
 * rds_topology_view_describe:
 *
 * Returns: (transfer full): what the view shows, in words: its accessible
 *   description
 */
char *
rds_topology_view_describe (RdsTopologyView *self)
{
  g_return_val_if_fail (RDS_IS_TOPOLOGY_VIEW (self), NULL);

  return describe (self);
}

/**
 * rds_topology_view_is_loading:
 *
 * Returns: whether it waits for the simulator's answers, shown and not yet
 *   told what the simulator knows
 */
gboolean
rds_topology_view_is_loading (RdsTopologyView *self)
{
  g_return_val_if_fail (RDS_IS_TOPOLOGY_VIEW (self), FALSE);

  return gtk_widget_get_mapped (GTK_WIDGET (self)) && self->session != NULL &&
         rds_session_is_simulator (self->session) && self->instance != NULL &&
         (self->in_flight > 0 || !self->fetched);
}

gboolean
rds_topology_view_is_animating (RdsTopologyView *self)
{
  g_return_val_if_fail (RDS_IS_TOPOLOGY_VIEW (self), FALSE);

  return self->tick_id != 0;
}

void
rds_topology_view_set_state (RdsTopologyView    *self,
                             GListModel         *instances,
                             JsonNode           *detail,
                             GHashTable         *lags,
                             const char * const *zones_down)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (RDS_IS_TOPOLOGY_VIEW (self));
  g_return_if_fail (self->session == NULL);

  g_set_object (&self->instances, instances);
  g_free (self->region);
  self->region = NULL;
  if (self->instance != NULL && rds_db_instance_get_arn (self->instance) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (rds_db_instance_get_arn (self->instance), ":", 5);

      if (g_strv_length (parts) >= 4)
        self->region = g_strdup (parts[3]);
    }
  g_clear_pointer (&self->detail, json_node_unref);
  self->detail = detail != NULL ? json_node_ref (detail) : NULL;
  g_hash_table_remove_all (self->lags);
  if (lags != NULL)
    {
      g_hash_table_iter_init (&iter, lags);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          double *copy = g_new (double, 1);

          *copy = *(double *) value;
          g_hash_table_insert (self->lags, g_strdup (key), copy);
        }
    }
  g_strfreev (self->zones_down);
  self->zones_down = g_strdupv ((char **) zones_down);
  rebuild (self);
}
