/* rds-xml.c: Query API answers as XML, written and read from the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server writes and the client reads the service's documents by walking
 * the shapes' field tables: element names are the wire names, lists wrap
 * each item in the member name the botocore model gives. Elements the model
 * does not know (a newer service) are skipped when reading.
 */

#include "config.h"

#include "rds-xml.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_QUARK (rds-xml-error-quark, rds_xml_error)

/* Whether XML 1.0 lets @c appear in a document. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * rds_xml_append_escaped:
 *
 * Appends @text as XML character data. Whatever @text holds (an error
 * message may echo any bytes a client sent), the result is well-formed:
 * bytes that are not UTF-8 and characters XML 1.0 has no place for become
 * U+FFFD, and a carriage return is written as a reference so that it
 * survives the parser's line-end normalization.
 */
void
rds_xml_append_escaped (GString    *out,
                        const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *run = p;
      gunichar c;

      /* Plain ASCII goes as it is, in one piece: most text is that. */
      while ((guchar) *p >= 0x20 && (guchar) *p < 0x7f && *p != '&' && *p != '<' && *p != '>' && *p != '"')
        p++;
      if (p > run)
        {
          g_string_append_len (out, run, p - run);
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xef\xbf\xbd");
          p++;
          continue;
        }

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        default:
          if (is_xml_char (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          else
            g_string_append (out, "\xef\xbf\xbd");
          break;
        }
      p = g_utf8_next_char (p);
    }
}

static void
open_tag (GString    *out,
          const char *element)
{
  gsize length = strlen (element);

  /* One copy, into room made once: long answers have a lot of these. */
  g_string_set_size (out, out->len + length + 2);
  out->str[out->len - length - 2] = '<';
  memcpy (out->str + out->len - length - 1, element, length);
  out->str[out->len - 1] = '>';
}

static void
close_tag (GString    *out,
           const char *element)
{
  gsize length = strlen (element);

  g_string_set_size (out, out->len + length + 3);
  out->str[out->len - length - 3] = '<';
  out->str[out->len - length - 2] = '/';
  memcpy (out->str + out->len - length - 1, element, length);
  out->str[out->len - 1] = '>';
}

static void
write_text_element (GString    *out,
                    const char *element,
                    const char *text)
{
  open_tag (out, element);
  rds_xml_append_escaped (out, text);
  close_tag (out, element);
}

