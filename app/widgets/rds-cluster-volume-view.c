/* rds-cluster-volume-view.c: an Aurora cluster's volume drawn: six copies in three zones, the quorums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cluster's three Availability Zones are columns; each holds two of
 * the volume's six copies (up, lost, being repaired from their peers, or
 * down with their zone) and, below the volume, the cluster's instances in
 * it, the writer marked. Above, what the copies mean: writes need four of
 * the six copies of every protection group, reads three, and whether the
 * cluster has them; the volume's size and its protection groups; a
 * failover under way. Nobody sees this in the AWS console: the simulator
 * tells it through /_sim/cluster, which the view asks every two seconds
 * while it is shown (and when the clock jumps). Copies being repaired
 * move on the frame clock.
 *
 * As an image it has an accessible description that says all it shows,
 * and it takes the keyboard focus so a screen reader reaches it.
 */

#include "config.h"

#include "rds-cluster-volume-view.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rds-db-cluster.h"
#include "rds-db-cluster-member.h"
#include "rds-db-instance.h"
#include "rds-format.h"
#include "rds-resource-list.h"
#include "rds-session.h"

#define POLL_SECONDS 2
#define MARGIN 12.0
#define HEADER_HEIGHT 58.0
#define ZONE_HEADER 30.0
#define COPY_HEIGHT 40.0
#define COPY_GAP 8.0
#define INSTANCE_HEIGHT 48.0
#define VOLUME_LABEL 24.0

typedef enum
{
  COPY_UP,
  COPY_DOWN,          /* its zone is down */
  COPY_REPAIRING,     /* lost, copied again from its peers */
  COPY_CATCHING_UP,   /* its zone is back: it catches up */
} CopyState;

struct _RdsClusterVolumeView
{
  GtkWidget     parent_instance;

  RdsSession   *session;
  char         *cluster;
  GCancellable *cancellable;
  JsonNode     *detail;         /* what /_sim/cluster said last */
  gboolean      in_flight;
  gboolean      answered;      /* the simulator answered, or failed to, since the cluster was set */
  guint         poll_id;
  guint         tick_id;
  gint64        tick_start;
  double        phase;          /* 0–1, the repairs' motion */
  PangoLayout  *pango;
};

G_DEFINE_FINAL_TYPE (RdsClusterVolumeView, rds_cluster_volume_view, GTK_TYPE_WIDGET)

/* What the detail says */

static JsonObject *
detail_object (RdsClusterVolumeView *self)
{
  return self->detail != NULL && JSON_NODE_HOLDS_OBJECT (self->detail) ? json_node_get_object (self->detail) : NULL;
}

static JsonObject *
volume_object (RdsClusterVolumeView *self)
{
  JsonObject *detail = detail_object (self);
  JsonNode *volume = detail != NULL ? json_object_get_member (detail, "volume") : NULL;

  return volume != NULL && JSON_NODE_HOLDS_OBJECT (volume) ? json_node_get_object (volume) : NULL;
}

static JsonArray *
copies_array (RdsClusterVolumeView *self)
{
  JsonObject *volume = volume_object (self);
  JsonNode *copies = volume != NULL ? json_object_get_member (volume, "copies") : NULL;

  return copies != NULL && JSON_NODE_HOLDS_ARRAY (copies) ? json_node_get_array (copies) : NULL;
}

static CopyState
copy_state (JsonObject *copy)
{
  const char *state = json_object_get_string_member_with_default (copy, "state", "up");

  if (g_str_equal (state, "down"))
    return COPY_DOWN;
  if (g_str_equal (state, "repairing"))
    return COPY_REPAIRING;
  if (g_str_equal (state, "catching-up"))
    return COPY_CATCHING_UP;
  return COPY_UP;
}

/* The protection groups that lost a copy of their own, as "copy → groups". */
static guint
segments_lost (RdsClusterVolumeView *self,
               int                   copy)
{
  JsonObject *volume = volume_object (self);
  JsonNode *node = volume != NULL ? json_object_get_member (volume, "segmentsLost") : NULL;
  JsonArray *lost = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = 0;

  for (guint i = 0; lost != NULL && i < json_array_get_length (lost); i++)
    if (json_object_get_int_member_with_default (json_array_get_object_element (lost, i), "copy", -1) == copy)
      n++;
  return n;
}

