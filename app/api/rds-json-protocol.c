/* rds-json-protocol.c: AWS JSON 1.1 answers and errors, written and read from the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A JSON service (KMS) answers with one object: the result shape's members
 * keyed by their wire names (RDS_RESULT_SHAPE), {} for none, and for the
 * item and list kinds the element named as in Query answers. An error is
 * {"__type": "Code", "message": "…"}; services may prefix the code with
 * its namespace ("com.amazonaws.kms#NotFoundException"). Timestamps are
 * numbers on this wire, seconds since the epoch, where the model's own
 * JSON (the state file) keeps ISO 8601 text.
 */

#include "config.h"

#include "rds-json-protocol.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "rds-xml.h"

static JsonNode *
new_object_node (void)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, json_object_new ());
  return node;
}

typedef enum
{
  TO_WIRE,    /* ISO 8601 text to seconds */
  FROM_WIRE,  /* seconds to ISO 8601 text */
} Direction;

static void convert_timestamps (JsonNode  *node,
                                GType      type,
                                Direction  direction);

static void
convert_timestamp (JsonNode  *node,
                   Direction  direction)
{
  GType value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  gint64 usec;

  if (direction == TO_WIRE && value_type == G_TYPE_STRING &&
      rds_parse_timestamp (json_node_get_string (node), &usec))
    {
      if (usec % G_USEC_PER_SEC == 0)
        json_node_set_int (node, usec / G_USEC_PER_SEC);
      else
        json_node_set_double (node, (double) usec / G_USEC_PER_SEC);
    }
  else if (direction == FROM_WIRE && (value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE))
    {
      g_autofree char *text = NULL;

      if (value_type == G_TYPE_INT64)
        usec = json_node_get_int (node) * G_USEC_PER_SEC;
      else if (isfinite (json_node_get_double (node)) && fabs (json_node_get_double (node)) < 1e12)
        usec = (gint64) llround (json_node_get_double (node) * G_USEC_PER_SEC);
      else
        return;
      text = rds_format_timestamp (usec);
      json_node_set_string (node, text);
    }
}

/* Rewrites the timestamps of @node, an object of the shape @type, and of
 * the shapes it holds. */
static void
convert_timestamps (JsonNode  *node,
                    GType      type,
                    Direction  direction)
{
  RdsShapeClass *klass;
  const RdsField *fields;
  JsonObject *object;
  guint n_fields;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  klass = g_type_class_ref (type);
  fields = rds_shape_class_get_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      JsonNode *member = json_object_get_member (object, fields[i].wire_name);

      if (member == NULL)
        continue;
      if (fields[i].kind == RDS_FIELD_KIND_TIMESTAMP)
        convert_timestamp (member, direction);
      else if (fields[i].kind == RDS_FIELD_KIND_OBJECT)
        convert_timestamps (member, fields[i].item_type (), direction);
      else if (fields[i].kind == RDS_FIELD_KIND_LIST && JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);

          for (guint j = 0; j < json_array_get_length (array); j++)
            convert_timestamps (json_array_get_element (array, j), fields[i].item_type (), direction);
        }
    }
  g_type_class_unref (klass);
}

/* A list the answer has, even empty, is written: "Aliases": []. The
 * model's own JSON leaves empty lists out. */