static void
write_field (GString        *out,
             RdsShape       *shape,
             const RdsField *field)
{
  gpointer slot = rds_shape_field_ptr (shape, field);
  const char *name = field->wire_name;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!rds_shape_field_is_present (shape, field))
    return;

  switch (field->kind)
    {
    case RDS_FIELD_KIND_STRING:
    case RDS_FIELD_KIND_INTERNED:
      write_text_element (out, name, *(const char **) slot);
      break;

    case RDS_FIELD_KIND_INT:
    case RDS_FIELD_KIND_OPTIONAL_INT:
      open_tag (out, name);
      g_string_append_printf (out, "%d", *(int *) slot);
      close_tag (out, name);
      break;

    case RDS_FIELD_KIND_BOOLEAN:
      write_text_element (out, name, *(gboolean *) slot ? "true" : "false");
      break;

    case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
      write_text_element (out, name, *(RdsTristate *) slot == RDS_TRISTATE_TRUE ? "true" : "false");
      break;

    case RDS_FIELD_KIND_DOUBLE:
      write_text_element (out, name, g_ascii_dtostr (buffer, sizeof buffer, *(double *) slot));
      break;

    case RDS_FIELD_KIND_TIMESTAMP:
      {
        g_autofree char *text = rds_format_timestamp (*(gint64 *) slot);
        write_text_element (out, name, text);
      }
      break;

    case RDS_FIELD_KIND_OBJECT:
      rds_xml_write_shape (out, *(RdsShape **) slot, name);
      break;

    case RDS_FIELD_KIND_LIST:
      {
        GListModel *list = *(GListModel **) slot;
        guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

        if (n == 0)
          {
            g_string_append_printf (out, "<%s/>", name);
            break;
          }
        open_tag (out, name);
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(RdsShape) item = g_list_model_get_item (list, i);
            rds_xml_write_shape (out, item, field->member_name);
          }
        close_tag (out, name);
      }
      break;

    case RDS_FIELD_KIND_DOUBLES:
    case RDS_FIELD_KIND_TIMESTAMPS:
      {
        GArray *numbers = *(GArray **) slot;
        char number[40];

        if (numbers == NULL)
          {
            g_string_append_printf (out, "<%s/>", name);
            break;
          }
        open_tag (out, name);
        for (guint i = 0; i < numbers->len; i++)
          {
            gsize length = field->kind == RDS_FIELD_KIND_DOUBLES
                           ? rds_format_number (g_array_index (numbers, double, i), number)
                           : rds_format_timestamp_into (g_array_index (numbers, gint64, i), number);

            open_tag (out, field->member_name);
            g_string_append_len (out, number, length);
            close_tag (out, field->member_name);
          }
        close_tag (out, name);
      }
      break;

    case RDS_FIELD_KIND_STRV:
      {
        char **strv = *(char ***) slot;

        if (strv == NULL)
          {
            g_string_append_printf (out, "<%s/>", name);
            break;
          }
        open_tag (out, name);
        for (guint i = 0; strv[i] != NULL; i++)
          write_text_element (out, field->member_name, strv[i]);
        close_tag (out, name);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * rds_xml_write_shape:
 * @element: the element name for the shape itself
 *
 * Appends `<element>…fields…</element>`; absent fields are left out.
 */
void
rds_xml_write_shape (GString    *out,
                     RdsShape   *shape,
                     const char *element)
{
  const RdsField *fields;
  guint n_fields;

  g_return_if_fail (out != NULL);
  g_return_if_fail (RDS_IS_SHAPE (shape));

  fields = rds_shape_class_get_fields (RDS_SHAPE_GET_CLASS (shape), &n_fields);
  open_tag (out, element);
  for (guint i = 0; i < n_fields; i++)
    write_field (out, shape, &fields[i]);
  close_tag (out, element);
}

/**
 * rds_xml_write_response:
 *
 * Returns: (transfer full): the whole `<ActionResponse>` document
 */
GBytes *
rds_xml_write_response (const RdsQueryResult *result,
                        const char           *request_id)
{
  const RdsAction *action;
  GString *out;

  g_return_val_if_fail (result != NULL, NULL);

  action = result->action;
  out = g_string_sized_new (result->items != NULL ? 4096 * (result->items->len + 1) : 4096);
  g_string_append_printf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<%sResponse xmlns=\"", action->name);
  rds_xml_append_escaped (out, action->api->xml_namespace);
  g_string_append (out, "\">");

  if (action->kind != RDS_RESULT_NONE)
    {
      g_string_append_printf (out, "<%sResult>", action->name);
      if (action->kind == RDS_RESULT_ITEM && result->item != NULL)
        {
          rds_xml_write_shape (out, result->item, action->element);
        }
      else if (action->kind == RDS_RESULT_SHAPE && result->item != NULL)
        {
          const RdsField *fields;
          guint n_fields;

          fields = rds_shape_class_get_fields (RDS_SHAPE_GET_CLASS (result->item), &n_fields);
          for (guint i = 0; i < n_fields; i++)
            write_field (out, result->item, &fields[i]);
        }
      else if (action->kind == RDS_RESULT_LIST)
        {
          open_tag (out, action->element);
          for (guint i = 0; i < result->items->len; i++)
            rds_xml_write_shape (out, g_ptr_array_index (result->items, i), action->member);
          close_tag (out, action->element);
          if (result->marker != NULL)
            write_text_element (out, "Marker", result->marker);
        }
      g_string_append_printf (out, "</%sResult>", action->name);
    }

  g_string_append (out, "<ResponseMetadata>");
  write_text_element (out, "RequestId", request_id);
  g_string_append_printf (out, "</ResponseMetadata></%sResponse>\n", action->name);

  return g_string_free_to_bytes (out);
}