static const char *
copy_state_words (CopyState state)
{
  switch (state)
    {
    case COPY_DOWN:
      /* Translators: a copy of the cluster volume whose Availability Zone is down */
      return C_("volume copy", "down with its zone");
    case COPY_REPAIRING:
      /* Translators: a lost copy of the cluster volume, copied again from the others */
      return C_("volume copy", "being repaired");
    case COPY_CATCHING_UP:
      /* Translators: a copy of the cluster volume whose zone came back */
      return C_("volume copy", "catching up");
    case COPY_UP:
    default:
      return C_("volume copy", "up");
    }
}

/* The cluster's instances in @zone: "id (Writer)" and readers. */
static GPtrArray *
instances_in (RdsClusterVolumeView *self,
              const char           *zone)
{
  GPtrArray *found = g_ptr_array_new ();
  RdsResourceList *clusters = self->session != NULL ? rds_session_get_clusters (self->session) : NULL;
  RdsResourceList *instances = self->session != NULL ? rds_session_get_instances (self->session) : NULL;
  RdsDbCluster *cluster = clusters != NULL && self->cluster != NULL ? rds_resource_list_find (clusters, self->cluster)
                                                                     : NULL;
  GListModel *members = cluster != NULL ? rds_db_cluster_get_members (cluster) : NULL;

  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RdsDbClusterMember) member = g_list_model_get_item (members, i);
      RdsDbInstance *instance = rds_resource_list_find (instances,
                                                        rds_db_cluster_member_get_instance_identifier (member));

      if (instance != NULL &&
          g_strcmp0 (rds_shape_get_string (RDS_SHAPE (instance), "availability-zone"), zone) == 0)
        g_ptr_array_add (found, instance);
    }
  return found;
}

static const char *
writer_of (RdsClusterVolumeView *self)
{
  JsonObject *detail = detail_object (self);

  return detail != NULL ? json_object_get_string_member_with_default (detail, "writer", NULL) : NULL;
}

static char *
describe (RdsClusterVolumeView *self)
{
  JsonObject *volume = volume_object (self);
  JsonArray *copies = copies_array (self);
  JsonObject *detail = detail_object (self);
  GString *text;
  int fewest;
  const char *zone = NULL;

  if (volume == NULL || copies == NULL)
    return g_strdup (_("The cluster volume isn’t known yet."));

  fewest = (int) json_object_get_int_member_with_default (volume, "fewestCopiesUp", 6);
  text = g_string_new (NULL);
  g_string_append_printf (text,
                          /* Translators: %d is how many copies of 6 every protection group has */
                          _("Cluster volume: %d of 6 copies up. "), fewest);
  g_string_append (text, json_object_get_boolean_member_with_default (volume, "writeQuorum", TRUE)
                         ? _("Writes need 4 copies: they go on. ")
                         : _("Writes need 4 copies: they wait for a repair. "));
  g_string_append (text, json_object_get_boolean_member_with_default (volume, "readQuorum", TRUE)
                         ? _("Reads need 3 copies: they go on.")
                         : _("Reads need 3 copies: the database is unavailable."));
  for (guint i = 0; i < json_array_get_length (copies); i++)
    {
      JsonObject *copy = json_array_get_object_element (copies, i);
      const char *copy_zone = json_object_get_string_member_with_default (copy, "zone", "");
      g_autoptr(GPtrArray) instances = NULL;

      if (g_strcmp0 (copy_zone, zone) != 0)
        {
          zone = copy_zone;
          /* Translators: %s is an Availability Zone */
          g_string_append_printf (text, _(" Zone %s:"), zone);
          instances = instances_in (self, zone);
          for (guint j = 0; j < instances->len; j++)
            {
              const char *id = rds_db_instance_get_identifier (g_ptr_array_index (instances, j));

              g_string_append_printf (text, " %s (%s),", id,
                                      g_strcmp0 (id, writer_of (self)) == 0 ? _("writer") : _("reader"));
            }
        }
      /* Translators: a copy of the volume and its state: "copy 3 up" */
      g_string_append_printf (text, _(" copy %d %s"), (int) i + 1, copy_state_words (copy_state (copy)));
      g_string_append_c (text, i % 2 == 0 ? ',' : '.');
    }
  if (detail != NULL && json_object_get_string_member_with_default (detail, "failoverTarget", NULL) != NULL)
    g_string_append_printf (text,
                            /* Translators: %s is the reader a failover promotes */
                            _(" Failing over to %s."),
                            json_object_get_string_member (detail, "failoverTarget"));
  return g_string_free (text, FALSE);
}