static void
add_empty_lists (JsonNode *node,
                 RdsShape *shape)
{
  JsonObject *object = json_node_get_object (node);
  const RdsField *fields;
  guint n_fields;

  fields = rds_shape_class_get_fields (RDS_SHAPE_GET_CLASS (shape), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      JsonNode *member = json_object_get_member (object, fields[i].wire_name);

      if (fields[i].kind == RDS_FIELD_KIND_LIST && member == NULL &&
          rds_shape_get_list (shape, fields[i].name) != NULL)
        json_object_set_array_member (object, fields[i].wire_name, json_array_new ());
      else if (fields[i].kind == RDS_FIELD_KIND_OBJECT && member != NULL && JSON_NODE_HOLDS_OBJECT (member))
        add_empty_lists (member, rds_shape_get_object (shape, fields[i].name));
      else if (fields[i].kind == RDS_FIELD_KIND_LIST && member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        {
          GListModel *list = rds_shape_get_list (shape, fields[i].name);
          JsonArray *array = json_node_get_array (member);

          for (guint j = 0; j < json_array_get_length (array); j++)
            {
              g_autoptr(RdsShape) item = g_list_model_get_item (list, j);

              add_empty_lists (json_array_get_element (array, j), item);
            }
        }
    }
}

/* A shape as a JSON service writes it. */
static JsonNode *
shape_to_wire (RdsShape *shape)
{
  JsonNode *node = rds_shape_to_json (shape);

  add_empty_lists (node, shape);
  convert_timestamps (node, G_OBJECT_TYPE (shape), TO_WIRE);
  return node;
}

/* A shape from what a JSON service wrote. */
static RdsShape *
shape_from_wire (GType      type,
                 JsonNode  *node,
                 GError   **error)
{
  g_autoptr(JsonNode) copy = json_node_copy (node);

  convert_timestamps (copy, type, FROM_WIRE);
  return rds_shape_new_from_json (type, copy, error);
}

static GBytes *
to_bytes (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/**
 * rds_json_write_response:
 *
 * Returns: (transfer full): the answer's JSON object
 */
GBytes *
rds_json_write_response (const RdsQueryResult *result)
{
  const RdsAction *action;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (result != NULL, NULL);

  action = result->action;
  if (action->kind == RDS_RESULT_SHAPE && result->item != NULL)
    return to_bytes (root = shape_to_wire (result->item));

  root = new_object_node ();
  object = json_node_get_object (root);
  if (action->kind == RDS_RESULT_ITEM && result->item != NULL)
    json_object_set_member (object, action->element, shape_to_wire (result->item));
  else if (action->kind == RDS_RESULT_LIST)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < result->items->len; i++)
        json_array_add_element (array, shape_to_wire (g_ptr_array_index (result->items, i)));
      json_object_set_array_member (object, action->element, array);
      if (result->marker != NULL)
        json_object_set_string_member (object, "Marker", result->marker);
    }
  return to_bytes (root);
}

GBytes *
rds_json_write_error (const char *code,
                      const char *message)
{
  g_autoptr(JsonNode) root = new_object_node ();
  JsonObject *object = json_node_get_object (root);

  json_object_set_string_member (object, "__type", code);
  json_object_set_string_member (object, "message", message);
  return to_bytes (root);
}

static JsonNode *
parse (const char  *text,
       gssize       length,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, RDS_XML_ERROR, RDS_XML_ERROR_MALFORMED, _("Expected a JSON object"));
      return NULL;
    }
  return json_node_copy (root);
}

/**
 * rds_json_read_response:
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL with
 *   %RDS_XML_ERROR_MALFORMED (or a JSON parse error)
 */
RdsQueryResult *
rds_json_read_response (const RdsAction  *action,
                        const char       *text,
                        gssize            length,
                        GError          **error)
{
  g_autoptr(RdsQueryResult) result = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (action != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* An empty body is an empty object. */
  if (length == 0 || (length < 0 && *text == '\0'))
    text = "{}", length = 2;
  root = parse (text, length, error);
  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);

  result = rds_query_result_new (action);
  switch (action->kind)
    {
    case RDS_RESULT_SHAPE:
      result->item = shape_from_wire (action->item_type (), root, error);
      if (result->item == NULL)
        return NULL;
      break;
    case RDS_RESULT_ITEM:
      if (json_object_has_member (object, action->element))
        {
          result->item = shape_from_wire (action->item_type (), json_object_get_member (object, action->element),
                                          error);
          if (result->item == NULL)
            return NULL;
        }
      break;
    case RDS_RESULT_LIST:
      {
        JsonNode *list = json_object_get_member (object, action->element);
        JsonArray *array = list != NULL && JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;

        for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
          {
            RdsShape *item = shape_from_wire (action->item_type (), json_array_get_element (array, i), error);

            if (item == NULL)
              return NULL;
            g_ptr_array_add (result->items, item);
          }
        if (json_object_has_member (object, "Marker"))
          result->marker = g_strdup (json_object_get_string_member (object, "Marker"));
      }
      break;
    case RDS_RESULT_NONE:
    default:
      break;
    }

  return g_steal_pointer (&result);
}

/**
 * rds_json_read_error:
 * @code: (out): the error code, without a namespace prefix
 * @message: (out) (nullable): its message
 *
 * Returns: whether @text is a JSON service's error document
 */
gboolean
rds_json_read_error (const char  *text,
                     gssize       length,
                     char       **code,
                     char       **message)
{
  g_autoptr(JsonNode) root = parse (text, length, NULL);
  JsonObject *object;
  const char *type;
  const char *hash;

  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);
  type = json_object_get_string_member_with_default (object, "__type", NULL);
  if (type == NULL)
    return FALSE;
  hash = strrchr (type, '#');
  *code = g_strdup (hash != NULL ? hash + 1 : type);
  /* KMS writes "message", some services "Message". */
  *message = g_strdup (json_object_get_string_member_with_default (
                         object, "message", json_object_get_string_member_with_default (object, "Message", NULL)));
  return TRUE;
}
