# model_check.py: every answer, element by element, against the botocore model.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# botocore's parser skips what it does not know, so an answer can "parse"
# and still be wrong. This reads each answer with the AWS CLI's own service
# model and reports any element, list member, value or error code the model
# does not allow.

import datetime
import json
import os
import xml.etree.ElementTree as ET

CLI_MODELS = "/usr/lib/python3/dist-packages/awscli/botocore/data"
# The services on the endpoint: their model's version and answers' namespace.
SERVICES = {
    "rds": ("2014-10-31", "{http://rds.amazonaws.com/doc/2014-10-31/}"),
    "cloudwatch": ("2010-08-01", "{http://monitoring.amazonaws.com/doc/2010-08-01/}"),
}
GENERIC_ERRORS = {
    "InvalidParameterValue": 400, "InvalidParameterCombination": 400, "MissingParameter": 400,
    "InvalidAction": 400, "MalformedQueryString": 404, "Throttling": 400, "AccessDenied": 403,
    "InternalFailure": 500, "ServiceUnavailable": 503, "MissingAuthenticationToken": 403,
    "IncompleteSignature": 400, "InvalidClientTokenId": 403, "SignatureDoesNotMatch": 403,
}


def load_model(service="rds"):
    version = SERVICES[service][0]
    path = os.path.join(CLI_MODELS, service, version, "service-2.json")
    if not os.path.exists(path):
        import botocore
        path = os.path.join(os.path.dirname(botocore.__file__), "data", service, version,
                            "service-2.json")
    with open(path) as f:
        return json.load(f)


class ModelChecker:
    def __init__(self, service="rds"):
        self.service = service
        self.namespace = SERVICES[service][1]
        self.model = load_model(service)
        self.shapes = self.model["shapes"]
        self.problems = []
        self.checked = 0
        self.error_codes = {}
        for name, shape in self.shapes.items():
            if shape.get("exception"):
                error = shape.get("error", {})
                self.error_codes[error.get("code", name)] = (name, error.get("httpStatusCode", 400))

    def problem(self, text):
        self.problems.append(text)

    def check(self, operation, status, body):
        self.checked += 1
        try:
            root = ET.fromstring(body)
        except ET.ParseError as e:
            self.problem("%s: not XML: %s" % (operation, e))
            return
        if status >= 300:
            self.check_error(operation, status, root)
        else:
            self.check_answer(operation, root)

    def check_answer(self, operation, root):
        op = self.model["operations"][operation]
        if root.tag != self.namespace + operation + "Response":
            self.problem("%s: root element %s" % (operation, root.tag))
            return
        output = op.get("output")
        seen_metadata = False
        for child in root:
            tag = child.tag.replace(self.namespace, "")
            if tag == "ResponseMetadata":
                seen_metadata = True
                ids = [c for c in child if c.tag == self.namespace + "RequestId"]
                if len(ids) != 1 or not (ids[0].text or "").strip():
                    self.problem("%s: ResponseMetadata without a RequestId" % operation)
            elif output and tag == output.get("resultWrapper"):
                self.check_shape(child, output["shape"], operation + "." + tag)
            else:
                self.problem("%s: unexpected element %s in the response" % (operation, tag))
        if not seen_metadata:
            self.problem("%s: no ResponseMetadata" % operation)

    def check_error(self, operation, status, root):
        if root.tag != self.namespace + "ErrorResponse":
            self.problem("%s: error root %s" % (operation, root.tag))
            return
        error = root.find(self.namespace + "Error")
        request_id = root.find(self.namespace + "RequestId")
        if error is None or request_id is None or not (request_id.text or "").strip():
            self.problem("%s: error document lacks Error or RequestId" % operation)
            return
        code = (error.findtext(self.namespace + "Code") or "").strip()
        message = (error.findtext(self.namespace + "Message") or "").strip()
        kind = (error.findtext(self.namespace + "Type") or "").strip()
        if not message:
            self.problem("%s: error %s has no message" % (operation, code))
        if kind not in ("Sender", "Receiver"):
            self.problem("%s: error Type %r" % (operation, kind))
        if code in GENERIC_ERRORS:
            expected = GENERIC_ERRORS[code]
        elif code in self.error_codes:
            shape_name, expected = self.error_codes[code]
            allowed = [e["shape"] for e in self.model["operations"][operation].get("errors", [])]
            if shape_name not in allowed:
                self.problem("%s: error %s (%s) is not one the model lists for it"
                             % (operation, code, shape_name))
        else:
            self.problem("%s: unknown error code %s" % (operation, code))
            return
        if status != expected:
            self.problem("%s: error %s with HTTP %d, the model says %d"
                         % (operation, code, status, expected))

    def check_shape(self, element, shape_name, path):
        shape = self.shapes[shape_name]
        kind = shape["type"]
        if kind == "structure":
            members = {}
            for name, member in shape["members"].items():
                members[member.get("locationName", name)] = member["shape"]
            for child in element:
                tag = child.tag.replace(self.namespace, "")
                if tag not in members:
                    self.problem("%s: %s is not a member of %s" % (path, tag, shape_name))
                    continue
                self.check_shape(child, members[tag], path + "." + tag)
        elif kind == "list":
            member = shape["member"]
            name = member.get("locationName", "member")
            for child in element:
                tag = child.tag.replace(self.namespace, "")
                if tag != name:
                    self.problem("%s: list item <%s>, the model names them <%s>" % (path, tag, name))
                    continue
                self.check_shape(child, member["shape"], path + "[]")
        elif kind == "map":
            for child in element:
                tag = child.tag.replace(self.namespace, "")
                if tag != "entry":
                    self.problem("%s: map item <%s>, not <entry>" % (path, tag))
                    continue
                for part in child:
                    name = part.tag.replace(self.namespace, "")
                    if name not in ("key", "value"):
                        self.problem("%s: <%s> in a map entry" % (path, name))
                        continue
                    self.check_shape(part, shape[name]["shape"], path + "." + name)
        else:
            if len(element):
                self.problem("%s: a %s with child elements" % (path, kind))
                return
            self.check_scalar(element.text or "", shape, path)

    def check_scalar(self, text, shape, path):
        kind = shape["type"]
        try:
            if kind in ("integer", "long"):
                int(text)
            elif kind == "double" or kind == "float":
                float(text)
            elif kind == "boolean":
                if text not in ("true", "false"):
                    raise ValueError(text)
            elif kind == "timestamp":
                try:
                    datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ")
                except ValueError:
                    datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
            elif kind == "string" and "enum" in shape and text not in shape["enum"]:
                raise ValueError("%r is not one of %s" % (text, shape["enum"]))
        except ValueError as e:
            self.problem("%s: bad %s value: %s" % (path, kind, e))

    def attach(self, client):
        """Checks every answer a boto3 client receives."""
        def after_call(http_response, model, **kwargs):
            self.check(model.name, http_response.status_code, http_response.content)
        client.meta.events.register("after-call." + self.service, after_call)