/**
 * rds_xml_write_error:
 * @xml_namespace: (nullable): the namespace of the service that answers,
 *   or %NULL when the request reached none
 *
 * Returns: (transfer full): the whole `<ErrorResponse>` document
 */
GBytes *
rds_xml_write_error (const char *xml_namespace,
                     const char *code,
                     const char *message,
                     gboolean    sender_fault,
                     const char *request_id)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse");

  if (xml_namespace != NULL)
    {
      g_string_append (out, " xmlns=\"");
      rds_xml_append_escaped (out, xml_namespace);
      g_string_append (out, "\"");
    }
  g_string_append (out, "><Error>");

  write_text_element (out, "Type", sender_fault ? "Sender" : "Receiver");
  write_text_element (out, "Code", code);
  write_text_element (out, "Message", message);
  g_string_append (out, "</Error>");
  write_text_element (out, "RequestId", request_id);
  g_string_append (out, "</ErrorResponse>\n");

  return g_string_free_to_bytes (out);
}

/* Reading */

/* Reading answers
 *
 * A small XML reader of its own rather than GMarkup: an answer with a
 * hundred thousand datapoints is read four times as fast. It reads what
 * the Query API sends (elements, attributes it ignores, character and
 * entity references, CDATA, comments, the XML declaration) and refuses
 * what is not well-formed: bytes that are not UTF-8, unclosed or
 * mismatched elements, text beside the root, a DOCTYPE. */

typedef struct
{
  void (*start) (GMarkupParseContext *context, const char *element, const char **names,
                 const char **values, gpointer user_data, GError **error);
  void (*end)   (GMarkupParseContext *context, const char *element, gpointer user_data, GError **error);
  void (*text)  (GMarkupParseContext *context, const char *text, gsize length, gpointer user_data,
                 GError **error);
} Handlers;

#define MAX_NAME 256
#define MAX_DEPTH 256

static gboolean
malformed (GError     **error,
           const char  *start,
           const char  *at,
           const char  *what)
{
  guint line = 1, column = 1;

  for (const char *p = start; p < at; p++)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        column++;
    }
  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, _("Error on line %u char %u: %s"),
               line, column, what);
  return FALSE;
}

/* What can start a name (1) and what can go on in one (2), by byte. */
static guint8 name_bytes[256];

static void
init_name_bytes (void)
{
  for (guint c = 0; c < 256; c++)
    {
      if (g_ascii_isalpha (c) || c == '_' || c == ':' || c >= 0x80)
        name_bytes[c] = 3;
      else if (g_ascii_isdigit (c) || c == '-' || c == '.')
        name_bytes[c] = 2;
    }
}

static inline gboolean
is_name_start (char c)
{
  return (name_bytes[(guchar) c] & 1) != 0;
}

static inline gboolean
is_name_char (char c)
{
  return (name_bytes[(guchar) c] & 2) != 0;
}

/* Appends @text with its references replaced; FALSE at a bad one. */
static gboolean
decode_text (GString    *out,
             const char *text,
             const char *end)
{
  const char *p = text;

  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);
      const char *semi;

      if (amp == NULL)
        {
          g_string_append_len (out, p, end - p);
          return TRUE;
        }
      g_string_append_len (out, p, amp - p);
      semi = memchr (amp, ';', end - amp);
      if (semi == NULL || semi - amp > 12)
        return FALSE;

      if (amp[1] == '#')
        {
          gboolean hex = amp[2] == 'x';
          const char *digits = amp + (hex ? 3 : 2);
          char *stop = NULL;
          guint64 c;

          if (digits == semi)
            return FALSE;
          c = g_ascii_strtoull (digits, &stop, hex ? 16 : 10);
          if (stop != semi || !is_xml_char ((gunichar) c) || c > 0x10FFFF)
            return FALSE;
          g_string_append_unichar (out, (gunichar) c);
        }
      else if (semi - amp == 4 && strncmp (amp, "&amp", 4) == 0)
        g_string_append_c (out, '&');
      else if (semi - amp == 3 && strncmp (amp, "&lt", 3) == 0)
        g_string_append_c (out, '<');
      else if (semi - amp == 3 && strncmp (amp, "&gt", 3) == 0)
        g_string_append_c (out, '>');
      else if (semi - amp == 5 && strncmp (amp, "&quot", 5) == 0)
        g_string_append_c (out, '"');
      else if (semi - amp == 5 && strncmp (amp, "&apos", 5) == 0)
        g_string_append_c (out, '\'');
      else
        return FALSE;
      p = semi + 1;
    }
  return TRUE;
}

