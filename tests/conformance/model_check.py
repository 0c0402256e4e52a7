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
    # AWS JSON 1.1: JSON answers, no namespace.
    "kms": ("2014-11-01", None),
}
GENERIC_ERRORS = {
    "InvalidParameterValue": 400, "InvalidParameterCombination": 400, "MissingParameter": 400,
    "InvalidAction": 400, "MalformedQueryString": 404, "Throttling": 400, "AccessDenied": 403,
    "InternalFailure": 500, "ServiceUnavailable": 503, "MissingAuthenticationToken": 403,
    "IncompleteSignature": 400, "InvalidClientTokenId": 403, "SignatureDoesNotMatch": 403,
}

# What a JSON service answers besides its model's exceptions. KMS names a
# reserved alias (alias/aws/...) NotAuthorizedException.
JSON_GENERIC_ERRORS = {
    "ValidationException": 400, "AccessDeniedException": 400, "SerializationException": 400,
    "UnknownOperationException": 400, "ThrottlingException": 400, "UnrecognizedClientException": 400,
    "InvalidSignatureException": 400, "IncompleteSignature": 400, "NotAuthorizedException": 400,
    "InternalFailure": 500, "ServiceUnavailable": 503,
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
        if self.namespace is None:
            self.check_json(operation, status, body)
            return
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

    # AWS JSON 1.1

    def check_json(self, operation, status, body):
        try:
            document = json.loads(body or b"{}")
        except ValueError as e:
            self.problem("%s: not JSON: %s" % (operation, e))
            return
        if not isinstance(document, dict):
            self.problem("%s: the answer is not a JSON object" % operation)
            return
        if status >= 300:
            self.check_json_error(operation, status, document)
            return
        output = self.model["operations"][operation].get("output")
        if output is None:
            if document:
                self.problem("%s: answers %r, the model says nothing" % (operation, document))
            return
        self.check_json_shape(document, output["shape"], operation)

    def check_json_error(self, operation, status, document):
        code = str(document.get("__type", "")).split("#")[-1]
        if not document.get("message"):
            self.problem("%s: error %s has no message" % (operation, code))
        if code in JSON_GENERIC_ERRORS:
            expected = JSON_GENERIC_ERRORS[code]
        elif code in self.error_codes:
            shape_name, expected = self.error_codes[code]
            allowed = [e["shape"] for e in self.model["operations"][operation].get("errors", [])]
            if shape_name not in allowed:
                self.problem("%s: error %s is not one the model lists for it" % (operation, code))
        else:
            self.problem("%s: unknown error code %r" % (operation, code))
            return
        if status != expected:
            self.problem("%s: error %s with HTTP %d, expected %d" % (operation, code, status, expected))

    def check_json_shape(self, value, shape_name, path):
        shape = self.shapes[shape_name]
        kind = shape["type"]
        if kind == "structure":
            if not isinstance(value, dict):
                self.problem("%s: a %s that is not an object" % (path, shape_name))
                return
            for name, member in value.items():
                if name not in shape["members"]:
                    self.problem("%s: %s is not a member of %s" % (path, name, shape_name))
                    continue
                self.check_json_shape(member, shape["members"][name]["shape"], path + "." + name)
        elif kind == "list":
            if not isinstance(value, list):
                self.problem("%s: a list that is not an array" % path)
                return
            for item in value:
                self.check_json_shape(item, shape["member"]["shape"], path + "[]")
        elif kind == "map":
            if not isinstance(value, dict):
                self.problem("%s: a map that is not an object" % path)
                return
            for item in value.values():
                self.check_json_shape(item, shape["value"]["shape"], path + "{}")
        elif kind in ("integer", "long"):
            if not isinstance(value, int) or isinstance(value, bool):
                self.problem("%s: %r is not an integer" % (path, value))
        elif kind in ("double", "float"):
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                self.problem("%s: %r is not a number" % (path, value))
        elif kind == "boolean":
            if not isinstance(value, bool):
                self.problem("%s: %r is not a boolean" % (path, value))
        elif kind == "timestamp":
            # Seconds since the epoch, as a number, on this wire.
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                self.problem("%s: timestamp %r is not a number" % (path, value))
        elif kind in ("string", "blob"):
            if not isinstance(value, str):
                self.problem("%s: %r is not a string" % (path, value))
            elif "enum" in shape and value not in shape["enum"]:
                self.problem("%s: %r is not one of %s" % (path, value, shape["enum"]))

    def attach(self, client):
        """Checks every answer a boto3 client receives."""
        def after_call(http_response, model, **kwargs):
            self.check(model.name, http_response.status_code, http_response.content)
        client.meta.events.register("after-call." + self.service, after_call)
