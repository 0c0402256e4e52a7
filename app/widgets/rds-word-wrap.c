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
void
rds_word_wrap_all (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_LABEL (root) && gtk_label_get_wrap (GTK_LABEL (root)))
    rds_word_wrap_label (GTK_LABEL (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rds_word_wrap_all (child);
}