static gboolean
only_space (const char *p,
            const char *end)
{
  for (; p < end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

static gboolean
read_document (const char      *text,
               gsize            length,
               const Handlers  *handlers,
               gpointer         user_data,
               GError         **error)
{
  static const char *no_attributes[] = { NULL };
  const char *p = text, *end = text + length;
  g_autoptr(GString) scratch = g_string_new (NULL);
  struct { const char *name; gsize length; } stack[MAX_DEPTH];
  guint depth = 0;
  gboolean seen_root = FALSE;
  char name[MAX_NAME + 1];
  GError *local = NULL;
  static gsize name_bytes_ready = 0;

  if (g_once_init_enter (&name_bytes_ready))
    {
      init_name_bytes ();
      g_once_init_leave (&name_bytes_ready, 1);
    }
  if (!g_utf8_validate_len (text, length, NULL))
    return malformed (error, text, text, _("The document is not valid UTF-8"));
  /* A byte order mark is allowed, and nothing else before the prolog. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (*p != '<')
        {
          const char *next = memchr (p, '<', end - p);

          if (next == NULL)
            next = end;
          if (depth == 0)
            {
              if (!only_space (p, next))
                return malformed (error, text, p, _("Text outside the document's element"));
            }
          else if (memchr (p, '&', next - p) == NULL)
            {
              handlers->text (NULL, p, next - p, user_data, &local);
            }
          else
            {
              g_string_truncate (scratch, 0);
              if (!decode_text (scratch, p, next))
                return malformed (error, text, p, _("A character or entity reference is not valid"));
              handlers->text (NULL, scratch->str, scratch->len, user_data, &local);
            }
          if (local != NULL)
            break;
          p = next;
          continue;
        }

      if (end - p >= 2 && p[1] == '?')
        {
          const char *close = g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            return malformed (error, text, p, _("A processing instruction does not end"));
          p = close + 2;
          continue;
        }
      if (end - p >= 4 && p[1] == '!' && p[2] == '-' && p[3] == '-')
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          if (close == NULL)
            return malformed (error, text, p, _("A comment does not end"));
          p = close + 3;
          continue;
        }
      if (end - p >= 9 && p[1] == '!' && strncmp (p, "<![CDATA[", 9) == 0)
        {
          const char *close = g_strstr_len (p + 9, end - p - 9, "]]>");

          if (close == NULL || depth == 0)
            return malformed (error, text, p, _("Character data is outside an element or does not end"));
          handlers->text (NULL, p + 9, close - p - 9, user_data, &local);
          if (local != NULL)
            break;
          p = close + 3;
          continue;
        }
      if (end - p >= 2 && p[1] == '!')
        return malformed (error, text, p, _("A document type or declaration is not allowed"));

      if (end - p >= 2 && p[1] == '/')
        {
          const char *q = p + 2, *name_start = q;
          gsize name_length;

          while (q < end && is_name_char (*q))
            q++;
          name_length = q - name_start;
          while (q < end && g_ascii_isspace (*q))
            q++;
          if (q >= end || *q != '>' || depth == 0 || name_length != stack[depth - 1].length ||
              memcmp (name_start, stack[depth - 1].name, name_length) != 0)
            return malformed (error, text, p, _("An element is closed that is not open"));
          memcpy (name, name_start, name_length);
          name[name_length] = '\0';
          depth--;
          handlers->end (NULL, name, user_data, &local);
          if (local != NULL)
            break;
          p = q + 1;
          continue;
        }

      /* A start tag: its name, attributes to skip, and > or />. */
      {
        const char *q = p + 1, *name_start = q;
        gsize name_length;
        gboolean empty = FALSE;

        if (q >= end || !is_name_start (*q))
          return malformed (error, text, p, _("An element has no valid name"));
        while (q < end && is_name_char (*q))
          q++;
        name_length = q - name_start;
        if (name_length > MAX_NAME)
          return malformed (error, text, p, _("An element's name is too long"));

        for (;;)
          {
            const char *attribute = q;

            while (q < end && g_ascii_isspace (*q))
              q++;
            if (q >= end)
              return malformed (error, text, p, _("A tag does not end"));
            if (*q == '>')
              break;
            if (*q == '/' && q + 1 < end && q[1] == '>')
              {
                empty = TRUE;
                q++;
                break;
              }
            if (q == attribute || !is_name_start (*q))
              return malformed (error, text, q, _("An attribute is not valid"));
            while (q < end && is_name_char (*q))
              q++;
            while (q < end && g_ascii_isspace (*q))
              q++;
            if (q >= end || *q != '=')
              return malformed (error, text, q, _("An attribute has no value"));
            q++;
            while (q < end && g_ascii_isspace (*q))
              q++;
            if (q >= end || (*q != '"' && *q != '\''))
              return malformed (error, text, q, _("An attribute's value is not quoted"));
            {
              const char *close = memchr (q + 1, *q, end - q - 1);

              if (close == NULL || memchr (q + 1, '<', close - q - 1) != NULL)
                return malformed (error, text, q, _("An attribute's value does not end"));
              q = close + 1;
            }
          }

        if (depth == 0 && seen_root)
          return malformed (error, text, p, _("The document has a second element"));
        if (depth == MAX_DEPTH)
          return malformed (error, text, p, _("Elements nest too deeply"));
        seen_root = TRUE;
        memcpy (name, name_start, name_length);
        name[name_length] = '\0';
        handlers->start (NULL, name, no_attributes, no_attributes, user_data, &local);
        if (local == NULL && empty)
          handlers->end (NULL, name, user_data, &local);
        else if (local == NULL)
          {
            stack[depth].name = name_start;
            stack[depth].length = name_length;
            depth++;
          }
        if (local != NULL)
          break;
        p = q + 1;
      }
    }

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!seen_root)
    return malformed (error, text, p, _("Document was empty or contained only whitespace"));
  if (depth > 0)
    return malformed (error, text, p, _("The document ends before its elements close"));
  return TRUE;
}

