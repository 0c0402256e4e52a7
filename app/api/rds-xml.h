/* rds-xml.h: Query API answers as XML, written and read from the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rds-action.h"
#include "rds-shape.h"

G_BEGIN_DECLS

#define RDS_XML_ERROR (rds_xml_error_quark ())

typedef enum
{
  RDS_XML_ERROR_MALFORMED,   /* not the document the action answers with */
} RdsXmlError;

GQuark          rds_xml_error_quark     (void);

void            rds_xml_append_escaped  (GString          *out,
                                         const char       *text);
void            rds_xml_write_shape     (GString          *out,
                                         RdsShape         *shape,
                                         const char       *element);
GBytes         *rds_xml_write_response  (const RdsQueryResult *result,
                                         const char       *request_id);
GBytes         *rds_xml_write_error     (const char       *xml_namespace,
                                         const char       *code,
                                         const char       *message,
                                         gboolean          sender_fault,
                                         const char       *request_id);

/* Reading: an answer, or the AWS error it carries. */
typedef struct
{
  char *code;
  char *message;
  char *request_id;
} RdsXmlErrorDocument;

void            rds_xml_error_document_clear (RdsXmlErrorDocument *document);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RdsXmlErrorDocument, rds_xml_error_document_clear)

RdsQueryResult *rds_xml_read_response   (const RdsAction  *action,
                                         const char       *text,
                                         gssize            length,
                                         char            **request_id,
                                         GError          **error);
gboolean        rds_xml_read_error      (const char       *text,
                                         gssize            length,
                                         RdsXmlErrorDocument *document);

G_END_DECLS
