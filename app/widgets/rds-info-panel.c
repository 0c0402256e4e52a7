/* rds-info-panel.c: the side panel that explains a concept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's right-hand panel, opened by an "Info" link or F1. It shows
 * one concept of rds-concepts.c under four headings (what it is, when to
 * choose it, what it costs, behind the scenes), a link to the page of the
 * console where it can be seen happening, the concepts next to it, and a
 * menu of every topic. Every heading is a heading to a screen reader, and
 * the panel is a group named after its concept, so moving into it says
 * what it is about. Escape closes it (win.close-info).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rds-info-panel.h"

#include "rds-concepts.h"

struct _RdsInfoPanel
{
  GtkWidget  parent_instance;

  GtkWidget *title_label;
  GtkWidget *close_button;
  GtkWidget *scroller;
  GtkWidget *body;          /* rebuilt for each concept */
  GtkWidget *topics_button;

  const RdsConcept *concept;
};

G_DEFINE_FINAL_TYPE (RdsInfoPanel, rds_info_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONCEPT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A wrapping label of small natural width: the panel's own width (280 px)
 * decides where lines break, not the text's length. */
static GtkWidget *
text_label (const char *text,
            const char *style,
            gboolean    heading)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", heading ? GTK_ACCESSIBLE_ROLE_HEADING
                                                              : GTK_ACCESSIBLE_ROLE_LABEL,
                                   "label", text,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "max-width-chars", 16,
                                   "width-chars", 10,
                                   NULL);

  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
link_button (const char *label,
             const char *action,
             const char *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = text_label (label, NULL, FALSE);

  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "info-link");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
rebuild (RdsInfoPanel *self)
{
  const RdsConcept *concept = self->concept;
  GtkWidget *body;
  g_autofree char *name = NULL;
  const struct { const char *heading; const char *text; } parts[] = {
    { N_("What it is"), concept->what },
    { N_("When to choose it"), concept->when },
    { N_("What it costs"), concept->cost },
    { N_("Behind the scenes"), concept->behind },
  };
  gboolean any_related = FALSE;

  gtk_label_set_label (GTK_LABEL (self->title_label), _(concept->title));
  /* Translators: the Info panel's name to a screen reader; %s is its
   * concept, such as “Multi-AZ deployments” */
  name = g_strdup_printf (_("Info: %s"), _(concept->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (body, 16);
  gtk_widget_set_margin_end (body, 16);
  gtk_widget_set_margin_bottom (body, 18);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkWidget *heading = text_label (_(parts[i].heading), "heading", TRUE);

      gtk_widget_set_margin_top (heading, i > 0 ? 12 : 6);
      gtk_box_append (GTK_BOX (body), heading);
      gtk_box_append (GTK_BOX (body), text_label (_(parts[i].text), "body", FALSE));
    }

  if (concept->page != NULL)
    {
      GtkWidget *button = link_button (_(concept->page_link), "win.show-page", concept->page);

      gtk_widget_set_margin_top (button, 12);
      gtk_box_append (GTK_BOX (body), button);
    }

  for (guint i = 0; i < RDS_CONCEPT_MAX_RELATED && concept->related[i] != NULL; i++)
    {
      const RdsConcept *related = rds_concept_lookup (concept->related[i]);

      g_warn_if_fail (related != NULL);
      if (related == NULL)
        continue;
      if (!any_related)
        {
          GtkWidget *heading = text_label (_("Related topics"), "heading", TRUE);

          gtk_widget_set_margin_top (heading, 12);
          gtk_box_append (GTK_BOX (body), heading);
          any_related = TRUE;
        }
      gtk_box_append (GTK_BOX (body), link_button (_(related->title), "win.show-info", related->id));
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), body);
  self->body = body;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

static GMenuModel *
topics_menu (void)
{
  GMenu *menu = g_menu_new ();
  const RdsConcept *concepts;
  guint n;

  concepts = rds_concepts_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(concepts[i].title), NULL);

      g_menu_item_set_action_and_target (item, "win.show-info", "s", concepts[i].id);
      g_menu_append_item (menu, item);
    }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Ports Reference"), NULL);
    g_autoptr(GMenu) section = g_menu_new ();

    g_menu_item_set_action_and_target (item, "win.show-page", "s", "ports");
    g_menu_append_item (section, item);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  }
  return G_MENU_MODEL (menu);
}