typedef enum
{
  FRAME_ROOT,
  FRAME_RESULT,
  FRAME_METADATA,
  FRAME_OBJECT,
  FRAME_LIST,
  FRAME_STRV,
  FRAME_NUMBERS,
  FRAME_TEXT,
  FRAME_SKIP,
} FrameKind;

typedef struct
{
  FrameKind       kind;
  RdsShape       *shape;       /* OBJECT: the shape being filled */
  const RdsField *field;       /* LIST, STRV, TEXT: the field of the parent shape */
  RdsShape       *owner;       /* LIST, STRV, TEXT: the shape that has the field */
  GType           item_type;   /* LIST */
  const char     *member;      /* LIST, STRV */
  GPtrArray      *items;       /* LIST at the top: the result's items */
  GStrvBuilder   *strv;        /* STRV */
  GArray         *numbers;     /* NUMBERS */
  gboolean        number_item; /* TEXT in NUMBERS */
  char          **text_target; /* TEXT without a field: Marker, RequestId */
  gboolean        strv_item;   /* TEXT in a STRV */
} Frame;

typedef struct
{
  const RdsAction *action;
  RdsQueryResult  *result;
  char            *request_id;
  GArray          *frames;
  GString         *text;
  char            *response_element;
  char            *result_element;
} Reader;

static Frame *
top (Reader *reader)
{
  return &g_array_index (reader->frames, Frame, reader->frames->len - 1);
}

