/* rds-accessible-names.c: names a screen reader can say, for controls GTK 4.8 names badly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 names a button by its raw label and by the label inside it
 * together ("_Create database Create database"), and a button
 * without a label (an icon, a menu) by its type ("GtkMenuButton"). Each
 * control under a root gets the name a person would say instead: its
 * label without the mnemonic underscore, or its tooltip. Labels given
 * explicitly (rds_action_dialog_set_submit_label) are set after, so they
 * win.
 */

#include "config.h"

#include "rds-accessible-names.h"
#include "rds-form-field.h"

#include <glib/gi18n.h>

/**
 * rds_accessible_strip_mnemonic:
 *
 * Returns: (transfer full): @label as it shows: "_Create" is "Create",
 *   "a__b" is "a_b"
 */
char *
rds_accessible_strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label != NULL ? label : ""; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (out, '_'), p++;
      else if (*p != '_')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
set_name (GtkWidget  *widget,
          const char *label,
          gboolean    mnemonic)
{
  g_autofree char *name = mnemonic ? rds_accessible_strip_mnemonic (label) : g_strdup (label);

  if (name == NULL || *name == '\0')
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* GTK also names a button by the label inside it, which said it twice. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/**
 * rds_accessible_drop_down_button:
 *
 * GTK 4.8's drop-down takes the keyboard focus in a toggle button of its
 * own, which a screen reader calls "GtkToggleButton".
 *
 * Returns: (transfer none) (nullable): the button inside @drop_down
 */
GtkWidget *
rds_accessible_drop_down_button (GtkDropDown *drop_down)
{
  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  return NULL;
}

#define OWN_NAME "rds-accessible-name"

/**
 * rds_accessible_set_name:
 *
 * Names @widget for good, more fully than its label or tooltip would
 * ("Edit Lab simulator" for a pencil among many): rds_accessible_name_controls()
 * leaves the name.
 */
void
rds_accessible_set_name (GtkWidget  *widget,
                         const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  g_object_set_data_full (G_OBJECT (widget), OWN_NAME, g_strdup (name), g_free);
  set_name (widget, name, FALSE);
}

static void
name_control (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *own = g_object_get_data (G_OBJECT (widget), OWN_NAME);

  if (own != NULL)
    {
      /* Said again: GTK names a button by its label when its child changes. */
      set_name (widget, own, FALSE);
      return;
    }

  if (GTK_IS_DROP_DOWN (widget))
    {
      GtkWidget *button = rds_accessible_drop_down_button (GTK_DROP_DOWN (widget));

      /* One right in a form field is named by the field's title; one
       * with a name of its own, by that. */
      if (button != NULL && tooltip != NULL)
        set_name (button, tooltip, FALSE);
      else if (button != NULL &&
               (!RDS_IS_FORM_FIELD (gtk_widget_get_parent (widget)) ||
                *rds_form_field_get_title (RDS_FORM_FIELD (gtk_widget_get_parent (widget))) == '\0'))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        widget, NULL, -1);
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));

      if (label != NULL)
        set_name (widget, label, gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)));
      else if (tooltip != NULL)
        set_name (widget, tooltip, FALSE);
    }
  else if (GTK_IS_BUTTON (widget))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));

      if (label != NULL)
        set_name (widget, label, gtk_button_get_use_underline (GTK_BUTTON (widget)));
      else if (tooltip != NULL)
        set_name (widget, tooltip, FALSE);
      /* libadwaita 1.2's toasts close with an unnamed icon button. */
      else if (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
        set_name (widget, _("Close"), FALSE);
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      const char *label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

      if (label != NULL)
        set_name (widget, label, gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)));
    }
}

/**
 * rds_accessible_name_controls:
 * @root: a window, page or dialog
 *
 * Names every button, menu button and check button under @root (and
 * @root itself) as it shows.
 */
void
rds_accessible_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_control (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rds_accessible_name_controls (child);
}