static void update_animation (RdsClusterVolumeView *self);

static void
rebuild (RdsClusterVolumeView *self)
{
  g_autofree char *description = describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  update_animation (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Drawing */

typedef struct
{
  GdkRGBA fg, dim, faint, accent, success, warning, error, card;
} Palette;

static void
palette (RdsClusterVolumeView *self,
         Palette              *p)
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

static void
text (RdsClusterVolumeView *self,
      GtkSnapshot          *snapshot,
      const char           *markup,
      double                x,
      double                y,
      double                width,
      PangoAlignment        align,
      const GdkRGBA        *color)
{
  pango_layout_set_markup (self->pango, markup, -1);
  pango_layout_set_width (self->pango, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_alignment (self->pango, align);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->pango, color);
  gtk_snapshot_restore (snapshot);
}

static int
max_instances_in_a_zone (RdsClusterVolumeView *self,
                         JsonArray            *copies)
{
  int most = 0;

  for (guint i = 0; copies != NULL && i < json_array_get_length (copies); i += 2)
    {
      g_autoptr(GPtrArray) instances =
        instances_in (self, json_object_get_string_member_with_default (json_array_get_object_element (copies, i),
                                                                        "zone", ""));

      most = MAX (most, (int) instances->len);
    }
  return most;
}

static double
natural_height (RdsClusterVolumeView *self)
{
  JsonArray *copies = copies_array (self);

  if (copies == NULL)
    return 0;
  return MARGIN + HEADER_HEIGHT + ZONE_HEADER + VOLUME_LABEL + 2 * (COPY_HEIGHT + COPY_GAP) + MARGIN +
         max_instances_in_a_zone (self, copies) * (INSTANCE_HEIGHT + COPY_GAP) + MARGIN;
}

static void
draw (RdsClusterVolumeView *self,
      GtkSnapshot          *snapshot,
      double                width)
{
  JsonObject *volume = volume_object (self);
  JsonObject *detail = detail_object (self);
  JsonArray *copies = copies_array (self);
  Palette p;
  double column, y0, volume_top, volume_bottom;
  gboolean write = json_object_get_boolean_member_with_default (volume, "writeQuorum", TRUE);
  gboolean read = json_object_get_boolean_member_with_default (volume, "readQuorum", TRUE);
  int fewest = (int) json_object_get_int_member_with_default (volume, "fewestCopiesUp", 6);
  double used = json_object_get_int_member_with_default (volume, "usedBytes", 0);
  int groups = (int) json_object_get_int_member_with_default (volume, "protectionGroups", 1);
  const char *target = json_object_get_string_member_with_default (detail, "failoverTarget", NULL);
  g_autofree char *size = g_format_size ((guint64) used);
  g_autofree char *line = NULL;
  g_autofree char *quorum = NULL;
  g_autofree char *up = NULL;

  palette (self, &p);
  column = (width - 2 * MARGIN - 2 * MARGIN) / 3.0;

  /* What the copies mean. */
  line = g_markup_printf_escaped (ngettext ("<b>Cluster volume</b>  %s in %d protection group of 10 GiB",
                                            "<b>Cluster volume</b>  %s in %d protection groups of 10 GiB",
                                            (gulong) groups),
                                  size, groups);
  text (self, snapshot, line, MARGIN, MARGIN, width - 2 * MARGIN, PANGO_ALIGN_LEFT, &p.fg);
  /* Translators: every protection group has %d of its 6 copies */
  up = g_strdup_printf (_("%d of 6 copies up"), fewest);
  quorum = g_markup_printf_escaped ("%s   %s   %s", up,
                                    write ? _("✓ Writes: 4 of 6 needed") : _("✗ Writes: 4 of 6 needed, waiting"),
                                    read ? _("✓ Reads: 3 of 6 needed") : _("✗ Reads: 3 of 6 needed, unavailable"));
  text (self, snapshot, quorum, MARGIN, MARGIN + 24, width - 2 * MARGIN, PANGO_ALIGN_LEFT,
        write && read ? &p.success : write || read ? &p.warning : &p.error);

  y0 = MARGIN + HEADER_HEIGHT;
  volume_top = y0 + ZONE_HEADER;
  volume_bottom = volume_top + VOLUME_LABEL + 2 * (COPY_HEIGHT + COPY_GAP);
  /* The one volume across the three zones. */
  fill_rounded (snapshot, MARGIN, volume_top, width - 2 * MARGIN, volume_bottom - volume_top, 10, &p.faint);
  text (self, snapshot, _("One volume, six copies"), MARGIN + 10, volume_top + 4, width - 4 * MARGIN,
        PANGO_ALIGN_LEFT, &p.dim);

  for (guint z = 0; copies != NULL && z * 2 < json_array_get_length (copies); z++)
    {
      double x = MARGIN + MARGIN + z * column;
      JsonObject *first = json_array_get_object_element (copies, z * 2);
      const char *zone = json_object_get_string_member_with_default (first, "zone", "");
      gboolean zone_down = copy_state (first) == COPY_DOWN &&
                           copy_state (json_array_get_object_element (copies, z * 2 + 1)) == COPY_DOWN;
      g_autoptr(GPtrArray) instances = instances_in (self, zone);
      g_autofree char *header = zone_down
        /* Translators: an Availability Zone that is down */
        ? g_markup_printf_escaped (_("<b>%s</b>  down"), zone)
        : g_markup_printf_escaped ("<b>%s</b>", zone);

      text (self, snapshot, header, x, y0 + 4, column - MARGIN, PANGO_ALIGN_CENTER, zone_down ? &p.error : &p.fg);

      for (guint c = 0; c < 2; c++)
        {
          int index = (int) (z * 2 + c);
          JsonObject *copy = json_array_get_object_element (copies, index);
          CopyState state = copy_state (copy);
          guint lost = segments_lost (self, index);
          double cy = volume_top + VOLUME_LABEL + c * (COPY_HEIGHT + COPY_GAP);
          const GdkRGBA *color = state == COPY_UP ? (lost > 0 ? &p.warning : &p.success)
                                 : state == COPY_DOWN ? &p.error : &p.warning;
          GdkRGBA tint = *color;
          g_autofree char *label = NULL;

          tint.alpha *= 0.18f;
          fill_rounded (snapshot, x, cy, column - MARGIN, COPY_HEIGHT, 6, &p.card);
          fill_rounded (snapshot, x, cy, column - MARGIN, COPY_HEIGHT, 6, &tint);
          /* A repair moves across its copy. */
          if (state == COPY_REPAIRING || state == COPY_CATCHING_UP || lost > 0)
            {
              GdkRGBA band = *color;

              band.alpha *= 0.35f;
              fill_rounded (snapshot, x, cy, (column - MARGIN) * (0.15 + 0.85 * self->phase), COPY_HEIGHT, 6, &band);
            }
          stroke_rounded (snapshot, x, cy, column - MARGIN, COPY_HEIGHT, 6, 1.5f, color);
          if (lost > 0 && state == COPY_UP)
            label = g_markup_printf_escaped (ngettext ("Copy %d  ·  %u group being repaired",
                                                       "Copy %d  ·  %u groups being repaired", lost),
                                             index + 1, lost);
          else
            /* Translators: a copy of the volume: "Copy 3 · up" */
            label = g_markup_printf_escaped (_("Copy %d  ·  %s"), index + 1, copy_state_words (state));
          text (self, snapshot, label, x + 8, cy + (COPY_HEIGHT - 18) / 2, column - MARGIN - 16, PANGO_ALIGN_LEFT,
                &p.fg);
        }

      for (guint i = 0; i < instances->len; i++)
        {
          RdsDbInstance *instance = g_ptr_array_index (instances, i);
          const char *id = rds_db_instance_get_identifier (instance);
          gboolean writer = g_strcmp0 (id, writer_of (self)) == 0;
          gboolean promoted = g_strcmp0 (id, target) == 0;
          double iy = volume_bottom + MARGIN + i * (INSTANCE_HEIGHT + COPY_GAP);
          g_autofree char *status = rds_format_status (NULL, rds_db_instance_get_status (instance));
          g_autofree char *label = g_markup_printf_escaped ("<b>%s</b>\n<small>%s · %s</small>", id,
                                                            promoted ? _("Becoming the writer")
                                                            : writer ? _("Writer") : _("Reader"),
                                                            status);

          fill_rounded (snapshot, x, iy, column - MARGIN, INSTANCE_HEIGHT, 8, &p.card);
          stroke_rounded (snapshot, x, iy, column - MARGIN, INSTANCE_HEIGHT, 8, writer || promoted ? 2.5f : 1.0f,
                          writer ? &p.accent : promoted ? &p.warning : &p.dim);
          text (self, snapshot, label, x + 8, iy + 6, column - MARGIN - 16, PANGO_ALIGN_LEFT, &p.fg);
        }
    }
}

static void
rds_cluster_volume_view_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  RdsClusterVolumeView *self = RDS_CLUSTER_VOLUME_VIEW (widget);
  int width = gtk_widget_get_width (widget);

  if (copies_array (self) == NULL || width <= 0)
    return;
  if (self->pango == NULL)
    {
      self->pango = gtk_widget_create_pango_layout (widget, NULL);
      pango_layout_set_ellipsize (self->pango, PANGO_ELLIPSIZE_END);
    }
  draw (self, snapshot, width);
}

static void
rds_cluster_volume_view_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  RdsClusterVolumeView *self = RDS_CLUSTER_VOLUME_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 480;
      *natural = 760;
    }
  else
    *minimum = *natural = (int) ceil (natural_height (self));
}