static void
push (Reader *reader,
      Frame   frame)
{
  g_array_append_val (reader->frames, frame);
  g_string_truncate (reader->text, 0);
}

static void
add_item (Frame    *frame,
          RdsShape *item)
{
  if (frame->items != NULL)
    g_ptr_array_add (frame->items, g_object_ref (item));
  else
    g_list_store_append (rds_shape_ensure_list (frame->owner, frame->field->name), item);
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;
  Frame frame = { FRAME_SKIP };
  Frame *parent;

  if (reader->frames->len == 0)
    {
      if (!g_str_equal (element, reader->response_element))
        {
          g_set_error (error, RDS_XML_ERROR, RDS_XML_ERROR_MALFORMED,
                       _("Expected <%s>, got <%s>"), reader->response_element, element);
          return;
        }
      frame.kind = FRAME_ROOT;
      push (reader, frame);
      return;
    }

  parent = top (reader);
  switch (parent->kind)
    {
    case FRAME_ROOT:
      if (g_str_equal (element, reader->result_element) && reader->action->kind == RDS_RESULT_SHAPE)
        {
          /* The result element is the shape. */
          g_clear_object (&reader->result->item);
          reader->result->item = g_object_new (reader->action->item_type (), NULL);
          frame.kind = FRAME_OBJECT;
          frame.shape = reader->result->item;
        }
      else if (g_str_equal (element, reader->result_element))
        frame.kind = FRAME_RESULT;
      else if (g_str_equal (element, "ResponseMetadata"))
        frame.kind = FRAME_METADATA;
      break;

    case FRAME_METADATA:
      if (g_str_equal (element, "RequestId"))
        {
          frame.kind = FRAME_TEXT;
          frame.text_target = &reader->request_id;
        }
      break;

    case FRAME_RESULT:
      if (reader->action->kind == RDS_RESULT_ITEM && g_str_equal (element, reader->action->element))
        {
          g_clear_object (&reader->result->item);
          reader->result->item = g_object_new (reader->action->item_type (), NULL);
          frame.kind = FRAME_OBJECT;
          frame.shape = reader->result->item;
        }
      else if (reader->action->kind == RDS_RESULT_LIST && g_str_equal (element, reader->action->element))
        {
          frame.kind = FRAME_LIST;
          frame.items = reader->result->items;
          frame.item_type = reader->action->item_type ();
          frame.member = reader->action->member;
        }
      else if (reader->action->kind == RDS_RESULT_LIST && g_str_equal (element, "Marker"))
        {
          frame.kind = FRAME_TEXT;
          frame.text_target = &reader->result->marker;
        }
      break;

    case FRAME_LIST:
      if (g_str_equal (element, parent->member))
        {
          g_autoptr(RdsShape) item = g_object_new (parent->item_type, NULL);

          add_item (parent, item);
          frame.kind = FRAME_OBJECT;
          frame.shape = item;
        }
      break;

    case FRAME_STRV:
      if (g_str_equal (element, parent->member))
        {
          frame.kind = FRAME_TEXT;
          frame.strv_item = TRUE;
        }
      break;

    case FRAME_NUMBERS:
      if (g_str_equal (element, parent->member))
        {
          frame.kind = FRAME_TEXT;
          frame.number_item = TRUE;
          frame.field = parent->field;
        }
      break;

    case FRAME_OBJECT:
      {
        const RdsField *field = rds_shape_class_find_wire_name (RDS_SHAPE_GET_CLASS (parent->shape),
                                                                element);

        if (field == NULL)
          break;

        frame.field = field;
        frame.owner = parent->shape;
        switch (field->kind)
          {
          case RDS_FIELD_KIND_OBJECT:
            {
              g_autoptr(RdsShape) child = g_object_new (field->item_type (), NULL);

              rds_shape_set_object (parent->shape, field->name, child);
              frame.kind = FRAME_OBJECT;
              frame.shape = child;
            }
            break;
          case RDS_FIELD_KIND_LIST:
            g_list_store_remove_all (rds_shape_ensure_list (parent->shape, field->name));
            frame.kind = FRAME_LIST;
            frame.item_type = field->item_type ();
            frame.member = field->member_name;
            break;
          case RDS_FIELD_KIND_STRV:
            frame.kind = FRAME_STRV;
            frame.member = field->member_name;
            frame.strv = g_strv_builder_new ();
            break;
          case RDS_FIELD_KIND_DOUBLES:
          case RDS_FIELD_KIND_TIMESTAMPS:
            frame.kind = FRAME_NUMBERS;
            frame.member = field->member_name;
            frame.numbers = g_array_new (FALSE, FALSE, field->kind == RDS_FIELD_KIND_DOUBLES ? sizeof (double)
                                                                                            : sizeof (gint64));
            break;
          case RDS_FIELD_KIND_STRING:
          case RDS_FIELD_KIND_INTERNED:
          case RDS_FIELD_KIND_INT:
          case RDS_FIELD_KIND_OPTIONAL_INT:
          case RDS_FIELD_KIND_BOOLEAN:
          case RDS_FIELD_KIND_OPTIONAL_BOOLEAN:
          case RDS_FIELD_KIND_DOUBLE:
          case RDS_FIELD_KIND_TIMESTAMP:
          default:
            frame.kind = FRAME_TEXT;
            break;
          }
      }
      break;

    case FRAME_TEXT:
    case FRAME_SKIP:
    default:
      break;
    }

  push (reader, frame);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Reader *reader = user_data;
  Frame frame = *top (reader);

  g_array_set_size (reader->frames, reader->frames->len - 1);

  if (frame.kind == FRAME_STRV)
    {
      g_auto(GStrv) values = g_strv_builder_end (frame.strv);

      g_strv_builder_unref (frame.strv);
      rds_shape_set_strv (frame.owner, frame.field->name, (const char * const *) values);
    }
  else if (frame.kind == FRAME_NUMBERS)
    {
      rds_shape_take_array (frame.owner, frame.field->name, frame.numbers);
    }
  else if (frame.kind == FRAME_TEXT && frame.strv_item)
    {
      g_strv_builder_add (top (reader)->strv, reader->text->str);
    }
  else if (frame.kind == FRAME_TEXT && frame.number_item)
    {
      GArray *numbers = top (reader)->numbers;
      char *end = NULL;

      if (frame.field->kind == RDS_FIELD_KIND_DOUBLES)
        {
          double value = g_ascii_strtod (reader->text->str, &end);

          if (end == reader->text->str || *end != '\0')
            g_set_error (error, RDS_XML_ERROR, RDS_XML_ERROR_MALFORMED, _("“%s” in %s is not a number"),
                         reader->text->str, frame.field->wire_name);
          else
            g_array_append_val (numbers, value);
        }
      else
        {
          gint64 value;

          if (!rds_parse_timestamp (reader->text->str, &value))
            g_set_error (error, RDS_XML_ERROR, RDS_XML_ERROR_MALFORMED, _("“%s” in %s is not a time"),
                         reader->text->str, frame.field->wire_name);
          else
            g_array_append_val (numbers, value);
        }
    }
  else if (frame.kind == FRAME_TEXT && frame.text_target != NULL)
    {
      g_free (*frame.text_target);
      *frame.text_target = g_strdup (reader->text->str);
    }
  else if (frame.kind == FRAME_TEXT)
    {
      rds_shape_field_set_from_text (frame.owner, frame.field, reader->text->str, error);
    }

  g_string_truncate (reader->text, 0);
}

