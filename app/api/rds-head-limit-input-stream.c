/* rds-head-limit-input-stream.c: a connection's input that bounds each request head
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libsoup 3.2 reads a request line and its headers into memory up to
 * 64 KiB, then drops the connection without a word. This stream sits
 * between the socket and libsoup and counts the bytes of each head as they
 * pass: when a head grows past the limit, the read fails, and the stream
 * remembers which answer the client is owed (414 while the request line
 * is still coming, 431 once the headers are). The server writes that
 * answer itself when libsoup gives up the connection.
 *
 * A head ends at its empty line; the stream then stops counting until the
 * server says the next request begins (the body's length is libsoup's
 * business). What libsoup reads ahead of a request is not counted, which
 * is why the limit sits well below libsoup's own.
 */

#include "config.h"

#include "rds-head-limit-input-stream.h"

#include <libsoup/soup.h>

/* RFC 6585; libsoup 3.2 has no name for it. */
#define RDS_STATUS_REQUEST_HEADER_FIELDS_TOO_LARGE 431

typedef enum
{
  HEAD_REQUEST_LINE,
  HEAD_FIELDS,
  HEAD_DONE,
} HeadState;

struct _RdsHeadLimitInputStream
{
  GFilterInputStream parent_instance;

  gsize     limit;
  gsize     count;        /* bytes of the current head so far */
  gsize     line_length;  /* of the current line, without CR */
  HeadState state;
  guint     refusal;      /* the HTTP status owed, or 0 */
};

static void rds_head_limit_input_stream_pollable_iface_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RdsHeadLimitInputStream, rds_head_limit_input_stream,
                               G_TYPE_FILTER_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      rds_head_limit_input_stream_pollable_iface_init))

static GInputStream *
base_stream (RdsHeadLimitInputStream *self)
{
  return g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (self));
}

/* Counts what was read; FALSE once the head is over the limit. */
static gboolean
scan (RdsHeadLimitInputStream  *self,
      const guint8             *data,
      gssize                    length,
      GError                  **error)
{
  for (gssize i = 0; i < length && self->state != HEAD_DONE; i++)
    {
      if (++self->count > self->limit)
        {
          self->refusal = self->state == HEAD_REQUEST_LINE
                          ? SOUP_STATUS_REQUEST_URI_TOO_LONG
                          : RDS_STATUS_REQUEST_HEADER_FIELDS_TOO_LARGE;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       "The request head is longer than %" G_GSIZE_FORMAT " bytes", self->limit);
          return FALSE;
        }

      if (data[i] == '\n')
        {
          /* Empty lines before a request line are skipped, as RFC 9112 allows. */
          if (self->state == HEAD_REQUEST_LINE && self->line_length > 0)
            self->state = HEAD_FIELDS;
          else if (self->state == HEAD_FIELDS && self->line_length == 0)
            self->state = HEAD_DONE;
          self->line_length = 0;
        }
      else if (data[i] != '\r')
        {
          self->line_length++;
        }
    }

  return TRUE;
}

/* Once over the limit, every read fails: the connection is done. */
static gboolean
refused (RdsHeadLimitInputStream  *self,
         GError                  **error)
{
  if (self->refusal == 0)
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "The request head is too long");
  return TRUE;
}

static gssize
rds_head_limit_input_stream_read (GInputStream  *stream,
                                  void          *buffer,
                                  gsize          count,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  RdsHeadLimitInputStream *self = RDS_HEAD_LIMIT_INPUT_STREAM (stream);
  gssize n;

  if (refused (self, error))
    return -1;

  n = g_input_stream_read (base_stream (self), buffer, count, cancellable, error);
  if (n > 0 && !scan (self, buffer, n, error))
    return -1;
  return n;
}

static gboolean
rds_head_limit_input_stream_can_poll (GPollableInputStream *stream)
{
  GInputStream *base = base_stream (RDS_HEAD_LIMIT_INPUT_STREAM (stream));

  return G_IS_POLLABLE_INPUT_STREAM (base) &&
         g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (base));
}

static gboolean
rds_head_limit_input_stream_is_readable (GPollableInputStream *stream)
{
  RdsHeadLimitInputStream *self = RDS_HEAD_LIMIT_INPUT_STREAM (stream);

  return self->refusal != 0 || g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (base_stream (self)));
}

static GSource *
rds_head_limit_input_stream_create_source (GPollableInputStream *stream,
                                           GCancellable         *cancellable)
{
  RdsHeadLimitInputStream *self = RDS_HEAD_LIMIT_INPUT_STREAM (stream);
  g_autoptr(GSource) base_source = NULL;

  base_source = g_pollable_input_stream_create_source (G_POLLABLE_INPUT_STREAM (base_stream (self)), NULL);
  return g_pollable_source_new_full (stream, base_source, cancellable);
}

static gssize
rds_head_limit_input_stream_read_nonblocking (GPollableInputStream  *stream,
                                              void                  *buffer,
                                              gsize                  count,
                                              GError               **error)
{
  RdsHeadLimitInputStream *self = RDS_HEAD_LIMIT_INPUT_STREAM (stream);
  gssize n;

  if (refused (self, error))
    return -1;

  n = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (base_stream (self)),
                                                buffer, count, NULL, error);
  if (n > 0 && !scan (self, buffer, n, error))
    return -1;
  return n;
}

static void
rds_head_limit_input_stream_pollable_iface_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = rds_head_limit_input_stream_can_poll;
  iface->is_readable = rds_head_limit_input_stream_is_readable;
  iface->create_source = rds_head_limit_input_stream_create_source;
  iface->read_nonblocking = rds_head_limit_input_stream_read_nonblocking;
}

static void
rds_head_limit_input_stream_class_init (RdsHeadLimitInputStreamClass *klass)
{
  GInputStreamClass *input_class = G_INPUT_STREAM_CLASS (klass);

  input_class->read_fn = rds_head_limit_input_stream_read;
}

static void
rds_head_limit_input_stream_init (RdsHeadLimitInputStream *self)
{
  self->state = HEAD_REQUEST_LINE;
}

/**
 * rds_head_limit_input_stream_new:
 * @base_stream: a pollable input stream, usually a socket's
 * @limit: the most bytes a request line and its headers may take
 *
 * Returns: (transfer full): a stream that counts the first request's head
 */
GInputStream *
rds_head_limit_input_stream_new (GInputStream *base,
                                 gsize         limit)
{
  RdsHeadLimitInputStream *self;

  g_return_val_if_fail (G_IS_POLLABLE_INPUT_STREAM (base), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  self = g_object_new (RDS_TYPE_HEAD_LIMIT_INPUT_STREAM,
                       "base-stream", base,
                       "close-base-stream", FALSE,
                       NULL);
  self->limit = limit;
  return G_INPUT_STREAM (self);
}

/**
 * rds_head_limit_input_stream_start_head:
 *
 * Counts from here on as the head of the next request on the connection.
 */
void
rds_head_limit_input_stream_start_head (RdsHeadLimitInputStream *self)
{
  g_return_if_fail (RDS_IS_HEAD_LIMIT_INPUT_STREAM (self));

  self->count = 0;
  self->line_length = 0;
  self->state = HEAD_REQUEST_LINE;
}

/**
 * rds_head_limit_input_stream_get_refusal:
 *
 * Returns: the HTTP status owed to a client whose head was too long
 *   (414 or 431), or 0
 */
guint
rds_head_limit_input_stream_get_refusal (RdsHeadLimitInputStream *self)
{
  g_return_val_if_fail (RDS_IS_HEAD_LIMIT_INPUT_STREAM (self), 0);

  return self->refusal;
}