static void
rds_info_panel_dispose (GObject *object)
{
  RdsInfoPanel *self = RDS_INFO_PANEL (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->title_label = NULL;
  self->close_button = NULL;
  self->scroller = NULL;
  self->body = NULL;
  self->topics_button = NULL;

  G_OBJECT_CLASS (rds_info_panel_parent_class)->dispose (object);
}

static void
rds_info_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RdsInfoPanel *self = RDS_INFO_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONCEPT:
      g_value_set_string (value, rds_info_panel_get_concept (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_info_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RdsInfoPanel *self = RDS_INFO_PANEL (object);

  switch (prop_id)
    {
    case PROP_CONCEPT:
      rds_info_panel_set_concept (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rds_info_panel_class_init (RdsInfoPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rds_info_panel_dispose;
  object_class->get_property = rds_info_panel_get_property;
  object_class->set_property = rds_info_panel_set_property;

  /* Set once while constructed (the text is built once), then at will. */
  properties[PROP_CONCEPT] =
    g_param_spec_string ("concept", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "infopanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.close-info", NULL);
}

static void
rds_info_panel_init (RdsInfoPanel *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  g_autoptr(GMenuModel) menu = topics_menu ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (GTK_WIDGET (self), 280, -1);
  /* A flap is transparent; folded, it lies over the page. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "background");

  gtk_widget_set_margin_start (header, 16);
  gtk_widget_set_margin_end (header, 6);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  self->title_label = text_label ("", "title-3", TRUE);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_box_append (GTK_BOX (header), self->title_label);
  self->close_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (self->close_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->close_button, "flat");
  gtk_widget_add_css_class (self->close_button, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->close_button), "win.close-info");
  gtk_widget_set_tooltip_text (self->close_button, _("Close Info Panel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Close Info Panel"), -1);
  gtk_box_append (GTK_BOX (header), self->close_button);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  gtk_widget_set_parent (gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), GTK_WIDGET (self));
  gtk_widget_set_margin_start (footer, 12);
  gtk_widget_set_margin_end (footer, 12);
  gtk_widget_set_margin_top (footer, 6);
  gtk_widget_set_margin_bottom (footer, 6);
  self->topics_button = g_object_new (GTK_TYPE_MENU_BUTTON,
                                      "label", _("All Topics"),
                                      "direction", GTK_ARROW_UP,
                                      "menu-model", menu,
                                      NULL);
  gtk_widget_add_css_class (self->topics_button, "flat");
  /* The screenshots' scenes find it by name. */
  gtk_widget_set_name (self->topics_button, "info-topics-menu");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->topics_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("All Topics"), -1);
  gtk_box_append (GTK_BOX (footer), self->topics_button);
  gtk_widget_set_parent (footer, GTK_WIDGET (self));
}

/**
 * rds_info_panel_new:
 * @concept: (nullable): the concept to show first; unknown or %NULL, what
 *   a managed database does for you
 */
GtkWidget *
rds_info_panel_new (const char *concept)
{
  return g_object_new (RDS_TYPE_INFO_PANEL, "concept", concept, NULL);
}

const char *
rds_info_panel_get_concept (RdsInfoPanel *self)
{
  g_return_val_if_fail (RDS_IS_INFO_PANEL (self), NULL);

  return self->concept != NULL ? self->concept->id : NULL;
}

/**
 * rds_info_panel_set_concept:
 *
 * Shows the concept called @concept; an unknown one (from old settings)
 * leaves the panel as it was, or, on a new panel, shows what a managed
 * database does for you.
 */
void
rds_info_panel_set_concept (RdsInfoPanel *self,
                            const char   *concept)
{
  const RdsConcept *found;
  GtkRoot *root;
  GtkWidget *focus;
  gboolean focus_in_body;

  g_return_if_fail (RDS_IS_INFO_PANEL (self));

  found = rds_concept_lookup (concept);
  if (found == NULL && self->concept == NULL)
    found = rds_concept_lookup ("managed-database");
  if (found == NULL || found == self->concept)
    return;

  /* A related topic chosen with the keyboard: its link goes with the old
   * text, the focus stays in the panel (whose name says the new topic). */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  focus_in_body = focus != NULL && self->body != NULL && gtk_widget_is_ancestor (focus, self->body);

  self->concept = found;
  rebuild (self);
  if (focus_in_body)
    gtk_widget_grab_focus (self->close_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCEPT]);
}

const char *
rds_info_panel_get_title (RdsInfoPanel *self)
{
  g_return_val_if_fail (RDS_IS_INFO_PANEL (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->title_label));
}

/**
 * rds_info_panel_get_text:
 *
 * Returns: (transfer full): every text the panel shows, a line each, as a
 *   reader would go through it
 */
char *
rds_info_panel_get_text (RdsInfoPanel *self)
{
  GString *text;

  g_return_val_if_fail (RDS_IS_INFO_PANEL (self), NULL);

  text = g_string_new (rds_info_panel_get_title (self));
  for (GtkWidget *child = gtk_widget_get_first_child (self->body); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = GTK_IS_BUTTON (child) ? gtk_button_get_child (GTK_BUTTON (child)) : child;

      if (GTK_IS_LABEL (label))
        g_string_append_printf (text, "\n%s", gtk_label_get_label (GTK_LABEL (label)));
    }
  return g_string_free (text, FALSE);
}