static void
text (GMarkupParseContext  *context,
      const char           *text_value,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Reader *reader = user_data;

  if (reader->frames->len > 0 && top (reader)->kind == FRAME_TEXT)
    g_string_append_len (reader->text, text_value, length);
}

static const Handlers reader_handlers = { start_element, end_element, text };

/**
 * rds_xml_read_response:
 * @action: the action the document answers
 * @request_id: (out) (optional): the request ID of the answer
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL with
 *   %RDS_XML_ERROR_MALFORMED
 */
RdsQueryResult *
rds_xml_read_response (const RdsAction  *action,
                       const char       *text_value,
                       gssize            length,
                       char            **request_id,
                       GError          **error)
{
  g_autoptr(RdsQueryResult) result = NULL;
  Reader reader = { 0 };
  gboolean ok;

  g_return_val_if_fail (action != NULL, NULL);
  g_return_val_if_fail (text_value != NULL, NULL);

  result = rds_query_result_new (action);
  reader.action = action;
  reader.result = result;
  reader.frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  reader.text = g_string_new (NULL);
  reader.response_element = g_strconcat (action->name, "Response", NULL);
  reader.result_element = g_strconcat (action->name, "Result", NULL);

  ok = read_document (text_value, length >= 0 ? (gsize) length : strlen (text_value), &reader_handlers,
                      &reader, error);

  if (ok && reader.frames->len != 0)
    {
      g_set_error_literal (error, RDS_XML_ERROR, RDS_XML_ERROR_MALFORMED, _("The document ends early"));
      ok = FALSE;
    }

  if (ok && request_id != NULL)
    *request_id = g_steal_pointer (&reader.request_id);

  /* Frames left by a broken document may hold a list of strings. */
  for (guint i = 0; i < reader.frames->len; i++)
    {
      g_clear_pointer (&g_array_index (reader.frames, Frame, i).strv, g_strv_builder_unref);
      g_clear_pointer (&g_array_index (reader.frames, Frame, i).numbers, g_array_unref);
    }
  g_array_unref (reader.frames);
  g_string_free (reader.text, TRUE);
  g_free (reader.response_element);
  g_free (reader.result_element);
  g_free (reader.request_id);

  if (!ok)
    {
      if (error != NULL && *error != NULL && (*error)->domain != RDS_XML_ERROR)
        {
          g_autofree char *message = g_strdup ((*error)->message);

          g_clear_error (error);
          g_set_error (error, RDS_XML_ERROR, RDS_XML_ERROR_MALFORMED,
                       _("The %s answer is not well-formed: %s"), action->name, message);
        }
      return NULL;
    }

  return g_steal_pointer (&result);
}

