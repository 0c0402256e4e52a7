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
      gunichar c = g_utf8_get_char_validated (p, -1);

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
  g_string_append_c (out, '<');
  g_string_append (out, element);
  g_string_append_c (out, '>');
}

static void
close_tag (GString    *out,
           const char *element)
{
  g_string_append (out, "</");
  g_string_append (out, element);
  g_string_append_c (out, '>');
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

typedef enum
{
  FRAME_ROOT,
  FRAME_RESULT,
  FRAME_METADATA,
  FRAME_OBJECT,
  FRAME_LIST,
  FRAME_STRV,
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
  else if (frame.kind == FRAME_TEXT && frame.strv_item)
    {
      g_strv_builder_add (top (reader)->strv, reader->text->str);
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

static const GMarkupParser reader_parser = { start_element, end_element, text, NULL, NULL };

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
  g_autoptr(GMarkupParseContext) context = NULL;
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

  context = g_markup_parse_context_new (&reader_parser, G_MARKUP_PREFIX_ERROR_POSITION, &reader, NULL);
  ok = g_markup_parse_context_parse (context, text_value, length, error) &&
       g_markup_parse_context_end_parse (context, error);

  if (ok && reader.frames->len != 0)
    {
      g_set_error_literal (error, RDS_XML_ERROR, RDS_XML_ERROR_MALFORMED, _("The document ends early"));
      ok = FALSE;
    }

  if (ok && request_id != NULL)
    *request_id = g_steal_pointer (&reader.request_id);

  /* Frames left by a broken document may hold a list of strings. */
  for (guint i = 0; i < reader.frames->len; i++)
    g_clear_pointer (&g_array_index (reader.frames, Frame, i).strv, g_strv_builder_unref);
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