/* Motion while copies are repaired */

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  RdsClusterVolumeView *self = RDS_CLUSTER_VOLUME_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->tick_start == 0)
    self->tick_start = now;
  self->phase = fmod ((now - self->tick_start) / 1.5e6, 1.0);
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
update_animation (RdsClusterVolumeView *self)
{
  JsonArray *copies = copies_array (self);
  gboolean moving = FALSE, animations = TRUE;

  for (guint i = 0; copies != NULL && i < json_array_get_length (copies); i++)
    {
      CopyState state = copy_state (json_array_get_object_element (copies, i));

      moving |= state == COPY_REPAIRING || state == COPY_CATCHING_UP || segments_lost (self, (int) i) > 0;
    }
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animations, NULL);
  moving &= animations;

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

/* Asking the simulator */

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  RdsClusterVolumeView *self = user_data;
  g_autoptr(GError) error = NULL;
  JsonNode *answer = rds_session_control_finish_answer (RDS_SESSION (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }
  self->in_flight = FALSE;
  self->answered = TRUE;
  g_clear_pointer (&self->detail, json_node_unref);
  self->detail = answer;
  rebuild (self);
  g_object_unref (self);
}

/**
 * rds_cluster_volume_view_refresh:
 *
 * Asks the simulator again what the cluster's volume is like.
 */