void
rds_xml_error_document_clear (RdsXmlErrorDocument *document)
{
  g_clear_pointer (&document->code, g_free);
  g_clear_pointer (&document->message, g_free);
  g_clear_pointer (&document->request_id, g_free);
}

typedef struct
{
  RdsXmlErrorDocument *document;
  GString             *text;
} ErrorReader;

static void
error_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **attribute_names,
             const char          **attribute_values,
             gpointer              user_data,
             GError              **error)
{
  ErrorReader *reader = user_data;

  g_string_truncate (reader->text, 0);
}

static void
error_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  ErrorReader *reader = user_data;
  char **target = NULL;

  if (g_str_equal (element, "Code"))
    target = &reader->document->code;
  else if (g_str_equal (element, "Message"))
    target = &reader->document->message;
  else if (g_str_equal (element, "RequestId"))
    target = &reader->document->request_id;

  if (target != NULL && *target == NULL)
    *target = g_strdup (reader->text->str);
  g_string_truncate (reader->text, 0);
}

static void
error_text (GMarkupParseContext  *context,
            const char           *text_value,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  ErrorReader *reader = user_data;

  g_string_append_len (reader->text, text_value, length);
}

static const GMarkupParser error_parser = { error_start, error_end, error_text, NULL, NULL };

/**
 * rds_xml_read_error:
 *
 * Reads an `<ErrorResponse>` (or a bare `<Error>`, as some services send).
 *
 * Returns: whether @text held an AWS error code
 */
gboolean
rds_xml_read_error (const char          *text_value,
                    gssize               length,
                    RdsXmlErrorDocument *document)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  ErrorReader reader = { document, g_string_new (NULL) };

  g_return_val_if_fail (document != NULL, FALSE);

  context = g_markup_parse_context_new (&error_parser, 0, &reader, NULL);
  g_markup_parse_context_parse (context, text_value, length, NULL);

  g_string_free (reader.text, TRUE);

  return document->code != NULL;
}
