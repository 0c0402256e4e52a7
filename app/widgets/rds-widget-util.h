/* rds-widget-util.h: small helpers for the console's widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

#include "rds-accessible-names.h"
#include "rds-format.h"
#include "rds-resource-list.h"
#include "rds-word-wrap.h"

G_BEGIN_DECLS

/* An expression of @type's timestamp @property in microseconds, for a
 * GtkNumericSorter. */
static inline GtkExpression *
rds_date_expression_new (GType       type,
                         const char *property)
{
  GtkExpression *params[] = { gtk_property_expression_new (type, NULL, property) };

  return gtk_cclosure_expression_new (G_TYPE_INT64, NULL, 1, params,
                                      G_CALLBACK (rds_date_time_to_usec), NULL, NULL);
}

/* In dispose, after gtk_widget_dispose_template (): GTK 4.8 leaves a
 * template's unbound children parented. */
static inline void
rds_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* The page a list's view shows: "loading" before the first answer,
 * "empty" without items, "no-results" when filters hide them all, else
 * "list". @list is %NULL without a session. */
static inline const char *
rds_widget_list_page (RdsResourceList *list,
                      guint            shown)
{
  guint total = list != NULL ? g_list_model_get_n_items (rds_resource_list_get_model (list)) : 0;

  if (list == NULL || (!rds_resource_list_get_loaded (list) && total == 0))
    return "loading";
  if (total == 0)
    return "empty";
  return shown == 0 ? "no-results" : "list";
}

static inline void
rds_menu_button_create_popup_cb (GtkMenuButton *button,
                                 gpointer       model)
{
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (model));
}

/* Gives @button @model's menu when first opened: GTK 4.8 builds a menu's
 * whole popover as soon as it is set, on the way to the first frame. */
static inline void
rds_menu_button_set_menu_model_lazily (GtkMenuButton *button,
                                       GMenuModel    *model)
{
  gtk_menu_button_set_create_popup_func (button, rds_menu_button_create_popup_cb,
                                         g_object_ref (model), g_object_unref);
}

/* Presents @window over the window @owner is in, if any. */
static inline void
rds_widget_present_over (GtkWidget *owner,
                         GtkWindow *window)
{
  GtkRoot *root = owner != NULL ? gtk_widget_get_root (owner) : NULL;

  gtk_window_set_transient_for (window, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  rds_accessible_name_controls (GTK_WIDGET (window));
  rds_word_wrap_all (GTK_WIDGET (window));
  gtk_window_present (window);
}

/* Scrolls the nearest GtkScrolledWindow around @area so that it shows,
 * and focuses @widget (in it) when its window is the active one. */
static inline void
rds_widget_reveal_in (GtkWidget *widget,
                      GtkWidget *area)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (area, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scroller != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  graphene_point_t point;

  /* Focus first: GTK 4.8's viewport then scrolls to its whole child, the
   * top of the form, which the scrolling below puts right. */
  if (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root)))
    gtk_widget_grab_focus (widget);

  /* Where the widget is in the content, not in the viewport (which moves
   * with the scrolling). */
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content != NULL && gtk_widget_compute_point (area, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      gtk_adjustment_set_value (adjustment, MAX (point.y - 24, 0));
    }
}

/* A tag as a row of a read-only list: its key, and its value or "-". */
static inline GtkWidget *
rds_tag_row_new (gpointer item,
                 gpointer user_data)
{
  RdsShape *tag = item;
  const char *value = rds_shape_get_string (tag, "value");
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rds_shape_get_string (tag, "key"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : "-");
  return row;
}

/* The small dim heading above a value ("Endpoint", "Status"). */
static inline GtkWidget *
rds_caption_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Makes @widget sensitive or not; the focus leaves it first. A text field
 * made insensitive while focused never gets its focus-out in GTK 4.8: its
 * cursor blinks on and it warns that it "did not receive a focus-out
 * event" (the Create wizard, submitted with Ctrl+Return from a field). */
static inline void
rds_widget_set_sensitive (GtkWidget *widget,
                          gboolean   sensitive)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!sensitive && focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    gtk_root_set_focus (root, NULL);
  gtk_widget_set_sensitive (widget, sensitive);
}

/* A GtkFlowBox that lays out controls: Tab goes from control to control,
 * not also to each control's cell in the flow (a nameless stop). Every
 * child must hold a control: GtkFlowBox keeps the focus on a cell that
 * cannot take it. (A flow of plain text takes no focus: can-focus false.) */
static inline void
rds_flow_box_focus_controls (GtkFlowBox *box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

/* A label a person can select text of with the mouse (an endpoint to
 * copy) where the keyboard never stops. Not focusable alone: GTK 4.8's
 * label, asked for the focus by Tab, tries to take it, fails, and says it
 * did, so Shift+Tab stopped there for good, with the focus nowhere. */
static inline void
rds_label_set_mouse_selectable (GtkLabel *label)
{
  gtk_label_set_selectable (label, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (label), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (label), FALSE);
}

/* Scrolls @widget into sight and focuses it. */
static inline void
rds_widget_reveal (GtkWidget *widget)
{
  rds_widget_reveal_in (widget, widget);
}

G_END_DECLS