void
rds_cluster_volume_view_refresh (RdsClusterVolumeView *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (RDS_IS_CLUSTER_VOLUME_VIEW (self));

  if (self->session == NULL || self->cluster == NULL || self->in_flight ||
      !rds_session_is_simulator (self->session))
    return;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cluster");
  json_builder_add_string_value (builder, self->cluster);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  self->in_flight = TRUE;
  rds_session_control_async (self->session, "cluster", body, self->cancellable, fetch_cb, g_object_ref (self));
}

static gboolean
poll_cb (gpointer data)
{
  rds_cluster_volume_view_refresh (data);
  return G_SOURCE_CONTINUE;
}

static void
rds_cluster_volume_view_map (GtkWidget *widget)
{
  RdsClusterVolumeView *self = RDS_CLUSTER_VOLUME_VIEW (widget);

  GTK_WIDGET_CLASS (rds_cluster_volume_view_parent_class)->map (widget);
  rds_cluster_volume_view_refresh (self);
  if (self->poll_id == 0)
    self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
}

static void
rds_cluster_volume_view_unmap (GtkWidget *widget)
{
  RdsClusterVolumeView *self = RDS_CLUSTER_VOLUME_VIEW (widget);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  GTK_WIDGET_CLASS (rds_cluster_volume_view_parent_class)->unmap (widget);
}

