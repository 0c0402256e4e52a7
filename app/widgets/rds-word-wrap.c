/* rds-word-wrap.c: Korean (and any spaced script) wrapped between words, not inside them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pango breaks Hangul between any two syllables, as Unicode allows, so a
 * wrapped Korean sentence could break "온디맨드" into "온디맨" and "드".
 * Korean typesetting keeps words whole and breaks at spaces (CSS's
 * word-break: keep-all). A wrapping label whose text has Hangul gets
 * "allow breaks: no" over each of its words, kept up to date as its text
 * changes. Labels with markup or attributes of their own are left alone.
 */

#include "config.h"

#include "rds-word-wrap.h"

#define MARK "rds-word-wrap"
#define TOOLTIP_MARK "rds-word-wrap-tooltip"

static gboolean
has_hangul (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HANGUL)
      return TRUE;
  return FALSE;
}

static void
keep_words (GtkLabel *label)
{
  const char *text = gtk_label_get_text (label);
  PangoAttrList *attributes;
  const char *word = NULL;

  if (!has_hangul (text))
    {
      gtk_label_set_attributes (label, NULL);
      return;
    }

  attributes = pango_attr_list_new ();
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = c == '\0' || g_unichar_isspace (c);

      if (!space && word == NULL)
        word = p;
      else if (space && word != NULL)
        {
          PangoAttribute *attribute = pango_attr_allow_breaks_new (FALSE);

          attribute->start_index = word - text;
          attribute->end_index = p - text;
          pango_attr_list_insert (attributes, attribute);
          word = NULL;
        }
      if (c == '\0')
        break;
    }
  gtk_label_set_attributes (label, attributes);
  pango_attr_list_unref (attributes);
}

/**
 * rds_word_wrap_label:
 *
 * Keeps @label's words whole when it wraps, now and as its text changes.
 */
void
rds_word_wrap_label (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_object_get_data (G_OBJECT (label), MARK) != NULL)
    return;
  if (gtk_label_get_use_markup (label) || gtk_label_get_attributes (label) != NULL)
    return;

  g_object_set_data (G_OBJECT (label), MARK, GINT_TO_POINTER (TRUE));
  g_signal_connect (label, "notify::label", G_CALLBACK (keep_words), NULL);
  keep_words (label);
}

/**
 * rds_word_wrap_all:
 *
 * Keeps words whole in every wrapping label under @root.
 */
/**
 * rds_word_wrap_tooltip_label:
 *
 * GTK 4.8 sizes a tooltip's label by its narrowest, which for Korean
 * (a break allowed between any two syllables) came to four or five
 * syllables a line. This label is as wide as its text up to about 40
 * Latin characters (20 syllables), and wraps between words.
 *
 * Returns: (transfer floating): a label for a tooltip showing @text
 */
GtkWidget *
rds_word_wrap_tooltip_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  guint cells = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    cells += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (cells, 40));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  rds_word_wrap_label (GTK_LABEL (label));
  return label;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  /* Other text: GTK's own tooltip. */
  if (text == NULL || !has_hangul (text))
    return FALSE;
  gtk_tooltip_set_custom (tooltip, rds_word_wrap_tooltip_label (text));
  return TRUE;
}

void
rds_word_wrap_all (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (gtk_widget_get_has_tooltip (root) && g_object_get_data (G_OBJECT (root), TOOLTIP_MARK) == NULL)
    {
      g_object_set_data (G_OBJECT (root), TOOLTIP_MARK, GINT_TO_POINTER (TRUE));
      g_signal_connect (root, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
    }

  if (GTK_IS_LABEL (root) && gtk_label_get_wrap (GTK_LABEL (root)))
    rds_word_wrap_label (GTK_LABEL (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rds_word_wrap_all (child);
}
