/* rds-server-connection.c: one client's connection to the server, its heads bounded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server accepts its clients itself and hands each to libsoup as this
 * stream: the socket's own, with its input read through an
 * RdsHeadLimitInputStream. When libsoup closes a connection whose head was
 * too long, the socket is left open and "closed" tells the server, which
 * takes the socket back (rds_server_connection_steal_base()) to write the
 * answer libsoup could not.
 */

#include "config.h"

#include "rds-server-connection.h"

#include "rds-head-limit-input-stream.h"

struct _RdsServerConnection
{
  GIOStream          parent_instance;

  GSocketConnection *base;
  GInputStream      *input;
  GOutputStream     *output;
  GSocketAddress    *local_address;
  GSocketAddress    *remote_address;
};

G_DEFINE_FINAL_TYPE (RdsServerConnection, rds_server_connection, G_TYPE_IO_STREAM)

enum
{
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GInputStream *
rds_server_connection_get_input_stream (GIOStream *stream)
{
  return RDS_SERVER_CONNECTION (stream)->input;
}

static GOutputStream *
rds_server_connection_get_output_stream (GIOStream *stream)
{
  return RDS_SERVER_CONNECTION (stream)->output;
}

static gboolean
rds_server_connection_close (GIOStream     *stream,
                             GCancellable  *cancellable,
                             GError       **error)
{
  RdsServerConnection *self = RDS_SERVER_CONNECTION (stream);
  gboolean closed = TRUE;

  /* Never set up: the client was gone before it was accepted. */
  if (self->input == NULL)
    return self->base == NULL || g_io_stream_close (G_IO_STREAM (self->base), cancellable, error);

  g_input_stream_close (self->input, NULL, NULL);

  /* A refused client still gets its answer: the server takes the socket. */
  if (self->base != NULL && rds_server_connection_get_refusal (self) == 0)
    closed = g_io_stream_close (G_IO_STREAM (self->base), cancellable, error);

  g_signal_emit (self, signals[CLOSED], 0);
  return closed;
}

/* Closing a socket does not wait: no thread for it, and "closed" is
 * emitted where the server runs. */
static void
rds_server_connection_close_async (GIOStream           *stream,
                                   int                  io_priority,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (stream, cancellable, callback, user_data);
  GError *error = NULL;

  if (rds_server_connection_close (stream, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
rds_server_connection_close_finish (GIOStream     *stream,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
rds_server_connection_finalize (GObject *object)
{
  RdsServerConnection *self = RDS_SERVER_CONNECTION (object);

  g_clear_object (&self->input);
  g_clear_object (&self->output);
  g_clear_object (&self->base);
  g_clear_object (&self->local_address);
  g_clear_object (&self->remote_address);

  G_OBJECT_CLASS (rds_server_connection_parent_class)->finalize (object);
}

static void
rds_server_connection_class_init (RdsServerConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GIOStreamClass *stream_class = G_IO_STREAM_CLASS (klass);

  object_class->finalize = rds_server_connection_finalize;
  stream_class->get_input_stream = rds_server_connection_get_input_stream;
  stream_class->get_output_stream = rds_server_connection_get_output_stream;
  stream_class->close_fn = rds_server_connection_close;
  stream_class->close_async = rds_server_connection_close_async;
  stream_class->close_finish = rds_server_connection_close_finish;

  /**
   * RdsServerConnection::closed:
   *
   * The connection was closed; if rds_server_connection_get_refusal()
   * says so, its socket is still open for the answer.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rds_server_connection_init (RdsServerConnection *self)
{
}

/**
 * rds_server_connection_new:
 * @base: an accepted client connection
 * @head_limit: the most bytes a request line and its headers may take
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL if the
 *   client is gone already
 */
RdsServerConnection *
rds_server_connection_new (GSocketConnection  *base,
                           gsize               head_limit,
                           GError            **error)
{
  g_autoptr(RdsServerConnection) self = NULL;

  g_return_val_if_fail (G_IS_SOCKET_CONNECTION (base), NULL);

  self = g_object_new (RDS_TYPE_SERVER_CONNECTION, NULL);
  self->local_address = g_socket_connection_get_local_address (base, error);
  if (self->local_address == NULL)
    return NULL;
  self->remote_address = g_socket_connection_get_remote_address (base, error);
  if (self->remote_address == NULL)
    return NULL;
  self->base = g_object_ref (base);
  self->input = rds_head_limit_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (base)), head_limit);
  self->output = g_object_ref (g_io_stream_get_output_stream (G_IO_STREAM (base)));
  return g_steal_pointer (&self);
}

GSocketAddress *
rds_server_connection_get_local_address (RdsServerConnection *self)
{
  g_return_val_if_fail (RDS_IS_SERVER_CONNECTION (self), NULL);

  return self->local_address;
}

/**
 * rds_server_connection_get_remote_address:
 *
 * Returns: (transfer none): the client's address; the server gives this
 *   very object to libsoup, so a message's remote address finds its
 *   connection
 */
GSocketAddress *
rds_server_connection_get_remote_address (RdsServerConnection *self)
{
  g_return_val_if_fail (RDS_IS_SERVER_CONNECTION (self), NULL);

  return self->remote_address;
}

/**
 * rds_server_connection_get_socket:
 *
 * Returns: (transfer none) (nullable): the client's socket, %NULL once
 *   taken back
 */
GSocket *
rds_server_connection_get_socket (RdsServerConnection *self)
{
  g_return_val_if_fail (RDS_IS_SERVER_CONNECTION (self), NULL);

  return self->base != NULL ? g_socket_connection_get_socket (self->base) : NULL;
}

/**
 * rds_server_connection_start_head:
 *
 * Says that what the client sends next is a new request's head.
 */
void
rds_server_connection_start_head (RdsServerConnection *self)
{
  g_return_if_fail (RDS_IS_SERVER_CONNECTION (self));

  rds_head_limit_input_stream_start_head (RDS_HEAD_LIMIT_INPUT_STREAM (self->input));
}

/**
 * rds_server_connection_get_refusal:
 *
 * Returns: the HTTP status owed to a client whose request head was too
 *   long (414 or 431), or 0
 */
guint
rds_server_connection_get_refusal (RdsServerConnection *self)
{
  g_return_val_if_fail (RDS_IS_SERVER_CONNECTION (self), 0);

  return rds_head_limit_input_stream_get_refusal (RDS_HEAD_LIMIT_INPUT_STREAM (self->input));
}

/**
 * rds_server_connection_steal_base:
 *
 * Takes the client's connection back once this stream is closed, for
 * the caller to answer on and close.
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL if it
 *   was closed or taken already
 */
GIOStream *
rds_server_connection_steal_base (RdsServerConnection *self)
{
  g_return_val_if_fail (RDS_IS_SERVER_CONNECTION (self), NULL);

  if (self->base == NULL || g_io_stream_is_closed (G_IO_STREAM (self->base)))
    return NULL;
  return G_IO_STREAM (g_steal_pointer (&self->base));
}