static void
rds_cluster_volume_view_dispose (GObject *object)
{
  RdsClusterVolumeView *self = RDS_CLUSTER_VOLUME_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (rds_cluster_volume_view_parent_class)->dispose (object);
}

static void
rds_cluster_volume_view_finalize (GObject *object)
{
  RdsClusterVolumeView *self = RDS_CLUSTER_VOLUME_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->detail, json_node_unref);
  g_free (self->cluster);

  G_OBJECT_CLASS (rds_cluster_volume_view_parent_class)->finalize (object);
}

static void
rds_cluster_volume_view_class_init (RdsClusterVolumeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_cluster_volume_view_dispose;
  object_class->finalize = rds_cluster_volume_view_finalize;
  widget_class->snapshot = rds_cluster_volume_view_snapshot;
  widget_class->measure = rds_cluster_volume_view_measure;
  widget_class->map = rds_cluster_volume_view_map;
  widget_class->unmap = rds_cluster_volume_view_unmap;

  gtk_widget_class_set_css_name (widget_class, "clustervolume");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rds_cluster_volume_view_init (RdsClusterVolumeView *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cluster volume: its six copies in three Availability Zones, and the "
                                    "instances"), -1);
}

GtkWidget *
rds_cluster_volume_view_new (void)
{
  return g_object_new (RDS_TYPE_CLUSTER_VOLUME_VIEW, NULL);
}

static void
time_cb (RdsClusterVolumeView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rds_cluster_volume_view_refresh (self);
}

void
rds_cluster_volume_view_set_cluster (RdsClusterVolumeView *self,
                                     RdsSession           *session,
                                     const char           *cluster)
{
  g_return_if_fail (RDS_IS_CLUSTER_VOLUME_VIEW (self));
  g_return_if_fail (session == NULL || RDS_IS_SESSION (session));

  /* The same: what is asked goes on. */
  if (self->session == session && g_strcmp0 (self->cluster, cluster) == 0)
    return;
  if (self->session != session)
    {
      if (self->session != NULL)
        g_signal_handlers_disconnect_by_data (self->session, self);
      g_set_object (&self->session, session);
      if (session != NULL)
        g_signal_connect_object (session, "notify::simulated-time", G_CALLBACK (time_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  if (g_strcmp0 (self->cluster, cluster) != 0)
    {
      g_free (self->cluster);
      self->cluster = g_strdup (cluster);
      g_clear_pointer (&self->detail, json_node_unref);
      self->answered = FALSE;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->in_flight = FALSE;
  rebuild (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rds_cluster_volume_view_refresh (self);
}

/**
 * rds_cluster_volume_view_describe:
 *
 * Returns: (transfer full): what the view shows, in words (its accessible
 *   description)
 */
char *
rds_cluster_volume_view_describe (RdsClusterVolumeView *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_VOLUME_VIEW (self), NULL);

  return describe (self);
}

/**
 * rds_cluster_volume_view_get_copies_up:
 *
 * Returns: how many of the six copies it shows up; 0 before it knows
 */
guint
rds_cluster_volume_view_get_copies_up (RdsClusterVolumeView *self)
{
  JsonArray *copies;
  guint n = 0;

  g_return_val_if_fail (RDS_IS_CLUSTER_VOLUME_VIEW (self), 0);

  copies = copies_array (self);
  for (guint i = 0; copies != NULL && i < json_array_get_length (copies); i++)
    if (copy_state (json_array_get_object_element (copies, i)) == COPY_UP)
      n++;
  return n;
}

/**
 * rds_cluster_volume_view_is_loading:
 *
 * Returns: whether it waits for the simulator: asking, or not yet told
 *   (an answer that failed counts as told)
 */
gboolean
rds_cluster_volume_view_is_loading (RdsClusterVolumeView *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_VOLUME_VIEW (self), FALSE);

  if (self->session == NULL || self->cluster == NULL || !rds_session_is_simulator (self->session))
    return FALSE;
  return self->in_flight || !self->answered;
}

gboolean
rds_cluster_volume_view_is_loaded (RdsClusterVolumeView *self)
{
  g_return_val_if_fail (RDS_IS_CLUSTER_VOLUME_VIEW (self), FALSE);

  return copies_array (self) != NULL && !self->in_flight;
}
